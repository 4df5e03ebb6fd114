/**
 * The settings block's shape on TYM_Parametrit: its columns, and its rows in order (each setting
 * found by name in Asetukset: settingsBlock.ts, the invoice settings billingSettings.ts).
 */
import type { BillingSettingKey, SettingKey } from '../../domain/contract';

/** Columns of the settings block (0-based). */
export const SETTING_COL = {
  name: 0,
  alias: 1,
  count: 2,
  row: 3,
  value: 4,
  fallback: 5,
  inForce: 6,
  code: 7,
  ok: 8,
  note: 9,
  alias2: 10,
  alias3: 11,
  max: 12,
} as const;

/** The settings in the block's order: the allocation's, then the invoice data's (issue 12), each found by name. */
export const ALLOCATION_SETTING_ROWS: SettingKey[] = [
  'year',
  'staffBasis',
  'municipalBasis',
  'agreedTvaPct',
  'kelaPct',
  'employer',
  'billingPeriod',
  'customerEstimate',
];
export const BILLING_SETTING_ROWS: BillingSettingKey[] = ['invoiceDay', 'paymentTerm', 'settlementDate', 'hvaBusinessId', 'kelaBusinessId'];
/** Rows of the settings block (its checks and counts span them all). */
export const SETTING_BLOCK_ROWS = ALLOCATION_SETTING_ROWS.length + BILLING_SETTING_ROWS.length;
