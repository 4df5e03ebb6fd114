/**
 * The adapter's reads of the output sheets' cells (for verify): every used range at once (2 syncs)
 * or, above Excel on the web's response limit, in row chunks. With number formats, a date in a
 * 1904 workbook is given as its 1900 serial; when the input tables did not show the date system,
 * a few output date cells' text tells it. The input tables' reads are in reads.ts.
 */
import { type OutputCell } from '../../workbook/port';
import { isDateFormat } from '../../domain/parse/cells';
import { readRowChunks } from './chunkedRead';
import { detect1904 } from './dates1904';
import { guessReadBytes, LARGE_RESPONSE_BYTES, utf8Length } from './payload';
import { DATE_PROBE_CELLS, type ReadContext } from './reads';
import { outputCellsOf, queueUsedRanges, type RowRange } from './tableRead';

/**
 * The date system from output cells when the input tables did not show it: the text of a few date
 * cells (one sync), or null when there is none.
 */
async function outputDateSystem(
  c: ReadContext,
  cells: { sheet: string; row: number; col: number; value: number; format: string }[],
): Promise<boolean | null> {
  const probe = cells.slice(0, DATE_PROBE_CELLS);
  if (probe.length === 0) return null;
  return c.run(async (ctx) => {
    const ranges = probe.map((p) => ctx.workbook.worksheets.getItem(p.sheet).getRangeByIndexes(p.row, p.col, 1, 1).load('text'));
    await ctx.sync();
    return detect1904(probe.map((p, i) => ({ value: p.value, format: p.format, text: String(ranges[i].text[0][0]) })));
  });
}

interface Block {
  sheet: string;
  rowIndex: number;
  columnIndex: number;
  formulas: unknown[][];
  values: unknown[][];
  formats?: unknown[][];
}

/** Output cells of the blocks read; with formats, dates in a 1904 workbook become 1900 serials. */
async function cellsOfBlocks(c: ReadContext, blocks: Block[], date1904: boolean | null): Promise<OutputCell[]> {
  let system = date1904;
  if (system === null && blocks.some((b) => b.formats)) {
    const dates = blocks.flatMap((b) =>
      b.values.flatMap((row, r) =>
        row.flatMap((v, col) => {
          const format = b.formats?.[r]?.[col];
          return typeof v === 'number' && typeof format === 'string' && isDateFormat(format)
            ? [{ sheet: b.sheet, row: b.rowIndex + r, col: b.columnIndex + col, value: v, format }]
            : [];
        }),
      ),
    );
    system = await outputDateSystem(c, dates);
  }
  const cells: OutputCell[] = [];
  for (const b of blocks)
    outputCellsOf(
      b.sheet,
      b.rowIndex,
      b.columnIndex,
      b.formulas,
      b.values,
      cells,
      b.formats ? { formats: b.formats, date1904: system === true } : undefined,
    );
  return cells;
}

/**
 * 2 syncs: list the sheets, then each sheet's used range. Number formats too unless the workbook is
 * known to count dates from 1900 (they tell which values are dates to convert).
 */
export async function readOutputCellsAtOnce(c: ReadContext, sheetNames: string[], date1904: boolean | null): Promise<OutputCell[]> {
  const withFormats = date1904 !== false;
  const blocks = await c.run(async (ctx) => {
    const reads = await queueUsedRanges(ctx, sheetNames, 'cells');
    if (withFormats) for (const { used } of reads) used.load('numberFormat');
    await ctx.sync();
    return reads
      .filter(({ used }) => !used.isNullObject)
      .map(({ name, used }): Block => ({
        sheet: name,
        rowIndex: used.rowIndex,
        columnIndex: used.columnIndex,
        formulas: used.formulas,
        values: used.values,
        formats: withFormats ? used.numberFormat : undefined,
      }));
  });
  return cellsOfBlocks(c, blocks, date1904);
}

/** Above the response limit: list the sheets and their used ranges, then row chunks. */
export async function readOutputCellsInChunks(
  c: ReadContext,
  sheetNames: string[],
  date1904: boolean | null,
  onlyIfLarge: unknown,
): Promise<OutputCell[]> {
  const withFormats = date1904 !== false;
  const ranges = await c.run(async (ctx) => {
    const reads = await queueUsedRanges(ctx, sheetNames, 'place');
    await ctx.sync();
    return reads
      .filter(({ used }) => !used.isNullObject)
      .map(({ name, used }): RowRange => ({
        sheet: name,
        rowIndex: used.rowIndex,
        columnIndex: used.columnIndex,
        rows: used.rowCount,
        columns: used.columnCount,
      }));
  });
  const estimate = guessReadBytes(ranges);
  if (onlyIfLarge && estimate < LARGE_RESPONSE_BYTES) throw onlyIfLarge;
  const parts = await readRowChunks(
    c.run,
    c.payloadLimit,
    ranges,
    (range) => range.load(withFormats ? 'formulas,values,numberFormat,rowIndex,columnIndex' : 'formulas,values,rowIndex,columnIndex'),
    (range) => ({
      rowIndex: range.rowIndex,
      columnIndex: range.columnIndex,
      formulas: range.formulas,
      values: range.values,
      formats: withFormats ? range.numberFormat : undefined,
    }),
    (chunk) =>
      utf8Length(JSON.stringify(chunk.formulas)) +
      utf8Length(JSON.stringify(chunk.values)) +
      (chunk.formats ? utf8Length(JSON.stringify(chunk.formats)) : 0),
  );
  return cellsOfBlocks(
    c,
    ranges.flatMap((r, i) => parts[i].map((chunk): Block => ({ sheet: r.sheet, ...chunk }))),
    date1904,
  );
}
