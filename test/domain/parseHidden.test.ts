/**
 * What the cells hide (issue 11): formulas never calculated, invisible characters and decomposed
 * letters, percentages typed as fractions, more FTE than persons, values just below a table, and
 * misspelt setting names. Places and figures are worked out by hand from the sample workbook of
 * support/rawBuilders.ts (its header rows and first columns are given there).
 */
import { parseWorkbook } from '../../src/domain/parse';
import { formatProblem, type Problem } from '../../src/domain/problems';
import { hiddenCharacters, visible } from '../../src/domain/text';
import { addRow, editTable, sampleWorkbook, setCell } from './support/rawBuilders';

const codes = (ps: Problem[]) => ps.map((p) => [p.code, p.severity, p.where.cell ?? null]);

describe('formulas without a stored value (openpyxl, pandas)', () => {
  it('is one error per table naming every such cell; nothing else is reported for them', () => {
    // Kustannukset: header row 1, first column A; Summa is column E, data rows 0 and 1 are rows 2 and 3.
    let wb = setCell(sampleWorkbook(), 'Kustannukset', 0, 'Summa', { value: null, uncached: true });
    wb = setCell(wb, 'Kustannukset', 1, 'Summa', { value: null, uncached: true });
    // A formula in the user's own column (Huom) is not read, so it does not matter.
    wb = setCell(wb, 'Kustannukset', 2, 'Huom', { value: null, uncached: true });
    const r = parseWorkbook(wb);
    expect(codes(r.problems)).toEqual([['formula-not-calculated', 'error', 'E2']]);
    expect(r.problems[0].params).toEqual({ count: 2, cells: 'E2, E3' });
    expect(r.problems[0].where).toEqual({ sheet: 'Kustannukset', table: 'Kustannukset', cell: 'E2' });
    expect(formatProblem(r.problems[0], 'fi')).toContain('Avaa ja tallenna tiedosto Excelissä');
    expect(r.model).toBeNull();
  });

  it('finds them in a row whose every other cell is blank', () => {
    // Data row 4 of Kustannukset (sheet row 6) is blank; only its Summa holds a formula without a value.
    const r = parseWorkbook(setCell(sampleWorkbook(), 'Kustannukset', 4, 'Summa', { value: null, uncached: true }));
    expect(codes(r.problems)).toEqual([['formula-not-calculated', 'error', 'E6']]);
  });
});

describe('invisible characters and decomposed letters', () => {
  it('helpers name them and make them visible', () => {
    expect(hiddenCharacters('Hyvinkää')).toEqual([]);
    expect(hiddenCharacters('Hyvinka\u0308a\u0308')).toEqual(['U+0308 COMBINING DIAERESIS (a + U+0308 = ä)']);
    expect(hiddenCharacters('Kevät\u00a0')).toEqual(['U+00A0 NO-BREAK SPACE']);
    expect(hiddenCharacters('a\u200bb\tc')).toEqual(['U+200B ZERO WIDTH SPACE', 'U+0009 TAB']);
    expect(visible('Hyvinka\u0308a\u0308')).toBe('Hyvinka[U+0308]a[U+0308]');
    expect(visible('Kevät\u00a0')).toBe('Kevät[U+00A0]');
  });

  it('a decomposed municipality name: the unknown-name error shows the marks, and a warning names them', () => {
    // Staff (sheet Henkilöstö): header row 2, first column A; " Municipality " is column B, data row 0 is row 3.
    const r = parseWorkbook(setCell(sampleWorkbook(), 'Staff', 0, ' Municipality ', 'Hyvinka\u0308a\u0308'));
    expect(codes(r.problems)).toEqual([
      ['hidden-characters', 'warning', 'B3'],
      ['municipality-unknown', 'error', 'B3'],
    ]);
    expect(formatProblem(r.problems[1], 'fi')).toContain('Tuntematon kunta "Hyvinka[U+0308]a[U+0308]"');
    expect(r.problems[0].params.chars).toBe('U+0308 COMBINING DIAERESIS (a + U+0308 = ä)');
  });

  it('a no-break space after an event name that matches nothing else is a warning only', () => {
    // Ilmoittautumiset: first column C (Tilaisuus), header row 1; data row 2 is row 4.
    const r = parseWorkbook(setCell(sampleWorkbook(), 'Ilmoittautumiset', 2, 'Tilaisuus', 'Syysseminaari\u00a0'));
    expect(codes(r.problems)).toEqual([['hidden-characters', 'warning', 'C4']]);
    expect(r.problems[0].where.column).toBe('Tilaisuus');
    expect(r.model).not.toBeNull();
  });

  it('in a personal name: the warning names the cell and the character, never the name', () => {
    // Nimi is column E of Ilmoittautumiset; data row 0 is row 2.
    const r = parseWorkbook(setCell(sampleWorkbook(), 'Ilmoittautumiset', 0, 'Nimi', 'Maija\u200b Meikäläinen'));
    expect(codes(r.problems).filter(([c]) => c === 'hidden-characters')).toEqual([['hidden-characters', 'warning', 'E2']]);
    const p = r.problems.find((x) => x.code === 'hidden-characters')!;
    for (const lang of ['fi', 'sv', 'en'] as const) {
      expect(formatProblem(p, lang)).toContain('U+200B ZERO WIDTH SPACE');
      expect(formatProblem(p, lang)).not.toMatch(/Maija|Meikäläinen/);
    }
  });
});

