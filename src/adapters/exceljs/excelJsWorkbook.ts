/**
 * WorkbookPort over an in-memory exceljs Workbook: the command line, the browser preview and the
 * tests use it. The office.js adapter implements the same port inside Excel.
 *
 * Owner mark: every output sheet carries a WORKSHEET-SCOPED defined name OWNER_NAME
 * ("TYM_kustannustenjako", i.e. OWNER_MARK with "-" -> "_" since names allow no hyphen) that
 * refers to that sheet's $A$1. Why a scoped name: it survives save/load in Excel, LibreOffice and
 * (with scopedNames.ts) exceljs; it goes away with the sheet; it is invisible to the user; it cannot
 * be typed over like a marker cell; and office.js reads/writes it cheaply
 * (`worksheet.names.getItemOrNullObject(OWNER_NAME)`, `worksheet.names.add(OWNER_NAME, ws.getRange("A1"))`,
 * ExcelApi 1.4). A user sheet that merely has the same name as an output is never ours.
 */
import ExcelJS from 'exceljs';
import type { Cell, CellValue as XCellValue, Workbook, Worksheet, Table } from 'exceljs';
import type { RawCell, RawTable, RawValue, RawWorkbook } from '../../domain/raw';
import { OWNER_MARK, type CellSpec, type NameSpec, type SheetSpec, type TableSpec } from '../../workbook/sheetSpec';
import { colLetters, columnNumber } from '../../workbook/formula';
import { SheetConflictError, TableNameConflictError, type OutputCell, type WorkbookPort } from '../../workbook/port';
import { hasScopedName, installScopedNames, pruneScopedNames, quoteSheet, setScopedName } from './scopedNames';
import { CHECK_FALSE_STYLE, CHECK_TRUE_STYLE, styleFor } from './styles';

/** Name of the sheet-scoped defined name that marks an output sheet as the add-in's own. */
export const OWNER_NAME = OWNER_MARK.replace(/[^A-Za-z0-9_.]/g, '_');

/** A table of the output would take a name that a table on a user's sheet already has. */
export { TableNameConflictError };

// ---------------------------------------------------------------------------------------------
// A1 helpers (1-based here, as exceljs)

const colNumber = columnNumber;
/** 1-based column number -> letters. */
const colName = (n: number): string => colLetters(n - 1);

interface Box {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

export function parseRange(ref: string): Box {
  const m = /^\$?([A-Za-z]{1,3})\$?(\d+)(?::\$?([A-Za-z]{1,3})\$?(\d+))?$/.exec(ref.trim());
  if (!m) throw new Error(`not a range: ${ref}`);
  const c1 = colNumber(m[1]);
  const r1 = Number(m[2]);
  const c2 = m[3] ? colNumber(m[3]) : c1;
  const r2 = m[4] ? Number(m[4]) : r1;
  return { top: Math.min(r1, r2), left: Math.min(c1, c2), bottom: Math.max(r1, r2), right: Math.max(c1, c2) };
}

const addr = (row: number, col: number) => `${colName(col)}${row}`;

const overlaps = (a: Box, b: Box) => a.left <= b.right && b.left <= a.right && a.top <= b.bottom && b.top <= a.bottom;

// ---------------------------------------------------------------------------------------------
// Values

const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30);

/** A Date (exceljs gives UTC-based dates) as an Excel serial number, as office.js would return it. */
function serialOf(d: Date): number {
  return (d.getTime() - EXCEL_EPOCH_MS) / 86_400_000;
}

function richTextOf(v: unknown): string | undefined {
  if (v && typeof v === 'object' && Array.isArray((v as { richText?: unknown }).richText)) {
    return (v as { richText: { text: string }[] }).richText.map((r) => r.text ?? '').join('');
  }
  return undefined;
}

