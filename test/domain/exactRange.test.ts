/**
 * The engine refuses inputs beyond the range in which the written formulas are exact
 * (src/domain/exactRange.ts): amounts from 2^46 cents, keys with more than 4 decimals, key totals
 * whose whole-number form reaches 2^46. Each refusal names the place and reads in fi/sv/en.
 */
import { validateAndAllocate } from '../../src/app/pipeline';
import { EXACT_LIMIT } from '../../src/domain/exactRange';
import { formatProblem } from '../../src/domain/problems';
import { sampleWorkbook, setCell, editTable } from './support/rawBuilders';

const errors = (raw: ReturnType<typeof sampleWorkbook>) => validateAndAllocate(raw).problems.filter((p) => p.severity === 'error');

test('2^46 cents is the bound: just below it is split, at it the line is refused with its place', () => {
  const below = (EXACT_LIMIT - 1) / 100; // 703 687 441 776,63 €
  // Hand check of the bound: 2^46 = 70 368 744 177 664 cents.
  expect(EXACT_LIMIT).toBe(70_368_744_177_664);
  const ok = validateAndAllocate(setCell(sampleWorkbook(), 'Kustannukset', 0, 'Summa', below));
  expect(ok.problems.filter((p) => p.severity === 'error')).toEqual([]);
  // TA lines: the amount below the bound and 80,00 (hand sum).
  expect(ok.allocation!.costTotals.TA.toFixed(2)).toBe('703687441856.63');

  const at = errors(setCell(sampleWorkbook(), 'Kustannukset', 0, 'Summa', EXACT_LIMIT / 100));
  expect(at.map((p) => p.code)).toContain('amount-out-of-range');
  const p = at.find((x) => x.code === 'amount-out-of-range')!;
  expect(p.where).toMatchObject({ sheet: 'Kustannukset', table: 'Kustannukset', row: 2, column: 'Summa' });
  expect(formatProblem(p, 'fi')).toMatch(/703 ?687 ?441 ?776,64|703687441776\.64/);
  expect(formatProblem(p, 'sv')).toMatch(/exakta/);
  expect(formatProblem(p, 'en')).toMatch(/exact/);
});

test('a group whose lines sum beyond the bound is refused, although each line is within it', () => {
  const half = Math.floor(EXACT_LIMIT / 2) / 100 + 0.01; // two such lines exceed 2^46 cents together
  let raw = setCell(sampleWorkbook(), 'Kustannukset', 0, 'Summa', half);
  raw = editTable(raw, 'Kustannukset', (t) =>
    t.rows.splice(
      1,
      0,
      ['TA', 'a', 'toinen', null, half, null, null, null].map((value) => ({ value })),
    ),
  );
  const codes = errors(raw).map((x) => x.code);
  expect(codes).toEqual(['amount-out-of-range']);
});

test('a key with more than 4 decimals is refused at its cell (the formulas count keys in 1/10000)', () => {
  const raw = setCell(sampleWorkbook(), 'Kunnat', 0, 'Asukasluku', 47400.12345);
  const p = errors(raw).find((x) => x.code === 'key-too-precise');
  expect(p?.where).toMatchObject({ table: 'Kunnat', row: 4, column: 'Asukasluku' });
  const kela = errors(setCell(sampleWorkbook(), 'Asetukset', 1, 'Arvo', 5.12345));
  expect(kela.map((x) => x.code)).toContain('key-too-precise');
});

test('a key total too large for whole-number arithmetic is refused (Kela % with 4 decimals and huge FTE)', () => {
  // Kela 7,1234 %: 100 % / gcd(71234, 1000000) = 500000. FTE in 1/10000 x days: TVA 99999999 x 306,
  // HVA 77777773 x 365, gcd 73: the denominator 500000 x (30599999694 + 28388887145) / 73 = 4.0e14 (python), above 2^46 = 7.0e13.
  let raw = setCell(sampleWorkbook(), 'Asetukset', 1, 'Arvo', 7.1234);
  raw = editTable(raw, 'Asetukset', (t) => t.rows.push([{ value: 'Henkilöstöperuste' }, { value: 'htv-aikapainotettu' }]));
  raw = setCell(raw, 'Staff', 0, 'fte', 9999.9999);
  raw = setCell(raw, 'Staff', 1, 'fte', 7777.7773);
  const codes = errors(raw).map((x) => x.code);
  expect(codes).toContain('key-out-of-range');
});
