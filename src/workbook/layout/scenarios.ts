/**
 * TYM_Skenaariot (issue 12): for the municipalities' negotiation, what each would pay of TVA's part
 * under every municipal basis, and what each party would pay under every staff basis, beside the
 * basis in force, with the difference in euros and in percent. One A4 landscape page; every figure
 * a formula over TYM_Skenaariojako and the result table, so a population typed into Kunnat moves it.
 * A basis that cannot be computed shows "ei laskettavissa" and no figures.
 */
import type { Allocation } from '../../domain/allocate';
import { Decimal, ZERO } from '../../domain/decimal';
import { computeScenarios, kindsOf, MUNICIPAL_BASES, STAFF_BASES, type Scenarios } from '../../domain/scenarios';
import { PARTIES, type CostKind, type InputModel } from '../../domain/types';
import { a1, onSheet } from '../formula';
import { Grid } from '../grid';
import type { CellValue, SheetSpec } from '../sheetSpec';
import { MASTER_CHECK_ROW } from './checks';
import { MUNI_COL, municipalityRef } from './params';
import { MUNICIPAL_BASIS_CODE, SETTING_ROW, SHEETS, STAFF_BASIS_CODE, type Positions } from './positions';
import { LEVEL_MUNICIPALITY, LEVEL_PARTY, RESULT_TABLE } from './results';
import type { CheckRow } from './checkRow';
import { MUNICIPAL_BASIS_NAMES, STAFF_BASIS_NAMES } from './scenarioKeys';
import { SC, scenarioLayout } from './scenarioSplits';

/** Words the formulas use, in cells of the sheet (column Q), so no label is typed into a formula. */
const W = { col: 16, levelMuni: 3, levelParty: 4, poolB: 5, inForce: 6, unavailable: 7 } as const;
const WORDS: [number, string, string][] = [
  [W.levelMuni, 'Taso (kunnat)', LEVEL_MUNICIPALITY],
  [W.levelParty, 'Taso (osapuolet)', LEVEL_PARTY],
  [W.poolB, 'Pooli, joka ei riipu henkilöstöstä', 'b'],
  [W.inForce, 'Merkintä: voimassa', 'voimassa'],
  [W.unavailable, 'Merkintä: ei laskettavissa', 'ei laskettavissa'],
];

/** Columns: name, in force, then € / difference € / difference % per basis, then the row check. */
const C = { name: 0, inForce: 1, first: 2 } as const;
const perBasis = 3;

const FIRST_BLOCK_ROW = 6;
const CHECK_COL = C.first + perBasis * MUNICIPAL_BASES.length;

/** Where each block's receiver rows are: per kind, municipalities then parties (title, header, status row above; total below). */
export function scenarioBlocks(model: InputModel, alloc: Allocation): { first: number; last: number }[] {
  const out: { first: number; last: number }[] = [];
  let row = FIRST_BLOCK_ROW;
  for (const _ of kindsOf(alloc)) {
    for (const n of [model.municipalities.length, PARTIES.length]) {
      out.push({ first: row + 3, last: row + 2 + n });
      row += n + 5;
    }
  }
  return out;
}

/** The checks of the scenarios for TYM_Tarkistukset. */
export function scenarioChecks(model: InputModel, alloc: Allocation): CheckRow[] {
  const lay = scenarioLayout(model, alloc);
  const hasStaffGroups = alloc.groups.some((g) => g.pool !== 'b');
  const allTrue = (ranges: string[]) => ranges.map((r) => `COUNTIF(${r},TRUE)=ROWS(${r})`).reduce((a, b) => `AND(${a},${b})`);
  const rowChecks = scenarioBlocks(model, alloc).map((b) =>
    onSheet(SHEETS.scenarios, `${a1(b.first, CHECK_COL, true)}:${a1(b.last, CHECK_COL, true)}`),
  );
  return [
    {
      label: 'Skenaariot: jokainen ryhmä jakautuu sentilleen kullakin perusteella',
      // Every row of each block that has rows (with no staff-keyed group the staff block is empty).
      formula: allTrue([lay.muniRange(SC.groupOk), ...(hasStaffGroups ? [lay.staffRange(SC.groupOk)] : [])]),
      note: 'TYM_Skenaariojako: osuuksien summa = jaettava summa jokaisessa ryhmässä.',
    },
    {
      label: 'Skenaariot: voimassa olevan perusteen skenaario = laskelman tulos',
      formula: rowChecks.map((r) => `COUNTIF(${r},FALSE)=0`).reduce((a, b) => `AND(${a},${b})`),
      note: 'TYM_Skenaariot: voimassa olevan perusteen sarake on sama kuin TYM_Tulokset.',
    },
  ];
}