/** Any exceljs value (constant or formula result) to a RawValue. */
function normalise(v: unknown): RawValue {
  if (v === null || v === undefined) return null;
  if (typeof v === 'string') return v === '' ? null : v;
  if (typeof v === 'number') return Number.isFinite(v) ? v : { error: '#NUM!' };
  if (typeof v === 'boolean') return v;
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? { error: '#VALUE!' } : v;
  if (typeof v === 'object') {
    const o = v as Record<string, unknown>;
    if (typeof o.error === 'string') return { error: o.error };
    const rich = richTextOf(v);
    if (rich !== undefined) return rich === '' ? null : rich;
    if ('hyperlink' in o || 'text' in o) {
      const t = o.text;
      const text = typeof t === 'string' ? t : (richTextOf(t) ?? '');
      return text === '' ? null : text;
    }
    if ('formula' in o || 'sharedFormula' in o) return normalise(o.result);
  }
  return String(v);
}

/** The value of a cell as a formula-free RawValue (formula cells give their cached result). */
function cellValue(cell: Cell | undefined): RawValue {
  if (!cell) return null;
  // A merged cell other than the top-left one is empty (exceljs would echo the master's value).
  if (cell.isMerged && cell.master !== cell) return null;
  if (cell.type === ExcelJS.ValueType.Formula) return normalise(cell.result);
  return normalise(cell.value);
}

function numFmtOf(cell: Cell | undefined): string | undefined {
  const f = cell?.numFmt;
  return f && f !== 'General' ? f : undefined;
}

// ---------------------------------------------------------------------------------------------
// Loaded tables: exceljs 4.4 parsing gaps that would corrupt the file on save or misread it.

interface TableModel {
  name: string;
  displayName?: string;
  ref?: string;
  tableRef?: string;
  headerRow?: boolean;
  totalsRow?: boolean;
  autoFilterRef?: string;
  columns: { name: string; filterButton?: boolean; totalsRowFunction?: string; totalsRowFormula?: string }[];
  style?: Record<string, unknown> | null;
}

/** exceljs's typings claim tuples; at run time getTables() returns the Table objects. */
export function tablesOf(ws: Worksheet): Table[] {
  return ws.getTables() as unknown as Table[];
}

function modelOf(t: Table): TableModel {
  return ((t as unknown as { table?: TableModel }).table ?? (t as unknown as { model: TableModel }).model) as TableModel;
}

function tableBox(m: TableModel): Box {
  const ref = m.tableRef ?? m.ref;
  if (!ref) throw new Error(`table ${m.name} has no range`);
  return parseRange(ref);
}

/**
 * - headerRowCount is optional in the file (default 1, and Excel omits it), but exceljs reads a
 *   missing attribute as "no header row" and would write headerRowCount="0" on save. The header row
 *   is present when its cells hold the column names.
 * - LibreOffice writes tables without tableStyleInfo: exceljs then crashes on save.
 * - Filter buttons: exceljs writes hiddenButton="1" for every column it has no flag for.
 * - A custom totals formula is not read by exceljs: keep the cell's formula, drop the function.
 */
function repairLoadedTable(ws: Worksheet, t: Table): void {
  const m = modelOf(t);
  const box = tableBox(m);
  if (m.headerRow !== true) {
    const headerCellsMatch = m.columns.every((c, j) => {
      const v = cellValue(ws.findCell(box.top, box.left + j));
      return v !== null && String(v instanceof Date ? serialOf(v) : v) === c.name;
    });
    m.headerRow = headerCellsMatch;
  }
  if (!m.style) m.style = { theme: null, showFirstColumn: false, showLastColumn: false, showRowStripes: false, showColumnStripes: false };
  if (m.autoFilterRef) {
    for (const c of m.columns) c.filterButton = true;
  } else {
    // exceljs always writes an autoFilter; without one in the file, write it with hidden buttons.
    m.autoFilterRef = `${addr(box.top, box.left)}:${addr(box.bottom - (m.totalsRow ? 1 : 0), box.right)}`;
    for (const c of m.columns) c.filterButton = false;
  }
  for (const c of m.columns) if (c.totalsRowFunction === 'custom' && !c.totalsRowFormula) c.totalsRowFunction = undefined;
}

// ---------------------------------------------------------------------------------------------

let tempCounter = 0;

export class ExcelJsWorkbook implements WorkbookPort {
  /** The file this workbook was loaded from (saveAs refuses to write over it). */
  readonly sourcePath: string | null;

  private constructor(readonly workbook: Workbook, sourcePath: string | null) {
    this.sourcePath = sourcePath;
    installScopedNames(workbook);
  }

