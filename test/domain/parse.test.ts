import { Decimal } from '../../src/domain/decimal';
import { dayNumber } from '../../src/domain/dates';
import { cellAddress, parseWorkbook, type ParseResult } from '../../src/domain/parse';
import { formatProblem, MESSAGES, type Lang, type Problem, type Severity, type Where } from '../../src/domain/problems';
import type { RawWorkbook } from '../../src/domain/raw';
import {
  addRow,
  addTable,
  dropColumn,
  dropTable,
  editTable,
  rawTable,
  sampleWorkbook,
  setCell,
  utcDate,
  workbook,
} from './support/rawBuilders';

/** Replaces every Decimal by its string so expectations can be written by hand. */
function plain(x: unknown): unknown {
  if (x instanceof Decimal) return x.toString();
  if (Array.isArray(x)) return x.map(plain);
  if (x && typeof x === 'object' && !(x instanceof Date)) {
    return Object.fromEntries(Object.entries(x as Record<string, unknown>).map(([k, v]) => [k, plain(v)]));
  }
  return x;
}

const LANGS: Lang[] = ['fi', 'sv', 'en'];

/** Every problem text is complete (no missing message, no unfilled placeholder) in all languages. */
function expectWellFormed(r: ParseResult): void {
  for (const p of r.problems) {
    expect(MESSAGES[p.code]).toBeDefined();
    for (const lang of LANGS) expect(formatProblem(p, lang)).not.toMatch(/\{\w+\}/);
  }
  expect(r.model === null).toBe(r.problems.some((p) => p.severity === 'error'));
}

/**
 * Parses and expects exactly one problem with this code, severity and place; by default it must
 * be the only problem (a single defect must not cascade into others).
 */
function expectOne(
  wb: RawWorkbook,
  code: string,
  severity: Severity,
  where: Where,
  opts: { alone?: boolean } = {},
): { r: ParseResult; p: Problem } {
  const r = parseWorkbook(wb);
  expectWellFormed(r);
  const hits = r.problems.filter((p) => p.code === code);
  expect(hits).toHaveLength(1);
  const p = hits[0];
  expect(p.severity).toBe(severity);
  expect(p.where).toEqual(where);
  if (opts.alone ?? true) expect(r.problems.map((x) => x.code)).toEqual([code]);
  if (severity === 'error') expect(r.model).toBeNull();
  else expect(r.model).not.toBeNull();
  return { r, p };
}

const ASET = { sheet: 'Asetukset', table: 'Asetukset' };
const KUNNAT = { sheet: 'Kunnat', table: 'Kunnat' };
const STAFF = { sheet: 'Henkilöstö', table: 'Staff' };
const REG = { sheet: 'Ilmoittautumiset', table: 'Ilmoittautumiset' };
const COST = { sheet: 'Kustannukset', table: 'Kustannukset' };

describe('cellAddress', () => {
  it('turns 1-based column and row into A1 addresses', () => {
    expect(cellAddress(1, 1)).toBe('A1');
    expect(cellAddress(26, 9)).toBe('Z9');
    expect(cellAddress(27, 2)).toBe('AA2');
    expect(cellAddress(28, 3)).toBe('AB3');
    expect(cellAddress(52, 1)).toBe('AZ1');
    expect(cellAddress(702, 1)).toBe('ZZ1');
    expect(cellAddress(703, 10)).toBe('AAA10');
  });
});

