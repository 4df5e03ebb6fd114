/**
 * The office.js adapter: the only code that calls Excel.run.
 *
 * Sync budget (a "sync" is one round trip to Excel):
 * - readTables: 2 syncs whatever the row count. office.js cannot list a collection and read its
 *   items' ranges in one batch (the items exist only after a sync), so sync 1 lists tables and
 *   sheets (with our owner marks) and sync 2 reads every table's cells, formats and visible rows.
 * - replaceOutputs: 1 sync right after readTables/ownSheetNames on the same instance (it reuses
 *   their sheet list and re-checks it inside the write batch), else 2. A full run is thus 3.
 *   Excel on the web refuses requests over 5 MB, so writes beyond ~4.5 MB go in further syncs.
 * - readOutputCells: 2 syncs (list sheets, then each sheet's used range).
 * - Excel on the web also refuses responses over 5 MB (from ~30x the realistic input size). When
 *   it refuses a whole read, the adapter reads in row chunks from then on (rowChunks.ts plans them
 *   from the bytes it measures): list, the tables' places, then as many chunks as the data needs.
 *   Desktop Excel has no such limit and keeps the 2-sync read.
 *
 * Ownership: every output sheet carries a worksheet-scoped name OWNER_NAME ("TYM_kustannustenjako",
 * referring to the sheet's $A$1), the same mark the exceljs adapter writes. A sheet is ours only
 * with that mark; a rerun replaces only marked sheets and refuses an unmarked sheet of the
 * same name. Old outputs are renamed aside first, new sheets are built under the final names (so
 * formulas bind to the new sheets), and the old ones are deleted only in the last step; if anything
 * fails, the new sheets are removed and the old ones renamed back.
 */
import type { RawCell, RawTable, RawValue, RawWorkbook } from '../../domain/raw';
import { EXCEL_EPOCH_OFFSET } from '../../domain/dates';
import { a1 } from '../../workbook/formula';
import { type OutputCell, SheetConflictError, TableNameConflictError, WorkbookChangedError, type WorkbookPort } from '../../workbook/port';
import { OWNER_MARK, type CellSpec, type CellStyle, type SheetSpec } from '../../workbook/sheetSpec';
import { blocksOf, utf8Length } from './blocks';
import { RowChunkPlanner } from './rowChunks';
import { GENERAL_FORMAT, OFFICE_STYLES, TEXT_FORMAT, hasVisualFormat, isDateFormat } from './styles';

/** Worksheet-scoped name that marks a sheet as the add-in's own (as in the exceljs adapter). */
export const OWNER_NAME = OWNER_MARK.replace(/[^A-Za-z0-9_.]/g, '_');

/** An output table would take the name of a table on a sheet that is not ours. */
export { TableNameConflictError, WorkbookChangedError };

/** Excel on the web rejects request payloads over 5 MB; stay well below. */
export const DEFAULT_PAYLOAD_LIMIT = 4_500_000;
/**
 * Request bytes office.js serializes per queued operation, beyond its data: the object paths it
 * goes through plus one action per property set or method call. Calibrated against Microsoft's own
 * serializer (test/adapters/officejs/realOfficeJs.test.ts checks that these stay upper bounds).
 */
const OP_BASE_BYTES = 700;
const BYTES_PER_ACTION = 300;
/** Each sync starts with the calculation and screen-updating suspensions. */
const SYNC_BASE_BYTES = 1_000;
/**
 * office.js itself splits a 2-D property set of more than 1,500 cells into row slices of about
 * 1,500 cells, each a set of its own on a sub-range (getRow, getRow, getBoundingRect): this is
 * what one slice adds to the request.
 */
const OFFICE_SPLIT_CELLS = 1_500;
const OFFICE_SPLIT_BYTES = 1_200;

/** What office.js's slicing adds per row of a write `columns` wide (a slice's bytes over its rows). */
function sliceBytesPerRow(columns: number): number {
  return OFFICE_SPLIT_BYTES / Math.max(1, Math.round(OFFICE_SPLIT_CELLS / columns));
}
/** A write's fixed bytes: its op, office.js's array-size check, and one slice of rounding. */
const WRITE_FIXED_BYTES = OP_BASE_BYTES + 2 * BYTES_PER_ACTION + OFFICE_SPLIT_BYTES;
/** Below this much room left in a sync, a grid write starts the next sync instead of a sliver. */
const MIN_SPLIT_ROOM_BYTES = 16_000;
/** How long a sheet list from a read may stand in for a fresh one in replaceOutputs. */
const INVENTORY_MAX_AGE_MS = 120_000;

export type ExcelRun = <T>(batch: (context: Excel.RequestContext) => Promise<T>) => Promise<T>;

export interface OfficeJsWorkbookOptions {
  /** Defaults to Excel.run; tests inject a fake to count syncs. */
  run?: ExcelRun;
  /** Whether ExcelApi 1.x (given as "1.9") is available; defaults to Office.context.requirements. */
  isSetSupported?: (version: string) => boolean;
  /** Maximum estimated bytes per sync request. */
  payloadLimitBytes?: number;
  /** Suffix for temporary names; random by default. */
  token?: () => string;
  /** Clock for the inventory's age (tests). */
  now?: () => number;
}

