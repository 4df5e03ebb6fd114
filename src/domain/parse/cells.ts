/**
 * Reading one input table: where each canonical column is, and typed readers for its cells that
 * report every problem with the exact place (sheet, table, sheet row, header as written, A1 cell).
 */
import { Decimal } from '../decimal';
import { dayFromDate, dayFromExcelSerial, isoDate } from '../dates';
import { error, warning, type Problem, type ProblemCode, type ProblemParams, type Where } from '../problems';
import type { RawCell, RawTable, RawValue } from '../raw';
import { excelTrim, identityKey, visible } from '../text';
import { colLetters } from '../columns';
import type { OptionalTableKey, TableKey } from '../contract';
import type { RowRef, TableInfo } from '../types';

/** 1-based column and row -> A1 address: (1, 1) -> "A1", (28, 3) -> "AB3". */
export function cellAddress(colNumber1Based: number, row1Based: number): string {
  return `${colLetters(colNumber1Based - 1)}${row1Based}`;
}

/** An input table as found: the raw table and the position of each canonical column. */
export interface Located {
  key: TableKey | OptionalTableKey;
  raw: RawTable;
  /** canonical column key -> 0-based position in raw.headers */
  cols: Map<string, number>;
  info: TableInfo;
  /** false when a required column is missing: its rows are not read. */
  usable: boolean;
}

/** Blank as the formulas see it: nothing, or only spaces (Excel's TRIM gives ""). */
export function isBlankValue(v: RawValue): boolean {
  return v === null || v === undefined || (typeof v === 'string' && excelTrim(v) === '');
}

export function isErrorValue(v: RawValue): v is { error: string } {
  return typeof v === 'object' && v !== null && !(v instanceof Date) && typeof (v as { error?: unknown }).error === 'string';
}

/** Excel's error literals. A cell cannot hold them as typed text, so an adapter that hands them over as strings means the error. */
const ERROR_LITERALS = new Set([
  '#NULL!',
  '#DIV/0!',
  '#VALUE!',
  '#REF!',
  '#NAME?',
  '#NUM!',
  '#N/A',
  '#GETTING_DATA',
  '#SPILL!',
  '#CALC!',
  '#FIELD!',
  '#BLOCKED!',
  '#CONNECT!',
  '#BUSY!',
  '#UNKNOWN!',
]);

/** The error value a cell holds ("#REF!"), or null. */
export function errorOf(v: RawValue): string | null {
  if (isErrorValue(v)) return v.error;
  if (typeof v === 'string' && ERROR_LITERALS.has(v.trim().toUpperCase())) return v.trim().toUpperCase();
  return null;
}

/** True when a number format scales the value by 100 (a % outside quotes and escapes). */
export function isPercentFormat(numFmt: string | undefined): boolean {
  if (!numFmt) return false;
  return numFmt
    .replace(/"[^"]*"/g, '')
    .replace(/\\./g, '')
    .includes('%');
}

/**
 * True when a number format shows the number as a date or a time serial, as Excel classes formats
 * (and exceljs, which turns such cells into dates): a d, m, y, h or s remains once quoted text,
 * escaped characters, [...] sections (colours, locales, conditions; not the elapsed-time [h], [mm],
 * [ss]), and the character after a _ (a space as wide as it) or a * (a fill) are removed. "General"
 * and "@" (text) have none of them.
 * The one rule for every reader: the office.js adapter turns such numbers into dates with it, the
 * parser accepts a number in a date column without a warning when its format is one.
 */
export function isDateFormat(numFmt: string | undefined): boolean {
  if (!numFmt) return false;
  const bare = numFmt
    .replace(/"[^"]*"/g, '')
    .replace(/\\./g, '')
    .replace(/\[(?![hms]+\])[^\]]*\]/gi, '')
    .replace(/[_*]./g, '');
  return /[dmyhs]/i.test(bare);
}