  static async load(path: string): Promise<ExcelJsWorkbook> {
    const fs = await import('fs');
    const p = await import('path');
    const data = await fs.promises.readFile(path);
    const wb = await ExcelJsWorkbook.loadWorkbook(data);
    let real = p.resolve(path);
    try {
      real = await fs.promises.realpath(path);
    } catch {
      /* keep the resolved path */
    }
    return new ExcelJsWorkbook(wb, real);
  }

  static async fromBuffer(buf: ArrayBuffer | Uint8Array): Promise<ExcelJsWorkbook> {
    return new ExcelJsWorkbook(await ExcelJsWorkbook.loadWorkbook(buf), null);
  }

  /** Wraps a workbook built in memory (template, sample). */
  static fromWorkbook(wb: Workbook): ExcelJsWorkbook {
    return new ExcelJsWorkbook(wb, null);
  }

  private static async loadWorkbook(buf: ArrayBuffer | Uint8Array): Promise<Workbook> {
    const wb = new ExcelJS.Workbook();
    installScopedNames(wb);
    await wb.xlsx.load(buf as unknown as ArrayBuffer);
    for (const ws of wb.worksheets) for (const t of tablesOf(ws)) repairLoadedTable(ws, t);
    return wb;
  }

  async toBuffer(): Promise<Uint8Array> {
    const out = await this.workbook.xlsx.writeBuffer();
    return out instanceof Uint8Array ? out : new Uint8Array(out as ArrayBuffer);
  }

  /**
   * Writes the workbook to `path` atomically: a temporary file in the same folder, flushed, then
   * renamed over the target. Never writes over the file it was loaded from.
   */
  async saveAs(path: string): Promise<void> {
    const fs = await import('fs');
    const p = await import('path');
    const target = p.resolve(path);
    let targetReal = target;
    try {
      targetReal = await fs.promises.realpath(target);
    } catch {
      /* does not exist yet */
    }
    if (this.sourcePath && (targetReal === this.sourcePath || target === this.sourcePath)) {
      throw new Error(`Refusing to overwrite the input workbook ${path}; write the result to another file.`);
    }
    const data = await this.toBuffer();
    const tmp = p.join(p.dirname(target), `.${p.basename(target)}.${process.pid}.${Date.now()}.${tempCounter++}.tmp`);
    let handle: import('fs').promises.FileHandle | undefined;
    try {
      handle = await fs.promises.open(tmp, 'wx');
      await handle.writeFile(data);
      await handle.sync();
      await handle.close();
      handle = undefined;
      await fs.promises.rename(tmp, target);
    } catch (e) {
      if (handle) await handle.close().catch(() => undefined);
      await fs.promises.unlink(tmp).catch(() => undefined);
      throw e;
    }
  }

  // -------------------------------------------------------------------------------------------
  // Reading

  async readTables(): Promise<RawWorkbook> {
    const tables: RawTable[] = [];
    for (const ws of this.workbook.worksheets) {
      const merges = mergedBoxes(ws);
      for (const t of tablesOf(ws)) tables.push(readTable(ws, t, merges));
    }
    return { tables, sheetNames: this.workbook.worksheets.map((w) => w.name) };
  }

  async ownSheetNames(): Promise<string[]> {
    return this.workbook.worksheets.filter((ws) => this.isOwn(ws)).map((ws) => ws.name);
  }

  private isOwn(ws: Worksheet): boolean {
    return hasScopedName(this.workbook, ws, OWNER_NAME);
  }

  async readOutputCells(sheetNames: string[]): Promise<OutputCell[]> {
    const out: OutputCell[] = [];
    for (const name of sheetNames) {
      const ws = this.sheetByName(name);
      if (!ws) continue;
      ws.eachRow({ includeEmpty: false }, (row) => {
        row.eachCell({ includeEmpty: false }, (cell) => {
          if (cell.isMerged && cell.master !== cell) return;
          const isFormula = cell.type === ExcelJS.ValueType.Formula;
          const raw = isFormula ? normalise(cell.result) : normalise(cell.value);
          const formula = isFormula ? stripEq(cell.formula) : undefined;
          if (raw === null && formula === undefined) return;
          out.push({ sheet: ws.name, address: cell.address, formula, value: outputValue(raw) });
        });
      });
    }
    return out;
  }

