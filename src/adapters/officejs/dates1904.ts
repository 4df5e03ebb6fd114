/**
 * The 1904 date system. A workbook may count dates from 1904-01-01 instead of 1900-01-00 (Excel for
 * Mac's old default; File > Options > Advanced > "Use 1904 date system"): the same date is then a
 * serial 1,462 days smaller, and read as 1900 serials every date would be 4 years and a day early.
 *
 * ExcelApi has no released property for it (Workbook.use1904DateSystem appears only among the preview
 * APIs, and @types/office-js 1.0.612 has none), so the adapter finds out from what Excel shows: a
 * date cell's `text` (ExcelApi 1.1) is formatted in the workbook's own date system, and its year
 * tells the two systems apart. Pure; the adapter loads the samples.
 */
import { EXCEL_EPOCH_OFFSET } from '../../domain/dates';

/** Days between the two systems' serials for the same date (1904-01-01 is 1,462 in the 1900 system). */
export const EXCEL_1904_OFFSET_DAYS = 1462;

export interface DateSample {
  /** The cell's value (a serial number). */
  value: number;
  /** Its number format. */
  format: string;
  /** Its text as Excel shows it. */
  text: string;
}

function yearOf1900Serial(serial: number): number {
  return new Date((Math.floor(serial) - EXCEL_EPOCH_OFFSET) * 86_400_000).getUTCFullYear();
}

/** Whether the shown text carries this year (4 digits, or 2 when the format has yy but no yyyy). */
function shows(sample: DateSample, year: number): boolean {
  const runs: string[] = sample.text.match(/\d+/g) ?? [];
  const format = sample.format.replace(/"[^"]*"|\[[^\]]*\]/g, '').toLowerCase();
  if (runs.includes(String(year))) return true;
  return !format.includes('yyyy') && format.includes('yy') && runs.includes(String(year % 100).padStart(2, '0'));
}

/**
 * True for the 1904 system, false for 1900, null when no sample shows a year that tells them apart.
 * A sample counts only when its text shows exactly one of the two candidate years.
 */
export function detect1904(samples: DateSample[]): boolean | null {
  for (const s of samples) {
    if (!Number.isFinite(s.value) || s.value < 1) continue;
    const as1900 = shows(s, yearOf1900Serial(s.value));
    const as1904 = shows(s, yearOf1900Serial(s.value + EXCEL_1904_OFFSET_DAYS));
    if (as1900 !== as1904) return as1904;
  }
  return null;
}
