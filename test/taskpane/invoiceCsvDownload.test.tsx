/** The pane's invoice CSV download (issue 12): what is rendered in each language, and the file it offers. */
import { html } from '../support/render';
import type { InvoiceRowSummary, RunReport } from '../../src/app/api';
import { csvDataUrl, InvoiceCsvDownload } from '../../src/taskpane/components/InvoiceCsvDownload';
import { ResultDetails } from '../../src/taskpane/components/ResultDetails';
import { translator } from '../../src/taskpane/i18n';
import type { Lang } from '../../src/app/vocabulary';

const text = (h: string) =>
  h
    .replace(/<style[^>]*>[\s\S]*?<\/style>/g, '')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ');

const rows: InvoiceRowSummary[] = [
  {
    no: 1,
    type: 'invoice',
    receiver: 'Hyvinkää',
    businessId: null,
    kind: 'advance',
    installment: 1,
    installments: 1,
    invoiceDate: '2026-01-01',
    dueDate: '2026-01-15',
    amount: '1234.50',
    description: 'TYM-yhteistyö 2026, ennakkoerä 1/1',
  },
  {
    no: 2,
    type: 'credit-note',
    receiver: 'HVA',
    businessId: '0246246-0',
    kind: 'settlement',
    installment: null,
    installments: 1,
    invoiceDate: '2027-01-01',
    dueDate: '2027-01-15',
    amount: '-5.00',
    description: 'TYM-yhteistyö 2026, tasaus, hyvitys',
  },
];

const hrefOf = (h: string) => {
  const m =
    /<a[^>]*href="([^"]+)"[^>]*data-testid="invoice-csv-download"|<a[^>]*data-testid="invoice-csv-download"[^>]*href="([^"]+)"/.exec(h);
  return (m?.[1] ?? m?.[2] ?? '').replace(/&amp;/g, '&');
};

test('a download link of the CSV named by the year, and a copy button', () => {
  const h = html(<InvoiceCsvDownload rows={rows} year={2026} tr={translator('fi')} />);
  expect(h).toMatch(/<a[^>]*download="tym-laskutus-2026.csv"/);
  const href = hrefOf(h);
  expect(href.startsWith('data:text/csv;charset=utf-8,')).toBe(true);
  const csv = decodeURIComponent(href.slice('data:text/csv;charset=utf-8,'.length));
  expect(csv.split('\r\n')).toEqual([
    '\uFEFFNro;Tyyppi;Vastaanottaja;Y-tunnus;Laskun päivä;Eräpäivä;Summa;Kuvaus',
    '1;Lasku;Hyvinkää;;1.1.2026;15.1.2026;1234,50;TYM-yhteistyö 2026, ennakkoerä 1/1',
    '2;Hyvityslasku;HVA;0246246-0;1.1.2027;15.1.2027;-5,00;TYM-yhteistyö 2026, tasaus, hyvitys',
    '',
  ]);
  const t = text(h);
  expect(t).toContain('Vuosi 2026: laskuja 1, hyvityslaskuja 1.');
  expect(t).toContain('Lataa CSV-tiedosto');
  expect(t).toContain('Kopioi leikepöydälle');
  expect(h).toMatch(/role="status"/);
});

test.each<[Lang, string, string]>([
  ['fi', 'Laskutustiedot laskutusjärjestelmään', 'Lataa CSV-tiedosto'],
  ['sv', 'Faktureringsuppgifter för faktureringssystemet', 'Ladda ned CSV-fil'],
  ['en', 'Invoice data for the invoicing system', 'Download CSV file'],
])('%s texts', (lang, heading, button) => {
  const t = text(html(<InvoiceCsvDownload rows={rows} year={2026} tr={translator(lang)} />));
  expect(t).toContain(heading);
  expect(t).toContain(button);
  expect(t).not.toMatch(/\{\w+\}/);
});

test('nothing to invoice: says so, offers no empty file', () => {
  const h = html(<InvoiceCsvDownload rows={[]} year={2026} tr={translator('sv')} />);
  expect(text(h)).toContain('Inget att fakturera: alla förskott och utjämningar är noll.');
  expect(h).not.toContain('invoice-csv-download');
});

test('the data URL carries the BOM as UTF-8 bytes', () => {
  expect(csvDataUrl('\uFEFFä')).toBe('data:text/csv;charset=utf-8,%EF%BB%BF%C3%A4');
});

test('a stale result offers no file and says to calculate again', () => {
  const h = html(<InvoiceCsvDownload rows={rows} year={2026} tr={translator('fi')} freshness="stale" />);
  expect(h).not.toContain('invoice-csv-download');
  expect(h).not.toContain('invoice-csv-copy');
  expect(h).not.toContain('data:text/csv');
  expect(text(h)).toContain('Syötteet ovat muuttuneet tämän laskennan jälkeen: laske uudelleen');
  // While the freshness is still being checked, the file of the result shown is offered.
  expect(html(<InvoiceCsvDownload rows={rows} year={2026} tr={translator('fi')} freshness="checking" />)).toContain('invoice-csv-download');
});

test('hooked into the result details under the invoicing, only when the run has invoice rows', () => {
  const summary: NonNullable<RunReport['summary']> = {
    year: 2026,
    masterCheck: true,
    sheets: [],
    invoicing: { period: 'year', dueMonths: [1], employer: 'Järvenpää', receivers: [] },
    kinds: [],
  };
  expect(html(<ResultDetails summary={summary} freshness="current" lang="en" tr={translator('en')} />)).not.toContain('invoice-csv');
  const h = html(<ResultDetails summary={{ ...summary, invoiceRows: rows }} freshness="current" lang="en" tr={translator('en')} />);
  expect(h.indexOf('data-testid="invoicing"')).toBeLessThan(h.indexOf('data-testid="invoice-csv"'));
});
