/**
 * The invoice data of a run as a CSV file for the sales-invoicing system (issue 12): a download
 * and, where the add-in's web view does not download (Office for Mac's WKWebView refuses it by
 * design, office-js issue #2700; Excel on the web and Windows download), a copy to the clipboard.
 * The same rows stand on the sheet TYM_Laskurivit, which Excel can also save as CSV.
 *
 * Its texts are kept here in Finnish, Swedish and English (one small component, added beside the
 * pane's own dictionary in src/taskpane/i18n.ts; the type checker keeps the three key sets equal).
 */
import * as React from 'react';
import { Button, Text } from '@fluentui/react-components';
import type { InvoiceRowSummary } from '../../app/api';
import { invoiceCsv, invoiceCsvFileName } from '../../app/invoiceData';
import type { Lang } from '../../app/vocabulary';

const fi = {
  heading: 'Laskutustiedot laskutusjärjestelmään',
  count: 'Vuosi {year}: laskuja {invoices}, hyvityslaskuja {credits}.',
  none: 'Ei laskutettavaa: kaikki ennakot ja tasaukset ovat nolla.',
  download: 'Lataa CSV-tiedosto',
  copy: 'Kopioi leikepöydälle',
  copied: 'Laskutustiedot kopioitu leikepöydälle.',
  copyFailed: 'Kopiointi ei onnistunut. Tallenna välilehti TYM_Laskurivit CSV-muodossa (Tiedosto > Tallenna nimellä > CSV UTF-8).',
  hint: 'UTF-8, puolipiste erottimena, summat desimaalipilkulla: avautuu suomenkieliseen Exceliin sellaisenaan. Samat rivit ovat välilehdellä TYM_Laskurivit.',
};
type Key = keyof typeof fi;
const sv: Record<Key, string> = {
  heading: 'Faktureringsuppgifter för faktureringssystemet',
  count: 'År {year}: fakturor {invoices}, kreditfakturor {credits}.',
  none: 'Inget att fakturera: alla förskott och utjämningar är noll.',
  download: 'Ladda ned CSV-fil',
  copy: 'Kopiera till urklipp',
  copied: 'Faktureringsuppgifterna har kopierats till urklipp.',
  copyFailed: 'Kopieringen lyckades inte. Spara bladet TYM_Laskurivit som CSV (Arkiv > Spara som > CSV UTF-8).',
  hint: 'UTF-8, semikolon som avgränsare, belopp med decimalkomma: öppnas direkt i finsk- och svenskspråkig Excel med finländska inställningar. Samma rader finns på bladet TYM_Laskurivit.',
};
const en: Record<Key, string> = {
  heading: 'Invoice data for the invoicing system',
  count: '{year}: invoices {invoices}, credit notes {credits}.',
  none: 'Nothing to invoice: every advance and settlement is zero.',
  download: 'Download CSV file',
  copy: 'Copy to clipboard',
  copied: 'The invoice data was copied to the clipboard.',
  copyFailed: 'Copying failed. Save the sheet TYM_Laskurivit as CSV (File > Save As > CSV UTF-8).',
  hint: 'UTF-8, semicolon separator, amounts with a decimal comma: opens as such in Excel with Finnish regional settings. The same rows are on the sheet TYM_Laskurivit.',
};
const TEXTS: Record<Lang, Record<Key, string>> = { fi, sv, en };

export function invoiceText(lang: Lang, key: Key, params: Record<string, string | number> = {}): string {
  return TEXTS[lang][key].replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}

/** The CSV as a data: URL (Office web views that refuse blob: downloads accept these more often). */
export function csvDataUrl(csv: string): string {
  return `data:text/csv;charset=utf-8,${encodeURIComponent(csv)}`;
}

export interface InvoiceCsvDownloadProps {
  rows: readonly InvoiceRowSummary[];
  year: number;
  lang: Lang;
}

export function InvoiceCsvDownload({ rows, year, lang }: InvoiceCsvDownloadProps): React.ReactElement {
  const [status, setStatus] = React.useState<'copied' | 'copyFailed' | null>(null);
  const csv = React.useMemo(() => invoiceCsv(rows), [rows]);
  const tx = (key: Key, params?: Record<string, string | number>) => invoiceText(lang, key, params);
  const invoices = rows.filter((r) => r.type === 'invoice').length;
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(csv.replace(/^\uFEFF/, ''));
      setStatus('copied');
    } catch {
      setStatus('copyFailed');
    }
  };
  return (
    <div className="tym-kind" data-testid="invoice-csv">
      <h3 id="invoice-csv-heading" className="tym-h3">
        {tx('heading')}
      </h3>
      {rows.length === 0 ? (
        <Text>{tx('none')}</Text>
      ) : (
        <>
          <Text data-testid="invoice-csv-count">{tx('count', { invoices, credits: rows.length - invoices, year })}</Text>
          <div className="tym-stack">
            <Button
              as="a"
              appearance="primary"
              size="small"
              href={csvDataUrl(csv)}
              download={invoiceCsvFileName(year)}
              data-testid="invoice-csv-download"
            >
              {tx('download')}
            </Button>
            <Button size="small" onClick={() => void copy()} data-testid="invoice-csv-copy">
              {tx('copy')}
            </Button>
          </div>
          <Text size={200}>{tx('hint')}</Text>
          <div role="status" aria-live="polite">
            {status ? <Text data-testid="invoice-csv-status">{tx(status)}</Text> : null}
          </div>
        </>
      )}
    </div>
  );
}
