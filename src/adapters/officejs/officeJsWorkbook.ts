/**
 * The office.js adapter: the only code that calls Excel.run. This file decides the syncs; the
 * pieces live beside it: tableRead.ts (what a read queues and what it becomes), inventory.ts (the
 * sheet list and the owner marks), writePlan.ts (the write as a pure plan of steps, packed into
 * syncs), writeSteps.ts (the office.js calls of each step), payload.ts (Excel on the web's limits
 * and the request estimates), rowChunks.ts (reads in row chunks), hostErrors.ts (what failures mean).
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
import type { RawWorkbook } from '../../domain/raw';
import { type OutputCell, SheetConflictError, TableNameConflictError, WorkbookChangedError, type WorkbookPort } from '../../workbook/port';
import type { SheetSpec } from '../../workbook/sheetSpec';
import { isPayloadLimitError } from './hostErrors';
import { INVENTORY_LOAD, type Inventory, inventoryOf, queueInventory, sameInventory } from './inventory';
import { DEFAULT_PAYLOAD_LIMIT, GUESS_BYTES_PER_CELL, ROW_OVERHEAD_BYTES, utf8Length } from './payload';
import { RowChunkPlanner } from './rowChunks';
import {
  concatRows,
  lower,
  measureRows,
  outputCellsOf,
  queueRows,
  queueTableHead,
  queueTableList,
  queueUsedRanges,
  rawTableOf,
  rowsOf,
  tableHeadOf,
  type RowRange,
} from './tableRead';
import { planWrite, type WritePlan } from './writePlan';
import { applyStep, type WriteState } from './writeSteps';

export { OWNER_NAME } from './inventory';
export { isPayloadLimitError } from './hostErrors';
export { DEFAULT_PAYLOAD_LIMIT } from './payload';
export { widthToPoints } from './writePlan';
/** An output table would take the name of a table on a sheet that is not ours. */
export { TableNameConflictError, WorkbookChangedError };

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

const defaultRun: ExcelRun = (batch) => Excel.run(batch);

function defaultIsSetSupported(version: string): boolean {
  try {
    return typeof Office !== 'undefined' && Boolean(Office.context?.requirements?.isSetSupported('ExcelApi', version));
  } catch {
    return false;
  }
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
  private lastPlan: WritePlan | null = null;

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
      const tables = queueTableList(ctx);
      const sheets = queueInventory(ctx);
      await ctx.sync();
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
      const tables = queueTableList(ctx);
      const sheets = queueInventory(ctx);
      await ctx.sync();
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
      const ws = queueInventory(ctx);
      await ctx.sync();
      return inventoryOf(ws);
    });
    this.inventory = { sheets, at: this.now() };
    return this.inventory;
  }

  private async write(specs: SheetSpec[], inv: Inventory): Promise<void> {
    const plan = planWrite(specs, inv.sheets, { payloadLimit: this.payloadLimit, token: this.token(), pageLayout: this.supports('1.9') });
    this.lastPlan = plan;
    await this.run(async (ctx) => {
      const state: WriteState = { sheets: new Map() };
      for (const batch of plan.batches) {
        ctx.workbook.application.suspendApiCalculationUntilNextSync();
        if (this.supports('1.9')) ctx.workbook.application.suspendScreenUpdatingUntilNextSync();
        for (const step of batch) applyStep(ctx, state, step);
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
}
