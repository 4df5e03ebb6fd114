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
   * Input sheets are never touched; the one exception is adding: a spec marked `input` (the empty
   * participant plan, workbook/inputSheet.ts) is added as a new unmarked sheet, refused like an output
   * when its name is taken, and never replaced or removed afterwards. An adapter may say what else the
   * user should know (WriteOutcome).
   */
  replaceOutputs(sheets: SheetSpec[]): Promise<WriteOutcome | void>;
  /** Cells (formulas and current values) of the named output sheets. */
  readOutputCells(sheetNames: string[]): Promise<OutputCell[]>;
  /**
   * Workbook-level defined names and what they refer to ("'Sheet'!$A$1:$B$2"), for `verify`.
   * Optional: an adapter without it is not checked for names.
   */
  readDefinedNames?(): Promise<{ name: string; ref: string }[]>;
  /**
   * Optional: brings formula values up to date before they are read, where the host may hold stale
   * ones (Excel on Manual calculation). Resolves true when it had to recalculate.
   */
  recalculate?(): Promise<boolean>;
}

/** What a write did beyond writing the sheets, for the task pane to tell the user. */
export interface WriteOutcome {
  /**
   * Sheets that carry the add-in's owner mark but are not output sheets, e.g. a user's archived copy
   * of one: kept, never replaced or deleted. Their formulas still refer to the output sheets, which
   * every run replaces, so after a rerun they show #REF!: an archive is best kept as values.
   */
  otherMarkedSheets: string[];
  /**
   * What Excel refused after every figure was written (the write still succeeded): removing the old
   * outputs or their names (left as sheets named "~TYM…", which the next run removes), showing the
   * first new sheet, the recalculation on Manual calculation (press F9), freeze panes, print set-up,
   * tab colour. `sheet` names the sheet (or the name) it concerns.
   */
  finishingFailures: {
    sheet: string;
    what: 'oldOutputs' | 'names' | 'show' | 'recalculate' | 'freeze' | 'print' | 'tabColor';
    message: string;
  }[];
  /** The workbook was not on automatic calculation, so the add-in recalculated after writing. */
  recalculated: boolean;
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
