/**
 * Issue 12 in the workbook, recalculated in LibreOffice: a budget for a year with no registrations
 * (from the participant plan, and from last year's registrations), the scenario sheet and the
 * invoice rows. Each written workbook must recalculate to the engine's values (`verify`: every
 * output cell, formula and value), and after an edit of the inputs in the written file (a plan
 * count, a population, a plan row typed into last year's case) the recalculated outputs must equal
 * a fresh run on the edited inputs — the live model. A business ID made invalid turns the master
 * check FALSE.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import type ExcelJS from 'exceljs';
import { ExcelJsWorkbook } from '../../src/adapters/exceljs/excelJsWorkbook';
import { buildInputWorkbook, type InputCell, type InputData } from '../../src/adapters/exceljs/template';
import { computeOutputs } from '../../src/app/pipeline';
import { createAllocationApp } from '../../src/app/run';
import { MASTER_CHECK_ROW, SHEETS } from '../../src/workbook/layout';
import { recalculate } from '../support/libreoffice';
import { renameColumn } from '../fixtures/bad/edit';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tym-budget-'));
afterAll(() => {
  if (!process.env.TYM_KEEP_ARTIFACTS) fs.rmSync(dir, { recursive: true, force: true });
});

const d = (y: number, m: number, day: number) => new Date(Date.UTC(y, m - 1, day));
const SPRING = 'Kevätpäivä 2027';
const AUTUMN = 'Syyspäivä';

/** The budget of 2027 drafted in the autumn of 2026: registrations exist only for 2026. */
function budgetYear(plan: InputCell[][], extraCosts: InputCell[][] = []): InputData {
  return {
    year: 2027,
    settings: { billingPeriod: 'neljännes', invoiceDay: 15, paymentTerm: 21, hvaBusinessId: '3221337-7', kelaBusinessId: '0246246-0' },
    municipalities: [
      ['Hyvinkää', 47_400, 2_100, 25, '0125400-2'],
      ['Järvenpää', 46_000, 1_900, 25, null],
      ['Mäntsälä', 21_300, 800, 10, null],
      ['Nurmijärvi', 44_600, 1_500, 20, '1234567-1'],
      ['Pornainen', 5_200, 150, 5, null],
      ['Tuusula', 40_300, 1_400, 15, null],
    ],
    staff: [
      ['TVA', 'Hyvinkää', 'Työllisyyspalvelut', 'Ohjaaja', 2, 1.8, null, null],
      ['TVA', 'Järvenpää', 'Työllisyyspalvelut', 'Koordinaattori', 1, 1, d(2027, 3, 1), null],
      ['TVA', 'Tuusula', 'Yrityspalvelut', 'Asiantuntija', 1, 0.6, null, null],
      ['HVA', null, 'Aikuissosiaalityö', 'Sosiaaliohjaaja', 3, 2.5, null, null],
      ['KELA', null, 'Kela', 'Asiantuntija', 1, 1, null, null],
    ],
    registrations: [
      [AUTUMN, d(2026, 10, 1), 'Aino Aaltonen', 'TVA', null],
      [AUTUMN, d(2026, 10, 1), 'Eino Heikkilä', 'HVA', null],
      [AUTUMN, d(2026, 10, 1), ' aino  aaltonen', 'HVA', null],
      [AUTUMN, d(2026, 10, 1), 'Helmi Ketola', 'KELA', 'peruttu'],
      ['Talvipäivä', d(2026, 2, 3), 'Väinö Lahtinen', 'TVA', null],
      ['Talvipäivä', d(2026, 2, 3), 'Lyyli Nieminen', 'KELA', null],
      ['Talvipäivä', d(2025, 2, 3), 'Toivo Ojala', 'HVA', null],
    ],
    costs: [
      ['TA', 'a', 'Johtavan henkilön palkka', null, 96_000, null, null],
      ['TA', 'muu', 'Toimitilat', null, 24_000.01, null, null],
      ['TA', 'muu', 'Verkostotapaamiset', null, 1_500, 'HVA', null],
      ['TA', 'b', 'Kehittämispäivät: tilat ja tarjoilu', null, 8_000, null, null],
      ...extraCosts,
    ],
    plan,
  };
}

