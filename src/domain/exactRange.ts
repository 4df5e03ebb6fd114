/**
 * The range in which the written formulas are exact (issue 11), and the engine's refusal beyond it.
 *
 * The formulas split every group in integer cents: amount A = |sum of the lines' cents|, each
 * receiver's numerator N and the group's denominator D are whole numbers (keys scaled by
 * KEY_SCALE = 10^4, so every key may have at most 4 decimals). The floor of A·N/D and its
 * remainder are computed exactly with 23-bit limbs (TYM_Jako: "ylä"/"ala" columns):
 *
 *   q0 = INT(A·N/D)  (a float estimate, within 1 of the floor when A < 2^46)
 *   r  = A·N − q0·D = ((Ah·Nh − qh·Dh)·B + (Ah·Nl + Al·Nh − qh·Dl − ql·Dh))·B + (Al·Nl − ql·Dl),  B = 2^23
 *   floor = q0 + INT(r/D), remainder = r − D·INT(r/D)
 *
 * With A, N, D, q0 below LIMIT = 2^46 every limb is below 2^23, every product below 2^46, every
 * partial sum below 2^48 and the remainder below 2^47: all are integers that an IEEE double holds
 * exactly (below 2^53), and below 10^15, so Excel's 15-digit comparisons and LibreOffice's
 * approximate equality treat them exactly too. The one sum whose operands are larger
 * ((…)·B + (…)) has a true value below 2^26, so the correctly rounded sum is that value.
 * Hence: exact whenever every line and every group is below 2^46 cents (703 687 441 776,64 €)
 * and every denominator below 2^46. The engine refuses inputs outside that range (with the place).
 */
import { Decimal, ZERO } from './decimal';
import { error, type Problem, type Where } from './problems';
import { identityKey } from './text';
import type { CostLine, InputModel, PartyCode, StaffMember } from './types';
import { staffKey } from './keys';

/** Keys are scaled to whole numbers by this factor in the formulas (at most 4 decimals). */
export const KEY_SCALE = 10_000;
/** Limb base of the exact remainder (2^23). */
export const LIMB = 2 ** 23;
/** Exclusive bound of every amount in cents, numerator and denominator (2^46). */
export const EXACT_LIMIT = 2 ** 46;
const LIMIT = BigInt(EXACT_LIMIT);
const SCALE = BigInt(KEY_SCALE);

const LIMIT_EUROS = new Decimal(EXACT_LIMIT).div(100).toFixed(2);

/** x · 10^4 as a BigInt when it is whole, else null. */
function scaled(x: Decimal): bigint | null {
  const s = x.mul(KEY_SCALE);
  return s.isInteger() ? BigInt(s.toFixed(0)) : null;
}

function gcd(a: bigint, b: bigint): bigint {
  let x = a < 0n ? -a : a;
  let y = b < 0n ? -b : b;
  while (y) [x, y] = [y, x % y];
  return x;
}

function columnWhere(model: InputModel, table: string, column: string, ref: { sheet: string; table: string; sheetRow: number }): Where {
  return { sheet: ref.sheet, table: ref.table, row: ref.sheetRow, column: model.tables[table]?.columns[column] };
}

/** Every step of the staff pools' numerators as the formulas compute them (TYM_Parametrit). */
export interface StaffPoolParts {
  xT: bigint;
  xH: bigint;
  g2: bigint;
  k: bigint;
  g1: bigint;
  p: bigint;
  kp: bigint;
  /** Numerators TVA, HVA, KELA and the denominator; null when the key total is zero (the formulas give #DIV/0!). */
  n: [bigint, bigint, bigint] | null;
  d: bigint | null;
}

export function staffPoolParts(model: InputModel, units: Record<PartyCode, bigint>): StaffPoolParts | null {
  const full = 100n * SCALE;
  const k = scaled(model.settings.kelaPct);
  if (k === null) return null;
  let xT = units.TVA;
  let xH = units.HVA;
  if (model.settings.agreedTvaPct !== null) {
    const a = scaled(model.settings.agreedTvaPct);
    if (a === null) return null;
    xT = a;
    xH = full - a;
  }
  const g2 = gcd(xT, xH);
  const g1 = gcd(k, full);
  const p = full / g1;
  const kp = k / g1;
  if (g2 === 0n) return { xT, xH, g2, k, g1, p, kp, n: null, d: null };
  return { xT, xH, g2, k, g1, p, kp, n: [(p - kp) * (xT / g2), (p - kp) * (xH / g2), kp * ((xT + xH) / g2)], d: p * ((xT + xH) / g2) };
}

/** The staff-pool denominator as the formulas compute it, or null if a key is not whole at 10^4. */
export function staffPoolDenominator(model: InputModel, units: Record<PartyCode, bigint>): bigint | null {
  const parts = staffPoolParts(model, units);
  if (parts === null) return null;
  return parts.d ?? 0n;
}

/** Scaled whole units of a key value (x · 10^4), or null when it has more than 4 decimals. */
export function scaledKey(x: Decimal): bigint | null {
  return scaled(x);
}

