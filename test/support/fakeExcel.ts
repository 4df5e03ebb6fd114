/**
 * A small fake of the Excel JavaScript API, faithful where the adapter depends on it:
 * - every method call and property set is queued and applied only on context.sync(), in order;
 * - a failing action rejects the sync and the actions before it stay applied (office.js batches
 *   are not transactions); the actions after it are dropped;
 * - reading a property that was not loaded and synced throws, like office.js;
 * - getItem(name) binds to the object when its action runs, so a rename later in the same sync
 *   keeps the binding; in a later sync the proxy is found by name again (office.js re-sends a
 *   getItem path by its key; Excel hands out references only for objects made by methods such
 *   as add()), so after a rename it finds whatever now has that name;
 * - strings written to cells are read as Excel reads typed input: "=…", "+…", "-…", "@…" become
 *   formulas and "12" a number, unless the cell's number format is "@" (text).
 * Host behaviour the adapter must survive, each with the source that shows it:
 * - AutoCorrect's "fill formulas in tables to create calculated columns" (on by default, applied to
 *   API writes too): a formula written into a column of an existing table whose other cells are
 *   empty fills the whole column with one formula (OfficeDev/office-js issues 2093, 5909, 6745;
 *   `autoFillTableFormulas`).
 * - Names: sheet-scoped names travel with a copied sheet and point at the copy (issue 2875,
 *   `copySheet`); renaming a sheet rewrites the references in every name; deleting it leaves the
 *   names that pointed there as =#REF! (Name Manager behaviour).
 * - Calculation: in Manual mode written formulas stay uncalculated until calculate() (Excel.Application
 *   reference: "it is the developer's responsibility to re-calc"; `calculationMode`, `dirtyCells`).
 * - The user at work: a batch during cell editing fails unless Excel.run got delayForCellEdit (the
 *   "Delay execution while cell is being edited" article; `cellEditing`); while another workbook
 *   window is active, worksheet names give InvalidSelection (issue 6365), adding or deleting sheets
 *   GeneralException (issue 771), workbook names.add ItemNotFound (issue 2078) and getActiveCell
 *   InvalidSelection (issue 5319) (`activeWindow`); on the web, renaming the active sheet shows an
 *   "Invalid sheet" dialog (issue 3218, reproduced with the docs' rename-the-active-sheet sample;
 *   `platform`, `dialogs`).
 * - Reads: Excel on the web refuses responses over 5 MB, on some builds with a bare GeneralException
 *   (issues 354, 1314; `responseLimitCode`); a workbook may use the 1904 date system (`date1904`:
 *   serials count from 1904-01-01 and `text` shows the dates accordingly); the visible view of a
 *   range leaves out hidden rows and hidden columns (`hiddenRows`, `hiddenColumns`).
 * office-addin-mock has no collections, no queued writes and no object model, hence this fake.
 */

import { EXCEL_EPOCH_OFFSET } from '../../src/domain/dates';
import type { RawWorkbook } from '../../src/domain/raw';
import { colLetters } from '../../src/workbook/formula';

type Scalar = string | number | boolean | null;

export interface FakeCell {
  /** Constant value, or the formula text with "=" when formula is true. */
  value: Scalar | { error: string };
  formula?: string;
  format: string;
  /** Sheets and tables a formula referred to when it was written (identity, as Excel binds them). */
  refs?: { sheets: (FakeSheet | null)[]; tables: (FakeTable | null)[] };
  /** A formula not calculated since it (or what it depends on) was written: its value is stale. */
  dirty?: boolean;
}

export class FakeTable {
  showTotals = false;
  constructor(
    public name: string,
    public sheet: FakeSheet,
    public r0: number,
    public c0: number,
    /** Rows including the header (and totals when shown). */
    public rows: number,
    public cols: number,
  ) {}
  deleted = false;
  get headers(): string[] {
    return Array.from({ length: this.cols }, (_, c) => String(this.sheet.cell(this.r0, this.c0 + c)?.value ?? ''));
  }
}

export class FakeSheet {
  cells = new Map<string, FakeCell>();
  names = new Map<string, string>();
  tables: FakeTable[] = [];
  hiddenRows = new Set<number>();
  hiddenColumns = new Set<number>();
  visibility: 'Visible' | 'Hidden' = 'Visible';
  merged: string[] = [];
  tabColor = '';
  freeze: { rows: number; columns: number } | null = null;
  /** Recorded format sets: range address, property path, value. */
  formats: { address: string; path: string; value: unknown }[] = [];
  layout: Record<string, unknown> = {};
  deleted = false;
  active = false;
  constructor(public name: string) {}
  cell(r: number, c: number): FakeCell | undefined {
    return this.cells.get(`${r},${c}`);
  }
  /** Convenience for tests: what a user would type. */
  put(r: number, c: number, v: Scalar, format = 'General'): void {
    if (v === null || v === '') this.cells.delete(`${r},${c}`);
    else this.cells.set(`${r},${c}`, { value: v, format });
  }
}

/** Excel on the web refuses requests and responses over 5 MB. */
export const EXCEL_WEB_PAYLOAD_LIMIT = 5_000_000;

export class FakeError extends Error {
  constructor(
    public code: string,
    message: string,
  ) {
    super(message);
    this.name = 'RichApi.Error';
  }
}

export const colName = colLetters;
const addr = (r: number, c: number) => `${colName(c)}${r + 1}`;
const rectAddress = (r: number, c: number, h: number, w: number) =>
  h === 1 && w === 1 ? addr(r, c) : `${addr(r, c)}:${addr(r + h - 1, c + w - 1)}`;
function parseA1(a: string): { r0: number; c0: number; r1: number; c1: number } {
  const part = (p: string) => {
    const m = /^\$?([A-Z]+)\$?(\d+)$/.exec(p)!;
    let c = 0;
    for (const ch of m[1]) c = c * 26 + (ch.charCodeAt(0) - 64);
    return { r: Number(m[2]) - 1, c: c - 1 };
  };
  const [x, y] = a.split(':');
  const p = part(x);
  const q = part(y ?? x);
  return { r0: p.r, c0: p.c, r1: q.r, c1: q.c };
}
const quoteSheet = (n: string) => (/^[A-Za-z_][A-Za-z0-9_]*$/.test(n) ? n : `'${n.replace(/'/g, "''")}'`);

export interface WriteRecord {
  sheet: string;
  prop: 'values' | 'formulas' | 'numberFormat';
  address: string;
  rows: number;
  cols: number;
}

