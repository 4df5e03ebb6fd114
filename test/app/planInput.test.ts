/**
 * Issue 12: a workbook set up without a participant plan, with budget (TA) lines of pool b. The run
 * adds the empty plan (src/workbook/inputSheet.ts) so that a plan typed later is something the
 * key block's formulas already read; here, through the exceljs adapter and the application, what the
 * user's file holds afterwards. test/formulas/budgetKey.slow.test.ts recalculates it in LibreOffice.
 */
import { ExcelJsWorkbook } from '../../src/adapters/exceljs/excelJsWorkbook';
import { buildInputWorkbook, type InputData } from '../../src/adapters/exceljs/template';
import { computeOutputs } from '../../src/app/pipeline';
import { createAllocationApp } from '../../src/app/run';
import { addHandMadePlan } from '../support/tableEdit';
import { XlsxPackage } from '../support/xlsxEdit';

const d = (y: number, m: number, day: number) => new Date(Date.UTC(y, m - 1, day));

function inputs(costs: InputData['costs'], extra: Partial<InputData> = {}): InputData {
  return {
    year: 2027,
    municipalities: [
      ['Hyvinkää', 47_400, null, null, null],
      ['Järvenpää', 46_000, null, null, null],
    ],
    staff: [
      ['TVA', 'Hyvinkää', 'Työllisyyspalvelut', 'Ohjaaja', 2, 1.8, null, null],
      ['HVA', null, 'Aikuissosiaalityö', 'Sosiaaliohjaaja', 3, 2.5, null, null],
    ],
    registrations: [
      ['Syyspäivä', d(2026, 10, 1), 'Aino Aaltonen', 'TVA', null],
      ['Syyspäivä', d(2026, 10, 1), 'Eino Heikkilä', 'HVA', null],
    ],
    costs,
    plan: null,
    ...extra,
  };
}

const TA_B: InputData['costs'] = [
  ['TA', 'a', 'Johtavan henkilön palkka', null, 96_000, null, null],
  ['TA', 'b', 'Kehittämispäivät', null, 8_000, null, null],
];

async function portOf(data: InputData) {
  return ExcelJsWorkbook.fromBuffer(Buffer.from(await (await buildInputWorkbook(data)).xlsx.writeBuffer()));
}

test('without a plan and with TA lines of pool b, the run adds the empty plan on a sheet of its own, before the outputs, and says so', async () => {
  const port = await portOf(inputs(TA_B));
  const before = (await port.readTables()).sheetNames;
  expect(before).not.toContain('Osallistujasuunnitelma');
  const app = createAllocationApp(port);
  const report = await app.run();
  expect(report.ok).toBe(true);
  expect(report.problems.filter((p) => p.code === 'plan-table-added').map((p) => p.where)).toEqual([
    { sheet: 'Osallistujasuunnitelma', table: 'Osallistujasuunnitelma' },
  ]);
  // The summary lists the outputs only; the plan sheet is the user's input from now on (no owner mark).
  expect(report.summary?.sheets).not.toContain('Osallistujasuunnitelma');
  expect(report.summary?.sheets).toContain('TYM_Jako');
  expect(await port.ownSheetNames()).not.toContain('Osallistujasuunnitelma');

  const raw = await port.readTables();
  const plan = raw.tables.find((t) => t.name === 'Osallistujasuunnitelma')!;
  expect(plan).toMatchObject({ sheet: 'Osallistujasuunnitelma', headerRow: 1, firstColumn: 1 });
  expect(plan.headers).toEqual(['Tilaisuus', 'Organisaatio', 'Osallistujia', 'Vuosi']);
  expect(plan.rows.map((r) => r.map((c) => c.value ?? ''))).toEqual([['', '', '', '']]);
  // Right after the user's sheets, before the first output sheet.
  const names = raw.sheetNames;
  expect(names.indexOf('Osallistujasuunnitelma')).toBe(before.length);
  expect(names[before.length + 1]).toMatch(/^TYM_/);

  // The result is current: the inputs' fingerprint is the one of the workbook as written, and
  // verify finds nothing (the run log names the plan it read).
  expect(await app.fingerprint()).toBe(report.fingerprint);
  const verified = await app.verify();
  expect(verified.causes?.map((c) => c.code)).toEqual(['ok']);
});

