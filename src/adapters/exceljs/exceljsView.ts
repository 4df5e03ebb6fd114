/**
 * An exceljs model of a package, for display (the preview's sheet grid) and for edits made through
 * exceljs (the preview's setting writer, test fixtures). It is a view: the package stays the truth.
 * Loading works around exceljs 4.4's reading gaps (absolute relationship targets as openpyxl writes
 * them; tables without a header-row count or a style, as Excel and LibreOffice write them); saving
 * an edited view re-serialises the whole workbook through exceljs, which loses what exceljs does not
 * model (charts, comments, macros): only for edits, never for writing the results.
 */
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import type { Table, Workbook, Worksheet } from 'exceljs';
import { colLetters, columnNumber } from '../../workbook/formula';
import { installScopedNames } from './scopedNames';
import type { PackageWorkbook } from '../xlsx/packageWorkbook';

interface TableModel {
  name: string;
  displayName?: string;
  ref?: string;
  tableRef?: string;
  headerRow?: boolean;
  totalsRow?: boolean;
  autoFilterRef?: string;
  columns: { name: string; filterButton?: boolean; totalsRowFunction?: string; totalsRowFormula?: string }[];
  style?: Record<string, unknown> | null;
}

/** exceljs's typings claim tuples; at run time getTables() returns the Table objects. */
export function tablesOf(ws: Worksheet): Table[] {
  return ws.getTables() as unknown as Table[];
}

export function modelOf(t: Table): TableModel {
  return ((t as unknown as { table?: TableModel }).table ?? (t as unknown as { model: TableModel }).model) as TableModel;
}

interface Box {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

export function parseRange(ref: string): Box {
  const m = /^\$?([A-Za-z]{1,3})\$?(\d+)(?::\$?([A-Za-z]{1,3})\$?(\d+))?$/.exec(ref.trim());
  if (!m) throw new Error(`not a range: ${ref}`);
  const c1 = columnNumber(m[1]);
  const r1 = Number(m[2]);
  const c2 = m[3] ? columnNumber(m[3]) : c1;
  const r2 = m[4] ? Number(m[4]) : r1;
  return { top: Math.min(r1, r2), left: Math.min(c1, c2), bottom: Math.max(r1, r2), right: Math.max(c1, c2) };
}

/** The text of a header cell as exceljs holds it. */
function headerText(v: unknown): string | null {
  if (v === null || v === undefined) return null;
  if (typeof v === 'object' && Array.isArray((v as { richText?: unknown }).richText))
    return (v as { richText: { text: string }[] }).richText.map((r) => r.text).join('');
  if (typeof v === 'object' && 'result' in (v as object)) return headerText((v as { result: unknown }).result);
  return typeof v === 'object' ? null : String(v);
}

/**
 * - headerRowCount is optional in the file (default 1, and Excel omits it), but exceljs reads a
 *   missing attribute as "no header row" and would write headerRowCount="0" on save.
 * - LibreOffice writes tables without tableStyleInfo: exceljs then crashes on save.
 * - Filter buttons: exceljs writes hiddenButton="1" for every column it has no flag for.
 * - A custom totals formula is not read by exceljs: keep the cell's formula, drop the function.
 */
function repairLoadedTable(ws: Worksheet, t: Table): void {
  const m = modelOf(t);
  const ref = m.tableRef ?? m.ref;
  if (!ref) return;
  const box = parseRange(ref);
  if (m.headerRow !== true) m.headerRow = m.columns.every((c, j) => headerText(ws.findCell(box.top, box.left + j)?.value) === c.name);
  if (!m.style) m.style = { theme: null, showFirstColumn: false, showLastColumn: false, showRowStripes: false, showColumnStripes: false };
  if (m.autoFilterRef) {
    for (const c of m.columns) c.filterButton = true;
  } else {
    // exceljs always writes an autoFilter; without one in the file, write it with hidden buttons.
    m.autoFilterRef = `${colLetters(box.left - 1)}${box.top}:${colLetters(box.right - 1)}${box.bottom - (m.totalsRow ? 1 : 0)}`;
    for (const c of m.columns) c.filterButton = false;
  }
  for (const c of m.columns) if (c.totalsRowFunction === 'custom' && !c.totalsRowFormula) c.totalsRowFunction = undefined;
}

/** The package with every absolute relationship target made relative (exceljs cannot resolve "/xl/..."). */
async function relativeTargets(bytes: Uint8Array): Promise<Uint8Array> {
  const zip = await JSZip.loadAsync(bytes);
  let changed = false;
  for (const name of Object.keys(zip.files)) {
    if (!name.endsWith('.rels') || zip.files[name].dir) continue;
    const xml = await zip.file(name)!.async('string');
    // The source part's folder: xl/_rels/workbook.xml.rels -> xl/; _rels/.rels -> "".
    const folder = name.replace(/_rels\/[^/]*$/, '');
    const depth = folder.split('/').filter(Boolean).length;
    const next = xml.replace(/(\sTarget=")\/([^"]*)"/g, (_, lead: string, abs: string) => {
      changed = true;
      const from = folder.split('/').filter(Boolean);
      const to = abs.split('/');
      let i = 0;
      while (i < from.length && i < to.length - 1 && from[i] === to[i]) i++;
      return `${lead}${[...Array(depth - i).fill('..'), ...to.slice(i)].join('/')}"`;
    });
    if (next !== xml) zip.file(name, next);
  }
  return changed ? zip.generateAsync({ type: 'uint8array' }) : bytes;
}

