/**
 * The LibreOffice recalculation harness, on formulas whose results are known by hand. The cached
 * values written into the files are deliberately wrong, so a pass proves LibreOffice recalculated.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { ExcelJsWorkbook } from '../../../src/adapters/exceljs/excelJsWorkbook';
import { buildTemplate } from '../../../src/adapters/exceljs/template';
import type { SheetSpec } from '../../../src/workbook/sheetSpec';
import { LibreOfficeMissingError, recalculate, recalculateMany } from '../../support/libreoffice';

let dir: string;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tym-lo-test-'));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

/** A sheet with a table Luvut[Arvo] = 1.5, 2.25, 12.345, 0.005 and formulas over it (cached results all 999). */
function formulaSheet(name: string, tableName: string): SheetSpec {
  const wrong = 999;
  return {
    name,
    cells: [
      [
        { value: 'Arvo', style: 'header' },
        { value: 'Tuplana', style: 'header' },
      ],
      [{ value: 1.5 }, { formula: `${tableName}[[#This Row],[Arvo]]*2`, expected: wrong }],
      [{ value: 2.25 }, { formula: `${tableName}[[#This Row],[Arvo]]*2`, expected: wrong }],
      [{ value: 12.345 }, { formula: `${tableName}[[#This Row],[Arvo]]*2`, expected: wrong }],
      [{ value: 0.005 }, { formula: `${tableName}[[#This Row],[Arvo]]*2`, expected: wrong }],
      [],
      [{ value: 'summa' }, { formula: `SUM(${tableName}[Arvo])`, expected: wrong }],
      [{ value: 'alas' }, { formula: 'ROUNDDOWN(ROUND(12.35*3,9),2)', expected: wrong }],
      [{ value: 'alas2' }, { formula: 'ROUNDDOWN(ROUND(A4/7,9),2)', expected: wrong }],
      [{ value: 'yli2' }, { formula: `COUNTIF(${tableName}[Arvo],">2")`, expected: wrong }],
      [{ value: 'pyöristys' }, { formula: 'ROUND(1.005,2)', expected: wrong }],
      [{ value: 'sijat' }, { formula: `_xlfn.RANK.EQ(A3,${tableName}[Arvo])`, expected: wrong }],
      [{ value: 'teksti' }, { value: '=1+1' }],
    ],
    tables: [{ name: tableName, row: 0, col: 0, headers: ['Arvo', 'Tuplana'], rowCount: 4 }],
  };
}

async function writeFormulaBook(file: string, tableName: string): Promise<void> {
  const wb = ExcelJsWorkbook.fromWorkbook(await buildTemplate(2026));
  await wb.replaceOutputs([formulaSheet('Kaavat', tableName)]);
  await wb.saveAs(file);
}

async function values(file: string): Promise<Map<string, unknown>> {
  const wb = await ExcelJsWorkbook.load(file);
  const cells = await wb.readOutputCells(['Kaavat']);
  return new Map(cells.map((c) => [c.address, c.value]));
}

test('recalculate replaces the cached values by LibreOffice results', async () => {
  const file = path.join(dir, 'kaavat.xlsx');
  await writeFormulaBook(file, 'Luvut');
  expect((await values(file)).get('B7')).toBe(999); // before: the cached (wrong) value
  const out = await recalculate(file, path.join(dir, 'out'));
  expect(out).toBe(path.join(dir, 'out', 'kaavat.xlsx'));
  const v = await values(out);
  expect(v.get('B2')).toBeCloseTo(3, 12);
  expect(v.get('B4')).toBeCloseTo(24.69, 12);
  // 1.5 + 2.25 + 12.345 + 0.005 = 16.1
  expect(v.get('B7')).toBeCloseTo(16.1, 12);
  // 12.35 * 3 = 37.05 (binary 37.04999..., the inner ROUND absorbs it)
  expect(v.get('B8')).toBe(37.05);
  // 12.345 / 7 = 1.7635714... -> 1.76
  expect(v.get('B9')).toBe(1.76);
  // values above 2: 2.25 and 12.345
  expect(v.get('B10')).toBe(2);
  expect(v.get('B11')).toBe(1.01);
  // rank of 2.25 in descending order among 12.345, 2.25, 1.5, 0.005
  expect(v.get('B12')).toBe(2);
  // Text that looks like a formula stays text.
  expect(v.get('B13')).toBe('=1+1');
});

test('recalculateMany converts several files in one call', async () => {
  const a = path.join(dir, 'a.xlsx');
  const b = path.join(dir, 'b.xlsx');
  await writeFormulaBook(a, 'Luvut');
  await writeFormulaBook(b, 'Toinen');
  const outs = await recalculateMany([a, b], path.join(dir, 'many'));
  expect(outs).toEqual([path.join(dir, 'many', 'a.xlsx'), path.join(dir, 'many', 'b.xlsx')]);
  for (const o of outs) expect((await values(o)).get('B7')).toBeCloseTo(16.1, 12);
});

test('owner marks and input tables survive a LibreOffice round trip', async () => {
  const file = path.join(dir, 'marks.xlsx');
  await writeFormulaBook(file, 'Luvut');
  const out = await recalculate(file, path.join(dir, 'marks'));
  const before = await (await ExcelJsWorkbook.load(file)).readTables();
  const after = await ExcelJsWorkbook.load(out);
  expect(await after.ownSheetNames()).toEqual(['Kaavat']);
  const tablesAfter = await after.readTables();
  const inputs = (raw: typeof before) =>
    raw.tables
      .filter((t) => t.sheet !== 'Kaavat')
      .map((t) => ({ name: t.name, sheet: t.sheet, headers: t.headers, values: t.rows.map((r) => r.map((c) => c.value)) }));
  expect(inputs(tablesAfter)).toEqual(inputs(before));
  // The recalculated file is itself writable again (LibreOffice tables carry no style info).
  await after.replaceOutputs([formulaSheet('Kaavat', 'Luvut')]);
  await after.saveAs(path.join(dir, 'marks-again.xlsx'));
  expect(await (await ExcelJsWorkbook.load(path.join(dir, 'marks-again.xlsx'))).ownSheetNames()).toEqual(['Kaavat']);
});

test('a missing soffice gives a clear error naming the set-up command', async () => {
  const file = path.join(dir, 'missing.xlsx');
  await writeFormulaBook(file, 'Luvut');
  const saved = process.env.SOFFICE;
  process.env.SOFFICE = path.join(dir, 'no-such-soffice');
  try {
    const p = recalculate(file, path.join(dir, 'never'));
    await expect(p).rejects.toBeInstanceOf(LibreOfficeMissingError);
    await expect(p).rejects.toThrow(/npm run setup:debian/);
  } finally {
    if (saved === undefined) delete process.env.SOFFICE;
    else process.env.SOFFICE = saved;
  }
});
