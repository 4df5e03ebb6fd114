/**
 * TYM_Parametrit, the settings block's invoice rows (issue 12): their fallbacks, values in force,
 * checks and defined names. The rows themselves are found by name in settingsBlock.ts.
 */
import { BILLING_SETTINGS, DEFAULT_INVOICE_DAY, DEFAULT_PAYMENT_TERM_DAYS, type BillingSettingKey } from '../../domain/contract';
import { excelSerialFromDay } from '../../domain/dates';
import { invoiceDateIn } from '../../domain/invoiceRows';
import { a1 } from '../formula';
import type { Grid } from '../grid';
import type { NameSpec } from '../sheetSpec';
import { orFalse } from './block';
import type { Ctx } from './context';
import { NAMES } from './names';
import { SETTING_COL as COL } from './settingRows';

/**
 * The invoice data's settings (issue 12), as the engine reads them (src/domain/parse/billing.ts):
 * invoice day 1-31 (default 1), payment term 0-365 days (default 14), settlement invoice date
 * (default: the invoice day of the January after the year), the business IDs of HVA and Kela
 * (six-digit form padded with a zero; their check digits are tested on TYM_Laskurivit).
 */
export function billingSettings(g: Grid, ctx: Ctx, rowOf: (key: BillingSettingKey) => number, names: NameSpec[]): void {
  const billing = ctx.model.billing ?? {
    invoiceDay: DEFAULT_INVOICE_DAY,
    paymentTermDays: DEFAULT_PAYMENT_TERM_DAYS,
    settlementDate: null,
    businessIds: { HVA: null, KELA: null },
  };
  const at = (r: number, c: number) => a1(r, c);
  const value = (r: number) => at(r, COL.value);
  const blank = (r: number) => `TRIM(${value(r)})=""`;
  const whole = (key: 'invoiceDay' | 'paymentTerm', v: number, min: number, max: number, name: string, explain: string) => {
    const r = rowOf(key);
    g.value(r, COL.fallback, key === 'invoiceDay' ? DEFAULT_INVOICE_DAY : DEFAULT_PAYMENT_TERM_DAYS, 'integer');
    g.formula(r, COL.inForce, `IF(${blank(r)},${at(r, COL.fallback)},${value(r)})`, v, 'integer');
    g.value(r, COL.code, min, 'integer');
    g.value(r, COL.max, max, 'integer');
    const ok = `AND(ISNUMBER(${value(r)}),${value(r)}=INT(${value(r)}),${value(r)}>=${at(r, COL.code)},${value(r)}<=${at(r, COL.max)})`;
    g.formula(r, COL.ok, orFalse(`AND(${at(r, COL.count)}<=1,IF(${blank(r)},TRUE,${ok}))`), true, 'check');
    g.value(r, COL.note, explain, 'note');
    names.push({ name, row: r, col: COL.inForce, comment: `${BILLING_SETTINGS[key].names[0]}: ${explain}` });
  };
  whole(
    'invoiceDay',
    billing.invoiceDay,
    1,
    31,
    NAMES.invoiceDay,
    'Laskun päivä kuukaudessa (koodi = pienin, sarake M = suurin); lyhyemmässä kuussa kuun viimeinen päivä',
  );
  whole(
    'paymentTerm',
    billing.paymentTermDays,
    0,
    365,
    NAMES.paymentTerm,
    'Maksuehto päivinä: eräpäivä = laskun päivä + maksuehto (koodi = pienin, sarake M = suurin)',
  );
  const sr = rowOf('settlementDate');
  // Default: the invoice day of the January after the year (January has every day 1-31).
  const def = `DATE(${NAMES.year}+1,1,${NAMES.invoiceDay})`;
  const year = ctx.model.settings.year;
  const settlement = billing.settlementDate ?? invoiceDateIn(year + 1, 1, billing.invoiceDay);
  g.formula(sr, COL.fallback, def, excelSerialFromDay(invoiceDateIn(year + 1, 1, billing.invoiceDay)), 'date');
  g.formula(sr, COL.inForce, `IF(${blank(sr)},${at(sr, COL.fallback)},INT(${value(sr)}))`, excelSerialFromDay(settlement), 'date');
  g.formula(sr, COL.ok, orFalse(`AND(${at(sr, COL.count)}<=1,IF(${blank(sr)},TRUE,ISNUMBER(${value(sr)})))`), true, 'check');
  g.value(sr, COL.note, 'Tasauslaskujen päivä; tyhjä = laskun päivä vuotta seuraavan tammikuun', 'note');
  names.push({ name: NAMES.settlementDate, row: sr, col: COL.inForce, comment: 'Tasauslaskun päivä' });
  const id = (key: 'hvaBusinessId' | 'kelaBusinessId', v: string | null, name: string, explain: string) => {
    const r = rowOf(key);
    const t = `TRIM(${value(r)}&"")`;
    // Six digits, hyphen and check digit: written with a leading zero, as the engine normalises it.
    g.formula(r, COL.inForce, `IF(LEN(${t})=8,"0"&${t},${t})`, v ?? '', 'text');
    g.formula(r, COL.ok, orFalse(`${at(r, COL.count)}<=1`), true, 'check');
    g.value(r, COL.note, explain, 'note');
    names.push({ name, row: r, col: COL.inForce, comment: explain });
  };
  id(
    'hvaBusinessId',
    billing.businessIds.HVA,
    NAMES.hvaBusinessId,
    'HVA:n Y-tunnus laskuriveille (tarkiste testataan TYM_Laskurivit-välilehdellä)',
  );
  id(
    'kelaBusinessId',
    billing.businessIds.KELA,
    NAMES.kelaBusinessId,
    'Kelan Y-tunnus laskuriveille (tarkiste testataan TYM_Laskurivit-välilehdellä)',
  );
}
