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
const rectAddress = (r: number, c: number, h: number, w: number) => (h === 1 && w === 1 ? addr(r, c) : `${addr(r, c)}:${addr(r + h - 1, c + w - 1)}`);
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
  private tableCounter = 0;

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
  /** An Excel.run replacement bound to this workbook. */
  run = <T>(batch: (ctx: Excel.RequestContext) => Promise<T>): Promise<T> => batch(this.context() as unknown as Excel.RequestContext);
}

type Action = { run: () => void; bytes: number };

export class FakeContext {
  queue: Action[] = [];
  /** Loaded data of the running sync, applied only if the whole response fits. */
  private staged: { bytes: number; commit: () => void }[] = [];
  workbook: FakeWorkbookProxy;
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
      throw new FakeError('ResponsePayloadSizeLimitExceeded', 'The response payload size has exceeded the limit.');
    }
    for (const x of staged) x.commit();
    this.book.afterSync?.(this.book.syncs);
  }
}

/** Base: properties loaded by sync, unreadable before. */
class Loadable {
  protected loaded = new Map<string, unknown>();
  constructor(protected ctx: FakeContext) {}
  protected get_(prop: string): never | unknown {
    if (!this.loaded.has(prop)) throw new FakeError('PropertyNotLoaded', `The property '${prop}' is not available. Load it and call context.sync() first.`);
    return this.loaded.get(prop);
  }
}

function splitLoad(props: string | string[]): string[] {
  const list = Array.isArray(props) ? props : props.split(',');
  return list.map((p) => p.trim().replace(/^items[/.]/i, '').replace(/[/.]items[/.]/gi, '/')).filter(Boolean);
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

class FakeWorkbookProxy {
  tables: FakeTableCollection;
  worksheets: FakeWorksheetCollection;
  application: { suspendApiCalculationUntilNextSync(): void; suspendScreenUpdatingUntilNextSync(): void };
  constructor(ctx: FakeContext) {
    this.tables = new FakeTableCollection(ctx, () => ctx.book.tables, null);
    this.worksheets = new FakeWorksheetCollection(ctx);
    this.application = {
      suspendApiCalculationUntilNextSync: () => ctx.enqueue(() => (ctx.book.calcSuspensions += 1)),
      suspendScreenUpdatingUntilNextSync: () => ctx.enqueue(() => (ctx.book.screenSuspensions += 1)),
    };
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
      this.ctx.respond(this.ctx.book.sheets.map((s) => [s.name, [...s.names.keys()], s.tables.map((t) => t.name)]), () => undefined);
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
    this.tables = new FakeTableCollection(ctx, () => this.resolve().tables, () => this.resolve());
    this.freezePanes = {
      freezeAt: (r) => ctx.enqueue(() => (this.resolve().freeze = { rows: r.rowCountNow(), columns: r.colCountNow() })),
      freezeRows: (n) => ctx.enqueue(() => (this.resolve().freeze = { rows: n, columns: 0 })),
      freezeColumns: (n) => ctx.enqueue(() => (this.resolve().freeze = { rows: 0, columns: n })),
    };
    this.pageLayout = recorder(ctx, (path, value) => (this.resolve().layout[path] = value));
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
      else if (p === 'names/name') this.names.fillItems();
      else if (p === 'tables/name') this.tables.fillItems(['name']);
      else throw new FakeError('InvalidArgument', `fake cannot load worksheet ${p}`);
    }
  }
  get name(): string {
    return this.get_('name') as string;
  }
  set name(value: string) {
    this.ctx.enqueue(() => {
      const s = this.resolve();
      this.ctx.fail('renameSheet', s.name);
      const other = this.ctx.book.sheet(value);
      if (other && other !== s) throw new FakeError('ItemAlreadyExists', `sheet ${value} exists`);
      if (value.length > 31 || /[[\]:*?/\\]/.test(value)) throw new FakeError('InvalidArgument', `bad sheet name ${value}`);
      s.name = value;
    });
  }
  set tabColor(value: string) {
    this.ctx.enqueue(() => (this.resolve().tabColor = value));
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
      s.deleted = true;
      for (const t of s.tables) t.deleted = true;
      this.ctx.book.sheets = this.ctx.book.sheets.filter((x) => x !== s);
    });
  }
  activate(): void {
    this.ctx.enqueue(() => {
      const s = this.resolve();
      for (const x of this.ctx.book.sheets) x.active = x === s;
    });
  }
}

