/**
 * TYM_Parametrit, the participant plan (issue 12): one row per plan table row, in table order, so
 * sorting the plan changes no sum; each row normalised as the engine reads it (event number,
 * party, count, year; a blank Vuosi = the settings year) with a "Kelpaa" check. The key of pool b
 * (budgetKey.ts) sums these rows per group and party.
 */
import { PARTIES } from '../../domain/types';
import { tableCell } from '../formula';
import type { Grid } from '../grid';
import type { NameSpec } from '../sheetSpec';
import { Block, orFalse } from './block';
import { blankCell, blankRow, matchExact, trimmed } from './cells';
import { SHEETS, type Ctx } from './context';
import { NAMES } from './names';
import { wordCode } from './settings';

const P = SHEETS.params;

/** One row per plan table row (table order): event number, party, count, year and whether the engine accepts the row. */
export function planRowsBlock(g: Grid, ctx: Ctx, top: number): { next: number; names: NameSpec[] } {
  const t = ctx.model.tables.suunnitelma!;
  g.value(top - 1, 0, `Osallistujasuunnitelma (${t.name}): rivit taulukon järjestyksessä; n = taulukon rivi`, 'subtitle');
  const b = new Block(
    P,
    top,
    0,
    [
      { key: 'n', header: 'n' },
      { key: 'blank', header: 'Tyhjä rivi' },
      { key: 'eventText', header: 'Tilaisuus' },
      { key: 'event', header: 'Tilaisuus nro', name: NAMES.planEvent },
      { key: 'party', header: 'Osapuoli nro', name: NAMES.planParty },
      { key: 'count', header: 'Osallistujia', name: NAMES.planCount },
      { key: 'year', header: 'Vuosi', name: NAMES.planYear },
      { key: 'ok', header: 'Kelpaa', name: NAMES.planOk },
    ],
    ctx.planRows,
  );
  b.header(g);
  const byIndex = new Map((ctx.model.plan ?? []).map((p) => [p.ref.index, p]));
  const has = (k: string) => t.columns[k] !== undefined;
  const eventNo = (key: string | null) => (key === null ? 0 : (ctx.events.find((e) => e.eventKey === key)?.no ?? 0));
  for (let i = 0; i < ctx.planRows; i++) {
    const r = b.row(i);
    const n = b.col('n', r);
    const at = (k: string) => b.at(k, r);
    const p = byIndex.get(i + 1);
    g.value(r, b.c('n'), i + 1, 'integer');
    g.formula(r, b.c('blank'), blankRow(t, n), !p, 'text');
    if (has('event'))
      g.formula(r, b.c('eventText'), `TRIM(${tableCell(t, 'event', n)})`, trimmed(ctx.raw('suunnitelma', i + 1, 'event')), 'text');
    else g.value(r, b.c('eventText'), '', 'text');
    g.formula(
      r,
      b.c('event'),
      `IF(${at('eventText')}="",0,${matchExact(at('eventText'), NAMES.events)})`,
      p ? eventNo(p.eventKey) : 0,
      'integer',
    );
    g.formula(
      r,
      b.c('party'),
      `IF(${blankCell(t, 'organisation', n)},0,${wordCode('ORG', `TRIM(${tableCell(t, 'organisation', n)})`)})`,
      p ? PARTIES.indexOf(p.party) + 1 : 0,
      'integer',
    );
    g.formula(r, b.c('count'), `IF(${blankCell(t, 'count', n)},"",${tableCell(t, 'count', n)})`, p ? p.count : '', 'integer');
    const year = p ? (p.year ?? ctx.model.settings.year) : ctx.model.settings.year;
    if (has('year')) g.formula(r, b.c('year'), `IF(${blankCell(t, 'year', n)},${NAMES.year},${tableCell(t, 'year', n)})`, year, 'integer');
    else g.formula(r, b.c('year'), NAMES.year, year, 'integer');
    const whole = (k: string) => `AND(ISNUMBER(${at(k)}),${at(k)}=INT(${at(k)}))`;
    g.formula(
      r,
      b.c('ok'),
      orFalse(
        `IF(${at('blank')},TRUE,AND(ISNUMBER(${at('event')}),${at('party')}>0,${whole('count')},${at('count')}>=0,${whole('year')}))`,
      ),
      true,
      'check',
    );
  }
  return { next: b.last + 3, names: b.names() };
}
