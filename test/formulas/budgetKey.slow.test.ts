/**
 * The budget-time key of pool b in the live layout (issue 12 on issue 9's layout), recalculated in
 * LibreOffice. The formulas of TYM_Jako key every pool b group from the year's registrations; the
 * engine keys a budget (TA) group from the participant plan, else the year's registrations, else
 * the previous year's. Until that choice is formulas too, the check "TYM_Jako: talousarvion (TA)
 * pooli b:n avain ilmoittautumisista" must be FALSE (and so TYM_TARKISTUS) whenever the engine
 * took a TA pool b key from the plan or the previous year, computed from the inputs as they stand
 * after an edit, and TRUE on the demo. Expected sources are the engine's own (Allocation.groups'
 * keySource), an independent implementation of the choice; plan budgets are hand-checked.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import ExcelJS from 'exceljs';
import { ExcelJsWorkbook } from '../../src/adapters/exceljs/excelJsWorkbook';
import { buildInputWorkbook, type InputCell, type InputData } from '../../src/adapters/exceljs/template';
import { computeOutputs } from '../../src/app/pipeline';
import { buildSampleInputs, randomValidWorkbook } from '../../src/sample/sample';
import { checkRows, masterCheck } from '../support/figures';
import { recalculate } from '../support/libreoffice';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tym-budgetkey-'));
afterAll(() => {
  if (!process.env.TYM_KEEP_ARTIFACTS) fs.rmSync(dir, { recursive: true, force: true });
});

const LABEL = 'TYM_Jako: talousarvion (TA) pooli b';
const d = (y: number, m: number, day: number) => new Date(Date.UTC(y, m - 1, day));
const SPRING = 'Kevätpäivä 2027';
const AUTUMN = 'Syyspäivä';

/** The budget of 2027 drafted in the autumn of 2026 (as main's budget suite): registrations only for 2026 unless given. */
function budgetYear(plan: InputCell[][], extraCosts: InputCell[][] = [], extraRegs: InputCell[][] = []): InputData {
  return {
    year: 2027,
    municipalities: [
      ['Hyvinkää', 47_400, 2_100, 25, '0125400-2'],
      ['Järvenpää', 46_000, 1_900, 25, null],
      ['Tuusula', 40_300, 1_400, 50, null],
    ],
    staff: [
      ['TVA', 'Hyvinkää', 'Työllisyyspalvelut', 'Ohjaaja', 2, 1.8, null, null],
      ['TVA', 'Tuusula', 'Yrityspalvelut', 'Asiantuntija', 1, 0.6, null, null],
      ['HVA', null, 'Aikuissosiaalityö', 'Sosiaaliohjaaja', 3, 2.5, null, null],
      ['KELA', null, 'Kela', 'Asiantuntija', 1, 1, null, null],
    ],
    registrations: [
      [AUTUMN, d(2026, 10, 1), 'Aino Aaltonen', 'TVA', null],
      [AUTUMN, d(2026, 10, 1), 'Eino Heikkilä', 'HVA', null],
      [AUTUMN, d(2026, 10, 1), ' aino  aaltonen', 'HVA', null],
      ['Talvipäivä', d(2026, 2, 3), 'Lyyli Nieminen', 'KELA', null],
      ...extraRegs,
    ],
    costs: [
      ['TA', 'a', 'Johtavan henkilön palkka', null, 96_000, null, null],
      ['TA', 'b', 'Kehittämispäivät: tilat ja tarjoilu', null, 8_000, null, null],
      ...extraCosts,
    ],
    plan,
  };
}

interface Written {
  written: string;
  recalculated: string;
  /** The engine's key source of each TA pool b group of the budget year. */
  sources: string[];
}

