/**
 * The invoicing grid's pure part: one row per payer (every municipality, HVA, Kela), the budget
 * net, the advance installments and the settlement (+ invoice / − credit note), and the same as
 * tab-separated text for the clipboard (amounts as the spreadsheet in the UI language takes them).
 */
import type { InvoicingSummary } from '../app/api';
import type { Lang } from '../app/vocabulary';
import { centsOf, plainAmount } from './format';
import type { Translate } from './i18n';
import { receiverLabel } from './names';

export const MONTHS: Record<Lang, string[]> = {
  fi: ['tammi', 'helmi', 'maalis', 'huhti', 'touko', 'kesä', 'heinä', 'elo', 'syys', 'loka', 'marras', 'joulu'],
  sv: ['jan', 'feb', 'mar', 'apr', 'maj', 'jun', 'jul', 'aug', 'sep', 'okt', 'nov', 'dec'],
  en: ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'],
};

/** invoice: the payer pays the difference; credit: it gets it back; employer: the others' counterpart. */
export type SettlementKind = 'invoice' | 'credit' | 'zero' | 'employer';

export interface InvoiceRow {
  receiver: string;
  label: string;
  isEmployer: boolean;
  /** Budget net (TA share − what it paid itself). */
  net: string;
  /** Advance installments; empty for the employer (never invoiced to itself). */
  installments: string[];
  /** Present once the year has actual costs. */
  settlement: string | null;
  settlementKind: SettlementKind | null;
}

export interface InstallmentColumn {
  /** 0-based installment. */
  index: number;
  /** "Erä 1 · tammi" */
  label: string;
}

export function installmentColumns(inv: InvoicingSummary, lang: Lang, tr: Translate): InstallmentColumn[] {
  return inv.dueMonths.map((m, i) => ({ index: i, label: tr('colInstallment', { n: i + 1, month: MONTHS[lang][m - 1] }) }));
}

function kindOf(amount: string, isEmployer: boolean): SettlementKind {
  if (isEmployer) return 'employer';
  const c = centsOf(amount) ?? 0n;
  return c > 0n ? 'invoice' : c < 0n ? 'credit' : 'zero';
}

export function invoiceRows(inv: InvoicingSummary, lang: Lang, tr: Translate): InvoiceRow[] {
  return inv.receivers.map((r) => ({
    receiver: r.receiver,
    label: receiverLabel(r.receiver, lang, tr),
    isEmployer: r.isEmployer,
    net: r.taNet,
    installments: r.isEmployer ? [] : r.advances,
    settlement: r.actual ? r.actual.settlement : null,
    settlementKind: r.actual ? kindOf(r.actual.settlement, r.isEmployer) : null,
  }));
}

/** The grid as text for the clipboard: a header row, then one row per payer; tabs between cells. */
export function invoiceTsv(inv: InvoicingSummary, lang: Lang, tr: Translate): string {
  const cols = installmentColumns(inv, lang, tr);
  const hasActual = inv.receivers.some((r) => r.actual);
  const header = [tr('colPayer'), tr('colNet'), ...cols.map((c) => c.label), ...(hasActual ? [tr('colSettlement')] : [])];
  const rows = invoiceRows(inv, lang, tr).map((r) => [
    r.label,
    plainAmount(r.net, lang),
    ...cols.map((c) => (r.isEmployer ? '' : plainAmount(r.installments[c.index] ?? '', lang))),
    ...(hasActual ? [r.settlement === null ? '' : plainAmount(r.settlement, lang)] : []),
  ]);
  return [header, ...rows].map((cells) => cells.map((c) => c.replace(/[\t\r\n]+/g, ' ')).join('\t')).join('\r\n');
}