describe('parseWorkbook: a valid workbook', () => {
  const result = parseWorkbook(sampleWorkbook());

  it('has no problems', () => {
    expect(result.problems).toEqual([]);
    expect(result.model).not.toBeNull();
  });

  it('reads settings with defaults, aliases and case/space variants', () => {
    expect(plain(result.model!.settings)).toEqual({
      year: 2026,
      staffBasis: 'headcount', // not given: default
      municipalBasis: 'population', // not given: default
      agreedTvaPct: null, // blank
      kelaPct: '5', // " kelan  OSUUS % "
      employer: 'Järvenpää', // "  järvenpää " stored as written in Kunnat
      billingPeriod: 'quarter', // English "Billing period" = "Quarter"
      customerEstimate: '1200',
    });
    const ref = (index: number) => ({ table: 'Asetukset', sheet: 'Asetukset', index, sheetRow: index + 1 });
    expect(result.model!.settingRows).toEqual({
      year: ref(1),
      kelaPct: ref(2),
      employer: ref(3),
      billingPeriod: ref(4),
      agreedTvaPct: ref(5),
      customerEstimate: ref(6),
    });
  });

  it('reads municipalities in order, skipping the empty row but keeping row numbers', () => {
    const ref = (index: number) => ({ table: 'Kunnat', sheet: 'Kunnat', index, sheetRow: 3 + index });
    expect(plain(result.model!.municipalities)).toEqual([
      { name: 'Hyvinkää', population: '47400', jobseekers: '2100', agreedPct: null, ref: ref(1) },
      { name: 'Järvenpää', population: '46000', jobseekers: '1900.5', agreedPct: null, ref: ref(2) },
      { name: 'Tuusula', population: '40300', jobseekers: '1500', agreedPct: null, ref: ref(4) },
    ]);
  });

  it('reads staff from an English table with defaults for headcount and FTE', () => {
    const ref = (index: number) => ({ table: 'Staff', sheet: 'Henkilöstö', index, sheetRow: 2 + index });
    expect(plain(result.model!.staff)).toEqual([
      {
        party: 'TVA',
        municipality: 'Hyvinkää', // "hyvinkää" -> the Kunnat spelling
        unit: 'Työllisyyspalvelut',
        title: 'Ohjaaja',
        headcount: '3',
        fte: '2.5',
        start: dayNumber(2026, 3, 1),
        end: null,
        ref: ref(1),
      },
      { party: 'HVA', municipality: null, unit: '', title: '', headcount: '2', fte: '2', start: null, end: null, ref: ref(2) },
      // Serial 46203 formatted as a date = 2026-06-30 (46023 is 2026-01-01, +180 days): no warning.
      {
        party: 'KELA',
        municipality: null,
        unit: 'Kela',
        title: 'Asiantuntija',
        headcount: '1',
        fte: '0.8',
        start: null,
        end: dayNumber(2026, 6, 30),
        ref: ref(3),
      },
    ]);
  });

  it('reads registrations with trimmed events and case-folded keys', () => {
    const ref = (index: number) => ({ table: 'Ilmoittautumiset', sheet: 'Ilmoittautumiset', index, sheetRow: 1 + index });
    expect(result.model!.registrations).toEqual([
      {
        event: 'Kehittämispäivä 1',
        eventKey: 'kehittämispäivä 1',
        date: dayNumber(2026, 5, 20),
        personKey: 'maija meikäläinen',
        party: 'TVA',
        cancelled: false,
        ref: ref(1),
      },
      {
        event: 'kehittämispäivä 1',
        eventKey: 'kehittämispäivä 1',
        date: null,
        personKey: 'matti virtanen',
        party: 'HVA',
        cancelled: true,
        ref: ref(2),
      },
      {
        event: 'Syysseminaari',
        eventKey: 'syysseminaari',
        date: null,
        personKey: 'maija meikäläinen',
        party: 'KELA',
        cancelled: false,
        ref: ref(3),
      },
    ]);
  });

  it('reads cost lines: words, payer default and aliases, events, empty row skipped', () => {
    const ref = (index: number) => ({ table: 'Kustannukset', sheet: 'Kustannukset', index, sheetRow: 1 + index });
    expect(plain(result.model!.costs)).toEqual([
      {
        kind: 'TA',
        pool: 'a',
        item: 'Johtavan henkilön palkka',
        event: null,
        eventKey: null,
        amount: '100000',
        payer: 'Järvenpää',
        year: null,
        ref: ref(1),
      },
      { kind: 'TOT', pool: 'muu', item: '12', event: null, eventKey: null, amount: '1234.5', payer: 'Tuusula', year: 2026, ref: ref(2) },
      {
        kind: 'TOT',
        pool: 'b',
        item: 'Tilavuokra',
        event: 'KEHITTÄMISPÄIVÄ 1',
        eventKey: 'kehittämispäivä 1',
        amount: '-250.25',
        payer: 'HVA',
        year: null,
        ref: ref(3),
      },
      // "Työllisyysalue" (TVA) as payer = the administrative employer.
      { kind: 'TA', pool: 'b', item: '', event: null, eventKey: null, amount: '80', payer: 'Järvenpää', year: null, ref: ref(4) },
    ]);
  });

  it('describes the tables as found, with the header text actually used', () => {
    expect(result.model!.tables).toEqual({
      asetukset: {
        name: 'Asetukset',
        sheet: 'Asetukset',
        headerRow: 1,
        firstColumn: 1,
        rowCount: 6,
        columns: { setting: 'Asetus', value: 'Arvo' },
      },
      kunnat: {
        name: 'Kunnat',
        sheet: 'Kunnat',
        headerRow: 3,
        firstColumn: 2,
        rowCount: 4,
        columns: { name: 'Kunta', population: 'Asukasluku', jobseekers: 'Työttömät', agreedPct: 'Sovittu osuus %' },
      },
      henkilosto: {
        name: 'Staff',
        sheet: 'Henkilöstö',
        headerRow: 2,
        firstColumn: 1,
        rowCount: 3,
        columns: {
          organisation: 'organisation',
          municipality: ' Municipality ',
          unit: 'Unit',
          title: 'TITLE',
          headcount: 'head count',
          fte: 'fte',
          start: 'Start',
          end: 'End',
        },
      },
      ilmoittautumiset: {
        name: 'Ilmoittautumiset',
        sheet: 'Ilmoittautumiset',
        headerRow: 1,
        firstColumn: 3,
        rowCount: 3,
        columns: { event: 'Tilaisuus', date: 'Päivämäärä', name: 'Nimi', organisation: 'Organisaatio', status: 'Tila' },
      },
      kustannukset: {
        name: 'Kustannukset',
        sheet: 'Kustannukset',
        headerRow: 1,
        firstColumn: 1,
        rowCount: 5, // the empty row is still a table row (formulas index the table)
        columns: { kind: 'Laji', pool: 'Pooli', item: 'Erä', event: 'Tilaisuus', amount: 'Summa', payer: 'Maksaja', year: 'Vuosi' },
      },
    });
  });

  it('accepts a workbook with only the required columns and empty data tables', () => {
    const wb = workbook(
      rawTable('SETTINGS', ['Setting', 'Value'], [['Year', 2030]]),
      rawTable('municipalities', ['Municipality', 'Population'], [['Järvenpää', 46000]]),
      rawTable('Henkilosto', ['Organisaatio'], []),
      rawTable('Registrations', ['Event', 'Name', 'Organization'], []),
      rawTable('Costs', ['Kind', 'Pool', 'Amount'], []),
    );
    const r = parseWorkbook(wb);
    expect(r.problems).toEqual([]);
    expect(plain(r.model!.settings)).toEqual({
      year: 2030,
      staffBasis: 'headcount',
      municipalBasis: 'population',
      agreedTvaPct: null,
      kelaPct: '0',
      employer: 'Järvenpää',
      billingPeriod: 'year',
      customerEstimate: null,
    });
    expect(plain(r.model!.municipalities)).toEqual([
      {
        name: 'Järvenpää',
        population: '46000',
        jobseekers: null,
        agreedPct: null,
        ref: { table: 'municipalities', sheet: 'municipalities', index: 1, sheetRow: 2 },
      },
    ]);
    expect(r.model!.tables.kunnat.columns).toEqual({ name: 'Municipality', population: 'Population' });
    expect(r.model!.settingRows).toEqual({ year: { table: 'SETTINGS', sheet: 'SETTINGS', index: 1, sheetRow: 2 } });
  });

  it('reads agreed percentages with decimals that sum to 100 (33.33 + 33.33 + 33.34)', () => {
    let wb = addRow(sampleWorkbook(), 'Asetukset', { Asetus: 'Kuntajaon peruste', Arvo: 'Sovittu' });
    wb = setCell(wb, 'Kunnat', 0, 'Sovittu osuus %', 33.33);
    wb = setCell(wb, 'Kunnat', 1, 'Sovittu osuus %', 33.33);
    wb = setCell(wb, 'Kunnat', 3, 'Sovittu osuus %', 33.34);
    const r = parseWorkbook(wb);
    expect(r.problems).toEqual([]);
    expect(r.model!.settings.municipalBasis).toBe('agreed');
    expect(r.model!.municipalities.map((m) => m.agreedPct!.toString())).toEqual(['33.33', '33.33', '33.34']);
  });

  it('accepts amounts with at most two decimals by their decimal digits', () => {
    for (const [amount, text] of [
      [12.34, '12.34'],
      [0.3, '0.3'],
      [-0.07, '-0.07'],
      [1e6, '1000000'],
    ] as const) {
      const r = parseWorkbook(setCell(sampleWorkbook(), 'Kustannukset', 0, 'Summa', amount));
      expect(r.problems).toEqual([]);
      expect(r.model!.costs[0].amount.toString()).toBe(text);
    }
  });
});

