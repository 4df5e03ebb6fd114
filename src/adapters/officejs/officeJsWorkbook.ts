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
 * - ownSheetNames: no sync right after readTables on the same instance (it reuses its sheet list),
 *   else 1.
 * - replaceOutputs: 1 sync right after readTables/ownSheetNames on the same instance (it reuses
 *   their sheet list and re-checks it inside the write batch), else 2; plus 1 for the finishing
 *   touches (and the recalculation on Manual calculation). A full run is thus 4.
 *   Excel on the web refuses requests over 5 MB, so writes beyond ~4.5 MB go in further syncs.
 * - readOutputCells: 2 syncs (list sheets, then each sheet's used range).
 * - Excel on the web also refuses responses over 5 MB (from ~30x the realistic input size). When
 *   it refuses a whole read, the adapter reads in row chunks from then on (rowChunks.ts plans them
 *   from the bytes it measures): list, the tables' places, then as many chunks as the data needs.
 *   Desktop Excel has no such limit and keeps the 2-sync read.
 *
 * Ownership (inventory.ts): a rerun replaces only sheets that carry the owner mark and have an output
 * sheet's name, and refuses an unmarked sheet of the same name; a user's marked copy is kept. Old
 * outputs are renamed aside first, new sheets are built under the final names (so formulas bind to
 * the new sheets), and the old ones are deleted only in the last step; if anything fails, the new
 * sheets are removed and the old ones renamed back (replace.ts), retried while Excel refuses.
 *
 * Every Excel.run asks for delayForCellEdit: while the user is typing in a cell, Excel holds the
 * batch until the edit ends instead of failing it ("Delay execution while cell is being edited";
 * office.js sends it only where the DelayForCellEdit requirement set is supported, and elsewhere the
 * failure becomes CellEditModeError with a message that says what to do).
 */
import type { RawWorkbook } from '../../domain/raw';
import { OUTPUT_SHEET_NAMES } from '../../workbook/layout';
import {
  type OutputCell,
  SheetConflictError,
  TableNameConflictError,
  WorkbookChangedError,
  type WorkbookPort,
  type WriteOutcome,
} from '../../workbook/port';
import type { SheetSpec } from '../../workbook/sheetSpec';
import {
  CellEditModeError,
  isCellEditError,
  isGeneralException,
  isInvalidSelection,
  isPayloadLimitError,
  RecoveryFailedError,
  WorkbookNotActiveError,
} from './hostErrors';
import { type Inventory, inventoryOf, isOwn, queueInventory, sameInventory } from './inventory';
import { DEFAULT_PAYLOAD_LIMIT } from './payload';
import { readOutputCellsAtOnce, readOutputCellsInChunks } from './outputReads';
import { type ReadContext, readTablesAtOnce, readTablesInChunks } from './reads';
import { executeWrite, isWindowActive, recover, type Run } from './replace';
import { lower } from './tableRead';
import { notYetWritten, planWrite, type WritePlan } from './writePlan';

export { OWNER_NAME } from '../../workbook/sheetSpec';
export { CellEditModeError, isPayloadLimitError, RecoveryFailedError, WorkbookNotActiveError } from './hostErrors';
export { DEFAULT_PAYLOAD_LIMIT } from './payload';
export { widthToPoints } from './writePlan';
/** An output table would take the name of a table on a sheet that is not ours. */
export { TableNameConflictError, WorkbookChangedError };

/** How long a sheet list from a read may stand in for a fresh one in replaceOutputs. */
const INVENTORY_MAX_AGE_MS = 120_000;

/** Excel.run's signature with options (tests inject a fake). */
export type ExcelRun = <T>(options: Excel.RunOptions, batch: (context: Excel.RequestContext) => Promise<T>) => Promise<T>;

/** Every batch waits while the user edits a cell instead of failing. */
const RUN_OPTIONS: Excel.RunOptions = { delayForCellEdit: true };

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
  /** Pause between recovery attempts (tests). */
  sleep?: (ms: number) => Promise<void>;
  /** Every name an output sheet can have; marked sheets of these names are replaced. Defaults to the layout's. */
  outputSheetNames?: readonly string[];
}

