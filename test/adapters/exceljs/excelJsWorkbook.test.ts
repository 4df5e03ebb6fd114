import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import ExcelJS from 'exceljs';
import { ExcelJsWorkbook, OWNER_NAME, TableNameConflictError } from '../../../src/adapters/exceljs/excelJsWorkbook';
import { buildTemplate } from '../../../src/adapters/exceljs/template';
import { buildSampleInputs } from '../../../src/sample/sample';
import { computeOutputs } from '../../../src/app/pipeline';
import { SheetConflictError } from '../../../src/workbook/port';
import type { SheetSpec } from '../../../src/workbook/sheetSpec';

// jszip ships with exceljs (its own dependency); used here only to edit a file's XML as Excel writes it.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const JSZip = require('jszip');

let dir: string;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tym-exceljs-test-'));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const d = (y: number, m: number, day: number) => new Date(Date.UTC(y, m - 1, day));

/** A hand-built workbook: table "Testi" at B3 with a totals row, odd cell kinds, a hidden row and merges. */
async function handBuilt(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Data');
  ws.mergeCells('A1:D1'); // a title above the table: does not overlap
  ws.getCell('A1').value = 'Otsikko';
  ws.addTable({
    name: 'Testi',
    ref: 'B3',
    headerRow: true,
    totalsRow: true,
    columns: [
      { name: 'Nimi', totalsRowLabel: 'Yhteensä' },
      { name: 'Päivä' },
      { name: 'Summa', totalsRowFunction: 'sum' },
      { name: 'Tyhjä' },
    ],
    rows: [
      [{ richText: [{ text: 'Rich ' }, { text: 'text', font: { bold: true } }] }, d(2026, 3, 12), 10.5, null],
      [{ text: 'Linkki', hyperlink: 'https://example.org' }, d(2026, 12, 31), { formula: 'D4*2', result: 21 }, null],
      ['Virhe', null, { formula: '1/0', result: { error: '#DIV/0!' } }, null],
      ['Piilossa', null, -3.25, 'x'],
      ['', null, { formula: 'D4-D4', result: 0 }, true],
    ],
  });
  ws.getColumn(3).numFmt = 'd.m.yyyy';
  ws.getCell('D4').numFmt = '#,##0.00';
  ws.getRow(7).hidden = true;
  ws.mergeCells('E8:F8'); // overlaps the table's last data row
  ws.mergeCells('H20:I20'); // far away
  return Buffer.from(await wb.xlsx.writeBuffer());
}

describe('readTables', () => {
  test('reads headers, values, dates, formats, hidden rows and merges; excludes the totals row', async () => {
    const wb = await ExcelJsWorkbook.fromBuffer(await handBuilt());
    const raw = await wb.readTables();
    expect(raw.sheetNames).toEqual(['Data']);
    expect(raw.tables).toHaveLength(1);
    const t = raw.tables[0];
    expect(t).toMatchObject({ name: 'Testi', sheet: 'Data', headerRow: 3, firstColumn: 2, headers: ['Nimi', 'Päivä', 'Summa', 'Tyhjä'] });
    expect(t.rows).toHaveLength(5); // the totals row (sheet row 9) is not data
    const values = t.rows.map((r) => r.map((c) => c.value));
    expect(values).toEqual([
      ['Rich text', d(2026, 3, 12), 10.5, null],
      ['Linkki', d(2026, 12, 31), 21, null],
      ['Virhe', null, { error: '#DIV/0!' }, null],
      ['Piilossa', null, -3.25, 'x'],
      [null, null, 0, true],
    ]);
    expect(t.rows[0][1].numFmt).toBe('d.m.yyyy');
    expect(t.rows[0][2].numFmt).toBe('#,##0.00');
    expect(t.rows[1][2].numFmt).toBeUndefined();
    expect(t.hiddenRows).toEqual([3]);
    expect(t.mergedRanges).toEqual(['E8:F8']);
  });

  test('reads a table as Excel writes it (no headerRowCount, no style) and writes it back byte for byte', async () => {
    const zip = await JSZip.loadAsync(await handBuilt());
    const tablePath = Object.keys(zip.files).find((f: string) => /^xl\/tables\/table\d+\.xml$/.test(f))!;
    let xml: string = await zip.file(tablePath).async('string');
    expect(xml).toContain('headerRowCount="1"');
    xml = xml.replace(' headerRowCount="1"', '').replace(/<tableStyleInfo[^>]*\/>/, '');
    zip.file(tablePath, xml);
    const edited: Buffer = await zip.generateAsync({ type: 'nodebuffer' });

    const wb = await ExcelJsWorkbook.fromBuffer(edited);
    const t = (await wb.readTables()).tables[0];
    expect(t.headerRow).toBe(3);
    expect(t.headers).toEqual(['Nimi', 'Päivä', 'Summa', 'Tyhjä']);
    expect(t.rows).toHaveLength(5);

    // Written with outputs added, the user's table part is exactly as it was.
    await wb.replaceOutputs(outputs('1'));
    const saved = await JSZip.loadAsync(await wb.toBuffer());
    const out: string = await saved.file(tablePath).async('string');
    expect(out).toBe(xml);
    expect(
      (await (await ExcelJsWorkbook.fromBuffer(await wb.toBuffer())).readTables()).tables.find((x) => x.name === 'Testi')!.rows,
    ).toHaveLength(5);
  });
});

