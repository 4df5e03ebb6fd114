/**
 * What we write: output sheets as plain data, built by the layout (pure) and written by an adapter.
 * Cell positions are 0-based [row][column] from A1. Formulas are in English syntax without the
 * leading "=" (office.js `range.formulas` and exceljs both take English syntax).
 */

/** Styles the adapters know how to draw. */
export type CellStyle =
  | 'title'
  | 'subtitle'
  | 'header'
  | 'label'
  | 'text'
  | 'integer'
  | 'money'
  | 'moneyTotal'
  | 'decimal'
  | 'fraction'
  | 'percent'
  | 'date'
  | 'check'
  | 'note';

export type CellValue = string | number | boolean | null;

export interface CellSpec {
  /** A constant. Text is always written as text, never parsed as a formula. */
  value?: CellValue;
  /** A formula in English syntax, without "=". */
  formula?: string;
  /** The engine's value of the formula, written as the cached result and compared by `verify`. */
  expected?: CellValue;
  style?: CellStyle;
}

export interface TableSpec {
  /** Excel table name, e.g. "Tulokset". */
  name: string;
  /** 0-based position of the header row and first column. */
  row: number;
  col: number;
  /** Header texts; the data rows are the sheet rows below, as many as rowCount. */
  headers: string[];
  rowCount: number;
}

export interface SheetSpec {
  name: string;
  /** Rows of cells; null = empty cell. */
  cells: (CellSpec | null)[][];
  /** Column widths in characters. */
  columnWidths?: number[];
  tables?: TableSpec[];
  /** Rows and columns to freeze (0 = none). */
  freeze?: { rows: number; columns: number };
  /** Sheet tab colour, ARGB hex without '#'. */
  tabColor?: string;
  /** Page set-up for printing on A4 landscape with a title. */
  print?: { title: string; landscape: boolean; fitToWidth: boolean };
}

/** Marker every output sheet carries, so a rerun replaces only the add-in's own sheets. */
export const OWNER_MARK = 'TYM-kustannustenjako';
