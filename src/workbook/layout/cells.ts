/** Formula pieces shared by the calculation rows (TYM_Rivit) and their row positions. */
import { excelTrim } from '../../domain/text';
import type { TableInfo } from '../../domain/types';
import type { RawValue } from '../../domain/raw';
import { a1AbsRow, tableCell } from '../formula';
import type { CellWriter, Grid } from '../grid';
import type { Block } from './block';
import type { Ctx } from './context';

export const ROWS_FIRST = 5;
export const HEADER = ROWS_FIRST - 1;
export const SLOT_ROW = ROWS_FIRST - 2;

/** The trimmed text a formula TRIM(cell) gives for a raw value (numbers as the engine writes them). */
export function trimmed(v: RawValue | undefined): string {
  if (v === undefined || v === null) return '';
  if (typeof v === 'string') return excelTrim(v);
  if (typeof v === 'number' || typeof v === 'boolean') return String(v).toUpperCase();
  return '';
}

/** Blank as a formula sees it: TRIM(cell)="". */
export const blankCell = (t: TableInfo, key: string, n: string) => `TRIM(${tableCell(t, key, n)})=""`;

/** The whole table row is blank (all its columns, as the engine's "empty row"). */
export const blankRow = (t: TableInfo, n: string) => `SUMPRODUCT(--(TRIM(INDEX(${t.name}[[#Data]],${n},0))<>""))=0`;

/** A name found in a list by MATCH and confirmed by "=" (MATCH reads * ? ~ as wildcards; "=" does not). */
export function matchExact(text: string, list: string): string {
  return `IF(INDEX(${list},MATCH(${text},${list},0))=${text},MATCH(${text},${list},0),NA())`;
}

export function slotHeader(g: Grid, b: Block, keys: string[], ctx: Ctx): void {
  for (const k of keys) ctx.slots.forEach((s) => g.value(SLOT_ROW, b.c(`${k}${s.no}`), s.no, 'integer'));
}

export const slotRef = (b: Block, key: string) => a1AbsRow(SLOT_ROW, b.c(key));

/**
 * Row i of a block in table order (staff, costs: row i reads table row i): writes its table row n
 * and whether that row is blank (columns 'n' and 'blank'); gives the sheet row, n's cell and the
 * row's cell of a column.
 */
export function tableOrderRow(
  g: CellWriter,
  b: Block,
  t: TableInfo,
  i: number,
  present: boolean,
): { r: number; n: string; at: (key: string) => string } {
  const r = b.row(i);
  const n = b.col('n', r);
  g.value(r, b.c('n'), i + 1, 'integer');
  g.formula(r, b.c('blank'), blankRow(t, n), !present, 'text');
  return { r, n, at: (key) => b.at(key, r) };
}
