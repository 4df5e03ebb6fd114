/**
 * TYM_Rivit, registrations: distinct persons per event, exact for any table order or an
 * "order FALSE" check, in linear recalculation time.
 *
 * The engine's rule: a registration counts when it is active (not cancelled, dated in the year or
 * undated) and no earlier active row of the table has the same event and the same name (TRIM, any
 * case); it counts for its own organisation. The calculation rows are the table's rows in a frozen
 * order grouped by (event, name, table row): rows of one person at one event are consecutive and
 * in table order, so each row only looks at the row above ("Ryhmä" = the frozen identity group).
 *
 * Because the order is frozen, the rows also prove that the table still fits it ("Järjestys ok"):
 * within a group every name equals the one above (EXACT(LOWER(TRIM()))); between groups the
 * event number grows or, at the same event, the name is strictly greater: the same characters up
 * to the frozen position k ("Ero kohdassa"), and a larger UNICODE code at k. Strictly growing
 * groups are all different, so no person can appear in two groups: when every row's check is
 * TRUE the counts are exactly the engine's, whatever was sorted or renamed; when any is FALSE the
 * master check is FALSE ("Ilmoittautumiset: järjestä tai nimeä uudelleen → laske uudelleen").
 * The comparison needs no collation (code points), so it holds in any Excel language.
 * Blank table rows come last and must stay blank or below all others.
 */
import { registrationInYear, countRegistrations } from '../../domain/keys';
import { yearOfDay } from '../../domain/dates';
import { PARTIES } from '../../domain/types';
import { tableCell } from '../formula';
import type { Grid } from '../grid';
import type { NameSpec } from '../sheetSpec';
import { Block, orFalse } from './block';
import { SHEETS, type Ctx } from './context';
import { NAMES } from './names';
import { blankCell, blankRow, matchExact, slotHeader, slotRef, trimmed } from './cells';
import { wordCode } from './settings';

