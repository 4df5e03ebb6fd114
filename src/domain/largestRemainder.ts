import { Decimal, CENT, HUNDRED } from './decimal';

/** One receiver's exact share of a split, as numerator / denominator of the whole. */
export interface ShareSpec {
  receiver: string;
  /** The key value shown to users (staff count, registrants, population, percentage). */
  key: Decimal;
  num: Decimal;
  den: Decimal;
}

export interface SplitPart {
  receiver: string;
  key: Decimal;
  /** num / den, the receiver's fraction of the whole. */
  fraction: Decimal;
  /** |total| x fraction, unrounded. */
  exact: Decimal;
  /** exact rounded down to cents. */
  floor: Decimal;
  /** exact - floor, in euros (0 <= remainder < 0.01). */
  remainder: Decimal;
  /** 1 = largest remainder; ties go to the receiver listed first. */
  rank: number;
  /** Whether this part received one of the leftover cents. */
  extraCent: boolean;
  /** The rounded share, with the sign of the total. */
  amount: Decimal;
}

export interface Split {
  total: Decimal;
  /** Cents left over after flooring, handed out by largest remainder. */
  leftoverCents: number;
  parts: SplitPart[];
}

/** A finite decimal as an exact fraction of integers. */
function fraction(d: Decimal): { n: bigint; d: bigint } {
  const places = d.decimalPlaces();
  return { n: BigInt(d.mul(new Decimal(10).pow(places)).toFixed(0)), d: 10n ** BigInt(places) };
}

/**
 * Splits `total` (a whole number of cents) into cents by the largest-remainder method
 * (docs/allocation-rules.md §4.2, §4.3): floor each exact share to cents, then hand the leftover cents one by one
 * to the largest remainders; ties go to the receiver listed first. A negative total is split as
 * its absolute value and negated, so +x and -x split as mirror images.
 *
 * The fractions must sum to exactly one (callers build them from one key total).
 */
export function largestRemainder(total: Decimal, shares: readonly ShareSpec[]): Split {
  if (!total.mul(HUNDRED).isInteger()) throw new RangeError(`total ${total.toString()} is not a whole number of cents`);
  const abs = total.abs();
  const sign = total.isNegative() ? -1 : 1;
  const cents = BigInt(abs.mul(HUNDRED).toFixed(0));
  // Floors and remainders in exact integer arithmetic: share in cents = cents x num / den, so the
  // remainders of shares of different size that are equal in truth also compare equal here.
  const exactParts = shares.map((s) => {
    if (s.den.isZero()) throw new RangeError(`zero denominator for ${s.receiver}`);
    const num = fraction(s.num);
    const den = fraction(s.den);
    const top = cents * num.n * den.d;
    const bottom = den.n * num.d;
    return { floorCents: top / bottom, rem: top % bottom, bottom };
  });
  const parts = shares.map((s, i) => {
    const exact = abs.mul(s.num).div(s.den);
    const floor = new Decimal(exactParts[i].floorCents.toString()).div(HUNDRED);
    return { receiver: s.receiver, key: s.key, fraction: s.num.div(s.den), exact, floor, remainder: exact.minus(floor) };
  });
  const floorSum = exactParts.reduce((acc, p) => acc + p.floorCents, 0n);
  const leftover = cents - floorSum;
  if (leftover < 0n || leftover > BigInt(parts.length)) {
    throw new RangeError(`shares of ${total.toString()} do not sum to one (leftover ${leftover.toString()} cents)`);
  }
  const leftoverCents = Number(leftover);
  // remainder i > remainder j  <=>  rem_i x bottom_j > rem_j x bottom_i
  const cmp = (i: number, j: number) => {
    const a = exactParts[i].rem * exactParts[j].bottom;
    const b = exactParts[j].rem * exactParts[i].bottom;
    return a > b ? 1 : a < b ? -1 : 0;
  };
  // rank = 1 + number of larger remainders + number of equal remainders listed earlier.
  const ranked = parts.map((_, i) => {
    let rank = 1;
    parts.forEach((__, j) => {
      const c = cmp(j, i);
      if (c > 0 || (j < i && c === 0)) rank += 1;
    });
    return rank;
  });
  return {
    total,
    leftoverCents,
    parts: parts.map((p, i) => {
      const extraCent = ranked[i] <= leftoverCents;
      const unsigned = extraCent ? p.floor.plus(CENT) : p.floor;
      return { ...p, rank: ranked[i], extraCent, amount: sign < 0 && !unsigned.isZero() ? unsigned.neg() : unsigned };
    }),
  };
}
