/**
 * What the pane needs from its host beyond the AllocationApp: actions that only make sense inside
 * a spreadsheet UI. Excel implements it with office.js (src/adapters/officejs/officeHost.ts), the
 * browser preview with its own grid (src/preview/PreviewApp.tsx). It is a port of the application:
 * the faces call it, the adapters implement it.
 */
import type { SettingKey, TableKey } from '../domain/contract';

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
   * Adds the missing input tables (those whose value in `tablesFound` is null) on new sheets.
   * Never changes an existing table or sheet.
   */
  createTemplate(tablesFound: Partial<Record<TableKey, string | null>>, year: number): Promise<void>;
  /**
   * Optional: writes one setting into the Asetukset table (the Arvo cell of the setting's row, or a
   * new row when the setting is not there yet). Only offered when the host implements it.
   */
  updateSetting?(key: SettingKey, value: SettingValue, tableName: string): Promise<void>;
}
