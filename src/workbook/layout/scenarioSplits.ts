/**
 * TYM_Skenaariojako (issue 12): the calculation behind TYM_Skenaariot. Each allocation group split
 * again as the engine would with one setting changed, every step of the largest remainder in its
 * own column (as on TYM_Kuntajako and TYM_Jako):
 * - block 1: every group's rounded TVA share (TYM_Jako) over the municipalities, once per municipal
 *   basis (population, jobseekers, TVA staff, agreed %), keys from TYM_Parametrit;
 * - block 2: every staff-keyed group (pools a, muu) over TVA, HVA and Kela, once per staff basis
 *   (headcount, FTE, FTE by days), party keys summed from TYM_Rivit; pool b does not depend on staff.
 * A basis that cannot be computed (a municipality without the value, agreed shares that do not sum
 * to 100, a key that totals zero) is marked unavailable in the availability block and splits zero.
 */
import type { Allocation } from '../../domain/allocate';
import { HUNDRED, ZERO, type Decimal } from '../../domain/decimal';
import type { Split, SplitPart } from '../../domain/largestRemainder';
import { computeScenarios, MUNICIPAL_BASES, STAFF_BASES, type Scenarios } from '../../domain/scenarios';
import { PARTIES, type InputModel, type PartyCode } from '../../domain/types';
import { a1, onSheet, range } from '../formula';
import { Grid } from '../grid';
import type { SheetSpec } from '../sheetSpec';
import { MUNI_COL, municipalityRef } from './params';
import { MUNICIPAL_BASIS_CODE, SETTING_ROW, SHEETS, SPLIT_COL, STAFF_BASIS_CODE, type Positions } from './positions';
import type { SplitRows } from './splits';
import { AV, BASIS_KEY_COL, KEYS_END, MUNI_AV_FIRST, SAV, STAFF_AV_FIRST, writeScenarioKeys } from './scenarioKeys';

/** Columns of the split blocks. */
export const SC = {
  basis: 0,
  group: 1,
  kind: 2,
  receiver: 3,
  amount: 4,
  key: 5,
  fraction: 6,
  exact: 7,
  floor: 8,
  remainder: 9,
  leftover: 10,
  rank: 11,
  share: 12,
  groupOk: 13,
  withinCent: 14,
} as const;

export interface ScenarioLayout {
  presenceFirst: number;
  muniFirst: number;
  muniLast: number;
  staffFirst: number;
  staffLast: number;
  /** Sheet-qualified ranges of a column over block 1 (municipal) or block 2 (staff). */
  muniRange(col: number): string;
  staffRange(col: number): string;
  /** Whether basis i (0-based in MUNICIPAL_BASES / STAFF_BASES) is available: a sheet-qualified cell (1/0). */
  muniAvailable(i: number): string;
  staffAvailable(i: number): string;
}

export function scenarioLayout(model: InputModel, alloc: Allocation): ScenarioLayout {
  const m = model.municipalities.length;
  const presenceFirst = KEYS_END + 3;
  const muniFirst = presenceFirst + m + 3;
  const muniRows = MUNICIPAL_BASES.length * alloc.groups.length * m;
  const muniLast = muniFirst + Math.max(1, muniRows) - 1;
  const staffGroups = alloc.groups.filter((g) => g.pool !== 'b').length;
  const staffFirst = muniLast + 4;
  const staffLast = staffFirst + Math.max(1, STAFF_BASES.length * staffGroups * PARTIES.length) - 1;
  const q = (c: number, r1: number, r2: number) => onSheet(SHEETS.scenarioSplits, range(r1, c, r2, c));
  return {
    presenceFirst,
    muniFirst,
    muniLast,
    staffFirst,
    staffLast,
    muniRange: (c) => q(c, muniFirst, muniLast),
    staffRange: (c) => q(c, staffFirst, staffLast),
    muniAvailable: (i) => onSheet(SHEETS.scenarioSplits, a1(MUNI_AV_FIRST + i, AV.available, true)),
    staffAvailable: (i) => onSheet(SHEETS.scenarioSplits, a1(STAFF_AV_FIRST + i, SAV.available, true)),
  };
}

/** The parts of an unavailable basis: all zero, ranks in table order (as the formulas give them). */
function zeroParts(receivers: string[]): Split {
  return {
    total: ZERO,
    leftoverCents: 0,
    parts: receivers.map((receiver, i) => ({
      receiver,
      key: ZERO,
      fraction: ZERO,
      exact: ZERO,
      floor: ZERO,
      remainder: ZERO,
      rank: i + 1,
      extraCent: false,
      amount: ZERO,
    })),
  };
}

