/**
 * The optional participant plan (issue 12): Osallistujasuunnitelma with Tilaisuus (blank = the
 * year), Organisaatio, Osallistujia and an optional Vuosi. No table = no plan; a table that is
 * there is read as strictly as the others.
 */
import { headerKey, ORGANISATION_WORDS, PLAN_TABLE } from '../contract';
import { error, warning, type Problem } from '../problems';
import type { RawWorkbook } from '../raw';
import { identityKey } from '../text';
import type { PlanRow, TableInfo } from '../types';
import { RowReader } from './cells';
import { isEmptyRow, locateColumns } from './locate';
import { readEvent } from './registrations';

export interface ParsedPlan {
  /** null when the workbook has no plan table. */
  info: TableInfo | null;
  rows: PlanRow[];
  /** Every readable event name of the plan (eventKey -> name as first written). */
  events: Map<string, string>;
}

export function parsePlan(wb: RawWorkbook, out: Problem[]): ParsedPlan {
  const names = new Set(PLAN_TABLE.names.map(headerKey));
  const found = wb.tables.filter((t) => names.has(headerKey(t.name)));
  const result: ParsedPlan = { info: null, rows: [], events: new Map() };
  if (found.length === 0) {
    // A sheet of the plan's name without the table (typed as a plain range, or the table renamed):
    // say so, as for a missing required table, rather than leave the user's plan silently unread.
    const sheet = wb.sheetNames.find((s) => headerKey(s) === headerKey(PLAN_TABLE.sheet));
    if (sheet) out.push(warning('plan-table-missing', { sheet, table: PLAN_TABLE.names[0] }, { sheet, table: PLAN_TABLE.names[0] }));
    return result;
  }
  const [first, ...others] = found;
  for (const other of others) {
    out.push(
      error(
        'table-duplicate',
        { sheet: other.sheet, table: other.name },
        { table: PLAN_TABLE.names[0], first: first.name, firstSheet: first.sheet, second: other.name, secondSheet: other.sheet },
      ),
    );
  }
  const t = locateColumns('suunnitelma', first, out);
  result.info = t.info;
  if (!t.usable) return result;
  t.raw.rows.forEach((_, i) => {
    if (isEmptyRow(t.raw, i)) return;
    const r = new RowReader(t, i, out);
    const event = r.has('event') && !r.isBlank('event') ? readEvent(r, false) : null;
    const eventBad = event === null && r.has('event') && !r.isBlank('event');
    if (event !== null && !result.events.has(identityKey(event))) result.events.set(identityKey(event), event);
    const party = r.word('organisation', ORGANISATION_WORDS, true);
    const count = r.number('count', { required: true, nonNegative: 'negative-key', integer: true });
    const year = r.number('year', { integer: true });
    if (eventBad || party === null || count === null || (year === null && !r.isBlank('year'))) return;
    result.rows.push({
      event,
      eventKey: event === null ? null : identityKey(event),
      party,
      count: count.toNumber(),
      year: year === null ? null : year.toNumber(),
      ref: r.ref(),
    });
  });
  return result;
}

/** The events a pool b cost line may name: the registrations' and the plan's (null = not checked). */
export function knownEvents(registrations: Map<string, string> | null, plan: ParsedPlan): Map<string, string> | null {
  if (registrations === null) return null;
  const out = new Map(registrations);
  for (const [k, v] of plan.events) if (!out.has(k)) out.set(k, v);
  return out;
}
