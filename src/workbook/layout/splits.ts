/**
 * TYM_Jako (level 1: each group's amount over TVA, HVA, KELA) and TYM_Kuntajako (level 2: TVA's
 * rounded share over the municipalities), in integer cents. Every step of the largest-remainder
 * method has its own column: the amount in cents A, the receiver's whole-number numerator N, the
 * group's denominator D, the estimate q0 = INT(A·N/D), the exact remainder r = A·N − q0·D from
 * 23-bit halves ("ylä", "ala"), the floor and remainder, the leftover cents, the rank and the share.
 * Exact in the range of src/domain/exactRange.ts (A, N, D below 2^46); the column "Täsmää" is
 * FALSE outside it.
 */
import type { SplitPart } from '../../domain/largestRemainder';
import { EXACT_LIMIT, LIMB } from '../../domain/exactRange';
import { ZERO } from '../../domain/decimal';
import { PARTIES } from '../../domain/types';
import { range } from '../formula';
import { Grid } from '../grid';
import type { CellStyle, CellValue, NameSpec, SheetSpec } from '../sheetSpec';
import { Block, exact, orFalse } from './block';
import { SHEETS, SPLIT_FIRST, type Ctx, type GroupEntry } from './context';
import { levelNumerators } from './numerators';
import { poolBKeyOf } from './budgetKey';
import { NAMES } from './names';
import { masterBanner } from './results';

/** A value or the error a formula gives (e.g. "#DIV/0!" for a zero key total). */
type V = number | string;
const DIV0 = '#DIV/0!';
const isErr = (...xs: V[]) => xs.find((x) => typeof x === 'string') as string | undefined;

export interface PartExpected {
  n: V;
  key: V;
}

/** The whole computation of one group in the formulas' integer arithmetic, as the expected values. */
export function expectedSplit(snt: V, parts: PartExpected[], engine: SplitPart[] | null): Record<string, V>[] {
  const A = typeof snt === 'number' ? Math.abs(snt) : snt;
  const err = isErr(A, ...parts.map((p) => p.n));
  const D: V = err ?? parts.reduce((a, p) => a + (p.n as number), 0);
  if (typeof D === 'number' && D === 0) return parts.map(() => ({ d: 0, osuus: DIV0, all: DIV0 }));
  if (typeof D === 'string' || typeof A === 'string') {
    return parts.map((p) => ({
      d: D,
      osuus: typeof D === 'string' ? D : typeof p.n === 'number' ? p.n / D : p.n,
      all: isErr(A, D, p.n) ?? DIV0,
    }));
  }
  const a = BigInt(A);
  const d = BigInt(D);
  const rows = parts.map((p) => {
    const N = p.n as number;
    const n = BigInt(N);
    const q0 = Math.floor((A * N) / D);
    const r = a * n - BigInt(q0) * d;
    const floor = (a * n) / d;
    const rem = (a * n) % d;
    const limbs = (x: number) => [Math.floor(x / LIMB), x - LIMB * Math.floor(x / LIMB)];
    const [ah, al] = limbs(A);
    const [nh, nl] = limbs(N);
    const [dh, dl] = limbs(D);
    const [qh, ql] = limbs(q0);
    return { N, q0, r, floor, rem, ah, al, nh, nl, dh, dl, qh, ql };
  });
  const leftover = a - rows.reduce((s, x) => s + x.floor, 0n);
  const sign = (snt as number) < 0 ? -1 : 1;
  return rows.map((x, i) => {
    let rank = 1;
    rows.forEach((y, j) => {
      if (y.rem > x.rem || (j < i && y.rem === x.rem)) rank += 1;
    });
    const cents = Number(x.floor) + (BigInt(rank) <= leftover ? 1 : 0);
    if (engine) {
      const e = engine[i];
      if (
        Math.round(e.floor.toNumber() * 100) !== Number(x.floor) ||
        e.rank !== rank ||
        Math.round(e.amount.toNumber() * 100) !== sign * cents
      ) {
        throw new Error(`layout: integer split differs from the engine at part ${i} (${e.receiver})`);
      }
    }
    return {
      d: D as number,
      osuus: x.N / (D as number),
      q0: x.q0,
      ah: x.ah,
      al: x.al,
      nh: x.nh,
      nl: x.nl,
      dh: x.dh,
      dl: x.dl,
      qh: x.qh,
      ql: x.ql,
      r: Number(x.r),
      floor: Number(x.floor),
      rem: Number(x.rem),
      leftover: Number(leftover),
      rank,
      cents: sign * cents === 0 ? 0 : sign * cents,
    };
  });
}