async function writeRun(name: string, wb: ExcelJS.Workbook): Promise<Written> {
  const port = await ExcelJsWorkbook.fromBuffer(Buffer.from(await wb.xlsx.writeBuffer()));
  const result = computeOutputs(await port.readTables());
  if (!result.ok) throw new Error(`${name}: ${JSON.stringify(result.problems.slice(0, 3))}`);
  const sources = result.allocation.groups.filter((g) => g.kind === 'TA' && g.pool === 'b').map((g) => g.keySource);
  await port.replaceOutputs(result.sheets);
  const written = path.join(dir, `${name}.xlsx`);
  await port.saveAs(written);
  return { written, recalculated: await recalculate(written, path.join(dir, `${name}-lo`)), sources };
}

const fromData = async (data: InputData) => buildInputWorkbook(data);

async function load(file: string): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  return wb;
}

/**
 * The invoice settings of the template (issue 12) are not yet known to the live settings block on
 * this branch (the invoice port adds them), so after recalculation this check is FALSE on every
 * template workbook; the other checks are what this suite looks at.
 */
const UNKNOWN_SETTINGS = 'Asetukset: taulukossa on vain tunnettuja asetuksia';

async function guard(file: string): Promise<{ check: unknown; master: unknown; otherFalse: string[] }> {
  const wb = await load(file);
  const all = checkRows(wb).filter((r) => !r.label.startsWith('KAIKKI TARKISTUKSET'));
  const rows = all.filter((r) => r.label.startsWith(LABEL));
  expect(rows).toHaveLength(1);
  const master = masterCheck(wb).value;
  // The master check is the AND of the rows, whatever they are.
  expect(master).toBe(all.every((r) => r.value === true));
  return { check: rows[0].value, master, otherFalse: all.filter((r) => r.value !== true && !r.label.startsWith(LABEL) && r.label !== UNKNOWN_SETTINGS).map((r) => r.label) };
}

/** Edits input cells of a written workbook as a user would, saves it and recalculates in LibreOffice. */
async function editAndRecalculate(file: string, name: string, edits: { table: string; column: string; row: number; value: ExcelJS.CellValue }[]): Promise<string> {
  const port = await ExcelJsWorkbook.load(file);
  const raw = await port.readTables();
  for (const e of edits) {
    const t = raw.tables.find((x) => x.name === e.table)!;
    const col = t.headers.indexOf(e.column);
    if (col < 0) throw new Error(`no column ${e.column} in ${e.table}`);
    port.workbook.getWorksheet(t.sheet)!.getCell(t.headerRow + e.row, t.firstColumn + col).value = e.value;
  }
  await port.commitView();
  const edited = path.join(dir, `${name}.xlsx`);
  await port.saveAs(edited);
  return recalculate(edited, path.join(dir, `${name}-lo`));
}

describe('the demo: every TA pool b key from the registrations', () => {
  let files: Written;
  beforeAll(async () => {
    files = await writeRun('demo', await buildSampleInputs({ year: 2026 }));
  }, 300_000);

  test('the engine keys every TA pool b group from the registrations; the check is TRUE as written and after recalculation', async () => {
    expect(files.sources.length).toBeGreaterThan(1);
    expect(new Set(files.sources)).toEqual(new Set(['registrations']));
    expect(await guard(files.written)).toEqual({ check: true, master: true, otherFalse: [] });
    expect(await guard(files.recalculated)).toMatchObject({ check: true, otherFalse: [] });
  });

  test('a plan row for the year typed in after the run (the engine would now key the no-event TA line from it) turns the check and TYM_TARKISTUS FALSE', async () => {
    const edited = await editAndRecalculate(files.written, 'demo-plan-typed', [
      { table: 'Osallistujasuunnitelma', column: 'Organisaatio', row: 1, value: 'HVA' },
      { table: 'Osallistujasuunnitelma', column: 'Osallistujia', row: 1, value: 5 },
    ]);
    // A fresh run on the edited inputs takes that group's key from the plan.
    const fresh = computeOutputs(await (await ExcelJsWorkbook.load(edited)).readTables());
    if (!fresh.ok) throw new Error(JSON.stringify(fresh.problems.slice(0, 3)));
    expect(fresh.allocation.groups.filter((g) => g.kind === 'TA' && g.pool === 'b').map((g) => g.keySource)).toContain('plan');
    expect(await guard(edited)).toMatchObject({ check: false, master: false });
  }, 120_000);

  test('a plan row of another year typed in leaves the check TRUE (the engine ignores it too)', async () => {
    const edited = await editAndRecalculate(files.written, 'demo-plan-other-year', [
      { table: 'Osallistujasuunnitelma', column: 'Organisaatio', row: 1, value: 'HVA' },
      { table: 'Osallistujasuunnitelma', column: 'Osallistujia', row: 1, value: 5 },
      { table: 'Osallistujasuunnitelma', column: 'Vuosi', row: 1, value: 2025 },
    ]);
    const fresh = computeOutputs(await (await ExcelJsWorkbook.load(edited)).readTables());
    if (!fresh.ok) throw new Error(JSON.stringify(fresh.problems.slice(0, 3)));
    expect(new Set(fresh.allocation.groups.filter((g) => g.kind === 'TA' && g.pool === 'b').map((g) => g.keySource))).toEqual(new Set(['registrations']));
    expect(await guard(edited)).toMatchObject({ check: true, otherFalse: [] });
  }, 120_000);
});

