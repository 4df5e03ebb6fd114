/**
 * office.js keeps globals and timers of its own alive after the last test of the file.
 * @jest-environment-options {"globalsCleanup": "off"}
 */
/**
 * The adapter under Microsoft's own office.js client library (test/support/realOfficeJs.ts): the
 * real Excel.run, the real proxies and the real serializer, with the Office host stubbed at its
 * boundary. Checks what the client library decides: that it accepts every call the adapter makes,
 * how big the requests really are (Excel on the web refuses over 5 MB), that every formula reaches
 * the request once, how the loads are sent as queries, and which error codes Excel's payload
 * failures become.
 */
import { ExcelJsWorkbook } from '../../../src/adapters/exceljs/excelJsWorkbook';
import { isPayloadLimitError, OfficeJsWorkbook } from '../../../src/adapters/officejs/officeJsWorkbook';
import { computeOutputs } from '../../../src/app/pipeline';
import type { RawWorkbook } from '../../../src/domain/raw';
import { buildSampleInputs } from '../../../src/sample/sample';
import type { SheetSpec } from '../../../src/workbook/sheetSpec';
import {
  ACTION,
  type CapturedRequest,
  inventoryAnswer,
  isReferenceCleanup,
  loadRealOfficeJs,
  pathName,
  type RichApiAction,
  setHost,
  sheetListAnswer,
  sheetsAnswer,
  writeResults,
} from '../../support/realOfficeJs';

const EXCEL_WEB_LIMIT = 5_000_000;

beforeAll(() => loadRealOfficeJs());

async function sampleOutputs(scale: number): Promise<{ raw: RawWorkbook; sheets: SheetSpec[] }> {
  const raw = await ExcelJsWorkbook.fromWorkbook(await buildSampleInputs({ year: 2026, scale })).readTables();
  const result = computeOutputs(raw);
  if (!result.ok) throw new Error('the sample did not compute');
  return { raw, sheets: result.sheets };
}

/** The requests of our syncs (office.js's reference clean-up at the end of Excel.run left out). */
function captureWrites(raw: RawWorkbook): CapturedRequest[] {
  const requests: CapturedRequest[] = [];
  setHost((request) => {
    if (!isReferenceCleanup(request)) requests.push(request);
    return writeResults(request.body, (a) => {
      const at = pathName(request.body, a.ObjectPathId);
      return at === 'Worksheets' ? sheetListAnswer(raw) : inventoryAnswer(at);
    });
  });
  return requests;
}

const formulaCount = (sheets: SheetSpec[]) =>
  sheets.reduce((n, s) => n + s.cells.flat().filter((c) => c && c.formula !== undefined).length, 0);

/** Formula strings in the Formulas sets of the captured requests (office.js may split one set into slices). */
function formulasSent(requests: CapturedRequest[]): string[] {
  const out: string[] = [];
  for (const { body } of requests)
    for (const a of body.Actions)
      if (a.ActionType === ACTION.setProperty && a.Name === 'Formulas') {
        const grid = a.ArgumentInfo?.Arguments?.[0] as unknown[][];
        for (const row of grid) for (const v of row) if (typeof v === 'string' && v.startsWith('=')) out.push(v);
      }
  return out;
}

