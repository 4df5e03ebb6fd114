/**
 * Test tooling: edits cells and tables of an .xlsx package in place (sheet and table XML through
 * JSZip), the way a user's edit in Excel changes only what it touches. Much faster than an exceljs
 * load and save of a whole result workbook, and everything not edited stays byte-identical.
 *
 * Values: numbers (dates as serial numbers), text (written as inline strings), booleans, null.
 * Cells keep their style; a new table row takes the styles of the row above.
 */
import { colLetters as colLetters0 } from '../../src/domain/columns';
import JSZip from 'jszip';

export type Value = string | number | boolean | null;

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const unesc = (s: string) =>
  s
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&#(\d+);/g, (_, n) => String.fromCharCode(Number(n)))
    .replace(/&amp;/g, '&');

export function colNumber(letters: string): number {
  return [...letters].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
}

/** 1-based column number -> letters. */
export function colLetters(n: number): string {
  return colLetters0(n - 1);
}

interface Cell {
  col: number;
  attrs: string;
  inner: string;
}

/** One worksheet's rows, parsed lazily from its XML and written back on save. */
export class XmlSheet {
  private rows = new Map<number, { attrs: string; cells: Map<number, Cell> }>();
  private head = '';
  private tail = '';
  dirty = false;

  constructor(
    readonly name: string,
    readonly path: string,
    xml: string,
    private readonly shared: string[],
  ) {
    const m = /<sheetData\s*\/>|<sheetData\b[^>]*>/.exec(xml)!;
    let body = '';
    if (m[0].endsWith('/>')) {
      this.head = `${xml.slice(0, m.index)}<sheetData>`;
      this.tail = `</sheetData>${xml.slice(m.index + m[0].length)}`;
    } else {
      const end = xml.indexOf('</sheetData>');
      this.head = xml.slice(0, m.index + m[0].length);
      body = xml.slice(m.index + m[0].length, end);
      this.tail = xml.slice(end);
    }
    for (const m of body.matchAll(/<row\b([^>]*?)(\/>|>([\s\S]*?)<\/row>)/g)) {
      const r = Number(/\br="(\d+)"/.exec(m[1])![1]);
      const cells = new Map<number, Cell>();
      for (const c of (m[3] ?? '').matchAll(/<c\b([^>]*?)(\/>|>([\s\S]*?)<\/c>)/g)) {
        const ref = /\br="([A-Z]+)\d+"/.exec(c[1])![1];
        cells.set(colNumber(ref), { col: colNumber(ref), attrs: c[1], inner: c[3] ?? '' });
      }
      this.rows.set(r, { attrs: m[1], cells });
    }
  }

  get rowCount(): number {
    return Math.max(0, ...this.rows.keys());
  }

  get columnCount(): number {
    let n = 0;
    for (const r of this.rows.values()) n = Math.max(n, ...r.cells.keys());
    return n;
  }

  /** The value of a cell (a formula cell gives its cached result), 1-based row and column. */
  get(row: number, col: number): Value {
    const c = this.rows.get(row)?.cells.get(col);
    if (!c) return null;
    const t = /\bt="(\w+)"/.exec(c.attrs)?.[1];
    if (t === 'inlineStr') return unesc([...c.inner.matchAll(/<t[^>]*>([\s\S]*?)<\/t>/g)].map((x) => x[1]).join(''));
    const v = /<v>([\s\S]*?)<\/v>/.exec(c.inner)?.[1];
    if (v === undefined) return t === 'str' ? '' : null;
    if (t === 's') return this.shared[Number(v)];
    if (t === 'str') return unesc(v);
    if (t === 'b') return v === '1';
    if (t === 'e') return unesc(v);
    return Number(v);
  }

  formula(row: number, col: number): string | undefined {
    const c = this.rows.get(row)?.cells.get(col);
    const f = c && /<f[^>]*>([\s\S]*?)<\/f>/.exec(c.inner);
    return f ? unesc(f[1]) : undefined;
  }

  styleOf(row: number, col: number): string | undefined {
    return /\bs="(\d+)"/.exec(this.rows.get(row)?.cells.get(col)?.attrs ?? '')?.[1];
  }

