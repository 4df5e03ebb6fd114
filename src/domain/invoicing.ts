/**
 * The budget year (docs/allocation-rules.md §5; issue 4): what each receiver owes on the budget
 * (TA), netted against what it paid itself, billed in advance installments; and, once the actual
 * costs (TOT) are known, the settlement = actual net minus the advances billed.
 *
 * Receivers are the ones who are invoiced: every municipality, HVA and KELA (TVA's share is the
 * municipalities'). The administrative employer pays the joint costs and invoices the others; its
 * own share is never invoiced to itself, so its row shows what it carries, not an invoice.
 */
import { linesOfYear, type Allocation } from './allocate';
import { Decimal, ZERO, CENT } from './decimal';
import type { BillingPeriod, CostKind, InputModel } from './types';

/** Advance installments per year for each billing period (docs/allocation-rules.md §5). */
export const INSTALLMENTS: Readonly<Record<BillingPeriod, number>> = { year: 1, 'half-year': 2, quarter: 4, month: 12 };

/** Month (1-12) each installment falls due: the first month of its period. */
export function dueMonths(period: BillingPeriod): number[] {
  const k = INSTALLMENTS[period];
  return Array.from({ length: k }, (_, i) => 1 + (i * 12) / k);
}

/**
 * Splits an amount into k equal installments exact to the cent (docs/allocation-rules.md §5); the
 * leftover cents go to the earliest installments. Negative amounts mirror positive ones (as §4.3).
 */
export function installments(amount: Decimal, k: number): Decimal[] {
  const abs = amount.abs();
  const base = abs.div(k).toDecimalPlaces(2, Decimal.ROUND_DOWN);
  const leftover = abs.minus(base.mul(k)).div(CENT).toNumber();
  return Array.from({ length: k }, (_, i) => {
    const v = i < leftover ? base.plus(CENT) : base;
    return amount.isNegative() && !v.isZero() ? v.neg() : v;
  });
}

export interface ReceiverInvoice {
  receiver: string;
  isEmployer: boolean;
  /** Budget share (sum of the rounded TA group shares). */
  taShare: Decimal;
  /** TA cost lines this receiver paid itself. */
  taPaid: Decimal;
  /** taShare - taPaid: to invoice in advance (positive) or to reimburse (negative). */
  taNet: Decimal;
  /** Advance installments of taNet (empty for the employer: never invoiced to itself). */
  advances: Decimal[];
  /** Present when the year has TOT lines. */
  actual?: { share: Decimal; paid: Decimal; net: Decimal; advancesBilled: Decimal; settlement: Decimal };
}

export interface Invoicing {
  period: BillingPeriod;
  dueMonths: number[];
  employer: string;
  receivers: ReceiverInvoice[];
  hasActual: boolean;
}

/** Who a payer name stands for: TVA (the employment area) pays through the administrative employer. */
export function payerReceiver(model: InputModel, payer: string): string {
  if (payer === 'TVA') return model.settings.employer;
  return payer;
}

export function invoicingReceivers(model: InputModel): string[] {
  return [...model.municipalities.map((m) => m.name), 'HVA', 'KELA'];
}

export function computeInvoicing(model: InputModel, alloc: Allocation): Invoicing {
  const period = model.settings.billingPeriod;
  const k = INSTALLMENTS[period];
  const employer = model.settings.employer;
  const lines = linesOfYear(model);
  const paid = (kind: CostKind, receiver: string) =>
    lines.filter((l) => l.kind === kind && payerReceiver(model, l.payer) === receiver).reduce((a, l) => a.plus(l.amount), ZERO);
  const hasActual = alloc.groups.some((g) => g.kind === 'TOT');
  const receivers = invoicingReceivers(model).map((receiver): ReceiverInvoice => {
    const isEmployer = receiver === employer;
    const taShare = alloc.totals.TA.get(receiver) ?? ZERO;
    const taPaid = paid('TA', receiver);
    const taNet = taShare.minus(taPaid);
    const advances = isEmployer ? [] : installments(taNet, k);
    const out: ReceiverInvoice = { receiver, isEmployer, taShare, taPaid, taNet, advances };
    if (hasActual) {
      const share = alloc.totals.TOT.get(receiver) ?? ZERO;
      const totPaid = paid('TOT', receiver);
      const net = share.minus(totPaid);
      const advancesBilled = isEmployer ? taNet : advances.reduce((a, x) => a.plus(x), ZERO);
      // Settlement = actual net minus the advances billed (docs/allocation-rules.md §5).
      out.actual = { share, paid: totPaid, net, advancesBilled, settlement: net.minus(advancesBilled) };
    }
    return out;
  });
  return { period, dueMonths: dueMonths(period), employer, receivers, hasActual };
}
