/**
 * Output layout: InputModel + Allocation -> the output sheets, with every formula and the engine's
 * value of it. Pure: no Excel, no I/O; the adapters write what this returns.
 */
import type { Allocation } from '../../domain/allocate';
import type { RawWorkbook } from '../../domain/raw';
import type { InputModel } from '../../domain/types';
import { COST_KINDS } from '../../domain/types';
import type { BillingSettingKey, SettingKey } from '../../domain/contract';
import { BILLING_SETTING_KEYS, SETTING_KEYS } from '../../domain/contract';
import type { RawValue } from '../../domain/raw';
import type { SheetSpec } from '../sheetSpec';
import { storedRows } from '../grid';
import { allTrue, buildChecks, inputChecks, type Check } from './checks';
import { buildComparison } from './comparison';
import { buildContext } from './context';
import { buildInvoicing } from './invoicing';
import { buildInvoiceRows } from './invoiceRows';
import { NAMES } from './names';
import { buildParams } from './params';
import { buildResults, resultsLayout } from './results';
import { buildRows } from './rows';
import { buildRunLog, type RunInfo } from './runlog';
import { buildScenarioSplits } from './scenarioSplits';
import { buildScenarios } from './scenarios';
import { buildMunicipalSplit, buildPartySplit } from './splits';
import { buildStaffing } from './staffing';

export { OUTPUT_SHEET_NAMES, SHEETS } from './context';
export { MASTER_CHECK_ROW } from './checks';
export { RESULT_TABLE, RESULT_HEADERS } from './results';
export { NAMES } from './names';
export { RUN_LOG, type RunInfo, type RunTable } from './runlog';

export interface LayoutInput {
  /** The tables as read (for the expected values of cells that show an input as written). */
  raw?: RawWorkbook;
  /** The run log; without it (tests of the layout) the log records no time or fingerprints. */
  run?: RunInfo;
}

const EMPTY_RUN: RunInfo = { time: '', program: 'tym-kustannustenjako', version: '', tables: [] };

/** The Arvo cell of each setting's row, as the settings block reads it. */
function settingValues(model: InputModel, raw: RawWorkbook | undefined): Partial<Record<SettingKey | BillingSettingKey, RawValue>> {
  const out: Partial<Record<SettingKey | BillingSettingKey, RawValue>> = {};
  const info = model.tables.asetukset;
  const t = raw?.tables.find((x) => x.name === info?.name && x.sheet === info?.sheet);
  if (!t || !info) return out;
  const col = t.headers.indexOf(info.columns.value ?? '');
  for (const key of [...SETTING_KEYS, ...BILLING_SETTING_KEYS]) {
    const ref = model.settingRows[key];
    if (ref && col >= 0) out[key] = t.rows[ref.index - 1]?.[col]?.value ?? null;
  }
  return out;
}

/** The output sheets in workbook order: results, checks and invoicing first (outputs), then the calculations, parameters, rows and the run log. */
export function buildOutputSheets(model: InputModel, alloc: Allocation, input: LayoutInput = {}): SheetSpec[] {
  const ctx = buildContext(model, alloc, input.raw ?? null);
  const split = buildPartySplit(ctx);
  const municipal = buildMunicipalSplit(ctx);
  const params = buildParams(ctx, { values: settingValues(model, input.raw) });
  const staffing = buildStaffing(ctx);
  const invoicing = buildInvoicing(ctx);
  const invoiceRows = buildInvoiceRows(ctx);
  const results = buildResults(ctx, split.block, municipal.block);
  const comparison = buildComparison(ctx, params.refs.notComputable);
  const lay = resultsLayout(ctx);
  const scenarioSplits = buildScenarioSplits(ctx, params.refs.muniCol, split.block);
  const scenarios = buildScenarios(ctx, scenarioSplits.layout, split.block, municipal.block);
  const r = params.refs;
  const checks: Check[] = [
    ...inputChecks(ctx, { ...r, unitsOk: allTrue(NAMES.staffListed), unitListOk: allTrue(staffing.okRange) }),
    ...COST_KINDS.flatMap((kind, ki): Check[] => [
      {
        label: `TYM_Tulokset: ${kind} osapuolten osuudet yhteensä = vuoden ${kind}-kustannukset`,
        formula: `ROUND(${lay.partiesTotal(ki)}-SUMIFS(${NAMES.costCents},${NAMES.costKind},${lay.kindHeader(ki)},${NAMES.costYear},${NAMES.year})/100,2)=0`,
        note: 'Kaikki vuoden kustannusrivit on jaettu kokonaan.',
      },
      {
        label: `TYM_Tulokset: ${kind} kuntien osuudet yhteensä = TVA:n osuus`,
        formula: `ROUND(${lay.munisTotal(ki)}-${lay.receiverCell(1, ki)},2)=0`,
        note: 'TVA:n osuus on jaettu kunnille kokonaan.',
      },
    ]),
    {
      label: 'TYM_Tulokset: yhteenveto täsmää Tulokset-taulukkoon',
      formula: allTrue(lay.summaryOk),
      note: 'Yhteenvedon luku tai Tulokset-taulukon rivi on muutettu käsin: laske uudelleen.',
    },
    {
      label: 'Tulokset: jokainen taulukon rivi täsmää laskentaan (TYM_Jako, TYM_Kuntajako)',
      formula: allTrue(lay.tableOk),
      note: 'Tulokset-taulukon solu on kirjoitettu käsin: laske uudelleen.',
    },
    {
      label: 'Tulokset: taulukossa on yhtä monta riviä kuin laskennassa',
      formula: `ROWS(Tulokset[Euroa])=ROWS(${lay.tableOk})`,
      note: 'Tulokset-taulukkoa on lyhennetty tai pidennetty: laske uudelleen.',
    },
    ...invoicing.checks,
    ...scenarios.checks,
    ...params.budgetKeyChecks,
    ...invoiceRows.checks,
  ];
  const sheets = [
    results,
    buildChecks(ctx, checks),
    invoicing.sheet,
    invoiceRows.sheet,
    scenarios.sheet,
    ...(comparison ? [comparison] : []),
    staffing.sheet,
    split.sheet,
    municipal.sheet,
    scenarioSplits.sheet,
    params.sheet,
    buildRows(ctx),
    buildRunLog(ctx, input.run ?? EMPTY_RUN),
  ];
  // A check FALSE at run time makes every banner's cached master check FALSE too.
  if (checks.some((c) => c.expected === false)) {
    // The stored rows: TYM_Rivit's generated calculation rows hold no banner (and are not kept).
    for (const sh of sheets)
      for (const row of storedRows(sh.cells)) for (const c of row) if (c?.formula === NAMES.master) c.expected = false;
  }
  return sheets;
}
