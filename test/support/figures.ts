/**
 * Test tooling: the output figures of a result workbook keyed by what they mean, not where they
 * sit, so a stale workbook (recalculated in LibreOffice) can be compared with a fresh engine run
 * on the same edited inputs: totals per receiver and kind, `Tulokset` rows by (kind, pool, event,
 * level, receiver), invoicing per receiver and column, the year comparison and the staffing figures;
 * the scenarios (TYM_Skenaariot: per kind, level, receiver and basis), their calculation
 * (TYM_Skenaariojako: keys per municipality and party, which bases can be computed, every group's
 * split per basis and receiver) and the invoice rows (TYM_Laskurivit: per receiver and installment).
 *
 * The same reader runs over a recalculated workbook (cached values) and over the engine's sheet
 * specs (expected values), so both sides are read by labels alike.
 */
import type { Workbook, Worksheet } from 'exceljs';
import { tablesOf } from '../../src/adapters/exceljs/excelJsWorkbook';
import { OpcPackage } from '../../src/adapters/xlsx/opc';
import { PackageWorkbook } from '../../src/adapters/xlsx/packageWorkbook';
import { parseCellRef } from '../../src/adapters/xlsx/sheetScanner';
import { readTableParts } from '../../src/adapters/xlsx/tableParts';
import { readWorkbookInfo } from '../../src/adapters/xlsx/workbookPart';
import type { OutputCell } from '../../src/workbook/port';
import type { SheetSpec } from '../../src/workbook/sheetSpec';

export type Value = string | number | boolean | null;

/** A sheet as a grid of values (0-based). */
export interface ValueGrid {
  name: string;
  rows: number;
  cols: number;
  at(r: number, c: number): Value;
}

export interface TablePlace {
  name: string;
  sheet: string;
  /** 0-based header row and first column. */
  row: number;
  col: number;
  headers: string[];
  rowCount: number;
}

export interface Readable {
  sheet(name: string): ValueGrid | undefined;
  table(name: string): TablePlace | undefined;
}

function flatten(v: unknown): Value {
  if (v === null || v === undefined) return null;
  if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') return v;
  if (v instanceof Date) return (v.getTime() - Date.UTC(1899, 11, 30)) / 86_400_000;
  const o = v as Record<string, unknown>;
  if (typeof o.error === 'string') return o.error;
  if (Array.isArray(o.richText)) return (o.richText as { text: string }[]).map((x) => x.text).join('');
  if ('formula' in o || 'sharedFormula' in o) return flatten(o.result);
  if ('text' in o) return flatten(o.text);
  return String(v);
}

function sheetGrid(ws: Worksheet): ValueGrid {
  const rows = ws.actualRowCount ? ws.rowCount : 0;
  const cols = ws.columnCount;
  return {
    name: ws.name,
    rows,
    cols,
    at: (r, c) => {
      const cell = ws.findCell(r + 1, c + 1);
      if (!cell) return null;
      if (cell.isMerged && cell.master !== cell) return null;
      // exceljs's cell.value leaves out a formula's falsy result (0, FALSE, ""); cell.result has it.
      return flatten(cell.type === 6 ? cell.result : cell.value);
    },
  };
}

export function readableWorkbook(wb: Workbook): Readable {
  return {
    sheet: (name) => {
      const ws = wb.worksheets.find((w) => w.name.toLowerCase() === name.toLowerCase());
      return ws ? sheetGrid(ws) : undefined;
    },
    table: (name) => {
      for (const ws of wb.worksheets) {
        for (const t of tablesOf(ws)) {
          const m =
            (t as unknown as { table?: { name: string; tableRef?: string; ref?: string; columns: { name: string }[] } }).table ??
            (t as unknown as { model: { name: string; tableRef?: string; ref?: string; columns: { name: string }[] } }).model;
          if (m.name.toLowerCase() !== name.toLowerCase()) continue;
          const ref = (m.tableRef ?? m.ref)!;
          const mm = /^\$?([A-Z]+)\$?(\d+):\$?([A-Z]+)\$?(\d+)$/.exec(ref)!;
          const col = [...mm[1]].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;
          return {
            name: m.name,
            sheet: ws.name,
            row: Number(mm[2]) - 1,
            col,
            headers: m.columns.map((c) => c.name),
            rowCount: Number(mm[4]) - Number(mm[2]),
          };
        }
      }
      return undefined;
    },
  };
}