const defaultRun: ExcelRun = (options, batch) => Excel.run(options, batch);

function defaultIsSetSupported(version: string): boolean {
  try {
    return typeof Office !== 'undefined' && Boolean(Office.context?.requirements?.isSetSupported('ExcelApi', version));
  } catch {
    return false;
  }
}

/** Excel's own failures that say what the user must do, as errors that say it in their language. */
function explain(error: unknown): unknown {
  if (isCellEditError(error)) return new CellEditModeError(error);
  if (isInvalidSelection(error)) return new WorkbookNotActiveError(true, error);
  return error;
}

export class OfficeJsWorkbook implements WorkbookPort {
  private readonly run: Run;
  private readonly supports: (version: string) => boolean;
  private readonly payloadLimit: number;
  private readonly token: () => string;
  private readonly now: () => number;
  private readonly sleep: (ms: number) => Promise<void>;
  private readonly outputNames: readonly string[];
  private inventory: Inventory | null = null;
  /** Set once Excel refused a whole-table read as too large: later reads go in row chunks. */
  private chunkReads = false;
  /** The workbook's date system as the last read found it (null: no date cell showed it). */
  private date1904: boolean | null = null;
  private lastWrite: WritePlan | null = null;

  constructor(options: OfficeJsWorkbookOptions = {}) {
    const run = options.run ?? defaultRun;
    this.run = (batch) => run(RUN_OPTIONS, batch);
    this.supports = options.isSetSupported ?? defaultIsSetSupported;
    this.payloadLimit = options.payloadLimitBytes ?? DEFAULT_PAYLOAD_LIMIT;
    this.token = options.token ?? (() => Math.random().toString(36).slice(2, 8));
    this.now = options.now ?? (() => Date.now());
    this.sleep = options.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms)));
    this.outputNames = options.outputSheetNames ?? OUTPUT_SHEET_NAMES;
  }

  async readTables(): Promise<RawWorkbook> {
    const read = await this.explained(() =>
      this.readAtOnceOrInChunks(
        () => readTablesAtOnce(this.reading()),
        (onlyIfLarge) => readTablesInChunks(this.reading(), onlyIfLarge),
      ),
    );
    this.inventory = { ...read.inventory, at: this.now() };
    this.date1904 = read.date1904;
    return read.raw;
  }

  private reading(): ReadContext {
    return { run: this.run, payloadLimit: this.payloadLimit, mergedSupported: this.supports('1.13'), now: this.now };
  }

  private async explained<T>(f: () => Promise<T>): Promise<T> {
    try {
      return await f();
    } catch (error) {
      throw explain(error);
    }
  }

  /**
   * The whole read first; once Excel on the web refuses one as over 5 MB, reads go in row chunks.
   * A bare GeneralException (what some Excel on the web builds answer instead of the limit's code:
   * issues 354, 1314) also tries the chunks, which give the error back when the read is small.
   */
  private async readAtOnceOrInChunks<T>(atOnce: () => Promise<T>, inChunks: (onlyIfLarge: unknown) => Promise<T>): Promise<T> {
    if (this.chunkReads) return inChunks(null);
    try {
      return await atOnce();
    } catch (error) {
      if (isPayloadLimitError(error)) {
        this.chunkReads = true;
        return inChunks(null);
      }
      if (!isGeneralException(error)) throw error;
      const read = await inChunks(error);
      this.chunkReads = true;
      return read;
    }
  }

  /** Names of the sheets that carry a valid owner mark (output sheets, and any marked copy of one). */
  /**
   * The sheet list of a readTables just before (on this instance, within INVENTORY_MAX_AGE_MS) is
   * used as it is: the run's conflict check then costs no sync of its own. That is safe because
   * replaceOutputs plans against the same list and, when Excel refuses the write because the sheets
   * changed in between, plans again on a fresh list (which refuses a user's sheet of an output name).
   */
  async ownSheetNames(): Promise<string[]> {
    const cached = this.inventory && this.now() - this.inventory.at <= INVENTORY_MAX_AGE_MS ? this.inventory : null;
    const inv = cached ?? (await this.explained(() => this.loadInventory()));
    return inv.sheets.filter(isOwn).map((s) => s.name);
  }

  async readOutputCells(sheetNames: string[]): Promise<OutputCell[]> {
    return this.explained(() =>
      this.readAtOnceOrInChunks(
        () => readOutputCellsAtOnce(this.reading(), sheetNames, this.date1904),
        (onlyIfLarge) => readOutputCellsInChunks(this.reading(), sheetNames, this.date1904, onlyIfLarge),
      ),
    );
  }

  /** Recalculates when Excel is not on automatic calculation (1 sync; 2 when it recalculates). */
  async recalculate(): Promise<boolean> {
    return this.explained(() =>
      this.run(async (ctx) => {
        const app = ctx.workbook.application;
        app.load('calculationMode');
        await ctx.sync();
        if (app.calculationMode === 'Automatic') return false;
        app.calculate('Recalculate');
        await ctx.sync();
        return true;
      }),
    );
  }

  async replaceOutputs(specs: SheetSpec[]): Promise<WriteOutcome> {
    const cached = this.inventory && this.now() - this.inventory.at <= INVENTORY_MAX_AGE_MS ? this.inventory : null;
    this.inventory = null;
    const inv = cached ?? (await this.explained(() => this.loadInventory()));
    this.inventory = null;
    // Planning refuses (conflicts, a layout Excel cannot take) before anything is changed.
    let plan = this.plan(specs, inv);
    try {
      return await this.execute(plan);
    } catch (error) {
      const fresh = await this.recoverAfter(error, plan, specs);
      // A stale sheet list (the user changed sheets since the read) is the one failure worth a retry.
      if (cached && !sameInventory(cached, fresh)) {
        plan = this.plan(notYetWritten(specs, fresh), fresh);
        try {
          return await this.execute(plan);
        } catch (again) {
          await this.recoverAfter(again, plan, specs);
          throw explain(again);
        }
      }
      throw explain(error);
    }
  }

  private async loadInventory(): Promise<Inventory> {
    const inv = await this.run(async (ctx) => {
      const q = queueInventory(ctx);
      await ctx.sync();
      return inventoryOf(q, this.now());
    });
    this.inventory = inv;
    return inv;
  }

  private plan(specs: SheetSpec[], inv: Inventory): WritePlan {
    const plan = planWrite(specs, inv, {
      payloadLimit: this.payloadLimit,
      token: this.token(),
      pageLayout: this.supports('1.9'),
      outputNames: this.outputNames,
      date1904: this.date1904 === true,
    });
    this.lastWrite = plan;
    return plan;
  }

  /** The plan of the last write (its batches and their sizes in bytes): the tests and the bench measure the payloads with it. */
  get lastPlan(): WritePlan | null {
    return this.lastWrite;
  }

  private async execute(plan: WritePlan): Promise<WriteOutcome> {
    const done = await executeWrite(this.run, plan, this.supports('1.9'), this.sleep);
    return { otherMarkedSheets: plan.otherMarked, ...done };
  }

  /**
   * Puts the workbook back after a failed write (retried while Excel refuses) and returns the sheet
   * list as found. Throws SheetConflictError when a user's sheet took an output name meanwhile,
   * WorkbookNotActiveError when another workbook window was active, RecoveryFailedError otherwise.
   */
  private async recoverAfter(error: unknown, plan: WritePlan, specs: SheetSpec[]): Promise<Inventory> {
    const active = isInvalidSelection(error) ? false : await isWindowActive(this.run);
    let fresh: Inventory;
    try {
      fresh = await recover(this.run, plan, this.now, this.sleep);
    } catch (recoveryError) {
      if (active === false || isInvalidSelection(recoveryError)) throw new WorkbookNotActiveError(false, error);
      throw new RecoveryFailedError(error, recoveryError);
    }
    if (active === false) throw new WorkbookNotActiveError(true, error);
    const wanted = notYetWritten(specs, fresh);
    const taken = fresh.sheets.find((s) => !isOwn(s) && wanted.some((spec) => lower(spec.name) === lower(s.name)));
    if (taken) throw new SheetConflictError(taken.name);
    return fresh;
  }
}
