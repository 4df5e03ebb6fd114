import { ExcelJsWorkbook } from '../../src/adapters/exceljs/excelJsWorkbook';
import type { RunStep } from '../../src/app/api';
import { createAllocationApp } from '../../src/app/run';
import { buildSampleInputs } from '../../src/sample/sample';

async function sampleApp() {
  const port = ExcelJsWorkbook.fromWorkbook(await buildSampleInputs({ year: 2026 }));
  return { port, app: createAllocationApp(port) };
}

test('a run reports every step in order, each before it starts, and the UI gets a turn between them', async () => {
  const { app } = await sampleApp();
  const steps: RunStep[] = [];
  let turns = 0;
  const ticker = setInterval(() => (turns += 1), 0);
  const report = await app.run((s) => steps.push(s));
  clearInterval(ticker);
  expect(report.ok).toBe(true);
  expect(steps).toEqual(['read', 'validate', 'allocate', 'layout', 'write', 'done']);
  // A timer ran while the run was going on: the synchronous steps did not hold the event loop throughout.
  expect(turns).toBeGreaterThan(0);
});

test('a run stopped by input errors ends at the validation step and writes nothing', async () => {
  const { port, app } = await sampleApp();
  // Year of the settings table made invalid.
  const settings = port.workbook.worksheets.find((ws) => ws.name === 'Asetukset')!;
  let yearCell = null as null | { value: unknown };
  settings.eachRow((row) => {
    if (String(row.getCell(1).value).trim() === 'Vuosi') yearCell = row.getCell(2) as unknown as { value: unknown };
  });
  expect(yearCell).not.toBeNull();
  yearCell!.value = 'ensi vuonna';
  const before = port.workbook.worksheets.map((ws) => ws.name);
  const steps: RunStep[] = [];
  const report = await app.run((s) => steps.push(s));
  expect(report.ok).toBe(false);
  expect(report.problems.some((p) => p.severity === 'error' && p.where.sheet === 'Asetukset')).toBe(true);
  expect(steps).toEqual(['read', 'validate']);
  expect(port.workbook.worksheets.map((ws) => ws.name)).toEqual(before);
});
