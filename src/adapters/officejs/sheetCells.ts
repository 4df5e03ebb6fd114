/**
 * One output sheet as write steps: its tables' cells (written before each table exists), the other
 * cells in rectangles, styles, column widths, and the finishing touches. Pure.
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
import { EXCEL_1904_OFFSET_DAYS } from './dates1904';
import type { CellSpec, CellStyle, SheetSpec, TableSpec } from '../../workbook/sheetSpec';
import { blocksOf, utf8Length } from './blocks';
import { BYTES_PER_ACTION, sliceBytesPerRow } from './payload';
import { type CellInput, type CosmeticStep, type FinishStep, type GridWrite, type Sized, small } from './steps';
import { GENERAL_FORMAT, OFFICE_STYLES, TEXT_FORMAT, hasVisualFormat, type OfficeStyle } from './styles';
import { lower } from './tableRead';

/** What one cell becomes in the 2-D `formulas` array; a date constant counts in the workbook's date system. */
export function cellInput(spec: CellSpec | null, date1904 = false): CellInput {
  if (!spec) return '';
  if (spec.formula !== undefined) return `=${spec.formula}`;
  const v = spec.value;
  if (v === null || v === undefined) return '';
  if (date1904 && spec.style === 'date' && typeof v === 'number') return v - EXCEL_1904_OFFSET_DAYS;
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

/** A rectangle of a sheet's cells, 0-based, end-exclusive. */
export interface Rect {
  r0: number;
  c0: number;
  r1: number;
  c1: number;
}

export const sheetWidth = (spec: SheetSpec) => spec.cells.reduce((w, r) => Math.max(w, r.length), 0);
export const tableRect = (t: TableSpec): Rect => ({
  r0: t.row,
  c0: t.col,
  r1: t.row + 1 + Math.max(1, t.rowCount),
  c1: t.col + t.headers.length,
});

/**
 * The cell writes of a rectangle: number formats, then values and formulas, as grids the packing
 * may split by rows. `override` replaces some cells' inputs (a table's header texts).
 */
export function gridWrites(
  spec: SheetSpec,
  rect: Rect,
  date1904: boolean,
  override?: (r: number, c: number) => CellInput | undefined,
): GridWrite[] {
  const width = rect.c1 - rect.c0;
  const height = rect.r1 - rect.r0;
  if (height <= 0 || width <= 0) return [];
  const cellAt = (r: number, c: number) => spec.cells[r]?.[c] ?? null;
  const rows = Array.from({ length: height }, (_, i) => rect.r0 + i);
  const cols = Array.from({ length: width }, (_, j) => rect.c0 + j);
  const formats = rows.map((r) => cols.map((c) => cellFormat(cellAt(r, c))));
  const inputs = rows.map((r) => cols.map((c) => override?.(r, c) ?? cellInput(cellAt(r, c), date1904)));
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
  const hasCell = (x: Rect) =>
    spec.cells.slice(x.r0, x.r1).some((row) => row.slice(x.c0, x.c1).some((cell) => cell !== null && cell !== undefined));
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
          throw new Error(
            `Table ${table.name} on ${spec.name}: a body formula refers to its own table (${f}); write it without structured self-references.`,
          );
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
    if (!next)
      throw new Error(
        `Output tables refer to each other in a circle: ${all
          .filter((x) => !done.has(lower(x.table.name)))
          .map((x) => x.table.name)
          .join(', ')}`,
      );
    done.add(lower(next.table.name));
    out.push(next);
  }
  return out;
}

/** A table's cells (header texts from the table, the body from the sheet) and then the table itself. */
export function tableSteps(spec: SheetSpec, t: TableSpec, date1904: boolean): (Sized | GridWrite)[] {
  const header = (r: number, c: number) => (r === t.row ? t.headers[c - t.col] : undefined);
  return [...gridWrites(spec, tableRect(t), date1904, header), small({ kind: 'addTable', sheet: spec.name, table: t }, 3)];
}

/** Styles by rectangles of equal style, column widths by runs of equal width. */
export function formatSteps(spec: SheetSpec): Sized[] {
  const out: Sized[] = [];
  const styleBlocks = blocksOf<CellStyle>(spec.cells.length, sheetWidth(spec), (r, c) => {
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
  return out;
}

/** Freeze panes, print set-up (ExcelApi 1.9, with print titles) and tab colour: the finishing touches. */
export function cosmeticSteps(spec: SheetSpec, pageLayout: boolean): CosmeticStep[] {
  const out: CosmeticStep[] = [];
  const freeze = spec.freeze;
  if (freeze && (freeze.rows > 0 || freeze.columns > 0))
    out.push({ kind: 'freeze', sheet: spec.name, rows: freeze.rows, columns: freeze.columns });
  const print = spec.print;
  if (print && pageLayout) {
    out.push({
      kind: 'print',
      sheet: spec.name,
      title: print.title,
      landscape: print.landscape,
      fitToWidth: print.fitToWidth,
      repeatRows: print.repeatRows ?? 0,
      ...(print.onePage ? { onePage: true } : {}),
    });
  }
  if (spec.tabColor) out.push({ kind: 'tabColor', sheet: spec.name, color: `#${spec.tabColor.slice(-6)}` });
  return out;
}

/** Request bytes of a step of the finish. */
export function cosmeticBytes(step: FinishStep): number {
  if (step.kind === 'print') return small(step, 7 + utf8Length(step.title) / BYTES_PER_ACTION).bytes;
  return small(step, 2).bytes;
}