  /** Excel sheet names are case-insensitive. */
  private sheetByName(name: string): Worksheet | undefined {
    const key = name.toLowerCase();
    return this.workbook.worksheets.find((w) => w.name.toLowerCase() === key);
  }

  // -------------------------------------------------------------------------------------------
  // Writing

  /**
   * Hook for tests: called before each new sheet is filled. Throwing here simulates a failure in the
   * middle of the write.
   */
  beforeSheetWrite?: (sheet: SheetSpec, index: number) => void;

  async replaceOutputs(sheets: SheetSpec[]): Promise<void> {
    const wb = this.workbook;
    // 1. Refuse before touching anything.
    const replaced = new Set<Worksheet>();
    const seen = new Set<string>();
    for (const spec of sheets) {
      const key = spec.name.toLowerCase();
      if (seen.has(key)) throw new Error(`Output sheet "${spec.name}" twice in one write`);
      seen.add(key);
      const existing = this.sheetByName(spec.name);
      if (existing && !this.isOwn(existing)) throw new SheetConflictError(existing.name);
      if (existing) replaced.add(existing);
    }
    for (const spec of sheets) {
      for (const t of spec.tables ?? []) {
        for (const ws of wb.worksheets) {
          if (replaced.has(ws)) continue;
          const clash = tablesOf(ws).find((x) => modelOf(x).name.toLowerCase() === t.name.toLowerCase());
          if (clash) throw new TableNameConflictError(t.name, ws.name);
        }
      }
    }

    // 2. Build every new sheet (temporary names where an old one still stands). Any failure removes
    //    what was built so far and leaves the workbook exactly as it was.
    const built: { ws: Worksheet; spec: SheetSpec; tables: Table[] }[] = [];
    try {
      sheets.forEach((spec, i) => {
        const temp = this.sheetByName(spec.name) ? this.tempSheetName() : spec.name;
        const ws = wb.addWorksheet(temp);
        const entry = { ws, spec, tables: [] as Table[] };
        built.push(entry);
        this.beforeSheetWrite?.(spec, i);
        entry.tables = writeSheet(ws, spec, (name) => this.tableNameTaken(name));
      });
    } catch (e) {
      for (const b of built) wb.removeWorksheet(b.ws.id);
      pruneScopedNames(wb);
      throw e;
    }

    // 3. Swap: remove the old own sheets, give the new ones their names and marks.
    const replacedNames = new Set([...replaced].map((ws) => ws.name.toLowerCase()));
    for (const ws of replaced) wb.removeWorksheet(ws.id);
    pruneScopedNames(wb);
    replaceWorkbookNames(wb, replacedNames, sheets);
    for (const b of built) {
      if (b.ws.name !== b.spec.name) b.ws.name = b.spec.name;
      b.tables.forEach((t, j) => renameTable(b.ws, t, b.spec.tables![j].name));
      setScopedName(wb, b.ws, OWNER_NAME, '$A$1');
      for (const n of b.spec.names ?? []) {
        const ref = `${quoteSheet(b.spec.name)}!${nameRange(n)}`;
        wb.definedNames.add(ref, n.name);
      }
    }
    // Excel recomputes every formula when it opens the file (the cached results are the engine's).
    wb.calcProperties = { ...(wb.calcProperties ?? {}), fullCalcOnLoad: true };
    // Keep the active tab inside the workbook.
    const count = wb.worksheets.length;
    for (const v of wb.views ?? []) if (v.activeTab !== undefined && v.activeTab >= count) v.activeTab = 0;
  }

  private tableNameTaken(name: string): boolean {
    const key = name.toLowerCase();
    return this.workbook.worksheets.some((ws) => tablesOf(ws).some((t) => modelOf(t).name.toLowerCase() === key));
  }

  private tempSheetName(): string {
    let name: string;
    do name = `tym_uusi_${++tempCounter}`;
    while (this.sheetByName(name));
    return name;
  }
}

/** Absolute A1 reference of a NameSpec's cell or rectangle on its own sheet. */
function nameRange(n: NameSpec): string {
  const tl = `$${colName(n.col + 1)}$${n.row + 1}`;
  const rows = n.rows ?? 1;
  const cols = n.cols ?? 1;
  return rows === 1 && cols === 1 ? tl : `${tl}:$${colName(n.col + cols)}$${n.row + rows}`;
}

