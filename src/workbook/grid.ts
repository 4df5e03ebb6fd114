import type { CellSpec, CellStyle, CellValue, SheetSpec } from './sheetSpec';

/** A sheet under construction: cells by 0-based (row, col). */
export class Grid {
  readonly cells: (CellSpec | null)[][] = [];
  readonly widths: number[] = [];

  set(row: number, col: number, cell: CellSpec): void {
    while (this.cells.length <= row) this.cells.push([]);
    const r = this.cells[row];
    while (r.length <= col) r.push(null);
    r[col] = cell;
  }

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

  width(col: number, chars: number): void {
    while (this.widths.length <= col) this.widths.push(10);
    this.widths[col] = chars;
  }

  toSheet(name: string, extra: Omit<SheetSpec, 'name' | 'cells' | 'columnWidths'> = {}): SheetSpec {
    // Rows as wide as the widest, so adapters can write rectangles.
    const width = this.cells.reduce((w, r) => Math.max(w, r.length), 0);
    const cells = this.cells.map((r) => (r.length === width ? r : [...r, ...new Array<CellSpec | null>(width - r.length).fill(null)]));
    return { name, cells, columnWidths: this.widths.length ? this.widths : undefined, ...extra };
  }
}