/** The scaled staff units of one row for the year of `model.settings` (as TYM_Rivit computes them). */
export function scaledUnits(model: InputModel, m: StaffMember): bigint {
  const key = staffKey(model.settings, m);
  if (key.units.isZero()) return 0n;
  const s = scaled(key.units);
  return s ?? 0n;
}

/**
 * Every input that would take a formula outside its exact range, for the budget year of `model`
 * (callers check each compared year with a model of that year). Empty when all is exact.
 */
export function exactRangeProblems(model: InputModel, lines: CostLine[]): Problem[] {
  const out: Problem[] = [];
  const precise = (v: Decimal | null, where: Where) => {
    if (v !== null && scaled(v) === null) out.push(error('key-too-precise', where, { value: v.toString() }));
  };
  for (const m of model.staff) {
    precise(m.headcount, columnWhere(model, 'henkilosto', 'headcount', m.ref));
    precise(m.fte, columnWhere(model, 'henkilosto', 'fte', m.ref));
  }
  for (const m of model.municipalities) {
    precise(m.population, columnWhere(model, 'kunnat', 'population', m.ref));
    precise(m.jobseekers, columnWhere(model, 'kunnat', 'jobseekers', m.ref));
    precise(m.agreedPct, columnWhere(model, 'kunnat', 'agreedPct', m.ref));
  }
  const setting = (key: 'kelaPct' | 'agreedTvaPct') => {
    const ref = model.settingRows[key];
    return ref
      ? columnWhere(model, 'asetukset', 'value', ref)
      : { sheet: model.tables.asetukset?.sheet, table: model.tables.asetukset?.name };
  };
  precise(model.settings.kelaPct, setting('kelaPct'));
  precise(model.settings.agreedTvaPct, setting('agreedTvaPct'));
  if (out.length) return out;

  const cents = (l: CostLine) => BigInt(l.amount.mul(100).toFixed(0));
  const abs = (x: bigint) => (x < 0n ? -x : x);
  for (const l of lines) {
    if (abs(cents(l)) >= LIMIT) {
      out.push(
        error('amount-out-of-range', columnWhere(model, 'kustannukset', 'amount', l.ref), {
          amount: l.amount.toFixed(2),
          what: `${l.kind} ${l.pool}`,
          limit: LIMIT_EUROS,
        }),
      );
    }
  }
  // Group sums: per kind, pool and (pool b) event, as the groups of the allocation.
  const sums = new Map<string, { total: bigint; first: CostLine }>();
  for (const l of lines) {
    const id = `${l.kind}|${l.pool}|${l.pool === 'b' ? (l.eventKey ?? '') : ''}`;
    const s = sums.get(id);
    if (s) s.total += cents(l);
    else sums.set(id, { total: cents(l), first: l });
  }
  for (const [id, s] of sums) {
    if (abs(s.total) >= LIMIT) {
      out.push(
        error('amount-out-of-range', columnWhere(model, 'kustannukset', 'amount', s.first.ref), {
          amount: new Decimal(s.total.toString()).div(100).toFixed(2),
          what: id.replace(/\|/g, ' ').trim(),
          limit: LIMIT_EUROS,
        }),
      );
    }
  }
  const kust = model.tables.kustannukset;
  const where = (table: string): Where => ({ sheet: model.tables[table]?.sheet, table: model.tables[table]?.name });
  if (lines.some((l) => l.pool !== 'b')) {
    const units: Record<PartyCode, bigint> = { TVA: 0n, HVA: 0n, KELA: 0n };
    for (const m of model.staff) units[m.party] += scaledUnits(model, m);
    const d = staffPoolDenominator(model, units);
    if (d !== null && d >= LIMIT)
      out.push(
        error('key-out-of-range', where('henkilosto'), {
          key: model.settings.staffBasis,
          what: `TVA + HVA ${model.settings.year}`,
          value: d.toString(),
          limit: LIMIT.toString(),
        }),
      );
  }
  // Municipal key: the scaled keys' sum (TYM_Parametrit, municipal block).
  let muni = 0n;
  const staffByMuni = new Map<string, bigint>();
  for (const m of model.staff) {
    if (m.party !== 'TVA' || m.municipality === null) continue;
    const k = identityKey(m.municipality);
    staffByMuni.set(k, (staffByMuni.get(k) ?? 0n) + scaledUnits(model, m));
  }
  for (const m of model.municipalities) {
    const basis = model.settings.municipalBasis;
    const v = basis === 'population' ? m.population : basis === 'jobseekers' ? m.jobseekers : basis === 'agreed' ? m.agreedPct : null;
    muni += basis === 'staff' ? (staffByMuni.get(identityKey(m.name)) ?? 0n) : (scaled(v ?? ZERO) ?? 0n);
  }
  if (muni >= LIMIT && lines.length)
    out.push(
      error('key-out-of-range', where('kunnat'), {
        key: model.settings.municipalBasis,
        what: `TVA → ${kust ? 'kunnat' : ''}`,
        value: muni.toString(),
        limit: LIMIT.toString(),
      }),
    );
  return out;
}