export class FakeWorkbook {
  sheets: FakeSheet[] = [];
  syncs = 0;
  writes: WriteRecord[] = [];
  /** Estimated request bytes of each sync (what Excel on the web limits to 5 MB). */
  syncBytes: number[] = [];
  /** JSON bytes of the loaded data each sync sent back (Excel on the web limits responses to 5 MB too). */
  responseBytes: number[] = [];
  /** Excel on the web's limits; a sync over them is refused with its error code. null = no limit (desktop). */
  requestLimit: number | null = EXCEL_WEB_PAYLOAD_LIMIT;
  responseLimit: number | null = EXCEL_WEB_PAYLOAD_LIMIT;
  /** The selected cell or range ("Sheet!A1"), as select() leaves it. */
  selection: string | null = null;
  calcSuspensions = 0;
  screenSuspensions = 0;
  /** Called after every successful sync with the sync count (a user editing between round trips). */
  afterSync: ((syncs: number) => void) | null = null;
  /** Throws from the action when it returns an error code (failure injection). */
  failWhen: ((event: { kind: string; sheet?: string; prop?: string }) => string | null) | null = null;
  /** Workbook-level defined names, by upper-case name. */
  names = new Map<string, { name: string; formula: string; comment: string }>();
  /** Excel's AutoCorrect option "Fill formulas in tables to create calculated columns" (on by default). */
  autoFillTableFormulas = true;
  /** Application.calculationMode (a setting of the Excel session, not saved in the workbook). */
  calculationMode: 'Automatic' | 'AutomaticExceptTables' | 'Manual' = 'Automatic';
  /** calculate() calls, by calculation type. */
  calculations: string[] = [];
  /** Values loaded from formula cells that were not calculated (stale values a user would see). */
  staleReads = 0;
  /** The workbook counts dates from 1904-01-01 (Excel for Mac's old default). */
  date1904 = false;
  /** 'web' shows the "Invalid sheet" dialog when the active sheet is renamed (issue 3218). */
  platform: 'desktop' | 'web' = 'desktop';
  /** Dialogs Excel showed the user. */
  dialogs: string[] = [];
  /** False while the user looks at another workbook window. */
  activeWindow = true;
  /** The user is typing in a cell. */
  cellEditing = false;
  /** Error code of a response over the limit (some builds say GeneralException). */
  responseLimitCode = 'ResponsePayloadSizeLimitExceeded';
  private cellEditWaiters: (() => void)[] = [];
  private tableCounter = 0;

  /** The user presses Enter: batches that waited for the edit (delayForCellEdit) run now. */
  finishCellEdit(): void {
    this.cellEditing = false;
    const waiters = this.cellEditWaiters;
    this.cellEditWaiters = [];
    for (const w of waiters) w();
  }
  waitForCellEdit(): Promise<void> {
    return new Promise((resolve) => this.cellEditWaiters.push(resolve));
  }
  /** Formula cells whose value is stale (not calculated since written). */
  dirtyCells(): string[] {
    return this.sheets.flatMap((s) => [...s.cells.entries()].filter(([, c]) => c.dirty).map(([k]) => `${s.name}!${k}`));
  }
  /** What Excel's automatic calculation or calculate() does: every formula gets a current value. */
  calculateAll(): void {
    for (const s of this.sheets) for (const c of s.cells.values()) c.dirty = false;
  }
  /** The user clicks a sheet tab. */
  activate(name: string): void {
    for (const s of this.sheets) s.active = s === this.sheet(name);
  }
  /** Names (sheet-scoped and workbook-level) whose reference is broken (#REF!). */
  brokenNames(): string[] {
    const out: string[] = [];
    for (const n of this.names.values()) if (n.formula.includes('#REF!')) out.push(`${n.name}${n.formula}`);
    for (const s of this.sheets) for (const [k, f] of s.names) if (f.includes('#REF!')) out.push(`${s.name}!${k}${f}`);
    return out;
  }
  /** A sheet was renamed: every name's reference follows it, as in Excel. */
  renameRefs(from: string, to: string): void {
    const fix = (f: string) => renameInReference(f, from, to);
    for (const n of this.names.values()) n.formula = fix(n.formula);
    for (const s of this.sheets) for (const [k, f] of s.names) s.names.set(k, fix(f));
  }
  /** A sheet was deleted: references to it in names become #REF!. */
  breakRefs(name: string): void {
    const fix = (f: string) => renameInReference(f, name, null);
    for (const n of this.names.values()) n.formula = fix(n.formula);
    for (const s of this.sheets) for (const [k, f] of s.names) s.names.set(k, fix(f));
  }
  /**
   * The user copies a sheet (right-click the tab, Move or Copy, Create a copy): "Name (2)" with the
   * same cells, its tables under new names, and its sheet-scoped names, which point at the copy
   * (OfficeDev/office-js issue 2875: names.add of the same name on a copy fails as already existing).
   */
  copySheet(name: string, newName?: string): FakeSheet {
    const src = this.sheet(name)!;
    let to = newName;
    for (let i = 2; !to; i++) if (!this.sheet(`${src.name} (${i})`)) to = `${src.name} (${i})`;
    const copy = new FakeSheet(to);
    this.sheets.splice(this.sheets.indexOf(src) + 1, 0, copy);
    for (const [k, cell] of src.cells) {
      const c: FakeCell = { ...cell };
      if (c.formula !== undefined) c.refs = bindRefs(c.formula, this);
      copy.cells.set(k, c);
    }
    for (const [k, f] of src.names) copy.names.set(k, renameInReference(f, src.name, copy.name));
    for (const t of src.tables) {
      let n = 2;
      while (this.table(`${t.name}${n}`)) n++;
      const ct = this.addTable(copy, `${t.name}${n}`, t.r0, t.c0, t.rows, t.cols);
      ct.showTotals = t.showTotals;
    }
    copy.hiddenRows = new Set(src.hiddenRows);
    copy.tabColor = src.tabColor;
    return copy;
  }

  addSheet(name: string): FakeSheet {
    const s = new FakeSheet(name);
    this.sheets.push(s);
    return s;
  }
  sheet(name: string): FakeSheet | undefined {
    return this.sheets.find((s) => s.name.toLowerCase() === name.toLowerCase());
  }
  get tables(): FakeTable[] {
    return this.sheets.flatMap((s) => s.tables);
  }
  table(name: string): FakeTable | undefined {
    return this.tables.find((t) => t.name.toLowerCase() === name.toLowerCase());
  }
  /** A table over an existing header row and data rows. */
  addTable(sheet: FakeSheet, name: string, r0: number, c0: number, rows: number, cols: number): FakeTable {
    const t = new FakeTable(name, sheet, r0, c0, rows, cols);
    sheet.tables.push(t);
    return t;
  }
  newTableName(): string {
    let n: string;
    do n = `Table${++this.tableCounter}`;
    while (this.table(n));
    return n;
  }
  /** Formula cells whose sheet or table references point at deleted or missing objects (#REF!). */
  brokenRefs(): string[] {
    const out: string[] = [];
    for (const s of this.sheets)
      for (const [k, cell] of s.cells) {
        if (!cell.refs) continue;
        const bad = cell.refs.sheets.some((x) => !x || x.deleted) || cell.refs.tables.some((t) => !t || t.deleted);
        if (bad) out.push(`${s.name}!${k}:${cell.formula}`);
      }
    return out;
  }
  /** Cell text as Excel shows the formula bar (formula with "=", else the constant). */
  formulaAt(sheet: string, r: number, c: number): Scalar {
    const cell = this.sheet(sheet)?.cell(r, c);
    if (!cell) return null;
    if (cell.formula !== undefined) return cell.formula;
    return typeof cell.value === 'object' && cell.value !== null ? cell.value.error : cell.value;
  }

  context(): FakeContext {
    return new FakeContext(this);
  }
  /** An Excel.run replacement bound to this workbook: run(batch) or run(options, batch), as Excel.run. */
  run = <T>(
    a: Excel.RunOptions | ((ctx: Excel.RequestContext) => Promise<T>),
    b?: (ctx: Excel.RequestContext) => Promise<T>,
  ): Promise<T> => {
    const batch = typeof a === 'function' ? a : b!;
    const options = typeof a === 'function' ? {} : a;
    const ctx = this.context();
    ctx.delayForCellEdit = Boolean(options.delayForCellEdit);
    return batch(ctx as unknown as Excel.RequestContext);
  };
}

