/**
 * Structure of the written sheets, without Excel: which functions the formulas use, that every
 * formula carries the engine's value, that input names are never copied, and the result table.
 * (The formulas' values are checked by recalculation in LibreOffice in test/formulas.)
 */
import { computeOutputs } from '../../src/app/pipeline';
import { OUTPUT_SHEET_NAMES, RESULT_HEADERS, RESULT_TABLE, SHEETS } from '../../src/workbook/layout';
import type { SheetSpec } from '../../src/workbook/sheetSpec';
import { sampleWorkbook, setCell } from '../domain/support/rawBuilders';

/** Functions every Excel since 2010 and LibreOffice have (UNICODE: Excel 2013); none is volatile. */
const ALLOWED = new Set([
  'ABS',
  'AND',
  'CHOOSE',
  'COLUMNS',
  'COUNTIF',
  'COUNTIFS',
  'DATE',
  'EXACT',
  'FIND',
  'GCD',
  'IF',
  'IFERROR',
  'INDEX',
  'INT',
  'ISERROR',
  'ISNUMBER',
  'ISTEXT',
  'LEFT',
  'LEN',
  'LOWER',
  'MATCH',
  'MAX',
  'MID',
  'MIN',
  'NA',
  'NOT',
  'OR',
  'ROUND',
  'ROW',
  'ROWS',
  'SEARCH',
  'SIGN',
  'SUM',
  'SUMIFS',
  'SUMPRODUCT',
  'TRIM',
  'UNICODE',
  'YEAR',
  // TYM_Laskurivit (issue 12): the invoice dates and the business ID's check digit.
  'COUNT',
  'DAY',
  'MOD',
  'RIGHT',
]);
const VOLATILE = ['NOW', 'TODAY', 'RAND', 'RANDBETWEEN', 'OFFSET', 'INDIRECT', 'CELL', 'INFO'];

function written(): SheetSpec[] {
  const r = computeOutputs(sampleWorkbook());
  if (!r.ok) throw new Error(JSON.stringify(r.problems));
  return r.sheets;
}

/** The output sheets (the sample's raw tables have no plan: the run also adds the empty one, an input). */
function outputs(): SheetSpec[] {
  return written().filter((s) => !s.input);
}

function formulas(sheets: SheetSpec[]): { sheet: string; formula: string; expected: unknown }[] {
  return sheets.flatMap((s) =>
    s.cells.flatMap((row) =>
      row.flatMap((c) => (c?.formula !== undefined ? [{ sheet: s.name, formula: c.formula, expected: c.expected }] : [])),
    ),
  );
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
    SHEETS.params,
    SHEETS.rows,
    SHEETS.runLog,
  ]);
  // Before them, the one input sheet a run may add: the empty participant plan (issue 12).
  expect(written().map((s) => [s.name, s.input ?? false])[0]).toEqual(['Osallistujasuunnitelma', true]);
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
  const text = formulas(outputs())
    .map((f) => f.formula)
    .join('\n');
  for (const t of ['Asetukset[', 'Kunnat[', 'Staff[', 'Ilmoittautumiset[', 'Kustannukset[']) expect(text).toContain(t);
});

test('every formula carries the engine value, text and empty results included', () => {
  const missing = formulas(outputs()).filter((f) => f.expected === undefined || f.expected === null);
  expect(missing).toEqual([]);
  // Text results are cached too (a viewer that does not recalculate shows them).
  expect(formulas(outputs()).filter((f) => typeof f.expected === 'string').length).toBeGreaterThan(100);
});