export function registrationBlock(
  g: Grid,
  ctx: Ctx,
  col0: number,
  at0: { header: number; slotRow: number },
): { nextCol: number; names: NameSpec[] } {
  const t = ctx.model.tables.ilmoittautumiset;
  const S = ctx.slots.length;
  const per = (key: string, header: string, name?: string) =>
    ctx.slots.map((s, i) => ({ key: `${key}${s.no}`, header: `${header} ${s.year}`, ...(i === 0 && name ? { name, span: S } : {}) }));
  const b = new Block(
    SHEETS.rows,
    at0.header,
    col0,
    [
      { key: 'n', header: 'n', width: 6 },
      { key: 'group', header: 'Ryhmä', width: 7 },
      { key: 'k', header: 'Ero kohdassa', width: 7 },
      { key: 'blank', header: 'Tyhjä rivi', width: 7 },
      { key: 'eventText', header: 'Tilaisuus', width: 18 },
      { key: 'event', header: 'Tilaisuus nro', name: NAMES.regEvent, width: 8 },
      { key: 'party', header: 'Osapuoli nro', name: NAMES.regParty, width: 8 },
      { key: 'status', header: 'Tila (1 voimassa, 2 peruttu)', width: 9 },
      { key: 'day', header: 'Päivä', width: 10 },
      { key: 'ok', header: 'Kelpaa', name: NAMES.regOk, width: 7 },
      { key: 'sameName', header: 'Nimi sama kuin ed.', width: 8 },
      { key: 'samePrefix', header: 'Alku sama kuin ed.', width: 8 },
      { key: 'code', header: 'Merkki', width: 7 },
      { key: 'codeAbove', header: 'Merkki ed.', width: 7 },
      { key: 'order', header: 'Järjestys ok', name: NAMES.regOrderOk, width: 8 },
      ...per('active', 'Voimassa'),
      ...per('before', 'Voimassa ennen'),
      ...per('counted', 'Lasketaan', NAMES.regCounted),
      ...previousYearColumns(ctx),
    ],
    ctx.regRows,
  );
  g.value(
    at0.header - 2,
    col0,
    `Ilmoittautumiset (${t.name}): ryhmiteltynä tilaisuuksittain ja henkilöittäin; n = taulukon rivi`,
    'subtitle',
  );
  slotHeader(g, b, ['active', 'before', 'counted'], ctx);
  for (const k of ['pActive', 'pBefore', 'pCounted'])
    ctx.budgetSlots.forEach((s) => g.value(at0.slotRow, b.c(`${k}${s.no}`), s.no, 'integer'));
  b.header(g);
  const name = (n: string) => `LOWER(TRIM(${tableCell(t, 'name', n)}))`;
  const counted = ctx.slots.map((s) => countRegistrations(s.model).counted);
  const has = (k: string) => t.columns[k] !== undefined;
  const identity = (i: number): string => {
    const item = ctx.regOrder[i];
    return item.index === null ? '' : ctx.model.registrations[item.index].personKey;
  };
  const codeAt = (s: string, k: number) => (s.length < k ? 0 : s.charCodeAt(k - 1));
  const activeIn = (year: number, i: number) => {
    const item = ctx.regOrder[i];
    const reg = item.index === null ? undefined : ctx.model.registrations[item.index];
    return reg && !reg.cancelled && registrationInYear(year, reg) ? 1 : 0;
  };
  const before = ctx.slots.map((slot) => runningBefore(ctx, (i) => activeIn(slot.year, i)));
  const prevYearRows = previousYearRows(ctx);
  // One row per registration, generated when the sheet is written (grid.ts: they are most of the sheet).
  g.generate(b.first, ctx.regOrder.length, (i, g) => {
    const item = ctx.regOrder[i];
    const r = b.row(i);
    const n = b.col('n', r);
    const nAbove = b.col('n', r - 1);
    const at = (k: string) => b.at(k, r);
    const above = (k: string) => b.at(k, r - 1);
    const reg = item.index === null ? undefined : ctx.model.registrations[item.index];
    const prev = i > 0 ? ctx.regOrder[i - 1] : undefined;
    g.value(r, b.c('n'), item.n, 'integer');
    g.value(r, b.c('group'), item.group, 'integer');
    g.value(r, b.c('k'), item.diffAt, 'integer');
    g.formula(r, b.c('blank'), blankRow(t, n), !reg, 'text');
    g.formula(r, b.c('eventText'), `TRIM(${tableCell(t, 'event', n)})`, trimmed(ctx.raw('ilmoittautumiset', item.n, 'event')), 'text');
    g.formula(r, b.c('event'), `IF(${at('eventText')}="",0,${matchExact(at('eventText'), NAMES.events)})`, item.eventNo, 'integer');
    g.formula(
      r,
      b.c('party'),
      `IF(${blankCell(t, 'organisation', n)},0,${wordCode('ORG', `TRIM(${tableCell(t, 'organisation', n)})`)})`,
      reg ? PARTIES.indexOf(reg.party) + 1 : 0,
      'integer',
    );
    if (has('status'))
      g.formula(
        r,
        b.c('status'),
        `IF(${blankCell(t, 'status', n)},1,${wordCode('TILA', `TRIM(${tableCell(t, 'status', n)})`)})`,
        reg?.cancelled ? 2 : 1,
        'integer',
      );
    else g.value(r, b.c('status'), 1, 'integer');
    if (has('date'))
      g.formula(
        r,
        b.c('day'),
        `IF(${blankCell(t, 'date', n)},0,${tableCell(t, 'date', n)})`,
        reg?.date !== null && reg?.date !== undefined ? reg.date + 25569 : 0,
        'date',
      );
    else g.value(r, b.c('day'), 0, 'date');
    g.formula(
      r,
      b.c('ok'),
      orFalse(
        `IF(${at('blank')},TRUE,AND(${at('event')}>0,TRIM(${tableCell(t, 'name', n)})<>"",${at('party')}>0,${at('status')}>0,ISNUMBER(${at('day')}),OR(${at('day')}=0,${at('day')}>=61)))`,
      ),
      true,
      'check',
    );
    // The order proof (see the top of this file). The row above the first is the header (text).
    const me = identity(i);
    const up = prev ? identity(i - 1) : '';
    const k = item.diffAt;
    const guard = `ISNUMBER(${above('event')})`;
    g.formula(r, b.c('sameName'), `IF(${guard},EXACT(${name(n)},${name(nAbove)}),FALSE)`, prev ? me === up : false, 'text');
    g.formula(
      r,
      b.c('samePrefix'),
      `IF(${guard},EXACT(LEFT(${name(n)},${at('k')}-1),LEFT(${name(nAbove)},${at('k')}-1)),FALSE)`,
      prev ? me.slice(0, k - 1) === up.slice(0, k - 1) : false,
      'text',
    );
    const codeOf = (nn: string) => `IF(LEN(${name(nn)})<${at('k')},0,UNICODE(MID(${name(nn)},${at('k')},1)))`;
    g.formula(r, b.c('code'), codeOf(n), codeAt(me, k), 'integer');
    g.formula(r, b.c('codeAbove'), `IF(${guard},${codeOf(nAbove)},0)`, prev ? codeAt(up, k) : 0, 'integer');
    g.formula(
      r,
      b.c('order'),
      orFalse(
        `IF(${at('event')}=0,TRUE,IF(NOT(${guard}),TRUE,IF(${above('event')}=0,FALSE,IF(${at('group')}=${above('group')},AND(${at('event')}=${above('event')},${at('sameName')}),OR(${at('event')}>${above('event')},AND(${at('event')}=${above('event')},${at('samePrefix')},${at('code')}>${at('codeAbove')}))))))`,
      ),
      true,
      'check',
    );
    ctx.slots.forEach((slot, si) => {
      const s = slot.no;
      const year = `INDEX(${NAMES.years},${slotRef(b, `active${s}`)})`;
      const active = activeIn(slot.year, i);
      g.formula(
        r,
        b.c(`active${s}`),
        `IF(OR(${at('event')}=0,${at('status')}<>1),0,IF(OR(${at('day')}=0,YEAR(${at('day')})=${year}),1,0))`,
        active,
        'integer',
      );
      g.formula(
        r,
        b.c(`before${s}`),
        `IF(${at('group')}=${above('group')},${above(`before${s}`)}+${above(`active${s}`)},0)`,
        before[si][i],
        'integer',
      );
      g.formula(
        r,
        b.c(`counted${s}`),
        `IF(AND(${at(`active${s}`)}=1,${at(`before${s}`)}=0),1,0)`,
        reg && counted[si][item.index!] ? 1 : 0,
        'integer',
      );
    });
    // The previous year of a budget slot (rule book §9 "Before the year"), on the same rows and so
    // under the same order proof: counted as the year's, except that an undated row never counts.
    ctx.budgetSlots.forEach((slot, bi) => {
      const s = slot.no;
      const year = `INDEX(${NAMES.years},${slotRef(b, `pActive${s}`)})`;
      const e = prevYearRows[bi];
      g.formula(
        r,
        b.c(`pActive${s}`),
        `IF(OR(${at('event')}=0,${at('status')}<>1,${at('day')}=0),0,IF(YEAR(${at('day')})=${year}-1,1,0))`,
        e.active[i],
        'integer',
      );
      g.formula(
        r,
        b.c(`pBefore${s}`),
        `IF(${at('group')}=${above('group')},${above(`pBefore${s}`)}+${above(`pActive${s}`)},0)`,
        e.before[i],
        'integer',
      );
      g.formula(r, b.c(`pCounted${s}`), `IF(AND(${at(`pActive${s}`)}=1,${at(`pBefore${s}`)}=0),1,0)`, e.counted[i], 'integer');
    });
  });
  const last = ctx.budgetSlots.length
    ? `pCounted${ctx.budgetSlots[ctx.budgetSlots.length - 1].no}`
    : `counted${ctx.slots[ctx.slots.length - 1].no}`;
  return { nextCol: b.c(last) + 1, names: b.names() };
}

