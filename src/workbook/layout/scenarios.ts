/**
 * TYM_Skenaariot (issue 12): for the municipalities' negotiation, what each would pay of TVA's part
 * under every municipal basis, and what each party would pay under every staff basis, beside the
 * basis in force (TYM_Kuntajako / TYM_Jako), with the difference in euros and in percent. One A4
 * landscape page. Every figure a formula over TYM_Skenaariojako and the splits; the basis in force is
 * read by name (TYM_KUNTAJAON_PERUSTE, TYM_HENKILOSTOPERUSTE). A basis that cannot be computed shows
 * "ei laskettavissa" and no figures.
 */
import { ZERO, type Decimal } from '../../domain/decimal';
import { computeScenarios, kindsOf, MUNICIPAL_BASES, STAFF_BASES, type Scenarios } from '../../domain/scenarios';
import { PARTIES, type CostKind } from '../../domain/types';
import { a1, onSheet } from '../formula';
import { Grid } from '../grid';
import type { CellValue, SheetSpec } from '../sheetSpec';
import type { Block } from './block';
import { allTrue, type Check } from './checks';
import { SHEETS, type Ctx } from './context';
import { NAMES } from './names';
import { masterBanner } from './results';
import { MUNICIPAL_BASIS_NAMES, STAFF_BASIS_NAMES } from './scenarioKeys';
import type { ScenarioSplitLayout } from './scenarioSplits';
import { MUNICIPAL_BASIS_CODE, STAFF_BASIS_CODE } from './settings';

const S = SHEETS.scenarios;
/** Columns: name, receiver number, in force, then € / difference € / difference % per basis, then the row check. */
const C = { name: 0, no: 1, inForce: 2, first: 3 } as const;
const PER = 3;
const CHECK_COL = C.first + PER * MUNICIPAL_BASES.length;
/** Words the formulas show, in cells of the sheet (no label typed into a formula). */
const WORD_COL = CHECK_COL + 2;
const WORDS = { inForce: 'voimassa', unavailable: 'ei laskettavissa' } as const;
const FIRST_BLOCK_ROW = 5;

export interface ScenarioSheet {
  sheet: SheetSpec;
  checks: Check[];
}