/** The largest-remainder columns of one row, given the group's rows [first, last]. */
function remainderColumns(g: Grid, row: number, first: number, last: number, part: SplitPart, leftover: number): void {
  const at = (col: number) => a1(row, col);
  const grp = (col: number) => `${a1(first, col, true)}:${a1(last, col, true)}`;
  g.formula(row, SC.exact, `ABS(${at(SC.amount)})*${at(SC.fraction)}`, part.exact.toNumber(), 'fraction');
  g.formula(row, SC.floor, `ROUNDDOWN(ROUND(${at(SC.exact)},9),2)`, part.floor.toNumber(), 'money');
  g.formula(row, SC.remainder, `ROUND(${at(SC.exact)}-${at(SC.floor)},9)`, part.remainder.toNumber(), 'fraction');
  g.formula(row, SC.leftover, `ROUND((ABS(${at(SC.amount)})-SUM(${grp(SC.floor)}))*100,0)`, leftover, 'integer');
  g.formula(
    row,
    SC.rank,
    `SUMPRODUCT(--(${grp(SC.remainder)}>${at(SC.remainder)}))+SUMPRODUCT(--(${a1(first, SC.remainder, true)}:${at(SC.remainder)}=${at(SC.remainder)}))`,
    part.rank,
    'integer',
  );
  g.formula(
    row,
    SC.share,
    `SIGN(${at(SC.amount)})*ROUND(${at(SC.floor)}+IF(${at(SC.rank)}<=${at(SC.leftover)},0.01,0),2)`,
    part.amount.toNumber(),
    'money',
  );
  g.formula(row, SC.groupOk, `ROUND(SUM(${grp(SC.share)})-${at(SC.amount)},2)=0`, true, 'check');
  g.formula(row, SC.withinCent, `ABS(ABS(${at(SC.share)})-${at(SC.exact)})<0.01`, true, 'check');
}

const HEADERS = [
  'Peruste',
  'Ryhmä',
  'Laji',
  'Vastaanottaja',
  'Jaettava summa',
  'Avain',
  'Osuus',
  'Tarkka osuus',
  'Alaspäin senteiksi',
  'Jäännös',
  'Jaettavat sentit',
  'Sija',
  'Osuus €',
  'Ryhmä täsmää',
  'Sentin sisällä',
];

