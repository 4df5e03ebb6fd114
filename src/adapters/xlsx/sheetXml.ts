/**
 * SheetML of an output sheet, generated straight from its SheetSpec in chunks (a sheet of 200,000
 * rows is never one string): cells with their cached values (text results as t="str", booleans as
 * t="b"; constant text as an inline string, never parsed as a formula), styles by index into the
 * package's styles.xml, conditional formats of the check cells, column widths, frozen panes, tab
 * colour, print set-up with header and footer, and the table parts.
 */
import type { CellSpec, CellStyle, SheetSpec } from '../../workbook/sheetSpec';
import { a1, colLetters } from '../../workbook/formula';
import { rowsWidth } from '../../workbook/grid';
import { encodeCellText, escapeAttr, escapeText, XML_DECLARATION } from './xml';

export interface SheetXmlContext {
  mainNs: string;
  relNs: string;
  xf: Record<CellStyle, number>;
  dxfTrue: number;
  dxfFalse: number;
  /** Relationship ids of the sheet's table parts, in the order of spec.tables. */
  tableRelIds: string[];
}

/** Rows per chunk of generated XML. */
const ROWS_PER_CHUNK = 500;

function numberText(n: number): string | null {
  if (!Number.isFinite(n)) return null;
  return Object.is(n, -0) ? '0' : String(n);
}

/** Error values a formula's cached result may be (written as t="e"). */
const ERROR_RESULTS = new Set(['#DIV/0!', '#N/A', '#VALUE!', '#REF!', '#NUM!', '#NAME?', '#NULL!']);

/**
 * Functions newer than Excel 2007 are stored with the "_xlfn." prefix in the file (Excel and
 * LibreOffice read a bare name as #NAME?); the layout writes English names as office.js takes them.
 */