/** A decimal-comma number written as text, e.g. "12,5" or "1 234,50". */
const FINNISH_DECIMAL = /^[-+−]?\d{1,3}(?:[ \u00a0]?\d{3})*,\d+$|^[-+−]?\d+,\d+$/;

/** A cell value shown in a message, invisible characters made visible (never used for personal names). */
function show(v: RawValue): string {
  if (v === null) return '';
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? String(v) : isoDate(dayFromDate(v));
  if (isErrorValue(v)) return v.error;
  return typeof v === 'string' ? visible(excelTrim(v)) : String(v);
}

export interface NumberOptions {
  required?: boolean;
  /** Code for a negative value: 'negative-key' for key columns, 'negative-value' otherwise. */
  nonNegative?: 'negative-key' | 'negative-value';
  /** Percentage points 0..100, not in a %-formatted cell. */
  percent?: boolean;
  /** Warn when a percentage is between 0 and 1 (it looks like a fraction: 0.6 for 60 %). */
  fractionWarning?: boolean;
  maxDecimals?: number;
  integer?: boolean;
}

/** Reads the cells of one data row of a located table, adding problems to `out`. */
export class RowReader {
  readonly sheetRow: number;

  constructor(
    readonly table: Located,
    /** 0-based data row index. */
    readonly dataIndex: number,
    private readonly out: Problem[],
  ) {
    this.sheetRow = table.raw.headerRow + 1 + dataIndex;
  }

  ref(): RowRef {
    return { table: this.table.raw.name, sheet: this.table.raw.sheet, index: this.dataIndex + 1, sheetRow: this.sheetRow };
  }

  has(key: string): boolean {
    return this.table.cols.has(key);
  }

  /** Where a cell is; without a column, the row. */
  where(key?: string): Where {
    const raw = this.table.raw;
    const w: Where = { sheet: raw.sheet, table: raw.name, row: this.sheetRow };
    const i = key === undefined ? undefined : this.table.cols.get(key);
    if (i !== undefined) {
      w.column = raw.headers[i];
      w.cell = cellAddress(raw.firstColumn + i, this.sheetRow);
    }
    return w;
  }

  cell(key: string): RawCell | undefined {
    const i = this.table.cols.get(key);
    if (i === undefined) return undefined;
    return this.table.raw.rows[this.dataIndex]?.[i] ?? { value: null };
  }

  value(key: string): RawValue {
    return this.cell(key)?.value ?? null;
  }

  isBlank(key: string): boolean {
    return isBlankValue(this.value(key));
  }

  error(code: ProblemCode, key: string | undefined, params: ProblemParams = {}): void {
    this.out.push(error(code, this.where(key), params));
  }

  warning(code: ProblemCode, key: string | undefined, params: ProblemParams = {}): void {
    this.out.push(warning(code, this.where(key), params));
  }

  /**
   * Common start of every reader: undefined when blank (reporting a required one), an error value
   * (reported) or a formula never calculated (reported for the whole table by locateTables).
   */
  present(key: string, required: boolean): RawValue | undefined {
    if (this.cell(key)?.uncached) return undefined;
    const v = this.value(key);
    if (isBlankValue(v)) {
      if (required) this.error('required', key);
      return undefined;
    }
    const err = errorOf(v);
    if (err !== null) {
      this.error('error-value', key, { value: err });
      return undefined;
    }
    return v;
  }

  /** Free text (Erä, Nimike, Yksikkö, Nimi): text or a number written as text; TRIM-ed. */
  freeText(key: string, required = false): string | null {
    const v = this.present(key, required);
    if (v === undefined) return null;
    if (typeof v === 'string') return excelTrim(v);
    if (typeof v === 'number') return String(v);
    this.error('text-expected', key);
    return null;
  }

  /** A name that formulas match (Tilaisuus, Kunta, Asetus): text only; TRIM-ed. */
  name(key: string, required = false): string | null {
    const v = this.present(key, required);
    if (v === undefined) return null;
    if (typeof v === 'string') return excelTrim(v);
    this.error('text-expected', key);
    return null;
  }

