/**
 * Structure of the written sheets, without Excel: which functions the formulas use, that every
 * formula carries the engine's value, that input names are never copied, and the result table.
 * (The formulas' values are checked by recalculation in LibreOffice in test/formulas.)
 */
import { computeOutputs } from '../../src/app/pipeline';
import { OUTPUT_SHEET_NAMES, RESULT_HEADERS, RESULT_TABLE, SHEETS } from '../../src/workbook/layout';
import type { SheetSpec } from '../../src/workbook/sheetSpec';
import { sampleWorkbook, setCell } from '../domain/support/rawBuilders';

/** Functions every Excel since 2010 and LibreOffice have; none is volatile. */
const ALLOWED = new Set([
  'ABS', 'AND', 'CHOOSE', 'COUNT', 'COUNTIF', 'COUNTIFS', 'DATE', 'IF', 'INDEX', 'INT', 'ISERROR', 'ISNUMBER', 'MATCH',
  'MAX', 'MIN', 'N', 'OR', 'ROUND', 'ROUNDDOWN', 'ROWS', 'SIGN', 'SUM', 'SUMIFS', 'SUMPRODUCT', 'TRIM', 'YEAR',
  // issue 12 (invoice rows: business ID check digit, dates in short months)
  'DAY', 'IFERROR', 'LEN', 'MID', 'MOD', 'RIGHT',
]);
const VOLATILE = ['NOW', 'TODAY', 'RAND', 'RANDBETWEEN', 'OFFSET', 'INDIRECT', 'CELL', 'INFO'];

function outputs(): SheetSpec[] {
  const r = computeOutputs(sampleWorkbook());
  if (!r.ok) throw new Error(JSON.stringify(r.problems));
  return r.sheets;
}

function formulas(sheets: SheetSpec[]): { sheet: string; formula: string; expected: unknown }[] {
  return sheets.flatMap((s) => s.cells.flatMap((row) => row.flatMap((c) => (c?.formula !== undefined ? [{ sheet: s.name, formula: c.formula, expected: c.expected }] : []))));
}

/** Function names in a formula, ignoring text inside string literals. */
function functionsOf(formula: string): string[] {
  const code = formula.replace(/"[^"]*"/g, '""');
  return [...code.matchAll(/([A-Z][A-Z0-9.]*)\(/g)].map((m) => m[1]);
}

test('the sheets come in order, every row is as wide as the sheet, and all are the add-in’s sheet names', () => {
  const sheets = outputs();
  // The sample's cost lines are all of 2026 (Vuosi 2026 or blank), so there is no year comparison.
  expect(sheets.map((s) => s.name)).toEqual([
    SHEETS.results,
    SHEETS.checks,
    SHEETS.invoicing,
    SHEETS.invoiceRows,
    SHEETS.scenarios,
    SHEETS.staffing,
    SHEETS.split,
    SHEETS.municipal,
    SHEETS.scenarioSplits,
    SHEETS.budgetKey, // the sample has a budget line of pool b
    SHEETS.params,
    SHEETS.rows,
  ]);
  for (const s of sheets) {
    expect(OUTPUT_SHEET_NAMES).toContain(s.name);
    const width = s.cells[0]?.length ?? 0;
    for (const row of s.cells) expect(row).toHaveLength(width);
  }
});

test('formulas use only functions of every Excel since 2010 and LibreOffice, none volatile', () => {
  const used = new Set(formulas(outputs()).flatMap((f) => functionsOf(f.formula)));
  expect([...used].filter((f) => !ALLOWED.has(f))).toEqual([]);
  for (const v of VOLATILE) expect(used.has(v)).toBe(false);
  // And they do use the structured references to the input tables, not copies of them.
  const text = formulas(outputs()).map((f) => f.formula).join('\n');
  for (const t of ['Asetukset[', 'Kunnat[', 'Staff[', 'Ilmoittautumiset[', 'Kustannukset[']) expect(text).toContain(t);
});

test('every formula carries the engine value except the settings passed through as written', () => {
  const missing = formulas(outputs()).filter((f) => f.expected === undefined);
  // Pass-through cells: the setting labels and the text settings (bases, employer, period) as written.
  const passThrough = (f: { sheet: string; formula: string }) => f.sheet === SHEETS.params && /^INDEX\(Asetukset\[/.test(f.formula);
  expect(missing.filter((f) => !passThrough(f))).toEqual([]);
  expect(missing.length).toBeGreaterThan(0);
});

test('no registered person’s name appears in any output cell', () => {
  const names = ['Maija', 'Meikäläinen', 'Matti', 'Virtanen'];
  const texts = outputs().flatMap((s) => s.cells.flatMap((row) => row.flatMap((c) => [c?.value, c?.expected, c?.formula].filter((v): v is string => typeof v === 'string'))));
  for (const n of names) expect(texts.filter((t) => t.toLowerCase().includes(n.toLowerCase()))).toEqual([]);
});

test('the result table has one row per group, receiver and level', () => {
  const r = computeOutputs(sampleWorkbook());
  if (!r.ok) throw new Error('sample must allocate');
  const results = r.sheets.find((s) => s.name === SHEETS.results)!;
  const table = results.tables!.find((t) => t.name === RESULT_TABLE)!;
  expect(table.headers).toEqual([...RESULT_HEADERS]);
  // 3 parties + 3 municipalities (Hyvinkää, Järvenpää, Tuusula) per group.
  expect(table.rowCount).toBe(r.allocation.groups.length * (3 + 3));
  const header = results.cells[table.row].slice(table.col, table.col + table.headers.length).map((c) => c?.value);
  expect(header).toEqual([...RESULT_HEADERS]);
});

test('cost lines of two years bring the year comparison, with the current year as live formulas', () => {
  // Kustannukset data row 2 ("toteuma", muu, 1 234,50) moves to 2025: the lines now name 2025 and 2026.
  const raw = setCell(sampleWorkbook(), 'Kustannukset', 1, 'Vuosi', 2025);
  const r = computeOutputs(raw);
  if (!r.ok) throw new Error(JSON.stringify(r.problems));
  const cmp = r.sheets.find((s) => s.name === SHEETS.comparison);
  expect(cmp).toBeDefined();
  const header = cmp!.cells[4].map((c) => c?.value);
  expect(header.slice(0, 3)).toEqual(['', '2025', '2026']);
  // Row "HVA" of the TOT block: 2025 is a value the engine computed, 2026 a formula into TYM_Tulokset.
  const rows = cmp!.cells.filter((row) => row[0]?.value === 'HVA');
  const tot = rows[1];
  expect(tot[1]?.formula).toBeUndefined();
  expect(typeof tot[1]?.value).toBe('number');
  expect(tot[2]?.formula).toMatch(/^TYM_Tulokset!\$D\$\d+$/);
});