interface SheetInfo {
  name: string;
  own: boolean;
  tables: string[];
}

interface Inventory {
  sheets: SheetInfo[];
  at: number;
}

type Batch = (ctx: Excel.RequestContext, state: WriteState) => void;

interface Op {
  bytes: number;
  apply: Batch;
}

/** A 2-D write the packing may split by rows (rowBytes: each row's request bytes). */
interface GridWrite {
  rows: unknown[][];
  rowBytes: number[];
  write: (state: WriteState, start: number, rows: unknown[][]) => void;
}

interface WriteState {
  sheets: Map<string, Excel.Worksheet>;
}

interface Plan {
  /** Own sheets renamed aside: original name -> backup name, with their tables. */
  backups: { original: string; backup: string; tables: { original: string; backup: string }[] }[];
  /** Output names that did not exist before (created new). */
  created: string[];
  batches: Op[][];
  /** Estimated request bytes of each batch (what it is packed by). */
  batchBytes: number[];
}

const INVENTORY_LOAD = 'items/name,items/names/items/name,items/tables/items/name';

const defaultRun: ExcelRun = (batch) => Excel.run(batch);

function defaultIsSetSupported(version: string): boolean {
  try {
    return typeof Office !== 'undefined' && Boolean(Office.context?.requirements?.isSetSupported('ExcelApi', version));
  } catch {
    return false;
  }
}

const lower = (s: string) => s.toLocaleLowerCase('fi-FI');

/** "Taul1!$B$5:$C$9" -> "B5:C9". */
function localAddress(address: string): string {
  const bang = address.lastIndexOf('!');
  return (bang >= 0 ? address.slice(bang + 1) : address).replace(/\$/g, '');
}

/** 1-based row number of the first cell of an address. */
function rowOfAddress(address: string): number {
  const m = /[A-Za-z]+\$?(\d+)/.exec(localAddress(address));
  return m ? Number(m[1]) : NaN;
}

function rawValue(value: unknown, type: string | undefined, format: string | undefined): RawValue {
  if (type === 'Empty' || value === '' || value === null || value === undefined) return type === 'String' ? '' : null;
  if (type === 'Error') return { error: String(value) };
  if (typeof value === 'number' && isDateFormat(format)) {
    // Same Date as exceljs gives: UTC, midnight for whole days.
    return new Date(Math.round((value - EXCEL_EPOCH_OFFSET) * 86_400_000));
  }
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'string') return value;
  return String(value);
}

function rawCell(value: unknown, type: string | undefined, format: string | undefined): RawCell {
  const cell: RawCell = { value: rawValue(value, type, format) };
  if (format && format !== GENERAL_FORMAT) cell.numFmt = format;
  return cell;
}

/** What one cell becomes in the 2-D `formulas` array. */
function cellInput(spec: CellSpec | null): string | number | boolean {
  if (!spec) return '';
  if (spec.formula !== undefined) return `=${spec.formula}`;
  const v = spec.value;
  if (v === null || v === undefined) return '';
  return v;
}

/** Number format of one cell: text constants get "@" so Excel keeps them as typed (never a formula). */
function cellFormat(spec: CellSpec | null): string {
  if (!spec) return GENERAL_FORMAT;
  if (spec.formula === undefined && typeof spec.value === 'string') return TEXT_FORMAT;
  return OFFICE_STYLES[spec.style ?? 'text'].numberFormat;
}

/** Column width in characters -> points (Excel: 8.43 chars = 64 px = 48 pt). */
export function widthToPoints(chars: number): number {
  return Math.round((chars * 7 + 5) * 0.75 * 100) / 100;
}

/** Property sets (office.js actions) one style block takes. */
function styleActions(s: (typeof OFFICE_STYLES)[keyof typeof OFFICE_STYLES]): number {
  return [s.bold, s.italic, s.size, s.fontColor, s.fill, s.wrap].filter(Boolean).length + (s.topBorder ? 3 : 0);
}

function headerText(title: string): string {
  return title.replace(/&/g, '&&');
}

/** Error codes office.js gives when a request or response is over Excel on the web's 5 MB. */
const PAYLOAD_LIMIT_CODES = new Set(['ResponsePayloadSizeLimitExceeded', 'RequestPayloadSizeLimitExceeded']);

export function isPayloadLimitError(error: unknown): boolean {
  const e = error as { code?: unknown; message?: unknown } | null;
  if (!e || typeof e !== 'object') return false;
  if (typeof e.code === 'string' && PAYLOAD_LIMIT_CODES.has(e.code)) return true;
  return typeof e.message === 'string' && /payload size.*(limit|exceed)/i.test(e.message);
}

/** First guess of the JSON bytes one cell costs in a read (value, type, format); learnt after the first chunk. */
const GUESS_BYTES_PER_CELL = 64;
/** A visible-row address and array punctuation per row. */
const ROW_OVERHEAD_BYTES = 40;

