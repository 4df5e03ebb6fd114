/**
 * A sheet under construction, and the rows it generates on demand.
 *
 * Most cells are stored as they are written. The calculation rows of TYM_Rivit (one row per input
 * row, about twenty formulas each) are generated instead: `Grid.generate` keeps the function that
 * writes row i, and the sheet's `cells` produce each such row when it is read, fresh every time.
 * At 200,000 registrations the stored rows took over 1.1 GB (4.2 million formulas of 422 MB of
 * text, their cell objects and row arrays); generated, the layout holds only the few stored rows
 * and the writer streams the others (bench section 6).
 *
 * The generated rows look like any rows: `cells` is an array (Array.isArray, length, indexing,
 * forEach, map, slice, iteration, JSON) whose generated rows are frozen, so a consumer that would
 * change them fails loudly instead of losing its change. Read them row by row: each read of a row
 * builds it again (the last row read is kept).
 */
import type { CellSpec, CellStyle, CellValue, SheetSpec } from './sheetSpec';

type Row = (CellSpec | null)[];

/**
 * A formula built by concatenation is, in V8, a rope of its many small pieces (about twice the memory
 * of the text itself); converting it to a number flattens it in place, once, so the pieces can go.
 * Measured on the 100x sample: the output specs take 173 MB instead of 392 MB. Harmless (a no-op)
 * on other engines. Generated rows skip it: they live only while they are written.
 */
function flatten(s: string): void {
  void Number(s);
}

/** What a layout writes its cells through: a sheet (Grid) or one generated row (Grid.generate). */
export abstract class CellWriter {
  abstract set(row: number, col: number, cell: CellSpec): void;

  value(row: number, col: number, value: CellValue, style: CellStyle = 'text'): void {
    this.set(row, col, { value, style });
  }

  /** `expected` undefined = the cell passes a workbook value through; verify then checks its formula only. */
  formula(row: number, col: number, formula: string, expected: CellValue | undefined, style: CellStyle = 'decimal'): void {
    this.set(row, col, { formula, expected, style });
  }

  /** A header row of labels. */
  headers(row: number, col: number, labels: string[]): void {
    labels.forEach((l, i) => this.value(row, col + i, l, 'header'));
  }
}

interface RowGenerator {
  first: number;
  count: number;
  write: (i: number, out: CellWriter) => void;
}

/** Writes the cells of one generated row into its array; a cell elsewhere or written twice is a bug in the layout. */
class RowWriter extends CellWriter {
  constructor(
    readonly r: number,
    readonly row: Row,
  ) {
    super();
  }

  set(row: number, col: number, cell: CellSpec): void {
    if (row !== this.r) throw new Error(`generated row ${this.r + 1} wrote a cell on row ${row + 1}`);
    if (col >= this.row.length) throw new Error(`generated row ${row + 1} wrote column ${col + 1}, beyond the sheet's ${this.row.length}`);
    if (this.row[col] !== null) throw new Error(`generated row ${row + 1} wrote column ${col + 1} twice`);
    this.row[col] = Object.freeze(cell);
  }
}

/** What a sheet with generated rows knows without generating them. */
interface GeneratedInfo {
  width: number;
  /** The stored rows (padded), by row; generated rows are not here. */
  stored: Row[];
}

const generatedSheets = new WeakMap<object, GeneratedInfo>();

/** The widest row of `cells` (a sheet with generated rows knows it without generating them). */
export function rowsWidth(cells: readonly (readonly unknown[])[]): number {
  return generatedSheets.get(cells)?.width ?? cells.reduce((w, r) => Math.max(w, r.length), 0);
}

/**
 * The rows a sheet holds in memory: all of them, or for a sheet with generated rows only its stored
 * ones (their cells are the sheet's own objects, so a change to them stays).
 */
export function storedRows(cells: Row[]): Row[] {
  return generatedSheets.get(cells)?.stored ?? cells;
}

