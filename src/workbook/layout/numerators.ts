/**
 * The whole-number numerators the split formulas read (TYM_Parametrit), computed the same way in
 * the engine's exact arithmetic, for the expected values of TYM_Jako and TYM_Kuntajako.
 */
import { municipalKey } from '../../domain/shares';
import { ZERO } from '../../domain/decimal';
import { scaledKey, scaledUnits } from '../../domain/exactRange';
import { poolBGroupKey } from './budgetKey';
import { poolKeyShown, staffPoolOf } from './staffPool';
import { PARTIES } from '../../domain/types';
import type { Ctx, GroupEntry } from './context';

export type V = number | string;

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
    const parts = staffPoolOf(slot.model);
    return PARTIES.map((p, i) => ({ n: parts?.n ? Number(parts.n[i]) : '#DIV/0!', key: poolKeyShown(slot.model, p).toNumber() }));
  }
  const keys = municipalKey(slot.model);
  const units = new Map<string, bigint>();
  for (const m of slot.model.staff)
    if (m.party === 'TVA' && m.municipality) units.set(m.municipality, (units.get(m.municipality) ?? 0n) + scaledUnits(slot.model, m));
  return ctx.model.municipalities.map((m) => {
    const basis = s.municipalBasis;
    const raw = basis === 'population' ? m.population : basis === 'jobseekers' ? m.jobseekers : basis === 'agreed' ? m.agreedPct : null;
    const n = basis === 'staff' ? Number(units.get(m.name) ?? 0n) : Number(scaledKey(raw ?? ZERO) ?? 0n);
    return { n, key: (keys.get(m.name)?.shown ?? ZERO).toNumber() };
  });
}