async function writeRun(name: string, data: InputData): Promise<{ written: string; recalculated: string }> {
  const port = await ExcelJsWorkbook.fromBuffer(Buffer.from(await (await buildInputWorkbook(data)).xlsx.writeBuffer()));
  const result = computeOutputs(await port.readTables());
  if (!result.ok) throw new Error(`${name}: ${JSON.stringify(result.problems.slice(0, 3))}`);
  await port.replaceOutputs(result.sheets);
  const written = path.join(dir, `${name}.xlsx`);
  await port.saveAs(written);
  return { written, recalculated: await recalculate(written, path.join(dir, `${name}-lo`)) };
}

/** Verify on a recalculated file: every output cell equals a fresh run on the inputs as they stand. */
async function expectLive(file: string): Promise<void> {
  const report = await createAllocationApp(await ExcelJsWorkbook.load(file)).verify();
  expect(report.problems.filter((p) => p.severity === 'error')).toEqual([]);
  expect(report.findings.slice(0, 10)).toEqual([]);
  expect(report.cellsChecked).toBeGreaterThan(500);
}

async function cellValue(file: string, sheet: string, address: string): Promise<unknown> {
  const cells = await (await ExcelJsWorkbook.load(file)).readOutputCells([sheet]);
  return cells.find((c) => c.address === address)?.value;
}

/** Edits input cells of a written workbook (as a user would in Excel), saves it under `name` and recalculates. */
async function editAndRecalculate(
  file: string,
  name: string,
  edits: { table: string; column: string; row: number; value: ExcelJS.CellValue }[],
): Promise<string> {
  const port = await ExcelJsWorkbook.load(file);
  const raw = await port.readTables();
  const wb = port.workbook;
  for (const e of edits) {
    const t = raw.tables.find((x) => x.name === e.table)!;
    const col = t.headers.indexOf(e.column);
    if (col < 0) throw new Error(`no column ${e.column} in ${e.table}`);
    wb.getWorksheet(t.sheet)!.getCell(t.headerRow + e.row, t.firstColumn + col).value = e.value;
  }
  // Edits through the exceljs view reach the package only when committed (src/adapters/exceljs/excelJsWorkbook.ts).
  await port.commitView();
  const edited = path.join(dir, `${name}.xlsx`);
  await port.saveAs(edited);
  return recalculate(edited, path.join(dir, `${name}-lo`));
}

const master = (file: string) => cellValue(file, SHEETS.checks, `B${MASTER_CHECK_ROW + 1}`);

describe('a budget from the participant plan', () => {
  const plan: InputCell[][] = [
    [SPRING, 'TVA', 20, null],
    [SPRING, 'HVA', 12, null],
    [SPRING, 'KELA', 3, null],
    [null, 'TVA', 35, null],
    [null, 'HVA', 25, 2027],
    [null, 'KELA', 40, 2026],
  ];
  let files: { written: string; recalculated: string };
  beforeAll(async () => {
    files = await writeRun('plan', budgetYear(plan, [['TA', 'b', 'Kevätpäivän puhujat', SPRING, 3_000, null, null]]));
  }, 300_000);

  test('every output cell recalculates in LibreOffice to the engine value; the master check is TRUE', async () => {
    await expectLive(files.recalculated);
    expect(await master(files.recalculated)).toBe(true);
  });

  test('the key source of each budget line is shown: the plan', async () => {
    const cells = await (await ExcelJsWorkbook.load(files.recalculated)).readOutputCells([SHEETS.budgetKey]);
    const sources = cells.filter((c) => c.address.startsWith('P') && typeof c.value === 'string').map((c) => c.value);
    expect(sources).toContain('osallistujasuunnitelma');
  });

  test('a plan count changed in the written workbook moves the budget split to what a fresh run gives', async () => {
    const edited = await editAndRecalculate(files.written, 'plan-edited', [
      { table: 'Osallistujasuunnitelma', column: 'Osallistujia', row: 2, value: 27 },
    ]);
    // The edit reached the file: the plan as read now has 27 where 12 stood.
    const plan = (await (await ExcelJsWorkbook.load(edited)).readTables()).tables.find((t) => t.name === 'Osallistujasuunnitelma')!;
    expect(plan.rows[1][2].value).toBe(27);
    await expectLive(edited);
    expect(await master(edited)).toBe(true);
  }, 120_000);

  test('a population changed in Kunnat moves the scenario sheet (live) and it still equals a fresh run', async () => {
    const before = await cellValue(files.recalculated, SHEETS.scenarios, 'C10');
    const edited = await editAndRecalculate(files.written, 'population-edited', [
      { table: 'Kunnat', column: 'Asukasluku', row: 1, value: 60_000 },
    ]);
    await expectLive(edited);
    const after = await cellValue(edited, SHEETS.scenarios, 'C10');
    expect(typeof before).toBe('number');
    expect(after).not.toBe(before);
    expect(await master(edited)).toBe(true);
  }, 120_000);

  test('a business ID made invalid after the run turns the master check FALSE', async () => {
    const edited = await editAndRecalculate(files.written, 'id-edited', [
      { table: 'Kunnat', column: 'Y-tunnus', row: 1, value: '0125400-3' },
    ]);
    expect(await master(edited)).toBe(false);
  }, 120_000);
});

