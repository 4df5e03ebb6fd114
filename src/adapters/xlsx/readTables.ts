/**
 * Reading a package for the application: every table as a RawTable (streamed sheet by sheet, only
 * the cells inside the tables and the row just below each are decoded), and the cells of the
 * add-in's output sheets with their formulas (for verify).
 */
import type { RawCell, RawTable, RawValue, RawWorkbook } from '../../domain/raw';
import { isDateFormat } from '../../domain/parse/cells';
import { a1 } from '../../workbook/formula';
import type { OutputCell } from '../../workbook/port';
import type { CellFormats } from './cellFormats';
import type { OpcPackage } from './opc';
import { scanSheet, type ScannedCell } from './sheetScanner';
import { contains, overlaps, parseBox, type Box, type TablePart } from './tableParts';
import type { WorkbookInfo } from './workbookPart';

/** What the readers need of a loaded package. */
export interface ReadContext {
  pkg: OpcPackage;
  wb: WorkbookInfo;
  tables: TablePart[];
  formats: CellFormats;
  strings: () => Promise<readonly string[]>;
}

const DAY_MS = 86_400_000;
const EPOCH_1900 = Date.UTC(1899, 11, 30);
const EPOCH_1904 = Date.UTC(1904, 0, 1);

/** A stored serial number as the UTC Date exceljs gives (the office.js adapter gives the same). */
function dateOf(serial: number, date1904: boolean): Date {
  return new Date((date1904 ? EPOCH_1904 : EPOCH_1900) + Math.round(serial * DAY_MS));
}

function rawCellOf(cell: ScannedCell | undefined, formats: CellFormats, date1904: boolean): RawCell {
  if (!cell) return { value: null };
  const numFmt = formats.numFmt(cell.xf);
  let value: RawValue = cell.value;
  if (typeof value === 'number' && isDateFormat(numFmt)) value = dateOf(value, date1904);
  const out: RawCell = numFmt === undefined ? { value } : { value, numFmt };
  if (cell.uncached) out.uncached = true;
  return out;
}

const isBlank = (v: RawValue) => v === null || (typeof v === 'string' && v.trim() === '');

/** A table being read: its rows are filled as the sheet streams by, straight into RawCells. */
interface Reading {
  t: TablePart;
  hasHeader: boolean;
  firstData: number;
  lastData: number;
  header: (ScannedCell | undefined)[];
  rows: (RawCell | undefined)[][];
  below: (RawCell | undefined)[];
}

export async function readRawWorkbook(ctx: ReadContext): Promise<RawWorkbook> {
  const { wb } = ctx;
  const tables: RawTable[] = [];
  const bySheet = new Map<number, TablePart[]>();
  for (const t of ctx.tables) bySheet.set(t.sheetIndex, [...(bySheet.get(t.sheetIndex) ?? []), t]);
  const strings = await ctx.strings();
  for (const [sheetIndex, list] of [...bySheet.entries()].sort((a, b) => a[0] - b[0])) {
    const sheet = wb.sheets[sheetIndex];
    const reading: Reading[] = list.map((t) => {
      const hasHeader = t.headerRowCount !== 0;
      const firstData = hasHeader ? t.box.top + 1 : t.box.top;
      const lastData = t.box.bottom - Math.max(0, t.totalsRowCount);
      return {
        t,
        hasHeader,
        firstData,
        lastData,
        header: [],
        rows: Array.from({ length: Math.max(0, lastData - firstData + 1) }, () => []),
        below: [],
      };
    });
    // The rows a table reads: its box, and the row just below it (to tell about values typed there).
    const regions: Box[] = list.map((t) => ({ ...t.box, bottom: t.box.bottom + 1 }));
    const top = Math.min(...regions.map((r) => r.top));
    const bottom = Math.max(...regions.map((r) => r.bottom));
    const date1904 = wb.date1904;
    const scan = await scanSheet(ctx.pkg, sheet.part!, {
      strings,
      wants: (row, col) => row >= top && row <= bottom && regions.some((r) => contains(r, row, col)),
      onCell: (row, col, cell) => {
        for (const x of reading) {
          const { box } = x.t;
          if (col < box.left || col > box.right) continue;
          const j = col - box.left;
          if (row === box.top && x.hasHeader) x.header[j] = cell;
          else if (row >= x.firstData && row <= x.lastData) x.rows[row - x.firstData][j] = rawCellOf(cell, ctx.formats, date1904);
          else if (row === box.bottom + 1 && !list.some((o) => o !== x.t && contains(o.box, row, col)))
            x.below[j] = rawCellOf(cell, ctx.formats, date1904);
        }
      },
    });
    const merges = scan.merges
      .map((ref) => ({ ref: ref.replace(/\$/g, ''), box: parseBox(ref) }))
      .filter((m): m is { ref: string; box: Box } => m.box !== undefined);
    for (const x of reading) tables.push(tableOf(x, sheet.name, scan.hiddenRows, merges));
  }
  return { tables, sheetNames: wb.sheets.map((s) => s.name) };
}