describe('percentages that look like fractions', () => {
  it('Kelan osuus % 0.05 is read as 0.05 % and warned, with 5 suggested', () => {
    // Asetukset: header row 1, column B holds the values; the Kela row is data row 1 (row 3).
    const r = parseWorkbook(setCell(sampleWorkbook(), 'Asetukset', 1, 'Arvo', 0.05));
    expect(codes(r.problems)).toEqual([['percent-fraction', 'warning', 'B3']]);
    expect(r.problems[0].params).toEqual({ value: '0.05', percent: '5' });
    expect(r.model!.settings.kelaPct.toString()).toBe('0.05');
  });

  it('Sovittu TVA-osuus % 0.6 suggests 60', () => {
    const r = parseWorkbook(setCell(sampleWorkbook(), 'Asetukset', 4, 'Arvo', 0.6));
    expect(codes(r.problems)).toEqual([['percent-fraction', 'warning', 'B6']]);
    expect(formatProblem(r.problems[0], 'fi')).toContain('Jos tarkoitit 60 %, kirjoita 60');
  });

  it('agreed municipal shares typed as fractions (summing to 1) are refused with that explanation', () => {
    let wb = addRow(sampleWorkbook(), 'Asetukset', { Asetus: 'Kuntajaon peruste', Arvo: 'sovittu' });
    // Kunnat rows 0, 1 and 3 hold the three municipalities (row 2 is blank): 0.5 + 0.3 + 0.2 = 1.
    wb = setCell(wb, 'Kunnat', 0, 'Sovittu osuus %', 0.5);
    wb = setCell(wb, 'Kunnat', 1, 'Sovittu osuus %', 0.3);
    wb = setCell(wb, 'Kunnat', 3, 'Sovittu osuus %', 0.2);
    const r = parseWorkbook(wb);
    expect(r.problems.map((p) => p.code)).toEqual(['agreed-sum-fractions']);
    expect(r.problems[0].params).toEqual({ column: 'Sovittu osuus %', sum: '1' });
  });
});

describe('more FTE than persons', () => {
  it('HTV 5 for two persons is warned at the HTV cell', () => {
    // Staff data row 1 (row 4): Hyvinvointialue, head count 2; fte is column F.
    const r = parseWorkbook(setCell(sampleWorkbook(), 'Staff', 1, 'fte', 5));
    expect(codes(r.problems)).toEqual([['fte-above-headcount', 'warning', 'F4']]);
    expect(r.problems[0].params).toEqual({ fte: '5', headcount: '2' });
  });

  it('HTV 1.5 with the head count left blank (1) is warned too; HTV equal to the head count is fine', () => {
    // Staff data row 2 (row 5): Kela, head count blank.
    expect(codes(parseWorkbook(setCell(sampleWorkbook(), 'Staff', 2, 'fte', 1.5)).problems)).toEqual([
      ['fte-above-headcount', 'warning', 'F5'],
    ]);
    expect(parseWorkbook(setCell(sampleWorkbook(), 'Staff', 0, 'fte', 3)).problems).toEqual([]);
  });
});

describe('values just below a table', () => {
  it('a cost line typed under the table is warned with its cells', () => {
    // Kustannukset has 5 data rows (rows 2-6): the row below is row 7.
    const wb = editTable(sampleWorkbook(), 'Kustannukset', (t) => {
      t.below = { row: 7, cells: ['TA', 'a', 'Unohtunut', null, 500, null, null, null].map((value) => ({ value })) };
    });
    const r = parseWorkbook(wb);
    expect(codes(r.problems)).toEqual([['values-below-table', 'warning', 'A7']]);
    expect(r.problems[0].params).toEqual({ row: 7, cells: 'A7, B7, C7, E7' });
    expect(r.problems[0].where).toEqual({ sheet: 'Kustannukset', table: 'Kustannukset', row: 7, cell: 'A7' });
  });
});

describe('misspelt setting names', () => {
  it('are errors that suggest the nearest name', () => {
    const r = parseWorkbook(addRow(sampleWorkbook(), 'Asetukset', { Asetus: 'Laskutusjaksso', Arvo: 'kuukausi' }));
    expect(codes(r.problems)).toEqual([['setting-misspelt', 'error', 'A8']]);
    expect(r.problems[0].params.suggestion).toBe('Laskutusjakso');
    expect(formatProblem(r.problems[0], 'fi')).toContain('Tarkoititko "Laskutusjakso"?');
  });

  it('the percent sign forgotten is near enough too', () => {
    const r = parseWorkbook(addRow(sampleWorkbook(), 'Asetukset', { Asetus: 'Sovittu TVA-osuus', Arvo: 60 }));
    expect(r.problems.map((p) => [p.code, p.params.suggestion])).toEqual([['setting-misspelt', 'Sovittu TVA-osuus %']]);
  });
});
