/**
 * Finnish business IDs (Y-tunnus): seven digits, a hyphen and a check digit. The check digit is
 * computed with the weights 7, 9, 10, 5, 8, 4, 2 modulo 11: remainder 0 gives 0, remainder 1 is
 * never issued, otherwise 11 - remainder (the Finnish Tax Administration's rule). IDs issued with
 * six digits are written with a leading zero.
 */

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2];

/** The weighted sum of seven digits modulo 11 (the written formulas show it as a step). */
export function businessIdRemainder(digits7: string): number {
  return [...digits7].reduce((a, ch, i) => a + Number(ch) * WEIGHTS[i], 0) % 11;
}

/** The check digit of seven digits, or null when the number cannot be a business ID (remainder 1). */
export function businessIdCheckDigit(digits7: string): number | null {
  const r = businessIdRemainder(digits7);
  if (r === 1) return null;
  return r === 0 ? 0 : 11 - r;
}

/**
 * The business ID in its canonical form ("0246246-0"), or null when the text is not a valid one.
 * Accepts surrounding spaces and the six-digit form ("246246-0").
 */
export function normaliseBusinessId(text: string): string | null {
  const m = /^(\d{6,7})-(\d)$/.exec(text.trim());
  if (!m) return null;
  const digits = m[1].padStart(7, '0');
  const check = businessIdCheckDigit(digits);
  return check !== null && check === Number(m[2]) ? `${digits}-${m[2]}` : null;
}
