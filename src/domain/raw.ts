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
  /**
   * A formula cell whose value was never calculated: the file holds the formula but no stored result
   * (scripts such as openpyxl and pandas write formulas so). `value` is then null and means nothing.
   */
  uncached?: true;
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
  /**
   * The sheet row directly below the table (below its totals row, if any), cell by cell under the
   * table's columns, when any of those cells holds a value: a row typed just below a table is not part
   * of it. Cells that belong to another table are left out (null). Absent when the row is blank or the
   * adapter cannot tell.
   */
  below?: { row: number; cells: RawCell[] };
}

export interface RawWorkbook {
  tables: RawTable[];
  sheetNames: string[];
}