  /** Writes a constant (a formula there is replaced, as typing over it does). */
  set(row: number, col: number, value: Value, style?: string): void {
    this.dirty = true;
    let r = this.rows.get(row);
    if (!r) this.rows.set(row, (r = { attrs: ` r="${row}"`, cells: new Map() }));
    const s = style ?? this.styleOf(row, col);
    const ref = `${colLetters(col)}${row}`;
    const sAttr = s === undefined ? '' : ` s="${s}"`;
    let attrs: string;
    let inner = '';
    if (value === null || value === '') attrs = ` r="${ref}"${sAttr}`;
    else if (typeof value === 'number') {
      attrs = ` r="${ref}"${sAttr}`;
      inner = `<v>${value}</v>`;
    } else if (typeof value === 'boolean') {
      attrs = ` r="${ref}"${sAttr} t="b"`;
      inner = `<v>${value ? 1 : 0}</v>`;
    } else {
      attrs = ` r="${ref}"${sAttr} t="inlineStr"`;
      inner = `<is><t xml:space="preserve">${esc(value)}</t></is>`;
    }
    r.cells.set(col, { col, attrs, inner });
  }

  xml(): string {
    const rows = [...this.rows.entries()].sort((a, b) => a[0] - b[0]);
    const body = rows
      .map(([, r]) => {
        const cells = [...r.cells.values()].sort((a, b) => a.col - b.col);
        // The spans hint would be stale; it is optional.
        const attrs = r.attrs.replace(/\s+spans="[^"]*"/, '');
        return cells.length
          ? `<row${attrs}>${cells.map((c) => (c.inner ? `<c${c.attrs}>${c.inner}</c>` : `<c${c.attrs}/>`)).join('')}</row>`
          : `<row${attrs}/>`;
      })
      .join('');
    return `${this.head}${body}${this.tail}`;
  }
}

/** An Excel table (ListObject) of a package: its range, headers and data rows. */
export class XmlTable {
  constructor(
    readonly name: string,
    readonly sheet: XmlSheet,
    private readonly pkg: XlsxPackage,
    readonly path: string,
    private xmlText: string,
  ) {
    const ref = /<table\b[^>]*\bref="([A-Z]+)(\d+):([A-Z]+)(\d+)"/.exec(xmlText)!;
    this.left = colNumber(ref[1]);
    this.top = Number(ref[2]);
    this.right = colNumber(ref[3]);
    this.bottom = Number(ref[4]);
    this.headers = [...xmlText.matchAll(/<tableColumn\b[^>]*\bname="([^"]*)"/g)].map((m) => unesc(m[1]));
  }

  left: number;
  top: number;
  right: number;
  bottom: number;
  readonly headers: string[];

  get rowCount(): number {
    return this.bottom - this.top;
  }

  col(header: string): number {
    const i = this.headers.findIndex((h) => h.toLowerCase() === header.toLowerCase());
    if (i < 0) throw new Error(`no column ${header} in ${this.name}`);
    return i;
  }

  rows(): Value[][] {
    const out: Value[][] = [];
    for (let r = this.top + 1; r <= this.bottom; r++) out.push(this.headers.map((_, j) => this.sheet.get(r, this.left + j)));
    return out;
  }

  get(i: number, header: string): Value {
    return this.sheet.get(this.top + 1 + i, this.left + this.col(header));
  }

  set(i: number, header: string, v: Value): void {
    this.sheet.set(this.top + 1 + i, this.left + this.col(header), v);
  }