describe('a year with development days only (no staff-keyed group: the staff scenarios have nothing to split)', () => {
  test('recalculates to the engine values with the master check TRUE', async () => {
    const data = budgetYear([[null, 'TVA', 3, null]]);
    data.costs = data.costs!.filter((c) => c[1] === 'b');
    const files = await writeRun('pool-b-only', data);
    await expectLive(files.recalculated);
    expect(await master(files.recalculated)).toBe(true);
  }, 300_000);
});

describe("a budget from last year's registrations", () => {
  let files: { written: string; recalculated: string };
  beforeAll(async () => {
    files = await writeRun('previous', budgetYear([], [['TA', 'b', 'Syyspäivän tilat', AUTUMN, 2_000, null, null]]));
  }, 300_000);

  test('the engine warns and names the source; LibreOffice recalculates every output cell to the engine value', async () => {
    const port = await ExcelJsWorkbook.load(files.written);
    const r = computeOutputs(await port.readTables());
    expect(r.problems.filter((p) => p.code === 'budget-key-previous-year').map((p) => p.params.previousYear)).toEqual([2026, 2026]);
    await expectLive(files.recalculated);
    expect(await master(files.recalculated)).toBe(true);
  });

  test('a plan typed in afterwards takes over the budget key, as in a fresh run', async () => {
    const edited = await editAndRecalculate(files.written, 'previous-then-plan', [
      { table: 'Osallistujasuunnitelma', column: 'Organisaatio', row: 1, value: 'HVA' },
      { table: 'Osallistujasuunnitelma', column: 'Osallistujia', row: 1, value: 5 },
    ]);
    await expectLive(edited);
    expect(await master(edited)).toBe(true);
  }, 120_000);
});

describe('a workbook made before issue 12 (Kunnat without the Y-tunnus column)', () => {
  test('the invoice rows recalculate in LibreOffice to the engine values (business IDs blank, not 0); the master check is TRUE', async () => {
    const data = budgetYear([[SPRING, 'TVA', 2, null]], [['TA', 'b', 'Kevätpäivän puhujat', SPRING, 600, null, null]]);
    data.municipalities = data.municipalities!.map((r) => [...r.slice(0, 4), null]);
    const port = await ExcelJsWorkbook.fromBuffer(Buffer.from(await (await buildInputWorkbook(data)).xlsx.writeBuffer()));
    // An old workbook's fifth column is none of ours: the parser sees no business ID column.
    renameColumn(port, 'Kunnat', 'Y-tunnus', 'Muistiinpano');
    await port.commitView();
    const raw = await port.readTables();
    expect(raw.tables.find((t) => t.name === 'Kunnat')!.headers).not.toContain('Y-tunnus');
    const result = computeOutputs(raw);
    if (!result.ok) throw new Error(JSON.stringify(result.problems.slice(0, 3)));
    await port.replaceOutputs(result.sheets);
    const written = path.join(dir, 'no-id-column.xlsx');
    await port.saveAs(written);
    const recalculated = await recalculate(written, path.join(dir, 'no-id-column-lo'));
    await expectLive(recalculated);
    expect(await master(recalculated)).toBe(true);
  }, 180_000);
});