/** A block of rows on a sheet, 0-based like getRangeByIndexes. */
interface RowRange {
  sheet: string;
  rowIndex: number;
  columnIndex: number;
  rows: number;
  columns: number;
}

/** Where a table is and what its columns are called: everything but the cells. */
interface TableHead {
  name: string;
  sheet: string;
  headers: string[];
  /** 0-based row and column of the first data cell (= 1-based row of the header). */
  bodyRowIndex: number;
  bodyColumnIndex: number;
  rowCount: number;
  columnCount: number;
  /** Merged areas over the table; undefined when ExcelApi 1.13 is missing. */
  mergedRanges?: string[];
}

/** The cells of some rows of a table, as office.js returns them. */
interface TableRows {
  values: unknown[][];
  types: string[][];
  formats: unknown[][];
  /** 1-based sheet rows that are visible (not hidden, not filtered out). */
  visibleRows: number[];
  /** JSON size of what Excel sent for these rows. */
  bytes: number;
}

async function listTablesAndSheets(ctx: Excel.RequestContext): Promise<{ tables: Excel.TableCollection; sheets: Excel.WorksheetCollection }> {
  const tables = ctx.workbook.tables;
  tables.load('items/name,items/showTotals,items/worksheet/name');
  const sheets = ctx.workbook.worksheets;
  sheets.load(INVENTORY_LOAD);
  await ctx.sync();
  return { tables, sheets };
}

function queueTableHead(table: Excel.Table, mergedSupported: boolean) {
  const columns = table.columns;
  columns.load('items/name');
  const body = table.getDataBodyRange();
  body.load('rowIndex,columnIndex,rowCount,columnCount');
  let merged: Excel.RangeAreas | null = null;
  if (mergedSupported) {
    merged = table.getRange().getMergedAreasOrNullObject();
    merged.load('areas/items/address');
  }
  return { columns, body, merged };
}

function tableHeadOf(table: Excel.Table, head: ReturnType<typeof queueTableHead>): TableHead {
  const { columns, body, merged } = head;
  const out: TableHead = {
    name: table.name,
    sheet: table.worksheet.name,
    headers: columns.items.map((c) => c.name),
    bodyRowIndex: body.rowIndex,
    bodyColumnIndex: body.columnIndex,
    rowCount: body.rowCount,
    columnCount: body.columnCount,
  };
  if (merged) out.mergedRanges = merged.isNullObject ? [] : merged.areas.items.map((a) => localAddress(a.address));
  return out;
}

interface QueuedRows {
  range: Excel.Range;
  visible: Excel.RangeView;
}

/** Queues the loads for some rows of a table (read them with rowsOf after the sync). */
function queueRows(range: Excel.Range): QueuedRows {
  range.load('values,valueTypes,numberFormat');
  // Visible rows of the first column: one address per visible row, whatever the width.
  const visible = range.getColumn(0).getVisibleView();
  visible.load('cellAddresses');
  return { range, visible };
}

/** What queueRows loaded, after the sync. */
function rowsOf({ range, visible }: QueuedRows): TableRows {
  const addresses = visible.cellAddresses;
  const visibleRows: number[] = [];
  for (const row of addresses) for (const address of row) visibleRows.push(rowOfAddress(String(address)));
  const bytes =
    utf8Length(JSON.stringify(range.values)) +
    utf8Length(JSON.stringify(range.valueTypes)) +
    utf8Length(JSON.stringify(range.numberFormat)) +
    utf8Length(JSON.stringify(addresses));
  return { values: range.values, types: range.valueTypes as string[][], formats: range.numberFormat, visibleRows, bytes };
}

const measureRows = (rows: TableRows) => rows.bytes;

function concatRows(parts: TableRows[]): TableRows {
  if (parts.length === 1) return parts[0];
  return {
    values: parts.flatMap((p) => p.values),
    types: parts.flatMap((p) => p.types),
    formats: parts.flatMap((p) => p.formats),
    visibleRows: parts.flatMap((p) => p.visibleRows),
    bytes: parts.reduce((n, p) => n + p.bytes, 0),
  };
}

function rawTableOf(head: TableHead, cells: TableRows): RawTable {
  const visible = new Set(cells.visibleRows);
  const rows: RawCell[][] = [];
  const hiddenRows: number[] = [];
  for (let r = 0; r < cells.values.length; r++) {
    const types = cells.types[r];
    const formats = cells.formats[r];
    rows.push(cells.values[r].map((v, c) => rawCell(v, types?.[c], formats?.[c] as string | undefined)));
    if (!visible.has(head.bodyRowIndex + 1 + r)) hiddenRows.push(r);
  }
  const raw: RawTable = {
    name: head.name,
    sheet: head.sheet,
    headerRow: head.bodyRowIndex,
    firstColumn: head.bodyColumnIndex + 1,
    headers: head.headers,
    rows,
  };
  if (hiddenRows.length > 0) raw.hiddenRows = hiddenRows;
  if (head.mergedRanges) raw.mergedRanges = head.mergedRanges;
  return raw;
}

