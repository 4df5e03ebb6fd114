/**
 * The office.js adapter writes the live model's workbook-level names (issue 9 points 4 and 5) as the
 * package writer does: every name the layout's sheets own, TYM_TARKISTUS on the master check cell,
 * and the print titles of TYM_Tarkistukset and TYM_Laskutus. The demo's real layout, on the fake.
 */
import { ExcelJsWorkbook } from '../../../src/adapters/exceljs/excelJsWorkbook';
import { computeOutputs } from '../../../src/app/pipeline';
import { MASTER_CHECK_ROW, NAMES, SHEETS } from '../../../src/workbook/layout';
import { buildSampleInputs } from '../../../src/sample/sample';
import { adapter, inputWorkbook } from './fixtures';

test('a write of the demo layout defines every owned name, TYM_TARKISTUS on the master check, and the print titles', async () => {
  const demo = await ExcelJsWorkbook.fromBuffer(Buffer.from(await (await buildSampleInputs({ year: 2026 })).xlsx.writeBuffer()), {
    view: false,
  });
  const result = computeOutputs(await demo.readTables());
  if (!result.ok) throw new Error('the demo does not compute');
  const book = inputWorkbook(2);
  await adapter(book).replaceOutputs(result.sheets);
  const written = new Map([...book.names.values()].map((n) => [n.name, n.formula]));
  const owned = result.sheets.flatMap((s) => (s.names ?? []).map((n) => n.name));
  expect(owned.length).toBeGreaterThan(40);
  expect(owned.filter((n) => !written.has(n))).toEqual([]);
  expect(written.get(NAMES.master)).toBe(`=${SHEETS.checks}!$B$${MASTER_CHECK_ROW + 1}`);
  expect(book.brokenNames()).toEqual([]);
  for (const s of [SHEETS.checks, SHEETS.invoicing]) expect(book.sheet(s)!.layout['setPrintTitleRows']).toMatch(/^\$1:\$\d+$/);
});
