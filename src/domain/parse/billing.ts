/**
 * The invoice-data settings of Asetukset (issue 12: invoice day, payment term, settlement date,
 * the business IDs of HVA and Kela) and the optional Y-tunnus column of Kunnat. All optional;
 * a value that is there must be right, since it goes onto invoices.
 */
import {
  BILLING_SETTING_KEYS,
  BILLING_SETTINGS,
  DEFAULT_INVOICE_DAY,
  DEFAULT_PAYMENT_TERM_DAYS,
  type BillingSettingKey,
} from '../contract';
import { normaliseBusinessId } from '../businessId';
import { excelTrim, identityKey } from '../text';
import type { BillingDetails, RowRef } from '../types';
import type { RowReader } from './cells';

export function defaultBilling(): BillingDetails {
  return {
    invoiceDay: DEFAULT_INVOICE_DAY,
    paymentTermDays: DEFAULT_PAYMENT_TERM_DAYS,
    settlementDate: null,
    businessIds: { HVA: null, KELA: null },
  };
}

export function billingSettingOf(name: string): BillingSettingKey | undefined {
  const k = identityKey(name);
  return BILLING_SETTING_KEYS.find((s) => BILLING_SETTINGS[s].names.some((n) => identityKey(n) === k));
}

/** Canonical names of the invoice settings, for the "known settings" list of an unknown one. */
export function billingSettingNames(): string[] {
  return BILLING_SETTING_KEYS.map((k) => BILLING_SETTINGS[k].names[0]);
}

/** Reads the invoice settings as the settings loop meets them; a repeated one is reported like any setting. */
export class BillingSettingsReader {
  readonly details = defaultBilling();
  private readonly firstRow: Partial<Record<BillingSettingKey, number>> = {};

  /** Reads the row when its name is an invoice setting; false when it is not one. */
  accept(name: string, r: RowReader, rows: Record<string, RowRef>): boolean {
    const key = billingSettingOf(name);
    if (!key) return false;
    const before = this.firstRow[key];
    if (before !== undefined) {
      r.error('setting-duplicate', 'setting', { setting: BILLING_SETTINGS[key].names[0], firstRow: before });
      return true;
    }
    this.firstRow[key] = r.sheetRow;
    rows[key] = r.ref();
    this.read(key, r);
    return true;
  }

  private read(key: BillingSettingKey, r: RowReader): void {
    const d = this.details;
    switch (key) {
      case 'invoiceDay': {
        const v = r.number('value', { integer: true });
        if (v === null) return;
        if (v.lt(1) || v.gt(31)) r.error('invoice-day-range', 'value', { value: v.toString() });
        else d.invoiceDay = v.toNumber();
        return;
      }
      case 'paymentTerm': {
        const v = r.number('value', { integer: true });
        if (v === null) return;
        if (v.lt(0) || v.gt(365)) r.error('payment-term-range', 'value', { value: v.toString() });
        else d.paymentTermDays = v.toNumber();
        return;
      }
      case 'settlementDate':
        d.settlementDate = r.date('value');
        return;
      case 'hvaBusinessId':
        d.businessIds.HVA = readBusinessId(r, 'value');
        return;
      case 'kelaBusinessId':
        d.businessIds.KELA = readBusinessId(r, 'value');
        return;
    }
  }
}

/** A business ID cell: blank = none; text in the Y-tunnus form with a right check digit, else an error. */
export function readBusinessId(r: RowReader, key: string): string | null {
  if (!r.has(key)) return null;
  const v = r.present(key, false);
  if (v === undefined) return null;
  const text = typeof v === 'string' ? excelTrim(v) : typeof v === 'number' ? String(v) : null;
  const id = text === null ? null : normaliseBusinessId(text);
  if (id === null) r.error('business-id-invalid', key, { value: text ?? String(v) });
  return id;
}