test('a rerun keeps the added plan and adds no second one; a plan typed into it later makes the result stale', async () => {
  const port = await portOf(inputs(TA_B));
  const app = createAllocationApp(port);
  await app.run();
  const again = await app.run();
  expect(again.problems.map((p) => p.code)).not.toContain('plan-table-added');
  const raw = await port.readTables();
  expect(raw.sheetNames.filter((n) => n.startsWith('Osallistujasuunnitelma'))).toEqual(['Osallistujasuunnitelma']);
  expect(raw.tables.filter((t) => t.name === 'Osallistujasuunnitelma')).toHaveLength(1);

  // The user types a plan row into the added table (another program's edit of the saved file).
  const pkg = await XlsxPackage.load(await port.toBuffer());
  const t = await pkg.table('Osallistujasuunnitelma');
  t.setRows([[null, 'TVA', 20, null]]);
  const edited = createAllocationApp(await ExcelJsWorkbook.fromBuffer(Buffer.from(await pkg.toBuffer())));
  expect(await edited.fingerprint()).not.toBe(again.fingerprint);
  const verified = await edited.verify();
  expect(verified.changedTables).toEqual(['suunnitelma']);
  expect(verified.ok).toBe(false);
});

test('no plan is added where none can change a figure: no TA lines of pool b, or a plan already there', async () => {
  const totOnly = computeOutputs(
    await (
      await portOf(
        inputs([
          ['TA', 'a', 'Johtavan henkilön palkka', null, 96_000, null, null],
          ['TOT', 'b', 'Syyspäivän tilat', 'Syyspäivä', 2_000, null, 2026],
        ]),
      )
    ).readTables(),
  );
  expect(totOnly.ok && totOnly.sheets.filter((s) => s.input)).toEqual([]);
  const withPlan = computeOutputs(await (await portOf(inputs(TA_B, { plan: [] }))).readTables());
  expect(withPlan.ok && withPlan.sheets.filter((s) => s.input)).toEqual([]);
  expect(withPlan.problems.map((p) => p.code)).not.toContain('plan-table-added');
});

test('a sheet of the plan name without the table: the plan goes on "Osallistujasuunnitelma (2)" and both warnings stand', async () => {
  const wb = await buildInputWorkbook(inputs(TA_B));
  wb.addWorksheet('Osallistujasuunnitelma').getCell('A1').value = 'Suunnitelma tulossa';
  const port = await ExcelJsWorkbook.fromBuffer(Buffer.from(await wb.xlsx.writeBuffer()));
  const result = computeOutputs(await port.readTables());
  expect(result.ok).toBe(true);
  const input = result.ok ? result.sheets.find((s) => s.input) : undefined;
  expect(input?.name).toBe('Osallistujasuunnitelma (2)');
  expect(result.problems.map((p) => p.code)).toEqual(expect.arrayContaining(['plan-table-missing', 'plan-table-added']));
});

test('without TA lines of pool b nothing is added, and a plan table made after the run is still named by verify', async () => {
  const port = await portOf(
    inputs([
      ['TA', 'a', 'Johtavan henkilön palkka', null, 96_000, null, null],
      ['TOT', 'b', 'Syyspäivän tilat', 'Syyspäivä', 2_000, null, 2026],
    ]),
  );
  expect((await createAllocationApp(port).run()).ok).toBe(true);
  const book = await ExcelJsWorkbook.fromBuffer(Buffer.from(await port.toBuffer()));
  expect((await book.readTables()).sheetNames).not.toContain('Osallistujasuunnitelma');
  addHandMadePlan(book.workbook);
  await book.commitView();
  expect((await createAllocationApp(book).verify()).changedTables).toEqual(['suunnitelma']);
});
