/**
 * `tym-allocate invoices FILE [--csv OUT] [--force]` (issue 12): the invoices and credit notes of the
 * budget year, from the input tables of FILE (an input or a result workbook), as a table on the
 * screen and, with --csv, as the CSV file for the sales-invoicing system (src/app/invoiceData.ts).
 *
 * The command line's rules (src/cli/files.ts): FILE is opened with one message per reason it cannot
 * be read; OUT is checked before any work (its folder, not a folder or device, never FILE itself
 * also through a link, a .csv name, and someone's existing file only with --force: an earlier
 * invoice CSV of this program, recognised by its first line, is replaced); the write is atomic.
 * Nothing is written when the inputs have errors. Texts in Finnish, Swedish or English (--lang).
 */
import * as fs from 'fs';
import * as path from 'path';
import type { InvoiceRowSummary } from '../app/api';
import { finnishDate, invoiceCsv, invoiceCsvFileName, summariseInvoiceRows } from '../app/invoiceData';
import { hasErrors, validateAndAllocate } from '../app/pipeline';
import type { Lang } from '../domain/problems';
import { EXIT, langOf, UsageError, type Args, type Io } from './commands';
import { checkTarget, CliRefusal, openInput, writeAtomically, writeFailure } from './files';
import { finnishEuros, problemList } from './format';

const HEAD: Record<
  Lang,
  { cols: string[]; invoice: string; credit: string; none: string; summary: string; written: string; hint: string; extension: string }
> = {
  fi: {
    cols: ['Nro', 'Tyyppi', 'Vastaanottaja', 'Y-tunnus', 'Laskun pvm', 'Eräpäivä', 'Summa €'],
    invoice: 'Lasku',
    credit: 'Hyvitys',
    none: 'Ei laskutettavaa: kaikki ennakot ja tasaukset ovat nolla.',
    summary: 'Laskuja {invoices}, hyvityslaskuja {credits}, yhteensä {total} €',
    written: 'Laskutustiedot kirjoitettu',
    hint: 'CSV-tiedosto laskutusjärjestelmään: lisää --csv TIEDOSTO.csv',
    extension:
      'Laskutustiedoston {out} pääte ei ole .csv: suomenkielinen Excel avaa laskutustiedot kaksoisnapsautuksella vain .csv-tiedostona. Anna --csv-valinnalle nimi, joka päättyy .csv.',
  },
  sv: {
    cols: ['Nr', 'Typ', 'Mottagare', 'FO-nummer', 'Fakturadatum', 'Förfallodag', 'Belopp €'],
    invoice: 'Faktura',
    credit: 'Kredit',
    none: 'Inget att fakturera: alla förskott och utjämningar är noll.',
    summary: 'Fakturor {invoices}, kreditfakturor {credits}, totalt {total} €',
    written: 'Faktureringsuppgifterna skrivna',
    hint: 'CSV-fil för faktureringssystemet: lägg till --csv FIL.csv',
    extension:
      'Faktureringsfilen {out} har inte ändelsen .csv: Excel med finländska inställningar öppnar faktureringsuppgifterna med ett dubbelklick bara som en .csv-fil. Ange med --csv ett namn som slutar på .csv.',
  },
  en: {
    cols: ['No', 'Type', 'Receiver', 'Business ID', 'Invoice date', 'Due date', 'Amount €'],
    invoice: 'Invoice',
    credit: 'Credit',
    none: 'Nothing to invoice: every advance and settlement is zero.',
    summary: 'Invoices {invoices}, credit notes {credits}, total {total} €',
    written: 'Invoice data written',
    hint: 'A CSV file for the invoicing system: add --csv FILE.csv',
    extension:
      'The invoice file {out} does not end in .csv: Excel with Finnish regional settings opens the invoice data by a double click only as a .csv file. Give --csv a name ending in .csv.',
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

/** True when `file` begins as an invoice CSV of this program does (its byte order mark and header row). */
async function isEarlierCsv(file: string): Promise<boolean> {
  const head = invoiceCsv([]);
  let handle: fs.promises.FileHandle | undefined;
  try {
    handle = await fs.promises.open(file, 'r');
    const want = Buffer.from(head, 'utf8');
    const got = Buffer.alloc(want.length);
    const { bytesRead } = await handle.read(got, 0, want.length, 0);
    return bytesRead === want.length && got.equals(want);
  } catch {
    return false;
  } finally {
    await handle?.close().catch(() => undefined);
  }
}

export async function cmdInvoices(args: Args, io: Io): Promise<number> {
  const lang = langOf(args);
  if (!args.file) throw new UsageError(`${args.command}: tiedosto puuttuu / FILE missing`);
  const file = args.file;
  const h = HEAD[lang];
  const csv = args.flags.get('--csv') as string | undefined;
  const wb = await openInput(file, lang);
  if (csv !== undefined) {
    await checkTarget(csv, file, {
      force: args.flags.has('--force'),
      lang,
      option: '--csv',
      isEarlier: isEarlierCsv,
      suggestion: invoiceCsvFileName(new Date().getFullYear()),
    });
    if (path.extname(csv).toLowerCase() !== '.csv') throw new CliRefusal(h.extension.replace('{out}', csv), 2);
  }
  const { problems, model, allocation } = validateAndAllocate(await wb.readTables());
  if (problems.length) io.err(problemList(problems, lang));
  if (hasErrors(problems) || !model || !allocation) return EXIT.input;
  const rows = summariseInvoiceRows(model, allocation);
  io.out(invoiceTable(rows, lang));
  if (csv === undefined) {
    io.out(`\n${h.hint}`);
    return EXIT.ok;
  }
  try {
    await writeAtomically(csv, Buffer.from(invoiceCsv(rows), 'utf8'));
  } catch (e) {
    throw writeFailure(csv, e, lang);
  }
  io.out(`\n${h.written}: ${csv}`);
  return EXIT.ok;
}