/**
 * A name's reference with sheet `from` renamed to `to` (quoted as Excel quotes it), or with the
 * sheet gone (`to` null: "#REF!", as Excel leaves a name whose sheet was deleted).
 */
export function renameInReference(formula: string, from: string, to: string | null): string {
  return formula.replace(
    /(?:'((?:[^']|'')+)'|([\p{L}_][\p{L}\p{N}_.]*))!/gu,
    (whole, quoted: string | undefined, bare: string | undefined) => {
      const name = quoted !== undefined ? quoted.replace(/''/g, "'") : bare!;
      if (name.toLowerCase() !== from.toLowerCase()) return whole;
      return to === null ? '#REF!' : `${quoteSheet(to)}!`;
    },
  );
}

/** Shifts the relative row numbers of A1 references by `delta` (how a calculated column's formula reads in another row). */
export function shiftRows(formula: string, delta: number): string {
  return formula
    .split(/("(?:[^"]|"")*"|'(?:[^']|'')*')/)
    .map((part, i) =>
      i % 2 === 1
        ? part
        : part.replace(
            /(^|[^A-Za-z0-9_.$\]])(\$?)([A-Z]{1,3})(\$?)(\d+)(?![\d(A-Za-z_])/g,
            (_m, pre: string, d1: string, col: string, d2: string, row: string) =>
              `${pre}${d1}${col}${d2}${d2 ? row : Number(row) + delta}`,
          ),
    )
    .join('');
}

type Action = { run: () => void; bytes: number };

export class FakeContext {
  queue: Action[] = [];
  /** Loaded data of the running sync, applied only if the whole response fits. */
  private staged: { bytes: number; commit: () => void }[] = [];
  workbook: FakeWorkbookProxy;
  /** Excel.run({ delayForCellEdit: true }): a batch waits while the user edits a cell instead of failing. */
  delayForCellEdit = false;
  constructor(public book: FakeWorkbook) {
    this.workbook = new FakeWorkbookProxy(this);
  }
  enqueue(run: () => void, bytes = 100): void {
    this.queue.push({ run, bytes });
  }
  fail(kind: string, sheet?: string, prop?: string): void {
    const code = this.book.failWhen?.({ kind, sheet, prop });
    if (code) throw new FakeError(code, `injected failure at ${kind} ${sheet ?? ''} ${prop ?? ''}`);
  }
  /** A load's result: counted in the response, visible to the caller only if the sync succeeds. */
  respond(data: unknown, commit: () => void): void {
    this.staged.push({ bytes: Buffer.byteLength(JSON.stringify(data) ?? ''), commit });
  }
  async sync(): Promise<void> {
    if (this.book.cellEditing) {
      if (!this.delayForCellEdit) {
        this.queue = [];
        throw new FakeError(
          'InvalidOperationInCellEditMode',
          'Excel is in cell-editing mode. Please exit the edit mode by pressing ENTER or TAB or selecting another cell, and then try again.',
        );
      }
      await this.book.waitForCellEdit();
    }
    this.book.syncs += 1;
    const q = this.queue;
    this.queue = [];
    const requestBytes = q.reduce((n, a) => n + a.bytes, 0);
    this.book.syncBytes.push(requestBytes);
    await Promise.resolve();
    const { requestLimit, responseLimit } = this.book;
    if (requestLimit !== null && requestBytes > requestLimit) {
      this.book.responseBytes.push(0);
      throw new FakeError('RequestPayloadSizeLimitExceeded', 'The request payload size has exceeded the limit.');
    }
    this.staged = [];
    try {
      for (const a of q) a.run();
    } catch (error) {
      this.staged = [];
      this.book.responseBytes.push(0);
      throw error;
    }
    const staged = this.staged;
    this.staged = [];
    const responseBytes = staged.reduce((n, x) => n + x.bytes, 0);
    this.book.responseBytes.push(responseBytes);
    if (responseLimit !== null && responseBytes > responseLimit) {
      const code = this.book.responseLimitCode;
      throw new FakeError(
        code,
        code === 'GeneralException'
          ? 'There was an internal error while processing the request.'
          : 'The response payload size has exceeded the limit.',
      );
    }
    for (const x of staged) x.commit();
    // Automatic calculation runs once the batch (and any suspension of API calculation) ends.
    if (this.book.calculationMode === 'Automatic') this.book.calculateAll();
    this.book.afterSync?.(this.book.syncs);
  }
}

/** Base: properties loaded by sync, unreadable before. */
class Loadable {
  protected loaded = new Map<string, unknown>();
  constructor(protected ctx: FakeContext) {}
  protected get_(prop: string): never | unknown {
    if (!this.loaded.has(prop))
      throw new FakeError('PropertyNotLoaded', `The property '${prop}' is not available. Load it and call context.sync() first.`);
    return this.loaded.get(prop);
  }
}

function splitLoad(props: string | string[]): string[] {
  const list = Array.isArray(props) ? props : props.split(',');
  return list
    .map((p) =>
      p
        .trim()
        .replace(/^items[/.]/i, '')
        .replace(/[/.]items[/.]/gi, '/'),
    )
    .filter(Boolean);
}

/** Records nested property sets, e.g. range.format.font.bold = true, as one queued action each. */
function recorder(ctx: FakeContext, onSet: (path: string, value: unknown) => void, base: string[] = []): Record<string, unknown> {
  return new Proxy(
    {},
    {
      get: (_t, key) => {
        if (typeof key !== 'string') return undefined;
        if (key === 'getItem') return (name: string) => recorder(ctx, onSet, [...base, name]);
        // Methods on a format object are recorded like a property set to true.
        if (key === 'autofitColumns' || key === 'autofitRows') return () => ctx.enqueue(() => onSet([...base, key].join('.'), true));
        // Setter methods (pageLayout.setPrintTitleRows(...)) are recorded with their argument.
        if (/^set[A-Z]/.test(key)) return (value: unknown) => ctx.enqueue(() => onSet([...base, key].join('.'), value));
        return recorder(ctx, onSet, [...base, key]);
      },
      set: (_t, key, value) => {
        const path = [...base, String(key)].join('.');
        ctx.enqueue(() => onSet(path, value));
        return true;
      },
    },
  ) as Record<string, unknown>;
}

class FakeApplication extends Loadable {
  suspendApiCalculationUntilNextSync(): void {
    this.ctx.enqueue(() => (this.ctx.book.calcSuspensions += 1));
  }
  suspendScreenUpdatingUntilNextSync(): void {
    this.ctx.enqueue(() => (this.ctx.book.screenSuspensions += 1));
  }
  calculate(type: string): void {
    this.ctx.enqueue(() => {
      this.ctx.book.calculations.push(type);
      this.ctx.book.calculateAll();
    });
  }
  load(props: string): this {
    this.ctx.enqueue(() => {
      for (const p of splitLoad(props)) {
        if (p !== 'calculationMode') throw new FakeError('InvalidArgument', `fake cannot load application ${p}`);
        const mode = this.ctx.book.calculationMode;
        this.ctx.respond(mode, () => this.loaded.set('calculationMode', mode));
      }
    });
    return this;
  }
  get calculationMode(): string {
    return this.get_('calculationMode') as string;
  }
}

