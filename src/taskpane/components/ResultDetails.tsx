/**
 * The result in detail: per kind, the parties' and municipalities' shares with charts, where the
 * development days' budget took its key, the invoicing, and its invoice data as a CSV (issue 12).
 */
import * as React from 'react';
import { Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, Text } from '@fluentui/react-components';
import type { KindSummary, RunSummary } from '../../app/api';
import type { Lang } from '../../app/vocabulary';
import { formatEuro } from '../format';
import type { Translate } from '../i18n';
import { receiverLabel } from '../names';
import type { Freshness } from '../state';
import { BarChart } from './BarChart';
import { BudgetKeyNote } from './BudgetKeyNote';
import { InvoiceCsvDownload } from './InvoiceCsvDownload';
import { InvoicingGrid } from './InvoicingGrid';

export interface ResultDetailsProps {
  summary: RunSummary;
  freshness: Freshness;
  lang: Lang;
  tr: Translate;
  /** Room for more invoicing actions (e.g. a CSV download) beside "copy". */
  invoicingActions?: React.ReactNode;
}

export function ResultDetails({ summary, freshness, lang, tr, invoicingActions }: ResultDetailsProps): React.ReactElement {
  return (
    <section aria-labelledby="summary-heading" className="tym-section" data-testid="summary" data-freshness={freshness}>
      <h2 id="summary-heading" className="tym-h2">
        {tr('summaryHeading', { year: summary.year })}
      </h2>
      {freshness === 'stale' ? <Text className="tym-stale-line">{tr('detailsStale')}</Text> : null}
      {summary.kinds.map((k) => (
        <KindBlock key={k.kind} kind={k} lang={lang} tr={tr} />
      ))}
      {summary.budgetKeys ? <BudgetKeyNote keys={summary.budgetKeys} tr={tr} /> : null}
      <InvoicingGrid invoicing={summary.invoicing} lang={lang} tr={tr} actions={invoicingActions} />
      {summary.invoiceRows ? <InvoiceCsvDownload rows={summary.invoiceRows} year={summary.year} tr={tr} freshness={freshness} /> : null}
    </section>
  );
}

function KindBlock({ kind, lang, tr }: { kind: KindSummary; lang: Lang; tr: Translate }): React.ReactElement {
  const kindLabel = tr(kind.kind === 'TA' ? 'kindTA' : 'kindTOT');
  const parties = kind.receivers.filter((r) => r.level === 'party');
  const munis = kind.receivers.filter((r) => r.level === 'municipality');
  const headingId = `kind-${kind.kind}`;
  const row = (r: { receiver: string; level: 'party' | 'municipality'; amount: string }) => (
    <TableRow key={`${r.level}-${r.receiver}`} data-receiver={r.receiver} data-level={r.level}>
      <TableCell>{receiverLabel(r.receiver, lang, tr)}</TableCell>
      <TableCell className="tym-amount" data-amount={r.amount}>
        {formatEuro(r.amount, lang)}
      </TableCell>
    </TableRow>
  );
  return (
    <div className="tym-kind" data-kind={kind.kind}>
      <h3 id={headingId} className="tym-h3">
        {kindLabel}
      </h3>
      <Text data-testid={`total-${kind.kind}`} data-amount={kind.total}>
        {tr('kindTotal', { amount: formatEuro(kind.total, lang) })}
      </Text>
      <Table aria-labelledby={headingId} size="small" className="tym-table">
        <TableHeader>
          <TableRow>
            <TableHeaderCell>{tr('colReceiver')}</TableHeaderCell>
            <TableHeaderCell className="tym-amount-head">{tr('colAmount')}</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          <TableRow className="tym-group-row">
            <TableCell colSpan={2}>
              <strong>{tr('levelParties')}</strong>
            </TableCell>
          </TableRow>
          {parties.map(row)}
          {munis.length ? (
            <TableRow className="tym-group-row">
              <TableCell colSpan={2}>
                <strong>{tr('levelMunicipalities')}</strong>
              </TableCell>
            </TableRow>
          ) : null}
          {munis.map(row)}
        </TableBody>
      </Table>
      <BarChart
        id={`chart-parties-${kind.kind}`}
        title={tr('chartPartiesTitle', { kind: kindLabel })}
        items={parties.map((p) => ({ label: receiverLabel(p.receiver, lang, tr), amount: p.amount }))}
        lang={lang}
        tr={tr}
      />
      {munis.length ? (
        <BarChart
          id={`chart-municipalities-${kind.kind}`}
          title={tr('chartMunicipalitiesTitle', { kind: kindLabel })}
          items={munis.map((m) => ({ label: receiverLabel(m.receiver, lang, tr), amount: m.amount }))}
          lang={lang}
          tr={tr}
        />
      ) : null}
    </div>
  );
}