export function buildScenarioSplits(
  model: InputModel,
  alloc: Allocation,
  pos: Positions,
  rows: SplitRows,
  scenarios: Scenarios = computeScenarios(model, alloc),
): SheetSpec {
  const g = new Grid();
  const lay = scenarioLayout(model, alloc);
  const m = model.municipalities.length;
  g.value(0, 0, `TYM-kustannustenjako ${alloc.year}: skenaarioiden laskenta`, 'title');
  g.value(
    1,
    0,
    'Jokainen ryhmä jaetaan uudelleen kuten laskenta jakaisi sen toisella jakoperusteella: TVA:n osuus kunnille kullakin kuntajaon perusteella, poolien a ja muu osuudet osapuolille kullakin henkilöstöperusteella. Tulokset välilehdellä TYM_Skenaariot.',
    'note',
  );

  writeScenarioKeys(g, model, pos, scenarios, {
    presenceFirst: lay.presenceFirst,
    staffBasisRange: range(lay.staffFirst, SC.basis, lay.staffLast, SC.basis),
  });

  // Block 1: TVA's share of every group over the municipalities, per municipal basis.
  g.value(lay.muniFirst - 2, 0, 'TVA:n osuus kunnille kullakin kuntajaon perusteella', 'subtitle');
  g.headers(lay.muniFirst - 1, 0, HEADERS);
  let row = lay.muniFirst;
  MUNICIPAL_BASES.forEach((basis, bi) => {
    const sc = scenarios.municipal[bi];
    const avail = a1(MUNI_AV_FIRST + bi, AV.available, true);
    alloc.groups.forEach((grp, gi) => {
      const first = row;
      const last = first + m - 1;
      const split = sc.unavailable === null ? sc.splits[gi] : zeroParts(model.municipalities.map((x) => x.name));
      const tvaShare = onSheet(SHEETS.split, a1(rows.partyFirst[gi], SPLIT_COL.share, true));
      model.municipalities.forEach((mu, mi) => {
        const at = (c: number) => a1(row, c);
        g.value(row, SC.basis, MUNICIPAL_BASIS_CODE[basis], 'integer');
        g.value(row, SC.group, gi + 1, 'integer');
        g.value(row, SC.kind, grp.kind, 'text');
        g.formula(row, SC.receiver, municipalityRef(pos, mi, MUNI_COL.name), mu.name, 'text');
        g.formula(
          row,
          SC.amount,
          `IF(${avail}=1,${tvaShare},0)`,
          sc.unavailable === null ? grp.parties.parts[0].amount.toNumber() : 0,
          'money',
        );
        g.formula(row, SC.key, municipalityRef(pos, mi, BASIS_KEY_COL[bi]), sc.keys[mi].toNumber(), 'decimal');
        g.formula(
          row,
          SC.fraction,
          `IF(${avail}=1,${at(SC.key)}/SUM(${a1(first, SC.key, true)}:${a1(last, SC.key, true)}),0)`,
          split.parts[mi].fraction.toNumber(),
          'fraction',
        );
        remainderColumns(g, row, first, last, split.parts[mi], split.leftoverCents);
        row += 1;
      });
    });
  });

  // Block 2: the staff-keyed groups over the parties, per staff basis.
  g.value(
    lay.staffFirst - 2,
    0,
    'Poolien a ja muu osuudet osapuolille kullakin henkilöstöperusteella (pooli b ei riipu henkilöstöstä)',
    'subtitle',
  );
  g.headers(lay.staffFirst - 1, 0, HEADERS);
  row = lay.staffFirst;
  const kela = pos.setting(SETTING_ROW.kelaPct);
  const agreed = pos.setting(SETTING_ROW.agreedTvaPct);
  const flag = pos.setting(SETTING_ROW.agreedTvaPct, true);
  STAFF_BASES.forEach((basis, bi) => {
    const sc = scenarios.staff[bi];
    const availRow = STAFF_AV_FIRST + bi;
    const avail = a1(availRow, SAV.available, true);
    const tvaKey = a1(availRow, SAV.tva, true);
    const hvaKey = a1(availRow, SAV.hva, true);
    alloc.groups.forEach((grp, gi) => {
      if (grp.pool === 'b') return;
      const first = row;
      const last = first + PARTIES.length - 1;
      const split = sc.unavailable === null ? sc.splits[gi] : zeroParts([...PARTIES]);
      const amount = onSheet(SHEETS.split, a1(rows.partyFirst[gi], SPLIT_COL.amount, true));
      PARTIES.forEach((party: PartyCode, pi) => {
        g.value(row, SC.basis, STAFF_BASIS_CODE[basis], 'integer');
        g.value(row, SC.group, gi + 1, 'integer');
        g.value(row, SC.kind, grp.kind, 'text');
        g.value(row, SC.receiver, party, 'text');
        g.formula(row, SC.amount, `IF(${avail}=1,${amount},0)`, sc.unavailable === null ? grp.amount.toNumber() : 0, 'money');
        const part = split.parts[pi];
        let key: string;
        let fraction: string;
        if (party === 'KELA') {
          key = kela;
          fraction = `${kela}/100`;
        } else {
          const own = party === 'TVA' ? tvaKey : hvaKey;
          const agreedPart = party === 'TVA' ? agreed : `(100-${agreed})`;
          key = `IF(${flag}=1,${agreedPart},${own})`;
          fraction = `(100-${kela})/100*IF(${flag}=1,${agreedPart}/100,${own}/(${tvaKey}+${hvaKey}))`;
        }
        g.formula(row, SC.key, key, (sc.unavailable === null ? part.key : keyOf(model, sc.keys, party)).toNumber(), 'decimal');
        g.formula(row, SC.fraction, `IF(${avail}=1,${fraction},0)`, part.fraction.toNumber(), 'fraction');
        remainderColumns(g, row, first, last, part, split.leftoverCents);
        row += 1;
      });
    });
  });

  [9, 22, 6, 16, 14, 12, 12, 15, 14, 12, 9, 6, 14, 9, 9].forEach((w, i) => g.width(i, w));
  return g.toSheet(SHEETS.scenarioSplits, { tabColor: 'FF2F75B5', freeze: { rows: 0, columns: 0 } });
}

/** The key a party row shows when its basis is unavailable: Kela's %, or the agreed / staff key. */
function keyOf(model: InputModel, keys: Record<PartyCode, Decimal>, party: PartyCode): Decimal {
  const s = model.settings;
  if (party === 'KELA') return s.kelaPct;
  if (s.agreedTvaPct !== null) return party === 'TVA' ? s.agreedTvaPct : HUNDRED.minus(s.agreedTvaPct);
  return keys[party];
}
