/**
 * `tym-allocate invoices FILE [--csv OUT]` (issue 12): the invoices and credit notes of the budget
 * year, from the input tables of FILE (an input or a result workbook), as a table on the screen
 * and, with --csv, as the CSV file for the sales-invoicing system (src/app/invoiceData.ts).
 * Nothing is written when the inputs have errors; FILE is never written.
 */
import * as fs from 'fs';
import * as path from 'path';
import type { InvoiceRowSummary } from '../app/api';
import { finnishDate, invoiceCsv, summariseInvoiceRows } from '../app/invoiceData';
import { hasErrors, validateAndAllocate } from '../app/pipeline';
import type { Lang } from '../domain/problems';
import type { WorkbookPort } from '../workbook/port';
import { finnishEuros, problemList } from './format';

export interface InvoicesArgs {
  file: string;
  /** Where to write the CSV; undefined = only the table on the screen. */
  csv?: string;
  lang: Lang;
}

interface Io {
  out: (s: string) => void;
  err: (s: string) => void;
}

const HEAD: Record<
  Lang,
  { cols: string[]; invoice: string; credit: string; none: string; summary: string; written: string; hint: string; same: string }
> = {
  fi: {
    cols: ['Nro', 'Tyyppi', 'Vastaanottaja', 'Y-tunnus', 'Laskun pvm', 'Eräpäivä', 'Summa €'],
    invoice: 'Lasku',
    credit: 'Hyvitys',
    none: 'Ei laskutettavaa: kaikki ennakot ja tasaukset ovat nolla.',
    summary: 'Laskuja {invoices}, hyvityslaskuja {credits}, yhteensä {total} €',
    written: 'Laskutustiedot kirjoitettu',
    hint: 'CSV-tiedosto laskutusjärjestelmään: lisää --csv TIEDOSTO.csv',
    same: 'CSV-tiedosto ei voi olla sama kuin syöttötiedosto',
  },
  sv: {
    cols: ['Nr', 'Typ', 'Mottagare', 'FO-nummer', 'Fakturadatum', 'Förfallodag', 'Belopp €'],
    invoice: 'Faktura',
    credit: 'Kredit',
    none: 'Inget att fakturera: alla förskott och utjämningar är noll.',
    summary: 'Fakturor {invoices}, kreditfakturor {credits}, totalt {total} €',
    written: 'Faktureringsuppgifterna skrivna',
    hint: 'CSV-fil för faktureringssystemet: lägg till --csv FIL.csv',
    same: 'CSV-filen kan inte vara densamma som indatafilen',
  },
  en: {
    cols: ['No', 'Type', 'Receiver', 'Business ID', 'Invoice date', 'Due date', 'Amount €'],
    invoice: 'Invoice',
    credit: 'Credit',
    none: 'Nothing to invoice: every advance and settlement is zero.',
    summary: 'Invoices {invoices}, credit notes {credits}, total {total} €',
    written: 'Invoice data written',
    hint: 'A CSV file for the invoicing system: add --csv FILE.csv',
    same: 'The CSV file cannot be the input file',
  },
};

/** The rows as a plain-text table, amounts right-aligned in the language's format. */
export function invoiceTable(rows: readonly InvoiceRowSummary[], lang: Lang): string {
  const h = HEAD[lang];
  if (rows.length === 0) return h.none;
  const cells = rows.map((r) => [
    String(r.no),
    r.type === 'invoice' ? h.invoice : h.credit,
    r.receiver,
    r.businessId ?? '',
    finnishDate(r.invoiceDate),
    finnishDate(r.dueDate),
    finnishEuros(r.amount, lang),
  ]);
  const widths = h.cols.map((c, i) => Math.max(c.length, ...cells.map((row) => row[i].length)));
  const right = new Set([0, 6]);
  const line = (row: string[]) =>
    row
      .map((c, i) => (right.has(i) ? c.padStart(widths[i]) : c.padEnd(widths[i])))
      .join('  ')
      .trimEnd();
  const cents = rows.reduce((a, r) => a + BigInt(r.amount.replace('.', '')), 0n);
  const total = `${cents < 0n ? '-' : ''}${(cents < 0n ? -cents : cents) / 100n}.${String((cents < 0n ? -cents : cents) % 100n).padStart(2, '0')}`;
  const summary = h.summary
    .replace('{invoices}', String(rows.filter((r) => r.type === 'invoice').length))
    .replace('{credits}', String(rows.filter((r) => r.type === 'credit-note').length))
    .replace('{total}', finnishEuros(total, lang));
  return [line(h.cols), ...cells.map(line), '', summary].join('\n');
}

export async function cmdInvoices(a: InvoicesArgs, io: Io, load: (file: string) => Promise<WorkbookPort | null>): Promise<number> {
  const h = HEAD[a.lang];
  if (a.csv !== undefined && path.resolve(a.csv) === path.resolve(a.file)) {
    io.err(h.same);
    return 2;
  }
  const wb = await load(a.file);
  if (!wb) return 1;
  const { problems, model, allocation } = validateAndAllocate(await wb.readTables());
  if (problems.length) io.err(problemList(problems, a.lang));
  if (hasErrors(problems) || !model || !allocation) return 1;
  const rows = summariseInvoiceRows(model, allocation);
  io.out(invoiceTable(rows, a.lang));
  if (a.csv === undefined) {
    io.out(`\n${h.hint}`);
    return 0;
  }
  const tmp = path.join(path.dirname(a.csv), `.${path.basename(a.csv)}.${process.pid}.tmp`);
  await fs.promises.writeFile(tmp, invoiceCsv(rows), 'utf8');
  await fs.promises.rename(tmp, a.csv);
  io.out(`\n${h.written}: ${a.csv}`);
  return 0;
}
