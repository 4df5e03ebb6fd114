/**
 * The write as a plan: every step replaceOutputs takes, as plain data, in order, with its request
 * bytes, packed into syncs under the payload limit. Pure (no office.js): test/adapters/officejs
 * checks the order and the packing without any Excel; writeSteps.ts turns each step into office.js
 * calls.
 *
 * Order: (1) re-check each own sheet inside the batch, (2) rename the old own sheets and their tables
 * aside, (3) add the new sheets under their final names with the owner mark, (4) each table's cells
 * (header and body), then the table over them, (5) the other cells: number formats then values and
 * formulas, split by rows only where a sync would pass the limit, (6) styles, (7) column widths,
 * freeze panes, print set-up, (8) delete the old sheets, show the first new one.
 *
 * Why a table's cells come before the table: Excel's AutoCorrect option "Fill formulas in tables to
 * create calculated columns" (on by default) applies to API writes too, and turns a column of an
 * existing table into one formula when formulas are written into it (OfficeDev/office-js issues
 * 2093 and 6745, closed as by design; 5909). Tulokset has a different formula in every row of
 * Avain, Osuus and Euroa: written into an existing table, every row could show the last row's euros.
 * A range that becomes a table keeps its formulas as they are, and nothing is written into a table
 * after it exists. A table body may therefore not refer to its own table, and a body that refers
 * to another output table is written after that table exists.
 */
import { SheetConflictError, TableNameConflictError } from '../../workbook/port';
import type { CellSpec, CellStyle, SheetSpec, TableSpec } from '../../workbook/sheetSpec';
import { blocksOf, utf8Length } from './blocks';
import type { SheetInfo } from './inventory';
import { BYTES_PER_ACTION, MIN_SPLIT_ROOM_BYTES, OP_BASE_BYTES, SYNC_BASE_BYTES, WRITE_FIXED_BYTES, sliceBytesPerRow } from './payload';
import { GENERAL_FORMAT, OFFICE_STYLES, TEXT_FORMAT, hasVisualFormat, type OfficeStyle } from './styles';
import { lower } from './tableRead';

export type CellInput = string | number | boolean;

/** One thing the write does in Excel. Sheets are named as they are called when the step runs. */
export type Step =
  | { kind: 'checkOwn'; sheet: string }
  | { kind: 'renameAside'; sheet: string; backup: string; tables: { original: string; backup: string }[] }
  | { kind: 'addSheet'; sheet: string; tabColor?: string }
  | { kind: 'addTable'; sheet: string; table: TableSpec }
  | { kind: 'numberFormat'; sheet: string; row: number; col: number; width: number; rows: string[][] }
  | { kind: 'formulas'; sheet: string; row: number; col: number; width: number; rows: CellInput[][] }
  | { kind: 'style'; sheet: string; r0: number; c0: number; r1: number; c1: number; style: OfficeStyle }
  | { kind: 'columnWidth'; sheet: string; c0: number; c1: number; points: number }
  | { kind: 'freeze'; sheet: string; rows: number; columns: number }
  | { kind: 'print'; sheet: string; title: string; landscape: boolean; fitToWidth: boolean }
  | { kind: 'deleteSheet'; sheet: string }
  | { kind: 'activate'; sheet: string };

export interface Backup {
  original: string;
  backup: string;
  tables: { original: string; backup: string }[];
}

export interface WritePlan {
  /** Own sheets renamed aside: original name -> backup name, with their tables. */
  backups: Backup[];
  /** Output names that did not exist before (created new). */
  created: string[];
  batches: Step[][];
  /** Estimated request bytes of each batch (what it is packed by). */
  batchBytes: number[];
}

export interface PlanOptions {
  /** Maximum estimated bytes per sync request. */
  payloadLimit: number;
  /** Suffix for temporary names. */
  token: string;
  /** ExcelApi 1.9 (page layout). */
  pageLayout: boolean;
}

/** What one cell becomes in the 2-D `formulas` array. */
export function cellInput(spec: CellSpec | null): CellInput {
  if (!spec) return '';
  if (spec.formula !== undefined) return `=${spec.formula}`;
  const v = spec.value;
  if (v === null || v === undefined) return '';
  return v;
}

/** Number format of one cell: text constants get "@" so Excel keeps them as typed (never a formula). */
export function cellFormat(spec: CellSpec | null): string {
  if (!spec) return GENERAL_FORMAT;
  if (spec.formula === undefined && typeof spec.value === 'string') return TEXT_FORMAT;
  return OFFICE_STYLES[spec.style ?? 'text'].numberFormat;
}

/** Column width in characters -> points (Excel: 8.43 chars = 64 px = 48 pt). */
export function widthToPoints(chars: number): number {
  return Math.round((chars * 7 + 5) * 0.75 * 100) / 100;
}

