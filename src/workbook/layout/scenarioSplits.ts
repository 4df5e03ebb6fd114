/**
 * TYM_Skenaariojako (issue 12): the calculation behind TYM_Skenaariot. Every group of the budget
 * year split again as the engine would with one setting changed, in integer cents with every
 * largest-remainder step in its own column (the same steps as TYM_Jako and TYM_Kuntajako,
 * remainderSteps in splits.ts):
 * - block 1: each group's rounded TVA share (TYM_JAKO_SENTIT) over the municipalities, once per
 *   municipal basis (population, jobseekers, TVA staff, agreed %);
 * - block 2: each group over TVA, HVA and Kela once per staff basis (headcount, FTE, FTE by days);
 *   pool b groups keep their registrants' key, so they split as on TYM_Jako.
 * A basis that cannot be computed (keys block, scenarioKeys.ts) splits zero cents.
 */
import { EXACT_LIMIT } from '../../domain/exactRange';
import type { Split } from '../../domain/largestRemainder';
import { computeScenarios, MUNICIPAL_BASES, STAFF_BASES, type Scenarios } from '../../domain/scenarios';
import { PARTIES } from '../../domain/types';
import { range } from '../formula';
import { Grid } from '../grid';
import type { CellValue, SheetSpec } from '../sheetSpec';
import { Block, orFalse } from './block';
import { SHEETS, type Ctx, type GroupEntry } from './context';
import { NAMES } from './names';
import { levelNumerators, type V } from './numerators';
import { masterBanner } from './results';
import { muniNumerator, withStaff, writeScenarioKeys } from './scenarioKeys';
import { poolKeyShown } from './staffPool';
import { MUNICIPAL_BASIS_CODE, STAFF_BASIS_CODE } from './settings';
import { expectedSplit, remainderSteps, splitStyle } from './splits';

const S = SHEETS.scenarioSplits;

const COLS = [
  { key: 'basis', header: 'Peruste (koodi)', width: 8 },
  { key: 'group', header: 'Ryhmä', width: 7 },
  { key: 'kind', header: 'Laji', width: 5 },
  { key: 'pool', header: 'Pooli', width: 6 },
  { key: 'keyType', header: 'Avaimen laji', width: 7 },
  { key: 'eventNo', header: 'Tilaisuus nro', width: 8 },
  { key: 'm', header: 'Kunta nro', width: 6 },
  { key: 'no', header: 'Vastaanottaja nro', width: 9 },
  { key: 'receiver', header: 'Vastaanottaja', width: 14 },
  { key: 'first', header: 'Ryhmän 1. rivi', width: 7 },
  { key: 'last', header: 'Ryhmän viim. rivi', width: 7 },
  { key: 'avail', header: 'Laskettavissa', width: 8 },
  { key: 'snt', header: 'Jaettava (snt)', width: 14 },
  { key: 'eur', header: 'Jaettava €', width: 14 },
  { key: 'a', header: 'A = |snt|', width: 14 },
  { key: 'key', header: 'Avain', width: 10 },
  { key: 'n', header: 'Osoittaja N', width: 12 },
  { key: 'd', header: 'Nimittäjä D', width: 12 },
  { key: 'osuus', header: 'Osuus N/D', width: 12 },
  { key: 'q0', header: 'Arvio q0 = INT(A·N/D)', width: 14 },
  { key: 'ah', header: 'A ylä', width: 9 },
  { key: 'al', header: 'A ala', width: 9 },
  { key: 'nh', header: 'N ylä', width: 9 },
  { key: 'nl', header: 'N ala', width: 9 },
  { key: 'dh', header: 'D ylä', width: 9 },
  { key: 'dl', header: 'D ala', width: 9 },
  { key: 'qh', header: 'q0 ylä', width: 9 },
  { key: 'ql', header: 'q0 ala', width: 9 },
  { key: 'r', header: 'r = A·N − q0·D', width: 14 },
  { key: 'floor', header: 'Alaspäin (snt)', width: 14 },
  { key: 'rem', header: 'Jäännös (/D)', width: 12 },
  { key: 'leftover', header: 'Jaettavat sentit', width: 9 },
  { key: 'rank', header: 'Sija', width: 6 },
  { key: 'cents', header: 'Osuus (snt)', width: 14 },
  { key: 'share', header: 'Osuus €', width: 14 },
  { key: 'ok', header: 'Täsmää', width: 8 },
];

export interface ScenarioSplitLayout {
  muni: Block;
  staff: Block;
  /** Whether each basis can be computed (rows in MUNICIPAL_BASES / STAFF_BASES order), sheet-qualified. */
  muniAvail: string;
  staffAvail: string;
  /** Staff-keyed groups of the budget year (block 2 has rows for every group; this many are re-keyed). */
  staffGroups: number;
}

