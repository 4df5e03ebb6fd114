/**
 * The workbooks of the Excel smoke test (scripts/smoke-workbooks.js): the 1904 one holds the same
 * dates as 1904 serials, and the hidden-column one hides the staff table's first column and one row.
 */
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { buildSampleInputs } from '../../../src/sample/sample';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { to1904, hideFirstColumn } = require('../../../scripts/smoke-workbooks.js') as {
  to1904: (wb: ExcelJS.Workbook) => ExcelJS.Workbook;
  hideFirstColumn: (wb: ExcelJS.Workbook) => ExcelJS.Workbook;
};

async function sheetXml(wb: ExcelJS.Workbook, sheet: string): Promise<{ workbook: string; sheet: string }> {
  const zip = await JSZip.loadAsync(await wb.xlsx.writeBuffer());
  const index = wb.worksheets.findIndex((w) => w.name === sheet) + 1;
  return {
    workbook: await zip.file('xl/workbook.xml')!.async('string'),
    sheet: await zip.file(`xl/worksheets/sheet${index}.xml`)!.async('string'),
  };
}

test('smoke-1904.xlsx: the 1904 date system, each date stored 1,462 days lower than in the 1900 system', async () => {
  const plain = await buildSampleInputs({ year: 2026 });
  const ws = plain.worksheets.find((w) => w.getTables().length > 0 && w.name.startsWith('Henkil'))!;
  // A date cell of the staff table and its serial in the 1900 system, counted independently.
  let found: { address: string; date: Date } | null = null;
  ws.eachRow((row) =>
    row.eachCell((cell) => {
      if (!found && cell.value instanceof Date) found = { address: cell.address, date: cell.value };
    }),
  );
  expect(found).not.toBeNull();
  const { address, date } = found!;
  const serial1900 = date.getTime() / 86_400_000 + 25569;
  const xml = await sheetXml(to1904(await buildSampleInputs({ year: 2026 })), ws.name);
  expect(xml.workbook).toMatch(/<workbookPr[^>]*date1904="1"/);
  const v = new RegExp(`<c r="${address}"[^>]*><v>([^<]+)</v>`).exec(xml.sheet);
  expect(Number(v![1])).toBe(serial1900 - 1462);
});

test('smoke-hidden-column.xlsx: the staff table’s first column and its 5th data row are hidden', async () => {
  const wb = hideFirstColumn(await buildSampleInputs({ year: 2026 }));
  const ws = wb.worksheets.find((w) =>
    w
      .getTables()
      .some((t) => ((t as unknown as { table?: { name: string } }).table ?? (t as unknown as { name: string })).name === 'Henkilosto'),
  )!;
  expect(ws.getColumn(1).hidden).toBe(true);
  expect(ws.getRow(6).hidden).toBe(true);
  expect(ws.getRow(5).hidden).toBe(false);
});