class FakeWorkbookProxy {
  tables: FakeTableCollection;
  worksheets: FakeWorksheetCollection;
  names: FakeWorkbookNameCollection;
  application: FakeApplication;
  constructor(private ctx: FakeContext) {
    this.tables = new FakeTableCollection(ctx, () => ctx.book.tables);
    this.worksheets = new FakeWorksheetCollection(ctx);
    this.names = new FakeWorkbookNameCollection(ctx);
    this.application = new FakeApplication(ctx);
  }
  /** ExcelApi 1.7; fails while another workbook window is active (issue 5319). */
  getActiveCell(): FakeRange {
    return new FakeRange(this.ctx, () => {
      if (!this.ctx.book.activeWindow) throw new FakeError('InvalidSelection', 'The current selection is invalid for this operation.');
      const sheet = this.ctx.book.sheets.find((x) => x.active) ?? this.ctx.book.sheets[0];
      return { sheet, r: 0, c: 0, h: 1, w: 1 };
    });
  }
}

/** Workbook-level names (ExcelApi 1.4 add/delete, 1.7 formula). */
class FakeWorkbookNameCollection extends Loadable {
  private _items: FakeNamedItem[] | null = null;
  private store: NameStore;
  constructor(ctx: FakeContext) {
    super(ctx);
    this.store = bookNameStore(ctx.book);
  }
  get items(): FakeNamedItem[] {
    if (!this._items) throw new FakeError('PropertyNotLoaded', 'names.items not loaded');
    return this._items;
  }
  load(_props: string): this {
    this.ctx.enqueue(() => {
      const list = this.store.list();
      this._items = list.map((n) => {
        const item = new FakeNamedItem(this.ctx, n.name, this.store);
        item.setLoaded(n.formula);
        return item;
      });
      this.ctx.respond(list, () => undefined);
    });
    return this;
  }
  add(name: string, reference: string | FakeRange, comment?: string): FakeNamedItem {
    this.ctx.enqueue(() => {
      // Adding a name while another workbook window is active fails (issue 2078).
      if (!this.ctx.book.activeWindow) throw new FakeError('ItemNotFound', "The requested resource doesn't exist.");
      addName(this.store, name, reference, comment);
    });
    return new FakeNamedItem(this.ctx, name, this.store);
  }
  getItem(name: string): FakeNamedItem {
    return getNamedItem(this.ctx, this.store, name);
  }
}

class FakeWorksheetCollection extends Loadable {
  private _items: FakeWorksheet[] | null = null;
  get items(): FakeWorksheet[] {
    if (!this._items) throw new FakeError('PropertyNotLoaded', 'worksheets.items not loaded');
    return this._items;
  }
  load(props: string): this {
    const list = splitLoad(props);
    this.ctx.enqueue(() => {
      this._items = this.ctx.book.sheets.map((s) => {
        const ws = new FakeWorksheet(this.ctx, () => s);
        ws.resolve();
        ws.fill(list);
        return ws;
      });
      // Counted in the response (names, marks and table names), applied at once: the list is small.
      this.ctx.respond(
        this.ctx.book.sheets.map((s) => [s.name, [...s.names.keys()], s.tables.map((t) => t.name)]),
        () => undefined,
      );
    });
    return this;
  }
  getItem(name: string): FakeWorksheet {
    const ws = new FakeWorksheet(
      this.ctx,
      () => {
        const s = this.ctx.book.sheet(name);
        if (!s) throw new FakeError('ItemNotFound', `worksheet ${name} not found`);
        return s;
      },
      true,
    );
    this.ctx.enqueue(() => ws.resolve());
    return ws;
  }
  add(name: string): FakeWorksheet {
    let created: FakeSheet | null = null;
    const ws = new FakeWorksheet(this.ctx, () => created!);
    this.ctx.enqueue(() => {
      this.ctx.fail('addSheet', name);
      // Adding a sheet while another workbook window is active fails on some builds (issue 771).
      if (!this.ctx.book.activeWindow) throw new FakeError('GeneralException', 'There was an internal error while processing the request.');
      if (this.ctx.book.sheet(name)) throw new FakeError('ItemAlreadyExists', `sheet ${name} exists`);
      if (name.length > 31 || /[[\]:*?/\\]/.test(name)) throw new FakeError('InvalidArgument', `bad sheet name ${name}`);
      created = this.ctx.book.addSheet(name);
      ws.resolve();
    });
    return ws;
  }
}

class FakeWorksheet extends Loadable {
  private bound: FakeSheet | null = null;
  /** The sync in which a by-name proxy was bound (it is looked up by name again in a later one). */
  private boundInSync = -1;
  names: FakeNamedItemCollection;
  tables: FakeTableCollection;
  freezePanes: { freezeAt(r: FakeRange): void; freezeRows(n: number): void; freezeColumns(n: number): void };
  pageLayout: Record<string, unknown>;
  constructor(
    ctx: FakeContext,
    private resolver: () => FakeSheet,
    private byName = false,
  ) {
    super(ctx);
    this.names = new FakeNamedItemCollection(ctx, () => this.resolve());
    this.tables = new FakeTableCollection(ctx, () => this.resolve().tables);
    const freeze = (f: () => { rows: number; columns: number }) =>
      ctx.enqueue(() => {
        ctx.fail('freeze', this.resolve().name);
        this.resolve().freeze = f();
      });
    this.freezePanes = {
      freezeAt: (r) => freeze(() => ({ rows: r.rowCountNow(), columns: r.colCountNow() })),
      freezeRows: (n) => freeze(() => ({ rows: n, columns: 0 })),
      freezeColumns: (n) => freeze(() => ({ rows: 0, columns: n })),
    };
    this.pageLayout = recorder(ctx, (path, value) => {
      ctx.fail('print', this.resolve().name);
      this.resolve().layout[path] = value;
    });
  }
  resolve(): FakeSheet {
    if (!this.bound || (this.byName && this.boundInSync !== this.ctx.book.syncs)) {
      this.bound = this.resolver();
      this.boundInSync = this.ctx.book.syncs;
    }
    if (this.bound.deleted) throw new FakeError('InvalidObjectPath', `sheet ${this.bound.name} was deleted`);
    return this.bound;
  }
  fill(props: string[]): void {
    const s = this.resolve();
    for (const p of props) {
      if (p === 'name') this.loaded.set('name', s.name);
      else if (p === 'visibility') this.loaded.set('visibility', s.visibility);
      else if (p === 'names/name' || p === 'names/formula') this.names.fillItems();
      else if (p === 'tables/name') this.tables.fillItems(['name']);
      else throw new FakeError('InvalidArgument', `fake cannot load worksheet ${p}`);
    }
  }
  get name(): string {
    return this.get_('name') as string;
  }
  get visibility(): string {
    return this.get_('visibility') as string;
  }
  set name(value: string) {
    this.ctx.enqueue(() => {
      const s = this.resolve();
      this.ctx.fail('renameSheet', s.name);
      const other = this.ctx.book.sheet(value);
      if (other && other !== s) throw new FakeError('ItemAlreadyExists', `sheet ${value} exists`);
      if (value.length > 31 || /[[\]:*?/\\]/.test(value)) throw new FakeError('InvalidArgument', `bad sheet name ${value}`);
      if (this.ctx.book.platform === 'web' && s.active) this.ctx.book.dialogs.push(`Invalid sheet: ${s.name}`);
      const old = s.name;
      s.name = value;
      this.ctx.book.renameRefs(old, value);
    });
  }
  set tabColor(value: string) {
    this.ctx.enqueue(() => {
      this.ctx.fail('tabColor', this.resolve().name);
      this.resolve().tabColor = value;
    });
  }
  getRange(address: string): FakeRange {
    const a = parseA1(address);
    return this.getRangeByIndexes(a.r0, a.c0, a.r1 - a.r0 + 1, a.c1 - a.c0 + 1);
  }
  getRangeByIndexes(r: number, c: number, h: number, w: number): FakeRange {
    return new FakeRange(this.ctx, () => ({ sheet: this.resolve(), r, c, h, w }));
  }
  getUsedRangeOrNullObject(): FakeRange {
    return new FakeRange(this.ctx, () => {
      const s = this.resolve();
      if (s.cells.size === 0) return null;
      let r0 = Infinity;
      let c0 = Infinity;
      let r1 = -1;
      let c1 = -1;
      for (const k of s.cells.keys()) {
        const [r, c] = k.split(',').map(Number);
        r0 = Math.min(r0, r);
        c0 = Math.min(c0, c);
        r1 = Math.max(r1, r);
        c1 = Math.max(c1, c);
      }
      return { sheet: s, r: r0, c: c0, h: r1 - r0 + 1, w: c1 - c0 + 1 };
    });
  }
  delete(): void {
    this.ctx.enqueue(() => {
      const s = this.resolve();
      this.ctx.fail('deleteSheet', s.name);
      // Deleting a sheet while another workbook window is active fails on some builds (issue 771).
      if (!this.ctx.book.activeWindow) throw new FakeError('GeneralException', 'There was an internal error while processing the request.');
      s.deleted = true;
      for (const t of s.tables) t.deleted = true;
      this.ctx.book.sheets = this.ctx.book.sheets.filter((x) => x !== s);
      this.ctx.book.breakRefs(s.name);
    });
  }
  activate(): void {
    this.ctx.enqueue(() => {
      const s = this.resolve();
      if (s.visibility !== 'Visible') throw new FakeError('InvalidOperation', `sheet ${s.name} is hidden`);
      for (const x of this.ctx.book.sheets) x.active = x === s;
    });
  }
}

