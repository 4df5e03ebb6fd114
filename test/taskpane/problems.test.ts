/** The pane's problem list logic: numbers in the UI language, groups by table, a link for each, no command-line advice. */
import { tableLocation } from '../../src/app/inputs';
import { error, warning } from '../../src/domain/problems';
import { translator } from '../../src/taskpane/i18n';
import { ENGLISH_ALIASES, groupProblems, localProblem, problemText, targetText } from '../../src/taskpane/problems';
import {
  BILLING_PERIOD_WORDS,
  KIND_WORDS,
  MUNICIPAL_BASIS_WORDS,
  ORGANISATION_WORDS,
  POOL_WORDS,
  STAFF_BASIS_WORDS,
  STATUS_WORDS,
} from '../../src/domain/contract';

const NB = '\u00a0';
const fi = translator('fi');

describe('numbers in messages', () => {
  test('cell values and counts in the UI language; typed text, years and rows as they are', () => {
    const pct = error('percent-range', { sheet: 'Asetukset', cell: 'B5' }, { value: '1234.567' });
    expect(localProblem(pct, 'fi').params.value).toBe(`1${NB}234,567`);
    expect(localProblem(pct, 'en').params.value).toBe('1,234.567');
    const sum = error('agreed-sum', { sheet: 'Kunnat', column: 'Sovittu osuus %' }, { column: 'Sovittu osuus %', sum: '99.5' });
    expect(localProblem(sum, 'sv').params.sum).toBe('99,5');
    const hidden = warning('hidden-rows', { sheet: 'Henkilosto', table: 'Henkilosto' }, { count: 1234, rows: '4, 7' });
    expect(localProblem(hidden, 'fi').params).toEqual({ count: `1${NB}234`, rows: '4, 7' });
    // what the user typed is quoted as typed
    const typed = error('number-is-text', { sheet: 'Kustannukset', cell: 'E2' }, { value: '12345.67' });
    expect(localProblem(typed, 'fi').params.value).toBe('12345.67');
    // a year is never grouped
    expect(localProblem(error('year-invalid', {}, { value: '1999' }), 'fi').params.value).toBe('1999');
    expect(localProblem(error('no-cost-lines', {}, { year: 2026 }), 'fi').params.year).toBe(2026);
    const serial = warning('date-serial', { cell: 'G3' }, { value: '46000.5', date: '2025-12-09' });
    expect(localProblem(serial, 'fi').params).toEqual({ value: `46${NB}000,5`, date: '9.12.2025' });
  });

  test('the message reads in Finnish with a Finnish number', () => {
    const p = error(
      'too-many-decimals',
      { sheet: 'Kustannukset', table: 'Kustannukset', row: 3, column: 'Summa', cell: 'E3' },
      { value: '12345.678', max: 2 },
    );
    expect(problemText(p, 'fi', fi)).toBe(
      `Solu E3, sarake "Summa": Arvossa 12${NB}345,678 on liikaa desimaaleja (enintään 2). Pyöristä arvo, esimerkiksi kaavalla PYÖRISTÄ.`,
    );
  });

  test('Finnish and Swedish messages list the Finnish words only (the English ones still work in the cells)', () => {
    const accepted = STAFF_BASIS_WORDS.map(([w]) => w).join(', ');
    const p = error('unknown-word', { sheet: 'Asetukset', cell: 'B3' }, { value: 'hlö', accepted });
    expect(localProblem(p, 'fi').params.accepted).toBe('henkilömäärä, htv, htv-aikapainotettu');
    expect(localProblem(p, 'sv').params.accepted).toBe('henkilömäärä, htv, htv-aikapainotettu');
    expect(localProblem(p, 'en').params.accepted).toBe(accepted);
    // every English alias named here is one the contract accepts (a renamed word would show up here)
    const all = new Set(
      [ORGANISATION_WORDS, STATUS_WORDS, KIND_WORDS, POOL_WORDS, STAFF_BASIS_WORDS, MUNICIPAL_BASIS_WORDS, BILLING_PERIOD_WORDS].flatMap(
        (l) => l.map(([w]) => w),
      ),
    );
    for (const w of ENGLISH_ALIASES) expect([w, all.has(w)]).toEqual([w, true]);
  });

  test('a missing table points to the template, never to the command line', () => {
    const p = error('table-missing', { table: 'Kunnat' }, { table: 'Kunnat', sheet: 'Kunnat' });
    for (const lang of ['fi', 'sv', 'en'] as const) {
      const text = problemText(p, lang, translator(lang));
      expect(text).not.toMatch(/tym-allocate|komenno|kommando|command/i);
    }
    expect(problemText(p, 'fi', fi)).toMatch(/^Excel-taulukkoa Kunnat ei löydy\. Valitse Luo syöttöpohja/);
  });
});

