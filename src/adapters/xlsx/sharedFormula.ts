/**
 * Shared formulas: Excel stores a block of cells with the same formula once (`<f t="shared"
 * ref="B2:B9" si="0">A2*2</f>`) and gives the other cells only `<f t="shared" si="0"/>`. A cell's own
 * formula is the master's with every relative A1 reference moved by the cell's offset from the
 * master ($-anchored parts stay). Text in quotes, quoted sheet names and structured references
 * (`Table[[#This Row],[Col]]`) are never changed.
 */
import { colLetters, columnNumber } from '../../workbook/formula';

/** Splits a formula into [text, protected] segments: strings, quoted sheet names and [...] blocks are protected. */
function segments(formula: string): [string, boolean][] {
  const out: [string, boolean][] = [];
  let plain = '';
  let i = 0;
  const flush = () => {
    if (plain) out.push([plain, false]);
    plain = '';
  };
  while (i < formula.length) {
    const ch = formula[i];
    if (ch === '"' || ch === "'") {
      let j = i + 1;
      while (j < formula.length) {
        if (formula[j] === ch) {
          if (formula[j + 1] === ch) j += 2;
          else break;
        } else j++;
      }
      flush();
      out.push([formula.slice(i, j + 1), true]);
      i = j + 1;
    } else if (ch === '[') {
      let depth = 0;
      let j = i;
      for (; j < formula.length; j++) {
        if (formula[j] === "'" && j + 1 < formula.length) {
          j++; // ' escapes the next character inside a structured reference
          continue;
        }
        if (formula[j] === '[') depth++;
        else if (formula[j] === ']' && --depth === 0) break;
      }
      flush();
      out.push([formula.slice(i, j + 1), true]);
      i = j + 1;
    } else {
      plain += ch;
      i++;
    }
  }
  flush();
  return out;
}

const BEFORE = '(?<![A-Za-z0-9_.$\\\\])';
const CELL = new RegExp(`${BEFORE}(\\$?)([A-Za-z]{1,3})(\\$?)([0-9]+)(?![A-Za-z0-9_(.])`, 'g');
const ROWS = new RegExp(`${BEFORE}(\\$?)([0-9]+):(\\$?)([0-9]+)(?![A-Za-z0-9_(.])`, 'g');
const COLS = new RegExp(`${BEFORE}(\\$?)([A-Za-z]{1,3}):(\\$?)([A-Za-z]{1,3})(?![A-Za-z0-9_(.])`, 'g');

function moveRow(abs: string, row: string, d: number): string {
  if (abs || d === 0) return `${abs}${row}`;
  const r = Number(row) + d;
  return r >= 1 ? String(r) : '#REF!';
}

function moveCol(abs: string, col: string, d: number): string {
  if (abs || d === 0) return `${abs}${col}`;
  const c = columnNumber(col) + d;
  return c >= 1 ? colLetters(c - 1) : '#REF!';
}

/** The formula of a cell `dRow` rows and `dCol` columns away from the master of a shared formula. */
export function shiftFormula(formula: string, dRow: number, dCol: number): string {
  if (dRow === 0 && dCol === 0) return formula;
  return segments(formula)
    .map(([text, protectedText]) => {
      if (protectedText) return text;
      return text
        .replace(ROWS, (_, a1: string, r1: string, a2: string, r2: string) => `${moveRow(a1, r1, dRow)}:${moveRow(a2, r2, dRow)}`)
        .replace(COLS, (_, a1: string, c1: string, a2: string, c2: string) => `${moveCol(a1, c1, dCol)}:${moveCol(a2, c2, dCol)}`)
        .replace(CELL, (_, ac: string, c: string, ar: string, r: string) => `${moveCol(ac, c, dCol)}${moveRow(ar, r, dRow)}`);
    })
    .join('');
}