/** Where a name lives: a sheet's scoped names or the workbook's. */
interface NameStore {
  get(name: string): string | undefined;
  set(name: string, formula: string, comment?: string): void;
  delete(name: string): void;
  list(): { name: string; formula: string }[];
}

function sheetNameStore(sheet: () => FakeSheet, ctx: FakeContext): NameStore {
  // Worksheet-scoped names cannot be reached while another workbook window is active (issue 6365).
  const s = () => {
    if (!ctx.book.activeWindow) throw new FakeError('InvalidSelection', 'The current selection is invalid for this operation.');
    return sheet();
  };
  return {
    get: (n) => s().names.get(n.toUpperCase()),
    set: (n, f) => s().names.set(n.toUpperCase(), f),
    delete: (n) => s().names.delete(n.toUpperCase()),
    list: () => [...s().names.entries()].map(([name, formula]) => ({ name, formula })),
  };
}

function bookNameStore(book: FakeWorkbook): NameStore {
  return {
    get: (n) => book.names.get(n.toUpperCase())?.formula,
    set: (n, f, comment) => {
      const old = book.names.get(n.toUpperCase());
      book.names.set(n.toUpperCase(), { name: old?.name ?? n, formula: f, comment: comment ?? old?.comment ?? '' });
    },
    delete: (n) => book.names.delete(n.toUpperCase()),
    list: () => [...book.names.values()].map((x) => ({ name: x.name, formula: x.formula })),
  };
}

class FakeNamedItem extends Loadable {
  constructor(
    ctx: FakeContext,
    public readonly itemName: string,
    private store: NameStore,
  ) {
    super(ctx);
  }
  setLoaded(formula?: string): void {
    this.loaded.set('name', this.itemName);
    if (formula !== undefined) this.loaded.set('formula', formula);
  }
  get name(): string {
    return this.get_('name') as string;
  }
  get formula(): string {
    return this.get_('formula') as string;
  }
  /** ExcelApi 1.7: points the name elsewhere. */
  set formula(value: string) {
    this.ctx.enqueue(() => {
      if (this.store.get(this.itemName) === undefined) throw new FakeError('ItemNotFound', `name ${this.itemName} not found`);
      this.store.set(this.itemName, value);
    });
  }
  delete(): void {
    this.ctx.enqueue(() => {
      if (this.store.get(this.itemName) === undefined) throw new FakeError('ItemNotFound', `name ${this.itemName} not found`);
      this.store.delete(this.itemName);
    });
  }
  load(_props?: string): this {
    this.ctx.enqueue(() => {
      const f = this.store.get(this.itemName);
      if (f === undefined) throw new FakeError('ItemNotFound', `name ${this.itemName} not found`);
      this.setLoaded(f);
    });
    return this;
  }
}

class FakeNamedItemCollection extends Loadable {
  private _items: FakeNamedItem[] | null = null;
  private store: NameStore;
  constructor(ctx: FakeContext, sheet: () => FakeSheet) {
    super(ctx);
    this.store = sheetNameStore(sheet, ctx);
  }
  get items(): FakeNamedItem[] {
    if (!this._items) throw new FakeError('PropertyNotLoaded', 'names.items not loaded');
    return this._items;
  }
  fillItems(): void {
    this._items = this.store.list().map((n) => {
      const item = new FakeNamedItem(this.ctx, n.name, this.store);
      item.setLoaded(n.formula);
      return item;
    });
  }
  add(name: string, reference: string | FakeRange): FakeNamedItem {
    this.ctx.enqueue(() => {
      addName(this.store, name, reference);
    });
    return new FakeNamedItem(this.ctx, name, this.store);
  }
  getItem(name: string): FakeNamedItem {
    return getNamedItem(this.ctx, this.store, name);
  }
}

/** names.add as Excel checks it (a workbook's or a sheet's names alike): a new, valid name. */
function addName(store: NameStore, name: string, reference: string | FakeRange, comment?: string): void {
  if (store.get(name) !== undefined) throw new FakeError('ItemAlreadyExists', `name ${name} exists`);
  if (!/^[A-Za-z_\\][A-Za-z0-9_.]*$/.test(name)) throw new FakeError('InvalidArgument', `bad name ${name}`);
  store.set(name, typeof reference === 'string' ? reference : reference.describe(), comment);
}

/** names.getItem: the proxy at once, ItemNotFound at the sync when there is no such name. */
function getNamedItem(ctx: FakeContext, store: NameStore, name: string): FakeNamedItem {
  const item = new FakeNamedItem(ctx, name, store);
  ctx.enqueue(() => {
    if (store.get(name) === undefined) throw new FakeError('ItemNotFound', `name ${name} not found`);
  });
  return item;
}