export function buildScenarios(
  ctx: Ctx,
  lay: ScenarioSplitLayout,
  jako: Block,
  kuntajako: Block,
  sc: Scenarios = computeScenarios(ctx.model, ctx.alloc),
): ScenarioSheet {
  const g = new Grid();
  const model = ctx.model;
  const alloc = ctx.alloc;
  const year = model.settings.year;
  g.value(0, 0, `TYM-kustannustenjako ${year}: skenaariot – mitä kukin maksaisi toisella jakoperusteella`, 'title');
  masterBanner(g, 1, 0, C.inForce);
  g.value(
    2,
    0,
    'Kuntien osuudet TVA:n osuudesta kullakin kuntajaon perusteella ja osapuolten osuudet kullakin henkilöstöperusteella, voimassa olevan perusteen rinnalla; ero = skenaario − voimassa. Laskenta: TYM_Skenaariojako.',
    'note',
  );
  g.value(3, WORD_COL - 1, 'Merkintä: voimassa', 'note');
  g.value(3, WORD_COL, WORDS.inForce, 'text');
  g.value(4, WORD_COL - 1, 'Merkintä: ei laskettavissa', 'note');
  g.value(4, WORD_COL, WORDS.unavailable, 'text');
  const word = (row: number) => a1(row, WORD_COL, true);
  const checkRanges: { label: string; range: string }[] = [];
  let row = FIRST_BLOCK_ROW;

  interface Basis {
    name: string;
    code: number;
    available: boolean;
    total: (i: number) => Decimal;
  }
  const block = (
    kind: CostKind,
    title: string,
    firstHeader: string,
    receivers: { no: number; name: string; inForce: Decimal }[],
    bases: Basis[],
    split: Block,
    scen: Block,
    avail: string,
    basisName: string,
    inForceCode: number,
    level: string,
  ) => {
    g.value(row, 0, title, 'subtitle');
    const codeRow = row + 1;
    const header = row + 2;
    const status = row + 3;
    g.value(codeRow, 0, 'Perusteen koodi →', 'note');
    g.value(codeRow, C.inForce, 'Laji →', 'note');
    const headers = [firstHeader, 'Nro', 'Voimassa €'];
    bases.forEach((b) => headers.push(`${b.name} €`, 'ero €', 'ero %'));
    headers.push('Voimassa = laskelma');
    g.headers(header, 0, headers);
    g.value(status, 0, kind, 'label');
    const kindCell = a1(status, 0, true);
    bases.forEach((b, bi) => {
      const c = C.first + bi * PER;
      g.value(codeRow, c, b.code, 'integer');
      const code = a1(codeRow, c, true);
      g.formula(
        status,
        c,
        `IF(INDEX(${avail},${code}),IF(${code}=${basisName},${word(3)},""),${word(4)})`,
        b.available ? (b.code === inForceCode ? WORDS.inForce : '') : WORDS.unavailable,
        'note',
      );
    });
    const first = status + 1;
    receivers.forEach((rc, i) => {
      const r = first + i;
      const at = (c: number) => a1(r, c);
      g.value(r, C.no, rc.no, 'integer');
      g.formula(r, C.name, `INDEX(${NAMES.receivers},${at(C.no)},1)`, rc.name, 'label');
      g.formula(
        r,
        C.inForce,
        `SUMIFS(${split.range('cents')},${split.range('no')},${at(C.no)},${split.range('kind')},${kindCell},${split.range('year')},${NAMES.year})/100`,
        rc.inForce.toNumber(),
        'money',
      );
      const choices: string[] = [];
      bases.forEach((b, bi) => {
        const c = C.first + bi * PER;
        const code = a1(codeRow, c, true);
        const v = b.total(i);
        const diff = v.minus(rc.inForce);
        const ok = `INDEX(${avail},${code})`;
        g.formula(
          r,
          c,
          `IF(${ok},SUMIFS(${scen.range('cents')},${scen.range('basis')},${code},${scen.range('kind')},${kindCell},${scen.range('no')},${at(C.no)})/100,"")`,
          b.available ? v.toNumber() : '',
          'money',
        );
        g.formula(r, c + 1, `IF(${ok},${at(c)}-${at(C.inForce)},"")`, b.available ? diff.toNumber() : '', 'money');
        const pct: CellValue = b.available && !rc.inForce.isZero() ? diff.div(rc.inForce).mul(100).toNumber() : '';
        g.formula(r, c + 2, `IF(AND(${ok},${at(C.inForce)}<>0),${at(c + 1)}/${at(C.inForce)}*100,"")`, pct, 'percent');
        choices.push(at(c));
      });
      g.formula(r, CHECK_COL, `IFERROR(ROUND(CHOOSE(${basisName},${choices.join(',')})-${at(C.inForce)},2)=0,FALSE)`, true, 'check');
    });
    const last = first + receivers.length - 1;
    const total = last + 1;
    g.value(total, C.name, 'Yhteensä', 'label');
    const inForceTotal = receivers.reduce((a, x) => a.plus(x.inForce), ZERO);
    g.formula(total, C.inForce, `SUM(${a1(first, C.inForce)}:${a1(last, C.inForce)})`, inForceTotal.toNumber(), 'moneyTotal');
    bases.forEach((b, bi) => {
      const c = C.first + bi * PER;
      const t = receivers.reduce((a, _, i) => a.plus(b.total(i)), ZERO);
      g.formula(total, c, `SUM(${a1(first, c)}:${a1(last, c)})`, b.available ? t.toNumber() : 0, 'moneyTotal');
      g.formula(
        total,
        c + 1,
        `SUM(${a1(first, c + 1)}:${a1(last, c + 1)})`,
        b.available ? t.minus(inForceTotal).toNumber() : 0,
        'moneyTotal',
      );
    });
    // Every scenario splits the same amounts: its total equals the basis in force (a figure typed over shows here).
    g.formula(total, CHECK_COL, `AND(${bases.map((_, bi) => `ROUND(${a1(total, C.first + bi * PER + 1)},2)=0`).join(',')})`, true, 'check');
    checkRanges.push({ label: `${kind} ${level}`, range: onSheet(S, `${a1(first, CHECK_COL, true)}:${a1(total, CHECK_COL, true)}`) });
    row = total + 2;
  };

  const P = PARTIES.length;
  for (const kind of kindsOf(alloc)) {
    block(
      kind,
      `${kind}: kuntien osuudet TVA:n osuudesta`,
      'Kunta',
      model.municipalities.map((m) => ({ no: P + m.ref.index, name: m.name, inForce: alloc.totals[kind].get(m.name)! })),
      MUNICIPAL_BASES.map((basis, bi) => ({
        name: MUNICIPAL_BASIS_NAMES[bi],
        code: MUNICIPAL_BASIS_CODE[basis],
        available: sc.municipal[bi].unavailable === null,
        total: (i) => sc.municipal[bi].totals[kind][i],
      })),
      kuntajako,
      lay.muni,
      lay.muniAvail,
      NAMES.municipalBasis,
      MUNICIPAL_BASIS_CODE[model.settings.municipalBasis],
      'kunnat',
    );
    block(
      kind,
      `${kind}: osapuolten osuudet`,
      'Osapuoli',
      PARTIES.map((p, i) => ({ no: i + 1, name: p, inForce: alloc.totals[kind].get(p)! })),
      STAFF_BASES.map((basis, bi) => ({
        name: STAFF_BASIS_NAMES[bi],
        code: STAFF_BASIS_CODE[basis],
        available: sc.staff[bi].unavailable === null,
        total: (i) => sc.staff[bi].totals[kind][i],
      })),
      jako,
      lay.staff,
      lay.staffAvail,
      NAMES.staffBasis,
      STAFF_BASIS_CODE[model.settings.staffBasis],
      'osapuolet',
    );
  }
  [16, 5, 13, ...Array.from({ length: MUNICIPAL_BASES.length }, () => [13, 11, 8]).flat(), 10, 2, 22, 14].forEach((w, i) => g.width(i, w));
  const checks: Check[] = [
    {
      label: 'TYM_Skenaariojako: kuntajaon skenaarioiden jokainen ryhmä jakautuu sentilleen',
      formula: rowsOk(lay.muni),
      note: 'TVA:n osuus jaetaan kunnille kokonaan kullakin perusteella; luvut tarkan laskennan rajoissa (TYM_RAJA).',
    },
    {
      label: 'TYM_Skenaariojako: henkilöstöperusteiden skenaarioiden jokainen ryhmä jakautuu sentilleen',
      formula: rowsOk(lay.staff),
      note: 'Ryhmä jaetaan osapuolille kokonaan kullakin perusteella; luvut tarkan laskennan rajoissa (TYM_RAJA).',
    },
    ...checkRanges.map((c): Check => ({
      label: `TYM_Skenaariot: ${c.label}: voimassa olevan perusteen skenaario = laskelma, summat täsmäävät`,
      formula: allTrue(c.range),
      note: 'Voimassa olevan perusteen sarake on sama kuin TYM_Kuntajako (kunnat) tai TYM_Jako (osapuolet), ja jokaisen perusteen summa on sama kuin voimassa olevan (luku kirjoitettu käsin?): laske uudelleen.',
    })),
  ];
  return {
    sheet: g.toSheet(S, {
      tabColor: 'FF548235',
      print: { title: `TYM-kustannustenjako ${year}: skenaariot`, landscape: true, fitToWidth: true, onePage: true },
    }),
    checks,
  };
}

/** Every row of a split block TRUE; a block without rows (a budget year without cost lines) has nothing to check. */
function rowsOk(b: Block): string {
  return b.rows > 0 ? allTrue(b.range('ok')) : `COUNTIF(${b.range('ok')},FALSE)=0`;
}