describe('parseWorkbook: tables and columns', () => {
  it('reports one error per missing table in an empty workbook', () => {
    const r = parseWorkbook({ tables: [], sheetNames: ['Taul1'] });
    expectWellFormed(r);
    expect(r.model).toBeNull();
    expect(r.problems.map((p) => [p.code, p.severity, p.where])).toEqual([
      ['table-missing', 'error', { table: 'Asetukset' }],
      ['table-missing', 'error', { table: 'Kunnat' }],
      ['table-missing', 'error', { table: 'Henkilosto' }],
      ['table-missing', 'error', { table: 'Ilmoittautumiset' }],
      ['table-missing', 'error', { table: 'Kustannukset' }],
    ]);
    expect(formatProblem(r.problems[0], 'fi')).toContain('tym-allocate template');
  });

  it('names the sheet of a missing table when the sheet is there', () => {
    const { p } = expectOne(dropTable(sampleWorkbook(), 'Kustannukset'), 'table-missing', 'error', {
      sheet: 'Kustannukset',
      table: 'Kustannukset',
    });
    expect(p.params.table).toBe('Kustannukset');
  });

  it('reports two tables that resolve to the same table, naming both sheets', () => {
    const wb = addTable(sampleWorkbook(), rawTable('Henkilosto', ['Organisaatio'], [['TVA']], { sheet: 'Vanha' }));
    const { p } = expectOne(wb, 'table-duplicate', 'error', { sheet: 'Vanha', table: 'Henkilosto' });
    expect(p.params).toMatchObject({ first: 'Staff', firstSheet: 'Henkilöstö', second: 'Henkilosto', secondSheet: 'Vanha' });
    for (const lang of LANGS) {
      const text = formatProblem(p, lang);
      expect(text).toContain('Henkilöstö');
      expect(text).toContain('Vanha');
    }
  });

  it('reports a missing required column at the header row', () => {
    const { p } = expectOne(dropColumn(sampleWorkbook(), 'Kustannukset', 'Summa'), 'column-missing', 'error', { ...COST, row: 1 });
    expect(p.params.column).toBe('Summa');
  });

  it('does not read a table that lacks a required column, so its rows cause no further errors', () => {
    // Without Kunta, no municipality is known; staff, employer and payer names are not checked against it.
    expectOne(dropColumn(sampleWorkbook(), 'Kunnat', 'Kunta'), 'column-missing', 'error', { ...KUNNAT, row: 3 });
    expectOne(dropColumn(sampleWorkbook(), 'Ilmoittautumiset', 'Nimi'), 'column-missing', 'error', { ...REG, row: 1 });
  });

  it('reports a duplicate column at the second header cell', () => {
    const wb = editTable(sampleWorkbook(), 'Kunnat', (t) => {
      t.headers.push('POPULATION');
      for (const row of t.rows) row.push({ value: null });
    });
    // Kunnat starts at column B; the fifth header is column F, on header row 3.
    const { p } = expectOne(wb, 'column-duplicate', 'error', { ...KUNNAT, row: 3, column: 'POPULATION', cell: 'F3' });
    expect(p.params).toMatchObject({ column: 'Asukasluku', first: 'Asukasluku', firstCell: 'C3' });
  });

  it('reports merged cells overlapping a table, naming the range', () => {
    const wb = editTable(sampleWorkbook(), 'Kunnat', (t) => {
      t.mergedRanges = ['B5:C5'];
    });
    const { p } = expectOne(wb, 'merged-cells', 'error', { ...KUNNAT, cell: 'B5:C5' });
    expect(formatProblem(p, 'en')).toContain('Unmerge');
  });

  it('warns once per table about hidden rows (listing sheet rows, not empty ones) and keeps the model', () => {
    const wb = editTable(sampleWorkbook(), 'Kustannukset', (t) => {
      t.hiddenRows = [3, 1, 4]; // data row 4 (index 4) is empty: not counted, not listed
    });
    const { r, p } = expectOne(wb, 'hidden-rows', 'warning', COST);
    expect(p.params).toMatchObject({ rows: '3, 5', count: 2 });
    expect(r.model!.costs).toHaveLength(4);
  });
});