/**
 * A result workbook read as the command line reads it (the package reader, src/adapters/xlsx): the
 * cells of its sheets (cached values, merged cells other than the top-left one left out), its tables
 * and its workbook-level names, without building an exceljs model. `readableWorkbook`, `masterCheck`
 * and `checkRows` over the exceljs model give the same (checked on recalculated files by the invariant suites, test/support/invariant.ts).
 */
export interface CellBook extends Readable {
  /** The workbook-level defined names and their references ("'Sheet'!$A$1"). */
  names: { name: string; ref: string }[];
  /** A sheet by its exact name (as exceljs's getWorksheet finds it). */
  exactSheet(name: string): ValueGrid | undefined;
  /** The package, to read its input tables from (a fresh engine run). */
  book: PackageWorkbook;
}

function cellGrid(name: string, cells: OutputCell[]): ValueGrid {
  const at = new Map<number, Value>();
  let rows = 0;
  let cols = 0;
  for (const c of cells) {
    const [r, col] = parseCellRef(c.address)!;
    rows = Math.max(rows, r);
    cols = Math.max(cols, col);
    at.set((r - 1) * 16_384 + col - 1, c.value);
  }
  return { name, rows, cols, at: (r, c) => at.get(r * 16_384 + c) ?? null };
}

/** The sheets figuresOf and checkRows read (any case; the big calculation sheets are left unread). */
const FIGURE_SHEETS = [
  'TYM_Tulokset',
  'TYM_Laskutus',
  'TYM_Henkilostoresurssit',
  'TYM_Vertailu',
  'TYM_Skenaariot',
  'TYM_Skenaariojako',
  'TYM_Laskurivit',
  'TYM_Tarkistukset',
];

/**
 * Reads the sheets figuresOf and checkRows read (FIGURE_SHEETS), the sheet of each table named in
 * `tables` and the sheet the master check's name points to.
 */
export async function readCellBook(bytes: Uint8Array, tables: string[] = ['Tulokset']): Promise<CellBook> {
  const book = await PackageWorkbook.fromBuffer(bytes);
  const pkg = await OpcPackage.open(bytes);
  const info = await readWorkbookInfo(pkg);
  const places: TablePlace[] = (await readTableParts(pkg, info)).map((t) => ({
    name: t.name,
    sheet: info.sheets[t.sheetIndex].name,
    row: t.box.top - 1,
    col: t.box.left - 1,
    headers: t.columns,
    rowCount: t.box.bottom - t.box.top,
  }));
  const names = await book.readDefinedNames();
  const sheets = info.sheets.filter((s) => s.kind === 'worksheet').map((s) => s.name);
  const wanted = new Set(sheets.filter((n) => FIGURE_SHEETS.some((f) => f.toLowerCase() === n.toLowerCase())));
  for (const t of places) if (tables.some((n) => n.toLowerCase() === t.name.toLowerCase())) wanted.add(t.sheet);
  for (const n of names) {
    const m = /^'?(.*?)'?!/.exec(n.ref);
    const sheet = m && sheets.find((s) => s.toLowerCase() === m[1].replace(/''/g, "'").toLowerCase());
    if (sheet) wanted.add(sheet);
  }
  const bySheet = new Map<string, OutputCell[]>();
  for (const name of wanted) bySheet.set(name, []);
  for (const c of await book.readOutputCells([...wanted])) bySheet.get(c.sheet)?.push(c);
  const grids = new Map([...bySheet].map(([name, cells]) => [name, cellGrid(name, cells)]));
  return {
    book,
    names,
    exactSheet: (name) => grids.get(name),
    sheet: (name) => [...grids.values()].find((g) => g.name.toLowerCase() === name.toLowerCase()),
    table: (name) => places.find((t) => t.name.toLowerCase() === name.toLowerCase()),
  };
}