  /** A word from an accepted list, matched as the formulas do (TRIM, ignoring case). */
  word<T>(key: string, words: ReadonlyArray<readonly [string, T]>, required = false): T | null {
    const v = this.present(key, required);
    if (v === undefined) return null;
    const k = identityKey(show(v));
    const hit = words.find(([w]) => identityKey(w) === k);
    if (hit) return hit[1];
    this.error('unknown-word', key, { value: show(v), accepted: words.map(([w]) => w).join(', ') });
    return null;
  }

  /** A number as percentage points, a key value or an amount: only a real number cell is accepted. */
  number(key: string, opts: NumberOptions = {}): Decimal | null {
    const v = this.present(key, opts.required ?? false);
    if (v === undefined) return null;
    if (typeof v === 'string') {
      const t = v.trim();
      this.error(FINNISH_DECIMAL.test(t) ? 'number-is-text-comma' : 'number-is-text', key, { value: visible(excelTrim(v)) });
      return null;
    }
    if (typeof v === 'boolean') {
      this.error('number-is-boolean', key, { value: v ? 'TRUE' : 'FALSE' });
      return null;
    }
    if (v instanceof Date) {
      this.error('number-is-date', key, { value: show(v) });
      return null;
    }
    if (typeof v !== 'number' || !Number.isFinite(v)) {
      this.error('error-value', key, { value: '#NUM!' });
      return null;
    }
    // The decimal string of the double (shortest round trip): 12.34 has 2 decimals, 0.1+0.2 has 17.
    const d = new Decimal(String(v));
    if (opts.percent && isPercentFormat(this.cell(key)?.numFmt)) {
      this.error('percent-format', key, { value: String(v), shown: d.mul(100).toString() });
      return null;
    }
    if (opts.nonNegative && d.isNegative() && !d.isZero()) {
      this.error(opts.nonNegative, key, { value: String(v) });
      return null;
    }
    if (opts.percent && ((d.isNegative() && !d.isZero()) || d.gt(100))) {
      this.error('percent-range', key, { value: String(v) });
      return null;
    }
    // 0.6 typed for 60 % (a fraction, as a %-formatted cell would hold it) is read as 0.6 %: say so.
    if (opts.percent && opts.fractionWarning && d.gt(0) && d.lt(1)) {
      this.warning('percent-fraction', key, { value: String(v), percent: d.mul(100).toString() });
    }
    if (opts.integer && !d.isInteger()) {
      this.error('not-integer', key, { value: String(v) });
      return null;
    }
    if (opts.maxDecimals !== undefined && d.decimalPlaces() > opts.maxDecimals) {
      this.error('too-many-decimals', key, { value: String(v), max: opts.maxDecimals });
      return null;
    }
    return d;
  }

  /** A date: a Date cell, or an Excel serial number (accepted; warned unless formatted as a date). */
  date(key: string): number | null {
    const v = this.present(key, false);
    if (v === undefined) return null;
    if (v instanceof Date) {
      if (Number.isNaN(v.getTime())) {
        this.error('date-invalid', key, { value: String(v) });
        return null;
      }
      return dayFromDate(v);
    }
    if (typeof v === 'number') {
      // Serials before 61 are 1900-01-01..1900-02-29 (Excel's phantom leap day): no real date of ours.
      if (!Number.isFinite(v) || v < 61 || v >= 2958466) {
        this.error('date-invalid', key, { value: String(v) });
        return null;
      }
      const day = dayFromExcelSerial(v);
      if (!isDateFormat(this.cell(key)?.numFmt)) this.warning('date-serial', key, { value: String(v), date: isoDate(day) });
      return day;
    }
    if (typeof v === 'string') {
      this.error('date-is-text', key, { value: visible(excelTrim(v)) });
      return null;
    }
    this.error('date-invalid', key, { value: show(v) });
    return null;
  }
}
