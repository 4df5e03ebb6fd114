/**
 * Number formatting for the pane. Euro amounts arrive as strings with two decimals ("1234.50") and
 * are formatted by string manipulation only, so no binary float ever touches money.
 */
import type { Lang } from '../app/vocabulary';

const NBSP = '\u00a0';
const MINUS = '\u2212';

const DECIMAL_TEXT = /^([+-]?)(\d+)(?:\.(\d+))?$/;

function groupThousands(digits: string, sep: string): string {
  const stripped = digits.replace(/^0+(?=\d)/, '');
  let out = '';
  for (let i = 0; i < stripped.length; i++) {
    if (i > 0 && (stripped.length - i) % 3 === 0) out += sep;
    out += stripped[i];
  }
  return out;
}

/**
 * "1234.5" -> "1 234,50 €" (fi, sv) or "€1,234.50" (en). Thousands are separated by a no-break
 * space so an amount never wraps; negatives get a real minus sign. Text that is not a decimal
 * number is returned unchanged (never guessed at).
 */
export function formatEuro(amount: string, lang: Lang = 'fi'): string {
  const m = DECIMAL_TEXT.exec(amount.trim());
  if (!m) return amount;
  const [, sign, intPart, fracPart = ''] = m;
  // Amounts come with two decimals; more is never rounded here (it would hide a bug), only shown.
  const frac = fracPart.length >= 2 ? fracPart : fracPart.padEnd(2, '0');
  const isZero = /^0*$/.test(intPart) && /^0*$/.test(frac);
  const negative = sign === '-' && !isZero;
  if (lang === 'en') {
    return `${negative ? '-' : ''}€${groupThousands(intPart, ',')}.${frac}`;
  }
  return `${negative ? MINUS : ''}${groupThousands(intPart, NBSP)},${frac}${NBSP}€`;
}

/** A plain decimal text ("12.5") with the language's decimal separator ("12,5"). */
export function formatDecimalText(value: string, lang: Lang = 'fi'): string {
  const m = DECIMAL_TEXT.exec(value.trim());
  if (!m) return value;
  const [, sign, intPart, fracPart] = m;
  const s = sign === '-' ? (lang === 'en' ? '-' : MINUS) : '';
  const sep = lang === 'en' ? '.' : ',';
  return `${s}${intPart}${fracPart !== undefined ? sep + fracPart : ''}`;
}

/** "1234.50" -> 123450n cents; null when not a decimal with at most two decimals. */
export function centsOf(amount: string): bigint | null {
  const m = DECIMAL_TEXT.exec(amount.trim());
  if (!m) return null;
  const [, sign, intPart, fracPart = ''] = m;
  if (fracPart.length > 2) return null;
  const cents = BigInt(intPart) * 100n + BigInt(fracPart.padEnd(2, '0') || '0');
  return sign === '-' ? -cents : cents;
}

export interface Bar {
  label: string;
  amount: string;
  /** Bar length as a share of the longest bar, 0..100, one decimal (display only). */
  percent: number;
  negative: boolean;
}

/**
 * Bars for a chart: lengths proportional to the absolute amounts, computed in integer cents.
 * A credit (negative total) gets a bar of its size, flagged so it can be drawn differently.
 */
export function barsOf(items: { label: string; amount: string }[]): Bar[] {
  const cents = items.map((i) => centsOf(i.amount) ?? 0n);
  const abs = cents.map((c) => (c < 0n ? -c : c));
  const max = abs.reduce((a, b) => (b > a ? b : a), 0n);
  return items.map((item, i) => ({
    label: item.label,
    amount: item.amount,
    // per-mille in integers, then one decimal: exact enough for a picture, no float on money
    percent: max === 0n ? 0 : Number((abs[i] * 1000n) / max) / 10,
    negative: cents[i] < 0n,
  }));
}

/**
 * A value typed in the settings form to what is written into the cell: null (clear), a number,
 * or an error key. Accepts a decimal comma or point and spaces as thousands separators.
 */
export function parseTypedNumber(text: string, integer = false): { ok: true; value: number | null } | { ok: false } {
  const s = text.replace(/[\s\u00a0]/g, '').replace(/\u2212/g, '-');
  if (s === '') return { ok: true, value: null };
  if (!/^-?\d+([.,]\d+)?$/.test(s)) return { ok: false };
  const normalised = s.replace(',', '.');
  if (integer && normalised.includes('.')) return { ok: false };
  return { ok: true, value: Number(normalised) };
}