/** Two small output sheets; `tag` changes their contents so a replacement is visible. */
function outputs(tag: string): SheetSpec[] {
  return [
    {
      name: 'Tulokset',
      cells: [
        [{ value: `Tulokset ${tag}`, style: 'title' }],
        [
          { value: 'Saaja', style: 'header' },
          { value: 'Euroa', style: 'header' },
        ],
        [{ value: 'TVA' }, { formula: 'ROUND(100*0.6,2)', expected: 60, style: 'money' }],
        [
          { value: '=HYPERLINK("http://x")', style: 'text' },
          { formula: '=B3/3', expected: 20, style: 'money' },
        ],
        [{ value: 'Osuus' }, { value: 12.5, style: 'percent' }],
        [{ value: 'Kunnossa' }, { formula: 'B3=60', expected: true, style: 'check' }],
        [{ value: 'Päivä' }, { formula: 'DATE(2026,3,12)', expected: 46093, style: 'date' }],
      ],
      columnWidths: [24, 14],
      tables: [{ name: 'TulosTaulu', row: 1, col: 0, headers: ['Saaja', 'Euroa'], rowCount: 2 }],
      freeze: { rows: 2, columns: 1 },
      tabColor: 'FF548235',
      print: { title: 'Tulokset & jako', landscape: true, fitToWidth: true },
    },
    { name: 'Laskenta', cells: [[{ value: `Laskenta ${tag}` }], [{ formula: 'Tulokset!B3*2', expected: 120, style: 'integer' }]] },
  ];
}

async function templateBook(): Promise<ExcelJsWorkbook> {
  return ExcelJsWorkbook.fromBuffer(Buffer.from(await (await buildTemplate(2026)).xlsx.writeBuffer()));
}

async function reload(wb: ExcelJsWorkbook): Promise<ExcelJsWorkbook> {
  return ExcelJsWorkbook.fromBuffer(await wb.toBuffer());
}

