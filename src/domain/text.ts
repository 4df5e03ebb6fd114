/**
 * Text identity as a spreadsheet sees it, so the engine and the written formulas agree:
 * Excel's TRIM (strip spaces at both ends, collapse inner runs of spaces to one; only U+0020)
 * and case-insensitive comparison.
 */
export function excelTrim(s: string): string {
  return s.replace(/ +/g, ' ').replace(/^ | $/g, '');
}

/** Identity key: TRIM, then case fold (Excel's "=" and MATCH ignore case). */
export function identityKey(s: string): string {
  return excelTrim(s).toLocaleLowerCase('fi');
}
