/**
 * The sheets of issue 12 as written (without a spreadsheet engine; LibreOffice recalculates them in
 * test/formulas): the invoice rows sheet carries exactly the rows of the CSV, the scenario sheet
 * prints on one landscape page and its figures are the engine's scenarios.
 */
import ExcelJS from 'exceljs';
import { ExcelJsWorkbook } from '../../src/adapters/exceljs/excelJsWorkbook';
import { summariseInvoiceRows } from '../../src/app/invoiceData';
import { computeOutputs } from '../../src/app/pipeline';
import { excelSerialFromDay } from '../../src/domain/dates';
import { computeScenarios } from '../../src/domain/scenarios';
import { buildSampleInputs } from '../../src/sample/sample';
import { SHEETS } from '../../src/workbook/layout';
import { IR, INVOICE_ROWS_FIRST } from '../../src/workbook/layout/invoiceRows';
import type { SheetSpec } from '../../src/workbook/sheetSpec';

async function sample() {
  const port = await ExcelJsWorkbook.fromBuffer(Buffer.from(await (await buildSampleInputs({ year: 2026 })).xlsx.writeBuffer()));
  const r = computeOutputs(await port.readTables());
  if (!r.ok) throw new Error('sample does not compute');
  return { port, r };
}

/** ISO date -> Excel serial. */
const serial = (iso: string) => {
  const [y, m, d] = iso.split('-').map(Number);
  return excelSerialFromDay(Date.UTC(y, m - 1, d) / 86_400_000);
};
const sheet = (sheets: SheetSpec[], name: string) => sheets.find((s) => s.name === name)!;
const expected = (s: SheetSpec, row: number, col: number) => s.cells[row]?.[col]?.expected ?? s.cells[row]?.[col]?.value;

test('TYM_Laskurivit: its numbered rows are the CSV rows, one to one; the others are zero or the employer', async () => {
  const { r } = await sample();
  const s = sheet(r.sheets, SHEETS.invoiceRows);
  const csvRows = summariseInvoiceRows(r.model, r.allocation);
  const numbered: unknown[][] = [];
  let others = 0;
  for (let row = INVOICE_ROWS_FIRST; row < s.cells.length; row++) {
    if (s.cells[row]?.[IR.receiver] == null) continue;
    const no = expected(s, row, IR.no);
    if (no === '') {
      others += 1;
      expect(expected(s, row, IR.amount)).toBe(0);
      continue;
    }
    numbered.push([
      no,
      expected(s, row, IR.receiver),
      expected(s, row, IR.amount),
      expected(s, row, IR.invoiceDate),
      expected(s, row, IR.dueDate),
      expected(s, row, IR.description),
    ]);
  }
  expect(numbered).toEqual(
    csvRows.map((x) => [x.no, x.receiver, Number(x.amount), serial(x.invoiceDate), serial(x.dueDate), x.description]),
  );
  expect(others).toBeGreaterThan(0); // the employer's own rows
});

test('TYM_Skenaariot prints on one A4 landscape page; its figures are the engine scenarios', async () => {
  const { port, r } = await sample();
  const s = sheet(r.sheets, SHEETS.scenarios);
  expect(s.print).toMatchObject({ landscape: true, fitToWidth: true, onePage: true });
  const sc = computeScenarios(r.model, r.allocation);
  // The first block: TA, municipalities; one column per basis (€, difference, %), the first basis in column C.
  const names = r.model.municipalities.map((m) => m.name);
  const firstRow = s.cells.findIndex((row) => row[0]?.expected === names[0]);
  names.forEach((_, i) =>
    sc.municipal.forEach((m, bi) => {
      const v = expected(s, firstRow + i, 2 + bi * 3);
      expect(v).toBe(m.unavailable === null ? m.totals.TA[i].toNumber() : '');
    }),
  );
  // The exceljs adapter writes the one-page set-up: fit to 1 page wide and 1 tall.
  await port.replaceOutputs(r.sheets);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load((await port.toBuffer()) as unknown as ArrayBuffer);
  const setup = wb.getWorksheet(SHEETS.scenarios)!.pageSetup;
  expect([setup.orientation, setup.fitToPage, setup.fitToWidth, setup.fitToHeight]).toEqual(['landscape', true, 1, 1]);
  expect(wb.getWorksheet(SHEETS.invoiceRows)!.pageSetup.fitToHeight).toBe(0);
});