describe('replaceOutputs', () => {
  test('writes cells, formulas with cached results, styles and a real table; marks the sheets as own', async () => {
    const wb = await templateBook();
    expect(await wb.ownSheetNames()).toEqual([]);
    await wb.replaceOutputs(outputs('1'));
    const back = await reload(wb);
    expect(await back.ownSheetNames()).toEqual(['Tulokset', 'Laskenta']);

    const cells = new Map((await back.readOutputCells(['Tulokset', 'Laskenta'])).map((c) => [`${c.sheet}!${c.address}`, c]));
    expect(cells.get('Tulokset!A1')).toEqual({ sheet: 'Tulokset', address: 'A1', value: 'Tulokset 1', formula: undefined });
    expect(cells.get('Tulokset!B3')).toMatchObject({ formula: 'ROUND(100*0.6,2)', value: 60 });
    expect(cells.get('Tulokset!B4')).toMatchObject({ formula: 'B3/3', value: 20 });
    // text that looks like a formula is text
    expect(cells.get('Tulokset!A4')).toMatchObject({ formula: undefined, value: '=HYPERLINK("http://x")' });
    expect(cells.get('Tulokset!B6')).toMatchObject({ formula: 'B3=60', value: true });
    expect(cells.get('Tulokset!B7')).toMatchObject({ formula: 'DATE(2026,3,12)', value: 46093 });
    expect(cells.get('Laskenta!A2')).toMatchObject({ formula: 'Tulokset!B3*2', value: 120 });

    const ws = back.workbook.getWorksheet('Tulokset')!;
    expect(ws.getCell('B3').numFmt).toBe('#,##0.00');
    expect(ws.getCell('B5').numFmt).toBe('0.00" %"');
    expect(ws.getCell('B7').numFmt).toBe('d.m.yyyy');
    expect(ws.getCell('A1').font?.bold).toBe(true);
    expect(ws.getColumn(1).width).toBe(24);
    expect(ws.views[0]).toMatchObject({ state: 'frozen', xSplit: 1, ySplit: 2 });
    expect(ws.properties.tabColor).toEqual({ argb: 'FF548235' });
    expect(ws.pageSetup).toMatchObject({ orientation: 'landscape', paperSize: 9, fitToPage: true, fitToWidth: 1, fitToHeight: 0 });
    expect(ws.headerFooter.oddHeader).toContain('Tulokset && jako');
    expect(ws.headerFooter.oddHeader).toContain('&D');
    expect(ws.headerFooter.oddFooter).toContain('&P / &N');
    const cf = (ws as unknown as { conditionalFormattings: { ref: string; rules: { formulae: string[] }[] }[] }).conditionalFormattings;
    expect(cf.map((c) => [c.ref, c.rules.map((r) => r.formulae[0])])).toEqual([['B6', ['TRUE', 'FALSE']]]);

    const table = (await back.readTables()).tables.find((t) => t.name === 'TulosTaulu')!;
    expect(table).toMatchObject({ sheet: 'Tulokset', headerRow: 2, firstColumn: 1, headers: ['Saaja', 'Euroa'] });
    expect(table.rows.map((r) => r.map((c) => c.value))).toEqual([
      ['TVA', 60],
      ['=HYPERLINK("http://x")', 20],
    ]);
  });

  test('a rerun replaces the own sheets; their table name is reused', async () => {
    const wb = await templateBook();
    await wb.replaceOutputs(outputs('1'));
    const again = await reload(wb);
    await again.replaceOutputs(outputs('2'));
    const back = await reload(again);
    const names = back.workbook.worksheets.map((w) => w.name);
    expect(names).toEqual([
      'Ohje',
      'Asetukset',
      'Kunnat',
      'Henkilosto',
      'Ilmoittautumiset',
      'Kustannukset',
      'Osallistujasuunnitelma',
      'Tulokset',
      'Laskenta',
    ]);
    expect(await back.ownSheetNames()).toEqual(['Tulokset', 'Laskenta']);
    const cells = await back.readOutputCells(['Tulokset', 'Laskenta']);
    expect(cells.find((c) => c.sheet === 'Tulokset' && c.address === 'A1')?.value).toBe('Tulokset 2');
    expect(cells.find((c) => c.sheet === 'Laskenta' && c.address === 'A1')?.value).toBe('Laskenta 2');
    const tableNames = (await back.readTables()).tables.map((t) => t.name);
    expect(tableNames.filter((n) => n === 'TulosTaulu')).toHaveLength(1);
    expect(tableNames.some((n) => n.startsWith('tym_'))).toBe(false);
  });

  test('refuses to overwrite a sheet of the same name that is not its own (names compare case-insensitively)', async () => {
    for (const userName of ['Tulokset', 'tulokset']) {
      const book = await buildTemplate(2026);
      book.addWorksheet(userName).getCell('A1').value = 'käyttäjän omaa';
      const wb = await ExcelJsWorkbook.fromBuffer(Buffer.from(await book.xlsx.writeBuffer()));
      const before = await wb.toBuffer();
      await expect(wb.replaceOutputs(outputs('1'))).rejects.toBeInstanceOf(SheetConflictError);
      expect(wb.workbook.worksheets.map((w) => w.name)).toEqual([
        'Ohje',
        'Asetukset',
        'Kunnat',
        'Henkilosto',
        'Ilmoittautumiset',
        'Kustannukset',
        'Osallistujasuunnitelma',
        userName,
      ]);
      expect(wb.workbook.getWorksheet(userName)!.getCell('A1').value).toBe('käyttäjän omaa');
      expect(await wb.ownSheetNames()).toEqual([]);
      expect(await (await ExcelJsWorkbook.fromBuffer(before)).readTables()).toEqual(await wb.readTables());
    }
  });

  test('refuses when a user table already has the name of an output table', async () => {
    const book = await buildTemplate(2026);
    book.addWorksheet('Oma').addTable({ name: 'TulosTaulu', ref: 'A1', columns: [{ name: 'x' }], rows: [[1]] });
    const wb = await ExcelJsWorkbook.fromBuffer(Buffer.from(await book.xlsx.writeBuffer()));
    const before = await wb.toBuffer();
    await expect(wb.replaceOutputs(outputs('1'))).rejects.toBeInstanceOf(TableNameConflictError);
    expect(wb.workbook.worksheets.map((w) => w.name)).not.toContain('Tulokset');
    expect(Buffer.from(await wb.toBuffer()).equals(Buffer.from(before))).toBe(true);
  });

  test('a failure in the middle of the write leaves the previous outputs and the inputs intact', async () => {
    const first = await templateBook();
    await first.replaceOutputs(outputs('1'));
    const wb = await reload(first);
    const tablesBefore = await wb.readTables();
    const cellsBefore = await wb.readOutputCells(['Tulokset', 'Laskenta']);
    const sheetsBefore = wb.workbook.worksheets.map((w) => w.name);

    wb.beforeSheetWrite = (_spec, i) => {
      if (i === 1) throw new Error('injected failure');
    };
    await expect(wb.replaceOutputs(outputs('2'))).rejects.toThrow('injected failure');
    wb.beforeSheetWrite = undefined;

    for (const book of [wb, await reload(wb)]) {
      expect(book.workbook.worksheets.map((w) => w.name)).toEqual(sheetsBefore);
      expect(await book.ownSheetNames()).toEqual(['Tulokset', 'Laskenta']);
      expect(await book.readOutputCells(['Tulokset', 'Laskenta'])).toEqual(cellsBefore);
      expect(await book.readTables()).toEqual(tablesBefore);
    }
    // And the next run still works.
    await wb.replaceOutputs(outputs('3'));
    expect((await wb.readOutputCells(['Tulokset'])).find((c) => c.address === 'A1')?.value).toBe('Tulokset 3');
  });
});

