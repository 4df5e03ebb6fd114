/**
 * TYM_Parametrit: the events (the registrations' and, issue 12, those named only in the
 * participant plan) and the distinct registrants of each event by year slot and party.
 */
import { countRegistrations } from '../../domain/keys';
import { PARTIES, type PartyCode } from '../../domain/types';
import { a1, a1AbsRow, range, tableCell } from '../formula';
import type { Grid } from '../grid';
import type { NameSpec } from '../sheetSpec';
import { Block, orFalse } from './block';
import { SHEETS, type Ctx } from './context';
import { NAMES } from './names';
import { LABELS } from './settings';

const P = SHEETS.params;

/** Events (rows; the first row is the whole year) by slot and party: distinct registrants counted. */
export function eventsBlock(g: Grid, ctx: Ctx, top: number): { next: number; names: NameSpec[]; okRange: string; planEventsOk: string } {
  const reg = ctx.model.tables.ilmoittautumiset;
  // The plan's event column, when the plan table has one and rows (the plan-only events' labels).
  const planTable = ctx.model.tables.suunnitelma;
  const plan = planTable && ctx.planRows > 0 && planTable.columns.event !== undefined ? planTable : null;
  g.value(top - 3, 0, 'Kehittämispäivät: ilmoittautuneet henkilöt tilaisuuksittain (kukin henkilö kerran tilaisuutta kohden)', 'subtitle');
  const cols = ctx.slots.flatMap((s) => PARTIES.map((p) => ({ key: `${p}${s.no}`, header: `${p} ${s.year}` })));
  const E = Math.max(1, ctx.events.length);
  const b = new Block(
    P,
    top,
    0,
    [
      { key: 'no', header: 'Nro' },
      { key: 'event', header: 'Tilaisuus' },
      { key: 'table', header: 'Taulukko (1 ilmoittautumiset, 2 suunnitelma)' },
      { key: 'first', header: 'Ensimmäinen rivi' },
      { key: 'rows', header: 'Rivejä' },
      { key: 'planRows', header: 'Suunnitelman rivejä' },
      { key: 'ok', header: 'Kelpaa' },
      ...cols,
    ],
    E + 1,
  );
  ctx.slots.forEach((s, si) =>
    PARTIES.forEach((_, pi) => {
      const col = b.c(`${PARTIES[pi]}${s.no}`);
      g.value(top - 2, col, s.no, 'integer');
      g.value(top - 1, col, pi + 1, 'integer');
      void si;
    }),
  );
  g.value(top - 2, b.c('ok'), 'Vuosi nro →', 'note');
  g.value(top - 1, b.c('ok'), 'Osapuoli nro →', 'note');
  b.header(g);
  const counts = ctx.slots.map((s) => new Map(countRegistrations(s.model).events.map((e) => [e.eventKey, e.byParty])));
  // Row 1: the whole year (no event): the sum over the events.
  const yr = b.row(0);
  g.value(yr, b.c('no'), 0, 'integer');
  g.value(yr, b.c('event'), LABELS.noEvent, 'label');
  for (const col of cols) {
    const [party, slotNo] = [col.key.replace(/\d+$/, ''), Number(/\d+$/.exec(col.key)![0])];
    const total = ctx.events.reduce((a, e) => a + (counts[slotNo - 1].get(e.eventKey)?.[party as PartyCode] ?? 0), 0);
    g.formula(yr, b.c(col.key), `SUM(${a1(b.row(1), b.c(col.key))}:${a1(b.last, b.c(col.key))})`, total, 'integer');
  }
  if (!ctx.events.length) {
    g.value(b.row(1), b.c('no'), 1, 'integer');
    g.value(b.row(1), b.c('event'), '', 'text');
    for (const col of cols) g.value(b.row(1), b.c(col.key), 0, 'integer');
    g.value(b.row(1), b.c('ok'), true, 'check');
  }
  const nRows = ctx.model.registrations.length;
  ctx.events.forEach((ev, i) => {
    const r = b.row(i + 1);
    g.value(r, b.c('no'), ev.no, 'integer');
    // A plan-only event (issue 12) is linked to its first plan row; it needs a plan row or a registration.
    const first = b.col('first', r);
    const label = plan
      ? `IF(${b.at('table', r)}=1,${tableCell(reg, 'event', first)},${tableCell(plan, 'event', first)})`
      : tableCell(reg, 'event', first);
    g.value(r, b.c('table'), ev.table === 'suunnitelma' ? 2 : 1, 'integer');
    g.formula(r, b.c('event'), `TRIM(${label})`, ev.name, 'text');
    g.value(r, b.c('first'), ev.firstRow, 'integer');
    g.formula(
      r,
      b.c('rows'),
      `COUNTIF(${NAMES.regEvent},${b.col('no', r)})`,
      ctx.model.registrations.filter((x) => x.eventKey === ev.eventKey).length,
      'integer',
    );
    if (plan)
      g.formula(
        r,
        b.c('planRows'),
        `COUNTIF(${NAMES.planEvent},${b.col('no', r)})`,
        (ctx.model.plan ?? []).filter((x) => x.eventKey === ev.eventKey).length,
        'integer',
      );
    else g.value(r, b.c('planRows'), 0, 'integer');
    g.formula(
      r,
      b.c('ok'),
      orFalse(
        `AND(${b.at('rows', r)}+${b.at('planRows', r)}>0,${b.at('event', r)}<>"",SUMPRODUCT(--(${NAMES.events}=${b.at('event', r)}))=1)`,
      ),
      true,
      'check',
    );
    for (const col of cols) {
      const party = col.key.replace(/\d+$/, '') as PartyCode;
      const slotNo = Number(/\d+$/.exec(col.key)![0]);
      const c = b.c(col.key);
      g.formula(
        r,
        c,
        `COUNTIFS(${NAMES.regEvent},${b.col('no', r)},${NAMES.regParty},${a1AbsRow(top - 1, c)},INDEX(${NAMES.regCounted},0,${a1AbsRow(top - 2, c)}),1)`,
        counts[slotNo - 1].get(ev.eventKey)?.[party] ?? 0,
        'integer',
      );
    }
  });
  void nRows;
  const names: NameSpec[] = [
    { name: NAMES.events, row: b.row(1), col: b.c('event'), rows: E, comment: 'Tilaisuudet (nro = rivi)' },
    {
      name: NAMES.registrants,
      row: b.row(0),
      col: b.c(cols[0].key),
      rows: E + 1,
      cols: cols.length,
      comment: 'Ilmoittautuneet: rivi 1 = koko vuosi, sitten tilaisuudet; sarakkeet vuosittain TVA, HVA, KELA',
    },
  ];
  const rangeOf = (k: string) => `${P}!${range(b.row(1), b.c(k), b.last, b.c(k))}`;
  // The plan-only events' rows (their labels follow the plan's first row of the event): for a check naming the plan.
  const planEventsOk = `SUMPRODUCT((${rangeOf('table')}=2)*(${rangeOf('ok')}<>TRUE))=0`;
  return { next: b.last + 3, names, okRange: rangeOf('ok'), planEventsOk };
}
