/**
 * The key of a pool b group (development days; docs/allocation-rules.md §2.3 and §9 "Before the
 * year"; issue 12). Actual (TOT) lines: the year's registrations. Budget (TA) lines, drafted in the
 * autumn before the registrations exist: the participant plan where it has participants for the
 * group, else the year's registrations, else the previous year's registrations (with a warning
 * naming that source). The plan comes before early registrations so that a budget, and the advance
 * invoices billed on it, do not move when registrations start to arrive.
 *
 * Per event the event's own rows count; a line with no event takes the whole year: every
 * registration of the year (the sum over events), or every plan row of the year (event rows and
 * rows with Tilaisuus blank).
 */
import { countRegistrations, type RegistrationCount } from './keys';
import { PARTIES, type CostKind, type InputModel, type PartyCode, type PlanRow } from './types';

/** Where a group's key comes from: staff (pools a, muu) or one of the three pool b sources. */
export type KeySource = 'staff' | 'registrations' | 'plan' | 'previous-year';
export type PoolBSource = Exclude<KeySource, 'staff'>;

export type PartyCounts = Record<PartyCode, number>;

export interface CountsByEvent {
  /** Every event (or plan row) of the year together: the key of lines with no event. */
  year: PartyCounts;
  byEvent: Map<string, PartyCounts>;
}

export interface PoolBKeys {
  registrations: CountsByEvent;
  plan: CountsByEvent;
  /** The registrations of the year before the budget year. */
  previous: CountsByEvent;
  previousYear: number;
  /** Which registration rows count in the previous year (for the formulas' check values). */
  previousCount: RegistrationCount;
  /** The key of a pool b group, or null when no source has anyone for it. */
  choose(kind: CostKind, eventKey: string | null): { counts: PartyCounts; source: PoolBSource } | null;
}

const zero = (): PartyCounts => ({ TVA: 0, HVA: 0, KELA: 0 });
const total = (c: PartyCounts) => c.TVA + c.HVA + c.KELA;

function fromRegistrations(count: RegistrationCount): CountsByEvent {
  const year = zero();
  const byEvent = new Map<string, PartyCounts>();
  for (const e of count.events) {
    byEvent.set(e.eventKey, { ...e.byParty });
    for (const p of PARTIES) year[p] += e.byParty[p];
  }
  return { year, byEvent };
}

/** The plan rows of the budget year (blank Vuosi = the settings year). */
export function planOfYear(model: InputModel): PlanRow[] {
  return (model.plan ?? []).filter((r) => r.year === null || r.year === model.settings.year);
}

function fromPlan(rows: PlanRow[]): CountsByEvent {
  const year = zero();
  const byEvent = new Map<string, PartyCounts>();
  for (const r of rows) {
    year[r.party] += r.count;
    if (r.eventKey === null) continue;
    const c = byEvent.get(r.eventKey) ?? zero();
    c[r.party] += r.count;
    byEvent.set(r.eventKey, c);
  }
  return { year, byEvent };
}

export function poolBKeys(model: InputModel, registrations: RegistrationCount): PoolBKeys {
  const regs = fromRegistrations(registrations);
  const plan = fromPlan(planOfYear(model));
  const previousYearNo = model.settings.year - 1;
  const previousCount = countRegistrations(model, previousYearNo);
  const previous = fromRegistrations(previousCount);
  const pick = (src: CountsByEvent, eventKey: string | null) => (eventKey === null ? src.year : (src.byEvent.get(eventKey) ?? zero()));
  return {
    registrations: regs,
    plan,
    previous,
    previousYear: previousYearNo,
    previousCount,
    choose(kind, eventKey) {
      const order: [PoolBSource, CountsByEvent][] =
        kind === 'TOT'
          ? [['registrations', regs]]
          : [
              ['plan', plan],
              ['registrations', regs],
              ['previous-year', previous],
            ];
      for (const [source, src] of order) {
        const counts = pick(src, eventKey);
        if (total(counts) > 0) return { counts: { ...counts }, source };
      }
      return null;
    },
  };
}
