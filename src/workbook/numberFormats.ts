/**
 * The number format of each CellStyle, in the invariant (English) syntax both Excel's file format and
 * office.js's `range.numberFormat` take: one home, so the command line's file and the task pane's
 * write show every figure alike. A Finnish Excel shows them with its own separators (1 234,50).
 * Percent cells hold percentage points (12.5 = 12,5 %), hence the literal " %" rather than "%".
 * Styles not listed are General.
 */
import type { CellStyle } from './sheetSpec';

export const NUMBER_FORMATS: Partial<Record<CellStyle, string>> = {
  integer: '#,##0',
  money: '#,##0.00',
  moneyTotal: '#,##0.00',
  decimal: '#,##0.00##',
  fraction: '0.000000000',
  percent: '0.00" %"',
  date: 'd.m.yyyy',
};
