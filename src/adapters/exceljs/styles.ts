/**
 * How each CellStyle of the layout looks in an .xlsx written by exceljs. The office.js adapter draws
 * the same formats (number formats are the same codes; Excel localises them on display).
 */
import type { Fill, Font, Style, Borders } from 'exceljs';
import type { CellStyle } from '../../workbook/sheetSpec';

/** Number format codes by style. Percent cells hold percentage points (12.5 = 12,5 %), hence the literal " %". */
export const NUMBER_FORMATS: Partial<Record<CellStyle, string>> = {
  integer: '0',
  money: '#,##0.00',
  moneyTotal: '#,##0.00',
  decimal: '0.00##',
  fraction: '0.000000000',
  percent: '0.00" %"',
  date: 'd.m.yyyy',
};

const solid = (argb: string): Fill => ({ type: 'pattern', pattern: 'solid', fgColor: { argb } });
const thin = { style: 'thin' as const, color: { argb: 'FF7F7F7F' } };

const FONT: Partial<Record<CellStyle, Partial<Font>>> = {
  title: { bold: true, size: 14 },
  subtitle: { bold: true, size: 12 },
  header: { bold: true },
  label: { bold: true },
  moneyTotal: { bold: true },
  check: { bold: true },
  note: { italic: true, color: { argb: 'FF595959' } },
};

function build(style: CellStyle): Partial<Style> {
  const s: Partial<Style> = {};
  const font = FONT[style];
  if (font) s.font = font;
  const numFmt = NUMBER_FORMATS[style];
  if (numFmt) s.numFmt = numFmt;
  if (style === 'header') {
    s.fill = solid('FFD9E1F2');
    s.border = { bottom: thin } as Partial<Borders>;
    s.alignment = { wrapText: true, vertical: 'bottom' };
  }
  if (style === 'moneyTotal') s.border = { top: thin, bottom: { style: 'double', color: { argb: 'FF7F7F7F' } } } as Partial<Borders>;
  if (style === 'check') s.alignment = { horizontal: 'center' };
  if (style === 'note') s.alignment = { wrapText: false };
  return s;
}

const CACHE = new Map<CellStyle, Partial<Style>>();

/**
 * The style object for a cell. One shared object per style (exceljs dedups styles on write); the
 * writer assigns whole styles and never mutates a cell's style afterwards, so sharing is safe.
 */
export function styleFor(style: CellStyle): Partial<Style> {
  let s = CACHE.get(style);
  if (!s) CACHE.set(style, (s = build(style)));
  return s;
}

/** Conditional formats of the check cells: TRUE green, FALSE red. */
export const CHECK_TRUE_STYLE = { font: { color: { argb: 'FF006100' } }, fill: { type: 'pattern', pattern: 'solid', bgColor: { argb: 'FFC6EFCE' } } };
export const CHECK_FALSE_STYLE = { font: { color: { argb: 'FF9C0006' } }, fill: { type: 'pattern', pattern: 'solid', bgColor: { argb: 'FFFFC7CE' } } };