class FakeTableCollection extends Loadable {
  private _items: FakeTableProxy[] | null = null;
  constructor(
    ctx: FakeContext,
    private list: () => FakeTable[],
  ) {
    super(ctx);
  }
  get items(): FakeTableProxy[] {
    if (!this._items) throw new FakeError('PropertyNotLoaded', 'tables.items not loaded');
    return this._items;
  }
  fillItems(props: string[]): void {
    this._items = this.list().map((t) => {
      const p = new FakeTableProxy(this.ctx, () => t);
      p.fill(props);
      return p;
    });
  }
  load(props: string): this {
    const list = splitLoad(props);
    this.ctx.enqueue(() => {
      this.fillItems(list);
      this.ctx.respond(
        this.list().map((t) => [t.name, t.showTotals, t.sheet.name]),
        () => undefined,
      );
    });
    return this;
  }
  getItem(name: string): FakeTableProxy {
    const p = new FakeTableProxy(
      this.ctx,
      () => {
        const t = this.list().find((x) => x.name.toLowerCase() === name.toLowerCase());
        if (!t) throw new FakeError('ItemNotFound', `table ${name} not found`);
        return t;
      },
      true,
    );
    this.ctx.enqueue(() => p.resolve());
    return p;
  }
  add(range: FakeRange, hasHeaders: boolean): FakeTableProxy {
    let created: FakeTable | null = null;
    const p = new FakeTableProxy(this.ctx, () => created!);
    this.ctx.enqueue(() => {
      const { sheet, r, c, h, w } = range.rect();
      this.ctx.fail('addTable', sheet.name);
      if (!hasHeaders) throw new FakeError('InvalidArgument', 'fake supports tables with headers only');
      for (const t of sheet.tables) {
        const overlap = r <= t.r0 + t.rows - 1 && t.r0 <= r + h - 1 && c <= t.c0 + t.cols - 1 && t.c0 <= c + w - 1;
        if (overlap) throw new FakeError('InvalidOperation', 'tables overlap');
      }
      const book = this.ctx.book;
      created = book.addTable(sheet, book.newTableName(), r, c, h, w);
      const seen = new Set<string>();
      for (let i = 0; i < w; i++) {
        const cell = sheet.cell(r, c + i);
        let text = cell ? String(cell.value ?? '') : '';
        if (text === '' || seen.has(text.toLowerCase())) text = `Column${i + 1}`;
        seen.add(text.toLowerCase());
        sheet.cells.set(`${r},${c + i}`, { value: text, format: cell?.format ?? 'General' });
      }
      p.resolve();
    });
    return p;
  }
}

class FakeTableProxy extends Loadable {
  private bound: FakeTable | null = null;
  private boundInSync = -1;
  columns: { load(p: string): void; items: { name: string }[] };
  constructor(
    ctx: FakeContext,
    private resolver: () => FakeTable,
    private byName = false,
  ) {
    super(ctx);
    let items: { name: string }[] | null = null;
    this.columns = {
      load: () =>
        ctx.enqueue(() => {
          items = this.resolve().headers.map((name) => ({ name }));
          ctx.respond(items, () => undefined);
        }),
      get items() {
        if (!items) throw new FakeError('PropertyNotLoaded', 'columns.items not loaded');
        return items;
      },
    };
  }
  resolve(): FakeTable {
    if (!this.bound || (this.byName && this.boundInSync !== this.ctx.book.syncs)) {
      this.bound = this.resolver();
      this.boundInSync = this.ctx.book.syncs;
    }
    return this.bound;
  }
  fill(props: string[]): void {
    const t = this.resolve();
    for (const p of props) {
      if (p === 'name') this.loaded.set('name', t.name);
      else if (p === 'showTotals') this.loaded.set('showTotals', t.showTotals);
      else if (p === 'worksheet/name') this.loaded.set('worksheet', { name: t.sheet.name });
      else throw new FakeError('InvalidArgument', `fake cannot load table ${p}`);
    }
  }
  get name(): string {
    return this.get_('name') as string;
  }
  set name(value: string) {
    this.ctx.enqueue(() => {
      const t = this.resolve();
      const other = this.ctx.book.table(value);
      if (other && other !== t) throw new FakeError('InvalidArgument', `table name ${value} is taken`);
      if (!/^[A-Za-z_\\][A-Za-z0-9_.]*$/.test(value)) throw new FakeError('InvalidArgument', `bad table name ${value}`);
      t.name = value;
    });
  }
  get showTotals(): boolean {
    return this.get_('showTotals') as boolean;
  }
  get worksheet(): { name: string } {
    return this.get_('worksheet') as { name: string };
  }
  getDataBodyRange(): FakeRange {
    return new FakeRange(this.ctx, () => {
      const t = this.resolve();
      return { sheet: t.sheet, r: t.r0 + 1, c: t.c0, h: t.rows - 1 - (t.showTotals ? 1 : 0), w: t.cols };
    });
  }
  getRange(): FakeRange {
    return new FakeRange(this.ctx, () => {
      const t = this.resolve();
      return { sheet: t.sheet, r: t.r0, c: t.c0, h: t.rows, w: t.cols };
    });
  }
  getHeaderRowRange(): FakeRange {
    return new FakeRange(this.ctx, () => {
      const t = this.resolve();
      return { sheet: t.sheet, r: t.r0, c: t.c0, h: 1, w: t.cols };
    });
  }
  /** Rows of the table: add() appends rows below the last data row (the table grows). */
  get rows(): { add(index: number | null | undefined, values: unknown[][]): { getRange(): FakeRange } } {
    return {
      add: (index, values) => {
        let rect: Rect | null = null;
        const row = new FakeRange(this.ctx, () => rect!);
        this.ctx.enqueue(() => {
          const t = this.resolve();
          if (index !== null && index !== undefined) throw new FakeError('InvalidArgument', 'fake appends rows only');
          const r = t.r0 + t.rows - (t.showTotals ? 1 : 0);
          t.rows += values.length;
          rect = { sheet: t.sheet, r, c: t.c0, h: values.length, w: t.cols };
          values.forEach((v, i) => v.forEach((x, j) => t.sheet.put(r + i, t.c0 + j, x as Scalar)));
        });
        return { getRange: () => row };
      },
    };
  }
}

interface Rect {
  sheet: FakeSheet;
  r: number;
  c: number;
  h: number;
  w: number;
}

/** Reads typed input the way Excel does for a cell with the given number format. */
export function typedInput(input: unknown, format: string, book: FakeWorkbook): Omit<FakeCell, 'format'> | null {
  if (input === '' || input === null || input === undefined) return null;
  if (typeof input === 'number' || typeof input === 'boolean') return { value: input };
  const s = String(input);
  if (format === '@') return { value: s };
  if (/^[+-]?\d+(\.\d+)?([eE][+-]?\d+)?$/.test(s.trim())) return { value: Number(s) };
  if (/^(true|false)$/i.test(s.trim())) return { value: s.trim().toLowerCase() === 'true' };
  if (/^[=+\-@]/.test(s)) {
    const formula = s.startsWith('=') ? s : `=${s}`;
    return { value: 0, formula, refs: bindRefs(formula, book) };
  }
  return { value: s };
}

/** The sheets and tables a formula names, bound now (as Excel does when the formula is entered). */
function bindRefs(formula: string, book: FakeWorkbook): FakeCell['refs'] {
  const noStrings = formula.replace(/"(?:[^"]|"")*"/g, '""');
  const sheets: (FakeSheet | null)[] = [];
  for (const m of noStrings.matchAll(/(?:'((?:[^']|'')+)'|([\p{L}_][\p{L}\p{N}_.]*))!/gu)) {
    const name = (m[1] ?? m[2]).replace(/''/g, "'");
    sheets.push(book.sheet(name) ?? null);
  }
  const tables: (FakeTable | null)[] = [];
  for (const m of noStrings.replace(/'[^']*'!/g, '').matchAll(/([\p{L}_][\p{L}\p{N}_.]*)\[/gu)) tables.push(book.table(m[1]) ?? null);
  return { sheets, tables };
}

