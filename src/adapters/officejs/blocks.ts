/**
 * Pure helpers for writing a sheet in rectangles: office.js takes 2-D arrays per range, and each
 * range write costs a little request overhead, so we write as few rectangles as the layout allows.
 */

export interface Block<K> {
  /** 0-based, inclusive. */
  r0: number;
  c0: number;
  r1: number;
  c1: number;
  key: K;
}

/**
 * Rectangles of cells sharing a key: runs of equal keys along each row, merged downwards while
 * the next row has the same run at the same columns. Cells whose key is null are skipped.
 * A column-structured layout (every data row alike) yields the same few blocks for 10 or 10,000 rows.
 */
export function blocksOf<K extends string | number>(rows: number, cols: number, keyAt: (r: number, c: number) => K | null): Block<K>[] {
  const done: Block<K>[] = [];
  let open = new Map<string, Block<K>>();
  for (let r = 0; r < rows; r++) {
    const next = new Map<string, Block<K>>();
    let c = 0;
    while (c < cols) {
      const key = keyAt(r, c);
      if (key === null) {
        c++;
        continue;
      }
      let end = c;
      while (end + 1 < cols && keyAt(r, end + 1) === key) end++;
      const id = `${c}:${end}:${String(key)}`;
      const prev = open.get(id);
      if (prev) {
        prev.r1 = r;
        open.delete(id);
        next.set(id, prev);
      } else {
        next.set(id, { r0: r, c0: c, r1: r, c1: end, key });
      }
      c = end + 1;
    }
    for (const b of open.values()) done.push(b);
    open = next;
  }
  for (const b of open.values()) done.push(b);
  return done.sort((a, b) => a.r0 - b.r0 || a.c0 - b.c0);
}

/** UTF-8 byte length of a string, without Buffer (runs in the browser). */
export function utf8Length(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const code = s.charCodeAt(i);
    if (code < 0x80) n += 1;
    else if (code < 0x800) n += 2;
    else if (code >= 0xd800 && code <= 0xdbff) {
      n += 4;
      i++;
    } else n += 3;
  }
  return n;
}