/** Property sets (office.js actions) one style block takes. */
function styleActions(s: OfficeStyle): number {
  return [s.bold, s.italic, s.size, s.fontColor, s.fill, s.wrap].filter(Boolean).length + (s.topBorder ? 3 : 0);
}

/** A step and its request bytes. */
interface Sized {
  bytes: number;
  step: Step;
}

/** A 2-D write the packing may split by rows (rowBytes: each row's request bytes). */
interface GridWrite {
  rowBytes: number[];
  /** The step for rows [start, end). */
  slice: (start: number, end: number) => Step;
}

const small = (step: Step, actions = 1): Sized => ({ bytes: OP_BASE_BYTES + BYTES_PER_ACTION * actions, step });

/** Refuses before anything is changed: a user's sheet or table holds an output name. */
function checkConflicts(specs: SheetSpec[], sheets: SheetInfo[]): void {
  const existing = new Map(sheets.map((s) => [lower(s.name), s]));
  for (const spec of specs) {
    const s = existing.get(lower(spec.name));
    if (s && !s.own) throw new SheetConflictError(s.name);
  }
  // Table names are workbook-wide: a user's table of the same name would stop the batch midway.
  for (const t of specs.flatMap((spec) => spec.tables ?? [])) {
    const holder = sheets.find((s) => !s.own && s.tables.some((n) => lower(n) === lower(t.name)));
    if (holder) throw new TableNameConflictError(t.name, holder.name);
  }
}

function planBackups(sheets: SheetInfo[], token: string): Backup[] {
  const usedNames = new Set(sheets.map((s) => lower(s.name)));
  const usedTables = new Set(sheets.flatMap((s) => s.tables.map(lower)));
  return sheets
    .filter((s) => s.own)
    .map((s, i) => {
      let backup = `~TYM${i + 1}~${token}`.slice(0, 31);
      while (usedNames.has(lower(backup))) backup = `~${backup}`.slice(0, 31);
      usedNames.add(lower(backup));
      const tables = s.tables.map((t, j) => {
        let b = `_TYMVANHA_${token}_${i + 1}_${j + 1}`;
        while (usedTables.has(lower(b))) b = `_${b}`;
        usedTables.add(lower(b));
        return { original: t, backup: b };
      });
      return { original: s.name, backup, tables };
    });
}

/** A rectangle of a sheet's cells, 0-based, end-exclusive. */
interface Rect {
  r0: number;
  c0: number;
  r1: number;
  c1: number;
}

const sheetWidth = (spec: SheetSpec) => spec.cells.reduce((w, r) => Math.max(w, r.length), 0);
const tableRect = (t: TableSpec): Rect => ({ r0: t.row, c0: t.col, r1: t.row + 1 + Math.max(1, t.rowCount), c1: t.col + t.headers.length });

/**
 * The cell writes of a rectangle: number formats, then values and formulas, as grids the packing
 * may split by rows. `override` replaces some cells' inputs (a table's header texts).
 */
function gridWrites(spec: SheetSpec, rect: Rect, override?: (r: number, c: number) => CellInput | undefined): GridWrite[] {
  const width = rect.c1 - rect.c0;
  const height = rect.r1 - rect.r0;
  if (height <= 0 || width <= 0) return [];
  const cellAt = (r: number, c: number) => spec.cells[r]?.[c] ?? null;
  const rows = Array.from({ length: height }, (_, i) => rect.r0 + i);
  const cols = Array.from({ length: width }, (_, j) => rect.c0 + j);
  const formats = rows.map((r) => cols.map((c) => cellFormat(cellAt(r, c))));
  const inputs = rows.map((r) => cols.map((c) => override?.(r, c) ?? cellInput(cellAt(r, c))));
  const perRow = sliceBytesPerRow(width);
  const rowBytes = (grid: unknown[][]) => grid.map((row) => utf8Length(JSON.stringify(row)) + 1 + perRow);
  const at = (s: number) => ({ sheet: spec.name, row: rect.r0 + s, col: rect.c0, width });
  return [
    { rowBytes: rowBytes(formats), slice: (s, e) => ({ kind: 'numberFormat', ...at(s), rows: formats.slice(s, e) }) },
    { rowBytes: rowBytes(inputs), slice: (s, e) => ({ kind: 'formulas', ...at(s), rows: inputs.slice(s, e) }) },
  ];
}

/**
 * The sheet's cells outside its tables, as rectangles: bands of rows with the same tables across
 * them, and in each band the column runs between the tables. Rectangles with no cell are left out.
 */
