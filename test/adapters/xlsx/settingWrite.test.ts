/**
 * The preview's "save this setting" in place (src/adapters/xlsx/settingWrite.ts): the value cell of
 * the setting's row is written (its style kept) or a row is added at the table's end (the table grown),
 * and every other part of the file stays byte for byte: a chart, a pivot table and comments survive.
 */
import * as fs from 'fs';
import * as path from 'path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { ExcelJsWorkbook } from '../../../src/adapters/exceljs/excelJsWorkbook';
import { PackageWorkbook } from '../../../src/adapters/xlsx/packageWorkbook';

const RICH = path.join(__dirname, '..', '..', 'fixtures', 'producers', 'libreoffice-rich.xlsx');

async function entries(buf: Uint8Array): Promise<Map<string, Buffer>> {
  const zip = await JSZip.loadAsync(buf);
  const out = new Map<string, Buffer>();
  for (const n of Object.keys(zip.files)) if (!zip.files[n].dir) out.set(n, await zip.file(n)!.async('nodebuffer'));
  return out;
}

const settingsOf = async (book: PackageWorkbook) => (await book.readTables()).tables.find((t) => t.name === 'Asetukset')!;

test('an existing setting: only its cell changes, in the sheet part; the chart, pivot table and comments stay', async () => {
  const input = fs.readFileSync(RICH);
  const book = await PackageWorkbook.fromBuffer(input);
  const before = await settingsOf(book);
  const kelaRow = before.rows.findIndex((r) => r[0].value === 'Kelan osuus %');
  expect(kelaRow).toBeGreaterThanOrEqual(0);
  await book.writeSetting('Asetukset', 'kelaPct', 12.5);
  await book.writeSetting('Asetukset', 'staffBasis', 'htv');
  const out = await book.toBuffer();
  const after = await settingsOf(await PackageWorkbook.fromBuffer(out));
  expect(after.rows[kelaRow][1].value).toBe(12.5);
  expect(after.rows.find((r) => r[0].value === 'Henkilöstöperuste')![1].value).toBe('htv');
  // Every other cell of the table as before.
  const plain = (t: typeof before) => t.rows.map((r) => r.map((c) => c.value));
  const expected = plain(before);
  expected[kelaRow][1] = 12.5;
  expected[expected.findIndex((r) => r[0] === 'Henkilöstöperuste')][1] = 'htv';
  expect(plain(after)).toEqual(expected);
  // Every part but the Asetukset sheet is byte-identical.
  const a = await entries(input);
  const b = await entries(out);
  const changed = [...a.keys()].filter((n) => !b.get(n)?.equals(a.get(n)!));
  expect(changed).toEqual(['xl/worksheets/sheet2.xml']);
  expect([...b.keys()].sort()).toEqual([...a.keys()].sort());
});

test('a setting without a row: a row is added and the table grows to hold it', async () => {
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet('Asetukset').addTable({
    name: 'Asetukset',
    ref: 'A1',
    columns: [{ name: 'Asetus' }, { name: 'Arvo' }],
    rows: [
      ['Vuosi', 2026],
      ['Kelan osuus %', 5],
    ],
  });
  const book = await PackageWorkbook.fromBuffer(Buffer.from(await wb.xlsx.writeBuffer()));
  await book.writeSetting('Asetukset', 'customerEstimate', 1200);
  const back = await PackageWorkbook.fromBuffer(await book.toBuffer());
  const t = await settingsOf(back);
  expect(t.rows.map((r) => r.map((c) => c.value))).toEqual([
    ['Vuosi', 2026],
    ['Kelan osuus %', 5],
    ['Asiakasmäärä', 1200],
  ]);
  const zip = await JSZip.loadAsync(await back.toBuffer());
  const table = await zip.file(Object.keys(zip.files).find((n) => /tables\/table\d+\.xml$/.test(n))!)!.async('string');
  expect(table).toMatch(/ref="A1:B4"/);
});

test('through ExcelJsWorkbook (the preview): the view follows the package', async () => {
  const wb = await ExcelJsWorkbook.fromBuffer(fs.readFileSync(RICH));
  expect(wb.workbook.worksheets.length).toBeGreaterThan(0);
  await wb.writeSetting('Asetukset', 'kelaPct', 7, () => {
    throw new Error('not through the view');
  });
  const cells = wb.workbook.getWorksheet('Asetukset')!;
  let found: unknown = null;
  cells.eachRow((row) => {
    if (row.getCell(1).value === 'Kelan osuus %') found = row.getCell(2).value;
  });
  expect(found).toBe(7);
});
