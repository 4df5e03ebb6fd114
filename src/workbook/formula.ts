/**
 * Small pure helpers for writing formulas in English syntax (no leading "="), shared by the layout
 * and by verify. Only functions that every Excel since 2010 and LibreOffice have are used.
 */
import { colLetters } from '../domain/columns';
import type { TableInfo } from '../domain/types';

export { colLetters, columnNumber } from '../domain/columns';

/** A1 address of a 0-based (row, col); `abs` makes it $A$1. */
export function a1(row: number, col: number, abs = false): string {
  return abs ? `$${colLetters(col)}$${row + 1}` : `${colLetters(col)}${row + 1}`;
}

/** A range of a 0-based rectangle, absolute. */
export function range(r1: number, c1: number, r2: number, c2: number): string {
  return `${a1(r1, c1, true)}:${a1(r2, c2, true)}`;
}

/** A reference on another sheet (our sheet names need no quotes; quote anyway when they would). */
export function onSheet(sheet: string, ref: string): string {
  return /^[A-Za-z_][A-Za-z0-9_]*$/.test(sheet) ? `${sheet}!${ref}` : `'${sheet.replace(/'/g, "''")}'!${ref}`;
}

/**
 * Structured reference to a table column, e.g. Henkilosto[HTV] or Kunnat[[Sovittu osuus %]].
 * Headers with anything but letters, digits and "_" take the inner brackets; ' [ ] # are escaped with '.
 */
export function columnRef(table: TableInfo, key: string): string {
  const header = table.columns[key];
  if (header === undefined) throw new Error(`table ${table.name} has no column ${key}`);
  const escaped = header.replace(/(['[\]#])/g, "'$1");
  return /^[\p{L}\p{N}_]+$/u.test(header) ? `${table.name}[${escaped}]` : `${table.name}[[${escaped}]]`;
}

/** The n-th data cell of a table column: INDEX(Table[Col],n), where n is a formula (usually a cell). */
export function tableCell(table: TableInfo, key: string, n: string): string {
  return `INDEX(${columnRef(table, key)},${n})`;
}

/** A text constant inside a formula. */
export function str(s: string): string {
  return `"${s.replace(/"/g, '""')}"`;
}

/** $A1: column fixed, row relative (for a formula copied across). */
export function a1AbsCol(row: number, col: number): string {
  return `$${colLetters(col)}${row + 1}`;
}

/** A$1: row fixed, column relative (for a formula copied down). */
export function a1AbsRow(row: number, col: number): string {
  return `${colLetters(col)}$${row + 1}`;
}