interface GlobalNameModel {
  name: string;
  ranges: string[];
  localSheetId?: number;
}

/**
 * Workbook-level names: drops those that pointed only into the sheets just replaced (they would be
 * left as #REF!) and those the new sheets define again, so the new sheets' names can be added.
 * Names of the user's (pointing anywhere else) are kept as they are.
 */
function replaceWorkbookNames(wb: Workbook, replacedSheets: Set<string>, sheets: SheetSpec[]): void {
  const redefined = new Set(sheets.flatMap((s) => (s.names ?? []).map((n) => n.name.toLowerCase())));
  const dn = wb.definedNames as unknown as { model: GlobalNameModel[] };
  const sheetOf = (range: string) => {
    const i = range.lastIndexOf('!');
    const raw = i < 0 ? '' : range.slice(0, i);
    return (raw.startsWith("'") ? raw.slice(1, -1).replace(/''/g, "'") : raw).toLowerCase();
  };
  dn.model = dn.model.filter((d) => {
    if (d.localSheetId !== undefined) return true;
    if (redefined.has(d.name.toLowerCase())) return false;
    return !(d.ranges.length > 0 && d.ranges.every((r) => replacedSheets.has(sheetOf(r))));
  });
}

function stripEq(f: string | undefined): string | undefined {
  if (f === undefined || f === null) return undefined;
  return f.startsWith('=') ? f.slice(1) : f;
}

function outputValue(v: RawValue): OutputCell['value'] {
  if (v instanceof Date) return serialOf(v);
  if (v !== null && typeof v === 'object') return v.error;
  return v;
}

function mergedBoxes(ws: Worksheet): { ref: string; box: Box }[] {
  const merges = (ws as unknown as { _merges?: Record<string, { range?: string; shortRange?: string }> })._merges;
  const refs: string[] = merges ? Object.values(merges).map((r) => r.shortRange ?? r.range ?? '') : (ws.model.merges ?? []);
  return refs.filter(Boolean).map((ref) => ({ ref: ref.replace(/^.*!/, '').replace(/\$/g, ''), box: parseRange(ref.replace(/^.*!/, '')) }));
}

function readTable(ws: Worksheet, t: Table, merges: { ref: string; box: Box }[]): RawTable {
  const m = modelOf(t);
  const box = tableBox(m);
  const hasHeader = m.headerRow !== false;
  const headerRow = hasHeader ? box.top : box.top - 1;
  const firstData = hasHeader ? box.top + 1 : box.top;
  const lastData = box.bottom - (m.totalsRow ? 1 : 0);
  const width = box.right - box.left + 1;
  const headers: string[] = [];
  for (let j = 0; j < width; j++) {
    const v = hasHeader ? cellValue(ws.findCell(box.top, box.left + j)) : null;
    headers.push(v === null || typeof v === 'object' ? (m.columns[j]?.name ?? '') : String(v));
  }
  const rows: RawCell[][] = [];
  const hiddenRows: number[] = [];
  for (let r = firstData; r <= lastData; r++) {
    const row = ws.findRow(r);
    const cells: RawCell[] = [];
    for (let j = 0; j < width; j++) {
      const cell = row?.findCell(box.left + j);
      const numFmt = numFmtOf(cell);
      cells.push(numFmt === undefined ? { value: cellValue(cell) } : { value: cellValue(cell), numFmt });
    }
    // Rows filtered out by an autofilter are stored as hidden rows too.
    if (row?.hidden) hiddenRows.push(r - firstData);
    rows.push(cells);
  }
  const mergedRanges = merges.filter((x) => overlaps(x.box, box)).map((x) => x.ref);
  const table: RawTable = { name: m.name, sheet: ws.name, headerRow, firstColumn: box.left, headers, rows };
  if (hiddenRows.length) table.hiddenRows = hiddenRows;
  if (mergedRanges.length) table.mergedRanges = mergedRanges;
  return table;
}