class FakeNamedItem extends Loadable {
  constructor(
    ctx: FakeContext,
    public readonly itemName: string,
  ) {
    super(ctx);
  }
  setLoaded(): void {
    this.loaded.set('name', this.itemName);
  }
  get name(): string {
    return this.get_('name') as string;
  }
  load(_props: string): this {
    this.ctx.enqueue(() => this.setLoaded());
    return this;
  }
}

class FakeNamedItemCollection extends Loadable {
  private _items: FakeNamedItem[] | null = null;
  constructor(
    ctx: FakeContext,
    private sheet: () => FakeSheet,
  ) {
    super(ctx);
  }
  get items(): FakeNamedItem[] {
    if (!this._items) throw new FakeError('PropertyNotLoaded', 'names.items not loaded');
    return this._items;
  }
  fillItems(): void {
    this._items = [...this.sheet().names.keys()].map((n) => {
      const item = new FakeNamedItem(this.ctx, n);
      item.setLoaded();
      return item;
    });
  }
  add(name: string, reference: string | FakeRange): void {
    this.ctx.enqueue(() => {
      const s = this.sheet();
      if (s.names.has(name.toUpperCase())) throw new FakeError('ItemAlreadyExists', `name ${name} exists`);
      if (!/^[A-Za-z_\\][A-Za-z0-9_.]*$/.test(name)) throw new FakeError('InvalidArgument', `bad name ${name}`);
      s.names.set(name.toUpperCase(), typeof reference === 'string' ? reference : reference.describe());
    });
  }
  getItem(name: string): FakeNamedItem {
    const item = new FakeNamedItem(this.ctx, name);
    this.ctx.enqueue(() => {
      if (!this.sheet().names.has(name.toUpperCase())) throw new FakeError('ItemNotFound', `name ${name} not found`);
    });
    return item;
  }
}

class FakeTableCollection extends Loadable {
  private _items: FakeTableProxy[] | null = null;
  constructor(
    ctx: FakeContext,
    private list: () => FakeTable[],
    private sheet: (() => FakeSheet) | null,
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
      this.ctx.respond(this.list().map((t) => [t.name, t.showTotals, t.sheet.name]), () => undefined);
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
      const grid = <T>(f: (cell: FakeCell | undefined) => T) => Array.from({ length: h }, (_, i) => Array.from({ length: w }, (__, j) => f(sheet.cell(r + i, c + j))));
      const valueOf = (cell: FakeCell | undefined): Scalar => {
        if (!cell) return '';
        if (typeof cell.value === 'object' && cell.value !== null) return cell.value.error;
        return cell.value;
      };
      const set = (prop: string, value: unknown) => this.ctx.respond(value, () => this.loaded.set(prop, value));
      for (const p of list) {
        if (p === 'values') set(p, grid(valueOf));
        else if (p === 'formulas') set(p, grid((cell) => cell?.formula ?? valueOf(cell)));
        else if (p === 'numberFormat') set(p, grid((cell) => cell?.format ?? 'General'));
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
  private write(prop: WriteRecord['prop'], grid: unknown[][]): void {
    const bytes = JSON.stringify(grid).length + 100;
    this.ctx.enqueue(() => {
      const { sheet, r, c, h, w } = this.rect();
      this.ctx.fail('write', sheet.name, prop);
      if (grid.length !== h || grid.some((row) => row.length !== w)) throw new FakeError('InvalidArgument', `${prop}: array is not ${h}x${w}`);
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
          if (parsed) sheet.cells.set(key, { ...parsed, format });
          else if (old && format !== 'General') sheet.cells.set(key, { value: null, format });
          else sheet.cells.delete(key);
        }),
      );
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
  getVisibleView(): { load(p: string): void; cellAddresses: string[][] } {
    let addresses: string[][] | null = null;
    const ctx = this.ctx;
    return {
      load: () =>
        ctx.enqueue(() => {
          const { sheet, r, c, h, w } = this.rect();
          const found: string[][] = [];
          for (let i = 0; i < h; i++) {
            if (sheet.hiddenRows.has(r + i)) continue;
            found.push(Array.from({ length: w }, (_, j) => `${quoteSheet(sheet.name)}!${addr(r + i, c + j)}`));
          }
          ctx.respond(found, () => (addresses = found));
        }),
      get cellAddresses() {
        if (!addresses) throw new FakeError('PropertyNotLoaded', 'cellAddresses not loaded');
        return addresses;
      },
    };
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
