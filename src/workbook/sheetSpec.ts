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

/**
 * A workbook-level defined name that an output sheet owns: it refers to a cell (or rectangle) of
 * that sheet, is written with the sheet and replaced with it on a rerun. Formulas on any output
 * sheet may use it (e.g. TYM_TARKISTUS, the master check; TYM_VUOSI, the year in force).
 */
export interface NameSpec {
  /** Excel name rules: letters, digits, "_" and "."; not a cell address. */
  name: string;
  /** 0-based top-left cell on the owning sheet. */
  row: number;
  col: number;
  /** Size of the rectangle (default 1 x 1). */
  rows?: number;
  cols?: number;
  /** Shown in Excel's Name Manager. */
  comment?: string;
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
  /**
   * Page set-up for printing on A4 with a title. `repeatRows` = how many rows from the top repeat
   * on every printed page (print titles); 0 or absent = none. `onePage` fits the sheet on one page
   * (width and height), e.g. a summary for a meeting.
   */
  print?: { title: string; landscape: boolean; fitToWidth: boolean; repeatRows?: number; onePage?: boolean };
  /** Workbook-level defined names that point into this sheet. */
  names?: NameSpec[];
  /**
   * An input sheet the run adds once, not an output (issue 12: the empty participant plan, so that a
   * plan typed later is seen by the master check). Written without the owner mark, so no later run
   * replaces or removes it; refused like an output when a sheet of its name exists.
   */
  input?: true;
}

/** Marker every output sheet carries, so a rerun replaces only the add-in's own sheets. */
export const OWNER_MARK = 'TYM-kustannustenjako';

/**
 * The worksheet-scoped defined name that carries the mark on a sheet ("TYM_kustannustenjako": a
 * defined name allows no hyphen). Both adapters write and look for this one name.
 */
export const OWNER_NAME = OWNER_MARK.replace(/[^A-Za-z0-9_.]/g, '_');
