/**
 * verify for people (issue 9 point 8, issue 11): the run log's fingerprints tell "inputs changed
 * after the run" even where every value was recalculated; a cut output table and a moved defined
 * name are found; a file saved without computed values gets one "recalculate first"; findings are
 * grouped by cause. The written file holds the engine's values as its cached results, so these run
 * without a spreadsheet (the recalculated cases are in test/formulas).
 */
import { ExcelJsWorkbook, tablesOf } from '../../src/adapters/exceljs/excelJsWorkbook';
import { createAllocationApp } from '../../src/app/run';
import { addHandMadePlan } from '../support/tableEdit';
import { formatCause, groupFindings } from '../../src/app/verifyCauses';
import { buildSampleInputs } from '../../src/sample/sample';
import type { VerifyFinding } from '../../src/app/api';

async function result(): Promise<ExcelJsWorkbook> {
  const port = ExcelJsWorkbook.fromWorkbook(await buildSampleInputs({ year: 2026, scale: 0.1 }));
  const report = await createAllocationApp(port).run();
  expect(report.ok).toBe(true);
  return ExcelJsWorkbook.fromBuffer(await port.toBuffer());
}

const codes = (r: { causes?: { code: string }[] }) => (r.causes ?? []).map((c) => c.code);

test('a fresh result verifies clean: one "ok" line, the run log read, no findings', async () => {
  const report = await createAllocationApp(await result()).verify();
  expect(codes(report)).toEqual(['ok']);
  expect(report.changedTables).toEqual([]);
  expect(formatCause(report.causes![0], 'en')).toMatch(/^All \d+ output cells match the inputs, and the inputs are those of the run\.$/);
});

test('an input changed after the run is the root cause, even when no output value depends on it', async () => {
  const port = await result();
  // A registrant's name retyped the same way for the engine (case, spaces): every figure stays, the table's values do not.
  const ws = port.workbook.getWorksheet('Ilmoittautumiset')!;
  ws.getCell('C2').value = `  ${String(ws.getCell('C2').value).toUpperCase()} `;
  await port.commitView();
  const report = await createAllocationApp(port).verify();
  expect(report.ok).toBe(false);
  expect(report.changedTables).toEqual(['ilmoittautumiset']);
  expect(codes(report)[0]).toBe('inputs-changed');
  expect(formatCause(report.causes![0], 'fi')).toMatch(
    /^Syötteet ovat muuttuneet laskennan \(.+\) jälkeen: Ilmoittautumiset\. Laske kustannustenjako uudelleen\.$/,
  );
  expect(formatCause(report.causes![0], 'sv')).toMatch(/Indata har ändrats efter beräkningen/);
});

test('the output table Tulokset cut by one row is found, and so is a defined name pointed elsewhere', async () => {
  const port = await result();
  const ws = port.workbook.getWorksheet('TYM_Tulokset')!;
  const t = tablesOf(ws).find(
    (x) =>
      ((x as unknown as { table?: { name: string } }).table ?? (x as unknown as { model: { name: string } }).model).name === 'Tulokset',
  )!;
  const model =
    (t as unknown as { table?: { tableRef: string; autoFilterRef: string } }).table ??
    (t as unknown as { model: { tableRef: string; autoFilterRef: string } }).model;
  const cut = model.tableRef.replace(/(\d+)$/, (n) => String(Number(n) - 1));
  model.tableRef = cut;
  model.autoFilterRef = cut;
  const names = port.workbook.definedNames as unknown as { removeAllNames(n: string): void; add(ref: string, n: string): void };
  names.removeAllNames('TYM_KELA_PROS');
  names.add("'TYM_Parametrit'!$B$1", 'TYM_KELA_PROS');
  await port.commitView();
  const reread = await ExcelJsWorkbook.fromBuffer(await port.toBuffer());
  const report = await createAllocationApp(reread).verify();
  expect(report.ok).toBe(false);
  const range = report.causes!.find((c) => c.code === 'table-range')!;
  expect(range.params.table).toBe('Tulokset');
  expect(formatCause(range, 'fi')).toMatch(/^Taulukon Tulokset alue on TYM_Tulokset!A\d+:H\d+, laskennassa TYM_Tulokset!A\d+:H\d+/);
  const name = report.causes!.find((c) => c.code === 'name-changed')!;
  expect(name.params.name).toBe('TYM_KELA_PROS');
});

