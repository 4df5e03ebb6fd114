/**
 * The invoice CSV (issue 12) as bytes: BOM, header, ";" separator, decimal comma, Finnish dates,
 * CRLF, RFC 4180 quoting and the formula-injection guard. LibreOffice's reading of the same file is
 * in invoiceData.slow.test.ts.
 */
import { csvField, finnishAmount, finnishDate, invoiceCsv, invoiceCsvFileName, INVOICE_CSV_HEADERS } from '../../src/app/invoiceData';
import type { InvoiceRowSummary } from '../../src/app/api';

const row = (over: Partial<InvoiceRowSummary> = {}): InvoiceRowSummary => ({
  no: 1,
  type: 'invoice',
  receiver: 'Hyvinkää',
  businessId: '0125400-2',
  kind: 'advance',
  installment: 1,
  installments: 4,
  invoiceDate: '2026-01-31',
  dueDate: '2026-02-14',
  amount: '750.01',
  description: 'TYM-yhteistyö 2026, ennakkoerä 1/4: yhteisten kustannusten osuus, yhteistoimintasopimus 9 §',
  ...over,
});

describe('the invoice CSV', () => {
  test('UTF-8 BOM, header row, ";" between fields, CRLF after every line', () => {
    const csv = invoiceCsv([
      row(),
      row({
        no: 2,
        type: 'credit-note',
        receiver: 'HVA',
        businessId: null,
        amount: '-1000.00',
        invoiceDate: '2027-01-01',
        dueDate: '2027-01-15',
      }),
    ]);
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    expect(Buffer.from(csv, 'utf8').subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    expect(csv.slice(1).split('\r\n')).toEqual([
      'Nro;Tyyppi;Vastaanottaja;Y-tunnus;Laskun päivä;Eräpäivä;Summa;Kuvaus',
      '1;Lasku;Hyvinkää;0125400-2;31.1.2026;14.2.2026;750,01;TYM-yhteistyö 2026, ennakkoerä 1/4: yhteisten kustannusten osuus, yhteistoimintasopimus 9 §',
      '2;Hyvityslasku;HVA;;1.1.2027;15.1.2027;-1000,00;TYM-yhteistyö 2026, ennakkoerä 1/4: yhteisten kustannusten osuus, yhteistoimintasopimus 9 §',
      '',
    ]);
    expect(INVOICE_CSV_HEADERS).toHaveLength(8);
  });

  test('no rows: the header alone', () => {
    expect(invoiceCsv([])).toBe('\uFEFFNro;Tyyppi;Vastaanottaja;Y-tunnus;Laskun päivä;Eräpäivä;Summa;Kuvaus\r\n');
  });

  test('amounts with a decimal comma and no grouping; dates d.m.yyyy', () => {
    expect(finnishAmount('1234567.80')).toBe('1234567,80');
    expect(finnishAmount('-0.01')).toBe('-0,01');
    expect(finnishDate('2026-12-31')).toBe('31.12.2026');
    expect(finnishDate('2026-01-05')).toBe('5.1.2026');
  });

  test('fields with ; " or line breaks are quoted, quotes doubled', () => {
    expect(csvField('a;b')).toBe('"a;b"');
    expect(csvField('sanoi "hei"')).toBe('"sanoi ""hei"""');
    expect(csvField('rivi\nrivi')).toBe('"rivi\nrivi"');
    expect(csvField(' reunavälit ')).toBe('" reunavälit "');
    expect(csvField('tavallinen')).toBe('tavallinen');
  });

  test('a text a spreadsheet would run as a formula gets an apostrophe; numbers and amounts do not', () => {
    expect(csvField('=HYPERLINK("x")')).toBe('"\'=HYPERLINK(""x"")"');
    expect(csvField('+358')).toBe("'+358");
    expect(csvField('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvField('-5,00', false)).toBe('-5,00');
    const csv = invoiceCsv([row({ receiver: '+Kunta' })]);
    expect(csv).toContain(";'+Kunta;");
  });

  test('the download is named by the year', () => {
    expect(invoiceCsvFileName(2026)).toBe('tym-laskutus-2026.csv');
  });
});
