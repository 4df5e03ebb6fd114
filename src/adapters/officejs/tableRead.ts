/**
 * Reading tables and output cells through office.js: what is queued for a read, and what the loaded
 * arrays become (RawTable, OutputCell). The adapter decides how many syncs; this file only queues
 * loads and turns their results into the domain's shapes.
 */
import type { RawCell, RawTable, RawValue } from '../../domain/raw';
import { EXCEL_EPOCH_OFFSET } from '../../domain/dates';
import { a1 } from '../../workbook/formula';
import type { OutputCell } from '../../workbook/port';
import { utf8Length } from './blocks';
import { EXCEL_1904_OFFSET_DAYS, type DateSample } from './dates1904';
import { isDateFormat } from '../../domain/parse/cells';
import { GENERAL_FORMAT } from './styles';

export const lower = (s: string) => s.toLocaleLowerCase('fi-FI');

/** "Taul1!$B$5:$C$9" -> "B5:C9". */
export function localAddress(address: string): string {
  const bang = address.lastIndexOf('!');
  return (bang >= 0 ? address.slice(bang + 1) : address).replace(/\$/g, '');
}

/** 1-based row number of the first cell of an address. */
export function rowOfAddress(address: string): number {
  const m = /[A-Za-z]+\$?(\d+)/.exec(localAddress(address));
  return m ? Number(m[1]) : NaN;
}

function rawValue(value: unknown, type: string | undefined, format: string | undefined, date1904: boolean): RawValue {
  if (type === 'Empty' || value === '' || value === null || value === undefined) return type === 'String' ? '' : null;
  if (type === 'Error') return { error: String(value) };
  if (typeof value === 'number' && isDateFormat(format)) {
    // Same Date as exceljs gives: UTC, midnight for whole days; a 1904 serial counts 1,462 days later.
    const serial = value + (date1904 ? EXCEL_1904_OFFSET_DAYS : 0);
    return new Date(Math.round((serial - EXCEL_EPOCH_OFFSET) * 86_400_000));
  }
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'string') return value;
  return String(value);
}

function rawCell(value: unknown, type: string | undefined, format: string | undefined, date1904: boolean): RawCell {
  const cell: RawCell = { value: rawValue(value, type, format, date1904) };
  if (format && format !== GENERAL_FORMAT) cell.numFmt = format;
  return cell;
}

/** A block of rows on a sheet, 0-based like getRangeByIndexes. */
export interface RowRange {
  sheet: string;
  rowIndex: number;
  columnIndex: number;
  rows: number;
  columns: number;
}

/** Where a table is and what its columns are called: everything but the cells. */
export interface TableHead {
  name: string;
  sheet: string;
  headers: string[];
  /** 0-based row and column of the first data cell (= 1-based row of the header). */
  bodyRowIndex: number;
  bodyColumnIndex: number;
  rowCount: number;
  columnCount: number;
  /** Merged areas over the table; undefined when ExcelApi 1.13 is missing. */
  mergedRanges?: string[];
}

/** The cells of some rows of a table, as office.js returns them. */
export interface TableRows {
  values: unknown[][];
  types: string[][];
  formats: unknown[][];
  /**
   * 1-based sheet rows that are visible (not hidden, not filtered out); null when the rows' first
   * column is hidden, so its visible view says nothing about the rows (resolveVisibleRows reads them).
   */
  visibleRows: number[] | null;
  /** JSON size of what Excel sent for these rows. */
  bytes: number;
}

export function queueTableList(ctx: Excel.RequestContext): Excel.TableCollection {
  const tables = ctx.workbook.tables;
  tables.load('items/name,items/showTotals,items/worksheet/name');
  return tables;
}

export type QueuedHead = ReturnType<typeof queueTableHead>;

export function queueTableHead(table: Excel.Table, mergedSupported: boolean) {
  const columns = table.columns;
  columns.load('items/name');
  const body = table.getDataBodyRange();
  body.load('rowIndex,columnIndex,rowCount,columnCount');
  let merged: Excel.RangeAreas | null = null;
  if (mergedSupported) {
    merged = table.getRange().getMergedAreasOrNullObject();
    merged.load('areas/items/address');
  }
  return { columns, body, merged };
}

export function tableHeadOf(table: Excel.Table, head: QueuedHead): TableHead {
  const { columns, body, merged } = head;
  const out: TableHead = {
    name: table.name,
    sheet: table.worksheet.name,
    headers: columns.items.map((c) => c.name),
    bodyRowIndex: body.rowIndex,
    bodyColumnIndex: body.columnIndex,
    rowCount: body.rowCount,
    columnCount: body.columnCount,
  };
  if (merged) out.mergedRanges = merged.isNullObject ? [] : merged.areas.items.map((a) => localAddress(a.address));
  return out;
}

export interface QueuedRows {
  range: Excel.Range;
  first: Excel.Range;
  visible: Excel.RangeView;
}

/** Queues the loads for some rows of a table (read them with rowsOf after the sync). */
export function queueRows(range: Excel.Range): QueuedRows {
  range.load('values,valueTypes,numberFormat');
  // Visible rows of the first column: one address per visible row, whatever the width (ExcelApi 1.3),
  // and whether that column is hidden (1.2), in which case its view holds no row at all.
  const first = range.getColumn(0);
  first.load('columnHidden');
  const visible = first.getVisibleView();
  visible.load('cellAddresses');
  return { range, first, visible };
}

/** Unique 1-based sheet rows of a visible view's addresses. */
export function rowsOfAddresses(addresses: unknown[][]): number[] {
  const rows = new Set<number>();
  for (const row of addresses) for (const address of row) rows.add(rowOfAddress(String(address)));
  return [...rows];
}