describe('parseWorkbook: number cells', () => {
  it('rejects a number written as text', () => {
    const { p } = expectOne(setCell(sampleWorkbook(), 'Kunnat', 1, 'Asukasluku', ' 46000'), 'number-is-text', 'error', {
      ...KUNNAT,
      row: 5,
      column: 'Asukasluku',
      cell: 'C5',
    });
    expect(p.params.value).toBe('46000');
  });

  it('rejects a Finnish decimal comma in text with its own hint', () => {
    const { p } = expectOne(setCell(sampleWorkbook(), 'Kustannukset', 1, 'Summa', '12,5'), 'number-is-text-comma', 'error', {
      ...COST,
      row: 3,
      column: 'Summa',
      cell: 'E3',
    });
    expect(formatProblem(p, 'fi')).toContain('12,5');
    expect(formatProblem(p, 'fi')).toContain('desimaali');
  });

  it('rejects an error value, naming it', () => {
    const { p } = expectOne(setCell(sampleWorkbook(), 'Staff', 0, 'fte', { error: '#REF!' }), 'error-value', 'error', {
      ...STAFF,
      row: 3,
      column: 'fte',
      cell: 'F3',
    });
    expect(formatProblem(p, 'en')).toContain('#REF!');
  });

  it('rejects an error value in a text column too', () => {
    expectOne(setCell(sampleWorkbook(), 'Ilmoittautumiset', 2, 'Tilaisuus', { error: '#N/A' }), 'error-value', 'error', {
      ...REG,
      row: 4,
      column: 'Tilaisuus',
      cell: 'C4',
    });
  });

  it('treats an Excel error literal handed over as text as the error value', () => {
    expectOne(setCell(sampleWorkbook(), 'Kunnat', 0, 'Asukasluku', '#N/A'), 'error-value', 'error', {
      ...KUNNAT,
      row: 4,
      column: 'Asukasluku',
      cell: 'C4',
    });
  });

  it('rejects a logical value and a date in number cells', () => {
    expectOne(setCell(sampleWorkbook(), 'Kustannukset', 0, 'Summa', true), 'number-is-boolean', 'error', {
      ...COST,
      row: 2,
      column: 'Summa',
      cell: 'E2',
    });
    expectOne(setCell(sampleWorkbook(), 'Kunnat', 0, 'Työttömät', utcDate(2026, 1, 1)), 'number-is-date', 'error', {
      ...KUNNAT,
      row: 4,
      column: 'Työttömät',
      cell: 'D4',
    });
  });

  it('rejects negative key values', () => {
    expectOne(setCell(sampleWorkbook(), 'Staff', 1, 'head count', -1), 'negative-key', 'error', {
      ...STAFF,
      row: 4,
      column: 'head count',
      cell: 'E4',
    });
    expectOne(setCell(sampleWorkbook(), 'Staff', 2, 'fte', -0.5), 'negative-key', 'error', { ...STAFF, row: 5, column: 'fte', cell: 'F5' });
    expectOne(setCell(sampleWorkbook(), 'Kunnat', 3, 'Asukasluku', -5), 'negative-key', 'error', {
      ...KUNNAT,
      row: 7,
      column: 'Asukasluku',
      cell: 'C7',
    });
    expectOne(setCell(sampleWorkbook(), 'Kunnat', 3, 'Työttömät', -1), 'negative-key', 'error', {
      ...KUNNAT,
      row: 7,
      column: 'Työttömät',
      cell: 'D7',
    });
    expectOne(setCell(sampleWorkbook(), 'Kunnat', 0, 'Sovittu osuus %', -1), 'negative-key', 'error', {
      ...KUNNAT,
      row: 4,
      column: 'Sovittu osuus %',
      cell: 'E4',
    });
  });

  it('rejects a percentage in a %-formatted cell (it must be percentage points)', () => {
    const { p } = expectOne(setCell(sampleWorkbook(), 'Asetukset', 1, 'Arvo', { value: 0.05, numFmt: '0%' }), 'percent-format', 'error', {
      ...ASET,
      row: 3,
      column: 'Arvo',
      cell: 'B3',
    });
    expect(formatProblem(p, 'fi')).toContain('60');
    expect(p.params.shown).toBe('5');
  });

  it('accepts a % inside quotes in the number format (it does not scale the value)', () => {
    const r = parseWorkbook(setCell(sampleWorkbook(), 'Asetukset', 1, 'Arvo', { value: 5, numFmt: '0" %"' }));
    expect(r.problems).toEqual([]);
    expect(r.model!.settings.kelaPct.toString()).toBe('5');
  });

  it('rejects percentages outside 0..100', () => {
    expectOne(setCell(sampleWorkbook(), 'Asetukset', 1, 'Arvo', 120), 'percent-range', 'error', {
      ...ASET,
      row: 3,
      column: 'Arvo',
      cell: 'B3',
    });
    expectOne(setCell(sampleWorkbook(), 'Asetukset', 4, 'Arvo', -1), 'percent-range', 'error', {
      ...ASET,
      row: 6,
      column: 'Arvo',
      cell: 'B6',
    });
    expectOne(setCell(sampleWorkbook(), 'Kunnat', 0, 'Sovittu osuus %', 100.5), 'percent-range', 'error', {
      ...KUNNAT,
      row: 4,
      column: 'Sovittu osuus %',
      cell: 'E4',
    });
  });

  it('rejects amounts with more than two decimals, judged by the decimal digits', () => {
    const { p } = expectOne(setCell(sampleWorkbook(), 'Kustannukset', 0, 'Summa', 12.345), 'too-many-decimals', 'error', {
      ...COST,
      row: 2,
      column: 'Summa',
      cell: 'E2',
    });
    expect(p.params).toMatchObject({ value: '12.345', max: 2 });
    // 0.1 + 0.2 is 0.30000000000000004 as a double: not a two-decimal amount.
    expectOne(setCell(sampleWorkbook(), 'Kustannukset', 0, 'Summa', 0.1 + 0.2), 'too-many-decimals', 'error', {
      ...COST,
      row: 2,
      column: 'Summa',
      cell: 'E2',
    });
  });

  it('rejects a required amount left blank', () => {
    expectOne(setCell(sampleWorkbook(), 'Kustannukset', 2, 'Summa', '   '), 'required', 'error', {
      ...COST,
      row: 4,
      column: 'Summa',
      cell: 'E4',
    });
  });
});

