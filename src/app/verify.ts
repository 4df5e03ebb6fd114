/**
 * Verify: compare the output sheets as they stand with what the engine computes from the inputs as
 * they stand. Finds overwritten formulas, values that no longer match, and missing sheets or cells.
 */
import type { OutputCell } from '../workbook/port';
import { a1 } from '../workbook/formula';
import type { CellSpec, CellStyle, SheetSpec } from '../workbook/sheetSpec';
import type { VerifyFinding } from './api';

/** Formula text as compared: no "=", no spaces outside strings, no _xlfn. prefixes, sheet quotes dropped, upper case outside strings, TRUE() = TRUE. */
export function normaliseFormula(f: string): string {
  let out = '';
  let inString = false;
  const s = f.startsWith('=') ? f.slice(1) : f;
  for (let i = 0; i < s.length; i++) {
    const ch = s[i];
    if (ch === '"') inString = !inString;
    if (!inString && (ch === ' ' || ch === "'")) continue;
    out += inString ? ch : ch.toUpperCase();
  }
  // LibreOffice writes TRUE()/FALSE() for the constants and adds _xlfn. prefixes; Excel may drop the
  // inner brackets of a one-column structured reference (T[[Col %]] -> T[Col %]). All mean the same.
  return out
    .replace(/_XLFN\./g, '')
    .replace(/\b(TRUE|FALSE)\(\)/g, '$1')
    .replace(/\[\[([^[\],#]+)\]\]/g, '[$1]');
}

const EXACT_STYLES: ReadonlySet<CellStyle> = new Set(['money', 'moneyTotal', 'integer', 'check', 'text', 'label', 'date']);

function sameValue(expected: CellSpec['expected'], actual: OutputCell['value'], style: CellStyle | undefined): boolean {
  if (expected === undefined) return true;
  if (expected === null || expected === '') return actual === null || actual === '' || actual === undefined;
  if (typeof expected === 'number') {
    if (typeof actual !== 'number') return false;
    // Money and counts must match to the cent / unit; keys and fractions to float precision.
    if (style && EXACT_STYLES.has(style)) return Math.abs(expected - actual) < 0.005 && Math.round(expected * 100) === Math.round(actual * 100);
    return Math.abs(expected - actual) <= 1e-9 * Math.max(1, Math.abs(expected));
  }
  if (typeof expected === 'boolean') return actual === expected;
  return String(actual).trim() === expected.trim();
}

const show = (v: unknown) => (v === null || v === undefined ? '(tyhjä)' : String(v));

/**
 * Compares every cell of the expected sheets with the actual cells. `checkValues` = false compares
 * formulas only (e.g. in Excel before recalculation values are not yet known to differ).
 */
export function compareOutputs(expected: SheetSpec[], actual: OutputCell[], checkValues = true): { findings: VerifyFinding[]; cellsChecked: number } {
  const bySheet = new Map<string, Map<string, OutputCell>>();
  for (const c of actual) {
    let m = bySheet.get(c.sheet);
    if (!m) bySheet.set(c.sheet, (m = new Map()));
    m.set(c.address, c);
  }
  const findings: VerifyFinding[] = [];
  let cellsChecked = 0;
  for (const sheet of expected) {
    const cells = bySheet.get(sheet.name);
    if (!cells) {
      findings.push({ sheet: sheet.name, address: 'A1', kind: 'missing', expected: 'taulukko', actual: '(puuttuu)' });
      continue;
    }
    sheet.cells.forEach((row, r) =>
      row.forEach((spec, c) => {
        if (!spec) return;
        const address = a1(r, c);
        const cell = cells.get(address);
        cellsChecked += 1;
        if (spec.formula !== undefined) {
          if (!cell || cell.formula === undefined) {
            findings.push({ sheet: sheet.name, address, kind: 'formula', expected: `=${spec.formula}`, actual: cell ? show(cell.value) : '(tyhjä)' });
            return;
          }
          if (normaliseFormula(cell.formula) !== normaliseFormula(spec.formula)) {
            findings.push({ sheet: sheet.name, address, kind: 'formula', expected: `=${spec.formula}`, actual: `=${cell.formula}` });
            return;
          }
          if (checkValues && !sameValue(spec.expected, cell.value, spec.style)) {
            findings.push({ sheet: sheet.name, address, kind: 'value', expected: show(spec.expected), actual: show(cell.value) });
          }
          return;
        }
        const actualValue = cell?.formula === undefined ? (cell?.value ?? null) : undefined;
        if (cell?.formula !== undefined) {
          findings.push({ sheet: sheet.name, address, kind: 'formula', expected: show(spec.value), actual: `=${cell.formula}` });
        } else if (!sameValue(spec.value ?? null, actualValue ?? null, spec.style)) {
          findings.push({ sheet: sheet.name, address, kind: 'value', expected: show(spec.value), actual: show(actualValue) });
        }
      }),
    );
  }
  return { findings, cellsChecked };
}