export function readableSpecs(sheets: SheetSpec[]): Readable {
  return {
    sheet: (name) => {
      const s = sheets.find((x) => x.name === name);
      if (!s) return undefined;
      return {
        name,
        rows: s.cells.length,
        // The widest row: a sheet's first row may hold only its title.
        cols: s.cells.reduce((n, row) => Math.max(n, row?.length ?? 0), 0),
        at: (r, c) => {
          const cell = s.cells[r]?.[c];
          if (!cell) return null;
          const v = cell.formula !== undefined ? cell.expected : cell.value;
          return v === undefined ? null : v;
        },
      };
    },
    table: (name) => {
      for (const s of sheets) {
        const t = (s.tables ?? []).find((x) => x.name === name);
        if (t) return { name, sheet: s.name, row: t.row, col: t.col, headers: t.headers, rowCount: t.rowCount };
      }
      return undefined;
    },
  };
}

const text = (v: Value) => (v === null ? '' : String(v).trim());
const isNum = (v: Value): v is number => typeof v === 'number';

/** Figures keyed by meaning. Keys that occur twice get a "#2" suffix (a relabelled row). */
export type Figures = Map<string, Value>;

function put(f: Figures, key: string, v: Value): void {
  let k = key;
  for (let i = 2; f.has(k); i++) k = `${key}#${i}`;
  f.set(k, v);
}

function findRow(g: ValueGrid, pred: (r: number) => boolean, from = 0): number {
  for (let r = from; r < g.rows; r++) if (pred(r)) return r;
  return -1;
}

function summary(rd: Readable, f: Figures): void {
  const g = rd.sheet('TYM_Tulokset');
  if (!g) return;
  const h = findRow(g, (r) => text(g.at(r, 0)) === 'Vastaanottaja' && text(g.at(r, 1)) === 'Taso');
  if (h < 0) return;
  const kinds: [number, string][] = [];
  for (let c = 2; c < g.cols; c++) if (/^(TA|TOT)$/.test(text(g.at(h, c)))) kinds.push([c, text(g.at(h, c))]);
  for (let r = h + 1; r < g.rows && text(g.at(r, 0)); r++) {
    for (const [c, k] of kinds) put(f, `yhteenveto|${text(g.at(r, 0))}|${text(g.at(r, 1))}|${k}`, g.at(r, c));
  }
}

function resultTable(rd: Readable, f: Figures): void {
  const t = rd.table('Tulokset');
  if (!t) return;
  const g = rd.sheet(t.sheet)!;
  const col = (h: string) => t.col + t.headers.indexOf(h);
  for (let i = 0; i < t.rowCount; i++) {
    const r = t.row + 1 + i;
    const key = ['Laji', 'Pooli', 'Tilaisuus', 'Taso', 'Vastaanottaja'].map((h) => text(g.at(r, col(h)))).join('|');
    for (const h of ['Avain', 'Osuus', 'Euroa']) put(f, `tulokset|${key}|${h}`, g.at(r, col(h)));
  }
}

function invoicing(rd: Readable, f: Figures): void {
  const g = rd.sheet('TYM_Laskutus');
  if (!g) return;
  const h = findRow(g, (r) => text(g.at(r, 0)) === 'Vastaanottaja');
  if (h < 0) return;
  const headers: [number, string][] = [];
  for (let c = 1; c < g.cols; c++) {
    const t = text(g.at(h, c));
    if (!t) continue;
    const inst = /^Erä (\d+)/.exec(t);
    headers.push([c, inst ? `Erä ${inst[1]}` : t]);
  }
  for (let r = h + 1; r < g.rows && text(g.at(r, 0)); r++) {
    for (const [c, name] of headers) {
      const v = g.at(r, c);
      if (typeof v === 'boolean') continue;
      // An unused installment is blank or zero by formula: both mean "nothing billed".
      put(f, `laskutus|${text(g.at(r, 0))}|${name}`, v === null || v === '' ? 0 : v);
    }
  }
}