describe('parseWorkbook: Asetukset', () => {
  it('refuses an unknown setting (its value would be ignored silently)', () => {
    const { p } = expectOne(addRow(sampleWorkbook(), 'Asetukset', { Asetus: 'Alv-kanta', Arvo: 24 }), 'setting-unknown', 'error', {
      ...ASET,
      row: 8,
      column: 'Asetus',
      cell: 'A8',
    });
    expect(p.params.name).toBe('Alv-kanta');
  });

  it('rejects the same setting twice on the second row (aliases count as the same)', () => {
    const { p } = expectOne(addRow(sampleWorkbook(), 'Asetukset', { Asetus: 'YEAR', Arvo: 2027 }), 'setting-duplicate', 'error', {
      ...ASET,
      row: 8,
      column: 'Asetus',
      cell: 'A8',
    });
    expect(p.params).toMatchObject({ setting: 'Vuosi', firstRow: 2 });
  });

  it('requires Vuosi', () => {
    const wb = editTable(sampleWorkbook(), 'Asetukset', (t) => {
      t.rows.splice(0, 1);
    });
    const { p } = expectOne(wb, 'setting-missing', 'error', ASET);
    expect(p.params.setting).toBe('Vuosi');
    expectOne(setCell(sampleWorkbook(), 'Asetukset', 0, 'Arvo', null), 'required', 'error', {
      ...ASET,
      row: 2,
      column: 'Arvo',
      cell: 'B2',
    });
  });

  it('requires Vuosi to be a whole number from 2000 to 2100', () => {
    for (const y of [2026.5, 1999, 2101]) {
      const { p } = expectOne(setCell(sampleWorkbook(), 'Asetukset', 0, 'Arvo', y), 'year-invalid', 'error', {
        ...ASET,
        row: 2,
        column: 'Arvo',
        cell: 'B2',
      });
      expect(p.params.value).toBe(String(y));
    }
    expectOne(setCell(sampleWorkbook(), 'Asetukset', 0, 'Arvo', '2026'), 'number-is-text', 'error', {
      ...ASET,
      row: 2,
      column: 'Arvo',
      cell: 'B2',
    });
  });

  it('rejects an unknown word in a choice setting, listing the accepted words', () => {
    const { p } = expectOne(setCell(sampleWorkbook(), 'Asetukset', 3, 'Arvo', 'viikko'), 'unknown-word', 'error', {
      ...ASET,
      row: 5,
      column: 'Arvo',
      cell: 'B5',
    });
    expect(p.params.value).toBe('viikko');
    expect(String(p.params.accepted)).toContain('vuosi');
    expect(String(p.params.accepted)).toContain('kuukausi');
  });

  it('reads the staff and municipal basis words', () => {
    let wb = addRow(sampleWorkbook(), 'Asetukset', { Asetus: 'henkilöstöperuste', Arvo: 'HTV-aikapainotettu' });
    wb = addRow(wb, 'Asetukset', { Asetus: 'Municipal basis', Arvo: ' jobseekers ' });
    const r = parseWorkbook(wb);
    expect(r.problems).toEqual([]);
    expect(r.model!.settings.staffBasis).toBe('fte-time-weighted');
    expect(r.model!.settings.municipalBasis).toBe('jobseekers');
    expect(r.model!.settingRows.staffBasis).toEqual({ table: 'Asetukset', sheet: 'Asetukset', index: 7, sheetRow: 8 });
  });

  it('requires the administrative employer to be in Kunnat', () => {
    const { p } = expectOne(setCell(sampleWorkbook(), 'Asetukset', 2, 'Arvo', 'Kerava'), 'employer-unknown', 'error', {
      ...ASET,
      row: 4,
      column: 'Arvo',
      cell: 'B4',
    });
    expect(p.params).toMatchObject({ name: 'Kerava', known: 'Hyvinkää, Järvenpää, Tuusula' });
  });

  it('checks the default employer too when the setting is absent', () => {
    let wb = editTable(sampleWorkbook(), 'Asetukset', (t) => {
      t.rows.splice(2, 1);
    });
    wb = setCell(wb, 'Kunnat', 1, 'Kunta', 'Kerava');
    const { p } = expectOne(wb, 'employer-unknown', 'error', ASET);
    expect(p.params.name).toBe('Järvenpää');
  });

  it('rejects a negative customer estimate', () => {
    expectOne(setCell(sampleWorkbook(), 'Asetukset', 5, 'Arvo', -3), 'negative-value', 'error', {
      ...ASET,
      row: 7,
      column: 'Arvo',
      cell: 'B7',
    });
  });
});