export function buildScenarios(
  model: InputModel,
  alloc: Allocation,
  pos: Positions,
  scenarios: Scenarios = computeScenarios(model, alloc),
): SheetSpec {
  const g = new Grid();
  const lay = scenarioLayout(model, alloc);
  const s = model.settings;
  g.value(0, 0, `TYM-kustannustenjako ${alloc.year}: skenaariot – mitä kukin maksaisi toisella jakoperusteella`, 'title');
  g.value(
    1,
    0,
    'Kuntien osuudet TVA:n osuudesta kullakin kuntajaon perusteella ja osapuolten osuudet kullakin henkilöstöperusteella, voimassa olevan perusteen rinnalla; ero = skenaario − voimassa. Laskenta: TYM_Skenaariojako.',
    'note',
  );
  g.value(2, 0, 'Kaikki tarkistukset kunnossa', 'label');
  g.formula(2, C.inForce, onSheet(SHEETS.checks, a1(MASTER_CHECK_ROW, 1, true)), true, 'check');
  g.value(3, 0, 'Voimassa: kuntajaon peruste (koodi)', 'label');
  g.formula(3, C.inForce, pos.setting(SETTING_ROW.municipalBasis, true), MUNICIPAL_BASIS_CODE[s.municipalBasis], 'integer');
  g.value(4, 0, 'Voimassa: henkilöstöperuste (koodi)', 'label');
  g.formula(4, C.inForce, pos.setting(SETTING_ROW.staffBasis, true), STAFF_BASIS_CODE[s.staffBasis], 'integer');
  for (const [row, label, word] of WORDS) {
    g.value(row, W.col - 1, label, 'note');
    g.value(row, W.col, word, 'text');
  }
  const word = (row: number) => a1(row, W.col, true);
  const muniCode = a1(3, C.inForce, true);
  const staffCode = a1(4, C.inForce, true);

  const euros = `${RESULT_TABLE}[Euroa]`;
  const rcol = (h: string) => `${RESULT_TABLE}[${h}]`;
  const checkCol = CHECK_COL;
  let row = FIRST_BLOCK_ROW;

  /** One block: rows of receivers, the in-force column and per basis €, difference €, difference %. */
  const block = (
    kind: CostKind,
    title: string,
    firstHeader: string,
    names: string[],
    receiverCell: (i: number) => { formula?: string; value: string },
    inForce: (i: number) => Decimal,
    bases: {
      name: string;
      code: number;
      available: string;
      isAvailable: boolean;
      total: (i: number) => Decimal;
      sum: (nameCell: string, kindCell: string) => string;
    }[],
    codeCell: string,
    inForceCode: number,
    levelWord: number,
  ) => {
    g.value(row, 0, title, 'subtitle');
    row += 1;
    const header = row;
    const headers = [firstHeader, 'Voimassa €'];
    for (const b of bases) headers.push(`${b.name} €`, 'ero €', 'ero %');
    headers.push('Voimassa = laskelma');
    g.headers(header, 0, headers);
    g.value(header + 1, 0, kind, 'label');
    const kindCell = a1(header + 1, 0, true);
    bases.forEach((b, bi) => {
      const c = C.first + bi * perBasis;
      g.formula(
        header + 1,
        c,
        `IF(${b.available}=1,IF(${codeCell}=${b.code},${word(W.inForce)},""),${word(W.unavailable)})`,
        b.isAvailable ? (b.code === inForceCode ? 'voimassa' : '') : 'ei laskettavissa',
        'note',
      );
    });
    const first = header + 2;
    names.forEach((_name, i) => {
      const r = first + i;
      const at = (c: number) => a1(r, c);
      const rc = receiverCell(i);
      if (rc.formula) g.formula(r, C.name, rc.formula, rc.value, 'label');
      else g.value(r, C.name, rc.value, 'label');
      const inForceValue = inForce(i);
      g.formula(
        r,
        C.inForce,
        `SUMIFS(${euros},${rcol('Vastaanottaja')},${at(C.name)},${rcol('Laji')},${kindCell},${rcol('Taso')},${word(levelWord)})`,
        inForceValue.toNumber(),
        'money',
      );
      const choices: string[] = [];
      bases.forEach((b, bi) => {
        const c = C.first + bi * perBasis;
        const v = b.total(i);
        const diff = v.minus(inForceValue);
        g.formula(r, c, `IF(${b.available}=1,${b.sum(a1(r, C.name, true), kindCell)},"")`, b.isAvailable ? v.toNumber() : '', 'money');
        g.formula(r, c + 1, `IF(${b.available}=1,${at(c)}-${at(C.inForce)},"")`, b.isAvailable ? diff.toNumber() : '', 'money');
        const pct: CellValue = b.isAvailable && !inForceValue.isZero() ? diff.div(inForceValue).mul(100).toNumber() : '';
        g.formula(r, c + 2, `IF(AND(${b.available}=1,${at(C.inForce)}<>0),${at(c + 1)}/${at(C.inForce)}*100,"")`, pct, 'percent');
        choices.push(at(c));
      });
      g.formula(r, checkCol, `ROUND(N(CHOOSE(${codeCell},${choices.join(',')}))-${at(C.inForce)},2)=0`, true, 'check');
    });
    const last = first + names.length - 1;
    const total = last + 1;
    g.value(total, C.name, 'Yhteensä', 'label');
    const sumCols = [C.inForce, ...bases.flatMap((_, bi) => [C.first + bi * perBasis, C.first + bi * perBasis + 1])];
    const inForceTotal = names.reduce((a, _, i) => a.plus(inForce(i)), ZERO);
    for (const c of sumCols) {
      const bi = Math.floor((c - C.first) / perBasis);
      const b = c === C.inForce ? null : bases[bi];
      let expected: CellValue;
      if (b === null) expected = inForceTotal.toNumber();
      else {
        const t = names.reduce((a, _, i) => a.plus(b.total(i)), ZERO);
        expected = (c - C.first) % perBasis === 0 ? t.toNumber() : t.minus(b.isAvailable ? inForceTotal : ZERO).toNumber();
        if (!b.isAvailable) expected = 0;
      }
      g.formula(total, c, `SUM(${a1(first, c)}:${a1(last, c)})`, expected, 'moneyTotal');
    }
    row = total + 2;
  };

  for (const kind of kindsOf(alloc)) {
    const muniNames = model.municipalities.map((m) => m.name);
    block(
      kind,
      `${kind}: kuntien osuudet TVA:n osuudesta`,
      'Kunta',
      muniNames,
      (i) => ({ formula: municipalityRef(pos, i, MUNI_COL.name), value: muniNames[i] }),
      (i) => alloc.totals[kind].get(muniNames[i])!,
      MUNICIPAL_BASES.map((basis, bi) => ({
        name: MUNICIPAL_BASIS_NAMES[bi],
        code: MUNICIPAL_BASIS_CODE[basis],
        available: lay.muniAvailable(bi),
        isAvailable: scenarios.municipal[bi].unavailable === null,
        total: (i) => scenarios.municipal[bi].totals[kind][i],
        sum: (nameCell, kindCell) =>
          `SUMIFS(${lay.muniRange(SC.share)},${lay.muniRange(SC.basis)},${MUNICIPAL_BASIS_CODE[basis]},${lay.muniRange(SC.kind)},${kindCell},${lay.muniRange(SC.receiver)},${nameCell})`,
      })),
      muniCode,
      MUNICIPAL_BASIS_CODE[s.municipalBasis],
      W.levelMuni,
    );
    block(
      kind,
      `${kind}: osapuolten osuudet`,
      'Osapuoli',
      [...PARTIES],
      (i) => ({ value: PARTIES[i] }),
      (i) => alloc.totals[kind].get(PARTIES[i])!,
      STAFF_BASES.map((basis, bi) => ({
        name: STAFF_BASIS_NAMES[bi],
        code: STAFF_BASIS_CODE[basis],
        available: lay.staffAvailable(bi),
        isAvailable: scenarios.staff[bi].unavailable === null,
        total: (i) => scenarios.staff[bi].totals[kind][i],
        sum: (nameCell, kindCell) =>
          `SUMIFS(${lay.staffRange(SC.share)},${lay.staffRange(SC.basis)},${STAFF_BASIS_CODE[basis]},${lay.staffRange(SC.kind)},${kindCell},${lay.staffRange(SC.receiver)},${nameCell})+SUMIFS(${euros},${rcol('Vastaanottaja')},${nameCell},${rcol('Laji')},${kindCell},${rcol('Pooli')},${word(W.poolB)},${rcol('Taso')},${word(W.levelParty)})`,
      })),
      staffCode,
      STAFF_BASIS_CODE[s.staffBasis],
      W.levelParty,
    );
  }

  [16, 13, ...Array.from({ length: MUNICIPAL_BASES.length }, () => [13, 11, 8]).flat(), 10, 2, 26, 14].forEach((w, i) => g.width(i, w));
  return g.toSheet(SHEETS.scenarios, {
    tabColor: 'FF548235',
    print: { title: `TYM-kustannustenjako ${alloc.year}: skenaariot`, landscape: true, fitToWidth: true, onePage: true },
  });
}
