/** The Kustannukset table: budget (TA) and actual (TOT) cost lines of the pools. */
import { KIND_WORDS, ORGANISATION_WORDS, POOL_WORDS } from '../contract';
import type { Problem } from '../problems';
import { excelTrim, identityKey, visible } from '../text';
import type { CostLine, Municipality } from '../types';
import { isBlankValue, RowReader, type Located } from './cells';
import { isEmptyRow } from './locate';
import { readEvent } from './registrations';

/** How many known events an "unknown event" message lists. */
const KNOWN_EVENTS_SHOWN = 5;

export interface CostContext {
  /** null when Kunnat could not be read (payers are then not checked). */
  municipalities: Map<string, Municipality> | null;
  /** Known events (eventKey -> name); null when Ilmoittautumiset could not be read (events are then not checked). */
  events: Map<string, string> | null;
  /** The administrative employer's name as in Kunnat: the default payer, and who pays for TVA. */
  employer: string;
}

export function parseCosts(t: Located, ctx: CostContext, out: Problem[]): CostLine[] {
  const raw = t.raw;
  const list: CostLine[] = [];
  const events = ctx.events ?? new Map<string, string>();
  const known = [...events.values()];
  const knownText =
    known.length === 0 ? '–' : known.slice(0, KNOWN_EVENTS_SHOWN).join(', ') + (known.length > KNOWN_EVENTS_SHOWN ? ', …' : '');

  raw.rows.forEach((_, i) => {
    if (isEmptyRow(raw, i)) return;
    const r = new RowReader(t, i, out);
    const kind = r.word('kind', KIND_WORDS, true);
    const pool = r.word('pool', POOL_WORDS, true);
    const item = r.freeText('item') ?? '';
    const amount = r.number('amount', { required: true, maxDecimals: 2 });
    const year = r.number('year', { integer: true });
    const payer = readPayer(r, ctx);

    let event: string | null = null;
    let eventOk = true;
    if (r.has('event') && !r.isBlank('event')) {
      if (pool !== null && pool !== 'b') {
        // An event on pool a or muu would silently be ignored by the split: say so instead.
        const v = r.present('event', false);
        if (v !== undefined)
          r.error('event-not-pool-b', 'event', { pool, event: typeof v === 'string' ? visible(excelTrim(v)) : String(v) });
        eventOk = false;
      } else {
        event = readEvent(r, false);
        if (event === null) eventOk = false;
        else if (pool === 'b' && ctx.events && !events.has(identityKey(event))) {
          r.error('event-unknown', 'event', { event: visible(event), known: knownText });
          eventOk = false;
        }
      }
    }
    if (kind === null || pool === null || amount === null || payer === null || !eventOk) return;
    if (year === null && !r.isBlank('year')) return;
    list.push({
      kind,
      pool,
      item,
      event,
      eventKey: event === null ? null : identityKey(event),
      amount,
      payer,
      year: year === null ? null : year.toNumber(),
      ref: r.ref(),
    });
  });
  return list;
}

/** Maksaja: a Kunnat name (as written there), HVA or KELA by any of their words; TVA words = the employer. */
function readPayer(r: RowReader, ctx: CostContext): string | null {
  if (!r.has('payer') || isBlankValue(r.value('payer'))) return ctx.employer;
  const v = r.present('payer', false);
  if (v === undefined) return null; // an error value, reported
  if (typeof v !== 'string' && typeof v !== 'number') {
    r.error('text-expected', 'payer');
    return null;
  }
  const written = typeof v === 'string' ? excelTrim(v) : String(v);
  const k = identityKey(written);
  const m = ctx.municipalities?.get(k);
  if (m) return m.name;
  const party = ORGANISATION_WORDS.find(([w]) => identityKey(w) === k)?.[1];
  if (party === 'TVA') return ctx.employer;
  if (party) return party;
  if (!ctx.municipalities) return written; // Kunnat unreadable: already an error, nothing to check against
  const accepted = [...ctx.municipalities.values()].map((x) => x.name).concat(ORGANISATION_WORDS.map(([w]) => w));
  r.error('payer-unknown', 'payer', { value: visible(written), accepted: accepted.join(', ') });
  return null;
}
