/**
 * The parser's part of issue 12: the optional participant plan table, the invoice settings of
 * Asetukset, and the Y-tunnus column of Kunnat. Each problem names its sheet, row and column.
 */
import { businessIdCheckDigit, normaliseBusinessId } from '../../src/domain/businessId';
import { parseWorkbook } from '../../src/domain/parse';
import { formatProblem, MESSAGES, type Lang } from '../../src/domain/problems';
import { addRow, addTable, editTable, rawTable, sampleWorkbook, setCell, utcDate } from './support/rawBuilders';
import { dayNumber } from '../../src/domain/dates';

const LANGS: Lang[] = ['fi', 'sv', 'en'];

const plan = (rows: unknown[][], headers = ['Tilaisuus', 'Organisaatio', 'Osallistujia', 'Vuosi']) =>
  rawTable('Osallistujasuunnitelma', headers, rows as never, { headerRow: 2 });

function parsed(wb: ReturnType<typeof sampleWorkbook>) {
  const r = parseWorkbook(wb);
  for (const p of r.problems) {
    expect(MESSAGES[p.code]).toBeDefined();
    for (const lang of LANGS) expect(formatProblem(p, lang)).not.toMatch(/\{\w+\}/);
  }
  return r;
}

describe('business IDs (Y-tunnus)', () => {
  test('the check digit: weights 7 9 10 5 8 4 2, modulo 11', () => {
    // 0246246: 0*7 + 2*9 + 4*10 + 6*5 + 2*8 + 4*4 + 6*2 = 132 = 12 x 11, remainder 0 -> 0.
    expect(businessIdCheckDigit('0246246')).toBe(0);
    // 1234567: 7 + 18 + 30 + 20 + 40 + 24 + 14 = 153, 153 mod 11 = 10 -> 11 - 10 = 1.
    expect(businessIdCheckDigit('1234567')).toBe(1);
    // 0000001: 2 -> 11 - 2 = 9. 0000004: 8 -> 3.
    expect(businessIdCheckDigit('0000001')).toBe(9);
    expect(businessIdCheckDigit('0000004')).toBe(3);
    // 1000000: 7 -> 4. 0100000: 9 -> 2. 0010000: 10 -> 1. 0000100: 8 -> 3. 0001000: 5 -> 6.
    expect(['1000000', '0100000', '0010000', '0000100', '0001000'].map(businessIdCheckDigit)).toEqual([4, 2, 1, 3, 6]);
    // 0000006: 6 x 2 = 12, remainder 1: never issued.
    expect(businessIdCheckDigit('0000006')).toBeNull();
  });

  test('normalised: trimmed, six digits padded, a wrong check digit or form refused', () => {
    expect(normaliseBusinessId(' 0246246-0 ')).toBe('0246246-0');
    expect(normaliseBusinessId('246246-0')).toBe('0246246-0');
    expect(normaliseBusinessId('1234567-1')).toBe('1234567-1');
    expect(normaliseBusinessId('1234567-2')).toBeNull();
    expect(normaliseBusinessId('12345671')).toBeNull();
    expect(normaliseBusinessId('FI12345671')).toBeNull();
  });
});

