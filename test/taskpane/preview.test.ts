/** The preview's pure parts: the grid view of a sheet and writing a setting into an exceljs workbook. */
import ExcelJS from 'exceljs';
import { ExcelJsWorkbook } from '../../src/adapters/exceljs/excelJsWorkbook';
import { addTemplateTables, buildTemplate } from '../../src/adapters/exceljs/template';
import { parseWorkbook } from '../../src/domain/parse';
import { columnName, displayText, parseAddress, parseRange, sheetView } from '../../src/preview/grid';
import { optionsFromUrl } from '../../src/preview/options';
import { writeSetting } from '../../src/preview/settingsWriter';

test('A1 helpers', () => {
  expect([1, 26, 27, 52, 703].map(columnName)).toEqual(['A', 'Z', 'AA', 'AZ', 'AAA']);
  expect(parseAddress('E7')).toEqual({ row: 7, col: 5 });
  expect(parseAddress('$AA$10')).toEqual({ row: 10, col: 27 });
  expect(parseAddress('A1:B2')).toBeNull();
  expect(parseRange('D7:B3')).toEqual({ top: 3, left: 2, bottom: 7, right: 4 });
  expect(parseRange('$E$7')).toEqual({ top: 7, left: 5, bottom: 7, right: 5 });
  expect(parseRange('E7:')).toBeNull();
});

test('display texts follow Finnish conventions and never show a formula object', () => {
  expect(displayText(1234.5)).toEqual({ text: '1234,5', numeric: true });
  expect(displayText(-2)).toEqual({ text: '\u22122', numeric: true });
  expect(displayText(new Date(Date.UTC(2026, 11, 31)))).toEqual({ text: '31.12.2026', numeric: true });
  expect(displayText({ formula: 'SUM(A1:A2)', result: 3 })).toEqual({ text: '3', numeric: true });
  expect(displayText({ error: '#DIV/0!' }).text).toBe('#DIV/0!');
  expect(displayText({ richText: [{ text: 'a' }, { text: 'b' }] }).text).toBe('ab');
  expect(displayText(true).text).toBe('TOSI');
  expect(displayText(null).text).toBe('');
});

test('numbers show with the formats the add-in writes, as a Finnish Excel shows them', () => {
  // fi-FI: no-break space between thousands, decimal comma, U+2212 minus.
  expect(displayText(13334.3, '#,##0.00').text).toBe('13\u00a0334,30');
  expect(displayText(-1234567.891, '#,##0.00').text).toBe('\u22121\u00a0234\u00a0567,89');
  expect(displayText(47400, '#,##0').text).toBe('47\u00a0400');
  expect(displayText(0.5833333333333334, '0.000000').text).toBe('0,583333');
  expect(displayText(0.25, '0.00%').text).toBe('25,00\u00a0%');
  expect(displayText(1.5, '#,##0.00##').text).toBe('1,50');
  expect(displayText(1.23456, '#,##0.00##').text).toBe('1,2346');
  expect(displayText({ formula: 'SUM(A1:A2)', result: 1000 }, '#,##0.00').text).toBe('1\u00a0000,00');
  // Formats we do not write fall back to the plain number.
  expect(displayText(0.1, '[Red]0.0').text).toBe('0,1');
  expect(displayText(1234.5, 'General').text).toBe('1234,5');
});

test('sheet view: first rows, formulas as tooltips, a far selected row still shown', () => {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('S');
  ws.getCell('A1').value = 'Otsikko';
  ws.getCell('B2').value = { formula: 'A2*2', result: 4 } as ExcelJS.CellFormulaValue;
  ws.getCell('A300').value = 'kaukana';
  const v = sheetView(ws, 10);
  expect(v.rows).toHaveLength(10);
  expect(v.totalRows).toBe(300);
  expect(v.rows[0].cells[0]).toEqual({ address: 'A1', text: 'Otsikko', numeric: false });
  expect(v.rows[1].cells[1]).toEqual({ address: 'B2', text: '4', numeric: true, formula: '=A2*2' });
  const far = sheetView(ws, 10, 300);
  expect(far.rows[far.rows.length - 1].cells[0].text).toBe('kaukana');
});

async function settingsOf(wb: ExcelJS.Workbook) {
  // through a saved file and the real parser: what Excel and the engine would see
  const book = await ExcelJsWorkbook.fromBuffer(await wb.xlsx.writeBuffer());
  return parseWorkbook(await book.readTables());
}

test('writing an existing setting changes only its Arvo cell', async () => {
  const wb = await buildTemplate(2026);
  writeSetting(wb, 'Asetukset', 'kelaPct', 12.5);
  writeSetting(wb, 'Asetukset', 'year', 2027);
  writeSetting(wb, 'Asetukset', 'municipalBasis', 'työttömät');
  const parsed = await settingsOf(wb);
  const problems = parsed.problems.filter((p) => p.where.table === 'Asetukset');
  expect(problems).toEqual([]);
  // the model needs the other tables filled; read the settings rows directly instead
  const raw = await (await ExcelJsWorkbook.fromBuffer(await wb.xlsx.writeBuffer())).readTables();
  const t = raw.tables.find((x) => x.name === 'Asetukset')!;
  const byName = Object.fromEntries(t.rows.map((r) => [r[0].value, r[1].value]));
  expect(byName['Kelan osuus %']).toBe(12.5);
  expect(byName['Vuosi']).toBe(2027);
  expect(byName['Kuntajaon peruste']).toBe('työttömät');
  // 8 allocation settings and the template's 5 invoice settings (issue 12): no row added
  expect(t.rows).toHaveLength(13);
});

