/**
 * The adapter's reads of every input table (readTables), at once (2 syncs) or, above Excel on the
 * web's response limit, in row chunks. The output sheets' cells (for verify): outputReads.ts.
 *
 * Beside the cells, a table read finds out two things Excel does not say directly:
 * - the date system: the text of each table's first rows (loaded with the cells) shows dates as the
 *   workbook counts them (dates1904.ts); only when those rows hold no date that tells the systems
 *   apart, one more sync reads a few later date cells;
 * - the visible rows, from the visible view of the first column (one address per row) unless that
 *   column is hidden, when the whole rows' view is read in one more sync (a hidden first column
 *   would otherwise make every row look hidden).
 */
import type { RawWorkbook } from '../../domain/raw';
import { WorkbookChangedError } from '../../workbook/port';
import { readRowChunks } from './chunkedRead';
import { type DateSample, detect1904 } from './dates1904';
import { type Inventory, inventoryOf, queueInventory } from './inventory';
import { guessReadBytes, LARGE_RESPONSE_BYTES, utf8Length } from './payload';
import type { Run } from './replace';
import {
  concatRows,
  dateCells,
  dateSamples,
  measureRows,
  queueRows,
  queueTableHead,
  queueTableList,
  rawTableOf,
  rowsOf,
  rowsOfAddresses,
  tableHeadOf,
  type RowRange,
  type TableHead,
  type TableRows,
} from './tableRead';

export interface ReadContext {
  run: Run;
  payloadLimit: number;
  /** ExcelApi 1.13 (merged areas). */
  mergedSupported: boolean;
  now: () => number;
}

export interface TablesRead {
  raw: RawWorkbook;
  inventory: Inventory;
  /** True for the 1904 date system, false for 1900, null when no date cell showed which. */
  date1904: boolean | null;
}

/** Rows of each table's top whose text the read loads, to learn the date system. */
const DATE_PROBE_ROWS = 20;
/** Date cells further down read one by one when the top rows did not tell. */
export const DATE_PROBE_CELLS = 5;

/** The text of a table's first rows (ExcelApi 1.1 text, 1.2 getResizedRange). */
function queueDateProbe(table: Excel.Table): Excel.Range {
  const probe = table
    .getDataBodyRange()
    .getRow(0)
    .getResizedRange(DATE_PROBE_ROWS - 1, 0);
  probe.load('text');
  return probe;
}

const placeOf = (h: TableHead): RowRange => ({
  sheet: h.sheet,
  rowIndex: h.bodyRowIndex,
  columnIndex: h.bodyColumnIndex,
  rows: h.rowCount,
  columns: h.columnCount,
});

/**
 * One sync for what the first read left open: the visible rows of tables whose first column is
 * hidden, and the text of a few date cells below the probed rows when those did not show the date
 * system. Nothing (no sync) when neither is needed.
 */
async function settle(
  ctx: Excel.RequestContext,
  items: { head: TableHead; rows: TableRows }[],
  date1904: boolean | null,
): Promise<boolean | null> {
  const sheet = (h: TableHead) => ctx.workbook.worksheets.getItem(h.sheet);
  const views = items
    .filter((x) => x.rows.visibleRows === null)
    .map((x) => {
      const view = sheet(x.head)
        .getRangeByIndexes(x.head.bodyRowIndex, x.head.bodyColumnIndex, Math.max(1, x.rows.values.length), x.head.columnCount)
        .getVisibleView();
      view.load('cellAddresses');
      return { x, view };
    });
  const probes: { value: number; format: string; range: Excel.Range }[] = [];
  if (date1904 === null) {
    for (const x of items) {
      const below = { ...x.rows, values: x.rows.values.slice(DATE_PROBE_ROWS), formats: x.rows.formats.slice(DATE_PROBE_ROWS) };
      for (const { r, c } of dateCells(below, DATE_PROBE_CELLS - probes.length)) {
        const range = sheet(x.head).getRangeByIndexes(x.head.bodyRowIndex + DATE_PROBE_ROWS + r, x.head.bodyColumnIndex + c, 1, 1);
        range.load('text');
        probes.push({
          value: x.rows.values[DATE_PROBE_ROWS + r][c] as number,
          format: String(x.rows.formats[DATE_PROBE_ROWS + r][c]),
          range,
        });
      }
    }
  }
  if (views.length === 0 && probes.length === 0) return date1904;
  await ctx.sync();
  for (const { x, view } of views) x.rows.visibleRows = rowsOfAddresses(view.cellAddresses);
  return date1904 ?? detect1904(probes.map((p): DateSample => ({ value: p.value, format: p.format, text: String(p.range.text[0][0]) })));
}