/**
 * Lists the sheets (1 sync), then queues a load of the used range of each named sheet that exists:
 * its cells, or only its place (for reading it in chunks).
 */
async function queueUsedRanges(ctx: Excel.RequestContext, sheetNames: string[], what: 'cells' | 'place'): Promise<{ name: string; used: Excel.Range }[]> {
  const sheets = ctx.workbook.worksheets;
  sheets.load('items/name');
  await ctx.sync();
  const byName = new Map(sheets.items.map((s) => [lower(s.name), s]));
  return sheetNames.flatMap((name) => {
    const ws = byName.get(lower(name));
    if (!ws) return [];
    const used = ws.getUsedRangeOrNullObject();
    if (what === 'cells') used.load('formulas,values,rowIndex,columnIndex');
    else used.load('rowIndex,columnIndex,rowCount,columnCount');
    return [{ name: ws.name, used }];
  });
}

/** Output cells of a block read with formulas and values (empty cells skipped). */
function outputCellsOf(sheet: string, rowIndex: number, columnIndex: number, formulas: unknown[][], values: unknown[][], into: OutputCell[]): void {
  formulas.forEach((row, r) =>
    row.forEach((f, c) => {
      const value = values[r][c] as OutputCell['value'];
      // A text constant "=..." reads back with formulas equal to its value; a formula does not.
      const isFormula = typeof f === 'string' && f.startsWith('=') && f !== value;
      if (!isFormula && (value === '' || value === null)) return;
      const cell: OutputCell = { sheet, address: a1(rowIndex + r, columnIndex + c), value: value === '' ? null : value };
      if (isFormula) cell.formula = (f as string).slice(1);
      into.push(cell);
    }),
  );
}

export class OfficeJsWorkbook implements WorkbookPort {
  private readonly run: ExcelRun;
  private readonly supports: (version: string) => boolean;
  private readonly payloadLimit: number;
  private readonly token: () => string;
  private readonly now: () => number;
  private inventory: Inventory | null = null;
  /** Set once Excel refused a whole-table read as too large: later reads go in row chunks. */
  private chunkReads = false;

  constructor(options: OfficeJsWorkbookOptions = {}) {
    this.run = options.run ?? defaultRun;
    this.supports = options.isSetSupported ?? defaultIsSetSupported;
    this.payloadLimit = options.payloadLimitBytes ?? DEFAULT_PAYLOAD_LIMIT;
    this.token = options.token ?? (() => Math.random().toString(36).slice(2, 8));
    this.now = options.now ?? (() => Date.now());
  }

  async readTables(): Promise<RawWorkbook> {
    return this.readAtOnceOrInChunks(
      () => this.readTablesAtOnce(),
      () => this.readTablesInChunks(),
    );
  }

  /** The whole read first; once Excel on the web refuses one as over 5 MB, reads go in row chunks. */
  private async readAtOnceOrInChunks<T>(atOnce: () => Promise<T>, inChunks: () => Promise<T>): Promise<T> {
    if (!this.chunkReads) {
      try {
        return await atOnce();
      } catch (error) {
        if (!isPayloadLimitError(error)) throw error;
        this.chunkReads = true;
      }
    }
    return inChunks();
  }

  /** The usual path: 2 syncs whatever the row count, as long as the response fits. */
  private async readTablesAtOnce(): Promise<RawWorkbook> {
    const mergedSupported = this.supports('1.13');
    return this.run(async (ctx) => {
      const { tables, sheets } = await listTablesAndSheets(ctx);
      const reads = tables.items.map((table) => {
        const head = queueTableHead(table, mergedSupported);
        return { table, head, rows: queueRows(table.getDataBodyRange()) };
      });
      await ctx.sync();
      this.inventory = { sheets: inventoryOf(sheets), at: this.now() };
      const out = reads.map(({ table, head, rows }) => rawTableOf(tableHeadOf(table, head), rowsOf(rows)));
      return { tables: out, sheetNames: sheets.items.map((s) => s.name) };
    });
  }

  /**
   * Above the response limit: sync 1 lists, sync 2 reads each table's place and headers, then
   * row chunks sized by the planner (several tables per sync while they fit). A refused sync
   * starts a new Excel.run with smaller chunks. The last sync re-reads every table's place, so
   * a table that changed while it was read in parts is reported instead of half-read.
   */
  private async readTablesInChunks(): Promise<RawWorkbook> {
    const mergedSupported = this.supports('1.13');
    const listed = await this.run(async (ctx) => {
      const { tables, sheets } = await listTablesAndSheets(ctx);
      const heads = tables.items.map((table) => ({ table, head: queueTableHead(table, mergedSupported) }));
      await ctx.sync();
      return { heads: heads.map(({ table, head }) => tableHeadOf(table, head)), sheets: inventoryOf(sheets), sheetNames: sheets.items.map((s) => s.name) };
    });
    const { heads } = listed;
    const parts = await this.readRowChunks(
      heads.map((h) => ({ sheet: h.sheet, rowIndex: h.bodyRowIndex, columnIndex: h.bodyColumnIndex, rows: h.rowCount, columns: h.columnCount })),
      queueRows,
      rowsOf,
      measureRows,
      (ctx) => {
        const now = heads.map((h) => {
          const body = ctx.workbook.tables.getItem(h.name).getDataBodyRange();
          body.load('rowIndex,columnIndex,rowCount,columnCount');
          return { h, body };
        });
        return () => {
          for (const { h, body } of now) {
            const same = body.rowIndex === h.bodyRowIndex && body.columnIndex === h.bodyColumnIndex && body.rowCount === h.rowCount && body.columnCount === h.columnCount;
            if (!same) throw new WorkbookChangedError(h.name, h.sheet);
          }
        };
      },
    );
    this.inventory = { sheets: listed.sheets, at: this.now() };
    const out = heads.map((h, i) => rawTableOf(h, concatRows(parts[i])));
    return { tables: out, sheetNames: listed.sheetNames };
  }

