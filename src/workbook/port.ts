import type { RawWorkbook } from '../domain/raw';
import type { SheetSpec } from './sheetSpec';

/** One output cell as it now stands in the workbook, for `verify`. */
export interface OutputCell {
  sheet: string;
  /** A1 address. */
  address: string;
  /** Formula in English syntax without "=", or undefined for a constant. */
  formula?: string;
  value: string | number | boolean | null;
}

/**
 * "A workbook", as the application needs it. Two adapters implement it: office.js (the only code
 * that calls Excel.run) and exceljs (command line, preview, tests).
 */
export interface WorkbookPort {
  /** Every table (ListObject) of the workbook with its header, rows, formats and hidden rows. */
  readTables(): Promise<RawWorkbook>;
  /** Names of the sheets that carry the add-in's owner mark. */
  ownSheetNames(): Promise<string[]>;
  /**
   * Replaces the add-in's own output sheets with `sheets`: new sheets are built first and the old
   * ones removed only after every write succeeded, so a failed run leaves the previous result.
   * Refuses (throws SheetConflictError) when a sheet of the same name exists that is not ours.
   * Input sheets are never touched.
   */
  replaceOutputs(sheets: SheetSpec[]): Promise<void>;
  /** Cells (formulas and current values) of the named output sheets. */
  readOutputCells(sheetNames: string[]): Promise<OutputCell[]>;
  /**
   * Workbook-level defined names and what they refer to ("'Sheet'!$A$1:$B$2"), for `verify`.
   * Optional: an adapter without it is not checked for names.
   */
  readDefinedNames?(): Promise<{ name: string; ref: string }[]>;
}

export class SheetConflictError extends Error {
  constructor(readonly sheet: string) {
    super(`Sheet "${sheet}" exists and is not one of the add-in's output sheets; rename or remove it first.`);
    this.name = 'SheetConflictError';
  }
}

export class TableNameConflictError extends Error {
  constructor(
    readonly table: string,
    readonly sheet: string,
  ) {
    super(`Table "${table}" already exists on sheet "${sheet}", which is not one of the add-in's output sheets; rename that table first.`);
    this.name = 'TableNameConflictError';
  }
}

/** A table changed (moved, grew or shrank) while it was read in several round trips. */
export class WorkbookChangedError extends Error {
  constructor(
    readonly table: string,
    readonly sheet: string,
  ) {
    super(`Table "${table}" on sheet "${sheet}" changed while it was being read; wait until editing is finished and try again.`);
    this.name = 'WorkbookChangedError';
  }
}