function tableOf(x: Reading, sheet: string, hidden: Set<number>, merges: { ref: string; box: Box }[]): RawTable {
  const { t } = x;
  const { box } = t;
  const width = box.right - box.left + 1;
  const headers: string[] = [];
  for (let j = 0; j < width; j++) {
    const v = x.header[j]?.value ?? null;
    headers.push(v === null || typeof v === 'object' || x.header[j]?.uncached ? (t.columns[j] ?? '') : String(v));
  }
  const fill = (cells: (RawCell | undefined)[]): RawCell[] => Array.from({ length: width }, (_, j) => cells[j] ?? { value: null });
  const rows = x.rows.map(fill);
  const table: RawTable = { name: t.name, sheet, headerRow: x.hasHeader ? box.top : box.top - 1, firstColumn: box.left, headers, rows };
  const hiddenRows: number[] = [];
  for (let r = x.firstData; r <= x.lastData; r++) if (hidden.has(r)) hiddenRows.push(r - x.firstData);
  if (hiddenRows.length) table.hiddenRows = hiddenRows;
  const mergedRanges = merges.filter((m) => overlaps(m.box, box)).map((m) => m.ref);
  if (mergedRanges.length) table.mergedRanges = mergedRanges;
  const below = fill(x.below);
  if (below.some((c) => !isBlank(c.value) || c.uncached)) table.below = { row: box.bottom + 1, cells: below };
  return table;
}

function outputValue(v: RawValue): OutputCell['value'] {
  if (v instanceof Date) return (v.getTime() - EPOCH_1900) / DAY_MS;
  if (v !== null && typeof v === 'object') return v.error;
  return v;
}

/** A cell as readSheetCells gives it; with `formats`, its number format too. */
export type SheetCell = OutputCell & { numFmt?: string };

/** Every non-empty cell of the named sheets (formulas with their stored values), for verify. */
export async function readSheetCells(ctx: ReadContext, sheetNames: string[], opts: { formats?: boolean } = {}): Promise<SheetCell[]> {
  const out: SheetCell[] = [];
  const strings = await ctx.strings();
  for (const wanted of sheetNames) {
    const sheet = ctx.wb.sheets.find((s) => s.name.toLowerCase() === wanted.toLowerCase());
    if (!sheet?.part || sheet.kind !== 'worksheet' || !ctx.pkg.has(sheet.part)) continue;
    const merged: Box[] = [];
    const found: SheetCell[] = [];
    const scan = await scanSheet(ctx.pkg, sheet.part, {
      strings,
      formulas: true,
      wants: () => true,
      onCell: (row, col, cell) => {
        if (cell.value === null && cell.formula === undefined) return;
        const c: SheetCell = { sheet: sheet.name, address: a1(row - 1, col - 1), formula: cell.formula, value: outputValue(cell.value) };
        const numFmt = opts.formats ? ctx.formats.numFmt(cell.xf) : undefined;
        if (numFmt !== undefined) c.numFmt = numFmt;
        found.push(c);
      },
    });
    for (const m of scan.merges) {
      const b = parseBox(m);
      if (b) merged.push(b);
    }
    // A merged cell other than the top-left one is empty in Excel.
    for (const c of found) {
      const b = parseBox(c.address)!;
      if (merged.some((m) => contains(m, b.top, b.left) && !(m.top === b.top && m.left === b.left))) continue;
      out.push(c);
    }
  }
  return out;
}
