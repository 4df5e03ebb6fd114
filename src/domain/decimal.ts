import DecimalBase from 'decimal.js';

/**
 * The one Decimal the project uses. 60 significant digits: every exact share is one division of
 * exact decimals, so a correctly rounded 60-digit quotient floors to the same cent as the real
 * number (the keys' denominators are far below 10^50).
 */
export const Decimal = DecimalBase.clone({ precision: 60, rounding: DecimalBase.ROUND_HALF_EVEN, toExpNeg: -30, toExpPos: 40 });
export type Decimal = InstanceType<typeof Decimal>;

export const ZERO = new Decimal(0);
export const ONE = new Decimal(1);
export const HUNDRED = new Decimal(100);
export const CENT = new Decimal('0.01');

/** Euros as a string with exactly two decimals, e.g. "-1234.50". */
export function euros(x: Decimal): string {
  return x.toFixed(2);
}

export function dec(x: string | number | Decimal): Decimal {
  return new Decimal(x);
}
