/**
 * A read-only view of one worksheet for the preview: display texts of the first rows, computed
 * from exceljs cells without touching the workbook.
 */
import type { Cell, Worksheet } from 'exceljs';
import { colLetters, columnNumber } from '../workbook/formula';

export const MAX_ROWS = 200;
export const MAX_COLUMNS = 52;

export interface GridCell {
  address: string;
  text: string;
  /** The formula (English syntax, "=" first) for the tooltip, when the cell has one. */
  formula?: string;
  numeric: boolean;
}

export interface GridView {
  sheet: string;
  /** Sheet row numbers shown, in order. */
  rows: { row: number; cells: GridCell[] }[];
  columnCount: number;
  /** The sheet's last used row (for "showing n of m"). */
  totalRows: number;
}

/** 1-based column number -> letters. */
export function columnName(n: number): string {
  return colLetters(n - 1);
}

/** "$E$7" or "E7" -> { row: 7, col: 5 }; null when not a single-cell A1 address. */
export function parseAddress(address: string): { row: number; col: number } | null {
  const m = /^\$?([A-Za-z]{1,3})\$?(\d+)$/.exec(address.trim());
  if (!m) return null;
  return { row: Number(m[2]), col: columnNumber(m[1]) };
}

/** "B3:D7", "$E$7" or "E7" -> the rectangle it covers (1-based); null when not an A1 cell or range. */
export function parseRange(address: string): { top: number; left: number; bottom: number; right: number } | null {
  const [a, b] = address.split(':');
  const p = parseAddress(a);
  const q = b === undefined ? p : parseAddress(b);
  if (!p || !q) return null;
  return { top: Math.min(p.row, q.row), left: Math.min(p.col, q.col), bottom: Math.max(p.row, q.row), right: Math.max(p.col, q.col) };
}

/**
 * A number shown with the number formats the add-in writes ('#,##0.00', '0.00%', '0.000000', ...),
 * in Finnish conventions as a Finnish Excel shows them; other formats show the plain number.
 * Display only: the engine never reads this text.
 */
export function formatNumber(value: number, numFmt?: string): string {
  if (!Number.isFinite(value)) return '#NUM!';
  const plain = () => String(value).replace('.', ',').replace('-', '\u2212');
  const fmt = (numFmt ?? '').trim();
  const m = /^(#,##)?0(?:\.(0*)(#*))?(%?)$/.exec(fmt);
  if (!m) return plain();
  const [, grouping, zeros = '', hashes = '', percent] = m;
  const text = new Intl.NumberFormat('fi-FI', {
    useGrouping: Boolean(grouping),
    minimumFractionDigits: zeros.length,
    maximumFractionDigits: zeros.length + hashes.length,
  }).format(percent ? value * 100 : value);
  return percent ? `${text}\u00a0%` : text;
}

/** A cell value as the preview shows it (Finnish conventions: decimal comma, d.m.yyyy dates). */
export function displayText(value: unknown, numFmt?: string): { text: string; numeric: boolean } {
  if (value === null || value === undefined) return { text: '', numeric: false };
  if (typeof value === 'number') return { text: formatNumber(value, numFmt), numeric: true };
  if (typeof value === 'boolean') return { text: value ? 'TOSI' : 'EPÄTOSI', numeric: false };
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) return { text: '#VALUE!', numeric: false };
    return { text: `${value.getUTCDate()}.${value.getUTCMonth() + 1}.${value.getUTCFullYear()}`, numeric: true };
  }
  if (typeof value === 'string') return { text: value, numeric: false };
  if (typeof value === 'object') {
    const o = value as Record<string, unknown>;
    if (typeof o.error === 'string') return { text: o.error, numeric: false };
    if (Array.isArray(o.richText)) return { text: (o.richText as { text?: string }[]).map((r) => r.text ?? '').join(''), numeric: false };
    if ('formula' in o || 'sharedFormula' in o) return displayText(o.result, numFmt);
    if ('text' in o) return displayText(o.text);
  }
  return { text: String(value), numeric: false };
}

function formulaOf(cell: Cell): string | undefined {
  const v = cell.value as unknown;
  if (v && typeof v === 'object' && ('formula' in v || 'sharedFormula' in v)) {
    const f = cell.formula;
    if (typeof f === 'string' && f) return f.startsWith('=') ? f : `=${f}`;
  }
  return undefined;
}

/**
 * The first `maxRows` rows (and, when `mustShowRow` lies further down, rows up to it) and at most
 * MAX_COLUMNS columns of a sheet.
 */
export function sheetView(ws: Worksheet, maxRows = MAX_ROWS, mustShowRow?: number): GridView {
  const totalRows = ws.actualRowCount === 0 ? 0 : ws.rowCount;
  const lastRow = Math.min(totalRows, Math.max(maxRows, mustShowRow ?? 0));
  const columnCount = Math.min(MAX_COLUMNS, Math.max(ws.columnCount, 1));
  const rows: GridView['rows'] = [];
  for (let r = 1; r <= lastRow; r++) {
    const row = ws.findRow(r);
    const cells: GridCell[] = [];
    for (let c = 1; c <= columnCount; c++) {
      const address = `${columnName(c)}${r}`;
      const cell = row?.findCell(c);
      if (!cell || (cell.isMerged && cell.master !== cell)) {
        cells.push({ address, text: '', numeric: false });
        continue;
      }
      const { text, numeric } = displayText(cell.value, typeof cell.numFmt === 'string' ? cell.numFmt : undefined);
      const formula = formulaOf(cell);
      cells.push({ address, text, numeric, ...(formula ? { formula } : {}) });
    }
    rows.push({ row: r, cells });
  }
  return { sheet: ws.name, rows, columnCount, totalRows };
}
