/** Spreadsheet column letters, the one home of the conversion (the parser's messages, the layout, the adapters). */

/** 0-based column number -> letters (0 -> A, 26 -> AA). */
export function colLetters(col: number): string {
  let n = col + 1;
  let s = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

/** Column letters -> 1-based column number (A -> 1, AA -> 27). */
export function columnNumber(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}
