/**
 * What a workbook adapter hands the domain: the input tables as they stand in the workbook,
 * before any interpretation. Both adapters (office.js and exceljs) produce exactly this.
 */

/** A cell's value as the spreadsheet holds it. Dates arrive as Date (exceljs) or serial numbers. */
export type RawValue = string | number | boolean | Date | null | { error: string };

export interface RawCell {
  value: RawValue;
  /** Number format code, e.g. "0.00%" or "d.m.yyyy"; undefined when General or unknown. */
  numFmt?: string;
}

export interface RawTable {
  /** Table (ListObject) name as in the workbook, e.g. "Henkilosto". */
  name: string;
  /** Worksheet holding the table. */
  sheet: string;
  /** Sheet row number (1-based) of the header row; data row i (0-based) is at headerRow + 1 + i. */
  headerRow: number;
  /** Sheet column number (1-based) of the table's first column. */
  firstColumn: number;
  /** Header texts, exactly as in the workbook. */
  headers: string[];
  /** Data rows (totals row excluded), each as wide as headers. */
  rows: RawCell[][];
  /** 0-based data row indexes that are hidden or filtered out (they still count). */
  hiddenRows?: number[];
  /** A1 ranges of merged cells that overlap the table. */
  mergedRanges?: string[];
}

export interface RawWorkbook {
  tables: RawTable[];
  sheetNames: string[];
}