function staffing(rd: Readable, f: Figures): void {
  const g = rd.sheet('TYM_Henkilostoresurssit');
  if (!g) return;
  const h = findRow(g, (r) => text(g.at(r, 0)) === 'Osapuoli' && text(g.at(r, 1)) === 'Yksikkö');
  if (h < 0) return;
  // The figure columns by their headers (the rest are helper columns).
  const cols: [number, string][] = [];
  for (let c = 2; c < g.cols; c++) if (['Henkilömäärä', 'HTV', 'HTV vuodessa'].includes(text(g.at(h, c)))) cols.push([c, text(g.at(h, c))]);
  for (let r = h + 1; r < g.rows; r++) {
    const label = `${text(g.at(r, 0))}|${text(g.at(r, 1))}`;
    if (label === '|') continue;
    for (const [c, name] of cols) {
      const v = g.at(r, c);
      if (isNum(v) || (typeof v === 'string' && v !== '')) put(f, `henkilöstö|${label}|${name}`, v);
    }
  }
}

function comparison(rd: Readable, f: Figures): void {
  const g = rd.sheet('TYM_Vertailu');
  if (!g) return;
  let block = '';
  let headers: [number, string][] = [];
  for (let r = 0; r < g.rows; r++) {
    const a = text(g.at(r, 0));
    const b = g.at(r, 1);
    // A header row: blank label, then the years.
    if (!a && /^\d{4}$/.test(text(b))) {
      headers = [];
      for (let c = 1; c < g.cols; c++) if (text(g.at(r, c))) headers.push([c, text(g.at(r, c))]);
      continue;
    }
    if (!a) continue;
    if (headers.length && r > 0 && !text(g.at(r - 1, 0)) && !/^\d{4}$/.test(text(g.at(r - 1, 1)))) headers = [];
    if (!headers.length) {
      block = a;
      continue;
    }
    for (const [c, name] of headers) put(f, `vertailu|${block}|${a}|${name}`, g.at(r, c));
  }
}

/** The column headers of a header row, from column `from` on (blank headers left out). */
function headersOf(g: ValueGrid, r: number, from = 0): [number, string][] {
  const out: [number, string][] = [];
  for (let c = from; c < g.cols; c++) if (text(g.at(r, c))) out.push([c, text(g.at(r, c))]);
  return out;
}

/**
 * TYM_Skenaariot: one block per kind and level (header "Kunta" or "Osapuoli", then "Nro"); the row
 * under the header names the kind and marks each basis ("voimassa", "ei laskettavissa"); receiver
 * rows down to "Yhteensä". Each "ero" column is named after the basis to its left. The receiver
 * number and the row checks (booleans, compared through the checks sheet) are left out.
 */
function scenarios(rd: Readable, f: Figures): void {
  const g = rd.sheet('TYM_Skenaariot');
  if (!g) return;
  for (let h = 0; h < g.rows; h++) {
    const level = text(g.at(h, 0));
    if ((level !== 'Kunta' && level !== 'Osapuoli') || text(g.at(h, 1)) !== 'Nro') continue;
    const kind = text(g.at(h + 1, 0));
    const cols: [number, string][] = [];
    let basis = '';
    for (const [c, name] of headersOf(g, h, 2)) {
      if (/^ero /.test(name)) cols.push([c, `${basis}|${name}`]);
      else if (/€$/.test(name)) cols.push([c, (basis = name)]);
    }
    for (const [c, name] of cols) {
      const status = g.at(h + 1, c);
      if (!/^ero /.test(name.split('|').pop()!)) put(f, `skenaariot|${kind}|${level}|tila|${name}`, status === null ? '' : status);
    }
    for (let r = h + 2; r < g.rows && text(g.at(r, 0)); r++) {
      for (const [c, name] of cols) {
        const v = g.at(r, c);
        if (typeof v !== 'boolean') put(f, `skenaariot|${kind}|${level}|${text(g.at(r, 0))}|${name}`, v);
      }
      if (text(g.at(r, 0)) === 'Yhteensä') break;
    }
  }
}

const SPLIT_ID = ['Laji', 'Pooli', 'Avaimen laji', 'Vastaanottaja'];
const INDEX_HEADERS = new Set(['Nro', 'Koodi']);

/**
 * TYM_Skenaariojako: the key tables (a row per municipality, party or basis, keyed by its name within
 * the section title above them) and the split blocks (header "Peruste (koodi)"). A split row is
 * keyed by block, basis code, kind, pool, key type and receiver; the groups of one key are numbered
 * by the sheet's own order, which a live edit may change, so each key holds its groups' "amount to
 * split → share" pairs sorted: the same figures whatever the order of the groups.
 */
