/**
 * Test tooling: edits an Excel table of a loaded exceljs workbook the way a user does in Excel.
 * Rows are rewritten in place; adding or deleting rows grows or shrinks the table's range (as
 * Excel's "insert/delete table row" does; the input tables sit alone on their sheets, so nothing
 * below them moves). New rows take the number formats of the row above.
 */
import { colLetters } from '../../src/domain/columns';
import type { CellValue, Workbook, Worksheet } from 'exceljs';
import { tablesOf } from '../../src/adapters/exceljs/excelJsWorkbook';

interface TableModel {
  name: string;
  tableRef?: string;
  ref?: string;
  autoFilterRef?: string;
  columns: { name: string }[];
}

/** 1-based column number -> letters. */
const colName = (n: number): string => colLetters(n - 1);

function parseRef(ref: string): { top: number; left: number; bottom: number; right: number } {
  const m = /^\$?([A-Z]+)\$?(\d+):\$?([A-Z]+)\$?(\d+)$/.exec(ref)!;
  const col = (l: string) => [...l].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
  return { left: col(m[1]), top: Number(m[2]), right: col(m[3]), bottom: Number(m[4]) };
}

export class TableEdit {
  readonly ws: Worksheet;
  private readonly model: TableModel;
  readonly headers: string[];
  private box: { top: number; left: number; bottom: number; right: number };

  constructor(wb: Workbook, name: string) {
    for (const ws of wb.worksheets) {
      for (const t of tablesOf(ws)) {
        const m = ((t as unknown as { table?: TableModel }).table ?? (t as unknown as { model: TableModel }).model) as TableModel;
        if (m.name.toLowerCase() !== name.toLowerCase()) continue;
        this.ws = ws;
        this.model = m;
        this.box = parseRef((m.tableRef ?? m.ref)!);
        this.headers = m.columns.map((c) => c.name);
        return;
      }
    }
    throw new Error(`no table ${name}`);
  }

  col(header: string): number {
    const i = this.headers.findIndex((h) => h.toLowerCase() === header.toLowerCase());
    if (i < 0) throw new Error(`no column ${header} in ${this.model.name}`);
    return i;
  }

  get rowCount(): number {
    return this.box.bottom - this.box.top;
  }

  /** Data rows as values (formula cells give their formula object; inputs are constants). */
  rows(): CellValue[][] {
    const out: CellValue[][] = [];
    for (let r = this.box.top + 1; r <= this.box.bottom; r++) {
      const row = this.ws.getRow(r);
      out.push(this.headers.map((_, j) => row.getCell(this.box.left + j).value ?? null));
    }
    return out;
  }

  /** Sheet row (1-based) of data row i (0-based). */
  sheetRow(i: number): number {
    return this.box.top + 1 + i;
  }

  cell(i: number, header: string) {
    return this.ws.getRow(this.sheetRow(i)).getCell(this.box.left + this.col(header));
  }

  get(i: number, header: string): CellValue {
    return this.cell(i, header).value ?? null;
  }

  set(i: number, header: string, v: CellValue): void {
    this.cell(i, header).value = v;
  }

  /** Replaces all data rows (the table grows or shrinks to their number; at least one row). */
  setRows(rows: CellValue[][]): void {
    const oldBottom = this.box.bottom;
    const n = Math.max(1, rows.length);
    const bottom = this.box.top + n;
    for (let i = 0; i < n; i++) {
      const r = this.box.top + 1 + i;
      const row = this.ws.getRow(r);
      this.headers.forEach((_, j) => {
        const cell = row.getCell(this.box.left + j);
        if (r > oldBottom) {
          const above = this.ws.getRow(oldBottom).getCell(this.box.left + j);
          if (above.numFmt) cell.numFmt = above.numFmt;
        }
        cell.value = rows[i]?.[j] ?? null;
      });
    }
    for (let r = bottom + 1; r <= oldBottom; r++) {
      const row = this.ws.getRow(r);
      this.headers.forEach((_, j) => {
        row.getCell(this.box.left + j).value = null;
      });
    }
    this.box = { ...this.box, bottom };
    const ref = `${colName(this.box.left)}${this.box.top}:${colName(this.box.right)}${bottom}`;
    this.model.tableRef = ref;
    if (this.model.ref !== undefined) this.model.ref = ref;
    this.model.autoFilterRef = ref;
  }
}

/** A cell value as text for comparisons in edits (rich text and formulas' results flattened). */
export function textOf(v: CellValue): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'object' && !(v instanceof Date)) {
    const o = v as unknown as Record<string, unknown>;
    if (Array.isArray(o.richText)) return (o.richText as { text: string }[]).map((r) => r.text).join('');
    if ('result' in o) return textOf(o.result as CellValue);
    if ('text' in o) return String(o.text);
  }
  return v instanceof Date ? v.toISOString() : String(v);
}

/** A participant plan a user makes by hand after a run: sheet and table "Suunnitelma", one row (TVA 5). */
export function addHandMadePlan(wb: Workbook): void {
  wb.addWorksheet('Suunnitelma').addTable({
    name: 'Suunnitelma',
    ref: 'A1',
    headerRow: true,
    columns: [{ name: 'Organisaatio' }, { name: 'Osallistujia' }],
    rows: [['TVA', 5]],
  });
}