function columns(level: 1 | 2): { key: string; header: string; width?: number; name?: string; style: CellStyle }[] {
  const n = (l1: string, l2: string) => (level === 1 ? l1 : l2);
  return [
    { key: 'group', header: 'Ryhmä', width: 7, name: n(NAMES.partyGroup, NAMES.muniGroup), style: 'integer' },
    { key: 'slot', header: 'Vuosi nro', width: 6, style: 'integer' },
    { key: 'year', header: 'Vuosi', width: 7, name: n(NAMES.partySlot, NAMES.muniSlot), style: 'integer' },
    { key: 'kind', header: 'Laji', width: 5, name: n(NAMES.partyKind, NAMES.muniKind), style: 'text' },
    { key: 'pool', header: 'Pooli', width: 6, style: 'text' },
    { key: 'eventNo', header: 'Tilaisuus nro', width: 8, style: 'integer' },
    { key: 'event', header: 'Tilaisuus', width: 26, style: 'text' },
    { key: 'keyType', header: 'Avaimen laji', width: 7, style: 'integer' },
    { key: 'no', header: 'Vastaanottaja nro', width: 9, name: n(NAMES.partyReceiver, NAMES.muniReceiver), style: 'integer' },
    { key: 'receiver', header: 'Vastaanottaja', width: 14, style: 'text' },
    { key: 'first', header: 'Ryhmän 1. rivi', width: 7, style: 'integer' },
    { key: 'last', header: 'Ryhmän viim. rivi', width: 7, style: 'integer' },
    { key: 'snt', header: 'Jaettava (snt)', width: 14, style: 'integer' },
    { key: 'eur', header: 'Jaettava €', width: 14, style: 'money' },
    { key: 'a', header: 'A = |snt|', width: 14, style: 'integer' },
    { key: 'key', header: 'Avain', width: 10, style: 'decimal' },
    { key: 'n', header: 'Osoittaja N', width: 12, style: 'integer' },
    { key: 'd', header: 'Nimittäjä D', width: 12, style: 'integer' },
    { key: 'osuus', header: 'Osuus N/D', width: 12, style: 'fraction' },
    { key: 'q0', header: 'Arvio q0 = INT(A·N/D)', width: 14, style: 'integer' },
    { key: 'ah', header: 'A ylä', width: 9, style: 'integer' },
    { key: 'al', header: 'A ala', width: 9, style: 'integer' },
    { key: 'nh', header: 'N ylä', width: 9, style: 'integer' },
    { key: 'nl', header: 'N ala', width: 9, style: 'integer' },
    { key: 'dh', header: 'D ylä', width: 9, style: 'integer' },
    { key: 'dl', header: 'D ala', width: 9, style: 'integer' },
    { key: 'qh', header: 'q0 ylä', width: 9, style: 'integer' },
    { key: 'ql', header: 'q0 ala', width: 9, style: 'integer' },
    { key: 'r', header: 'r = A·N − q0·D', width: 14, style: 'integer' },
    { key: 'floor', header: 'Alaspäin (snt)', width: 14, style: 'integer' },
    { key: 'rem', header: 'Jäännös (/D)', width: 12, style: 'integer' },
    { key: 'leftover', header: 'Jaettavat sentit', width: 9, style: 'integer' },
    { key: 'rank', header: 'Sija', width: 6, style: 'integer' },
    { key: 'cents', header: 'Osuus (snt)', width: 14, name: n(NAMES.partyCents, NAMES.muniCents), style: 'integer' },
    { key: 'share', header: 'Osuus €', width: 14, style: 'money' },
    { key: 'ok', header: 'Täsmää', width: 8, name: n(NAMES.partyOk, NAMES.muniOk), style: 'check' },
  ];
}