/** What queueRows loaded, after the sync. */
export function rowsOf({ range, first, visible }: QueuedRows): TableRows {
  const addresses = visible.cellAddresses;
  const visibleRows = first.columnHidden === true ? null : rowsOfAddresses(addresses);
  const bytes =
    utf8Length(JSON.stringify(range.values)) +
    utf8Length(JSON.stringify(range.valueTypes)) +
    utf8Length(JSON.stringify(range.numberFormat)) +
    utf8Length(JSON.stringify(addresses));
  return { values: range.values, types: range.valueTypes as string[][], formats: range.numberFormat, visibleRows, bytes };
}

/** Date cells among the first rows (numbers in a date format) with their text as Excel shows it. */
export function dateSamples(rows: TableRows, text: unknown[][] | null): DateSample[] {
  const out: DateSample[] = [];
  if (!text) return out;
  for (let r = 0; r < Math.min(rows.values.length, text.length); r++) {
    rows.values[r].forEach((v, c) => {
      const format = rows.formats[r]?.[c];
      if (typeof v === 'number' && typeof format === 'string' && isDateFormat(format) && typeof text[r]?.[c] === 'string')
        out.push({ value: v, format, text: text[r][c] as string });
    });
  }
  return out;
}

/** Where date cells are (0-based row and column within the rows), for a probe of their text. */
export function dateCells(rows: TableRows, limit: number): { r: number; c: number }[] {
  const out: { r: number; c: number }[] = [];
  for (let r = 0; r < rows.values.length && out.length < limit; r++) {
    rows.values[r].forEach((v, c) => {
      const format = rows.formats[r]?.[c];
      if (out.length < limit && typeof v === 'number' && typeof format === 'string' && isDateFormat(format)) out.push({ r, c });
    });
  }
  return out;
}

export const measureRows = (rows: TableRows) => rows.bytes;

export function concatRows(parts: TableRows[]): TableRows {
  if (parts.length === 1) return parts[0];
  return {
    values: parts.flatMap((p) => p.values),
    types: parts.flatMap((p) => p.types),
    formats: parts.flatMap((p) => p.formats),
    visibleRows: parts.some((p) => p.visibleRows === null) ? null : parts.flatMap((p) => p.visibleRows!),
    bytes: parts.reduce((n, p) => n + p.bytes, 0),
  };
}

/** The table as the domain reads it; `visibleRows` null (not known) reports no hidden row. */
export function rawTableOf(head: TableHead, cells: TableRows, date1904 = false): RawTable {
  const visible = cells.visibleRows === null ? null : new Set(cells.visibleRows);
  const rows: RawCell[][] = [];
  const hiddenRows: number[] = [];
  for (let r = 0; r < cells.values.length; r++) {
    const types = cells.types[r];
    const formats = cells.formats[r];
    rows.push(cells.values[r].map((v, c) => rawCell(v, types?.[c], formats?.[c] as string | undefined, date1904)));
    if (visible && !visible.has(head.bodyRowIndex + 1 + r)) hiddenRows.push(r);
  }
  const raw: RawTable = {
    name: head.name,
    sheet: head.sheet,
    headerRow: head.bodyRowIndex,
    firstColumn: head.bodyColumnIndex + 1,
    headers: head.headers,
    rows,
  };
  if (hiddenRows.length > 0) raw.hiddenRows = hiddenRows;
  if (head.mergedRanges) raw.mergedRanges = head.mergedRanges;
  return raw;
}

/**
 * Lists the sheets (1 sync), then queues a load of the used range of each named sheet that exists:
 * its cells, or only its place (for reading it in chunks).
 */
export async function queueUsedRanges(
  ctx: Excel.RequestContext,
  sheetNames: string[],
  what: 'cells' | 'place',
): Promise<{ name: string; used: Excel.Range }[]> {
  const sheets = ctx.workbook.worksheets;
  sheets.load('items/name');
  await ctx.sync();
  const byName = new Map(sheets.items.map((s) => [lower(s.name), s]));
  return sheetNames.flatMap((name) => {
    const ws = byName.get(lower(name));
    if (!ws) return [];
    const used = ws.getUsedRangeOrNullObject();
    if (what === 'cells') used.load('formulas,values,rowIndex,columnIndex');
    else used.load('rowIndex,columnIndex,rowCount,columnCount');
    return [{ name: ws.name, used }];
  });
}

/**
 * Output cells of a block read with formulas and values (empty cells skipped). With the number
 * formats of a 1904 workbook, date values are given as 1900 serials, as the engine expects them.
 */
export function outputCellsOf(
  sheet: string,
  rowIndex: number,
  columnIndex: number,
  formulas: unknown[][],
  values: unknown[][],
  into: OutputCell[],
  dates?: { formats: unknown[][]; date1904: boolean },
): void {
  formulas.forEach((row, r) =>
    row.forEach((f, c) => {
      let value = values[r][c] as OutputCell['value'];
      const format = dates?.formats[r]?.[c];
      if (dates?.date1904 && typeof value === 'number' && typeof format === 'string' && isDateFormat(format))
        value += EXCEL_1904_OFFSET_DAYS;
      // A text constant "=..." reads back with formulas equal to its value; a formula does not.
      const isFormula = typeof f === 'string' && f.startsWith('=') && f !== value;
      if (!isFormula && (value === '' || value === null)) return;
      const cell: OutputCell = { sheet, address: a1(rowIndex + r, columnIndex + c), value: value === '' ? null : value };
      if (isFormula) cell.formula = (f as string).slice(1);
      into.push(cell);
    }),
  );
}
