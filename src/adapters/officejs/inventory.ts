/**
 * The workbook's sheets as the write sees them: which carry the add-in's owner mark, with their
 * tables. Loaded in the same sync as other reads (readTables' listing) or on its own.
 */
import { OWNER_MARK } from '../../workbook/sheetSpec';
import { lower } from './tableRead';

/** Worksheet-scoped name that marks a sheet as the add-in's own (as in the exceljs adapter). */
export const OWNER_NAME = OWNER_MARK.replace(/[^A-Za-z0-9_.]/g, '_');

export interface SheetInfo {
  name: string;
  own: boolean;
  tables: string[];
}

export interface Inventory {
  sheets: SheetInfo[];
  /** When it was loaded (a cached list stands in for a fresh one only for a while). */
  at: number;
}

export const INVENTORY_LOAD = 'items/name,items/names/items/name,items/tables/items/name';

/** Queues the sheet list with marks and tables; read it with inventoryOf after the sync. */
export function queueInventory(ctx: Excel.RequestContext): Excel.WorksheetCollection {
  const sheets = ctx.workbook.worksheets;
  sheets.load(INVENTORY_LOAD);
  return sheets;
}

export function inventoryOf(sheets: Excel.WorksheetCollection): SheetInfo[] {
  return sheets.items.map((s) => ({
    name: s.name,
    own: s.names.items.some((n) => n.name.toUpperCase() === OWNER_NAME.toUpperCase()),
    tables: s.tables.items.map((t) => t.name),
  }));
}

export function sameInventory(a: Inventory, b: Inventory): boolean {
  const key = (i: Inventory) =>
    i.sheets
      .map((s) => `${lower(s.name)}|${s.own}|${s.tables.map(lower).sort().join(',')}`)
      .sort()
      .join('\n');
  return key(a) === key(b);
}