export class FakeRange extends Loadable {
  private bound: Rect | null | undefined;
  format: Record<string, unknown>;
  constructor(
    ctx: FakeContext,
    private resolver: () => Rect | null,
  ) {
    super(ctx);
    this.format = recorder(ctx, (path, value) => {
      const { sheet, r, c, h, w } = this.rect();
      sheet.formats.push({ address: rectAddress(r, c, h, w), path, value });
    });
  }
  private resolveMaybe(): Rect | null {
    if (this.bound === undefined) this.bound = this.resolver();
    return this.bound;
  }
  rect(): Rect {
    const r = this.resolveMaybe();
    if (!r) throw new FakeError('InvalidObjectPath', 'null range');
    if (r.sheet.deleted) throw new FakeError('InvalidObjectPath', 'sheet deleted');
    return r;
  }
  /** "=Sheet!$A$1" style reference, resolved now. */
  describe(): string {
    const { sheet, r, c, h, w } = this.rect();
    return `=${quoteSheet(sheet.name)}!${rectAddress(r, c, h, w).replace(/([A-Z]+)(\d+)/g, '$$$1$$$2')}`;
  }
  rowCountNow(): number {
    return this.rect().h;
  }
  colCountNow(): number {
    return this.rect().w;
  }
  load(props: string): this {
    const list = splitLoad(props);
    this.ctx.enqueue(() => {
      const rect = this.resolveMaybe();
      this.loaded.set('isNullObject', rect === null);
      if (!rect) return;
      const { sheet, r, c, h, w } = rect;
      this.ctx.fail('read', sheet.name, list.join(','));
      const grid = <T>(f: (cell: FakeCell | undefined) => T) =>
        Array.from({ length: h }, (_, i) => Array.from({ length: w }, (__, j) => f(sheet.cell(r + i, c + j))));
      const valueOf = (cell: FakeCell | undefined): Scalar => {
        if (!cell) return '';
        if (typeof cell.value === 'object' && cell.value !== null) return cell.value.error;
        return cell.value;
      };
      const set = (prop: string, value: unknown) => this.ctx.respond(value, () => this.loaded.set(prop, value));
      const book = this.ctx.book;
      for (const p of list) {
        if (p === 'values') {
          set(p, grid(valueOf));
          for (let i = 0; i < h; i++) for (let j = 0; j < w; j++) if (sheet.cell(r + i, c + j)?.dirty) book.staleReads += 1;
        } else if (p === 'text')
          set(
            p,
            grid((cell) => textOf(cell, book.date1904)),
          );
        else if (p === 'columnHidden') {
          const hidden = Array.from({ length: w }, (_, j) => sheet.hiddenColumns.has(c + j));
          set(p, hidden.every(Boolean) ? true : hidden.some(Boolean) ? null : false);
        } else if (p === 'formulas')
          set(
            p,
            grid((cell) => cell?.formula ?? valueOf(cell)),
          );
        else if (p === 'numberFormat')
          set(
            p,
            grid((cell) => cell?.format ?? 'General'),
          );
        else if (p === 'valueTypes')
          set(
            p,
            grid((cell) => {
              if (!cell) return 'Empty';
              const v = cell.value;
              if (typeof v === 'object' && v !== null) return 'Error';
              return typeof v === 'number' ? 'Double' : typeof v === 'boolean' ? 'Boolean' : 'String';
            }),
          );
        else if (p === 'rowIndex') set(p, r);
        else if (p === 'columnIndex') set(p, c);
        else if (p === 'rowCount') set(p, h);
        else if (p === 'columnCount') set(p, w);
        else if (p === 'address') set(p, `${quoteSheet(sheet.name)}!${rectAddress(r, c, h, w)}`);
        else throw new FakeError('InvalidArgument', `fake cannot load range ${p}`);
      }
    });
    return this;
  }
  get isNullObject(): boolean {
    return this.get_('isNullObject') as boolean;
  }
  get values(): Scalar[][] {
    return this.get_('values') as Scalar[][];
  }
  get formulas(): Scalar[][] {
    return this.get_('formulas') as Scalar[][];
  }
  get numberFormat(): string[][] {
    return this.get_('numberFormat') as string[][];
  }
  get valueTypes(): string[][] {
    return this.get_('valueTypes') as string[][];
  }
  get rowIndex(): number {
    return this.get_('rowIndex') as number;
  }
  get columnIndex(): number {
    return this.get_('columnIndex') as number;
  }
  get rowCount(): number {
    return this.get_('rowCount') as number;
  }
  get columnCount(): number {
    return this.get_('columnCount') as number;
  }
  get address(): string {
    return this.get_('address') as string;
  }
  get text(): string[][] {
    return this.get_('text') as string[][];
  }
  get columnHidden(): boolean | null {
    return this.get_('columnHidden') as boolean | null;
  }
  private write(prop: WriteRecord['prop'], grid: unknown[][]): void {
    const bytes = JSON.stringify(grid).length + 100;
    this.ctx.enqueue(() => {
      const { sheet, r, c, h, w } = this.rect();
      this.ctx.fail('write', sheet.name, prop);
      if (grid.length !== h || grid.some((row) => row.length !== w))
        throw new FakeError('InvalidArgument', `${prop}: array is not ${h}x${w}`);
      this.ctx.book.writes.push({ sheet: sheet.name, prop, address: rectAddress(r, c, h, w), rows: h, cols: w });
      grid.forEach((row, i) =>
        row.forEach((input, j) => {
          const key = `${r + i},${c + j}`;
          const old = sheet.cells.get(key);
          if (prop === 'numberFormat') {
            if (old) old.format = String(input);
            else sheet.cells.set(key, { value: null, format: String(input) });
            return;
          }
          const format = old?.format ?? 'General';
          const parsed = typedInput(input, format, this.ctx.book);
          if (parsed) sheet.cells.set(key, { ...parsed, format, ...(parsed.formula !== undefined ? { dirty: true } : {}) });
          else if (old && format !== 'General') sheet.cells.set(key, { value: null, format });
          else sheet.cells.delete(key);
        }),
      );
      if (prop !== 'numberFormat' && this.ctx.book.autoFillTableFormulas) fillCalculatedColumns(sheet, r, c, h, w);
    }, bytes);
  }
  set values(grid: unknown[][]) {
    this.write('values', grid);
  }
  set formulas(grid: unknown[][]) {
    this.write('formulas', grid);
  }
  set numberFormat(grid: unknown[][]) {
    this.write('numberFormat', grid);
  }
  select(): void {
    this.ctx.enqueue(() => {
      const { sheet, r, c, h, w } = this.rect();
      this.ctx.book.selection = `${sheet.name}!${rectAddress(r, c, h, w)}`;
    });
  }
  getCell(i: number, j: number): FakeRange {
    return new FakeRange(this.ctx, () => {
      const { sheet, r, c } = this.rect();
      return { sheet, r: r + i, c: c + j, h: 1, w: 1 };
    });
  }
  /** Used by office.js itself when it slices a large write. */
  getRow(i: number): FakeRange {
    return new FakeRange(this.ctx, () => {
      const { sheet, r, c, w } = this.rect();
      return { sheet, r: r + i, c, h: 1, w };
    });
  }
  getBoundingRect(other: FakeRange): FakeRange {
    return new FakeRange(this.ctx, () => {
      const a = this.rect();
      const b = other.rect();
      const r = Math.min(a.r, b.r);
      const c = Math.min(a.c, b.c);
      return { sheet: a.sheet, r, c, h: Math.max(a.r + a.h, b.r + b.h) - r, w: Math.max(a.c + a.w, b.c + b.w) - c };
    });
  }
  getColumn(i: number): FakeRange {
    return new FakeRange(this.ctx, () => {
      const { sheet, r, c, h } = this.rect();
      return { sheet, r, c: c + i, h, w: 1 };
    });
  }
  /** ExcelApi 1.2: the same top-left corner, `dr` more rows and `dc` more columns. */
  getResizedRange(dr: number, dc: number): FakeRange {
    return new FakeRange(this.ctx, () => {
      const { sheet, r, c, h, w } = this.rect();
      if (h + dr < 1 || w + dc < 1) throw new FakeError('InvalidArgument', 'resized range is empty');
      return { sheet, r, c, h: h + dr, w: w + dc };
    });
  }
  getVisibleView(): { load(p: string): unknown; cellAddresses: string[][] } {
    let addresses: string[][] | null = null;
    const ctx = this.ctx;
    const view = {
      load: () => {
        ctx.enqueue(() => {
          const { sheet, r, c, h, w } = this.rect();
          const found: string[][] = [];
          // Visible cells only: hidden rows and hidden columns are left out (a row of hidden cells is no row at all).
          const columns = Array.from({ length: w }, (_, j) => c + j).filter((col) => !sheet.hiddenColumns.has(col));
          for (let i = 0; i < h; i++) {
            if (sheet.hiddenRows.has(r + i) || columns.length === 0) continue;
            found.push(columns.map((col) => `${quoteSheet(sheet.name)}!${addr(r + i, col)}`));
          }
          ctx.respond(found, () => (addresses = found));
        });
        return view;
      },
      get cellAddresses() {
        if (!addresses) throw new FakeError('PropertyNotLoaded', 'cellAddresses not loaded');
        return addresses;
      },
    };
    return view;
  }
  getMergedAreasOrNullObject(): { load(p: string): void; isNullObject: boolean; areas: { items: { address: string }[] } } {
    let result: string[] | null | undefined;
    const ctx = this.ctx;
    return {
      load: () =>
        ctx.enqueue(() => {
          const { sheet, r, c, h, w } = this.rect();
          const hits = sheet.merged.filter((m) => {
            const x = parseA1(m);
            return x.r0 <= r + h - 1 && r <= x.r1 && x.c0 <= c + w - 1 && c <= x.c1;
          });
          result = hits.length ? hits.map((m) => `${quoteSheet(sheet.name)}!${m}`) : null;
        }),
      get isNullObject() {
        if (result === undefined) throw new FakeError('PropertyNotLoaded', 'isNullObject not loaded');
        return result === null;
      },
      get areas() {
        if (!result) throw new FakeError('PropertyNotLoaded', 'areas not loaded');
        return { items: result.map((address) => ({ address })) };
      },
    };
  }
}

