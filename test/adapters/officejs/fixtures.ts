/** Shared fixtures of the office.js adapter tests: an input workbook in the fake, output sheets shaped like the layout's. */
import { OfficeJsWorkbook } from '../../../src/adapters/officejs/officeJsWorkbook';
import type { CellSpec, SheetSpec } from '../../../src/workbook/sheetSpec';
import { FakeWorkbook, type FakeSheet } from '../../support/fakeExcel';

/** An input sheet "Henkilosto" with a table of `n` staff rows: text, number, date (serial), blank. */
export function inputWorkbook(n: number): FakeWorkbook {
  const book = new FakeWorkbook();
  const settings = book.addSheet('Asetukset');
  settings.put(0, 0, 'Asetus');
  settings.put(0, 1, 'Arvo');
  settings.put(1, 0, 'Vuosi');
  settings.put(1, 1, 2025);
  book.addTable(settings, 'Asetukset', 0, 0, 2, 2);
  const staff = book.addSheet('Henkilosto');
  staff.put(0, 0, 'Henkilöstö 2025'); // a title above the table: the table starts at row 3, column B
  ['Organisaatio', 'HTV', 'Alkaa', 'Huom'].forEach((h, i) => staff.put(2, 1 + i, h));
  for (let i = 0; i < n; i++) {
    staff.put(3 + i, 1, i % 3 === 0 ? 'TVA' : 'HVA');
    staff.put(3 + i, 2, 0.5 + (i % 4) * 0.25, '0.00');
    staff.put(3 + i, 3, 45658 + (i % 30), 'd.m.yyyy'); // 45658 = 2025-01-01
  }
  book.addTable(staff, 'Henkilosto', 2, 1, n + 1, 4);
  return book;
}

/** Output sheets shaped like the layout's: a parameter sheet, a long row sheet with a table, a results sheet. */
export function outputSpecs(n: number, label = 'A'): SheetSpec[] {
  const params: (CellSpec | null)[][] = [
    [{ value: `Parametrit ${label}`, style: 'title' }, null],
    [
      { value: 'Kelan osuus', style: 'label' },
      { value: 0.1, style: 'percent' },
    ],
  ];
  const rows: (CellSpec | null)[][] = [[{ value: 'Rivit', style: 'title' }, null, null, null]];
  rows.push(['Nimi', 'Summa', 'Osuus', 'Huom'].map((h) => ({ value: h, style: 'header' as const })));
  for (let i = 0; i < n; i++) {
    const r = rows.length + 1;
    rows.push([
      { value: `Rivi ${i + 1}`, style: 'text' },
      { value: 100 + i, style: 'money' },
      { formula: `ROUND(B${r}*Parametrit!$B$2,2)`, expected: Math.round((100 + i) * 10) / 100, style: 'money' },
      i === 0 ? { value: '=HYPERLINK("http://evil.example","klikkaa")', style: 'text' } : null,
    ]);
  }
  const results: (CellSpec | null)[][] = [
    [{ value: 'Tulokset', style: 'title' }, null],
    [
      { value: 'Yhteensä', style: 'label' },
      { formula: 'SUM(Rivit[Summa])', expected: 0, style: 'moneyTotal' },
    ],
    [
      { value: 'Osuudet', style: 'label' },
      { formula: "SUM('Rivit'!C3:C100000)", expected: 0, style: 'moneyTotal' },
    ],
  ];
  return [
    {
      name: 'Tulokset',
      cells: results,
      columnWidths: [24, 14],
      print: { title: 'Tulokset & tarkistus', landscape: true, fitToWidth: true },
    },
    {
      name: 'Rivit',
      cells: rows,
      columnWidths: [20, 12, 12, 30],
      freeze: { rows: 2, columns: 1 },
      tables: [{ name: 'Rivit', row: 1, col: 0, headers: ['Nimi', 'Summa', 'Osuus', 'Huom'], rowCount: n }],
    },
    { name: 'Parametrit', cells: params, tabColor: 'FF00B050' },
  ];
}

export const snapshot = (s: FakeSheet) =>
  JSON.stringify({
    name: s.name,
    cells: [...s.cells.entries()].map(([k, c]) => [k, c.value, c.formula ?? null, c.format]),
    tables: s.tables.map((t) => [t.name, t.r0, t.c0, t.rows, t.cols]),
    names: [...s.names],
  });
export const all = (book: FakeWorkbook) => book.sheets.map(snapshot);

export function adapter(book: FakeWorkbook, extra: Partial<ConstructorParameters<typeof OfficeJsWorkbook>[0]> = {}) {
  let n = 0;
  // No real pauses between retries in tests.
  return new OfficeJsWorkbook({
    run: book.run,
    isSetSupported: () => true,
    token: () => `t${++n}`,
    sleep: async () => undefined,
    ...extra,
  });
}
