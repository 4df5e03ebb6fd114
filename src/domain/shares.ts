/**
 * The keys as shares, before rounding (docs/allocation-rules.md §2, §4.5, §4.6): each receiver's
 * share of a group's amount as an exact fraction num/den, for the largest-remainder split
 * (largestRemainder.ts). Level 1 over TVA, HVA and Kela (staff or registrations), level 2 over the
 * municipalities (the municipal key). Used by the allocation (allocate.ts) and the scenarios.
 */
import { Decimal, ZERO, HUNDRED } from './decimal';
import { tvaStaffKeyByMunicipality, type KeyValue } from './keys';
import type { ShareSpec } from './largestRemainder';
import { PARTIES, type InputModel, type PartyCode } from './types';

export const share = (receiver: string, key: Decimal, num: Decimal, den: Decimal): ShareSpec => ({ receiver, key, num, den });

/**
 * Level-1 shares of a staff-keyed pool: Kela its percentage; TVA and HVA the rest by staff key
 * (or by the agreed TVA percentage), docs/allocation-rules.md §2.2, §4.6. Each share is num/den of
 * exact decimals.
 */
export function staffPoolShares(model: InputModel, staff: Record<PartyCode, KeyValue>): ShareSpec[] | null {
  const { kelaPct: k, agreedTvaPct: p } = model.settings;
  const rest = HUNDRED.minus(k);
  if (p !== null) {
    const den = HUNDRED.mul(HUNDRED);
    return [
      share('TVA', p, rest.mul(p), den),
      share('HVA', HUNDRED.minus(p), rest.mul(HUNDRED.minus(p)), den),
      share('KELA', k, k.mul(HUNDRED), den),
    ];
  }
  const total = staff.TVA.units.plus(staff.HVA.units);
  if (total.isZero()) return null;
  const den = HUNDRED.mul(total);
  return [
    share('TVA', staff.TVA.shown, rest.mul(staff.TVA.units), den),
    share('HVA', staff.HVA.shown, rest.mul(staff.HVA.units), den),
    share('KELA', k, k.mul(total), den),
  ];
}

/** Level-1 shares of a pool b group: by registrants of the event, or of the whole year (docs/allocation-rules.md §2.3, §4.5). */
export function registrationShares(counts: Record<PartyCode, number>): ShareSpec[] | null {
  const total = counts.TVA + counts.HVA + counts.KELA;
  if (total === 0) return null;
  const den = new Decimal(total);
  return PARTIES.map((p) => share(p, new Decimal(counts[p]), new Decimal(counts[p]), den));
}

/** The municipal key by the setting in force, in Kunnat order (docs/allocation-rules.md §2.4, level 2 of §4.6). */
export function municipalKey(model: InputModel): Map<string, { shown: Decimal; units: Decimal }> {
  const basis = model.settings.municipalBasis;
  const staff = basis === 'staff' ? tvaStaffKeyByMunicipality(model) : null;
  return new Map(
    model.municipalities.map((m) => {
      let v: { shown: Decimal; units: Decimal };
      switch (basis) {
        case 'population':
          v = { shown: m.population ?? ZERO, units: m.population ?? ZERO };
          break;
        case 'jobseekers':
          v = { shown: m.jobseekers ?? ZERO, units: m.jobseekers ?? ZERO };
          break;
        case 'agreed':
          v = { shown: m.agreedPct ?? ZERO, units: m.agreedPct ?? ZERO };
          break;
        case 'staff':
          v = staff!.get(m.name)!;
          break;
      }
      return [m.name, v];
    }),
  );
}