const FUTURE_FUNCTIONS = /(^|[^A-Za-z0-9_.])(UNICODE)\(/g;

/** A formula as stored in the file: without "=", future functions prefixed; text in quotes left alone. */
export function fileFormula(formula: string): string {
  const f = formula.startsWith('=') ? formula.slice(1) : formula;
  return f
    .split(/("(?:[^"]|"")*")/)
    .map((part, i) => (i % 2 === 1 ? part : part.replace(FUTURE_FUNCTIONS, '$1_xlfn.$2(')))
    .join('');
}

/** One cell's XML, or '' when the cell is empty. */
export function cellXml(ref: string, c: CellSpec, xf: Record<CellStyle, number>): string {
  const s = c.style ? ` s="${xf[c.style]}"` : '';
  if (c.formula !== undefined) {
    const f = `<f>${encodeCellText(fileFormula(c.formula))}</f>`;
    const v = c.expected;
    if (v === null || v === undefined) return `<c r="${ref}"${s}>${f}</c>`;
    // An expected error ("#DIV/0!": a year that cannot be allocated) is cached as an error value.
    if (typeof v === 'string' && ERROR_RESULTS.has(v)) return `<c r="${ref}"${s} t="e">${f}<v>${v}</v></c>`;
    if (typeof v === 'string') return `<c r="${ref}"${s} t="str">${f}<v>${encodeCellText(v)}</v></c>`;
    if (typeof v === 'boolean') return `<c r="${ref}"${s} t="b">${f}<v>${v ? 1 : 0}</v></c>`;
    const n = numberText(v);
    return n === null ? `<c r="${ref}"${s}>${f}</c>` : `<c r="${ref}"${s}>${f}<v>${n}</v></c>`;
  }
  const v = c.value;
  if (v === null || v === undefined) return s ? `<c r="${ref}"${s}/>` : '';
  if (typeof v === 'string') return `<c r="${ref}"${s} t="inlineStr"><is><t xml:space="preserve">${encodeCellText(v)}</t></is></c>`;
  if (typeof v === 'boolean') return `<c r="${ref}"${s} t="b"><v>${v ? 1 : 0}</v></c>`;
  const n = numberText(v);
  return n === null ? `<c r="${ref}"${s} t="e"><v>#NUM!</v></c>` : `<c r="${ref}"${s}><v>${n}</v></c>`;
}

/** Header/footer text: "&" is a control character there, so a literal one is doubled. */
const hfText = (s: string) => s.replace(/&/g, '&&');

function sheetViews(spec: SheetSpec): string {
  const f = spec.freeze;
  if (!f || (f.rows <= 0 && f.columns <= 0)) return '<sheetViews><sheetView workbookViewId="0"/></sheetViews>';
  const pane = f.rows > 0 && f.columns > 0 ? 'bottomRight' : f.rows > 0 ? 'bottomLeft' : 'topRight';
  const tl = a1(f.rows, f.columns);
  const split = `${f.columns > 0 ? ` xSplit="${f.columns}"` : ''}${f.rows > 0 ? ` ySplit="${f.rows}"` : ''}`;
  return `<sheetViews><sheetView workbookViewId="0"><pane${split} topLeftCell="${tl}" activePane="${pane}" state="frozen"/><selection pane="${pane}" activeCell="${tl}" sqref="${tl}"/></sheetView></sheetViews>`;
}

function cols(spec: SheetSpec): string {
  const w = spec.columnWidths ?? [];
  if (!w.length) return '';
  return `<cols>${w.map((width, i) => `<col min="${i + 1}" max="${i + 1}" width="${width}" customWidth="1"/>`).join('')}</cols>`;
}

/**
 * The check cells (style 'check') as ranges, one per run of cells in a column, in column order:
 * collected row by row while the rows are written (a sheet's generated rows are read once).
 */
class CheckRuns {
  private readonly start: Int32Array;
  private readonly runs: string[][];

  constructor(width: number) {
    this.start = new Int32Array(width).fill(-1);
    this.runs = Array.from({ length: width }, () => []);
  }

  /** Row r (past the last row: undefined). */
  row(r: number, row: readonly (CellSpec | null)[] | undefined): void {
    for (let c = 0; c < this.start.length; c++) {
      const isCheck = row?.[c]?.style === 'check';
      const start = this.start[c];
      if (isCheck && start < 0) this.start[c] = r;
      if (!isCheck && start >= 0) {
        this.runs[c].push(start === r - 1 ? a1(start, c) : `${a1(start, c)}:${a1(r - 1, c)}`);
        this.start[c] = -1;
      }
    }
  }

  refs(): string[] {
    return this.runs.flat();
  }
}

/** The worksheet part of `spec`, in chunks. */
export function* sheetXmlChunks(spec: SheetSpec, ctx: SheetXmlContext): Generator<string> {
  const rowCount = spec.cells.length;
  const width = rowsWidth(spec.cells);
  // Fit to pages (ECMA-376 Part 1, 18.3.1.65 pageSetUpPr@fitToPage): on for one page wide, or one page in all (onePage).
  const fit = !!spec.print && (spec.print.fitToWidth || !!spec.print.onePage);
  const pr = [spec.tabColor ? `<tabColor rgb="${escapeAttr(spec.tabColor)}"/>` : '', fit ? '<pageSetUpPr fitToPage="1"/>' : ''].join('');
  yield (
    XML_DECLARATION +
    `<worksheet xmlns="${ctx.mainNs}" xmlns:r="${ctx.relNs}">` +
    (pr ? `<sheetPr>${pr}</sheetPr>` : '') +
    `<dimension ref="${rowCount && width ? `A1:${colLetters(width - 1)}${rowCount}` : 'A1'}"/>` +
    sheetViews(spec) +
    '<sheetFormatPr defaultRowHeight="15"/>' +
    cols(spec) +
    '<sheetData>'
  );
  let chunk = '';
  const checks = new CheckRuns(width);
  for (let r = 0; r < rowCount; r++) {
    const row = spec.cells[r];
    checks.row(r, row);
    let cells = '';
    for (let c = 0; c < row.length; c++) {
      const cell = row[c];
      if (cell) cells += cellXml(`${colLetters(c)}${r + 1}`, cell, ctx.xf);
    }
    if (cells) chunk += `<row r="${r + 1}">${cells}</row>`;
    if ((r + 1) % ROWS_PER_CHUNK === 0) {
      yield chunk;
      chunk = '';
    }
  }
  let tail = chunk + '</sheetData>';
  checks.row(rowCount, undefined);
  const checkRefs = checks.refs();
  if (checkRefs.length) {
    tail +=
      `<conditionalFormatting sqref="${checkRefs.join(' ')}">` +
      `<cfRule type="cellIs" dxfId="${ctx.dxfTrue}" priority="1" operator="equal"><formula>TRUE</formula></cfRule>` +
      `<cfRule type="cellIs" dxfId="${ctx.dxfFalse}" priority="2" operator="equal"><formula>FALSE</formula></cfRule>` +
      '</conditionalFormatting>';
  }
  tail += '<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>';
  if (spec.print) {
    const p = spec.print;
    // 18.3.1.63 pageSetup: fitToWidth/fitToHeight are page counts, 0 = as many as needed (both default to 1).
    // One page wide and as tall as needed, or (onePage, issue 12's scenario sheet) one page wide and tall.
    const fitAttrs = p.onePage ? ' fitToWidth="1" fitToHeight="1"' : p.fitToWidth ? ' fitToWidth="1" fitToHeight="0"' : '';
    tail += `<pageSetup paperSize="9" orientation="${p.landscape ? 'landscape' : 'portrait'}"${fitAttrs}/>`;
    tail +=
      '<headerFooter>' +
      `<oddHeader>${escapeText(`&L&"-,Bold"${hfText(p.title)}&R&D`)}</oddHeader>` +
      `<oddFooter>${escapeText('&LTYM-kustannustenjako&RSivu &P / &N')}</oddFooter>` +
      '</headerFooter>';
  }
  if (ctx.tableRelIds.length)
    tail += `<tableParts count="${ctx.tableRelIds.length}">${ctx.tableRelIds.map((id) => `<tablePart r:id="${id}"/>`).join('')}</tableParts>`;
  yield tail + '</worksheet>';
}
