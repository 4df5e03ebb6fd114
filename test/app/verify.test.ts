import { compareOutputs, normaliseFormula } from '../../src/app/verify';
import type { SheetSpec } from '../../src/workbook/sheetSpec';

test('formula text compares the way spreadsheets rewrite it', () => {
  const ours = 'IF(N(Kunnat[[Sovittu osuus %]])=0,TRUE,"a b")';
  expect(normaliseFormula(ours)).toBe(normaliseFormula('=IF(N(Kunnat[Sovittu osuus %])=0,TRUE(),"a b")'));
  expect(normaliseFormula('_xlfn.RANK.EQ(A1,$A$1:$A$3)')).toBe(normaliseFormula('RANK.EQ(A1, $A$1:$A$3)'));
  expect(normaliseFormula("'TYM_Jako'!$O$5")).toBe(normaliseFormula('TYM_Jako!$O$5'));
  // Text inside quotes keeps its case and spaces; a changed reference is a different formula.
  expect(normaliseFormula('"a b"')).not.toBe(normaliseFormula('"A B"'));
  expect(normaliseFormula('SUM(A1:A3)')).not.toBe(normaliseFormula('SUM(A1:A4)'));
});

const sheet: SheetSpec = {
  name: 'S',
  cells: [
    [
      { value: 'Otsikko', style: 'label' },
      { formula: 'ROUND(B2*2,2)', expected: 12.35, style: 'money' },
    ],
    [null, { formula: 'A1/3', expected: 1 / 3, style: 'fraction' }],
  ],
};

test('a matching sheet has no findings; money to the cent, fractions to float precision', () => {
  const { findings, cellsChecked } = compareOutputs(
    [sheet],
    [
      { sheet: 'S', address: 'A1', value: 'Otsikko' },
      { sheet: 'S', address: 'B1', formula: '=ROUND(B2*2,2)', value: 12.35 },
      { sheet: 'S', address: 'B2', formula: 'A1/3', value: 0.3333333333333333 },
    ],
  );
  expect(findings).toEqual([]);
  expect(cellsChecked).toBe(3);
});

test('an overwritten formula, a changed value and a missing sheet are each reported with the cell', () => {
  const { findings } = compareOutputs(
    [sheet, { ...sheet, name: 'Gone' }],
    [
      { sheet: 'S', address: 'A1', value: 'Otsikko' },
      { sheet: 'S', address: 'B1', value: 12.35 },
      { sheet: 'S', address: 'B2', formula: 'A1/3', value: 0.34 },
    ],
  );
  expect(findings).toEqual([
    { sheet: 'S', address: 'B1', kind: 'formula', expected: '=ROUND(B2*2,2)', actual: '12.35' },
    { sheet: 'S', address: 'B2', kind: 'value', expected: String(1 / 3), actual: '0.34' },
    { sheet: 'Gone', address: 'A1', kind: 'missing', expected: 'taulukko', actual: '(puuttuu)' },
  ]);
});

test('a money cell one cent off is a finding', () => {
  const { findings } = compareOutputs(
    [sheet],
    [
      { sheet: 'S', address: 'A1', value: 'Otsikko' },
      { sheet: 'S', address: 'B1', formula: 'ROUND(B2*2,2)', value: 12.36 },
      { sheet: 'S', address: 'B2', formula: 'A1/3', value: 1 / 3 },
    ],
  );
  expect(findings.map((f) => f.address)).toEqual(['B1']);
});