/** The budget year's groups (slot 1) in the allocation's order. */
export const budgetGroups = (ctx: Ctx): GroupEntry[] => ctx.groups.filter((g) => g.slot.no === 1);

export function buildScenarioSplits(
  ctx: Ctx,
  muniCol: (key: string) => string,
  jako: Block,
  sc: Scenarios = computeScenarios(ctx.model, ctx.alloc),
): { sheet: SheetSpec; layout: ScenarioSplitLayout } {
  const g = new Grid();
  const model = ctx.model;
  const year = model.settings.year;
  const groups = budgetGroups(ctx);
  const M = model.municipalities.length;
  const P = PARTIES.length;
  g.value(0, 0, `TYM-kustannustenjako ${year}: skenaarioiden laskenta`, 'title');
  g.value(
    1,
    0,
    'Jokainen talousarviovuoden ryhmä jaetaan uudelleen kuten laskenta jakaisi sen toisella perusteella: TVA:n osuus kunnille kullakin kuntajaon perusteella, ryhmät osapuolille kullakin henkilöstöperusteella (pooli b ilmoittautuneiden mukaan kuten TYM_Jako). Suurin jäännös senteissä kuten TYM_Jako ja TYM_Kuntajako. Tulokset: TYM_Skenaariot.',
    'note',
  );
  masterBanner(g, 3, 0, 3);

  // Block 2's key types first known by position: the keys block counts the staff-keyed groups from it.
  const muniTop = 9 + M + 4 + MUNICIPAL_BASES.length + 4 + P + 4 + STAFF_BASES.length + 4;
  const muniRows = MUNICIPAL_BASES.length * groups.length * M;
  const staffRows = STAFF_BASES.length * groups.length * P;
  const muni = new Block(S, muniTop, 0, COLS, muniRows);
  const staff = new Block(S, muni.last + 4, 0, COLS, staffRows);
  const keys = writeScenarioKeys(g, ctx, sc, 8, muniCol, staff.range('keyType'));
  if (keys.next > muniTop) throw new Error('scenario keys overlap the splits');

  const ok = (b: Block, r: number, e: Record<string, V>): void => {
    const at = (k: string) => b.at(k, r);
    const col = (k: string) => range(b.first, b.c(k), b.last, b.c(k));
    const grp = (k: string) => `INDEX(${col(k)},${b.col('first', r)}):INDEX(${col(k)},${b.col('last', r)})`;
    g.formula(
      r,
      b.c('ok'),
      orFalse(
        `AND(SUM(${grp('cents')})=${at('snt')},ROUND(${at('share')}*100,0)=${at('cents')},${at('rem')}>=0,${at('rem')}<${at('d')},${at('a')}<${NAMES.limit},${at('d')}<${NAMES.limit})`,
      ),
      typeof e.cents === 'number' && typeof e.d === 'number' && e.d < EXACT_LIMIT,
      'check',
    );
  };
  const put = (r: number, k: string, formula: string, v: CellValue) =>
    g.formula(r, muni.c(k), formula, v, k === 'avail' ? 'check' : splitStyle(k));
  const head = (b: Block, r: number, basis: number, grp: GroupEntry, first: number, parts: number) => {
    g.value(r, b.c('basis'), basis, 'integer');
    g.value(r, b.c('group'), grp.no, 'integer');
    g.value(r, b.c('kind'), grp.kind, 'text');
    g.value(r, b.c('pool'), grp.pool, 'text');
    g.formula(r, b.c('keyType'), `INDEX(${NAMES.groupKeyType},${b.at('group', r)})`, grp.pool === 'b' ? 2 : 1, 'integer');
    g.value(r, b.c('eventNo'), grp.eventNo, 'integer');
    g.value(r, b.c('first'), first, 'integer');
    g.value(r, b.c('last'), first + parts - 1, 'integer');
  };

  // Block 1: TVA's share of each group over the municipalities, per municipal basis.
  g.value(muni.headerRow - 1, 0, 'TVA:n osuus kunnille kullakin kuntajaon perusteella', 'subtitle');
  muni.header(g);
  COLS.forEach((c, i) => g.width(i, c.width));
  let idx = 0;
  MUNICIPAL_BASES.forEach((basis, k) => {
    const s = sc.municipal[k];
    groups.forEach((grp, gi) => {
      const tva = grp.split!.parties.parts[0].amount.mul(100).toNumber();
      const avail = s.unavailable === null;
      const snt = avail ? tva : 0;
      const parts: { n: V; key: V }[] = model.municipalities.map((mu) => ({ n: avail ? muniNumerator(model, basis, mu) : 1, key: 0 }));
      const exp = expectedSplit(snt, parts, avail ? s.splits[gi].parts : null);
      const first = idx + 1;
      model.municipalities.forEach((mu, mi) => {
        const r = muni.row(idx);
        const at = (c: string) => muni.at(c, r);
        head(muni, r, MUNICIPAL_BASIS_CODE[basis], grp, first, M);
        g.value(r, muni.c('m'), mi + 1, 'integer');
        g.value(r, muni.c('no'), P + mu.ref.index, 'integer');
        put(r, 'receiver', `INDEX(${NAMES.receivers},${at('no')},1)`, mu.name);
        put(r, 'avail', `INDEX(${keys.muniAvail},${at('basis')})`, avail);
        put(r, 'snt', `IF(${at('avail')},INDEX(${NAMES.partyCents},(${at('group')}-1)*ROWS(${NAMES.parties})+1),0)`, snt);
        put(r, 'key', `INDEX(${keys.muniKeys},${at('m')},${at('basis')})`, s.keys[mi].toNumber());
        put(r, 'n', `IF(${at('avail')},INDEX(${keys.muniN},${at('m')},${at('basis')}),1)`, parts[mi].n);
        remainderSteps(g, muni, r, exp[mi], snt);
        ok(muni, r, exp[mi]);
        idx += 1;
      });
    });
  });

  // Block 2: each group over the parties, per staff basis.
  g.value(
    staff.headerRow - 1,
    0,
    'Ryhmät osapuolille kullakin henkilöstöperusteella (poolit a ja muu henkilöstön mukaan, pooli b ilmoittautuneiden mukaan)',
    'subtitle',
  );
  staff.header(g);
  idx = 0;
  STAFF_BASES.forEach((basis, k) => {
    const s = sc.staff[k];
    const mm = withStaff(model, basis);
    const avail = s.unavailable === null;
    groups.forEach((grp, gi) => {
      const snt = avail ? grp.split!.amount.mul(100).toNumber() : 0;
      // Pool b keeps TYM_Jako's numerators (registrants); the staff pools take this basis's.
      const base =
        grp.pool === 'b'
          ? levelNumerators(ctx, grp, 1)
          : levelNumerators({ ...ctx, model: mm }, { ...grp, slot: { ...grp.slot, model: mm } }, 1);
      const parts = base.map((x, pi) => ({ n: avail ? x.n : 1, key: grp.pool === 'b' ? x.key : poolKeyShown(mm, PARTIES[pi]).toNumber() }));
      const engine: Split | null = avail ? s.splits[gi] : null;
      const exp = expectedSplit(snt, parts, engine ? engine.parts : null);
      const first = idx + 1;
      PARTIES.forEach((party, pi) => {
        const r = staff.row(idx);
        const at = (c: string) => staff.at(c, r);
        head(staff, r, STAFF_BASIS_CODE[basis], grp, first, P);
        g.value(r, staff.c('m'), 0, 'integer');
        g.value(r, staff.c('no'), pi + 1, 'integer');
        put(r, 'receiver', `INDEX(${NAMES.receivers},${at('no')},1)`, party);
        put(r, 'avail', `INDEX(${keys.staffAvail},${at('basis')})`, avail);
        put(r, 'snt', `IF(${at('avail')},INDEX(${NAMES.groupCents},${at('group')}),0)`, snt);
        const onJako = (k: string) => `INDEX(${jako.range(k)},(${at('group')}-1)*ROWS(${NAMES.parties})+${at('no')})`;
        put(r, 'key', `CHOOSE(${at('keyType')},INDEX(${keys.staffPoolKey},${at('basis')},${at('no')}),${onJako('key')})`, parts[pi].key);
        put(
          r,
          'n',
          `IF(${at('avail')},CHOOSE(${at('keyType')},INDEX(${keys.staffPoolN},${at('basis')},${at('no')}),${onJako('n')}),1)`,
          parts[pi].n,
        );
        remainderSteps(g, staff, r, exp[pi], snt);
        ok(staff, r, exp[pi]);
        idx += 1;
      });
    });
  });
  return {
    sheet: g.toSheet(S, {
      tabColor: 'FF2F75B5',
      freeze: { rows: 4, columns: 0 },
      print: { title: `TYM-kustannustenjako ${year}: skenaarioiden laskenta`, landscape: true, fitToWidth: true, repeatRows: 4 },
    }),
    layout: {
      muni,
      staff,
      muniAvail: keys.muniAvail,
      staffAvail: keys.staffAvail,
      staffGroups: groups.filter((x) => x.pool !== 'b').length,
    },
  };
}
