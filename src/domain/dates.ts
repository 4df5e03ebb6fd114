/** Calendar days as integers (days since 1970-01-01, UTC): exact, time-zone free arithmetic. */

const MS_PER_DAY = 86_400_000;

export function dayNumber(year: number, month: number, day: number): number {
  return Math.round(Date.UTC(year, month - 1, day) / MS_PER_DAY);
}

export function yearStart(year: number): number {
  return dayNumber(year, 1, 1);
}

export function yearEnd(year: number): number {
  return dayNumber(year, 12, 31);
}

export function daysInYear(year: number): number {
  return yearEnd(year) - yearStart(year) + 1;
}

export function yearOfDay(day: number): number {
  return new Date(day * MS_PER_DAY).getUTCFullYear();
}

/** Excel's 1900 date system: serial 25569 is 1970-01-01 (serials before 1900-03-01 are not dates we accept). */
export const EXCEL_EPOCH_OFFSET = 25569;

export function dayFromExcelSerial(serial: number): number {
  return Math.floor(serial) - EXCEL_EPOCH_OFFSET;
}

export function excelSerialFromDay(day: number): number {
  return day + EXCEL_EPOCH_OFFSET;
}

/** A JS Date (as exceljs returns for date cells, at UTC midnight) to a day number. */
export function dayFromDate(d: Date): number {
  return Math.floor(d.getTime() / MS_PER_DAY);
}

export function isoDate(day: number): string {
  return new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
}

/** Days of [start, end] (inclusive; null = open) that fall in the year. */
export function daysInYearOverlap(year: number, start: number | null, end: number | null): number {
  const s = Math.max(start ?? yearStart(year), yearStart(year));
  const e = Math.min(end ?? yearEnd(year), yearEnd(year));
  return Math.max(0, e - s + 1);
}
