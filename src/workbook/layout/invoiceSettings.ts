/**
 * The settings and words block of TYM_Laskurivit (issue 12): the invoice settings read from
 * Asetukset (or their defaults, shown), the check-digit weights of a business ID, and the words the
 * row formulas put together, so that no label is typed inside a formula.
 */
import { BILLING_SETTINGS, DEFAULT_INVOICE_DAY, DEFAULT_PAYMENT_TERM_DAYS, type BillingSettingKey } from '../../domain/contract';
import { excelSerialFromDay } from '../../domain/dates';
import type { Invoicing } from '../../domain/invoicing';
import { billingOf, DESCRIPTION_WORDS, settlementDateOf } from '../../domain/invoiceRows';
import type { InputModel } from '../../domain/types';
import { a1, onSheet, range, tableCell } from '../formula';
import type { Grid } from '../grid';
import type { CellValue } from '../sheetSpec';
import { SETTING_ROW, SHEETS, type Positions } from './positions';

export const INVOICE_ROWS_HEADER = 3;
export const INVOICE_ROWS_FIRST = INVOICE_ROWS_HEADER + 1;

export const INVOICE_TYPE_WORDS = { invoice: 'Lasku', credit: 'Hyvityslasku', none: 'ei laskua' } as const;

/**
 * The settings and words block, right of the rows (so that only the rows' header repeats on
 * printed pages): label in column L, value in M, default in N, source in O; rows 0-based.
 */
export const P = {
  year: 4,
  installments: 5,
  invoiceDay: 6,
  paymentTerm: 7,
  settlementDate: 8,
  hvaId: 9,
  kelaId: 10,
  weights: 11,
  invoiceWord: 13,
  creditWord: 14,
  noneWord: 15,
  prefix: 16,
  advanceWord: 17,
  settlementWord: 18,
  creditSuffix: 19,
  suffix: 20,
} as const;
const L = 15;
const V = L + 1;
const D = L + 2;

/** A value of the block (absolute, on the same sheet). */
export const param = (row: number): string => a1(row, V, true);
/** A value of the block from another sheet. */
export const paramOnSheet = (row: number): string => onSheet(SHEETS.invoiceRows, param(row));
/** The seven check-digit weights of a business ID. */
export const WEIGHTS_RANGE = range(P.weights, V, P.weights, V + 6);

export function writeInvoiceSettings(
  g: Grid,
  model: InputModel,
  pos: Positions,
  inv: Invoicing,
): { yearRef: string; dayRef: string; word: (row: number) => string } {
  const year = model.settings.year;
  const billing = billingOf(model);
  const k = inv.dueMonths.length;
  // Settings and words.
  g.value(INVOICE_ROWS_HEADER - 1, L, 'Laskutuksen asetukset ja tekstit', 'subtitle');
  g.headers(INVOICE_ROWS_HEADER, L, ['Asetus', 'Arvo', 'Oletus', 'Lähde']);
  const set = model.tables.asetukset;
  const fromSettings = (
    row: number,
    key: BillingSettingKey,
    formula: (cell: string) => string,
    expected: CellValue,
    style: 'integer' | 'date' | 'text',
    fallback: string,
    fallbackValue: CellValue,
  ) => {
    g.value(row, L, BILLING_SETTINGS[key].names[0], 'label');
    const ref = model.settingRows[key];
    if (fallbackValue !== null) g.value(row, D, fallbackValue, style === 'date' ? 'integer' : style);
    if (ref && set) {
      g.formula(row, V, formula(tableCell(set, 'value', String(ref.index))), expected, style);
      g.value(row, D + 1, `Asetukset, rivi ${ref.sheetRow}`, 'note');
    } else {
      g.formula(row, V, fallback, expected, style);
      g.value(row, D + 1, 'oletus: ei Asetukset-taulukossa', 'note');
    }
  };
  g.value(P.year, L, 'Vuosi', 'label');
  g.formula(P.year, V, pos.setting(SETTING_ROW.year), year, 'integer');
  g.value(P.installments, L, 'Ennakkoeriä vuodessa', 'label');
  g.formula(P.installments, V, pos.setting(SETTING_ROW.billingPeriod, true), k, 'integer');
  const def = (row: number) => a1(row, D, true);
  fromSettings(
    P.invoiceDay,
    'invoiceDay',
    (c) => `IF(${c}="",${def(P.invoiceDay)},${c})`,
    billing.invoiceDay,
    'integer',
    def(P.invoiceDay),
    DEFAULT_INVOICE_DAY,
  );
  fromSettings(
    P.paymentTerm,
    'paymentTerm',
    (c) => `IF(${c}="",${def(P.paymentTerm)},${c})`,
    billing.paymentTermDays,
    'integer',
    def(P.paymentTerm),
    DEFAULT_PAYMENT_TERM_DAYS,
  );
  const dayRef = a1(P.invoiceDay, V, true);
  const yearRef = a1(P.year, V, true);
  const defaultSettlement = `DATE(${yearRef}+1,1,MIN(${dayRef},31))`;
  fromSettings(
    P.settlementDate,
    'settlementDate',
    (c) => `IF(${c}="",${defaultSettlement},INT(${c}))`,
    excelSerialFromDay(settlementDateOf(year, billing)),
    'date',
    defaultSettlement,
    null,
  );
  const id = (c: string) => `IF(LEN(TRIM(${c}&""))=8,"0"&TRIM(${c}&""),TRIM(${c}&""))`;
  fromSettings(P.hvaId, 'hvaBusinessId', id, billing.businessIds.HVA ?? '', 'text', '""', null);
  fromSettings(P.kelaId, 'kelaBusinessId', id, billing.businessIds.KELA ?? '', 'text', '""', null);
  g.value(P.weights, L, 'Y-tunnuksen tarkisteen painot', 'label');
  [7, 9, 10, 5, 8, 4, 2].forEach((w, i) => g.value(P.weights, V + i, w, 'integer'));
  const words: [number, string, string][] = [
    [P.invoiceWord, 'Tyyppi, kun summa > 0', INVOICE_TYPE_WORDS.invoice],
    [P.creditWord, 'Tyyppi, kun summa < 0', INVOICE_TYPE_WORDS.credit],
    [P.noneWord, 'Tyyppi, kun summa = 0', INVOICE_TYPE_WORDS.none],
    [P.prefix, 'Kuvauksen alku', DESCRIPTION_WORDS.prefix],
    [P.advanceWord, 'Ennakkoerä', DESCRIPTION_WORDS.advance],
    [P.settlementWord, 'Tasaus', DESCRIPTION_WORDS.settlement],
    [P.creditSuffix, 'Hyvityksen merkintä', DESCRIPTION_WORDS.credit],
    [P.suffix, 'Kuvauksen loppu', DESCRIPTION_WORDS.suffix],
  ];
  for (const [row, label, word] of words) {
    g.value(row, L, label, 'label');
    g.value(row, V, word, 'text');
  }

  return { yearRef, dayRef, word: param };
}