/** The style of each column of the split blocks (the same at both levels). */
export const splitStyle = (key: string): CellStyle => columns(2).find((c) => c.key === key)!.style;

/**
 * The largest-remainder steps of one row of a split block, from the amount in cents (column snt)
 * and the receiver's numerator (column n) over the group's rows (columns first, last): the euro
 * amount, A, D, N/D, q0, the halves, r, the floor and remainder, the leftover cents, the rank, the
 * share in cents and in euros. `e` holds the expected values (expectedSplit). Used by TYM_Jako,
 * TYM_Kuntajako and TYM_Skenaariojako.
 */
export function remainderSteps(g: Grid, b: Block, r: number, e: Record<string, V>, snt: V): void {
  const at = (k: string) => b.at(k, r);
  const put = (k: string, formula: string, v: CellValue) => g.formula(r, b.c(k), formula, v, splitStyle(k));
  const ev = (k: string): CellValue => (e[k] === undefined ? (e.all as CellValue) : (e[k] as CellValue));
  const col = (k: string) => range(b.first, b.c(k), b.last, b.c(k));
  const groupRange = (k: string, row: number) => `INDEX(${col(k)},${b.col('first', row)}):INDEX(${col(k)},${b.col('last', row)})`;
  put('eur', `${at('snt')}/100`, typeof snt === 'number' ? snt / 100 : snt);
  put('a', `ABS(${at('snt')})`, typeof snt === 'number' ? Math.abs(snt) : snt);
  put('d', `SUM(${groupRange('n', r)})`, ev('d'));
  put('osuus', `${at('n')}/${at('d')}`, ev('osuus'));
  put('q0', `INT(${at('a')}*${at('n')}/${at('d')})`, ev('q0'));
  const hi = (x: string) => `INT(${x}/${NAMES.limb})`;
  const lo = (x: string, h: string) => exact(`${x}-${NAMES.limb}*${h}`);
  put('ah', hi(at('a')), ev('ah'));
  put('al', lo(at('a'), at('ah')), ev('al'));
  put('nh', hi(at('n')), ev('nh'));
  put('nl', lo(at('n'), at('nh')), ev('nl'));
  put('dh', hi(at('d')), ev('dh'));
  put('dl', lo(at('d'), at('dh')), ev('dl'));
  put('qh', hi(at('q0')), ev('qh'));
  put('ql', lo(at('q0'), at('qh')), ev('ql'));
  const [ah, al, nh, nl, dh, dl, qh, ql] = ['ah', 'al', 'nh', 'nl', 'dh', 'dl', 'qh', 'ql'].map(at);
  put(
    'r',
    exact(
      `((${ah}*${nh}-${qh}*${dh})*${NAMES.limb}+(${ah}*${nl}+${al}*${nh}-${qh}*${dl}-${ql}*${dh}))*${NAMES.limb}+(${al}*${nl}-${ql}*${dl})`,
    ),
    ev('r'),
  );
  put('floor', exact(`${at('q0')}+INT(${at('r')}/${at('d')})`), ev('floor'));
  put('rem', exact(`${at('r')}-${at('d')}*INT(${at('r')}/${at('d')})`), ev('rem'));
  put('leftover', exact(`${at('a')}-SUM(${groupRange('floor', r)})`), ev('leftover'));
  const remFrom = `INDEX(${col('rem')},${b.col('first', r)})`;
  put('rank', `SUMPRODUCT(--(${groupRange('rem', r)}>${at('rem')}))+SUMPRODUCT(--(${remFrom}:${at('rem')}=${at('rem')}))`, ev('rank'));
  put('cents', `SIGN(${at('snt')})*(${at('floor')}+IF(${at('rank')}<=${at('leftover')},1,0))`, ev('cents'));
  put('share', `${at('cents')}/100`, typeof e.cents === 'number' ? e.cents / 100 : ev('cents'));
}

