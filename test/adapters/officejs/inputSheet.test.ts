/**
 * The input sheet a run may add (issue 12: the empty participant plan, SheetSpec.input) through the
 * office.js adapter: written before the outputs' formulas that read its table, without the owner
 * mark (so no rerun replaces or removes it), and never deleted by the recovery of a failed write.
 */
import { SheetConflictError } from '../../../src/workbook/port';
import { planInputSheet } from '../../../src/workbook/inputSheet';
import type { SheetSpec } from '../../../src/workbook/sheetSpec';
import { FakeWorkbook } from '../../support/fakeExcel';
import { adapter, all, inputWorkbook, outputSpecs, snapshot } from './fixtures';

/** The empty plan and outputs whose formulas read it (as the key block on TYM_Parametrit does). */
function specs(book: FakeWorkbook, label = 'A'): SheetSpec[] {
  const plan = planInputSheet({ tables: [], sheetNames: book.sheets.map((s) => s.name) }, 2027).spec;
  const outputs = outputSpecs(3, label);
  const params = outputs.find((s) => s.name === 'Parametrit')!;
  params.cells.push([
    { value: 'Suunnitelman rivejä', style: 'label' },
    { formula: 'ROWS(Osallistujasuunnitelma[Organisaatio])', expected: 1, style: 'integer' },
  ]);
  return [plan, ...outputs];
}

test('the plan sheet is written before the formulas that read its table, unmarked, and the first output is shown', async () => {
  const book = inputWorkbook(3);
  const wb = adapter(book);
  await wb.readTables();
  await wb.replaceOutputs(specs(book));
  expect(book.sheets.map((s) => s.name)).toEqual(['Asetukset', 'Henkilosto', 'Osallistujasuunnitelma', 'Tulokset', 'Rivit', 'Parametrit']);
  const plan = book.table('Osallistujasuunnitelma')!;
  expect(plan.sheet.name).toBe('Osallistujasuunnitelma');
  expect(plan.rows).toBe(2); // the header row and one empty data row
  expect([0, 1, 2, 3].map((c) => book.formulaAt('Osallistujasuunnitelma', 0, c))).toEqual([
    'Tilaisuus',
    'Organisaatio',
    'Osallistujia',
    'Vuosi',
  ]);
  // Every formula bound to a table that existed when it was entered (Excel refuses an unknown table).
  expect(book.brokenRefs()).toEqual([]);
  expect(book.sheet('Osallistujasuunnitelma')!.names.size).toBe(0);
  expect(await wb.ownSheetNames()).toEqual(['Tulokset', 'Rivit', 'Parametrit']);
  expect(book.sheets.find((s) => s.active)?.name).toBe('Tulokset');
});

test('a rerun replaces the outputs and leaves the plan sheet (now the user’s input) as it is', async () => {
  const book = inputWorkbook(3);
  const wb = adapter(book);
  await wb.replaceOutputs(specs(book));
  const plan = book.sheet('Osallistujasuunnitelma')!;
  plan.put(1, 1, 'TVA');
  plan.put(1, 2, 20);
  const typed = snapshot(plan);
  // The rerun's layout has no input sheet: the workbook has a plan now.
  await wb.replaceOutputs(specs(book, 'B').filter((s) => !s.input));
  expect(book.sheets.filter((s) => s.name.startsWith('Osallistujasuunnitelma'))).toHaveLength(1);
  expect(snapshot(book.sheet('Osallistujasuunnitelma')!)).toBe(typed);
  expect(book.formulaAt('Parametrit', 0, 0)).toBe('Parametrit B');
  expect(book.brokenRefs()).toEqual([]);
});

test('a write that fails midway leaves the outputs as they were; the plan sheet it added stays (never a deletion of what may be the user’s)', async () => {
  const book = inputWorkbook(3);
  const before = all(book);
  book.failWhen = (e) => (e.kind === 'write' && e.sheet === 'Parametrit' ? 'InvalidArgument' : null);
  const wb = adapter(book);
  await expect(wb.replaceOutputs(specs(book))).rejects.toMatchObject({ name: 'RichApi.Error' });
  // Excel's batches are not transactions: the sheet added before the failure stands. It is the
  // empty plan, an input like the template's, and the next run reads it instead of adding another.
  expect(all(book).filter((s) => !s.includes('"Osallistujasuunnitelma"'))).toEqual(before);
  expect(book.table('Osallistujasuunnitelma')?.sheet.name).toBe('Osallistujasuunnitelma');
  expect(await wb.ownSheetNames()).toEqual([]);
  book.failWhen = null;
  await wb.replaceOutputs(specs(book).filter((s) => !s.input));
  expect(book.brokenRefs()).toEqual([]);
});

test('after a failure the retry on the fresh sheet list keeps the plan sheet that attempt added and writes the rest', async () => {
  const book = inputWorkbook(3);
  const wb = adapter(book);
  await wb.readTables(); // the pane's run: the write plans on the sheet list of this read
  let failures = 0;
  book.failWhen = (e) => (e.kind === 'write' && e.sheet === 'Parametrit' && failures++ === 0 ? 'InvalidArgument' : null);
  await wb.replaceOutputs(specs(book));
  expect(failures).toBeGreaterThan(0);
  expect(book.sheets.filter((s) => s.name.startsWith('Osallistujasuunnitelma')).map((s) => s.name)).toEqual(['Osallistujasuunnitelma']);
  expect(await wb.ownSheetNames()).toEqual(['Tulokset', 'Rivit', 'Parametrit']);
  expect(book.brokenRefs()).toEqual([]);
});

test('a user sheet of the plan sheet’s name made between read and write is refused, and nothing changes', async () => {
  const book = inputWorkbook(3);
  const wb = adapter(book);
  await wb.readTables();
  const wanted = specs(book);
  book.addSheet('Osallistujasuunnitelma').put(0, 0, 'oma suunnitelma');
  const before = all(book);
  await expect(wb.replaceOutputs(wanted)).rejects.toBeInstanceOf(SheetConflictError);
  expect(all(book)).toEqual(before);
});
