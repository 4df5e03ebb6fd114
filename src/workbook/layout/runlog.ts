/**
 * TYM_Ajoloki, the run log: when the result was computed, by which program version, with which
 * settings, and from which inputs: each input table's row count and SHA-256 fingerprint of its
 * values (src/domain/fingerprint.ts; never the values themselves, so no personal name is stored).
 * `verify` compares the fingerprints with the tables as they stand: "inputs changed after the run".
 *
 * Format (read by src/app/verify.ts readRunLog; keep it stable): column A a key, column B its value,
 * from row 4: "aika" (ISO 8601 UTC), "ohjelma", "versio", then "asetus: <name>" rows, then a header
 * row "taulukko" | "välilehti" | "rivejä" | "sha-256" and one row per input table (canonical key;
 * the optional participant plan, "suunnitelma", when the workbook has one).
 */
import { SETTINGS, type SettingKey } from '../../domain/contract';
import { Grid } from '../grid';
import type { CellValue, SheetSpec } from '../sheetSpec';
import { SHEETS, type Ctx } from './context';
import { masterBanner } from './results';

export interface RunTable {
  /** Canonical table key (asetukset, kunnat, henkilosto, ilmoittautumiset, kustannukset; suunnitelma when the workbook has a plan). */
  key: string;
  name: string;
  sheet: string;
  rows: number;
  fingerprint: string;
}

export interface RunInfo {
  /** ISO 8601 time of the run (UTC). */
  time: string;
  program: string;
  version: string;
  tables: RunTable[];
}

export const RUN_LOG = { firstRow: 3, tableHeader: ['taulukko', 'välilehti', 'rivejä', 'sha-256'] } as const;

export function settingsInForce(ctx: Ctx): [SettingKey, CellValue][] {
  const s = ctx.model.settings;
  return [
    ['year', s.year],
    ['staffBasis', s.staffBasis],
    ['municipalBasis', s.municipalBasis],
    ['agreedTvaPct', s.agreedTvaPct === null ? '' : s.agreedTvaPct.toNumber()],
    ['kelaPct', s.kelaPct.toNumber()],
    ['employer', s.employer],
    ['billingPeriod', s.billingPeriod],
    ['customerEstimate', s.customerEstimate === null ? '' : s.customerEstimate.toNumber()],
  ];
}

export function buildRunLog(ctx: Ctx, run: RunInfo): SheetSpec {
  const g = new Grid();
  g.value(0, 0, `TYM-kustannustenjako ${ctx.model.settings.year}: ajoloki`, 'title');
  g.value(
    1,
    0,
    'Laskennan aika, ohjelman versio, voimassa olleet asetukset ja syötetaulukoiden rivimäärät ja sormenjäljet (SHA-256 arvoista; arvoja ei tallenneta). Tarkista laskelma -toiminto vertaa sormenjälkiä taulukoihin.',
    'note',
  );
  masterBanner(g, 2, 0);
  let r = RUN_LOG.firstRow;
  const put = (key: string, value: CellValue, style: 'text' | 'integer' | 'decimal' = 'text') => {
    g.value(r, 0, key, 'label');
    g.value(r, 1, value, style);
    r += 1;
  };
  put('aika', run.time);
  put('ohjelma', run.program);
  put('versio', run.version);
  for (const [key, value] of settingsInForce(ctx))
    put(`asetus: ${SETTINGS[key].names[0]}`, value, typeof value === 'number' ? 'decimal' : 'text');
  r += 1;
  g.headers(r, 0, [...RUN_LOG.tableHeader]);
  r += 1;
  for (const t of run.tables) {
    g.value(r, 0, t.key, 'text');
    g.value(r, 1, t.sheet, 'text');
    g.value(r, 2, t.rows, 'integer');
    g.value(r, 3, t.fingerprint, 'text');
    r += 1;
  }
  [28, 24, 8, 70].forEach((w, i) => g.width(i, w));
  return g.toSheet(SHEETS.runLog, { tabColor: 'FF7F7F7F' });
}