  /** Replaces the data rows; the table grows or shrinks to their number (as Excel's insert/delete row). */
  setRows(rows: Value[][]): void {
    const n = Math.max(1, rows.length);
    const oldBottom = this.bottom;
    for (let i = 0; i < n; i++) {
      const r = this.top + 1 + i;
      this.headers.forEach((_, j) => {
        const style = r > oldBottom ? this.sheet.styleOf(oldBottom, this.left + j) : undefined;
        this.sheet.set(r, this.left + j, rows[i]?.[j] ?? null, style);
      });
    }
    for (let r = this.top + n + 1; r <= oldBottom; r++) this.headers.forEach((_, j) => this.sheet.set(r, this.left + j, null));
    this.bottom = this.top + n;
    const ref = `${colLetters(this.left)}${this.top}:${colLetters(this.right)}${this.bottom}`;
    this.xmlText = this.xmlText
      .replace(/(<table\b[^>]*\bref=")[^"]*"/, `$1${ref}"`)
      .replace(/(<autoFilter\b[^>]*\bref=")[^"]*"/, `$1${ref}"`);
    this.pkg.write(this.path, this.xmlText);
  }
}

export class XlsxPackage {
  private sheets = new Map<string, XmlSheet>();
  private tables = new Map<string, XmlTable>();
  private shared: string[] = [];
  private sheetPaths = new Map<string, string>();
  private tablePaths = new Map<string, string[]>();

  private constructor(private zip: JSZip) {}

  static async load(data: Buffer | Uint8Array): Promise<XlsxPackage> {
    const p = new XlsxPackage(await JSZip.loadAsync(data));
    await p.index();
    return p;
  }

  private async text(path: string): Promise<string> {
    const f = this.zip.file(path);
    if (!f) throw new Error(`no part ${path}`);
    return f.async('string');
  }

  write(path: string, text: string): void {
    this.zip.file(path, text);
  }

  private async index(): Promise<void> {
    const ss = this.zip.file('xl/sharedStrings.xml');
    if (ss) {
      const xml = await ss.async('string');
      this.shared = [...xml.matchAll(/<si>([\s\S]*?)<\/si>/g)].map((m) =>
        unesc([...m[1].matchAll(/<t[^>]*>([\s\S]*?)<\/t>/g)].map((t) => t[1]).join('')),
      );
    }
    const wb = await this.text('xl/workbook.xml');
    const rels = await this.text('xl/_rels/workbook.xml.rels');
    const target = new Map([...rels.matchAll(/<Relationship\b[^>]*\bId="([^"]+)"[^>]*\bTarget="([^"]+)"/g)].map((m) => [m[1], m[2]]));
    for (const m of wb.matchAll(/<sheet\b[^>]*\bname="([^"]+)"[^>]*\br:id="([^"]+)"/g)) {
      const t = target.get(m[2])!;
      const path = t.startsWith('/') ? t.slice(1) : `xl/${t}`;
      this.sheetPaths.set(unesc(m[1]), path);
      const relPath = path.replace(/worksheets\/(sheet\d+\.xml)$/, 'worksheets/_rels/$1.rels');
      const sr = this.zip.file(relPath);
      if (!sr) continue;
      const srx = await sr.async('string');
      const tables = [...srx.matchAll(/Type="[^"]*\/table"[^>]*Target="([^"]+)"|Target="([^"]+)"[^>]*Type="[^"]*\/table"/g)].map((x) =>
        (x[1] ?? x[2]).replace(/^\.\.\//, 'xl/'),
      );
      this.tablePaths.set(unesc(m[1]), tables);
    }
  }

  async sheet(name: string): Promise<XmlSheet> {
    const key = [...this.sheetPaths.keys()].find((k) => k.toLowerCase() === name.toLowerCase());
    if (!key) throw new Error(`no sheet ${name}`);
    let s = this.sheets.get(key);
    if (!s)
      this.sheets.set(key, (s = new XmlSheet(key, this.sheetPaths.get(key)!, await this.text(this.sheetPaths.get(key)!), this.shared)));
    return s;
  }

  async table(name: string): Promise<XmlTable> {
    const cached = this.tables.get(name.toLowerCase());
    if (cached) return cached;
    for (const [sheet, paths] of this.tablePaths) {
      for (const path of paths) {
        const xml = await this.text(path);
        const n = /<table\b[^>]*\bname="([^"]+)"/.exec(xml)![1];
        if (n.toLowerCase() !== name.toLowerCase()) continue;
        const t = new XmlTable(n, await this.sheet(sheet), this, path, xml);
        this.tables.set(name.toLowerCase(), t);
        return t;
      }
    }
    throw new Error(`no table ${name}`);
  }

  async toBuffer(): Promise<Buffer> {
    for (const s of this.sheets.values()) if (s.dirty) this.zip.file(s.path, s.xml());
    return this.zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
  }
}