test('a setting missing from the table gets a new row inside the table; a formula-looking text stays text', async () => {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Asetukset');
  ws.addTable({ name: 'Asetukset', ref: 'A1', headerRow: true, columns: [{ name: 'Asetus' }, { name: 'Arvo' }], rows: [['Vuosi', 2026]] });
  writeSetting(wb, 'Asetukset', 'employer', '=HYPERLINK("x")');
  const raw = await (await ExcelJsWorkbook.fromBuffer(await wb.xlsx.writeBuffer())).readTables();
  const t = raw.tables.find((x) => x.name === 'Asetukset')!;
  expect(t.rows.map((r) => r.map((c) => c.value))).toEqual([
    ['Vuosi', 2026],
    ['Hallinnollinen työnantaja', '=HYPERLINK("x")'],
  ]);
  expect(() => writeSetting(wb, 'EiOle', 'year', 2026)).toThrow(/not found/);
});

test('URL options', () => {
  expect(optionsFromUrl('')).toEqual({
    file: 'sample.xlsx',
    displayLanguage: 'fi-FI',
    theme: 'light',
    width: 380,
    worker: true,
    grid: true,
  });
  expect(optionsFromUrl('?file=out%2Fdemo.xlsx&lang=sv&theme=dark&width=320&worker=off&grid=off')).toEqual({
    file: 'out/demo.xlsx',
    displayLanguage: 'sv',
    theme: 'dark',
    width: 320,
    worker: false,
    grid: false,
  });
  expect(optionsFromUrl('?width=12').width).toBe(380);
});

test("the preview's template adds only the tables asked for, beside the user's sheets, which keep their data", async () => {
  // A user's workbook: notes, a sheet called Kunnat without a table, and a settings table of their own.
  const user = new ExcelJS.Workbook();
  const notes = user.addWorksheet('Muistiinpanot');
  notes.getCell('A1').value = 'Oma muistiinpano';
  notes.getCell('B2').value = { formula: '1+1', result: 2 } as ExcelJS.CellFormulaValue;
  user.addWorksheet('kunnat').getCell('C3').value = 42;
  const own = user.addWorksheet('Omat asetukset');
  own.addTable({ name: 'Asetukset', ref: 'A1', headerRow: true, columns: [{ name: 'Asetus' }, { name: 'Arvo' }], rows: [['Vuosi', 2031]] });
  const book = await ExcelJsWorkbook.fromBuffer(await user.xlsx.writeBuffer());

  const added = addTemplateTables(await book.view(), ['kunnat', 'suunnitelma'], 2031);
  await book.commitView();
  expect(added).toEqual(['Kunnat (2)', 'Osallistujasuunnitelma']);

  // read back from the saved package, as the engine and Excel would see it
  const saved = await ExcelJsWorkbook.fromBuffer(await book.toBuffer());
  const raw = await saved.readTables();
  expect(raw.sheetNames).toEqual(['Muistiinpanot', 'kunnat', 'Omat asetukset', 'Kunnat (2)', 'Osallistujasuunnitelma']);
  expect(raw.tables.map((t) => [t.sheet, t.name])).toEqual([
    ['Omat asetukset', 'Asetukset'],
    ['Kunnat (2)', 'Kunnat'],
    ['Osallistujasuunnitelma', 'Osallistujasuunnitelma'],
  ]);
  // the user's settings table as it was (not the template's defaults), their other cells too
  expect(raw.tables[0].rows.map((r) => r.map((c) => c.value))).toEqual([['Vuosi', 2031]]);
  const view = await saved.view();
  expect(view.getWorksheet('Muistiinpanot')!.getCell('A1').value).toBe('Oma muistiinpano');
  expect(view.getWorksheet('Muistiinpanot')!.getCell('B2').formula).toBe('1+1');
  expect(view.getWorksheet('kunnat')!.getCell('C3').value).toBe(42);
  // the added tables are the template's: the six municipalities, the plan's headers
  expect(raw.tables[1].rows.map((r) => r[0].value)).toEqual(['Hyvinkää', 'Järvenpää', 'Mäntsälä', 'Nurmijärvi', 'Pornainen', 'Tuusula']);
  expect(raw.tables[2].headers).toEqual(['Tilaisuus', 'Organisaatio', 'Osallistujia', 'Vuosi']);
  expect(parseWorkbook(raw).problems.filter((p) => p.where.table === 'Osallistujasuunnitelma' || p.where.table === 'Kunnat')).toEqual([]);
});
