/**
 * Invoice data (issue 12): the invoices of a run as rows, and as a CSV file for a sales-invoicing
 * system and for Finnish Excel.
 *
 * The format follows what Excel in Finnish regional settings opens by a double click:
 * - UTF-8 with a byte order mark: without it Excel reads a .csv in the system's ANSI code page
 *   (Windows-1252), and "ä" comes out as "Ã¤"; with EF BB BF it reads UTF-8 (SAP's note on how
 *   Excel recognises text files, wiki.scn.sap.com "Excel files - CSV format": BOM EF BB BF = UTF-8,
 *   else "the current PC locale encoding").
 * - ";" between fields: Excel splits a double-clicked .csv at the list separator of the regional
 *   settings ("If this argument is omitted, the current delimiter is used", Workbooks.Open, Format;
 *   "Local ... including control panel settings"), which is ";" in Finnish settings, where "," is
 *   the decimal separator.
 * - amounts with a decimal comma and two decimals, no thousands separator ("1234,50"): a number in
 *   Finnish settings; "1234.50" would stay text or become a date there.
 * - dates as d.m.yyyy ("15.1.2026"), the Finnish short date Excel and LibreOffice read as dates.
 * - CRLF line ends and RFC 4180 quoting (a field with ; " or a line break in double quotes).
 * LibreOffice opens the same file with these settings (test/app/invoiceCsv.slow.test.ts).
 */
import type { Allocation } from '../domain/allocate';
import { euros } from '../domain/decimal';
import { isoDate } from '../domain/dates';
import { computeInvoicing } from '../domain/invoicing';
import { invoiceRows } from '../domain/invoiceRows';
import type { InputModel } from '../domain/types';
import type { BudgetKeySummary, InvoiceRowSummary } from './api';

/** The key source of every budget group of pool b (issue 12), for the pane's note. */
export function summariseBudgetKeys(alloc: Allocation): BudgetKeySummary[] {
  return alloc.groups
    .filter((g) => g.kind === 'TA' && g.pool === 'b' && g.keySource !== 'staff')
    .map((g) => ({
      event: g.event,
      source: g.keySource as BudgetKeySummary['source'],
      year: g.keySource === 'previous-year' ? alloc.poolB.previousYear : alloc.year,
    }));
}

/** The invoices and credit notes of a run, as plain strings (no float touches money). */
export function summariseInvoiceRows(model: InputModel, alloc: Allocation): InvoiceRowSummary[] {
  return invoiceRows(model, computeInvoicing(model, alloc)).map((r) => ({
    no: r.no,
    type: r.type,
    receiver: r.receiver,
    businessId: r.businessId,
    kind: r.kind,
    installment: r.installment,
    installments: r.installments,
    invoiceDate: isoDate(r.invoiceDate),
    dueDate: isoDate(r.dueDate),
    amount: euros(r.amount),
    description: r.description,
  }));
}

export const INVOICE_CSV_HEADERS = ['Nro', 'Tyyppi', 'Vastaanottaja', 'Y-tunnus', 'Laskun päivä', 'Eräpäivä', 'Summa', 'Kuvaus'] as const;

const TYPE_WORDS = { invoice: 'Lasku', 'credit-note': 'Hyvityslasku' } as const;

const BOM = '\uFEFF';

/** "2026-01-15" -> "15.1.2026". */
export function finnishDate(iso: string): string {
  const [y, m, d] = iso.split('-').map(Number);
  return `${d}.${m}.${y}`;
}

/** "-1234.50" -> "-1234,50". */
export function finnishAmount(amount: string): string {
  return amount.replace('.', ',');
}

/**
 * One field: quoted when it holds the separator, a quote, a line break or edge spaces. A text that
 * a spreadsheet would take for a formula (= + - @ at the start) gets a leading apostrophe, the
 * usual guard against formula injection (our receiver names cannot start with "=", but "+" or "@"
 * could be typed).
 */
export function csvField(value: string, text = true): string {
  const v = text && /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[;"\r\n]|^\s|\s$/.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
}

/** The whole file: BOM, header row, one row per invoice or credit note, CRLF line ends. */
export function invoiceCsv(rows: readonly InvoiceRowSummary[]): string {
  const lines = [INVOICE_CSV_HEADERS.map((h) => csvField(h)).join(';')];
  for (const r of rows) {
    lines.push(
      [
        csvField(String(r.no), false),
        csvField(TYPE_WORDS[r.type]),
        csvField(r.receiver),
        csvField(r.businessId ?? ''),
        csvField(finnishDate(r.invoiceDate), false),
        csvField(finnishDate(r.dueDate), false),
        csvField(finnishAmount(r.amount), false),
        csvField(r.description),
      ].join(';'),
    );
  }
  return BOM + lines.join('\r\n') + '\r\n';
}

/** A file name for the download: tym-laskutus-2026.csv. */
export function invoiceCsvFileName(year: number): string {
  return `tym-laskutus-${year}.csv`;
}