describe('parseWorkbook: Kunnat', () => {
  it('requires at least one municipality', () => {
    const wb = editTable(sampleWorkbook(), 'Kunnat', (t) => {
      t.rows = [];
    });
    const r = parseWorkbook(wb);
    expectWellFormed(r);
    // Names elsewhere (employer, staff, payers) are not checked against an empty list.
    expect(r.problems.map((p) => [p.code, p.severity, p.where])).toEqual([['no-municipalities', 'error', { ...KUNNAT, row: 3 }]]);
  });

  it('requires Kunta on a row with other values', () => {
    expectOne(
      setCell(sampleWorkbook(), 'Kunnat', 1, 'Kunta', null),
      'required',
      'error',
      { ...KUNNAT, row: 5, column: 'Kunta', cell: 'B5' },
      { alone: false },
    );
  });

  it('rejects a duplicate municipality on the later row', () => {
    const wb = setCell(setCell(sampleWorkbook(), 'Kunnat', 2, 'Kunta', 'HYVINKÄÄ '), 'Kunnat', 2, 'Asukasluku', 1);
    const { p } = expectOne(wb, 'municipality-duplicate', 'error', { ...KUNNAT, row: 6, column: 'Kunta', cell: 'B6' });
    expect(p.params).toMatchObject({ name: 'HYVINKÄÄ', firstRow: 4 });
  });

  it('needs every population on the population basis (default)', () => {
    const { p } = expectOne(setCell(sampleWorkbook(), 'Kunnat', 3, 'Asukasluku', null), 'basis-value-missing', 'error', {
      ...KUNNAT,
      row: 7,
      column: 'Asukasluku',
      cell: 'C7',
    });
    expect(p.params.basis).toBe('asukasluku');
  });

  it('needs the Työttömät column on the jobseekers basis', () => {
    const wb = dropColumn(addRow(sampleWorkbook(), 'Asetukset', { Asetus: 'Kuntajaon peruste', Arvo: 'työttömät' }), 'Kunnat', 'Työttömät');
    const { p } = expectOne(wb, 'basis-column-missing', 'error', { ...KUNNAT, row: 3 });
    expect(p.params.column).toBe('Työttömät');
  });

  it('needs every agreed share, summing to exactly 100, on the agreed basis', () => {
    let wb = addRow(sampleWorkbook(), 'Asetukset', { Asetus: 'Kuntajaon peruste', Arvo: 'sovittu' });
    wb = setCell(wb, 'Kunnat', 0, 'Sovittu osuus %', 50);
    wb = setCell(wb, 'Kunnat', 1, 'Sovittu osuus %', 30);
    expectOne(wb, 'basis-value-missing', 'error', { ...KUNNAT, row: 7, column: 'Sovittu osuus %', cell: 'E7' });
    wb = setCell(wb, 'Kunnat', 3, 'Sovittu osuus %', 19.99);
    const { p } = expectOne(wb, 'agreed-sum', 'error', { ...KUNNAT, column: 'Sovittu osuus %' });
    expect(p.params.sum).toBe('99.99');
    for (const lang of LANGS) expect(formatProblem(p, lang)).toContain('99.99');
  });
});

describe('parseWorkbook: Henkilosto', () => {
  it('rejects an unknown organisation, listing the accepted words', () => {
    const { p } = expectOne(setCell(sampleWorkbook(), 'Staff', 0, 'organisation', 'Kunta'), 'unknown-word', 'error', {
      ...STAFF,
      row: 3,
      column: 'organisation',
      cell: 'A3',
    });
    expect(String(p.params.accepted)).toContain('Työllisyysalue');
    expect(String(p.params.accepted)).toContain('KELA');
  });

  it('requires the organisation', () => {
    expectOne(setCell(sampleWorkbook(), 'Staff', 1, 'organisation', null), 'required', 'error', {
      ...STAFF,
      row: 4,
      column: 'organisation',
      cell: 'A4',
    });
  });

  it('rejects an unknown municipality', () => {
    const { p } = expectOne(setCell(sampleWorkbook(), 'Staff', 0, ' Municipality ', 'Kerava'), 'municipality-unknown', 'error', {
      ...STAFF,
      row: 3,
      column: ' Municipality ',
      cell: 'B3',
    });
    expect(p.params).toMatchObject({ name: 'Kerava', known: 'Hyvinkää, Järvenpää, Tuusula' });
  });

  it('requires a municipality on TVA rows on the staff basis (only TVA rows)', () => {
    let wb = addRow(sampleWorkbook(), 'Asetukset', { Asetus: 'Kuntajaon peruste', Arvo: 'henkilöstö' });
    wb = setCell(wb, 'Staff', 0, ' Municipality ', null);
    expectOne(wb, 'staff-municipality-required', 'error', { ...STAFF, row: 3, column: ' Municipality ', cell: 'B3' });
    const ok = parseWorkbook(addRow(sampleWorkbook(), 'Asetukset', { Asetus: 'Kuntajaon peruste', Arvo: 'henkilöstö' }));
    expect(ok.problems).toEqual([]);
  });

  it('rejects an FTE with more than four decimals', () => {
    expectOne(setCell(sampleWorkbook(), 'Staff', 0, 'fte', 0.12345), 'too-many-decimals', 'error', {
      ...STAFF,
      row: 3,
      column: 'fte',
      cell: 'F3',
    });
    const ok = parseWorkbook(setCell(sampleWorkbook(), 'Staff', 0, 'fte', 0.1234));
    expect(ok.model!.staff[0].fte.toString()).toBe('0.1234');
  });

  it('rejects an end date before the start date', () => {
    expectOne(setCell(sampleWorkbook(), 'Staff', 0, 'End', utcDate(2026, 2, 28)), 'end-before-start', 'error', {
      ...STAFF,
      row: 3,
      column: 'End',
      cell: 'H3',
    });
    const sameDay = parseWorkbook(setCell(sampleWorkbook(), 'Staff', 0, 'End', utcDate(2026, 3, 1)));
    expect(sameDay.problems).toEqual([]);
  });

  it('rejects text in a date column', () => {
    const { p } = expectOne(setCell(sampleWorkbook(), 'Staff', 0, 'Start', '1.3.2026'), 'date-is-text', 'error', {
      ...STAFF,
      row: 3,
      column: 'Start',
      cell: 'G3',
    });
    expect(p.params.value).toBe('1.3.2026');
  });

  it('accepts an unformatted number in a date column as an Excel serial, with a warning at the cell', () => {
    const { r, p } = expectOne(setCell(sampleWorkbook(), 'Staff', 0, 'Start', 46082), 'date-serial', 'warning', {
      ...STAFF,
      row: 3,
      column: 'Start',
      cell: 'G3',
    });
    // 46023 = 2026-01-01, + 59 days (31 + 28) = 2026-03-01.
    expect(p.params).toMatchObject({ value: '46082', date: '2026-03-01' });
    expect(r.model!.staff[0].start).toBe(dayNumber(2026, 3, 1));
  });
});

