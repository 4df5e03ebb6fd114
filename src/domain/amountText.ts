/**
 * Amounts and decimals as people read them, from the decimal strings the API carries ("1234.50"):
 * string manipulation only, so no binary float ever touches money. The task pane and the command
 * line both print amounts with these.
 */
import type { Lang } from './problems';

export interface AmountTextOptions {
  /** A hyphen-minus for negatives in Finnish and Swedish too (plain text that other programs read: the command line). */
  asciiMinus?: boolean;
}

const NBSP = '\u00a0';
const MINUS = '\u2212';

/** A plain decimal text as the API carries amounts: optional sign, digits, optional decimals. */
export const DECIMAL_TEXT = /^([+-]?)(\d+)(?:\.(\d+))?$/;

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
export function formatEuro(amount: string, lang: Lang = 'fi', options: AmountTextOptions = {}): string {
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
  return `${negative ? (options.asciiMinus ? '-' : MINUS) : ''}${groupThousands(intPart, NBSP)},${frac}${NBSP}€`;
}

/** "1234.5" -> "1 234,50" (fi, sv) or "1,234.50" (en): an amount without the currency sign, for tables headed "€". */
export function formatAmount(amount: string, lang: Lang = 'fi', options: AmountTextOptions = {}): string {
  const text = formatEuro(amount, lang, options);
  return lang === 'en' ? text.replace('€', '') : text.replace(`${NBSP}€`, '');
}

/**
 * A plain decimal text ("12.5", "-1234.567") in the language's format: decimal comma and minus
 * sign in Finnish and Swedish; thousands grouped (no-break space, or a comma in English) when
 * `group` is set and the integer part has four digits or more. Other text is returned unchanged.
 */
export function formatDecimalText(value: string, lang: Lang = 'fi', group = false): string {
  const m = DECIMAL_TEXT.exec(value.trim());
  if (!m) return value;
  const [, sign, intPart, fracPart] = m;
  const s = sign === '-' ? (lang === 'en' ? '-' : MINUS) : '';
  const sep = lang === 'en' ? '.' : ',';
  const whole = group && intPart.length >= 4 ? groupThousands(intPart, lang === 'en' ? ',' : NBSP) : intPart;
  return `${s}${whole}${fracPart !== undefined ? sep + fracPart : ''}`;
}
