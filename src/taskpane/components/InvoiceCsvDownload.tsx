/**
 * The invoice data of a run as a CSV file for the sales-invoicing system (issue 12): a download
 * and, where the add-in's web view does not download (Office for Mac's WKWebView refuses it by
 * design, office-js issue #2700; Excel on the web and Windows download), a copy to the clipboard.
 * The same rows stand on the sheet TYM_Laskurivit, which Excel can also save as CSV.
 *
 * A result marked stale (the inputs changed since the run) offers no file: invoice data that no
 * longer matches the workbook is not handed on; the line says to calculate again.
 */
import * as React from 'react';
import { Button, Text } from '@fluentui/react-components';
import type { InvoiceRowSummary } from '../../app/api';
import { invoiceCsv, invoiceCsvFileName } from '../../app/invoiceData';
import type { Translate } from '../i18n';
import type { Freshness } from '../state';

/** The CSV as a data: URL (Office web views that refuse blob: downloads accept these more often). */
export function csvDataUrl(csv: string): string {
  return `data:text/csv;charset=utf-8,${encodeURIComponent(csv)}`;
}

export interface InvoiceCsvDownloadProps {
  rows: readonly InvoiceRowSummary[];
  year: number;
  tr: Translate;
  /** The result's freshness (src/taskpane/state.ts); 'stale' withholds the file. Default current. */
  freshness?: Freshness;
}

export function InvoiceCsvDownload({ rows, year, tr, freshness = 'current' }: InvoiceCsvDownloadProps): React.ReactElement {
  const [status, setStatus] = React.useState<'invoiceCsvCopied' | 'invoiceCsvCopyFailed' | null>(null);
  const csv = React.useMemo(() => invoiceCsv(rows), [rows]);
  const invoices = rows.filter((r) => r.type === 'invoice').length;
  const stale = freshness === 'stale';
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(csv.replace(/^\uFEFF/, ''));
      setStatus('invoiceCsvCopied');
    } catch {
      setStatus('invoiceCsvCopyFailed');
    }
  };
  return (
    <div className="tym-kind" data-testid="invoice-csv" data-freshness={freshness}>
      <h3 id="invoice-csv-heading" className="tym-h3">
        {tr('invoiceCsvHeading')}
      </h3>
      {rows.length === 0 ? (
        <Text>{tr('invoiceCsvNone')}</Text>
      ) : (
        <>
          <Text data-testid="invoice-csv-count">{tr('invoiceCsvCount', { invoices, credits: rows.length - invoices, year })}</Text>
          {stale ? (
            <Text className="tym-stale-line" data-testid="invoice-csv-stale">
              {tr('invoiceCsvStale')}
            </Text>
          ) : (
            <div className="tym-stack">
              <Button
                as="a"
                appearance="primary"
                size="small"
                href={csvDataUrl(csv)}
                download={invoiceCsvFileName(year)}
                data-testid="invoice-csv-download"
              >
                {tr('invoiceCsvDownload')}
              </Button>
              <Button size="small" onClick={() => void copy()} data-testid="invoice-csv-copy">
                {tr('invoiceCsvCopy')}
              </Button>
            </div>
          )}
          <Text size={200}>{tr('invoiceCsvHint')}</Text>
          <div role="status" aria-live="polite">
            {status && !stale ? <Text data-testid="invoice-csv-status">{tr(status)}</Text> : null}
          </div>
        </>
      )}
    </div>
  );
}
