/** The result of a run: per kind, the parties' and municipalities' shares, a chart and the master check. */
import * as React from 'react';
import {
  Badge,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
} from '@fluentui/react-components';
import type { InvoicingSummary, KindSummary, RunReport } from '../../app/api';
import type { Lang } from '../../app/vocabulary';
import { formatEuro } from '../format';
import type { MessageKey, Translate } from '../i18n';
import { BarChart } from './BarChart';
import { BudgetKeyNote } from './BudgetKeyNote';
import { InvoiceCsvDownload } from './InvoiceCsvDownload';

const PARTY_LABELS: Record<string, MessageKey> = { TVA: 'partyTVA', HVA: 'partyHVA', KELA: 'partyKELA' };

export function receiverLabel(receiver: string, level: 'party' | 'municipality', tr: Translate): string {
  return level === 'party' && PARTY_LABELS[receiver] ? tr(PARTY_LABELS[receiver]) : receiver;
}

export interface SummaryProps {
  summary: NonNullable<RunReport['summary']>;
  lang: Lang;
  tr: Translate;
}

export function Summary({ summary, lang, tr }: SummaryProps): React.ReactElement {
  return (
    <section aria-labelledby="summary-heading" className="tym-section" data-testid="summary">
      <h2 id="summary-heading" className="tym-h2">{tr('summaryHeading', { year: summary.year })}</h2>
      <div className="tym-stack">
        <Badge
          appearance="filled"
          color={summary.masterCheck ? 'success' : 'danger'}
          size="large"
          data-testid="master-check"
          data-ok={summary.masterCheck ? 'yes' : 'no'}
        >
          {summary.masterCheck ? tr('masterCheckOk') : tr('masterCheckFailed')}
        </Badge>
        <Text size={200}>{tr('masterCheckHint')}</Text>
      </div>
      {summary.kinds.map((k) => (
        <KindBlock key={k.kind} kind={k} lang={lang} tr={tr} />
      ))}
      {summary.budgetKeys ? <BudgetKeyNote keys={summary.budgetKeys} lang={lang} /> : null}
      <InvoicingBlock invoicing={summary.invoicing} lang={lang} tr={tr} />
      {summary.invoiceRows ? <InvoiceCsvDownload rows={summary.invoiceRows} year={summary.year} lang={lang} /> : null}
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
      <TableCell>{receiverLabel(r.receiver, r.level, tr)}</TableCell>
      <TableCell className="tym-amount" data-amount={r.amount}>{formatEuro(r.amount, lang)}</TableCell>
    </TableRow>
  );
  return (
    <div className="tym-kind" data-kind={kind.kind}>
      <h3 id={headingId} className="tym-h3">{kindLabel}</h3>
      <Text data-testid={`total-${kind.kind}`} data-amount={kind.total}>{tr('kindTotal', { amount: formatEuro(kind.total, lang) })}</Text>
      <Table aria-labelledby={headingId} size="small" className="tym-table">
        <TableHeader>
          <TableRow>
            <TableHeaderCell>{tr('colReceiver')}</TableHeaderCell>
            <TableHeaderCell className="tym-amount">{tr('colAmount')}</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          <TableRow className="tym-group-row">
            <TableCell colSpan={2}><strong>{tr('levelParties')}</strong></TableCell>
          </TableRow>
          {parties.map(row)}
          {munis.length ? (
            <TableRow className="tym-group-row">
              <TableCell colSpan={2}><strong>{tr('levelMunicipalities')}</strong></TableCell>
            </TableRow>
          ) : null}
          {munis.map(row)}
        </TableBody>
      </Table>
      <BarChart
        id={`chart-parties-${kind.kind}`}
        title={tr('chartPartiesTitle', { kind: kindLabel })}
        items={parties.map((p) => ({ label: receiverLabel(p.receiver, 'party', tr), amount: p.amount }))}
        lang={lang}
        tr={tr}
      />
      {munis.length ? (
        <BarChart
          id={`chart-municipalities-${kind.kind}`}
          title={tr('chartMunicipalitiesTitle', { kind: kindLabel })}
          items={munis.map((m) => ({ label: m.receiver, amount: m.amount }))}
          lang={lang}
          tr={tr}
        />
      ) : null}
    </div>
  );
}

const MONTHS: Record<Lang, string[]> = {
  fi: ['tammi', 'helmi', 'maalis', 'huhti', 'touko', 'kesä', 'heinä', 'elo', 'syys', 'loka', 'marras', 'joulu'],
  sv: ['jan', 'feb', 'mar', 'apr', 'maj', 'jun', 'jul', 'aug', 'sep', 'okt', 'nov', 'dec'],
  en: ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'],
};

/** Per receiver: the net to invoice on the budget, its installments, and the settlement once actuals exist. */
function InvoicingBlock({ invoicing, lang, tr }: { invoicing: InvoicingSummary; lang: Lang; tr: Translate }): React.ReactElement {
  const hasActual = invoicing.receivers.some((r) => r.actual);
  const label = (r: InvoicingSummary['receivers'][number]) => receiverLabel(r.receiver, r.receiver === 'HVA' || r.receiver === 'KELA' ? 'party' : 'municipality', tr);
  return (
    <div className="tym-kind" data-testid="invoicing">
      <h3 id="invoicing-heading" className="tym-h3">{tr('invoicingHeading')}</h3>
      <Text size={200}>{tr('invoicingHint', { employer: invoicing.employer, count: invoicing.dueMonths.length })}</Text>
      <Table aria-labelledby="invoicing-heading" size="small" className="tym-table">
        <TableHeader>
          <TableRow>
            <TableHeaderCell>{tr('colReceiver')}</TableHeaderCell>
            <TableHeaderCell className="tym-amount">{tr('colNet')}</TableHeaderCell>
            {hasActual ? <TableHeaderCell className="tym-amount">{tr('colSettlement')}</TableHeaderCell> : null}
          </TableRow>
        </TableHeader>
        <TableBody>
          {invoicing.receivers.map((r) => (
            <TableRow key={r.receiver} data-receiver={r.receiver}>
              <TableCell>
                {label(r)}
                <br />
                <Text size={100}>
                  {r.isEmployer
                    ? tr('employerNotInvoiced')
                    : r.advances
                        .map((a, i) => `${tr('installmentDue', { n: i + 1, month: MONTHS[lang][invoicing.dueMonths[i] - 1] })}: ${formatEuro(a, lang)}`)
                        .join(', ')}
                </Text>
              </TableCell>
              <TableCell className="tym-amount" data-amount={r.taNet}>{formatEuro(r.taNet, lang)}</TableCell>
              {hasActual ? (
                <TableCell className="tym-amount" data-amount={r.actual?.settlement ?? ''}>
                  {r.actual ? formatEuro(r.actual.settlement, lang) : ''}
                </TableCell>
              ) : null}
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </div>
  );
}