describe('parseWorkbook: Ilmoittautumiset', () => {
  it('rejects wildcard characters in an event name', () => {
    for (const ch of ['*', '?', '~']) {
      const { p } = expectOne(
        setCell(sampleWorkbook(), 'Ilmoittautumiset', 2, 'Tilaisuus', `Syys${ch}seminaari`),
        'event-wildcard',
        'error',
        {
          ...REG,
          row: 4,
          column: 'Tilaisuus',
          cell: 'C4',
        },
      );
      expect(p.params.event).toBe(`Syys${ch}seminaari`);
    }
  });

  it('requires event, name and organisation', () => {
    expectOne(setCell(sampleWorkbook(), 'Ilmoittautumiset', 0, 'Tilaisuus', null), 'required', 'error', {
      ...REG,
      row: 2,
      column: 'Tilaisuus',
      cell: 'C2',
    });
    expectOne(setCell(sampleWorkbook(), 'Ilmoittautumiset', 0, 'Nimi', ' '), 'required', 'error', {
      ...REG,
      row: 2,
      column: 'Nimi',
      cell: 'E2',
    });
    expectOne(setCell(sampleWorkbook(), 'Ilmoittautumiset', 0, 'Organisaatio', null), 'required', 'error', {
      ...REG,
      row: 2,
      column: 'Organisaatio',
      cell: 'F2',
    });
  });

  it('rejects an unknown organisation or status without ever showing the person name', () => {
    const { r } = expectOne(setCell(sampleWorkbook(), 'Ilmoittautumiset', 0, 'Organisaatio', 'Kaupunki'), 'unknown-word', 'error', {
      ...REG,
      row: 2,
      column: 'Organisaatio',
      cell: 'F2',
    });
    const { r: r2 } = expectOne(setCell(sampleWorkbook(), 'Ilmoittautumiset', 1, 'Tila', 'ehkä'), 'unknown-word', 'error', {
      ...REG,
      row: 3,
      column: 'Tila',
      cell: 'G3',
    });
    const { r: r3 } = expectOne(setCell(sampleWorkbook(), 'Ilmoittautumiset', 1, 'Nimi', true), 'text-expected', 'error', {
      ...REG,
      row: 3,
      column: 'Nimi',
      cell: 'E3',
    });
    for (const p of [...r.problems, ...r2.problems, ...r3.problems]) {
      for (const lang of LANGS) expect(formatProblem(p, lang)).not.toMatch(/Maija|Matti|Meikäläinen|Virtanen/);
    }
  });

  it('rejects a bad date', () => {
    expectOne(setCell(sampleWorkbook(), 'Ilmoittautumiset', 0, 'Päivämäärä', 'toukokuu'), 'date-is-text', 'error', {
      ...REG,
      row: 2,
      column: 'Päivämäärä',
      cell: 'D2',
    });
  });
});

