/** The Ilmoittautumiset table: development-day registrations (names are only counted, never shown). */
import { ORGANISATION_WORDS, STATUS_WORDS } from '../contract';
import type { Problem } from '../problems';
import { identityKey } from '../text';
import type { Registration } from '../types';
import { RowReader, type Located } from './cells';
import { isEmptyRow } from './locate';

/** Excel reads * ? ~ as wildcards in MATCH, COUNTIF and SUMIFS, so such a name would match others. */
export const WILDCARDS = /[*?~]/;

/** Reads an event name cell (TRIM-ed), rejecting wildcard characters. */
export function readEvent(r: RowReader, required: boolean): string | null {
  const event = r.name('event', required);
  if (event === null) return null;
  if (WILDCARDS.test(event)) {
    r.error('event-wildcard', 'event', { event });
    return null;
  }
  return event;
}

export interface ParsedRegistrations {
  list: Registration[];
  /** Every readable event name (eventKey -> name as first written), also from rows with other problems. */
  events: Map<string, string>;
}

export function parseRegistrations(t: Located, out: Problem[]): ParsedRegistrations {
  const raw = t.raw;
  const list: Registration[] = [];
  const events = new Map<string, string>();
  raw.rows.forEach((_, i) => {
    if (isEmptyRow(raw, i)) return;
    const r = new RowReader(t, i, out);
    const event = readEvent(r, true);
    if (event !== null && !events.has(identityKey(event))) events.set(identityKey(event), event);
    const name = r.freeText('name', true);
    const party = r.word('organisation', ORGANISATION_WORDS, true);
    const status = r.word('status', STATUS_WORDS);
    const statusBad = status === null && !r.isBlank('status');
    const date = r.date('date');
    if (event === null || name === null || party === null || statusBad) return;
    list.push({
      event,
      eventKey: identityKey(event),
      date,
      personKey: identityKey(name),
      party,
      cancelled: status === 'cancelled',
      ref: r.ref(),
    });
  });
  return { list, events };
}