/** Every cell value of every sheet, as exceljs reads it from the file (formulas with their results). */
async function allCells(buf: Uint8Array, sheets: string[]): Promise<Record<string, unknown>> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buf as unknown as ArrayBuffer);
  const out: Record<string, unknown> = {};
  for (const name of sheets) {
    const ws = wb.getWorksheet(name)!;
    ws.eachRow({ includeEmpty: true }, (row) =>
      row.eachCell({ includeEmpty: true }, (cell) => {
        out[`${name}!${cell.address}`] = JSON.stringify({ v: cell.value, f: cell.numFmt ?? null });
      }),
    );
  }
  return out;
}

describe('inputs are never modified', () => {
  test('the input sheets of a written result hold exactly the cells of the input file', async () => {
    const inputFile = path.join(dir, 'sample.xlsx');
    fs.writeFileSync(inputFile, Buffer.from(await (await buildSampleInputs({ year: 2026 })).xlsx.writeBuffer()));
    const inputBytes = fs.readFileSync(inputFile);
    const wb = await ExcelJsWorkbook.load(inputFile);
    const inputSheets = wb.workbook.worksheets.map((w) => w.name);
    const rawBefore = await wb.readTables();

    const result = computeOutputs(rawBefore);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    await wb.replaceOutputs(result.sheets);
    const outFile = path.join(dir, 'sample.tulokset.xlsx');
    await wb.saveAs(outFile);

    // The input file itself is untouched, byte for byte.
    expect(fs.readFileSync(inputFile).equals(inputBytes)).toBe(true);
    // The output's input sheets carry the same cells and the same tables.
    const before = await allCells(inputBytes, inputSheets);
    const after = await allCells(fs.readFileSync(outFile), inputSheets);
    expect(Object.keys(after).length).toBeGreaterThan(2000);
    expect(after).toEqual(before);
    const rawAfter = await (await ExcelJsWorkbook.load(outFile)).readTables();
    expect(rawAfter.tables.filter((t) => inputSheets.includes(t.sheet))).toEqual(rawBefore.tables);
  });
});

