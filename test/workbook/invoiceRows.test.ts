/**
 * TYM_Laskurivit as laid out (no Excel): one row per receiver and installment and per settlement,
 * the invoice settings as defined names of the settings block (found by name), cached values that
 * were worked out by hand (dates in short months, the business ID's check-digit remainder), one
 * formula per column, no names typed in formulas, the checks wired into TYM_Tarkistukset and the
 * print set-up. The recalculated values are checked in LibreOffice (test/formulas/invoiceRows.slow.test.ts).
 */
import { computeOutputs } from '../../src/app/pipeline';
import type { RawWorkbook } from '../../src/domain/raw';
import { NAMES, SHEETS } from '../../src/workbook/layout';
import { INVOICE_ROWS_FIRST, IR } from '../../src/workbook/layout/invoiceRows';
import type { SheetSpec } from '../../src/workbook/sheetSpec';
import { addRow, editTable, sampleWorkbook } from '../domain/support/rawBuilders';

function inputs(): RawWorkbook {
  let wb = sampleWorkbook();
  wb = addRow(wb, 'Asetukset', { Asetus: 'Laskun päivä', Arvo: 31 });
  wb = addRow(wb, 'Asetukset', { Asetus: ' kelan y-tunnus ', Arvo: '246246-0' });
  wb = editTable(wb, 'Kunnat', (t) => {
    t.headers.push('Y-tunnus');
    const ids = ['0125400-2', null, null, null];
    t.rows.forEach((r, i) => r.push({ value: ids[i] }));
  });
  return wb;
}

function outputs(): SheetSpec[] {
  const r = computeOutputs(inputs());
  if (!r.ok) throw new Error(JSON.stringify(r.problems.filter((p) => p.severity === 'error')));
  return r.sheets;
}

const sheets = outputs();
const sheet = (name: string) => sheets.find((s) => s.name === name)!;
const rows = sheet(SHEETS.invoiceRows);
const blockRows = () => {
  const out: number[] = [];
  for (let r = INVOICE_ROWS_FIRST; rows.cells[r]?.[IR.receiver]; r++) out.push(r);
  return out;
};
const expected = (r: number, c: number) => rows.cells[r][c]?.expected ?? rows.cells[r][c]?.value;
/** Serial of a day in the 1900 date system, worked out from the calendar. */
const serial = (y: number, m: number, d: number) => (Date.UTC(y, m - 1, d) - Date.UTC(1899, 11, 30)) / 86_400_000;

test('the sheet comes right after TYM_Laskutus, with the master check on top', () => {
  const names = sheets.map((s) => s.name);
  expect(names.indexOf(SHEETS.invoiceRows)).toBe(names.indexOf(SHEETS.invoicing) + 1);
  expect(rows.cells[1].some((c) => c?.formula === NAMES.master)).toBe(true);
});

test('one row per receiver and installment (room for 12, as TYM_Laskutus), then one per settlement', () => {
  // Receivers: Hyvinkää, Järvenpää, Tuusula, HVA, KELA; quarterly; the year has TOT lines.
  const b = blockRows();
  expect(b).toHaveLength(5 * 12 + 5);
  expect(b.slice(0, 5).map((r) => expected(r, IR.receiver))).toEqual(['Hyvinkää', 'Järvenpää', 'Tuusula', 'HVA', 'KELA']);
  const inst = Array.from({ length: 12 }, (_, k) => Array(5).fill(k + 1)).flat();
  expect(b.map((r) => expected(r, IR.installment))).toEqual([...inst, ...Array(5).fill('tasaus')]);
  // Installments 5-12 are unused under a quarterly period: no date, zero, not numbered, no text.
  for (const r of b.slice(20, 60)) {
    expect([IR.month, IR.invoiceDate, IR.dueDate, IR.no, IR.type, IR.description].map((c) => expected(r, c))).toEqual([
      '',
      '',
      '',
      '',
      '',
      '',
    ]);
    expect(expected(r, IR.amount)).toBe(0);
  }
});