function scenarioSplits(rd: Readable, f: Figures): void {
  const g = rd.sheet('TYM_Skenaariojako');
  if (!g) return;
  let section = '';
  let splitBlock = 0;
  const groups = new Map<string, string[]>();
  for (let h = 0; h < g.rows; h++) {
    const first = text(g.at(h, 0));
    if (!first) continue;
    const heads = headersOf(g, h);
    if (heads.length === 1 || (heads.length === 2 && /→$/.test(first))) {
      section = heads.map(([, t]) => t).join(' ');
      continue;
    }
    if (first === 'Peruste (koodi)') {
      splitBlock++;
      const col = (name: string) => heads.find(([, t]) => t === name)?.[0] ?? -1;
      const [basisCol, amountCol, centsCol, shareCol] = ['Peruste (koodi)', 'Jaettava €', 'Osuus (snt)', 'Osuus €'].map(col);
      let r = h + 1;
      for (; r < g.rows && text(g.at(r, 0)); r++) {
        const id = [`${splitBlock}`, text(g.at(r, basisCol)), ...SPLIT_ID.map((n) => text(g.at(r, col(n))))].join('|');
        const fig = (v: Value) => (isNum(v) ? v.toFixed(2) : text(v));
        const list = groups.get(id) ?? [];
        list.push(`${fig(g.at(r, amountCol))}→${fig(g.at(r, centsCol))}/${fig(g.at(r, shareCol))}`);
        groups.set(id, list);
      }
      h = r;
      continue;
    }
    if (!INDEX_HEADERS.has(first)) continue;
    const nameCol = heads.find(([, t]) => ['Kunta', 'Osapuoli', 'Peruste'].includes(t))?.[0];
    if (nameCol === undefined) continue;
    let r = h + 1;
    for (; r < g.rows && text(g.at(r, 0)); r++) {
      for (const [c, name] of heads) {
        if (c === nameCol || INDEX_HEADERS.has(name)) continue;
        put(f, `skenaariojako|${section}|${text(g.at(r, nameCol))}|${name}`, g.at(r, c));
      }
    }
    h = r;
  }
  for (const [id, list] of groups) put(f, `skenaariojako|jako|${id}`, list.sort().join('; '));
}

/** Visible columns of TYM_Laskurivit (the rest are helper columns behind them). */
const INVOICE_ROW_COLUMNS = ['Nro', 'Tyyppi', 'Y-tunnus', 'Laskun päivä', 'Eräpäivä', 'Summa €', 'Kuvaus', 'Laskutetaan (1 = kyllä)'];

/** TYM_Laskurivit: a row per receiver and installment ("Erä": its number or "tasaus"). */
function invoiceRows(rd: Readable, f: Figures): void {
  const g = rd.sheet('TYM_Laskurivit');
  if (!g) return;
  const h = findRow(g, (r) => text(g.at(r, 0)) === 'Nro' && text(g.at(r, 2)) === 'Vastaanottaja');
  if (h < 0) return;
  const heads = headersOf(g, h);
  const col = (name: string) => heads.find(([, t]) => t === name)?.[0] ?? -1;
  const [receiver, installment] = [col('Vastaanottaja'), col('Erä')];
  const cols = INVOICE_ROW_COLUMNS.map((n): [number, string] => [col(n), n]).filter(([c]) => c >= 0);
  for (let r = h + 1; r < g.rows && text(g.at(r, receiver)); r++) {
    for (const [c, name] of cols) {
      const v = g.at(r, c);
      // A blank text result reads back as nothing, the engine's as "": both mean no value.
      put(f, `laskurivit|${text(g.at(r, receiver))}|${text(g.at(r, installment))}|${name}`, v === '' ? null : v);
    }
  }
}

/** Every keyed figure of the output sheets. */
export function figuresOf(rd: Readable): Figures {
  const f: Figures = new Map();
  summary(rd, f);
  resultTable(rd, f);
  invoicing(rd, f);
  staffing(rd, f);
  comparison(rd, f);
  scenarios(rd, f);
  scenarioSplits(rd, f);
  invoiceRows(rd, f);
  return f;
}