describe('writes under the real office.js client', () => {
  test("a first run: every request within the adapter's own estimate, under 5 MB, and every formula sent once", async () => {
    const { raw, sheets } = await sampleOutputs(1);
    const requests = captureWrites(raw);
    const port = new OfficeJsWorkbook({ isSetSupported: () => true }); // the real Excel.run
    await port.replaceOutputs(sheets);
    const plan = (port as unknown as { lastPlan: { batchBytes: number[]; finishBytes: number } }).lastPlan;
    // 1 request for the sheet list, the write in one request (realistic size), the finishing touches in one.
    expect(requests).toHaveLength(3);
    const writes = requests.slice(1, -1);
    expect(writes.map((r) => r.bytes <= plan.batchBytes[0])).toEqual([true]);
    expect(writes[0].bytes).toBeLessThan(EXCEL_WEB_LIMIT);
    const touches = requests[2];
    expect(touches.body.Actions.some((a) => a.Name === 'FreezeRows' || a.Name === 'FreezeAt')).toBe(true);
    expect(touches.body.Actions.some((a) => a.Name === 'TabColor')).toBe(true);
    expect(touches.bytes).toBeLessThanOrEqual(plan.finishBytes);
    expect(formulasSent(writes)).toHaveLength(formulaCount(sheets));
    // English function names and argument commas, whatever the user's Excel language.
    const sample = formulasSent(writes).find((f) => f.includes('SUMIFS('));
    expect(sample).toMatch(/^=.*SUMIFS\([^;]*,/);
  });

  test("a large write chunked by the adapter: office.js's own slicing included, no request over the estimate", async () => {
    const { raw, sheets } = await sampleOutputs(10);
    const requests = captureWrites(raw);
    const limit = 250_000;
    const port = new OfficeJsWorkbook({ isSetSupported: () => true, payloadLimitBytes: limit });
    await port.replaceOutputs(sheets);
    const plan = (port as unknown as { lastPlan: { batchBytes: number[]; finishBytes: number } }).lastPlan;
    const writes = requests.slice(1, -1);
    expect(requests[requests.length - 1].bytes).toBeLessThanOrEqual(plan.finishBytes);
    expect(writes.length).toBe(plan.batchBytes.length);
    expect(writes.length).toBeGreaterThan(5);
    writes.forEach((r, i) => {
      expect(r.bytes).toBeLessThanOrEqual(plan.batchBytes[i]);
      expect(plan.batchBytes[i]).toBeLessThanOrEqual(limit + 5_000); // a single op larger than the limit would stand alone
    });
    // office.js did slice large sets (the case the estimate models), and nothing was lost.
    expect(writes.some((r) => r.body.Actions.some((a) => a.Name === '_ValidateArraySize'))).toBe(true);
    expect(formulasSent(writes)).toHaveLength(formulaCount(sheets));
  });
});

describe('reads under the real office.js client', () => {
  test('the loads become the queries Excel answers, and a non-payload failure is not taken for the limit', async () => {
    const requests: CapturedRequest[] = [];
    setHost((request) => {
      requests.push(request);
      if (requests.length === 1) {
        return writeResults(request.body, (a) => {
          const at = pathName(request.body, a.ObjectPathId);
          if (at === 'Tables')
            return { _Items: [{ Id: '{T1}', Name: 'Henkilosto', ShowTotals: false, Worksheet: { Name: 'Henkilöstö' } }] };
          if (at === 'Worksheets') return sheetsAnswer([{ name: 'Henkilöstö', tables: ['Henkilosto'] }]);
          return inventoryAnswer(at);
        });
      }
      return { errorCode: 5012, message: 'The session has timed out.' };
    });
    const port = new OfficeJsWorkbook({ isSetSupported: () => true });
    const failure = await port.readTables().catch((e: unknown) => e);
    expect(failure).toMatchObject({ code: 'InvalidOrTimedOutSession' });
    expect(isPayloadLimitError(failure)).toBe(false);
    expect(requests).toHaveLength(2); // not retried in chunks
    const queries = (r: CapturedRequest) =>
      r.body.Actions.filter((a: RichApiAction) => a.ActionType === ACTION.query).map((a) => [
        pathName(r.body, a.ObjectPathId),
        [...(a.QueryInfo?.Select ?? [])].sort().join(','),
      ]);
    expect(queries(requests[0])).toEqual([
      ['Tables', 'name,showTotals,worksheet/name'],
      ['Worksheets', 'name,names/formula,names/name,tables/name,visibility'],
      ['Names', 'formula,name'],
      ['Application', 'calculationMode'],
    ]);
    // The table is addressed by the id Excel gave it in the listing.
    expect(queries(requests[1]).sort()).toEqual(
      [
        ['Tables[{T1}].Columns', 'name'],
        ['Tables[{T1}].GetDataBodyRange', 'columnCount,columnIndex,rowCount,rowIndex'],
        ['Tables[{T1}].GetRange.GetMergedAreasOrNullObject', 'areas/address'],
        ['Tables[{T1}].GetDataBodyRange', 'numberFormat,valueTypes,values'],
        ['Tables[{T1}].GetDataBodyRange.GetColumn', 'columnHidden'],
        ['Tables[{T1}].GetDataBodyRange.GetColumn.GetVisibleView', 'cellAddresses'],
        ['Tables[{T1}].GetDataBodyRange.GetRow.GetResizedRange', 'text'],
      ].sort(),
    );
  });

  test.each([
    [5104, 'ResponsePayloadSizeLimitExceeded', true],
    [5103, 'RequestPayloadSizeLimitExceeded', true],
    [5012, 'InvalidOrTimedOutSession', false],
  ])('Office error %i becomes %s (payload limit: %s)', async (officeCode, code, isLimit) => {
    setHost(() => ({ errorCode: officeCode, message: 'refused' }));
    const failure = await Excel.run(async (ctx) => {
      ctx.workbook.worksheets.load('items/name');
      await ctx.sync();
    }).catch((e: unknown) => e);
    expect(failure).toMatchObject({ code });
    expect(isPayloadLimitError(failure)).toBe(isLimit);
  });
});

describe('the chunked read under the real office.js client', () => {
  /** A stub Excel holding one table of n rows, answering as Excel on the web does, with a small response limit. */
  function tableHost(n: number, responseLimit: number, requests: CapturedRequest[]) {
    const rowAt = (i: number) => [i % 3 === 0 ? 'TVA' : 'HVA', 0.25 + (i % 4) * 0.25];
    const hidden = (sheetRow: number) => sheetRow % 50 === 7;
    const bodyDims = { RowIndex: 1, ColumnIndex: 0, RowCount: n, ColumnCount: 2 };
    const rangeAnswer = (r0: number, h: number, select: string[]) => {
      if (select.includes('values')) {
        const rows = Array.from({ length: h }, (_, i) => rowAt(r0 - 1 + i));
        return {
          Values: rows,
          ValueTypes: rows.map((r) => r.map((v) => (typeof v === 'number' ? 'Double' : 'String'))),
          NumberFormat: rows.map(() => ['General', '0.00']),
        };
      }
      return bodyDims;
    };
    setHost((request) => {
      if (isReferenceCleanup(request)) return { results: [] };
      requests.push(request);
      const body = request.body;
      const argsOf = (id: number) => body.ObjectPaths[String(id)]?.ArgumentInfo?.Arguments ?? [];
      const answer = writeResults(body, (a) => {
        const at = pathName(body, a.ObjectPathId);
        const select = a.QueryInfo?.Select ?? [];
        if (at === 'Tables') return { _Items: [{ Id: '{T1}', Name: 'Henkilosto', ShowTotals: false, Worksheet: { Name: 'Henkilöstö' } }] };
        if (at === 'Worksheets') return sheetsAnswer([{ name: 'Henkilöstö', tables: ['Henkilosto'] }]);
        if (at === 'Names' || at === 'Application') return inventoryAnswer(at);
        if (at.endsWith('.Columns')) return { _Items: [{ Name: 'Organisaatio' }, { Name: 'HTV' }] };
        if (at.endsWith('GetMergedAreasOrNullObject')) return null;
        // The text of the first rows (the date-system probe) and whether the first column is hidden.
        if (at.endsWith('GetResizedRange')) return { Text: Array.from({ length: 20 }, (_, i) => rowAt(i).map(String)) };
        if (at.endsWith('GetColumn')) return { ColumnHidden: false };
        if (at.endsWith('GetDataBodyRange')) return rangeAnswer(1, n, select);
        if (at.endsWith('GetRangeByIndexes')) {
          const [r0, , h] = argsOf(a.ObjectPathId) as number[];
          return rangeAnswer(r0, h, select);
        }
        if (at.endsWith('GetVisibleView')) {
          // The view's range: GetColumn of a body or of GetRangeByIndexes.
          const column = body.ObjectPaths[String(a.ObjectPathId)].ParentObjectPathId!;
          const source = body.ObjectPaths[String(column)].ParentObjectPathId!;
          const [r0, , h] = pathName(body, source).endsWith('GetRangeByIndexes') ? (argsOf(source) as number[]) : [1, 0, n];
          const rows = Array.from({ length: h }, (_, i) => r0 + i).filter((r) => !hidden(r));
          return { CellAddresses: rows.map((r) => [`'Henkilöstö'!A${r + 1}`]) };
        }
        return undefined;
      });
      if ('results' in answer && Buffer.byteLength(JSON.stringify(answer.results)) > responseLimit)
        return { errorCode: 5104, message: 'The response payload size has exceeded the limit.' };
      return answer;
    });
  }

  test('Excel refuses the whole read; the adapter reads the same table in chunks under the limit', async () => {
    const n = 3_000;
    const requests: CapturedRequest[] = [];
    tableHost(n, 60_000, requests);
    const raw = await new OfficeJsWorkbook({ isSetSupported: () => true, payloadLimitBytes: 50_000 }).readTables();
    const table = raw.tables[0];
    expect(table).toMatchObject({
      name: 'Henkilosto',
      sheet: 'Henkilöstö',
      headerRow: 1,
      firstColumn: 1,
      headers: ['Organisaatio', 'HTV'],
      mergedRanges: [],
    });
    expect(table.rows).toHaveLength(n);
    expect(table.rows[0]).toEqual([{ value: 'TVA' }, { value: 0.25, numFmt: '0.00' }]);
    expect(table.rows[n - 1]).toEqual([
      { value: (n - 1) % 3 === 0 ? 'TVA' : 'HVA' },
      { value: 0.25 + ((n - 1) % 4) * 0.25, numFmt: '0.00' },
    ]);
    // Sheet rows (0-based) 7, 57, 107, ... are hidden: data rows 6, 56, 106, ...
    expect(table.hiddenRows).toEqual(Array.from({ length: Math.ceil((n - 6) / 50) }, (_, k) => 6 + 50 * k));
    // Requests: list, refused whole read, list, places, then chunks that Excel accepted.
    expect(requests.length).toBeGreaterThan(6);
    const chunkReads = requests.slice(4).filter((r) => r.body.Actions.some((a) => a.ActionType === ACTION.query));
    expect(chunkReads.length).toBeGreaterThanOrEqual(Math.ceil((n * 40) / 60_000));
  });
});
