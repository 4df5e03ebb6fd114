import { Decimal, ZERO, CENT, HUNDRED } from './decimal';

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

/**
 * Splits `total` (a whole number of cents) into cents by the largest-remainder method
 * (rule book, "Money"): floor each exact share to cents, then hand the leftover cents one by one
 * to the largest remainders; ties go to the receiver listed first. A negative total is split as
 * its absolute value and negated, so +x and -x split as mirror images.
 *
 * The fractions must sum to exactly one (callers build them from one key total).
 */
export function largestRemainder(total: Decimal, shares: readonly ShareSpec[]): Split {
  if (!total.mul(HUNDRED).isInteger()) throw new RangeError(`total ${total.toString()} is not a whole number of cents`);
  const abs = total.abs();
  const sign = total.isNegative() ? -1 : 1;
  const parts = shares.map((s) => {
    if (s.den.isZero()) throw new RangeError(`zero denominator for ${s.receiver}`);
    // One division of exact decimals: a correctly rounded quotient floors like the real number.
    const exact = abs.mul(s.num).div(s.den);
    const floor = exact.toDecimalPlaces(2, Decimal.ROUND_DOWN);
    return { receiver: s.receiver, key: s.key, fraction: s.num.div(s.den), exact, floor, remainder: exact.minus(floor) };
  });
  const floorSum = parts.reduce((acc, p) => acc.plus(p.floor), ZERO);
  const leftover = abs.minus(floorSum).div(CENT);
  if (!leftover.isInteger() || leftover.isNegative() || leftover.gt(parts.length)) {
    throw new RangeError(`shares of ${total.toString()} do not sum to one (leftover ${leftover.toString()} cents)`);
  }
  const leftoverCents = leftover.toNumber();
  // rank = number of larger remainders + number of equal remainders at or above this position.
  const ranked = parts.map((p, i) => {
    let rank = 1;
    parts.forEach((q, j) => {
      if (q.remainder.gt(p.remainder) || (j < i && q.remainder.eq(p.remainder))) rank += 1;
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