test('a file without computed values: "recalculate first" once, no value lines', async () => {
  const port = await result();
  for (const ws of port.workbook.worksheets) {
    if (!ws.name.startsWith('TYM_')) continue;
    ws.eachRow((row) =>
      row.eachCell((cell) => {
        if (cell.type === 6) cell.value = { formula: (cell.value as { formula: string }).formula } as never;
      }),
    );
  }
  await port.commitView();
  const report = await createAllocationApp(await ExcelJsWorkbook.fromBuffer(await port.toBuffer())).verify();
  expect(codes(report)[0]).toBe('recalculate-first');
  expect(codes(report).filter((c) => c === 'recalculate-first')).toHaveLength(1);
  expect(report.findings.filter((f) => f.kind === 'value')).toEqual([]);
});

test('many differing formulas on a sheet are one structure finding; a few are overwritten cells', () => {
  const f = (sheet: string, n: number, kind: VerifyFinding['kind'] = 'formula'): VerifyFinding[] =>
    Array.from({ length: n }, (_, i) => ({ sheet, address: `A${i + 1}`, kind, expected: 'x', actual: 'y' }));
  const causes = groupFindings(
    [...f('TYM_Jako', 300), ...f('TYM_Tulokset', 2), ...f('TYM_Laskutus', 5, 'value')],
    new Map([
      ['TYM_Jako', 1000],
      ['TYM_Tulokset', 100],
    ]),
    false,
  );
  expect(causes.map((c) => `${c.code}:${c.params.sheet ?? ''}:${c.count}`)).toEqual([
    'structure:TYM_Jako:300',
    'overwritten:TYM_Tulokset:2',
    'values:TYM_Laskutus:5',
  ]);
  expect(formatCause(causes[0], 'en')).toBe(
    'TYM_Jako: formulas that differ from the run: 300 (the structure changed, e.g. rows added): run again. First: A1, A2, A3, A4, A5, A6, A7, A8, ….',
  );
  // When an input table changed, the values are counted as its consequence, not listed per sheet.
  expect(groupFindings(f('TYM_Laskutus', 5, 'value'), new Map(), true).map((c) => c.code)).toEqual(['values-follow-inputs']);
});

test('the participant plan in the run log: a plan edited or removed after the run is an input changed', async () => {
  const port = await result();
  const log = (await port.readOutputCells(['TYM_Ajoloki'])).filter((c) => c.address.startsWith('A')).map((c) => c.value);
  expect(log).toContain('suunnitelma');
  // edited: a planned participant count typed in
  const edited = await result();
  const plan = edited.workbook.getWorksheet('Osallistujasuunnitelma')!;
  plan.getCell('B2').value = 'TVA';
  plan.getCell('C2').value = 40;
  await edited.commitView();
  const a = await createAllocationApp(edited).verify();
  expect(a.changedTables).toEqual(['suunnitelma']);
  expect(formatCause(a.causes![0], 'fi')).toMatch(/jälkeen: Osallistujasuunnitelma\. Laske/);
  // removed: the sheet with the table deleted
  const removed = await result();
  removed.workbook.removeWorksheet(removed.workbook.getWorksheet('Osallistujasuunnitelma')!.id);
  await removed.commitView();
  expect((await createAllocationApp(removed).verify()).changedTables).toEqual(['suunnitelma']);
});

test('a run without a plan adds the empty one; a second plan table added afterwards makes the audit fail on the inputs', async () => {
  const wb = await buildSampleInputs({ year: 2026, scale: 0.1 });
  const planSheet = wb.getWorksheet('Osallistujasuunnitelma')!;
  wb.removeWorksheet(planSheet.id);
  const port = ExcelJsWorkbook.fromWorkbook(wb);
  const run = await createAllocationApp(port).run();
  expect(run.ok).toBe(true);
  // The sample has TA lines of pool b: the run added the empty plan (issue 12), read in the run log.
  expect(run.problems.map((p) => p.code)).toContain('plan-table-added');
  const book = await ExcelJsWorkbook.fromBuffer(await port.toBuffer());
  const clean = await createAllocationApp(book).verify();
  expect(clean.changedTables).toEqual([]);
  expect(clean.ok).toBe(true);
  addHandMadePlan(book.workbook);
  await book.commitView();
  const twice = await createAllocationApp(book).verify();
  expect(twice.ok).toBe(false);
  expect(twice.causes?.map((c) => c.code)).toContain('inputs-invalid');
  expect(twice.problems.map((p) => p.code)).toContain('table-duplicate');
});
