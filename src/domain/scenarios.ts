/**
 * The municipalities' scenarios (issue 12): what each would pay under every municipal basis, and
 * what each party would pay under every staff basis, beside the basis in force. Each scenario is
 * the allocation the engine would make with that one setting changed: every group's rounded TVA
 * share split again over the municipalities (level 2), or every staff-keyed group split again
 * over the parties (level 1; pool b does not depend on staff), to the cent, then summed.
 */
import type { Allocation } from './allocate';
import { Decimal, HUNDRED, ZERO } from './decimal';
import { staffKeyByParty } from './keys';
import { largestRemainder, type Split } from './largestRemainder';
import { municipalKey, staffPoolShares } from './shares';
import { COST_KINDS, PARTIES, type CostKind, type InputModel, type MunicipalBasis, type PartyCode, type StaffBasis } from './types';

export const MUNICIPAL_BASES: readonly MunicipalBasis[] = ['population', 'jobseekers', 'staff', 'agreed'];
export const STAFF_BASES: readonly StaffBasis[] = ['headcount', 'fte', 'fte-time-weighted'];

/** Why a scenario cannot be computed: a municipality lacks the value, agreed shares do not sum to 100, or the key totals zero. */
export type Unavailable = 'missing-values' | 'agreed-sum' | 'zero-total';

export interface MunicipalScenario {
  basis: MunicipalBasis;
  inForce: boolean;
  unavailable: Unavailable | null;
  /** The key per municipality (Kunnat order); zeros when unavailable. */
  keys: Decimal[];
  /** Level-2 split of each allocation group (alloc.groups order); empty when unavailable. */
  splits: Split[];
  /** Per kind, per municipality (Kunnat order): the sum of its rounded group shares. */
  totals: Record<CostKind, Decimal[]>;
}

export interface StaffScenario {
  basis: StaffBasis;
  inForce: boolean;
  unavailable: Unavailable | null;
  /** Party staff keys on this basis (shown values: FTE by days is FTE x days / days in year). */
  keys: Record<PartyCode, Decimal>;
  /** Level-1 split of each group: staff-keyed groups split again, pool b groups as allocated. */
  splits: Split[];
  /** Per kind, per party (TVA, HVA, KELA). */
  totals: Record<CostKind, Decimal[]>;
}

export interface Scenarios {
  municipal: MunicipalScenario[];
  staff: StaffScenario[];
}

const emptyTotals = (n: number): Record<CostKind, Decimal[]> => ({ TA: Array<Decimal>(n).fill(ZERO), TOT: Array<Decimal>(n).fill(ZERO) });

function sumSplits(alloc: Allocation, splits: Split[], n: number): Record<CostKind, Decimal[]> {
  const totals = emptyTotals(n);
  alloc.groups.forEach((g, i) => {
    totals[g.kind] = totals[g.kind].map((t, j) => t.plus(splits[i].parts[j].amount));
  });
  return totals;
}

function municipalScenario(model: InputModel, alloc: Allocation, basis: MunicipalBasis): MunicipalScenario {
  const n = model.municipalities.length;
  const inForce = basis === model.settings.municipalBasis;
  const key = municipalKey({ ...model, settings: { ...model.settings, municipalBasis: basis } });
  const values = model.municipalities.map((m) => key.get(m.name)!);
  const keys = values.map((v) => v.shown);
  const missing =
    (basis === 'population' && model.municipalities.some((m) => m.population === null)) ||
    (basis === 'jobseekers' && model.municipalities.some((m) => m.jobseekers === null)) ||
    (basis === 'agreed' && model.municipalities.some((m) => m.agreedPct === null));
  const total = values.reduce((a, v) => a.plus(v.units), ZERO);
  const unavailable: Unavailable | null = missing
    ? 'missing-values'
    : basis === 'agreed' && !total.eq(HUNDRED)
      ? 'agreed-sum'
      : total.isZero()
        ? 'zero-total'
        : null;
  if (unavailable) return { basis, inForce, unavailable, keys, splits: [], totals: emptyTotals(n) };
  const shares = model.municipalities.map((m, i) => ({ receiver: m.name, key: keys[i], num: values[i].units, den: total }));
  const splits = alloc.groups.map((g) => largestRemainder(g.parties.parts[0].amount, shares));
  return { basis, inForce, unavailable, keys, splits, totals: sumSplits(alloc, splits, n) };
}

function staffScenario(model: InputModel, alloc: Allocation, basis: StaffBasis): StaffScenario {
  const m = { ...model, settings: { ...model.settings, staffBasis: basis } };
  const staff = staffKeyByParty(m);
  const keys = { TVA: staff.TVA.shown, HVA: staff.HVA.shown, KELA: staff.KELA.shown };
  const shares = staffPoolShares(m, staff);
  const inForce = basis === model.settings.staffBasis;
  const staffKeyed = alloc.groups.some((g) => g.pool !== 'b');
  if (shares === null && staffKeyed)
    return { basis, inForce, unavailable: 'zero-total', keys, splits: [], totals: emptyTotals(PARTIES.length) };
  const splits = alloc.groups.map((g) => (g.pool === 'b' ? g.parties : largestRemainder(g.amount, shares!)));
  return { basis, inForce, unavailable: null, keys, splits, totals: sumSplits(alloc, splits, PARTIES.length) };
}

export function computeScenarios(model: InputModel, alloc: Allocation): Scenarios {
  return {
    municipal: MUNICIPAL_BASES.map((b) => municipalScenario(model, alloc, b)),
    staff: STAFF_BASES.map((b) => staffScenario(model, alloc, b)),
  };
}

/** The kinds the allocation has (the scenario sheet shows only these). */
export function kindsOf(alloc: Allocation): CostKind[] {
  return COST_KINDS.filter((k) => alloc.groups.some((g) => g.kind === k));
}