describe('the participant plan table', () => {
  test('a workbook without it has no plan and no problem', () => {
    const r = parsed(sampleWorkbook());
    expect(r.problems).toEqual([]);
    expect(r.model!.plan).toBeUndefined();
    expect(r.model!.tables.suunnitelma).toBeUndefined();
  });

  test('a sheet of its name without the table is not read silently: a warning names the sheet', () => {
    const base = sampleWorkbook();
    const wb = { ...base, sheetNames: [...base.sheetNames, 'osallistujasuunnitelma'] };
    const r = parsed(wb);
    expect(r.problems.map((p) => [p.severity, p.code, p.where])).toEqual([
      ['warning', 'plan-table-missing', { sheet: 'osallistujasuunnitelma', table: 'Osallistujasuunnitelma' }],
    ]);
    expect(formatProblem(r.problems[0], 'en')).toContain('Sheet osallistujasuunnitelma has no Excel table Osallistujasuunnitelma');
    expect(r.model!.plan).toBeUndefined();
    // Once the workbook has the plan table, the sheet of that name is just a sheet.
    const withTable = addTable(wb, plan([[null, 'TVA', 3, null]]));
    expect(parsed(withTable).problems.filter((p) => p.code === 'plan-table-missing')).toEqual([]);
  });

  test('rows are read: blank event = the year, words and years as in the other tables', () => {
    const wb = addTable(
      sampleWorkbook(),
      plan([
        [' kevätpäivä  2027 ', 'hva', 12, null],
        [null, ' Kela ', 3, 2026],
        ['  ', 'TVA', 40, null],
        [null, null, null, null],
      ]),
    );
    const r = parsed(wb);
    expect(r.problems).toEqual([]);
    const ref = (index: number) => ({ table: 'Osallistujasuunnitelma', sheet: 'Osallistujasuunnitelma', index, sheetRow: index + 2 });
    expect(r.model!.plan).toEqual([
      { event: 'kevätpäivä 2027', eventKey: 'kevätpäivä 2027', party: 'HVA', count: 12, year: null, ref: ref(1) },
      { event: null, eventKey: null, party: 'KELA', count: 3, year: 2026, ref: ref(2) },
      { event: null, eventKey: null, party: 'TVA', count: 40, year: null, ref: ref(3) },
    ]);
    expect(r.model!.tables.suunnitelma).toMatchObject({ name: 'Osallistujasuunnitelma', headerRow: 2, rowCount: 4 });
  });

  test('English headers and table name are accepted; Tilaisuus and Vuosi may be left out', () => {
    const wb = addTable(sampleWorkbook(), rawTable('ParticipantPlan', ['Organisation', 'Participants'], [['HVA', 2]]));
    const r = parsed(wb);
    expect(r.problems).toEqual([]);
    expect(r.model!.plan!.map((p) => [p.event, p.party, p.count])).toEqual([[null, 'HVA', 2]]);
  });

  test('problems name the cell: unknown organisation, negative or fractional count, missing count, a missing column', () => {
    const wb = addTable(
      sampleWorkbook(),
      plan([
        ['Kevätpäivä', 'Kunta', 1, null],
        ['Kevätpäivä', 'TVA', -2, null],
        ['Kevätpäivä', 'TVA', 2.5, null],
        ['Kevätpäivä', 'TVA', null, null],
        ['Kevät*', 'TVA', 1, null],
      ]),
    );
    const r = parsed(wb);
    expect(r.model).toBeNull();
    expect(r.problems.map((p) => [p.code, p.where.cell])).toEqual([
      // header on sheet row 2: data row 1 is sheet row 3
      ['unknown-word', 'B3'],
      ['negative-key', 'C4'],
      ['not-integer', 'C5'],
      ['required', 'C6'],
      ['event-wildcard', 'A7'],
    ]);
    const noCount = addTable(sampleWorkbook(), plan([['x', 'TVA']], ['Tilaisuus', 'Organisaatio']));
    expect(parsed(noCount).problems.map((p) => [p.code, p.where.table, p.params.column])).toEqual([
      ['column-missing', 'Osallistujasuunnitelma', 'Osallistujia'],
    ]);
  });

  test('two plan tables are an error naming both', () => {
    const wb = addTable(
      addTable(sampleWorkbook(), plan([[null, 'TVA', 1]])),
      rawTable('Plan', ['Organisaatio', 'Osallistujia'], [['HVA', 1]], { sheet: 'Toinen' }),
    );
    const r = parsed(wb);
    expect(r.problems.map((p) => [p.code, p.where.sheet, p.params.first, p.params.second])).toEqual([
      ['table-duplicate', 'Toinen', 'Osallistujasuunnitelma', 'Plan'],
    ]);
  });

  test('a budget line may name an event that only the plan knows; an unknown event is still an error', () => {
    const withLine = (event: string) => addRow(sampleWorkbook(), 'Kustannukset', { Laji: 'TA', Pooli: 'b', Tilaisuus: event, Summa: 500 });
    const known = addTable(withLine('Talvipäivä'), plan([['talvipäivä', 'TVA', 4, null]]));
    const r = parsed(known);
    expect(r.problems).toEqual([]);
    expect(r.model!.costs.at(-1)!.eventKey).toBe('talvipäivä');
    const unknown = addTable(withLine('Kesäpäivä'), plan([['talvipäivä', 'TVA', 4, null]]));
    expect(parsed(unknown).problems.map((p) => [p.code, p.where.cell])).toEqual([['event-unknown', 'D7']]);
  });
});