  /**
   * Reads row ranges in chunks under the payload limit. For each range, the chunks' results in
   * order. `finalCheck` queues loads into the last sync and returns a check to run after it.
   */
  private async readRowChunks<Q, T>(
    ranges: RowRange[],
    queue: (range: Excel.Range) => Q,
    take: (queued: Q) => T,
    measure: (result: T) => number,
    finalCheck?: (ctx: Excel.RequestContext) => () => void,
  ): Promise<T[][]> {
    const planner = new RowChunkPlanner(
      ranges.map((r) => ({ rows: r.rows, bytesPerRowGuess: r.columns * GUESS_BYTES_PER_CELL + ROW_OVERHEAD_BYTES })),
      this.payloadLimit,
    );
    const results: T[][] = ranges.map(() => []);
    let checked = false;
    while (!planner.done || (finalCheck && !checked)) {
      await this.run(async (ctx) => {
        while (!planner.done || (finalCheck && !checked)) {
          const batch = planner.done ? [] : planner.nextBatch();
          const queued = batch.map((chunk) => {
            const r = ranges[chunk.source];
            return queue(ctx.workbook.worksheets.getItem(r.sheet).getRangeByIndexes(r.rowIndex + chunk.start, r.columnIndex, chunk.count, r.columns));
          });
          const check = finalCheck && planner.exhausted ? finalCheck(ctx) : null;
          try {
            await ctx.sync();
          } catch (error) {
            if (batch.length === 0 || !isPayloadLimitError(error)) throw error;
            planner.refuse();
            return; // a fresh Excel.run for the smaller chunks
          }
          const taken = queued.map(take);
          planner.accept(taken.map(measure));
          batch.forEach((chunk, k) => results[chunk.source].push(taken[k]));
          if (check) {
            check();
            checked = true;
          }
        }
      });
    }
    return results;
  }

  async ownSheetNames(): Promise<string[]> {
    const inv = await this.loadInventory();
    return inv.sheets.filter((s) => s.own).map((s) => s.name);
  }

  async readOutputCells(sheetNames: string[]): Promise<OutputCell[]> {
    return this.readAtOnceOrInChunks(
      () => this.readOutputCellsAtOnce(sheetNames),
      () => this.readOutputCellsInChunks(sheetNames),
    );
  }

  /** 2 syncs: list the sheets, then each sheet's used range. */
  private async readOutputCellsAtOnce(sheetNames: string[]): Promise<OutputCell[]> {
    return this.run(async (ctx) => {
      const reads = await queueUsedRanges(ctx, sheetNames, 'cells');
      await ctx.sync();
      const cells: OutputCell[] = [];
      for (const { name, used } of reads) {
        if (used.isNullObject) continue;
        outputCellsOf(name, used.rowIndex, used.columnIndex, used.formulas, used.values, cells);
      }
      return cells;
    });
  }

  /** Above the response limit: list the sheets and their used ranges, then row chunks. */
  private async readOutputCellsInChunks(sheetNames: string[]): Promise<OutputCell[]> {
    const ranges = await this.run(async (ctx) => {
      const reads = await queueUsedRanges(ctx, sheetNames, 'place');
      await ctx.sync();
      return reads
        .filter(({ used }) => !used.isNullObject)
        .map(({ name, used }): RowRange => ({ sheet: name, rowIndex: used.rowIndex, columnIndex: used.columnIndex, rows: used.rowCount, columns: used.columnCount }));
    });
    const parts = await this.readRowChunks(
      ranges,
      (range) => range.load('formulas,values,rowIndex,columnIndex'),
      (range) => ({ rowIndex: range.rowIndex, columnIndex: range.columnIndex, formulas: range.formulas, values: range.values }),
      (chunk) => utf8Length(JSON.stringify(chunk.formulas)) + utf8Length(JSON.stringify(chunk.values)),
    );
    const cells: OutputCell[] = [];
    ranges.forEach((r, i) => {
      for (const chunk of parts[i]) outputCellsOf(r.sheet, chunk.rowIndex, chunk.columnIndex, chunk.formulas, chunk.values, cells);
    });
    return cells;
  }