describe('saveAs', () => {
  test('refuses to write over the file it was loaded from', async () => {
    const file = path.join(dir, 'source.xlsx');
    fs.writeFileSync(file, Buffer.from(await (await buildTemplate(2026)).xlsx.writeBuffer()));
    const bytes = fs.readFileSync(file);
    const wb = await ExcelJsWorkbook.load(file);
    await expect(wb.saveAs(file)).rejects.toThrow(/overwrite the input/);
    await expect(wb.saveAs(path.join(dir, '.', 'source.xlsx'))).rejects.toThrow(/overwrite the input/);
    expect(fs.readFileSync(file).equals(bytes)).toBe(true);
  });

  test('writes atomically: the target appears complete, no temporary file stays behind', async () => {
    const wb = await templateBook();
    const sub = fs.mkdtempSync(path.join(dir, 'atomic-'));
    const target = path.join(sub, 'out.xlsx');
    fs.writeFileSync(target, 'old contents');
    await wb.saveAs(target);
    expect(fs.readdirSync(sub)).toEqual(['out.xlsx']);
    expect((await (await ExcelJsWorkbook.load(target)).readTables()).tables.map((t) => t.name)).toEqual([
      'Asetukset',
      'Kunnat',
      'Henkilosto',
      'Ilmoittautumiset',
      'Kustannukset',
      'Osallistujasuunnitelma',
    ]);
  });

  test('a failed write leaves no file at all', async () => {
    const wb = await templateBook();
    const sub = fs.mkdtempSync(path.join(dir, 'fail-'));
    // The target is a directory: the rename fails after the temporary file was written.
    fs.mkdirSync(path.join(sub, 'out.xlsx'));
    await expect(wb.saveAs(path.join(sub, 'out.xlsx'))).rejects.toThrow();
    expect(fs.readdirSync(sub)).toEqual(['out.xlsx']);
    expect(fs.statSync(path.join(sub, 'out.xlsx')).isDirectory()).toBe(true);
    await expect(wb.saveAs(path.join(sub, 'missing-dir', 'x.xlsx'))).rejects.toThrow();
    expect(fs.readdirSync(sub)).toEqual(['out.xlsx']);
  });
});

test('the owner mark is a sheet-scoped defined name in the file', async () => {
  const wb = await templateBook();
  await wb.replaceOutputs(outputs('1'));
  const zip = await JSZip.loadAsync(await wb.toBuffer());
  const xml: string = await zip.file('xl/workbook.xml').async('string');
  // Sheets: Ohje..Kustannukset are 0..5, Osallistujasuunnitelma 6 (issue 12), Tulokset 7, Laskenta 8.
  expect(xml).toContain(`<definedName name="${OWNER_NAME}" localSheetId="7">'Tulokset'!$A$1</definedName>`);
  expect(xml).toContain(`<definedName name="${OWNER_NAME}" localSheetId="8">'Laskenta'!$A$1</definedName>`);
  // Excel recomputes the formulas when it opens the file.
  expect(xml).toContain('fullCalcOnLoad="1"');
  expect(OWNER_NAME).toBe('TYM_kustannustenjako');
});
