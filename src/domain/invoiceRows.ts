/**
 * Invoice data (issue 12): one line per invoice or credit note that the administrative employer
 * sends, for the sales-invoicing system. Lines come from the budget year's invoicing (src/domain/
 * invoicing.ts): every advance installment of every receiver, then, once the actuals are known,
 * every settlement. A positive amount is an invoice, a negative one a credit note; the employer
 * never invoices itself and a zero amount is no invoice.
 *
 * Dates: an installment is dated on the invoice day of its due month (a shorter month takes its last
 * day), the settlement on the settlement date setting (default: the invoice day of the January after
 * the year); the due date is the invoice date plus the payment term.
 */
import { DEFAULT_INVOICE_DAY, DEFAULT_PAYMENT_TERM_DAYS } from './contract';
import { dayNumber } from './dates';
import { ZERO, type Decimal } from './decimal';
import type { Invoicing } from './invoicing';
import type { BillingDetails, InputModel } from './types';

export type InvoiceType = 'invoice' | 'credit-note';

export interface InvoiceLine {
  receiver: string;
  /** Y-tunnus of the receiver, or null when the workbook has none. */
  businessId: string | null;
  /** 'advance' with its installment number (1..installments), or 'settlement'. */
  kind: 'advance' | 'settlement';
  installment: number | null;
  installments: number;
  /** Day numbers (days since 1970-01-01). */
  invoiceDate: number;
  dueDate: number;
  /** Signed: negative = credit note. */
  amount: Decimal;
  /** The administrative employer's own line (never invoiced; amount 0). */
  isEmployer: boolean;
}

export interface InvoiceRow extends InvoiceLine {
  /** Running number 1..n over the invoiced rows. */
  no: number;
  type: InvoiceType;
  description: string;
}

/** The contract section that the descriptions name. */
export const CONTRACT_SECTION = 'yhteistoimintasopimus 9 §';

/** The invoice settings in force (defaults when the workbook has none). */
export function billingOf(model: InputModel): BillingDetails {
  return (
    model.billing ?? {
      invoiceDay: DEFAULT_INVOICE_DAY,
      paymentTermDays: DEFAULT_PAYMENT_TERM_DAYS,
      settlementDate: null,
      businessIds: { HVA: null, KELA: null },
    }
  );
}

/** The invoice day in a month: day d, or the month's last day when the month is shorter. */
export function invoiceDateIn(year: number, month: number, invoiceDay: number): number {
  const last = dayNumber(year, month + 1, 1) - dayNumber(year, month, 1);
  return dayNumber(year, month, Math.min(invoiceDay, last));
}

export function settlementDateOf(year: number, billing: BillingDetails): number {
  return billing.settlementDate ?? invoiceDateIn(year + 1, 1, billing.invoiceDay);
}

export function businessIdOf(model: InputModel, receiver: string): string | null {
  if (receiver === 'HVA' || receiver === 'KELA') return billingOf(model).businessIds[receiver];
  return model.municipalities.find((m) => m.name === receiver)?.businessId ?? null;
}

/**
 * Every line the invoicing gives, invoiced or not (the employer's and zero ones included), in
 * billing order: installment 1 for every receiver, installment 2, ..., then the settlements.
 */
export function invoiceLines(model: InputModel, inv: Invoicing): InvoiceLine[] {
  const billing = billingOf(model);
  const year = model.settings.year;
  const k = inv.dueMonths.length;
  const lines: InvoiceLine[] = [];
  const line = (
    r: Invoicing['receivers'][number],
    kind: InvoiceLine['kind'],
    installment: number | null,
    invoiceDate: number,
    amount: Decimal,
  ): InvoiceLine => ({
    receiver: r.receiver,
    businessId: businessIdOf(model, r.receiver),
    kind,
    installment,
    installments: k,
    invoiceDate,
    dueDate: invoiceDate + billing.paymentTermDays,
    amount,
    isEmployer: r.isEmployer,
  });
  inv.dueMonths.forEach((month, i) => {
    const date = invoiceDateIn(year, month, billing.invoiceDay);
    for (const r of inv.receivers) lines.push(line(r, 'advance', i + 1, date, r.isEmployer ? ZERO : r.advances[i]));
  });
  if (inv.hasActual) {
    const date = settlementDateOf(year, billing);
    for (const r of inv.receivers) lines.push(line(r, 'settlement', null, date, r.isEmployer ? ZERO : r.actual!.settlement));
  }
  return lines;
}

/** The words of the descriptions (the invoice rows sheet writes the same words into cells). */
export const DESCRIPTION_WORDS = {
  prefix: 'TYM-yhteistyö',
  advance: 'ennakkoerä',
  settlement: 'tasaus',
  credit: 'hyvitys',
  suffix: `yhteisten kustannusten osuus, ${CONTRACT_SECTION}`,
} as const;

/** The description on the invoice: the year, the installment (or the settlement) and the contract section. */
export function invoiceDescription(year: number, l: Pick<InvoiceLine, 'kind' | 'installment' | 'installments' | 'amount'>): string {
  const w = DESCRIPTION_WORDS;
  const credit = l.amount.isNegative();
  const advance = `${w.advance} ${l.installment}/${l.installments}${credit ? ` (${w.credit})` : ''}`;
  const what = l.kind === 'advance' ? advance : credit ? `${w.settlement}, ${w.credit}` : w.settlement;
  return `${w.prefix} ${year}, ${what}: ${w.suffix}`;
}

/** The lines to invoice: not the employer's, not zero; numbered in billing order. */
export function invoiceRows(model: InputModel, inv: Invoicing): InvoiceRow[] {
  return invoiceLines(model, inv)
    .filter((l) => !l.isEmployer && !l.amount.isZero())
    .map((l, i) => ({
      ...l,
      no: i + 1,
      type: l.amount.isNegative() ? 'credit-note' : 'invoice',
      description: invoiceDescription(model.settings.year, l),
    }));
}
