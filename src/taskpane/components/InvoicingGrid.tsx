/**
 * The invoicing as a grid: one row per payer, the budget net, the settlement (+ invoice /
 * − credit note) and each advance installment with its due month. At 320 px the payer, net and
 * settlement stay in view and the installments scroll sideways inside the grid's own region;
 * "copy" puts the whole grid on the clipboard for pasting into a sheet.
 */
import * as React from 'react';
import {
  Button,
  createTableColumn,
  DataGrid,
  DataGridBody,
  DataGridCell,
  DataGridHeader,
  DataGridHeaderCell,
  DataGridRow,
  Text,
  type TableColumnDefinition,
} from '@fluentui/react-components';
import type { InvoicingSummary } from '../../app/api';
import type { Lang } from '../../app/vocabulary';
import { formatAmount } from '../format';
import type { MessageKey, Translate } from '../i18n';
import { installmentColumns, invoiceRows, invoiceTsv, type InvoiceRow, type SettlementKind } from '../invoicing';
import { municipalityName } from '../names';
import { CopyIcon } from './icons';

export interface InvoicingGridProps {
  invoicing: InvoicingSummary;
  lang: Lang;
  tr: Translate;
  /** More actions beside "copy" (a CSV download, for one). */
  actions?: React.ReactNode;
}

/** Soft hyphens at the compound boundaries of the long party names, so a narrow column breaks them where a reader would. */
function breakable(label: string): string {
  return label.replace(/(Hyvinvointi|Työllisyys|Välfärds|Sysselsättnings)(alue|område)/, '$1\u00ad$2');
}

const SETTLEMENT_KEYS: Record<SettlementKind, MessageKey> = {
  invoice: 'settlementInvoice',
  credit: 'settlementCredit',
  zero: 'settlementZero',
  employer: 'settlementEmployer',
};

/** Text onto the clipboard: the async Clipboard API where the host allows it, else a selected textarea. */
async function copyText(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    const area = document.createElement('textarea');
    area.value = text;
    area.setAttribute('readonly', '');
    area.style.position = 'fixed';
    area.style.opacity = '0';
    document.body.appendChild(area);
    area.select();
    try {
      return document.execCommand('copy');
    } catch {
      return false;
    } finally {
      area.remove();
    }
  }
}

export function InvoicingGrid({ invoicing, lang, tr, actions }: InvoicingGridProps): React.ReactElement {
  const rows = invoiceRows(invoicing, lang, tr);
  const installments = installmentColumns(invoicing, lang, tr);
  const hasActual = rows.some((r) => r.settlement !== null);
  const [copied, setCopied] = React.useState<MessageKey | null>(null);
  const amount = (text: string) => (
    <span className="tym-amount" data-amount={text}>
      {formatAmount(text, lang)}
    </span>
  );

  const columns: TableColumnDefinition<InvoiceRow>[] = [
    createTableColumn<InvoiceRow>({
      columnId: 'payer',
      renderHeaderCell: () => tr('colPayer'),
      renderCell: (r) => (
        <span className="tym-payer">
          {breakable(r.label)}
          {r.isEmployer ? (
            <Text size={100} className="tym-subtle">
              {tr('employerMark')}
            </Text>
          ) : null}
        </span>
      ),
    }),
    createTableColumn<InvoiceRow>({ columnId: 'net', renderHeaderCell: () => tr('colNet'), renderCell: (r) => amount(r.net) }),
    ...(hasActual
      ? [
          createTableColumn<InvoiceRow>({
            columnId: 'settlement',
            renderHeaderCell: () => tr('colSettlement'),
            renderCell: (r) =>
              r.settlement === null ? null : (
                <span className="tym-settlement" data-settlement={r.settlementKind ?? ''}>
                  {amount(r.settlement)}
                  <Text size={100} className="tym-subtle">
                    {tr(SETTLEMENT_KEYS[r.settlementKind ?? 'zero'])}
                  </Text>
                </span>
              ),
          }),
        ]
      : []),
    ...installments.map((c) =>
      createTableColumn<InvoiceRow>({
        columnId: `i${c.index}`,
        renderHeaderCell: () => c.label,
        renderCell: (r) => (r.isEmployer ? <span className="tym-amount">{tr('notInvoiced')}</span> : amount(r.installments[c.index] ?? '')),
      }),
    ),
  ];
  const numeric = (id: string | number) => id !== 'payer';

  const copy = async () => setCopied((await copyText(invoiceTsv(invoicing, lang, tr))) ? 'invoicingCopied' : 'invoicingCopyFailed');

  return (
    <div className="tym-kind" data-testid="invoicing">
      <h3 id="invoicing-heading" className="tym-h3">
        {tr('invoicingHeading')}
      </h3>
      <Text size={200}>
        {tr(invoicing.dueMonths.length === 1 ? 'invoicingHintOne' : 'invoicingHint', {
          employer: municipalityName(invoicing.employer, lang),
          count: invoicing.dueMonths.length,
        })}
      </Text>
      <Text size={200} className="tym-subtle">
        {tr('invoicingUnit')}
      </Text>
      <div className="tym-scroll-x" role="region" aria-labelledby="invoicing-heading" tabIndex={0} data-testid="invoicing-scroll">
        <DataGrid
          items={rows}
          columns={columns}
          getRowId={(r: InvoiceRow) => r.receiver}
          size="small"
          focusMode="none"
          aria-labelledby="invoicing-heading"
          className="tym-grid"
          style={{ minWidth: `${5.75 + (columns.length - 1) * 5.25}rem` }}
        >
          <DataGridHeader>
            <DataGridRow>
              {({ renderHeaderCell, columnId }) => (
                <DataGridHeaderCell className={numeric(columnId) ? 'tym-grid-num tym-grid-head' : 'tym-grid-first tym-grid-head'}>
                  {renderHeaderCell()}
                </DataGridHeaderCell>
              )}
            </DataGridRow>
          </DataGridHeader>
          <DataGridBody<InvoiceRow>>
            {({ item, rowId }) => (
              <DataGridRow<InvoiceRow> key={rowId} data-receiver={item.receiver}>
                {({ renderCell, columnId }) => (
                  <DataGridCell className={numeric(columnId) ? 'tym-grid-num' : 'tym-grid-first'} data-column={String(columnId)}>
                    {renderCell(item)}
                  </DataGridCell>
                )}
              </DataGridRow>
            )}
          </DataGridBody>
        </DataGrid>
      </div>
      <Text size={200} id="invoicing-employer-note">
        {tr('invoicingEmployerNote', { employer: municipalityName(invoicing.employer, lang) })}
      </Text>
      <div className="tym-actions">
        <Button appearance="secondary" icon={<CopyIcon />} onClick={copy} data-testid="copy-invoicing">
          {tr('invoicingCopy')}
        </Button>
        {actions}
      </div>
      <Text size={200} role="status" data-testid="copy-status">
        {copied ? tr(copied) : ''}
      </Text>
    </div>
  );
}