function buildSplit(ctx: Ctx, level: 1 | 2): { sheet: SheetSpec; block: Block } {
  const g = new Grid();
  const cols = columns(level);
  const parts = level === 1 ? PARTIES.length : ctx.model.municipalities.length;
  const b = new Block(level === 1 ? SHEETS.split : SHEETS.municipal, SPLIT_FIRST - 1, 0, cols, ctx.groups.length * parts);
  const year = ctx.model.settings.year;
  if (level === 1) {
    g.value(0, 0, `TYM-kustannustenjako ${year}: jako osapuolille senteissä (sopimuksen 9 §, liite 6)`, 'title');
    g.value(
      1,
      0,
      'Pooli a ja muu: TVA ja HVA henkilöstön suhteessa (tai sovitulla %), Kela asetetulla %. Pooli b: tilaisuuden ilmoittautuneiden suhteessa. Suurin jäännös: alaspäin pyöristetyt sentit, jäljelle jäävät sentit suurimmille jäännöksille (tasatilanteessa ensin lueteltu).',
      'note',
    );
  } else {
    g.value(0, 0, `TYM-kustannustenjako ${year}: TVA:n osuuden jako kunnille senteissä`, 'title');
    g.value(
      1,
      0,
      'Kunkin ryhmän TVA-osuus (TYM_Jako) jaetaan kunnille kuntajaon perusteella (TYM_KUNTA_OSOITTAJA). Tasatilanteessa Kunnat-taulukossa ensin oleva kunta.',
      'note',
    );
  }
  g.value(
    2,
    0,
    'Tarkka laskenta kokonaisluvuilla: r = ((Aylä·Nylä − qylä·Dylä)·TYM_KANTA + (Aylä·Nala + Aala·Nylä − qylä·Dala − qala·Dylä))·TYM_KANTA + (Aala·Nala − qala·Dala); alaspäin = q0 + INT(r/D). Kaikki luvut alle 2^46: tarkka.',
    'note',
  );
  masterBanner(g, 3, 0, 3);
  b.header(g);
  cols.forEach((c, i) => c.width && g.width(i, c.width));
  const col = (k: string) => range(b.first, b.c(k), b.last, b.c(k));
  const groupRange = (k: string, r: number) => `INDEX(${col(k)},${b.col('first', r)}):INDEX(${col(k)},${b.col('last', r)})`;
  ctx.groups.forEach((grp, gi) => {
    const firstIdx = gi * parts + 1;
    const num = levelNumerators(ctx, grp, level);
    const engine = level === 1 ? (grp.split?.parties.parts ?? null) : (grp.split?.municipalities.parts ?? null);
    const groupCents = grp.lines.reduce((a, l) => a.plus(l.amount.mul(100)), ZERO).toNumber();
    const snt: V =
      level === 1
        ? groupCents
        : (expectedSplit(groupCents, levelNumerators(ctx, grp, 1), grp.split?.parties.parts ?? null)[0].cents ?? DIV0);
    const exp = expectedSplit(snt, num, engine);
    for (let pi = 0; pi < parts; pi++) {
      const r = b.row(gi * parts + pi);
      const at = (k: string) => b.at(k, r);
      const put = (k: string, formula: string, v: CellValue) => g.formula(r, b.c(k), formula, v, cols.find((c) => c.key === k)!.style);
      const e = exp[pi];
      g.value(r, b.c('group'), grp.no, 'integer');
      g.value(r, b.c('slot'), grp.slot.no, 'integer');
      put('year', `INDEX(${NAMES.years},${at('slot')})`, grp.slot.year);
      g.value(r, b.c('kind'), grp.kind, 'text');
      g.value(r, b.c('pool'), grp.pool, 'text');
      g.value(r, b.c('eventNo'), grp.eventNo, 'integer');
      put('event', `INDEX(${NAMES.groupLabel},${at('group')})`, eventLabelOf(ctx, grp));
      put('keyType', `INDEX(${NAMES.groupKeyType},${at('group')})`, grp.pool === 'b' ? 2 : 1);
      const receiverNo = level === 1 ? pi + 1 : PARTIES.length + ctx.model.municipalities[pi].ref.index;
      g.value(r, b.c('no'), receiverNo, 'integer');
      put('receiver', `INDEX(${NAMES.receivers},${at('no')},1)`, level === 1 ? PARTIES[pi] : ctx.model.municipalities[pi].name);
      g.value(r, b.c('first'), firstIdx, 'integer');
      g.value(r, b.c('last'), firstIdx + parts - 1, 'integer');
      if (level === 1) put('snt', `INDEX(${NAMES.groupCents},${at('group')})`, snt);
      else put('snt', `INDEX(${NAMES.partyCents},(${at('group')}-1)*ROWS(${NAMES.parties})+1)`, snt);
      remainderSteps(g, b, r, e, snt);
      if (level === 1) {
        const poolB = poolBKeyOf(at('group'), at('no')); // pool b: the key chosen on TYM_Parametrit (budgetKey.ts)
        put('key', `CHOOSE(${at('keyType')},INDEX(${NAMES.staffPoolKey},${at('no')},${at('slot')}),${poolB})`, num[pi].key);
        put('n', `CHOOSE(${at('keyType')},INDEX(${NAMES.staffPoolN},${at('no')},${at('slot')}),${poolB})`, num[pi].n);
      } else {
        const m = `${at('no')}-ROWS(${NAMES.parties})`;
        put('key', `INDEX(${NAMES.muniKeys},${m},${at('slot')})`, num[pi].key);
        put('n', `INDEX(${NAMES.muniN},${m},${at('slot')})`, num[pi].n);
      }
      put(
        'ok',
        orFalse(
          `IF(ISERROR(${at('cents')}),${at('year')}<>${NAMES.year},AND(SUM(${groupRange('cents', r)})=${at('snt')},ROUND(${at('share')}*100,0)=${at('cents')},${at('rem')}>=0,${at('rem')}<${at('d')},${at('a')}<${NAMES.limit},${at('d')}<${NAMES.limit}))`,
        ),
        typeof e.cents === 'number' ? (e.d as number) < EXACT_LIMIT : grp.slot.no !== 1,
      );
    }
  });
  const names: NameSpec[] = b.names();
  const title = level === 1 ? `TYM-kustannustenjako ${year}: jako osapuolille` : `TYM-kustannustenjako ${year}: kuntajako`;
  return {
    block: b,
    sheet: g.toSheet(b.sheet, {
      tabColor: 'FF2F75B5',
      freeze: { rows: SPLIT_FIRST, columns: 0 },
      print: { title, landscape: true, fitToWidth: true, repeatRows: SPLIT_FIRST },
      names,
    }),
  };
}

export function eventLabelOf(ctx: Ctx, grp: GroupEntry): string {
  if (grp.pool !== 'b') return '';
  return grp.eventNo === 0 ? 'ei tilaisuutta: koko vuoden ilmoittautuneet' : ctx.events[grp.eventNo - 1].name;
}

export function buildPartySplit(ctx: Ctx): { sheet: SheetSpec; block: Block } {
  return buildSplit(ctx, 1);
}

export function buildMunicipalSplit(ctx: Ctx): { sheet: SheetSpec; block: Block } {
  return buildSplit(ctx, 2);
}
