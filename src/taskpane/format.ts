/**
 * Number formatting for the pane. Euro amounts arrive as strings with two decimals ("1234.50") and
 * are formatted by string manipulation only, so no binary float ever touches money. The amount and
 * decimal texts are the domain's (src/domain/amountText.ts), shared with the command line.
 */
import { DECIMAL_TEXT, formatAmount, formatDecimalText, formatEuro, type Lang } from '../app/vocabulary';

export { formatAmount, formatDecimalText, formatEuro };

/** A count or other whole number with the language's thousands separator ("12 345", "12,345"). */
export function formatCount(n: number, lang: Lang = 'fi'): string {
  return Number.isSafeInteger(n) ? formatDecimalText(String(n), lang, true) : String(n);
}

const pad2 = (n: number) => String(n).padStart(2, '0');

/** An ISO date ("2025-12-31") as the language writes it: 31.12.2025, 2025-12-31, 31 Dec 2025. */
export function formatIsoDate(iso: string, lang: Lang = 'fi'): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso.trim());
  if (!m) return iso;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (lang === 'fi') return `${d}.${mo}.${y}`;
  if (lang === 'sv') return `${m[1]}-${m[2]}-${m[3]}`;
  return `${d} ${EN_MONTHS[mo - 1]} ${y}`;
}

const EN_MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** A moment (ISO 8601) in local time: "3.12.2026 klo 14.05", "2026-12-03 kl. 14.05", "3 Dec 2026, 14:05". */
export function formatDateTime(iso: string, lang: Lang = 'fi'): string {
  const t = new Date(iso);
  if (Number.isNaN(t.getTime())) return iso;
  const date = `${t.getFullYear()}-${pad2(t.getMonth() + 1)}-${pad2(t.getDate())}`;
  const [h, mi] = [t.getHours(), pad2(t.getMinutes())];
  if (lang === 'fi') return `${formatIsoDate(date, 'fi')} klo ${h}.${mi}`;
  if (lang === 'sv') return `${date} kl. ${pad2(h)}.${mi}`;
  return `${formatIsoDate(date, 'en')}, ${pad2(h)}:${mi}`;
}

/** "1234.50" as a spreadsheet takes it when pasted: "1234,50" (fi, sv) or "1234.50" (en); no grouping. */
export function plainAmount(amount: string, lang: Lang = 'fi'): string {
  const m = DECIMAL_TEXT.exec(amount.trim());
  if (!m) return amount;
  return lang === 'en' ? amount.trim() : amount.trim().replace('.', ',');
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