/**
 * The package without its drawings and comments, for exceljs when it cannot read them (it expects
 * Excel's part names, e.g. xl/comments1.xml, where openpyxl writes xl/comments/comment1.xml).
 */
async function withoutDrawings(bytes: Uint8Array): Promise<Uint8Array> {
  const zip = await JSZip.loadAsync(bytes);
  for (const name of Object.keys(zip.files)) {
    if (zip.files[name].dir) continue;
    if (/(^|\/)drawings\/_rels\/[^/]+\.rels$/i.test(name)) zip.remove(name);
    else if (/worksheets\/_rels\/[^/]+\.rels$/i.test(name)) {
      const xml = await zip.file(name)!.async('string');
      zip.file(name, xml.replace(/<Relationship\b[^>]*Type="[^"]*\/(drawing|vmlDrawing|comments)"[^>]*\/>/g, ''));
    } else if (/worksheets\/[^/]+\.xml$/i.test(name)) {
      const xml = await zip.file(name)!.async('string');
      zip.file(name, xml.replace(/<(\w+:)?(drawing|legacyDrawing)\b[^>]*\/>/g, ''));
    }
  }
  return zip.generateAsync({ type: 'uint8array' });
}

/**
 * The exceljs model of a package (read-only use, or edits saved with `serialiseView`). When exceljs
 * cannot read the drawings or comments (openpyxl's: "reading 'anchors'"), the view is loaded without
 * them: the cells are what the view shows.
 */
export async function loadView(bytes: Uint8Array): Promise<Workbook> {
  const relative = await relativeTargets(bytes);
  const load = async (data: Uint8Array) => {
    const wb = new ExcelJS.Workbook();
    installScopedNames(wb);
    await wb.xlsx.load(data as unknown as ArrayBuffer);
    return wb;
  };
  let wb: Workbook;
  try {
    wb = await load(relative);
  } catch {
    wb = await load(await withoutDrawings(relative));
  }
  for (const ws of wb.worksheets) for (const t of tablesOf(ws)) repairLoadedTable(ws, t);
  return wb;
}

/** The bytes of an exceljs model (our own workbooks, and edits made through a view). */
export async function serialiseView(wb: Workbook): Promise<Uint8Array> {
  installScopedNames(wb);
  const out = await wb.xlsx.writeBuffer();
  return out instanceof Uint8Array ? out : new Uint8Array(out as ArrayBuffer);
}

/**
 * A view built from our own reader, for packages exceljs reads without their sheets (a producer's
 * unusual part names or prefixed elements): every sheet with its cells, formulas, values and number
 * formats. Tables are not modelled: enough to show the workbook, not to edit it through exceljs.
 */
export async function viewFromPackage(book: PackageWorkbook): Promise<Workbook> {
  const wb = new ExcelJS.Workbook();
  installScopedNames(wb);
  const names = await book.sheetNames();
  const cells = await book.readCells(names);
  for (const name of names) wb.addWorksheet(name);
  for (const c of cells) {
    const cell = wb.getWorksheet(c.sheet)!.getCell(c.address);
    cell.value = (c.formula !== undefined ? { formula: c.formula, result: c.value ?? undefined } : c.value) as ExcelJS.CellValue;
    if (c.numFmt) cell.numFmt = c.numFmt;
  }
  return wb;
}