function previousYearColumns(ctx: Ctx): { key: string; header: string; name?: string; span?: number }[] {
  const B = ctx.budgetSlots.length;
  const per = (key: string, header: string, name?: string) =>
    ctx.budgetSlots.map((s, i) => ({
      key: `${key}${s.no}`,
      header: `${header} ${s.year - 1}`,
      ...(i === 0 && name ? { name, span: B } : {}),
    }));
  return [...per('pActive', 'Voimassa'), ...per('pBefore', 'Voimassa ennen'), ...per('pCounted', 'Lasketaan', NAMES.regCountedPrev)];
}

/**
 * "Voimassa ennen" of each calculation row: the active rows above it in its group (the formula
 * adds the row above's count and flag). Kept as numbers, since the rows are generated one by one.
 */
function runningBefore(ctx: Ctx, active: (i: number) => number): Int32Array {
  const out = new Int32Array(ctx.regOrder.length);
  for (let i = 1; i < out.length; i++) out[i] = ctx.regOrder[i - 1].group === ctx.regOrder[i].group ? out[i - 1] + active(i - 1) : 0;
  return out;
}

/** The expected values of the previous-year columns: per budget slot, per calculation row. */
function previousYearRows(ctx: Ctx): { active: Uint8Array; before: Int32Array; counted: Uint8Array }[] {
  return ctx.budgetSlots.map((slot) => {
    const prevYear = slot.year - 1;
    const counted = countRegistrations(slot.model, prevYear).counted;
    const active = new Uint8Array(ctx.regOrder.length);
    const countedRows = new Uint8Array(ctx.regOrder.length);
    ctx.regOrder.forEach((item, i) => {
      const reg = item.index === null ? undefined : ctx.model.registrations[item.index];
      active[i] = reg && !reg.cancelled && reg.date !== null && yearOfDay(reg.date) === prevYear ? 1 : 0;
      countedRows[i] = reg && counted[item.index!] ? 1 : 0;
    });
    return { active, before: runningBefore(ctx, (i) => active[i]), counted: countedRows };
  });
}
