/**
 * The load/sync discipline checked with Microsoft's office-addin-mock: its OfficeMockObject returns
 * an error text for a property read before load() + sync(), so an adapter that forgets either
 * produces garbage here. (Collections, queued writes and ordering are covered by ../../support/fakeExcel.)
 */
import { OfficeMockObject } from 'office-addin-mock';
import { OfficeJsWorkbook } from '../../../src/adapters/officejs/officeJsWorkbook';

function mockWorkbook(syncSpy: { count: number }) {
  const usedRange = new OfficeMockObject({
    formulas: [
      ['Tulokset', ''],
      ['Yhteensä', '=SUM(Rivit[Summa])'],
    ],
    values: [
      ['Tulokset', ''],
      ['Yhteensä', 1234.5],
    ],
    numberFormat: [
      ['General', 'General'],
      ['General', '#,##0.00'],
    ],
    rowIndex: 2,
    columnIndex: 1,
  });
  // *OrNullObject results carry isNullObject without an explicit load.
  (usedRange as unknown as { isNullObject: boolean }).isNullObject = false;
  const mocks: OfficeMockObject[] = [usedRange];
  let itemsLoaded = false;
  const sheet = { name: 'Tulokset', getUsedRangeOrNullObject: () => usedRange };
  const context = new OfficeMockObject({
    workbook: {
      worksheets: {
        load: () => {
          itemsLoaded = true;
        },
      },
    },
    sync: async () => {
      syncSpy.count += 1;
      for (const m of mocks) await m.sync();
    },
  });
  Object.defineProperty(context.workbook.worksheets, 'items', {
    get: () => {
      if (!itemsLoaded) throw new Error('worksheets.items read before load');
      return [sheet];
    },
  });
  return context;
}

test('readOutputCells loads before reading and reads after syncing (office-addin-mock)', async () => {
  const spy = { count: 0 };
  const context = mockWorkbook(spy);
  const wb = new OfficeJsWorkbook({
    run: (_options, batch) => batch(context as unknown as Excel.RequestContext),
    isSetSupported: () => true,
  });
  const cells = await wb.readOutputCells(['tulokset']);
  expect(spy.count).toBe(2);
  // The used range starts at row index 2, column index 1: cell B3.
  expect(cells).toEqual([
    { sheet: 'Tulokset', address: 'B3', value: 'Tulokset' },
    { sheet: 'Tulokset', address: 'B4', value: 'Yhteensä' },
    { sheet: 'Tulokset', address: 'C4', formula: 'SUM(Rivit[Summa])', value: 1234.5 },
  ]);
});

test('the mock does catch a read without sync (guards the test above)', async () => {
  const range = new OfficeMockObject({ values: [[1]] });
  range.load('values');
  expect((range as unknown as { values: unknown }).values).not.toEqual([[1]]);
  await range.sync();
  expect((range as unknown as { values: unknown }).values).toEqual([[1]]);
});
