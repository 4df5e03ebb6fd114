/**
 * The keys the costs are split by (docs/allocation-rules.md §3): staff per party on the staff basis
 * in force (§3.1, §3.3), TVA staff per municipality (§2.4), registrants per event (§3.2).
 */
import { Decimal, ZERO } from './decimal';
import { daysInYear, daysInYearOverlap, yearOfDay } from './dates';
import { warning, type Problem } from './problems';
import type { InputModel, PartyCode, Registration, Settings, StaffMember } from './types';

/**
 * A key value in two forms: `units` is exact and proportional (used for the shares), `shown` is
 * what users see. They differ only for the day-weighted FTE basis, where units = HTV x days and
 * shown = HTV x days / days in year (the common divisor cancels out of every ratio).
 */
export interface KeyValue {
  units: Decimal;
  shown: Decimal;
}

export const ZERO_KEY: KeyValue = { units: ZERO, shown: ZERO };

export function addKeys(a: KeyValue, b: KeyValue): KeyValue {
  return { units: a.units.plus(b.units), shown: a.shown.plus(b.shown) };
}

/** Days of the budget year the person is in the model (0 = not in the model that year). */
export function staffDays(settings: Settings, m: StaffMember): number {
  return daysInYearOverlap(settings.year, m.start, m.end);
}

/** One staff row's key on the staff basis in force (docs/allocation-rules.md §3.1, §3.3). A row with no days in the year counts zero. */
export function staffKey(settings: Settings, m: StaffMember): KeyValue {
  const days = staffDays(settings, m);
  if (days === 0) return ZERO_KEY;
  switch (settings.staffBasis) {
    case 'headcount':
      return { units: m.headcount, shown: m.headcount };
    case 'fte':
      return { units: m.fte, shown: m.fte };
    case 'fte-time-weighted': {
      const units = m.fte.mul(days);
      return { units, shown: units.div(daysInYear(settings.year)) };
    }
  }
}

export function staffKeyByParty(model: InputModel): Record<PartyCode, KeyValue> {
  const out: Record<PartyCode, KeyValue> = { TVA: ZERO_KEY, HVA: ZERO_KEY, KELA: ZERO_KEY };
  for (const m of model.staff) out[m.party] = addKeys(out[m.party], staffKey(model.settings, m));
  return out;
}

/** TVA staff key by municipality name, for the municipal split by staff (docs/allocation-rules.md §2.4); rows without a municipality are not placed anywhere. */
export function tvaStaffKeyByMunicipality(model: InputModel): Map<string, KeyValue> {
  const out = new Map<string, KeyValue>(model.municipalities.map((m) => [m.name, ZERO_KEY]));
  for (const m of model.staff) {
    if (m.party !== 'TVA' || m.municipality === null) continue;
    out.set(m.municipality, addKeys(out.get(m.municipality) ?? ZERO_KEY, staffKey(model.settings, m)));
  }
  return out;
}

/** Whether a registration belongs to the budget year (blank date = it does). */
export function registrationInYear(year: number, r: Registration): boolean {
  return r.date === null || yearOfDay(r.date) === year;
}

export interface EventCount {
  eventKey: string;
  /** Event name as first written. */
  event: string;
  byParty: Record<PartyCode, number>;
}

export interface RegistrationCount {
  /** Per event, in order of first registration. */
  events: EventCount[];
  /** Whether each registration row counts (active, in the year, first of its person for the event). */
  counted: boolean[];
  /** One warning per duplicate row. */
  warnings: Problem[];
}

/**
 * Distinct persons per event: a cancelled registration or one outside the year does not count;
 * the same person twice for one event counts once, for the organisation of its first row
 * (docs/allocation-rules.md §3.2). `year` defaults to the budget year; the budget-time key (issue 12)
 * also counts the year before.
 */
export function countRegistrations(model: InputModel, year: number = model.settings.year): RegistrationCount {
  const events = new Map<string, EventCount>();
  const firstRowOf = new Map<string, number>();
  const warnings: Problem[] = [];
  const counted = model.registrations.map((r) => {
    // A blank date means the budget year, also when another year is counted.
    const inYear = r.date === null ? year === model.settings.year : registrationInYear(year, r);
    if (r.cancelled || !inYear) return false;
    let ev = events.get(r.eventKey);
    if (!ev) {
      ev = { eventKey: r.eventKey, event: r.event, byParty: { TVA: 0, HVA: 0, KELA: 0 } };
      events.set(r.eventKey, ev);
    }
    // A separator that TRIM-ed text cannot contain keeps (event, person) pairs apart.
    const personEvent = `${r.eventKey}\u0000${r.personKey}`;
    const first = firstRowOf.get(personEvent);
    if (first !== undefined) {
      warnings.push(
        warning(
          'duplicate-registration',
          { sheet: r.ref.sheet, table: r.ref.table, row: r.ref.sheetRow },
          { event: r.event, firstRow: first },
        ),
      );
      return false;
    }
    firstRowOf.set(personEvent, r.ref.sheetRow);
    ev.byParty[r.party] += 1;
    return true;
  });
  return { events: [...events.values()], counted, warnings };
}
