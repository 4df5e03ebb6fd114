/**
 * What the pane needs from its host beyond the AllocationApp: actions that only make sense inside
 * a spreadsheet UI. Excel implements it with office.js (src/adapters/officejs/officeHost.ts), the
 * browser preview with its own grid (src/preview/PreviewApp.tsx). It is a port of the application:
 * the faces call it, the adapters implement it.
 */
import type { SettingKey, TableKey } from '../domain/contract';
import type { RunSummary } from './api';

/**
 * The last result as the host keeps it in the document (inside Excel: the add-in's document
 * settings), so a reopened pane shows it, and whether it is still current.
 */
export interface StoredResult {
  version: 1;
  /** When the run finished (ISO 8601, UTC). */
  at: string;
  /** inputsFingerprint of the tables the run read. */
  fingerprint: string;
  summary: RunSummary;
}

/** Is this (parsed from the document) a StoredResult this version can show? */
export function isStoredResult(x: unknown): x is StoredResult {
  const r = x as Partial<StoredResult> | null;
  return Boolean(
    r &&
    r.version === 1 &&
    typeof r.at === 'string' &&
    typeof r.fingerprint === 'string' &&
    r.summary &&
    Array.isArray(r.summary.kinds) &&
    typeof r.summary.year === 'number',
  );
}

/** A setting value as written into the Arvo cell: text, a number, or null to clear the cell. */
export type SettingValue = string | number | null;

export interface Host {
  /** Office's display language, e.g. "fi-FI"; chooses the pane's language (fi*, sv*, else en). */
  readonly displayLanguage: string;
  /** 'dark' when the Office theme is dark. */
  readonly theme?: 'light' | 'dark';
  /** Shows the user a cell: activates the sheet and selects the cell. */
  selectCell(sheet: string, address: string): Promise<void>;
  /**
   * Adds the missing input tables (those whose value in `tablesFound` is null) on new sheets, and
   * the optional ones of the template (the participant plan) that the workbook has under none of
   * their names. Never changes an existing table or sheet: a sheet of the same name gets "Name (2)".
   */
  createTemplate(tablesFound: Partial<Record<TableKey, string | null>>, year: number): Promise<void>;
  /**
   * Optional: adds only the participant plan table (issue 12, the budget-time key of pool b) on a
   * sheet of its own, as createTemplate would, unless the workbook has one under any of its names.
   * Resolves to the sheet it went on, or null when the workbook already had a plan (nothing added).
   */
  addPlanTable?(year: number): Promise<string | null>;
  /**
   * Optional: writes one setting into the Asetukset table (the Arvo cell of the setting's row, or a
   * new row when the setting is not there yet). Only offered when the host implements it.
   */
  updateSetting?(key: SettingKey, value: SettingValue, tableName: string): Promise<void>;
  /**
   * Optional: calls `onChange` whenever data in one of the named tables may have changed (inside
   * Excel: the tables' onChanged events, ExcelApi 1.7; tables added or deleted where 1.9 is
   * available). Resolves to a function that stops watching.
   */
  watchTables?(tableNames: string[], onChange: () => void): Promise<() => void>;
  /** Optional: the last result kept in the document, or null. */
  loadResult?(): Promise<StoredResult | null>;
  /** Optional: keeps `result` in the document (replacing the one before). */
  saveResult?(result: StoredResult): Promise<void>;
  /**
   * Optional: the cells' formulas as the user's Excel shows them (Range.formulasLocal: function
   * names and separators of the user's language), null for a cell without a formula.
   */
  localFormulas?(cells: { sheet: string; address: string }[]): Promise<(string | null)[]>;
}