test('invoice day 31 falls on the last day of a shorter month; the due date is 14 days later (the default term)', () => {
  const b = blockRows();
  // Quarterly: January, April, July, October.
  expect([0, 5, 10, 15].map((i) => expected(b[i], IR.invoiceDate))).toEqual([
    serial(2026, 1, 31),
    serial(2026, 4, 30),
    serial(2026, 7, 31),
    serial(2026, 10, 31),
  ]);
  expect(expected(b[5], IR.dueDate)).toBe(serial(2026, 5, 14));
  // Settlement: the invoice day of the January after the year.
  expect(expected(b[60], IR.invoiceDate)).toBe(serial(2027, 1, 31));
});

test('business IDs: typed in Kunnat, or from the settings padded to seven digits; the check remainder by hand', () => {
  const b = blockRows();
  const of = (name: string) => b.find((r) => expected(r, IR.receiver) === name)!;
  expect(expected(of('Hyvinkää'), IR.businessId)).toBe('0125400-2');
  // 0*7+1*9+2*10+5*5+4*8+0*4+0*2 = 86; 86 mod 11 = 9; 11 - 9 = 2.
  expect(expected(of('Hyvinkää'), IR.idCheck)).toBe(9);
  expect(expected(of('KELA'), IR.businessId)).toBe('0246246-0');
  // 0*7+2*9+4*10+6*5+2*8+4*4+6*2 = 132 = 12 * 11: remainder 0, check digit 0.
  expect(expected(of('KELA'), IR.idCheck)).toBe(0);
  expect(expected(of('HVA'), IR.businessId)).toBe('');
  for (const r of b) expect(expected(r, IR.idOk)).toBe(true);
});

test('the invoice settings are defined names of the settings block on TYM_Parametrit, read by name', () => {
  const params = sheet(SHEETS.params);
  const names = new Map((params.names ?? []).map((n) => [n.name, params.cells[n.row][n.col]]));
  expect(names.get(NAMES.invoiceDay)?.expected).toBe(31);
  expect(names.get(NAMES.paymentTerm)?.expected).toBe(14);
  expect(names.get(NAMES.settlementDate)?.expected).toBe(serial(2027, 1, 31));
  expect(names.get(NAMES.kelaBusinessId)?.expected).toBe('0246246-0');
  expect(names.get(NAMES.hvaBusinessId)?.expected).toBe('');
  // Found by name: the formulas search Asetukset's label column, never a row position.
  const text = params.cells
    .flat()
    .map((c) => c?.formula ?? '')
    .join('\n');
  expect(text).not.toMatch(/INDEX\(Asetukset\[Arvo\],\d/);
});

test('one formula per column (rows differ only in their own row number), none over 200 characters, no names typed', () => {
  const b = blockRows();
  for (let c = 0; c <= IR.what; c++) {
    const shapes = new Set<string>();
    for (const r of b) {
      const f = rows.cells[r][c]?.formula;
      if (f === undefined) continue;
      shapes.add(f.replace(new RegExp(`(?<=[A-Z])${r + 1}(?!\\d)`, 'g'), '#'));
      expect(f.length).toBeLessThanOrEqual(200);
      for (const name of ['Hyvinkää', 'Järvenpää', 'Tuusula', '"HVA"', '"KELA"', '"TVA"', '"Lasku"', '"Hyvityslasku"', '"tasaus"'])
        expect(f).not.toContain(name);
    }
    expect({ col: c, shapes: shapes.size <= 1 }).toEqual({ col: c, shapes: true });
  }
});

test('the checks reach TYM_Tarkistukset (and so TYM_TARKISTUS)', () => {
  const labels = sheet(SHEETS.checks)
    .cells.map((r) => r[0]?.value)
    .filter((v) => typeof v === 'string' && v.startsWith('TYM_Laskurivit'));
  expect(labels).toHaveLength(4);
});

test('printed one A4 landscape page wide with the header rows repeated', () => {
  expect(rows.print).toMatchObject({ landscape: true, fitToWidth: true, repeatRows: INVOICE_ROWS_FIRST });
  expect(rows.print?.onePage).toBeFalsy();
});
