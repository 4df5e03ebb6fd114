/**
 * TYM_Skenaariot and TYM_Skenaariojako as written (issue 12 on the live layout), without Excel: the
 * engine's values cached in the scenario sheet match a hand-checked example (the one of
 * test/domain/scenarios.test.ts), the sheet reads the bases in force by name, every formula is short
 * and names no municipality, and the checks reach TYM_Tarkistukset. Their recalculation in
 * LibreOffice: test/formulas/scenarios.slow.test.ts.
 */
import { allocate } from '../../src/domain/allocate';
import { buildOutputSheets, NAMES, SHEETS } from '../../src/workbook/layout';
import type { SheetSpec } from '../../src/workbook/sheetSpec';
import { model } from '../domain/support/modelBuilder';

// Municipalities A (population 3, jobseekers 1, agreed 50 %) and B (1, 1, 50 %); TVA staff 1 in A and 2 in B
// (FTE 0,5 and 1); HVA 1 (FTE 1 from 1.7.2025). TA pool a 100,00 €, headcount basis and population in force.
const m = () =>
  model({ year: 2025 })
    .municipality('A', { population: 3, jobseekers: 1, agreedPct: 50 })
    .municipality('B', { population: 1, jobseekers: 1, agreedPct: 50 })
    .staff('TVA', { municipality: 'A', headcount: 1, fte: '0.5' })
    .staff('TVA', { municipality: 'B', headcount: 2, fte: 1 })
    .staff('HVA', { headcount: 1, fte: 1, start: '2025-07-01' })
    .cost('TA', 'a', '100.00')
    .build();

const sheets = (): SheetSpec[] => buildOutputSheets(m(), allocate(m()));
const sheet = (name: string) => sheets().find((s) => s.name === name)!;
const cells = (s: SheetSpec) => s.cells.flatMap((row) => row.filter((c) => c !== null && c !== undefined));

/** The rows of a block on TYM_Skenaariot: the first column's label -> the cached values of the row. */
function block(s: SheetSpec, header: string): Map<string, unknown[]> {
  const out = new Map<string, unknown[]>();
  const h = s.cells.findIndex((row) => row[0]?.value === header);
  for (let r = h + 2; r < s.cells.length && s.cells[r][0]?.value !== 'Yhteensä'; r++) {
    out.set(
      String(s.cells[r][0]?.formula !== undefined ? s.cells[r][0]?.expected : s.cells[r][0]?.value),
      s.cells[r].map((c) => (c?.formula !== undefined ? c.expected : c?.value)),
    );
  }
  return out;
}

test('the sheets sit where main had them: TYM_Skenaariot after TYM_Laskutus and TYM_Laskurivit, TYM_Skenaariojako after TYM_Kuntajako', () => {
  const names = sheets().map((s) => s.name);
  expect(names.indexOf(SHEETS.invoiceRows)).toBe(names.indexOf(SHEETS.invoicing) + 1);
  expect(names.indexOf(SHEETS.scenarios)).toBe(names.indexOf(SHEETS.invoicing) + 2);
  expect(names.indexOf(SHEETS.scenarioSplits)).toBe(names.indexOf(SHEETS.municipal) + 1);
});

test('municipalities: TVA 75,00 (headcount 3:1) split by population 56,25/18,75, jobseekers 37,50/37,50, TVA staff 25,00/50,00, agreed 37,50/37,50 (by hand)', () => {
  const b = block(sheet(SHEETS.scenarios), 'Kunta');
  // Columns: name, nr, in force, then € / ero € / ero % per basis (population, jobseekers, staff, agreed).
  const pick = (row: unknown[]) => [row[2], row[3], row[6], row[9], row[12]];
  expect(pick(b.get('A')!)).toEqual([56.25, 56.25, 37.5, 25, 37.5]);
  expect(pick(b.get('B')!)).toEqual([18.75, 18.75, 37.5, 50, 37.5]);
  // Difference to the basis in force, in € and %: A by jobseekers 37,50 − 56,25 = −18,75 = −33,33 %.
  expect(b.get('A')![7]).toBeCloseTo(-18.75, 9);
  expect(b.get('A')![8]).toBeCloseTo(-100 / 3, 9);
});

test('parties: headcount 75,00/25,00, FTE 60,00/40,00, FTE by days 74,85/25,15 (100 × 547,5 / 731,5 = 74,846…, one cent by the larger remainder; by hand)', () => {
  const b = block(sheet(SHEETS.scenarios), 'Osapuoli');
  const pick = (row: unknown[]) => [row[2], row[3], row[6], row[9]];
  expect(pick(b.get('TVA')!)).toEqual([75, 75, 60, 74.85]);
  expect(pick(b.get('HVA')!)).toEqual([25, 25, 40, 25.15]);
  expect(pick(b.get('KELA')!)).toEqual([0, 0, 0, 0]);
});

test('the bases in force are read by name, every formula is at most 200 characters and names no municipality, and the checks reach TYM_Tarkistukset', () => {
  for (const name of [SHEETS.scenarios, SHEETS.scenarioSplits]) {
    const formulas = cells(sheet(name)).flatMap((c) => (c.formula !== undefined ? [c.formula] : []));
    expect(formulas.length).toBeGreaterThan(50);
    expect(formulas.filter((f) => f.length > 200)).toEqual([]);
    expect(formulas.filter((f) => /"(A|B)"/.test(f))).toEqual([]);
  }
  const text = cells(sheet(SHEETS.scenarios))
    .map((c) => c.formula ?? '')
    .join('\n');
  expect(text).toContain(`CHOOSE(${NAMES.municipalBasis},`);
  expect(text).toContain(`CHOOSE(${NAMES.staffBasis},`);
  const labels = cells(sheet(SHEETS.checks)).map((c) => String(c.value ?? ''));
  expect(labels.filter((l) => /^TYM_Skenaario/.test(l))).toHaveLength(4);
  // Both sheets show the master check under its name.
  for (const name of [SHEETS.scenarios, SHEETS.scenarioSplits])
    expect(cells(sheet(name)).some((c) => c.formula === NAMES.master)).toBe(true);
});

test('TYM_Skenaariot prints on one A4 landscape page', () => {
  expect(sheet(SHEETS.scenarios).print).toMatchObject({ landscape: true, onePage: true });
});