describe('parseWorkbook: Kustannukset', () => {
  it('requires known kind and pool words', () => {
    expectOne(setCell(sampleWorkbook(), 'Kustannukset', 0, 'Laji', 'ennuste'), 'unknown-word', 'error', {
      ...COST,
      row: 2,
      column: 'Laji',
      cell: 'A2',
    });
    expectOne(setCell(sampleWorkbook(), 'Kustannukset', 0, 'Pooli', null), 'required', 'error', {
      ...COST,
      row: 2,
      column: 'Pooli',
      cell: 'B2',
    });
    expectOne(setCell(sampleWorkbook(), 'Kustannukset', 0, 'Pooli', 'c'), 'unknown-word', 'error', {
      ...COST,
      row: 2,
      column: 'Pooli',
      cell: 'B2',
    });
  });

  it('rejects an event on a pool a or muu line', () => {
    const { p } = expectOne(setCell(sampleWorkbook(), 'Kustannukset', 1, 'Tilaisuus', 'Syysseminaari'), 'event-not-pool-b', 'error', {
      ...COST,
      row: 3,
      column: 'Tilaisuus',
      cell: 'D3',
    });
    expect(p.params).toMatchObject({ pool: 'muu', event: 'Syysseminaari' });
  });

  it('rejects a pool b line for an unknown event, listing known events', () => {
    const { p } = expectOne(setCell(sampleWorkbook(), 'Kustannukset', 2, 'Tilaisuus', 'Kevätseminaari'), 'event-unknown', 'error', {
      ...COST,
      row: 4,
      column: 'Tilaisuus',
      cell: 'D4',
    });
    expect(p.params).toMatchObject({ event: 'Kevätseminaari', known: 'Kehittämispäivä 1, Syysseminaari' });
    expect(formatProblem(p, 'fi')).toContain('Kehittämispäivä 1, Syysseminaari');
  });

  it('matches a pool b event to a cancelled-only event too (the engine reports events without registrants)', () => {
    const wb = setCell(sampleWorkbook(), 'Ilmoittautumiset', 0, 'Tilaisuus', 'Toinen');
    const r = parseWorkbook(wb);
    expect(r.problems).toEqual([]);
    expect(r.model!.costs[2].eventKey).toBe('kehittämispäivä 1');
  });

  it('rejects wildcard characters in a cost line event', () => {
    expectOne(setCell(sampleWorkbook(), 'Kustannukset', 2, 'Tilaisuus', 'Kehittämispäivä*'), 'event-wildcard', 'error', {
      ...COST,
      row: 4,
      column: 'Tilaisuus',
      cell: 'D4',
    });
  });

  it('rejects an unknown payer, listing the municipalities and parties', () => {
    const { p } = expectOne(setCell(sampleWorkbook(), 'Kustannukset', 1, 'Maksaja', 'Kerava'), 'payer-unknown', 'error', {
      ...COST,
      row: 3,
      column: 'Maksaja',
      cell: 'F3',
    });
    expect(String(p.params.accepted)).toMatch(/^Hyvinkää, Järvenpää, Tuusula, TVA/);
    expect(String(p.params.accepted)).toContain('KELA');
  });

  it('rejects a date as payer', () => {
    expectOne(setCell(sampleWorkbook(), 'Kustannukset', 1, 'Maksaja', utcDate(2026, 1, 1)), 'text-expected', 'error', {
      ...COST,
      row: 3,
      column: 'Maksaja',
      cell: 'F3',
    });
  });

  it('maps party words as payers: HVA and KELA by any alias', () => {
    const r = parseWorkbook(setCell(sampleWorkbook(), 'Kustannukset', 1, 'Maksaja', 'kansaneläkelaitos'));
    expect(r.model!.costs[1].payer).toBe('KELA');
  });

  it('requires a whole Vuosi on a cost line', () => {
    expectOne(setCell(sampleWorkbook(), 'Kustannukset', 1, 'Vuosi', 2026.5), 'not-integer', 'error', {
      ...COST,
      row: 3,
      column: 'Vuosi',
      cell: 'G3',
    });
  });
});

describe('parseWorkbook: collecting and formatting', () => {
  it('collects every problem of a workbook with many defects', () => {
    let wb = sampleWorkbook();
    wb = setCell(wb, 'Kunnat', 1, 'Asukasluku', 'paljon');
    wb = setCell(wb, 'Staff', 0, 'organisation', 'X');
    wb = setCell(wb, 'Staff', 1, 'head count', -2);
    wb = setCell(wb, 'Ilmoittautumiset', 2, 'Organisaatio', 'Y');
    wb = setCell(wb, 'Kustannukset', 0, 'Summa', { error: '#DIV/0!' });
    wb = setCell(wb, 'Kustannukset', 3, 'Laji', 'Z');
    wb = addRow(wb, 'Asetukset', { Asetus: 'Outo', Arvo: 1 });
    const r = parseWorkbook(wb);
    expectWellFormed(r);
    expect(r.model).toBeNull();
    expect(r.problems.map((p) => [p.code, p.where.cell])).toEqual([
      ['setting-unknown', 'A8'],
      ['number-is-text', 'C5'],
      ['unknown-word', 'A3'],
      ['negative-key', 'E4'],
      ['unknown-word', 'F4'],
      ['error-value', 'E2'],
      ['unknown-word', 'A5'],
    ]);
  });

  it('formats a problem with its place in Finnish, Swedish and English', () => {
    const r = parseWorkbook(setCell(sampleWorkbook(), 'Kunnat', 1, 'Asukasluku', '46000'));
    const p = r.problems[0];
    expect(formatProblem(p, 'fi')).toMatch(/^Taulukko Kunnat \(Kunnat\), solu C5, sarake "Asukasluku": Solussa on tekstiä/);
    expect(formatProblem(p, 'sv')).toMatch(/^Blad Kunnat \(Kunnat\), cell C5, kolumn "Asukasluku": Cellen innehåller text/);
    expect(formatProblem(p, 'en')).toMatch(/^Sheet Kunnat \(Kunnat\), cell C5, column "Asukasluku": The cell holds text/);
  });

  it('has every parser message in all three languages with the same placeholders', () => {
    for (const [code, texts] of Object.entries(MESSAGES)) {
      const names = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
      for (const lang of LANGS) expect(texts[lang]?.length ?? 0).toBeGreaterThan(0);
      expect({ code, sv: names(texts.sv) }).toEqual({ code, sv: names(texts.fi) });
      expect({ code, en: names(texts.en) }).toEqual({ code, en: names(texts.fi) });
    }
  });

  it('does not modify the raw workbook', () => {
    const wb = sampleWorkbook();
    const before = JSON.stringify(wb);
    parseWorkbook(wb);
    expect(JSON.stringify(wb)).toBe(before);
  });
});