/** A sheet under construction: cells by 0-based (row, col). */
export class Grid extends CellWriter {
  readonly cells: (CellSpec | null)[][] = [];
  readonly widths: number[] = [];
  private readonly generators: RowGenerator[] = [];

  set(row: number, col: number, cell: CellSpec): void {
    if (cell.formula !== undefined) flatten(cell.formula);
    while (this.cells.length <= row) this.cells.push([]);
    const r = this.cells[row];
    while (r.length <= col) r.push(null);
    r[col] = cell;
  }

  /**
   * Rows first .. first+count-1 whose cells `write(i, out)` writes (row first+i, through `out`)
   * each time the sheet's row is read. `write` must depend on i alone (no state carried from row
   * to row) and write the same columns on every row; the rows of several generators may lie side
   * by side, and beside stored cells, but no cell may be written twice.
   */
  generate(first: number, count: number, write: (i: number, out: CellWriter) => void): void {
    if (count > 0) this.generators.push({ first, count, write });
  }

  width(col: number, chars: number): void {
    while (this.widths.length <= col) this.widths.push(10);
    this.widths[col] = chars;
  }

  toSheet(name: string, extra: Omit<SheetSpec, 'name' | 'cells' | 'columnWidths'> = {}): SheetSpec {
    // Rows as wide as the widest, so adapters can write rectangles.
    let width = this.cells.reduce((w, r) => Math.max(w, r.length), 0);
    for (const g of this.generators) {
      // The first row of each generator tells its columns (a later row writing beyond them throws).
      const probe = new Grid();
      g.write(0, probe);
      width = Math.max(width, probe.cells[g.first]?.length ?? 0);
    }
    const pad = (r: Row) => (r.length === width ? r : [...r, ...new Array<CellSpec | null>(width - r.length).fill(null)]);
    const stored = this.cells.map(pad);
    const cells = this.generators.length ? generatedRows(stored, this.generators, width) : stored;
    return { name, cells, columnWidths: this.widths.length ? this.widths : undefined, ...extra };
  }
}

/** The rows of a sheet with generated rows: stored rows as they are, generated ones built when read. */
function generatedRows(stored: Row[], generators: RowGenerator[], width: number): Row[] {
  const length = Math.max(stored.length, ...generators.map((g) => g.first + g.count));
  const build = (r: number): Row => {
    const own = generators.filter((g) => r >= g.first && r < g.first + g.count);
    if (!own.length) return stored[r] ?? Object.freeze(new Array<CellSpec | null>(width).fill(null));
    const row = stored[r] ? [...stored[r]] : new Array<CellSpec | null>(width).fill(null);
    const out = new RowWriter(r, row);
    for (const g of own) g.write(r - g.first, out);
    return Object.freeze(row) as Row;
  };
  let lastIndex = -1;
  let last: Row = [];
  const rowAt = (r: number): Row => {
    if (r !== lastIndex) {
      last = build(r);
      lastIndex = r;
    }
    return last;
  };
  const index = (p: string | symbol): number => {
    if (typeof p !== 'string' || !/^(?:0|[1-9]\d*)$/.test(p)) return -1;
    const i = Number(p);
    return i < length ? i : -1;
  };
  const target = new Array<Row>(length);
  const cells = new Proxy(target, {
    get: (t, p, receiver) => {
      const i = index(p);
      return i >= 0 ? rowAt(i) : Reflect.get(t, p, receiver);
    },
    has: (t, p) => index(p) >= 0 || Reflect.has(t, p),
    ownKeys: (t) => [...Array.from({ length }, (_, i) => String(i)), ...Reflect.ownKeys(t)],
    getOwnPropertyDescriptor: (t, p) => {
      const i = index(p);
      return i >= 0 ? { value: rowAt(i), writable: false, enumerable: true, configurable: true } : Reflect.getOwnPropertyDescriptor(t, p);
    },
    set: () => false,
    defineProperty: () => false,
    deleteProperty: () => false,
  });
  generatedSheets.set(cells, { width, stored });
  return cells;
}