/**
 * AutoCorrect's "fill formulas in tables to create calculated columns", as applied to API writes
 * (issues 2093, 5909, 6745: by design): formulas written into a table column whose other data
 * cells are empty make it a calculated column, one formula in every row; the bottom-most written
 * one wins (issue 6745: "all values in that column would become" the last one; 5909: first or last).
 */
function fillCalculatedColumns(sheet: FakeSheet, r: number, c: number, h: number, w: number): void {
  for (const t of sheet.tables) {
    if (t.deleted) continue;
    const top = t.r0 + 1;
    const bottom = t.r0 + t.rows - 1 - (t.showTotals ? 1 : 0);
    for (let col = Math.max(c, t.c0); col <= Math.min(c + w - 1, t.c0 + t.cols - 1); col++) {
      let last: { row: number; formula: string } | null = null;
      for (let row = Math.max(r, top); row <= Math.min(r + h - 1, bottom); row++) {
        const f = sheet.cell(row, col)?.formula;
        if (f !== undefined) last = { row, formula: f };
      }
      if (!last) continue;
      // Only a column of formulas (and empty cells) turns into a calculated column; a constant anywhere
      // in it, written now or before, keeps it as it is (what Excel does with mixed columns is not
      // documented, so the fake does not claim it).
      let onlyFormulas = true;
      for (let row = top; row <= bottom && onlyFormulas; row++) {
        const v = sheet.cell(row, col);
        if (v && v.formula === undefined && v.value !== null && v.value !== '') onlyFormulas = false;
      }
      // Formulas already in the column outside this write are the user's or an earlier write's: a
      // formula that differs from them is an exception Excel keeps, not a new calculated column.
      for (let row = top; row <= bottom && onlyFormulas; row++) {
        if (row >= r && row <= r + h - 1) continue;
        if (sheet.cell(row, col)?.formula !== undefined) onlyFormulas = false;
      }
      if (!onlyFormulas) continue;
      const refs = sheet.cell(last.row, col)?.refs;
      for (let row = top; row <= bottom; row++) {
        const formula = shiftRows(last.formula, row - last.row);
        const format = sheet.cell(row, col)?.format ?? 'General';
        sheet.cells.set(`${row},${col}`, { value: 0, formula, format, dirty: true, refs });
      }
    }
  }
}

/** A cell's text as Excel shows it: dates in their format and the workbook's date system, else the value. */
function textOf(cell: FakeCell | undefined, date1904: boolean): string {
  if (!cell) return '';
  const v = cell.value;
  if (typeof v === 'object' && v !== null) return v.error;
  if (typeof v === 'number' && /[dy]/i.test(cell.format.replace(/"[^"]*"|\[[^\]]*\]/g, ''))) {
    const days = Math.floor(v) + (date1904 ? 1462 : 0) - EXCEL_EPOCH_OFFSET;
    const d = new Date(days * 86_400_000);
    const parts: Record<string, string> = {
      yyyy: String(d.getUTCFullYear()),
      yy: String(d.getUTCFullYear() % 100).padStart(2, '0'),
      mm: String(d.getUTCMonth() + 1).padStart(2, '0'),
      m: String(d.getUTCMonth() + 1),
      dd: String(d.getUTCDate()).padStart(2, '0'),
      d: String(d.getUTCDate()),
    };
    return cell.format.replace(/yyyy|yy|mm|m|dd|d/gi, (t) => parts[t.toLowerCase()]);
  }
  return v === null ? '' : String(v);
}

const serial = (d: Date) => d.getTime() / 86_400_000 + EXCEL_EPOCH_OFFSET;

/** The input tables in a fake Excel workbook, laid out where the RawWorkbook says they are. */
export function fakeFromRaw(raw: RawWorkbook): FakeWorkbook {
  const book = new FakeWorkbook();
  for (const name of raw.sheetNames) book.addSheet(name);
  for (const t of raw.tables) {
    const sheet = book.sheet(t.sheet) ?? book.addSheet(t.sheet);
    const r0 = t.headerRow - 1;
    const c0 = t.firstColumn - 1;
    t.headers.forEach((h, j) => sheet.put(r0, c0 + j, h));
    t.rows.forEach((row, i) =>
      row.forEach((cell, j) => {
        const r = r0 + 1 + i;
        const c = c0 + j;
        const v = cell.value;
        const format = cell.numFmt ?? 'General';
        if (v instanceof Date) sheet.put(r, c, serial(v), cell.numFmt ?? 'd.m.yyyy');
        else if (v !== null && typeof v === 'object') sheet.cells.set(`${r},${c}`, { value: { error: v.error }, format });
        else sheet.put(r, c, v, format);
      }),
    );
    for (const h of t.hiddenRows ?? []) sheet.hiddenRows.add(r0 + 1 + h);
    for (const m of t.mergedRanges ?? []) sheet.merged.push(m);
    book.addTable(sheet, t.name, r0, c0, t.rows.length + 1, t.headers.length);
  }
  return book;
}
