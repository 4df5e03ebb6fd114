/**
 * Cell formats of a package: which number format each cell style (xf index) has, from styles.xml,
 * with the built-in formats of ECMA-376 part 1, 18.8.30 (ids below 164 need no numFmt element).
 */
import type { OpcPackage } from './opc';
import { parseOrDamaged } from './opc';
import { attr, child, childrenNamed } from './xml';

/** The built-in number formats (invariant codes, as exceljs and Excel's English UI show them). */
export const BUILTIN_FORMATS: Record<number, string> = {
  0: 'General',
  1: '0',
  2: '0.00',
  3: '#,##0',
  4: '#,##0.00',
  9: '0%',
  10: '0.00%',
  11: '0.00E+00',
  12: '# ?/?',
  13: '# ??/??',
  14: 'mm-dd-yy',
  15: 'd-mmm-yy',
  16: 'd-mmm',
  17: 'mmm-yy',
  18: 'h:mm AM/PM',
  19: 'h:mm:ss AM/PM',
  20: 'h:mm',
  21: 'h:mm:ss',
  22: 'm/d/yy h:mm',
  37: '#,##0 ;(#,##0)',
  38: '#,##0 ;[Red](#,##0)',
  39: '#,##0.00;(#,##0.00)',
  40: '#,##0.00;[Red](#,##0.00)',
  45: 'mm:ss',
  46: '[h]:mm:ss',
  47: 'mmss.0',
  48: '##0.0E+0',
  49: '@',
};

/** Ids 27-36 and 50-58 are East Asian date formats whose code depends on the locale. */
function builtin(id: number): string | undefined {
  if (id in BUILTIN_FORMATS) return BUILTIN_FORMATS[id];
  if ((id >= 27 && id <= 36) || (id >= 50 && id <= 58)) return 'yyyy/m/d';
  if (id >= 5 && id <= 8) return '#,##0.00';
  return undefined;
}

export interface CellFormats {
  /** Number format code of a cell style (xf index); undefined for General or unknown. */
  numFmt(xf: number): string | undefined;
}

export const NO_FORMATS: CellFormats = { numFmt: () => undefined };

export async function readCellFormats(pkg: OpcPackage, stylesPart: string | undefined): Promise<CellFormats> {
  if (!stylesPart || !pkg.has(stylesPart)) return NO_FORMATS;
  const root = parseOrDamaged(await pkg.text(stylesPart), stylesPart);
  const custom = new Map<number, string>();
  const numFmts = child(root, 'numFmts');
  for (const f of numFmts ? childrenNamed(numFmts, 'numFmt') : []) custom.set(Number(attr(f, 'numFmtId')), attr(f, 'formatCode') ?? '');
  const xfs = child(root, 'cellXfs');
  const codes: (string | undefined)[] = (xfs ? childrenNamed(xfs, 'xf') : []).map((xf) => {
    const id = Number(attr(xf, 'numFmtId') ?? 0);
    const code = custom.get(id) ?? builtin(id);
    return code && code !== 'General' ? code : undefined;
  });
  return { numFmt: (xf) => codes[xf] };
}