describe('budget years with no registrations of the year', () => {
  test('from the plan: the check is FALSE as written and after recalculation; the cached split is the engine\'s (hand-checked)', async () => {
    const plan: InputCell[][] = [
      [SPRING, 'TVA', 20, null],
      [SPRING, 'HVA', 12, null],
      [SPRING, 'KELA', 3, null],
      [null, 'TVA', 35, null],
    ];
    const files = await writeRun('plan', await fromData(budgetYear(plan, [['TA', 'b', 'Kevätpäivän puhujat', SPRING, 3_000, null, null]])));
    expect(files.sources).toEqual(['plan', 'plan']);
    expect(await guard(files.written)).toEqual({ check: false, master: false, otherFalse: [] });
    expect(await guard(files.recalculated)).toMatchObject({ check: false, master: false });
    // 3 000 € by the plan 20 : 12 : 3 = 1 714.2857 / 1 028.5714 / 257.1428 -> 1 714.29, 1 028.57, 257.14 (sum 3 000.00).
    const port = await ExcelJsWorkbook.load(files.written);
    const cells = await port.readOutputCells(['TYM_Jako']);
    const shares = cells.filter((c) => typeof c.value === 'number').map((c) => c.value);
    expect(shares).toEqual(expect.arrayContaining([1714.29, 1028.57, 257.14]));
  }, 300_000);

  test("from last year's registrations: the check is FALSE", async () => {
    const files = await writeRun('previous', await fromData(budgetYear([], [['TA', 'b', 'Syyspäivän tilat', AUTUMN, 2_000, null, null]])));
    expect(files.sources).toEqual(['previous-year', 'previous-year']);
    expect(await guard(files.written)).toEqual({ check: false, master: false, otherFalse: [] });
    expect(await guard(files.recalculated)).toMatchObject({ check: false, master: false });
  }, 300_000);

  test('early registrations of the year and a plan (the plan wins): the run writes the engine\'s figures and the check is FALSE', async () => {
    const files = await writeRun(
      'early',
      await fromData(budgetYear([[AUTUMN, 'KELA', 4, null]], [['TA', 'b', 'Syyspäivän tilat', AUTUMN, 2_000, null, null]], [[AUTUMN, d(2027, 1, 10), 'Veikko Virtanen', 'TVA', null]])),
    );
    expect(files.sources).toEqual(['plan', 'plan']);
    expect(await guard(files.recalculated)).toMatchObject({ check: false, master: false });
  }, 300_000);
});

describe('seeded random workbooks', () => {
  test.each([7919, 15838])('seed %i: the check after recalculation is TRUE exactly when the engine keyed every TA pool b group from the registrations', async (seed) => {
    const files = await writeRun(`random-${seed}`, await randomValidWorkbook(seed));
    const expected = files.sources.every((s) => s === 'registrations');
    const got = await guard(files.recalculated);
    expect(got.check).toBe(expected);
    if (expected) expect(got.otherFalse).toEqual([]);
    else expect(got.master).toBe(false);
  }, 300_000);
});