describe('invoice settings in Asetukset', () => {
  const withSettings = (rows: [string, unknown][]) => {
    let wb = sampleWorkbook();
    for (const [name, value] of rows) wb = addRow(wb, 'Asetukset', { Asetus: name, Arvo: value as never });
    return wb;
  };

  test('defaults: invoices on the 1st, payable in 14 days, settlement date open, no business IDs', () => {
    expect(parsed(sampleWorkbook()).model!.billing).toEqual({
      invoiceDay: 1,
      paymentTermDays: 14,
      settlementDate: null,
      businessIds: { HVA: null, KELA: null },
    });
  });

  test('read by name (Finnish or English, any case), with their rows for the formulas', () => {
    const r = parsed(
      withSettings([
        ['Laskutuspäivä', 15],
        [' maksuehto (PV) ', 21],
        ['Settlement invoice date', utcDate(2027, 3, 31)],
        // 3221337: 21 + 18 + 20 + 5 + 24 + 12 + 14 = 114, 114 mod 11 = 4 -> 11 - 4 = 7
        ['HVA:n Y-tunnus', ' 3221337-7 '],
        ['Kelan Y-tunnus', '246246-0'],
      ]),
    );
    expect(r.problems).toEqual([]);
    expect(r.model!.billing).toEqual({
      invoiceDay: 15,
      paymentTermDays: 21,
      settlementDate: dayNumber(2027, 3, 31),
      businessIds: { HVA: '3221337-7', KELA: '0246246-0' },
    });
    expect(r.model!.settingRows.invoiceDay).toEqual({ table: 'Asetukset', sheet: 'Asetukset', index: 7, sheetRow: 8 });
    expect(r.model!.settingRows.kelaBusinessId.index).toBe(11);
  });

  test('wrong values are errors at the cell; a repeated setting too', () => {
    const r = parsed(
      withSettings([
        ['Laskutuspäivä', 32],
        ['Maksuehto (pv)', -1],
        ['HVA:n Y-tunnus', '3221337-5'], // the check digit is 7
        ['Tasauslaskun päivä', 'maaliskuussa'],
        ['Invoice day', 2],
      ]),
    );
    expect(r.model).toBeNull();
    expect(r.problems.map((p) => [p.code, p.where.cell])).toEqual([
      ['invoice-day-range', 'B8'],
      ['payment-term-range', 'B9'],
      ['business-id-invalid', 'B10'],
      ['date-is-text', 'B11'],
      ['setting-duplicate', 'A12'],
    ]);
  });

  test('an unknown setting lists the invoice settings among the known ones', () => {
    const r = parsed(withSettings([['Pankkitili', 'FI00 1234']]));
    expect(r.problems.map((p) => [p.code, p.severity])).toEqual([['setting-unknown', 'error']]);
    expect(r.problems[0].params.known).toContain('Laskutuspäivä');
    expect(r.problems[0].params.known).toContain('Kelan Y-tunnus');
  });

  test('a misspelt invoice setting is an error that suggests the nearest name', () => {
    // "laskupäivä" -> "laskun päivä" (an accepted name of the invoice day): two insertions, within
    // the limit of max(2, 10 / 4); "laskutuspäivä" is three away.
    const r = parsed(withSettings([['Laskupäivä', 3]]));
    expect(r.problems.map((p) => [p.code, p.severity])).toEqual([['setting-misspelt', 'error']]);
    expect(r.problems[0].params.suggestion).toBe('Laskun päivä');
    expect(r.problems[0].params.known).toContain('Maksuehto (pv)');
  });
});

describe('the Y-tunnus column of Kunnat', () => {
  const withColumn = () =>
    editTable(sampleWorkbook(), 'Kunnat', (t) => {
      t.headers.push('Y-tunnus');
      t.rows.forEach((row) => row.push({ value: null }));
    });

  test('optional: read when present, blank = none, canonical form', () => {
    const wb = setCell(withColumn(), 'Kunnat', 0, 'Y-tunnus', ' 0125400-3');
    const r = parsed(wb);
    // 0125400: 0 + 9 + 20 + 25 + 32 + 0 + 0 = 86, 86 mod 11 = 9 -> check digit 2; "-3" is wrong.
    expect(r.problems.map((p) => [p.code, p.where.cell, p.params.value])).toEqual([['business-id-invalid', 'F4', '0125400-3']]);
    const ok = parsed(setCell(withColumn(), 'Kunnat', 0, 'Y-tunnus', ' 0125400-2'));
    expect(ok.problems).toEqual([]);
    expect(ok.model!.municipalities.map((m) => m.businessId)).toEqual(['0125400-2', null, null]);
  });
});