export function cellsOutsideTables(spec: SheetSpec): Rect[] {
  const height = spec.cells.length;
  const width = sheetWidth(spec);
  const tables = (spec.tables ?? []).map(tableRect);
  const coveredAt = (r: number) =>
    tables
      .filter((t) => r >= t.r0 && r < t.r1)
      .map((t) => [t.c0, t.c1] as const)
      .sort((a, b) => a[0] - b[0]);
  const out: Rect[] = [];
  let r = 0;
  while (r < height) {
    const covered = coveredAt(r);
    const key = JSON.stringify(covered);
    let end = r + 1;
    while (end < height && JSON.stringify(coveredAt(end)) === key) end++;
    let c = 0;
    for (const [c0, c1] of [...covered, [width, width] as const]) {
      if (c0 > c) out.push({ r0: r, c0: c, r1: end, c1: Math.min(c0, width) });
      c = Math.max(c, c1);
    }
    r = end;
  }
  const hasCell = (x: Rect) => spec.cells.slice(x.r0, x.r1).some((row) => row.slice(x.c0, x.c1).some((cell) => cell !== null && cell !== undefined));
  return out.filter((x) => x.c1 > x.c0 && hasCell(x));
}

/** Output tables that a body formula names (Table[...]), outside string literals. */
function tablesNamedIn(formula: string, names: Map<string, string>): string[] {
  const code = formula.replace(/"(?:[^"]|"")*"/g, '""').replace(/'(?:[^']|'')*'!/g, '');
  return [...code.matchAll(/([\p{L}_][\p{L}\p{N}_.]*)\[/gu)].map((m) => names.get(lower(m[1]))).filter((n): n is string => n !== undefined);
}

/**
 * The output tables in an order where each table's body refers only to tables made before it.
 * Throws when a body refers to its own table ([@...], [#This Row] or its name): such a formula
 * cannot be written before the table exists, and written after, AutoCorrect may rewrite its column.
 */
