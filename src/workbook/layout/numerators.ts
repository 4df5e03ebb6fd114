/**
 * The whole-number numerators the split formulas read (TYM_Parametrit), computed the same way in
 * the engine's exact arithmetic, for the expected values of TYM_Jako and TYM_Kuntajako.
 */
import { municipalKey } from '../../domain/allocate';
import { ZERO } from '../../domain/decimal';
import { scaledKey, scaledUnits, staffPoolParts } from '../../domain/exactRange';
import { staffKeyByParty } from '../../domain/keys';
import { poolBGroupKey } from './budgetKey';
import { PARTIES, type PartyCode } from '../../domain/types';
import type { Ctx, GroupEntry, Slot } from './context';

export type V = number | string;

export function partyUnits(slot: Slot): Record<PartyCode, bigint> {
  const u: Record<PartyCode, bigint> = { TVA: 0n, HVA: 0n, KELA: 0n };
  for (const m of slot.model.staff) u[m.party] += scaledUnits(slot.model, m);
  return u;
}

/** Numerator and shown key of each receiver of a group at level 1 (parties) or 2 (municipalities). */
export function levelNumerators(ctx: Ctx, grp: GroupEntry, level: 1 | 2): { n: V; key: V }[] {
  const slot = grp.slot;
  const s = slot.model.settings;
  if (level === 1 && grp.pool === 'b') {
    // The key block's choice (TYM_Parametrit), which is the engine's where the year is allocated.
    const k = poolBGroupKey(ctx, grp).key;
    return PARTIES.map((p) => ({ n: k[p], key: k[p] }));
  }
  if (level === 1) {
    const parts = staffPoolParts(slot.model, partyUnits(slot));
    const keys = staffKeyByParty(slot.model);
    return PARTIES.map((p, i) => {
      const shown = p === 'KELA' ? s.kelaPct : s.agreedTvaPct !== null ? (p === 'TVA' ? s.agreedTvaPct : s.agreedTvaPct.neg().plus(100)) : keys[p].shown;
      return { n: parts?.n ? Number(parts.n[i]) : '#DIV/0!', key: shown.toNumber() };
    });
  }
  const keys = municipalKey(slot.model);
  const units = new Map<string, bigint>();
  for (const m of slot.model.staff) if (m.party === 'TVA' && m.municipality) units.set(m.municipality, (units.get(m.municipality) ?? 0n) + scaledUnits(slot.model, m));
  return ctx.model.municipalities.map((m) => {
    const basis = s.municipalBasis;
    const raw = basis === 'population' ? m.population : basis === 'jobseekers' ? m.jobseekers : basis === 'agreed' ? m.agreedPct : null;
    const n = basis === 'staff' ? Number(units.get(m.name) ?? 0n) : Number(scaledKey(raw ?? ZERO) ?? 0n);
    return { n, key: (keys.get(m.name)?.shown ?? ZERO).toNumber() };
  });
}
