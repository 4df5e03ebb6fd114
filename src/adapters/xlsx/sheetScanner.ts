/**
 * Streams a worksheet part and reports its cells, without holding the sheet in memory: the XML is
 * decompressed and parsed chunk by chunk, and only the cells the caller wants are decoded. Reads any
 * producer's SheetML: rows and cells without `r` (implicit positions), prefixed element names, shared
 * strings, inline strings (openpyxl), rich text, booleans, errors, ISO dates (`t="d"`), shared
 * formulas, and formula cells without a stored value (`<f>` and no or an empty `<v>`, as openpyxl
 * and pandas write them).
 */
import { SaxesParser } from 'saxes';
import type { RawValue } from '../../domain/raw';
import type { OpcPackage } from './opc';
import { shiftFormula } from './sharedFormula';
import { decodeCellText, localName } from './xml';

export interface ScannedCell {
  /** The stored value (numbers as numbers; date conversion is the caller's, by the cell's format). */
  value: RawValue;
  /** Cell style index (`s`), 0 by default. */
  xf: number;
  /** Formula text without "=" (shared formulas expanded); only when formulas were asked for. */
  formula?: string;
  /** A formula cell without a stored value: never calculated (open and save the file in Excel). */
  uncached?: true;
}

export interface ScanOptions {
  /** Called for each cell position; only cells it accepts are decoded and reported. */
  wants(row: number, col: number): boolean;
  onCell(row: number, col: number, cell: ScannedCell): void;
  /** Formula texts are only collected when asked (the output sheets, for verify). */
  formulas?: boolean;
  /** Shared strings of the workbook. */
  strings: readonly string[];
}

export interface ScanResult {
  /** Sheet rows marked hidden (also the rows an autofilter hides). */
  hiddenRows: Set<number>;
  /** Merged ranges as written ("A1:B2"). */
  merges: string[];
}

/** "AB12" -> [12, 28]; undefined when not a cell reference. */
export function parseCellRef(ref: string): [number, number] | undefined {
  let col = 0;
  let i = 0;
  for (; i < ref.length; i++) {
    const c = ref.charCodeAt(i);
    if (c >= 65 && c <= 90) col = col * 26 + (c - 64);
    else if (c >= 97 && c <= 122) col = col * 26 + (c - 96);
    else if (c !== 36) break; // "$"
  }
  const row = Number(ref.slice(i).replace('$', ''));
  if (!col || !Number.isInteger(row) || row < 1) return undefined;
  return [row, col];
}

const isTrue = (v: string | undefined) => v === '1' || v === 'true';

/** Strict OOXML and some producers write ISO 8601 dates (`t="d"`): the same UTC Date exceljs gives. */
function isoDate(text: string): RawValue {
  const d = new Date(/[zZ]|[+-]\d\d:?\d\d$/.test(text) || !text.includes('T') ? text : `${text}Z`);
  return Number.isNaN(d.getTime()) ? { error: '#VALUE!' } : d;
}

export async function scanSheet(pkg: OpcPackage, part: string, opts: ScanOptions): Promise<ScanResult> {
  const hiddenRows = new Set<number>();
  const merges: string[] = [];
  const shared = new Map<string, { formula: string; row: number; col: number }>();
  const parser = new SaxesParser({ position: false });

  let row = 0;
  let col = 0;
  // The cell being read.
  let inCell = false;
  let wanted = false;
  let type = '';
  let xf = 0;
  let hasV = false;
  let v = '';
  let hasF = false;
  let f = '';
  let fShared: { si?: string; master: boolean } | null = null;
  let inlineText = '';
  // What text goes where: 0 none, 1 <v>, 2 <f>, 3 <t> of an inline string (outside phonetic runs).
  let textTarget = 0;
  let inPhonetic = false;

  parser.on('opentag', (tag) => {
    const name = localName(tag.name);
    const a = tag.attributes as Record<string, string>;
    switch (name) {
      case 'row': {
        const r = a.r;
        row = r ? Number(r) : row + 1;
        col = 0;
        if (isTrue(a.hidden)) hiddenRows.add(row);
        return;
      }
      case 'c': {
        const ref = a.r ? parseCellRef(a.r) : undefined;
        if (ref) {
          row = ref[0];
          col = ref[1];
        } else col += 1;
        inCell = true;
        wanted = opts.wants(row, col);
        if (!wanted) return;
        type = a.t ?? 'n';
        xf = a.s ? Number(a.s) : 0;
        hasV = false;
        v = '';
        hasF = false;
        f = '';
        fShared = null;
        inlineText = '';
        return;
      }
      case 'v':
        if (inCell && wanted) {
          hasV = true;
          textTarget = 1;
        }
        return;
      case 'f':
        if (inCell && wanted) {
          hasF = true;
          textTarget = 2;
          if (a.t === 'shared') fShared = { si: a.si, master: a.ref !== undefined };
        }
        return;
      case 'rPh':
        inPhonetic = true;
        return;
      case 't':
        if (inCell && wanted && !inPhonetic) textTarget = 3;
        return;
      case 'mergeCell':
        if (a.ref) merges.push(a.ref);
        return;
      default:
        return;
    }
  });

  parser.on('text', (t: string) => {
    if (textTarget === 1) v += t;
    else if (textTarget === 2) f += t;
    else if (textTarget === 3) inlineText += t;
  });

  parser.on('closetag', (tag) => {
    const name = localName(tag.name);
    switch (name) {
      case 'v':
      case 'f':
      case 't':
        textTarget = 0;
        return;
      case 'rPh':
        inPhonetic = false;
        return;
      case 'c': {
        if (inCell && wanted) emit();
        inCell = false;
        wanted = false;
        return;
      }
      default:
        return;
    }
  });

  function emit(): void {
    const cell: ScannedCell = { value: null, xf };
    const uncached = hasF && (!hasV || (v === '' && type !== 'str' && type !== 'inlineStr'));
    if (uncached) cell.uncached = true;
    else cell.value = valueOf();
    if (hasF && opts.formulas) {
      let formula = f;
      if (fShared?.si !== undefined) {
        if (fShared.master) shared.set(fShared.si, { formula: f, row, col });
        else {
          const m = shared.get(fShared.si);
          if (m) formula = shiftFormula(m.formula, row - m.row, col - m.col);
        }
      }
      cell.formula = decodeCellText(formula);
    }
    opts.onCell(row, col, cell);
  }

  function valueOf(): RawValue {
    switch (type) {
      case 's': {
        const s = opts.strings[Number(v)];
        return s === undefined || s === '' ? null : s;
      }
      case 'inlineStr': {
        const s = decodeCellText(inlineText);
        return s === '' ? null : s;
      }
      case 'str': {
        const s = decodeCellText(v);
        return s === '' ? null : s;
      }
      case 'b':
        return hasV ? isTrue(v.trim()) : null;
      case 'e':
        return { error: v.trim() };
      case 'd':
        return v.trim() === '' ? null : isoDate(v.trim());
      default: {
        const t = v.trim();
        if (t === '') return null;
        const n = Number(t);
        return Number.isFinite(n) ? n : { error: '#NUM!' };
      }
    }
  }

  await pkg.stream(part, (chunk) => {
    parser.write(chunk);
  });
  parser.close();
  return { hiddenRows, merges };
}
