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

/**
 * Characters that cannot be seen in a cell but make a text differ from one typed on a keyboard:
 * control characters (a line break, a tab), no-break and other special spaces, zero-width
 * characters, direction marks, the soft hyphen and the byte-order mark. Excel's TRIM removes none of
 * them (it removes only U+0020), and its comparisons count them.
 */
const INVISIBLE_RANGES: [number, number][] = [
  [0x0000, 0x001f],
  [0x007f, 0x009f],
  [0x00a0, 0x00a0],
  [0x00ad, 0x00ad],
  [0x034f, 0x034f],
  [0x061c, 0x061c],
  [0x115f, 0x1160],
  [0x17b4, 0x17b5],
  [0x180e, 0x180e],
  [0x2000, 0x200f],
  [0x2028, 0x202f],
  [0x205f, 0x2064],
  [0x2066, 0x206f],
  [0x3000, 0x3000],
  [0x3164, 0x3164],
  [0xfe00, 0xfe0f],
  [0xfeff, 0xfeff],
  [0xffa0, 0xffa0],
];

function isInvisible(cp: number): boolean {
  return INVISIBLE_RANGES.some(([a, b]) => cp >= a && cp <= b);
}

const CHAR_NAMES: Record<number, string> = {
  0x09: 'TAB',
  0x0a: 'LINE FEED',
  0x0d: 'CARRIAGE RETURN',
  0xa0: 'NO-BREAK SPACE',
  0xad: 'SOFT HYPHEN',
  0x200b: 'ZERO WIDTH SPACE',
  0x200c: 'ZERO WIDTH NON-JOINER',
  0x200d: 'ZERO WIDTH JOINER',
  0x200e: 'LEFT-TO-RIGHT MARK',
  0x200f: 'RIGHT-TO-LEFT MARK',
  0x2007: 'FIGURE SPACE',
  0x2009: 'THIN SPACE',
  0x202f: 'NARROW NO-BREAK SPACE',
  0x2060: 'WORD JOINER',
  0xfeff: 'ZERO WIDTH NO-BREAK SPACE (BOM)',
  0x0301: 'COMBINING ACUTE ACCENT',
  0x0308: 'COMBINING DIAERESIS',
  0x030a: 'COMBINING RING ABOVE',
  0x030c: 'COMBINING CARON',
};

const hex = (cp: number) => `U+${cp.toString(16).toUpperCase().padStart(4, '0')}`;

/** "U+00A0 NO-BREAK SPACE" */
export function charName(cp: number): string {
  return CHAR_NAMES[cp] ? `${hex(cp)} ${CHAR_NAMES[cp]}` : hex(cp);
}

/**
 * What a text hides: its invisible characters, and the combining marks of letters stored decomposed
 * (NFD: "a" + U+0308 instead of "ä"; macOS and some web forms write text so). Each as "U+XXXX NAME",
 * once; empty when the text is plain.
 */
export function hiddenCharacters(s: string): string[] {
  const found = new Set<string>();
  for (const ch of s) if (isInvisible(ch.codePointAt(0)!)) found.add(charName(ch.codePointAt(0)!));
  if (s.normalize('NFC') !== s) {
    for (const m of s.matchAll(/\p{L}(\p{M}+)/gu)) {
      const composed = m[0].normalize('NFC');
      if (composed === m[0]) continue;
      for (const mark of m[1])
        found.add(`${charName(mark.codePointAt(0)!)} (${m[0].normalize('NFD')[0]} + ${hex(mark.codePointAt(0)!)} = ${composed})`);
    }
  }
  return [...found];
}

/**
 * A text for a message, with what cannot be seen made visible: each invisible character and each
 * combining mark of a decomposed letter as [U+XXXX]. "Hyvinka\u0308a\u0308" -> "Hyvinka[U+0308]a[U+0308]".
 */
export function visible(s: string): string {
  let out = '';
  for (const ch of s) {
    const cp = ch.codePointAt(0)!;
    out += isInvisible(cp) || /\p{M}/u.test(ch) ? `[${hex(cp)}]` : ch;
  }
  return out;
}

/** Edit distance (insertions, deletions, substitutions and swaps of neighbours), for "did you mean". */
export function editDistance(a: string, b: string): number {
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) => [i, ...Array<number>(b.length).fill(0)]);
  for (let j = 1; j <= b.length; j++) d[0][j] = j;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
    }
  }
  return d[a.length][b.length];
}