export function tablesInOrder(specs: SheetSpec[]): { spec: SheetSpec; table: TableSpec }[] {
  const all = specs.flatMap((spec) => (spec.tables ?? []).map((table) => ({ spec, table })));
  const names = new Map(all.map((x) => [lower(x.table.name), x.table.name]));
  const deps = new Map<string, Set<string>>();
  for (const { spec, table } of all) {
    const rect = tableRect(table);
    const needs = new Set<string>();
    for (let r = rect.r0 + 1; r < rect.r1; r++) {
      for (let c = rect.c0; c < rect.c1; c++) {
        const f = spec.cells[r]?.[c]?.formula;
        if (f === undefined) continue;
        const named = tablesNamedIn(f, names);
        if (/\[\s*@|#This Row/i.test(f) || named.some((n) => lower(n) === lower(table.name))) {
          throw new Error(`Table ${table.name} on ${spec.name}: a body formula refers to its own table (${f}); write it without structured self-references.`);
        }
        for (const n of named) needs.add(lower(n));
      }
    }
    deps.set(lower(table.name), needs);
  }
  const done = new Set<string>();
  const out: { spec: SheetSpec; table: TableSpec }[] = [];
  while (out.length < all.length) {
    const next = all.find((x) => !done.has(lower(x.table.name)) && [...deps.get(lower(x.table.name))!].every((d) => done.has(d)));
    if (!next) throw new Error(`Output tables refer to each other in a circle: ${all.filter((x) => !done.has(lower(x.table.name))).map((x) => x.table.name).join(', ')}`);
    done.add(lower(next.table.name));
    out.push(next);
  }
  return out;
}

/** Styles by rectangles of equal style, column widths by runs of equal width, freeze panes, print set-up. */
function formatSteps(spec: SheetSpec, pageLayout: boolean): Sized[] {
  const out: Sized[] = [];
  const height = spec.cells.length;
  const width = sheetWidth(spec);
  const styleBlocks = blocksOf<CellStyle>(height, width, (r, c) => {
    const s = spec.cells[r]?.[c]?.style;
    return s && hasVisualFormat(OFFICE_STYLES[s]) ? s : null;
  });
  for (const b of styleBlocks) {
    const style = OFFICE_STYLES[b.key];
    out.push(small({ kind: 'style', sheet: spec.name, r0: b.r0, c0: b.c0, r1: b.r1, c1: b.c1, style }, styleActions(style)));
  }
  const widths = spec.columnWidths ?? [];
  for (const b of blocksOf<number>(1, widths.length, (_r, c) => widths[c] ?? null)) {
    out.push(small({ kind: 'columnWidth', sheet: spec.name, c0: b.c0, c1: b.c1, points: widthToPoints(b.key) }));
  }
  const freeze = spec.freeze;
  if (freeze && (freeze.rows > 0 || freeze.columns > 0)) out.push(small({ kind: 'freeze', sheet: spec.name, rows: freeze.rows, columns: freeze.columns }, 2));
  const print = spec.print;
  if (print && pageLayout) {
    out.push(small({ kind: 'print', sheet: spec.name, title: print.title, landscape: print.landscape, fitToWidth: print.fitToWidth }, 6 + utf8Length(print.title) / BYTES_PER_ACTION));
  }
  return out;
}

/**
 * Everything replaceOutputs queues, packed into syncs. Throws SheetConflictError or
 * TableNameConflictError before any step when an output name is taken by a user's sheet or table.
 */
export function planWrite(specs: SheetSpec[], sheets: SheetInfo[], options: PlanOptions): WritePlan {
  checkConflicts(specs, sheets);
  const existing = new Set(sheets.map((s) => lower(s.name)));
  const backups = planBackups(sheets, options.token);
  const created = specs.filter((spec) => !existing.has(lower(spec.name))).map((s) => s.name);

  // The prologue (steps 1-3) is always one sync: the old sheets' getItem proxies are used only
  // within it, since in a later sync office.js would look them up by name again.
  // 1. Re-check the sheet list inside the batch: getItem fails if an own sheet is gone, and
  //    names.getItem fails if it lost its mark, so a stale list stops the batch before any change.
  const prologue: Sized[] = backups.map((b) => small({ kind: 'checkOwn', sheet: b.original }, 3));
  // 2. Rename the old own sheets and their tables aside (frees the sheet and table names).
  for (const b of backups) prologue.push(small({ kind: 'renameAside', sheet: b.original, backup: b.backup, tables: b.tables }, 1 + 2 * b.tables.length));
  // 3. New sheets under their final names, marked as ours; add() fails if a user took the name.
  for (const spec of specs) prologue.push(small({ kind: 'addSheet', sheet: spec.name, tabColor: spec.tabColor }, 5));

  const body: (Sized | GridWrite)[] = [];
  // 4. Each table's cells while they are still a plain range, then the table over them (see the top).
  for (const { spec, table: t } of tablesInOrder(specs)) {
    const header = (r: number, c: number) => (r === t.row ? t.headers[c - t.col] : undefined);
    body.push(...gridWrites(spec, tableRect(t), header));
    body.push(small({ kind: 'addTable', sheet: spec.name, table: t }, 3));
  }
  // 5-7. The other cells (after the tables, so they may refer to Table[Column]), styles, widths,
  //      freeze panes and print set-up, sheet by sheet.
  for (const spec of specs) {
    for (const rect of cellsOutsideTables(spec)) body.push(...gridWrites(spec, rect));
    body.push(...formatSteps(spec, options.pageLayout));
  }
  // 8. Only now delete the old outputs, and show the first new sheet. The old sheets are looked up
  //    again by their backup names: this may be a later sync than the rename, and office.js sends
  //    a getItem by its name again, which by now is one of the new sheets.
  const epilogue: Sized[] = backups.map((b) => small({ kind: 'deleteSheet', sheet: b.backup }, 2));
  if (specs.length > 0) epilogue.push(small({ kind: 'activate', sheet: specs[0].name }));

  const { batches, batchBytes } = pack(prologue, [...body, ...epilogue], options.payloadLimit);
  return { backups, created, batches, batchBytes };
}

/**
 * Packs steps into syncs under the payload limit, in order; the first sync holds the whole prologue.
 * A grid write that does not fit the room left in a sync is split by rows: its first rows fill that
 * sync, the rest start the next ones.
 */
export function pack(prologue: Sized[], items: (Sized | GridWrite)[], limit: number): { batches: Step[][]; batchBytes: number[] } {
  const batches: Step[][] = [prologue.map((s) => s.step)];
  const batchBytes = [SYNC_BASE_BYTES + prologue.reduce((n, o) => n + o.bytes, 0)];
  const newBatch = () => {
    batches.push([]);
    batchBytes.push(SYNC_BASE_BYTES);
  };
  const place = (op: Sized) => {
    const last = batches.length - 1;
    if (batchBytes[last] + op.bytes > limit && batches[last].length > 0) newBatch();
    batches[batches.length - 1].push(op.step);
    batchBytes[batchBytes.length - 1] += op.bytes;
  };
  for (const item of items) {
    if ('step' in item) {
      place(item);
      continue;
    }
    const { rowBytes, slice } = item;
    let start = 0;
    while (start < rowBytes.length) {
      let room = limit - batchBytes[batches.length - 1] - WRITE_FIXED_BYTES;
      if (room < MIN_SPLIT_ROOM_BYTES && batches[batches.length - 1].length > 0) {
        newBatch();
        room = limit - SYNC_BASE_BYTES - WRITE_FIXED_BYTES;
      }
      let end = start;
      let bytes = 2;
      while (end < rowBytes.length && (end === start || bytes + rowBytes[end] <= room)) bytes += rowBytes[end++];
      place({ bytes: bytes + WRITE_FIXED_BYTES, step: slice(start, end) });
      start = end;
    }
  }
  return { batches, batchBytes };
}