describe('groups and links', () => {
  // Kustannukset at A1 (columns A..G, data rows 2..5), Henkilosto at B3 (B..I, rows 4..13).
  const tables = [
    tableLocation({
      name: 'Kustannukset',
      sheet: 'Kustannukset',
      headerRow: 1,
      firstColumn: 1,
      headers: ['Laji', 'Pooli', 'Erä', 'Tilaisuus', 'Summa', 'Maksaja', 'Vuosi'],
      rows: Array(4).fill([]),
    }),
    tableLocation({
      name: 'Henkilosto',
      sheet: 'Henkilöstö',
      headerRow: 3,
      firstColumn: 2,
      headers: ['Organisaatio', 'Kunta', 'Yksikkö', 'Nimike', 'Henkilömäärä', 'HTV', 'Alkaa', 'Päättyy'],
      rows: Array(10).fill([]),
    }),
  ];
  const problems = [
    warning('hidden-rows', { sheet: 'Henkilöstö', table: 'Henkilosto' }, { count: 1, rows: '5' }),
    error('number-is-text', { sheet: 'Kustannukset', table: 'Kustannukset', row: 2, column: 'Summa', cell: 'E2' }, { value: 'x' }),
    warning('duplicate-registration', { sheet: 'Ilmoittautumiset', table: 'Ilmoittautumiset', row: 9 }, { event: 'Päivä', firstRow: 4 }),
    error('column-missing', { sheet: 'Henkilöstö', table: 'Henkilosto', row: 3 }, { column: 'Organisaatio', aliases: '' }),
    error('table-missing', { table: 'Kunnat' }, { table: 'Kunnat', sheet: 'Kunnat' }),
  ];

  test('in the contract order (Kunnat, Henkilosto, Ilmoittautumiset, Kustannukset), errors first within each', () => {
    const g = groupProblems(problems, tables);
    expect(g.map((x) => [x.table, x.errors, x.warnings])).toEqual([
      ['Kunnat', 1, 0],
      ['Henkilosto', 1, 1],
      ['Ilmoittautumiset', 0, 1],
      ['Kustannukset', 1, 0],
    ]);
    expect(g[1].items.map((i) => i.problem.code)).toEqual(['column-missing', 'hidden-rows']);
  });

  test('every problem that names a place has a link: cell, header row, table, sheet row', () => {
    const links = groupProblems(problems, tables).flatMap((g) =>
      g.items.map((i) => (i.target ? `${i.target.sheet}!${i.target.address}` : null)),
    );
    // Kunnat has no sheet yet: no link (the template button creates it)
    expect(links).toEqual([null, 'Henkilöstö!B3:I3', 'Henkilöstö!B3:I13', 'Ilmoittautumiset!A9', 'Kustannukset!E2']);
    const [, henk] = groupProblems(problems, tables);
    expect(targetText(henk.items[0].target!, henk.items[0].problem, fi)).toBe('Näytä rivi 3 (Henkilöstö!B3:I3)');
    expect(targetText(henk.items[1].target!, henk.items[1].problem, fi)).toBe('Näytä taulukko Henkilosto (Henkilöstö!B3:I13)');
  });
});
