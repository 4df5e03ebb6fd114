/**
 * Small edits of a user's sheet, made in place in its SheetML: a cell's value set (its style kept),
 * a cell or row added where none was. For the preview's "save this setting" (one value in the
 * Asetukset table, or one row added to it); every other byte of the sheet stays as written. A sheet
 * this cannot edit safely (cells without their r attribute) is refused with CellEditError.
 */
import { colLetters } from '../../workbook/formula';
import { parseCellRef } from './sheetScanner';
import { encodeCellText } from './xml';

export class CellEditError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CellEditError';
  }
}

export interface CellWrite {
  /** 1-based sheet row and column. */
  row: number;
  col: number;
  value: string | number | null;
}

function cellXml(p: string, ref: string, style: string, value: string | number | null): string {
  if (value === null) return `<${p}c r="${ref}"${style}/>`;
  if (typeof value === 'number') return `<${p}c r="${ref}"${style}><${p}v>${String(value)}</${p}v></${p}c>`;
  return `<${p}c r="${ref}"${style} t="inlineStr"><${p}is><${p}t xml:space="preserve">${encodeCellText(value)}</${p}t></${p}is></${p}c>`;
}

/** The sheet's XML with the given cells written. */
export function writeCells(xml: string, writes: CellWrite[]): string {
  const root = /<([\w.-]+:)?worksheet[\s>]/.exec(xml);
  if (!root) throw new CellEditError('not a worksheet');
  const p = root[1] ?? '';
  let out = xml;
  for (const w of writes) {
    const ref = `${colLetters(w.col - 1)}${w.row}`;
    const rowRe = new RegExp(`<${p}row\\b[^>]*?\\sr="${w.row}"[^>]*?(?:/>|>([\\s\\S]*?)</${p}row>)`);
    const row = rowRe.exec(out);
    if (!row) {
      // A new row, placed among the rows by number.
      const rows = [...out.matchAll(new RegExp(`<${p}row\\b[^>]*?\\sr="(\\d+)"`, 'g'))];
      if (/<(\w+:)?row\b(?![^>]*\sr=")/.test(out)) throw new CellEditError('rows without r attributes');
      const next = rows.find((m) => Number(m[1]) > w.row);
      const newRow = `<${p}row r="${w.row}">${cellXml(p, ref, '', w.value)}</${p}row>`;
      if (next) out = out.slice(0, next.index) + newRow + out.slice(next.index);
      else {
        const selfClosing = new RegExp(`<${p}sheetData\\s*/>`);
        if (selfClosing.test(out)) out = out.replace(selfClosing, `<${p}sheetData>${newRow}</${p}sheetData>`);
        else {
          const end = out.indexOf(`</${p}sheetData>`);
          if (end < 0) throw new CellEditError('no sheetData');
          out = out.slice(0, end) + newRow + out.slice(end);
        }
      }
      continue;
    }
    const inner = row[1] ?? '';
    if (/<(\w+:)?c\b(?![^>]*\sr=")/.test(inner)) throw new CellEditError('cells without r attributes');
    const cellRe = new RegExp(`<${p}c\\b[^>]*?\\sr="${ref}"[^>]*?(?:/>|>[\\s\\S]*?</${p}c>)`);
    const cell = cellRe.exec(inner);
    let nextInner: string;
    if (cell) {
      const style = /\ss="(\d+)"/.exec(cell[0]);
      nextInner =
        inner.slice(0, cell.index) + cellXml(p, ref, style ? ` s="${style[1]}"` : '', w.value) + inner.slice(cell.index + cell[0].length);
    } else {
      const cells = [...inner.matchAll(new RegExp(`<${p}c\\b[^>]*?\\sr="([A-Z]+\\d+)"`, 'g'))];
      const after = cells.find((m) => (parseCellRef(m[1])?.[1] ?? 0) > w.col);
      const add = cellXml(p, ref, '', w.value);
      nextInner = after ? inner.slice(0, after.index) + add + inner.slice(after.index) : inner + add;
    }
    const openTag = row[0].replace(/\/>$/, '>').replace(/>[\s\S]*$/, '>');
    const rebuilt = `${openTag}${nextInner}</${p}row>`;
    out = out.slice(0, row.index) + rebuilt + out.slice(row.index + row[0].length);
  }
  return out;
}

/** A table part's XML with its range (and its autofilter's) grown to `ref`. */
export function resizeTable(xml: string, ref: string): string {
  return xml
    .replace(/(<([\w.-]+:)?table\b[^>]*?\sref=")[^"]*(")/, `$1${ref}$3`)
    .replace(/(<([\w.-]+:)?autoFilter\b[^>]*?\sref=")[^"]*(")/, `$1${ref}$3`);
}