/** The exceljs value written for a CellSpec. Text is always text (exceljs never parses "=..." strings). */
function xlValue(spec: CellSpec): XCellValue {
  if (spec.formula !== undefined) {
    const formula = spec.formula.startsWith('=') ? spec.formula.slice(1) : spec.formula;
    const result = spec.expected === null || spec.expected === undefined ? undefined : spec.expected;
    return (result === undefined ? { formula } : { formula, result }) as XCellValue;
  }
  return (spec.value ?? null) as XCellValue;
}

/** Renames a table (exceljs keys the sheet's tables by name). */
function renameTable(ws: Worksheet, t: Table, name: string): void {
  const m = modelOf(t);
  if (m.name === name) return;
  const byName = (ws as unknown as { tables: Record<string, Table> }).tables;
  delete byName[m.name];
  m.name = name;
  m.displayName = name;
  byName[name] = t;
}

/** Writes one output sheet and returns its tables (named temporarily while the name is taken). */
function writeSheet(ws: Worksheet, spec: SheetSpec, nameTaken: (name: string) => boolean): Table[] {
  const checks: string[] = [];
  spec.cells.forEach((row, r) => {
    if (!row.some((c) => c)) return;
    const xr = ws.getRow(r + 1);
    row.forEach((c, j) => {
      if (!c) return;
      const cell = xr.getCell(j + 1);
      cell.value = xlValue(c);
      if (c.style) {
        cell.style = styleFor(c.style);
        if (c.style === 'check') checks.push(cell.address);
      }
    });
  });
  if (checks.length) {
    ws.addConditionalFormatting({
      ref: checks.join(' '),
      rules: [
        { type: 'cellIs', operator: 'equal', formulae: ['TRUE'], priority: 1, style: CHECK_TRUE_STYLE },
        { type: 'cellIs', operator: 'equal', formulae: ['FALSE'], priority: 2, style: CHECK_FALSE_STYLE },
      ] as never,
    });
  }
  (spec.columnWidths ?? []).forEach((w, i) => {
    ws.getColumn(i + 1).width = w;
  });
  if (spec.freeze && (spec.freeze.rows > 0 || spec.freeze.columns > 0)) {
    ws.views = [{ state: 'frozen', xSplit: spec.freeze.columns, ySplit: spec.freeze.rows, topLeftCell: addr(spec.freeze.rows + 1, spec.freeze.columns + 1) }];
  }
  if (spec.tabColor) ws.properties.tabColor = { argb: spec.tabColor };
  if (spec.print) {
    ws.pageSetup = {
      ...ws.pageSetup,
      paperSize: 9, // A4
      orientation: spec.print.landscape ? 'landscape' : 'portrait',
      fitToPage: spec.print.fitToWidth,
      fitToWidth: 1,
      fitToHeight: spec.print.onePage ? 1 : 0,
      ...(spec.print.repeatRows ? { printTitlesRow: `1:${spec.print.repeatRows}` } : {}),
    };
    const title = spec.print.title.replace(/&/g, '&&');
    ws.headerFooter = {
      ...ws.headerFooter,
      oddHeader: `&L&"-,Bold"${title}&R&D`,
      oddFooter: '&LTYM-kustannustenjako&RSivu &P / &N',
    };
  }
  return (spec.tables ?? []).map((t) => addTable(ws, spec, t, nameTaken(t.name)));
}

function addTable(ws: Worksheet, spec: SheetSpec, t: TableSpec, tempName: boolean): Table {
  const rowCount = Math.max(1, t.rowCount); // an Excel table needs at least one data row
  const rows: XCellValue[][] = [];
  for (let i = 0; i < rowCount; i++) {
    const src = spec.cells[t.row + 1 + i] ?? [];
    rows.push(t.headers.map((_, j) => {
      const c = src[t.col + j];
      return c ? xlValue(c) : null;
    }));
  }
  const name = tempName ? `tym_uusi_${++tempCounter}_${t.name}` : t.name;
  return ws.addTable({
    name,
    ref: addr(t.row + 1, t.col + 1),
    headerRow: true,
    totalsRow: false,
    style: { theme: 'TableStyleLight9', showRowStripes: true },
    columns: t.headers.map((h) => ({ name: h, filterButton: true })),
    rows,
  } as never) as unknown as Table;
}
