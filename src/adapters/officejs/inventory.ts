/**
 * The workbook as the write sees it: the sheets with their owner marks and tables, the workbook-level
 * names, and the calculation mode. Loaded in the same sync as other reads (readTables' listing) or
 * on its own, and classified here: which sheets a write replaces, which it must leave alone.
 *
 * Ownership: every output sheet carries a worksheet-scoped name OWNER_NAME ("TYM_kustannustenjako",
 * referring to the sheet's $A$1), the same mark the exceljs adapter writes. Excel copies a sheet's
 * scoped names with it, pointing at the copy (OfficeDev/office-js issue 2875), so a user's archive
 * copy of an output sheet ("TYM_Tulokset (2)", renamed "Tulokset 2025") carries a valid mark too.
 * A write therefore replaces only sheets that are marked AND named as an output sheet (or are the
 * add-in's own leftover backups, "~TYM1~…"); other marked sheets are listed to the user and never
 * deleted. A mark whose reference points at another sheet than its own is no mark.
 */
import { OWNER_NAME } from '../../workbook/sheetSpec';
import { lower } from './tableRead';

/** Backup names the write gives old outputs while it builds the new ones ("~TYM1~token"). */
export const BACKUP_NAME = /^~+TYM\d+~/;

export interface SheetInfo {
  name: string;
  /** The owner mark: 'valid' (scoped to this sheet, pointing at it), 'invalid' (pointing elsewhere), or none. */
  mark: 'valid' | 'invalid' | 'none';
  tables: string[];
  visible: boolean;
}

/** A workbook-level defined name and what it refers to ("=Sheet!$B$1"). */
export interface WorkbookName {
  name: string;
  formula: string;
}

export interface Inventory {
  sheets: SheetInfo[];
  names: WorkbookName[];
  /** Application.calculationMode as loaded ("Automatic", "AutomaticExceptTables", "Manual"). */
  calculationMode: string;
  /** When it was loaded (a cached list stands in for a fresh one only for a while). */
  at: number;
}

export const isOwn = (s: SheetInfo) => s.mark === 'valid';

/**
 * The sheet list with marks (and where they point), visibility and tables; the workbook's names;
 * the calculation mode. ExcelApi 1.1 except NamedItem.formula (1.7).
 */
const SHEETS_LOAD = 'items/name,items/visibility,items/names/items/name,items/names/items/formula,items/tables/items/name';

export interface QueuedInventory {
  sheets: Excel.WorksheetCollection;
  names: Excel.NamedItemCollection;
  application: Excel.Application;
}

/** Queues the inventory's loads; read them with inventoryOf after the sync. */
export function queueInventory(ctx: Excel.RequestContext): QueuedInventory {
  const sheets = ctx.workbook.worksheets;
  sheets.load(SHEETS_LOAD);
  const names = ctx.workbook.names;
  names.load('items/name,items/formula');
  const application = ctx.workbook.application;
  application.load('calculationMode');
  return { sheets, names, application };
}

/** The sheet a reference such as "='Tulokset 2025'!$A$1" points at, or null. */
export function sheetOfReference(formula: unknown): string | null {
  if (typeof formula !== 'string') return null;
  const m = /^=?(?:'((?:[^']|'')+)'|([^'!]+))!/.exec(formula.trim());
  if (!m) return null;
  return m[1] !== undefined ? m[1].replace(/''/g, "'") : m[2];
}

function markOf(sheet: Excel.Worksheet): SheetInfo['mark'] {
  const mark = sheet.names.items.find((n) => n.name.toUpperCase() === OWNER_NAME.toUpperCase());
  if (!mark) return 'none';
  const target = sheetOfReference(mark.formula);
  return target !== null && lower(target) === lower(sheet.name) ? 'valid' : 'invalid';
}

export function inventoryOf(q: QueuedInventory, at: number): Inventory {
  return {
    sheets: q.sheets.items.map((s) => ({
      name: s.name,
      mark: markOf(s),
      tables: s.tables.items.map((t) => t.name),
      visible: s.visibility === 'Visible',
    })),
    names: q.names.items.map((n) => ({ name: n.name, formula: String(n.formula) })),
    calculationMode: q.application.calculationMode,
    at,
  };
}

export function sameInventory(a: Inventory, b: Inventory): boolean {
  const key = (i: Inventory) =>
    i.sheets
      .map((s) => `${lower(s.name)}|${s.mark}|${s.tables.map(lower).sort().join(',')}`)
      .sort()
      .join('\n');
  return key(a) === key(b);
}

export interface Ownership {
  /** Marked output sheets: renamed aside, then deleted once the new ones stand. */
  replace: SheetInfo[];
  /** The add-in's own backups left by an interrupted write: deleted. */
  leftovers: SheetInfo[];
  /** Marked sheets that are neither (a user's copy of an output sheet): kept, listed to the user. */
  others: SheetInfo[];
}

/** Which sheets a write of `outputNames` (the sheets it writes and every name an output sheet can have) may touch. */
export function ownership(sheets: SheetInfo[], outputNames: Iterable<string>): Ownership {
  const outputs = new Set([...outputNames].map(lower));
  const marked = sheets.filter(isOwn);
  const replace = marked.filter((s) => outputs.has(lower(s.name)));
  const leftovers = marked.filter((s) => !outputs.has(lower(s.name)) && BACKUP_NAME.test(s.name));
  const others = marked.filter((s) => !replace.includes(s) && !leftovers.includes(s));
  return { replace, leftovers, others };
}