  async replaceOutputs(specs: SheetSpec[]): Promise<void> {
    const cached = this.inventory && this.now() - this.inventory.at <= INVENTORY_MAX_AGE_MS ? this.inventory : null;
    this.inventory = null;
    const inv = cached ?? (await this.loadInventory());
    this.inventory = null;
    try {
      await this.write(specs, inv);
    } catch (error) {
      if (error instanceof SheetConflictError || error instanceof TableNameConflictError) throw error;
      const fresh = await this.recover(specs);
      // A stale sheet list (the user changed sheets since the read) is the one failure worth a retry.
      if (cached && !sameInventory(cached, fresh)) {
        await this.write(specs, fresh).catch(async (again: unknown) => {
          if (!(again instanceof SheetConflictError || again instanceof TableNameConflictError)) await this.recover(specs);
          throw again;
        });
        return;
      }
      throw error;
    }
  }

  private async loadInventory(): Promise<Inventory> {
    const sheets = await this.run(async (ctx) => {
      const ws = ctx.workbook.worksheets;
      ws.load(INVENTORY_LOAD);
      await ctx.sync();
      return inventoryOf(ws);
    });
    this.inventory = { sheets, at: this.now() };
    return this.inventory;
  }

  private async write(specs: SheetSpec[], inv: Inventory): Promise<void> {
    const plan = this.plan(specs, inv);
    await this.run(async (ctx) => {
      const state: WriteState = { sheets: new Map() };
      for (const batch of plan.batches) {
        ctx.workbook.application.suspendApiCalculationUntilNextSync();
        if (this.supports('1.9')) ctx.workbook.application.suspendScreenUpdatingUntilNextSync();
        for (const op of batch) op.apply(ctx, state);
        await ctx.sync();
      }
    });
  }

  /**
   * Puts the workbook back as it was before a failed write: removes the new sheets and renames the
   * old ones back. Returns the sheet list as found. Throws SheetConflictError when the failure was a
   * user's sheet taking an output name meanwhile.
   */
  private async recover(specs: SheetSpec[]): Promise<Inventory> {
    const plan = this.lastPlan;
    const found = await this.run(async (ctx) => {
      const ws = ctx.workbook.worksheets;
      ws.load(INVENTORY_LOAD);
      await ctx.sync();
      const now = inventoryOf(ws);
      const byName = new Map(now.map((s) => [lower(s.name), s]));
      const item = (name: string) => ws.items.find((s) => lower(s.name) === lower(name));
      if (plan) {
        const backedUp = new Set(plan.backups.filter((b) => byName.has(lower(b.backup))).map((b) => lower(b.original)));
        // New sheets: ours by mark, and either created fresh or standing where a backed-up sheet was.
        for (const s of now) {
          const key = lower(s.name);
          const isNew = s.own && (plan.created.some((c) => lower(c) === key) || backedUp.has(key));
          if (isNew) item(s.name)?.delete();
        }
        for (const b of plan.backups) {
          const sheet = item(b.backup);
          if (!sheet) continue;
          sheet.name = b.original;
          for (const t of b.tables) {
            if (byName.get(lower(b.backup))?.tables.some((n) => lower(n) === lower(t.backup))) sheet.tables.getItem(t.backup).name = t.original;
          }
        }
      }
      await ctx.sync();
      ws.load(INVENTORY_LOAD);
      await ctx.sync();
      return inventoryOf(ws);
    });
    const fresh: Inventory = { sheets: found, at: this.now() };
    for (const spec of specs) {
      const s = found.find((x) => lower(x.name) === lower(spec.name));
      if (s && !s.own) throw new SheetConflictError(s.name);
    }
    return fresh;
  }

  private lastPlan: Plan | null = null;