function sameValue(a: Value, b: Value): boolean {
  if (isNum(a) && isNum(b)) return Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));
  const blank = (v: Value) => v === null || v === '';
  if (blank(a) && blank(b)) return true;
  return text(a) === text(b) && typeof a === typeof b;
}

/** The differences between two sets of figures (at most `limit`), as readable lines. */
export function differences(actual: Figures, expected: Figures, limit = 8): string[] {
  const out: string[] = [];
  for (const [k, v] of expected) {
    if (!actual.has(k)) out.push(`missing ${k} (expected ${String(v)})`);
    else if (!sameValue(actual.get(k)!, v)) out.push(`${k}: ${String(actual.get(k))} != expected ${String(v)}`);
    if (out.length >= limit) return out;
  }
  for (const [k, v] of actual) {
    if (!expected.has(k)) out.push(`unexpected ${k} = ${String(v)}`);
    if (out.length >= limit) return out;
  }
  return out;
}

/** The master check: the workbook-level name TYM_TARKISTUS (or, in workbooks without it, TYM_Tarkistukset!B5). */
export function masterCheck(wb: Workbook | CellBook): { value: Value; byName: boolean } {
  if (!isWorkbook(wb)) return masterCheckOfCells(wb);
  const model = (wb.definedNames as unknown as { model: { name: string; ranges: string[]; localSheetId?: number }[] }).model;
  const named = model.find((n) => n.name.toUpperCase() === 'TYM_TARKISTUS' && n.localSheetId === undefined);
  if (named && named.ranges[0]) {
    const m = /^'?(.*?)'?!\$?([A-Z]+)\$?(\d+)$/.exec(named.ranges[0]);
    if (m) {
      const ws = wb.worksheets.find((w) => w.name === m[1].replace(/''/g, "'"));
      if (ws) return { value: flatten(ws.getCell(`${m[2]}${m[3]}`).result ?? ws.getCell(`${m[2]}${m[3]}`).value), byName: true };
    }
  }
  const ws = wb.getWorksheet('TYM_Tarkistukset');
  return { value: ws ? flatten(ws.getCell('B5').result ?? ws.getCell('B5').value) : null, byName: false };
}

/** Check rows of TYM_Tarkistukset: label (column A) and result (column B), booleans or errors only. */
export function checkRows(wb: Workbook | CellBook): { label: string; value: Value }[] {
  const g = isWorkbook(wb) ? gridOf(wb.getWorksheet('TYM_Tarkistukset')) : wb.exactSheet('TYM_Tarkistukset');
  if (!g) return [];
  const out: { label: string; value: Value }[] = [];
  for (let r = 0; r < g.rows; r++) {
    const v = g.at(r, 1);
    const label = text(g.at(r, 0));
    if (!label) continue;
    if (typeof v === 'boolean' || (typeof v === 'string' && v.startsWith('#'))) out.push({ label, value: v });
  }
  return out;
}

const isWorkbook = (wb: Workbook | CellBook): wb is Workbook => 'worksheets' in wb;
const gridOf = (ws: Worksheet | undefined) => (ws ? sheetGrid(ws) : undefined);

/** masterCheck over a CellBook: the same name lookup, the cell's cached value. */
function masterCheckOfCells(cb: CellBook): { value: Value; byName: boolean } {
  const named = cb.names.find((n) => n.name.toUpperCase() === 'TYM_TARKISTUS');
  const valueAt = (sheet: string, address: string) => {
    const g = cb.exactSheet(sheet);
    const rc = parseCellRef(address);
    return g && rc ? g.at(rc[0] - 1, rc[1] - 1) : undefined;
  };
  if (named) {
    const m = /^'?(.*?)'?!\$?([A-Z]+)\$?(\d+)$/.exec(named.ref);
    if (m) {
      const sheet = m[1].replace(/''/g, "'");
      if (cb.exactSheet(sheet)) return { value: valueAt(sheet, `${m[2]}${m[3]}`) ?? null, byName: true };
    }
  }
  return { value: valueAt('TYM_Tarkistukset', 'B5') ?? null, byName: false };
}
