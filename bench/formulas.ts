/**
 * Formula counting and the volatile-function scan, on the engine's SheetSpecs and on the written
 * .xlsx itself (its sheet XML, read with a minimal zip reader so the count does not depend on the
 * exceljs reader that wrote the file).
 */
import * as fs from 'fs';
import * as zlib from 'zlib';
import type { SheetSpec } from '../src/workbook/sheetSpec';

/** Functions that make Excel recalculate on every change (or depend on the environment). */
export const VOLATILE = ['NOW', 'TODAY', 'RAND', 'RANDBETWEEN', 'RANDARRAY', 'OFFSET', 'INDIRECT', 'CELL', 'INFO'];
const VOLATILE_RE = new RegExp(`(^|[^A-Za-z0-9_.])(?:_xlfn\\.)?(${VOLATILE.join('|')})\\s*\\(`, 'i');

/** The function names a formula calls, ignoring text literals, quoted sheet names and structured references. */
export function volatileCalls(formula: string): string[] {
  let f = formula.replace(/"(?:[^"]|"")*"/g, '""').replace(/'(?:[^']|'')*'!/g, 'S!');
  // Structured references may nest: Table[[#This Row],[Col]]; strip innermost brackets until none left.
  for (let i = 0; i < 5 && /\[[^[\]]*\]/.test(f); i++) f = f.replace(/\[[^[\]]*\]/g, '');
  const found: string[] = [];
  let rest = f;
  for (;;) {
    const m = VOLATILE_RE.exec(rest);
    if (!m) break;
    found.push(m[2].toUpperCase());
    rest = rest.slice(m.index + m[0].length);
  }
  return found;
}

export interface SpecCounts {
  sheets: number;
  cells: number;
  formulas: number;
  volatile: string[];
  /**
   * Sum over all formulas of the cells their A1 ranges span (e.g. $R$6:$R$405 = 400): a rough
   * measure of a full recalculation's work. Linear if it grows like the rows, O(n²) if like their square.
   */
  rangeCells: number;
  /** The sheet columns whose formulas span the most cells in all (where the recalculation work is). */
  topColumns: { where: string; formulas: number; rangeCells: number }[];
}

function columnLetters(c: number): string {
  let n = c + 1;
  let out = '';
  while (n > 0) {
    out = String.fromCharCode(65 + ((n - 1) % 26)) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}

const colNumber = (letters: string) => [...letters].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);

/** Cells spanned by the A1 ranges of a formula (text literals ignored; structured references not counted). */
export function rangeSpan(formula: string): number {
  const f = formula.replace(/"(?:[^"]|"")*"/g, '""');
  let cells = 0;
  for (const m of f.matchAll(/\$?([A-Z]{1,3})\$?(\d+):\$?([A-Z]{1,3})\$?(\d+)/g)) {
    cells += (Math.abs(Number(m[4]) - Number(m[2])) + 1) * (Math.abs(colNumber(m[3]) - colNumber(m[1])) + 1);
  }
  return cells;
}

export function countSpecs(sheets: SheetSpec[]): SpecCounts {
  let cells = 0;
  let formulas = 0;
  let rangeCells = 0;
  const byColumn = new Map<string, { where: string; formulas: number; rangeCells: number }>();
  const volatile = new Set<string>();
  for (const s of sheets)
    s.cells.forEach((row) =>
      row.forEach((c, col) => {
        if (!c) return;
        cells += 1;
        if (c.formula === undefined) return;
        formulas += 1;
        const span = rangeSpan(c.formula);
        rangeCells += span;
        const where = `${s.name}!${columnLetters(col)}`;
        const agg = byColumn.get(where) ?? { where, formulas: 0, rangeCells: 0 };
        agg.formulas += 1;
        agg.rangeCells += span;
        byColumn.set(where, agg);
        for (const v of volatileCalls(c.formula)) volatile.add(`${v} (${s.name})`);
      }),
    );
  return {
    sheets: sheets.length,
    cells,
    formulas,
    volatile: [...volatile],
    rangeCells,
    topColumns: [...byColumn.values()].sort((a, b) => b.rangeCells - a.rangeCells).slice(0, 3),
  };
}

// ---------------------------------------------------------------- minimal zip reader

function zipEntries(buf: Buffer): Map<string, () => Buffer> {
  let eocd = -1;
  for (let i = buf.length - 22; i >= Math.max(0, buf.length - 65_557); i--) {
    if (buf.readUInt32LE(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw new Error('not a zip file (no end of central directory)');
  const count = buf.readUInt16LE(eocd + 10);
  let p = buf.readUInt32LE(eocd + 16);
  const out = new Map<string, () => Buffer>();
  for (let i = 0; i < count; i++) {
    if (buf.readUInt32LE(p) !== 0x02014b50) throw new Error('bad zip central directory');
    const method = buf.readUInt16LE(p + 10);
    const compressed = buf.readUInt32LE(p + 20);
    const nameLen = buf.readUInt16LE(p + 28);
    const extraLen = buf.readUInt16LE(p + 30);
    const commentLen = buf.readUInt16LE(p + 32);
    const local = buf.readUInt32LE(p + 42);
    const name = buf.toString('utf8', p + 46, p + 46 + nameLen);
    p += 46 + nameLen + extraLen + commentLen;
    out.set(name, () => {
      const start = local + 30 + buf.readUInt16LE(local + 26) + buf.readUInt16LE(local + 28);
      const data = buf.subarray(start, start + compressed);
      if (method === 0) return Buffer.from(data);
      if (method === 8) return zlib.inflateRawSync(data);
      throw new Error(`zip entry ${name}: compression method ${method} not supported`);
    });
  }
  return out;
}

const unescapeXml = (s: string) =>
  s
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');

export interface FileCounts {
  bytes: number;
  /** Formula cells in all worksheets (shared-formula children included). */
  formulas: number;
  /** Non-empty cells (<c> elements with a value or a formula). */
  cells: number;
  volatile: string[];
  definedNames: number;
}

/** Counts the formula cells of an .xlsx from its sheet XML and scans every formula and defined name. */
export function countXlsx(file: string): FileCounts {
  const buf = fs.readFileSync(file);
  const entries = zipEntries(buf);
  let formulas = 0;
  let cells = 0;
  const volatile = new Set<string>();
  for (const [name, read] of entries) {
    if (!/^xl\/worksheets\/sheet\d+\.xml$/.test(name)) continue;
    const xml = read().toString('utf8');
    for (const m of xml.matchAll(/<c\b[^>]*?(?:\/>|>([\s\S]*?)<\/c>)/g)) {
      const inner = m[1];
      if (!inner) continue;
      cells += 1;
      const f = /<f\b[^>]*?(?:\/>|>([\s\S]*?)<\/f>)/.exec(inner);
      if (!f) continue;
      formulas += 1;
      if (f[1]) for (const v of volatileCalls(unescapeXml(f[1]))) volatile.add(`${v} (${name})`);
    }
  }
  let definedNames = 0;
  const wbXml = entries.get('xl/workbook.xml')?.().toString('utf8') ?? '';
  for (const m of wbXml.matchAll(/<definedName\b[^>]*>([\s\S]*?)<\/definedName>/g)) {
    definedNames += 1;
    for (const v of volatileCalls(unescapeXml(m[1]))) volatile.add(`${v} (defined name)`);
  }
  return { bytes: buf.length, formulas, cells, volatile: [...volatile], definedNames };
}