  /** Everything replaceOutputs queues, as ops with payload estimates, packed into syncs. */
  private plan(specs: SheetSpec[], inv: Inventory): Plan {
    const existing = new Map(inv.sheets.map((s) => [lower(s.name), s]));
    for (const spec of specs) {
      const s = existing.get(lower(spec.name));
      if (s && !s.own) throw new SheetConflictError(s.name);
    }
    // Table names are workbook-wide: a user's table of the same name would stop the batch midway.
    for (const t of specs.flatMap((spec) => spec.tables ?? [])) {
      const holder = inv.sheets.find((s) => !s.own && s.tables.some((n) => lower(n) === lower(t.name)));
      if (holder) throw new TableNameConflictError(t.name, holder.name);
    }
    const token = this.token();
    const usedNames = new Set(inv.sheets.map((s) => lower(s.name)));
    const usedTables = new Set(inv.sheets.flatMap((s) => s.tables.map(lower)));
    const backups: Plan['backups'] = [];
    inv.sheets
      .filter((s) => s.own)
      .forEach((s, i) => {
        let backup = `~TYM${i + 1}~${token}`.slice(0, 31);
        while (usedNames.has(lower(backup))) backup = `~${backup}`.slice(0, 31);
        usedNames.add(lower(backup));
        const tables = s.tables.map((t, j) => {
          let b = `_TYMVANHA_${token}_${i + 1}_${j + 1}`;
          while (usedTables.has(lower(b))) b = `_${b}`;
          usedTables.add(lower(b));
          return { original: t, backup: b };
        });
        backups.push({ original: s.name, backup, tables });
      });
    const created = specs.filter((spec) => !existing.has(lower(spec.name))).map((s) => s.name);

    const prologue: Op[] = [];
    const body: (Op | GridWrite)[] = [];
    const epilogue: Op[] = [];
    const small = (apply: Batch, actions = 1): Op => ({ bytes: OP_BASE_BYTES + BYTES_PER_ACTION * actions, apply });

    // The prologue (steps 1-3) is always one sync: the old sheets' getItem proxies are used only
    // within it, since in a later sync office.js would look them up by name again.
    // 1. Re-check the sheet list inside the batch: getItem fails if an own sheet is gone, and
    //    names.getItem fails if it lost its mark, so a stale list stops the batch before any change.
    for (const b of backups) {
      prologue.push(
        small((ctx, st) => {
          const ws = ctx.workbook.worksheets.getItem(b.original);
          ws.names.getItem(OWNER_NAME).load('name');
          st.sheets.set(`old:${b.original}`, ws);
        }, 3),
      );
    }
    // 2. Rename the old own sheets and their tables aside (frees the sheet and table names).
    for (const b of backups) {
      prologue.push(
        small((_ctx, st) => {
          const ws = st.sheets.get(`old:${b.original}`)!;
          for (const t of b.tables) ws.tables.getItem(t.original).name = t.backup;
          ws.name = b.backup;
        }, 1 + 2 * b.tables.length),
      );
    }
    // 3. New sheets under their final names, marked as ours; add() fails if a user took the name.
    for (const spec of specs) {
      prologue.push(
        small((ctx, st) => {
          const ws = ctx.workbook.worksheets.add(spec.name);
          ws.names.add(OWNER_NAME, ws.getRange('A1'));
          if (spec.tabColor) ws.tabColor = `#${spec.tabColor.slice(-6)}`;
          st.sheets.set(spec.name, ws);
        }, 5),
      );
    }
    // 4. Tables before any cell, so formulas may refer to Table[Column]; header texts first.
    for (const spec of specs) {
      for (const t of spec.tables ?? []) {
        body.push({
          bytes: OP_BASE_BYTES + BYTES_PER_ACTION * 4 + utf8Length(JSON.stringify(t.headers)),
          apply: (_ctx, st) => {
            const ws = st.sheets.get(spec.name)!;
            const header = ws.getRangeByIndexes(t.row, t.col, 1, t.headers.length);
            header.values = [t.headers];
            const table = ws.tables.add(ws.getRangeByIndexes(t.row, t.col, 1 + Math.max(1, t.rowCount), t.headers.length), true);
            table.name = t.name;
          },
        });
      }
    }
    // 5. Number formats, then values and formulas: one 2-D write per sheet rectangle, split by rows
    //    only where a sync would pass the payload limit (see the packing below). Text constants are
    //    formatted "@" first, so "=..." stays text.
    for (const spec of specs) {
      const height = spec.cells.length;
      const width = spec.cells.reduce((w, r) => Math.max(w, r.length), 0);
      if (height === 0 || width === 0) continue;
      const cellAt = (r: number, c: number) => spec.cells[r]?.[c] ?? null;
      const formats = spec.cells.map((_, r) => Array.from({ length: width }, (__, c) => cellFormat(cellAt(r, c))));
      const inputs = spec.cells.map((_, r) => Array.from({ length: width }, (__, c) => cellInput(cellAt(r, c))));
      const perRow = sliceBytesPerRow(width);
      const rowBytes = (grid: unknown[][]) => grid.map((row) => utf8Length(JSON.stringify(row)) + 1 + perRow);
      body.push({
        rows: formats,
        rowBytes: rowBytes(formats),
        write: (st, start, rows) => {
          st.sheets.get(spec.name)!.getRangeByIndexes(start, 0, rows.length, width).numberFormat = rows as string[][];
        },
      });
      body.push({
        rows: inputs,
        rowBytes: rowBytes(inputs),
        write: (st, start, rows) => {
          st.sheets.get(spec.name)!.getRangeByIndexes(start, 0, rows.length, width).formulas = rows as (string | number | boolean)[][];
        },
      });
      // 6. Styles by rectangles of equal style.
      const styleBlocks = blocksOf<CellStyle>(height, width, (r, c) => {
        const s = cellAt(r, c)?.style;
        return s && hasVisualFormat(OFFICE_STYLES[s]) ? s : null;
      });
      for (const b of styleBlocks) {
        body.push(
          small((_ctx, st) => {
            const range = st.sheets.get(spec.name)!.getRangeByIndexes(b.r0, b.c0, b.r1 - b.r0 + 1, b.c1 - b.c0 + 1);
            const s = OFFICE_STYLES[b.key];
            if (s.bold) range.format.font.bold = true;
            if (s.italic) range.format.font.italic = true;
            if (s.size) range.format.font.size = s.size;
            if (s.fontColor) range.format.font.color = s.fontColor;
            if (s.fill) range.format.fill.color = s.fill;
            if (s.wrap) range.format.wrapText = true;
            if (s.topBorder) {
              const edge = range.format.borders.getItem('EdgeTop');
              edge.style = 'Continuous';
              edge.weight = 'Thin';
            }
          }, styleActions(OFFICE_STYLES[b.key])),
        );
      }
      // 7. Column widths (runs of equal width), freeze panes, print set-up.
      const widths = spec.columnWidths ?? [];
      for (const b of blocksOf<number>(1, widths.length, (_r, c) => widths[c] ?? null)) {
        body.push(
          small((_ctx, st) => {
            st.sheets.get(spec.name)!.getRangeByIndexes(0, b.c0, 1, b.c1 - b.c0 + 1).format.columnWidth = widthToPoints(b.key);
          }),
        );
      }
      const freeze = spec.freeze;
      if (freeze && (freeze.rows > 0 || freeze.columns > 0)) {
        body.push(
          small((_ctx, st) => {
            const ws = st.sheets.get(spec.name)!;
            if (freeze.rows > 0 && freeze.columns > 0) ws.freezePanes.freezeAt(ws.getRangeByIndexes(0, 0, freeze.rows, freeze.columns));
            else if (freeze.rows > 0) ws.freezePanes.freezeRows(freeze.rows);
            else ws.freezePanes.freezeColumns(freeze.columns);
          }, 2),
        );
      }
      const print = spec.print;
      if (print && this.supports('1.9')) {
        body.push(
          small((_ctx, st) => {
            const layout = st.sheets.get(spec.name)!.pageLayout;
            layout.orientation = print.landscape ? 'Landscape' : 'Portrait';
            layout.paperSize = 'A4';
            layout.headersFooters.defaultForAllPages.centerHeader = headerText(print.title);
            if (print.fitToWidth) layout.zoom = { horizontalFitToPages: 1, verticalFitToPages: print.onePage ? 1 : 0 };
          }, 6 + utf8Length(print.title) / BYTES_PER_ACTION),
        );
      }
    }
    // 8. Only now delete the old outputs, and show the first new sheet. The old sheets are looked up
    //    again by their backup names: this may be a later sync than the rename, and office.js sends
    //    a getItem by its name again, which by now is one of the new sheets.
    for (const b of backups) epilogue.push(small((ctx) => ctx.workbook.worksheets.getItem(b.backup).delete(), 2));
    if (specs.length > 0) epilogue.push(small((_ctx, st) => st.sheets.get(specs[0].name)!.activate()));

    // Pack into syncs under the payload limit, in order. A grid write that does not fit the room
    // left in a sync is split by rows: its first rows fill that sync, the rest start the next ones.
    const batches: Op[][] = [[...prologue]];
    const batchBytes = [SYNC_BASE_BYTES + prologue.reduce((n, o) => n + o.bytes, 0)];
    const newBatch = () => {
      batches.push([]);
      batchBytes.push(SYNC_BASE_BYTES);
    };
    const place = (op: Op) => {
      const last = batches.length - 1;
      if (batchBytes[last] + op.bytes > this.payloadLimit && batches[last].length > 0) newBatch();
      batches[batches.length - 1].push(op);
      batchBytes[batchBytes.length - 1] += op.bytes;
    };
    for (const item of [...body, ...epilogue]) {
      if ('apply' in item) {
        place(item);
        continue;
      }
      const { rows, rowBytes, write } = item;
      let start = 0;
      while (start < rows.length) {
        let room = this.payloadLimit - batchBytes[batches.length - 1] - WRITE_FIXED_BYTES;
        if (room < MIN_SPLIT_ROOM_BYTES && batches[batches.length - 1].length > 0) {
          newBatch();
          room = this.payloadLimit - SYNC_BASE_BYTES - WRITE_FIXED_BYTES;
        }
        let end = start;
        let bytes = 2;
        while (end < rows.length && (end === start || bytes + rowBytes[end] <= room)) bytes += rowBytes[end++];
        const from = start;
        const part = rows.slice(from, end);
        place({ bytes: bytes + WRITE_FIXED_BYTES, apply: (_ctx, st) => write(st, from, part) });
        start = end;
      }
    }
    const plan = { backups, created, batches, batchBytes };
    this.lastPlan = plan;
    return plan;
  }
}

function inventoryOf(sheets: Excel.WorksheetCollection): SheetInfo[] {
  return sheets.items.map((s) => ({
    name: s.name,
    own: s.names.items.some((n) => n.name.toUpperCase() === OWNER_NAME.toUpperCase()),
    tables: s.tables.items.map((t) => t.name),
  }));
}

function sameInventory(a: Inventory, b: Inventory): boolean {
  const key = (i: Inventory) =>
    i.sheets
      .map((s) => `${lower(s.name)}|${s.own}|${s.tables.map(lower).sort().join(',')}`)
      .sort()
      .join('\n');
  return key(a) === key(b);
}
