/**
 * Where a problem can be shown in the workbook: its cell, else its column, row or table as a range,
 * so that every problem (warnings included) has a "go to" link.
 */
import type { Problem } from '../domain/problems';
import type { TableLocation } from './inputs';

export interface CellTarget {
  sheet: string;
  /** A1 address of a cell or a range ("E7", "C1:C40"). */
  address: string;
  /** What the address is, for the link's text. */
  kind: 'cell' | 'column' | 'row' | 'table' | 'sheet';
}

function findTable(p: Problem, tables: TableLocation[]): TableLocation | undefined {
  const name = p.where.table?.toLowerCase();
  const sheet = p.where.sheet?.toLowerCase();
  if (name) {
    const byName = tables.filter((t) => t.name.toLowerCase() === name);
    return byName.find((t) => !sheet || t.sheet.toLowerCase() === sheet) ?? byName[0];
  }
  return undefined;
}

/** The best place to show for a problem, or null when it names no place in the workbook. */
export function problemTarget(p: Problem, tables: TableLocation[]): CellTarget | null {
  const w = p.where;
  const t = findTable(p, tables);
  const sheet = w.sheet ?? t?.sheet;
  if (!sheet) return null;
  if (w.cell) return { sheet, address: w.cell, kind: 'cell' };
  if (t && w.column && t.columns[w.column]) {
    const c = t.columns[w.column];
    if (w.row !== undefined) return { sheet, address: `${c}${w.row}`, kind: 'cell' };
    return { sheet, address: `${c}${t.headerRow}:${c}${Math.max(t.lastRow, t.headerRow)}`, kind: 'column' };
  }
  if (t && w.row !== undefined) return { sheet, address: `${t.firstColumn}${w.row}:${t.lastColumn}${w.row}`, kind: 'row' };
  if (t) return { sheet, address: `${t.firstColumn}${t.headerRow}:${t.lastColumn}${Math.max(t.lastRow, t.headerRow)}`, kind: 'table' };
  if (w.row !== undefined) return { sheet, address: `A${w.row}`, kind: 'row' };
  return { sheet, address: 'A1', kind: 'sheet' };
}
