/**
 * How each CellStyle looks in Excel through office.js. Number formats are in the English (invariant)
 * syntax of `range.numberFormat`, so a Finnish Excel shows them with its own separators.
 */
import { NUMBER_FORMATS } from '../../workbook/numberFormats';
import type { CellStyle } from '../../workbook/sheetSpec';

export interface OfficeStyle {
  numberFormat: string;
  bold?: boolean;
  italic?: boolean;
  size?: number;
  fontColor?: string;
  fill?: string;
  wrap?: boolean;
  topBorder?: boolean;
}

export const TEXT_FORMAT = '@';
export const GENERAL_FORMAT = 'General';

export const OFFICE_STYLES: Record<CellStyle, OfficeStyle> = {
  title: { numberFormat: GENERAL_FORMAT, bold: true, size: 14 },
  subtitle: { numberFormat: GENERAL_FORMAT, bold: true, size: 12 },
  header: { numberFormat: GENERAL_FORMAT, bold: true, fill: '#DDEBF7', wrap: true },
  label: { numberFormat: GENERAL_FORMAT },
  text: { numberFormat: GENERAL_FORMAT },
  integer: { numberFormat: NUMBER_FORMATS.integer! },
  money: { numberFormat: NUMBER_FORMATS.money! },
  moneyTotal: { numberFormat: NUMBER_FORMATS.moneyTotal!, bold: true, topBorder: true },
  decimal: { numberFormat: NUMBER_FORMATS.decimal! },
  fraction: { numberFormat: NUMBER_FORMATS.fraction! },
  percent: { numberFormat: NUMBER_FORMATS.percent! },
  date: { numberFormat: NUMBER_FORMATS.date! },
  check: { numberFormat: GENERAL_FORMAT, bold: true },
  note: { numberFormat: GENERAL_FORMAT, italic: true, fontColor: '#595959' },
};

/** Whether a style draws anything beyond its number format (else no format call is queued). */
export function hasVisualFormat(s: OfficeStyle): boolean {
  return Boolean(s.bold || s.italic || s.size || s.fontColor || s.fill || s.wrap || s.topBorder);
}