test('formulas stay readable: at most ~200 characters, no typed party or municipality names', () => {
  const all = formulas(outputs());
  const long = all.filter((f) => f.formula.length > 220).map((f) => `${f.sheet}: ${f.formula.length}`);
  expect(long).toEqual([]);
  // Names of parties and municipalities are labels in cells, never text constants inside formulas.
  const literals = all.flatMap((f) => [...f.formula.matchAll(/"([^"]*)"/g)].map((m) => m[1]));
  for (const name of ['TVA', 'HVA', 'KELA', 'Hyvinkää', 'Järvenpää', 'Tuusula']) expect(literals).not.toContain(name);
});

test('one consistent formula per column of every calculation block (TYM_Rivit, TYM_Jako, TYM_Kuntajako)', () => {
  // The same formula in R1C1 terms: relative references rewritten as offsets.
  const r1c1 = (f: string, row: number) =>
    f.replace(
      /(\$?)([A-Z]{1,3})(\$?)(\d+)(?![\d(])/g,
      (_, ca: string, col: string, ra: string, r: string) => `${ca}${col}${ra ? `$${r}` : `[${Number(r) - 1 - row}]`}`,
    );
  for (const s of outputs().filter((x) => [SHEETS.rows, SHEETS.split, SHEETS.municipal].includes(x.name as never))) {
    const first = s.name === SHEETS.rows ? 5 : 5;
    const columns = new Map<number, Set<string>>();
    s.cells.forEach((row, r) => {
      if (r < first) return;
      row.forEach((c, col) => {
        if (c?.formula === undefined) return;
        if (!columns.has(col)) columns.set(col, new Set());
        columns.get(col)!.add(r1c1(c.formula, r));
      });
    });
    const inconsistent = [...columns.entries()]
      .filter(([, set]) => set.size > 1)
      .map(([col, set]) => `${s.name} column ${col}: ${[...set].slice(0, 2).join(' | ')}`);
    expect(inconsistent).toEqual([]);
  }
});

test('no registered person’s name appears in any output cell', () => {
  const names = ['Maija', 'Meikäläinen', 'Matti', 'Virtanen'];
  const texts = outputs().flatMap((s) =>
    s.cells.flatMap((row) => row.flatMap((c) => [c?.value, c?.expected, c?.formula].filter((v): v is string => typeof v === 'string'))),
  );
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

test('cost lines of two years bring the year comparison, every year a live formula', () => {
  // Kustannukset data row 2 ("toteuma", muu, 1 234,50) moves to 2025: the lines now name 2025 and 2026.
  const raw = setCell(sampleWorkbook(), 'Kustannukset', 1, 'Vuosi', 2025);
  const r = computeOutputs(raw);
  if (!r.ok) throw new Error(JSON.stringify(r.problems));
  const cmp = r.sheets.find((s) => s.name === SHEETS.comparison);
  expect(cmp).toBeDefined();
  const header = cmp!.cells.find((row) => row[1]?.expected === 2025 || row[1]?.value === 2025)!.map((c) => c?.expected ?? c?.value);
  expect(header.slice(0, 3)).toEqual(['', 2025, 2026]);
  // Row "HVA" of the TOT block: both years are formulas over TYM_Jako and TYM_Kuntajako.
  const rows = cmp!.cells.filter((row) => row[0]?.expected === 'HVA');
  const tot = rows[1];
  expect(tot[1]?.formula).toMatch(/SUMIFS\(TYM_JAKO_SENTIT/);
  expect(tot[2]?.formula).toMatch(/SUMIFS\(TYM_JAKO_SENTIT/);
  // 2025's groups are split on TYM_Jako too.
  const split = r.sheets.find((s) => s.name === SHEETS.split)!;
  expect(split.cells.some((row) => row[2]?.expected === 2025)).toBe(true);
});

test('the master check is the defined name TYM_TARKISTUS on TYM_Tarkistukset, and every output sheet shows it', () => {
  const sheets = outputs();
  const checks = sheets.find((s) => s.name === SHEETS.checks)!;
  expect(checks.names?.map((n) => n.name)).toContain('TYM_TARKISTUS');
  // In the header (first 4 rows) of every other output sheet, calculation sheets and the run log included.
  const others = sheets.filter((s) => s.name !== SHEETS.checks);
  expect(others.map((s) => s.name)).toEqual(
    expect.arrayContaining([
      SHEETS.results,
      SHEETS.invoicing,
      SHEETS.staffing,
      SHEETS.params,
      SHEETS.split,
      SHEETS.municipal,
      SHEETS.rows,
      SHEETS.runLog,
    ]),
  );
  for (const s of others) {
    expect({
      sheet: s.name,
      shown: s.cells.slice(0, 4).some((row) => row.some((c) => c?.formula === 'TYM_TARKISTUS' && c.style === 'check')),
    }).toEqual({ sheet: s.name, shown: true });
  }
  // Named parameters instead of addresses.
  const names = sheets.flatMap((s) => (s.names ?? []).map((n) => n.name));
  for (const n of [
    'TYM_VUOSI',
    'TYM_KELA_PROS',
    'TYM_SOVITTU_TVA_PROS',
    'TYM_HENKILOSTOPERUSTE',
    'TYM_KUNTAJAON_PERUSTE',
    'TYM_TYONANTAJA',
    'TYM_ERIA',
  ])
    expect(names).toContain(n);
  expect(new Set(names).size).toBe(names.length);
});