/** The usual path: 2 syncs whatever the row count, as long as the response fits (a 3rd for `settle`). */
export async function readTablesAtOnce(c: ReadContext): Promise<TablesRead> {
  return c.run(async (ctx) => {
    const tables = queueTableList(ctx);
    const inv = queueInventory(ctx);
    await ctx.sync();
    const reads = tables.items.map((table) => ({
      table,
      head: queueTableHead(table, c.mergedSupported),
      rows: queueRows(table.getDataBodyRange()),
      probe: queueDateProbe(table),
    }));
    await ctx.sync();
    const inventory = inventoryOf(inv, c.now());
    const items = reads.map((r) => ({ head: tableHeadOf(r.table, r.head), rows: rowsOf(r.rows), text: r.probe.text }));
    const date1904 = await settle(ctx, items, detect1904(items.flatMap((x) => dateSamples(x.rows, x.text))));
    const out = items.map((x) => rawTableOf(x.head, x.rows, date1904 ?? false));
    return { raw: { tables: out, sheetNames: inv.sheets.items.map((s) => s.name) }, inventory, date1904 };
  });
}

/**
 * Above the response limit: sync 1 lists, sync 2 reads each table's place, headers and first rows'
 * text, then row chunks sized by the planner (several tables per sync while they fit). The last
 * chunk sync re-reads every table's place, so a table that changed while it was read in parts is
 * reported instead of half-read. `onlyIfLarge`: the error that sent the read here when it was not
 * the payload-limit code; it is thrown again when the tables are too small for size to be the cause.
 */
export async function readTablesInChunks(c: ReadContext, onlyIfLarge: unknown): Promise<TablesRead> {
  const listed = await c.run(async (ctx) => {
    const tables = queueTableList(ctx);
    const inv = queueInventory(ctx);
    await ctx.sync();
    const heads = tables.items.map((table) => ({ table, head: queueTableHead(table, c.mergedSupported), probe: queueDateProbe(table) }));
    await ctx.sync();
    return {
      heads: heads.map((h) => ({ head: tableHeadOf(h.table, h.head), text: h.probe.text })),
      inventory: inventoryOf(inv, c.now()),
      sheetNames: inv.sheets.items.map((s) => s.name),
    };
  });
  const heads = listed.heads.map((h) => h.head);
  const estimate = guessReadBytes(heads.map(placeOf));
  if (onlyIfLarge && estimate < LARGE_RESPONSE_BYTES) throw onlyIfLarge;
  const parts = await readRowChunks(c.run, c.payloadLimit, heads.map(placeOf), queueRows, rowsOf, measureRows, (ctx) => {
    const now = heads.map((h) => {
      const body = ctx.workbook.tables.getItem(h.name).getDataBodyRange();
      body.load('rowIndex,columnIndex,rowCount,columnCount');
      return { h, body };
    });
    return () => {
      for (const { h, body } of now) {
        const same =
          body.rowIndex === h.bodyRowIndex &&
          body.columnIndex === h.bodyColumnIndex &&
          body.rowCount === h.rowCount &&
          body.columnCount === h.columnCount;
        if (!same) throw new WorkbookChangedError(h.name, h.sheet);
      }
    };
  });
  const items = heads.map((head, i) => ({ head, rows: concatRows(parts[i]) }));
  // Visible rows of tables whose first column is hidden: the whole rows' view, in chunks too.
  const hidden = items.filter((x) => x.rows.visibleRows === null);
  if (hidden.length > 0) {
    const views = await readRowChunks(
      c.run,
      c.payloadLimit,
      hidden.map((x) => placeOf(x.head)),
      (range) => range.getVisibleView().load('cellAddresses'),
      (view) => view.cellAddresses,
      (addresses) => utf8Length(JSON.stringify(addresses)),
    );
    hidden.forEach((x, i) => (x.rows.visibleRows = views[i].flatMap(rowsOfAddresses)));
  }
  const first = detect1904(listed.heads.flatMap((h, i) => dateSamples(items[i].rows, h.text)));
  const date1904 = first ?? (await c.run((ctx) => settle(ctx, items, null)));
  const out = items.map((x) => rawTableOf(x.head, x.rows, date1904 ?? false));
  return { raw: { tables: out, sheetNames: listed.sheetNames }, inventory: listed.inventory, date1904 };
}
