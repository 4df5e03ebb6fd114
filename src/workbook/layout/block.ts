/**
 * A calculation block: a header row and data rows with named columns, so each sheet builder writes
 * "one consistent formula per column" by column key and refers to other columns by key, and every
 * named column becomes a workbook-level defined name over its data rows.
 */
import { a1, colLetters, onSheet, range } from '../formula';
import type { Grid } from '../grid';
import type { CellStyle, NameSpec } from '../sheetSpec';

export interface Col {
  key: string;
  header: string;
  width?: number;
  /** Defined name over the data rows of this column (and `span` columns to its right). */
  name?: string;
  span?: number;
  comment?: string;
}

export class Block {
  private readonly index = new Map<string, number>();

  constructor(
    readonly sheet: string,
    /** 0-based header row; data rows follow. */
    readonly headerRow: number,
    readonly firstCol: number,
    readonly cols: Col[],
    /** Number of data rows (at least 1 so every range is valid). */
    readonly rows: number,
  ) {
    cols.forEach((c, i) => {
      if (this.index.has(c.key)) throw new Error(`column ${c.key} twice`);
      this.index.set(c.key, firstCol + i);
    });
  }

  get first(): number {
    return this.headerRow + 1;
  }

  get last(): number {
    return this.headerRow + Math.max(1, this.rows);
  }

  /** 0-based row of data row i (0-based). */
  row(i: number): number {
    return this.first + i;
  }

  c(key: string): number {
    const c = this.index.get(key);
    if (c === undefined) throw new Error(`no column ${key} on ${this.sheet}`);
    return c;
  }

  has(key: string): boolean {
    return this.index.has(key);
  }

  /** Relative reference to the column in `row` (same sheet). */
  at(key: string, row: number): string {
    return a1(row, this.c(key));
  }

  /** Column fixed, row relative: $K7. */
  col(key: string, row: number): string {
    return `$${colLetters(this.c(key))}${row + 1}`;
  }

  abs(key: string, row: number): string {
    return a1(row, this.c(key), true);
  }

  /** Sheet-qualified absolute range of the column's data rows. */
  range(key: string): string {
    return onSheet(this.sheet, this.localRange(key));
  }

  localRange(key: string): string {
    return range(this.first, this.c(key), this.last, this.c(key));
  }

  header(g: Grid, style: CellStyle = 'header'): void {
    this.cols.forEach((c, i) => {
      g.value(this.headerRow, this.firstCol + i, c.header, style);
      if (c.width) g.width(this.firstCol + i, c.width);
    });
  }

  names(): NameSpec[] {
    return this.cols
      .filter((c) => c.name)
      .map((c) => ({
        name: c.name!,
        row: this.first,
        col: this.c(c.key),
        rows: Math.max(1, this.rows),
        cols: c.span ?? 1,
        comment: c.comment,
      }));
  }
}

/** Wraps a check or a flag so that an error counts as FALSE. */
export function orFalse(formula: string): string {
  return `IFERROR(${formula},FALSE)`;
}

/** Integer arithmetic written so that no spreadsheet snaps a near-cancelling last +/− to zero: the whole expression in parentheses. */
export function exact(formula: string): string {
  return `(${formula})`;
}
