/**
 * Verify: compare the output sheets as they stand with what the engine computes from the inputs as
 * they stand. Finds overwritten formulas, values that no longer match, and missing sheets or cells.
 */
import type { OutputCell } from '../workbook/port';
import { a1 } from '../workbook/formula';
import type { CellSpec, CellStyle, NameSpec, SheetSpec } from '../workbook/sheetSpec';
import type { VerifyCause, VerifyFinding } from './api';

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
    if (style && EXACT_STYLES.has(style))
      return Math.abs(expected - actual) < 0.005 && Math.round(expected * 100) === Math.round(actual * 100);
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
export function compareOutputs(
  expected: SheetSpec[],
  actual: OutputCell[],
  checkValues = true,
): { findings: VerifyFinding[]; cellsChecked: number } {
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
            findings.push({
              sheet: sheet.name,
              address,
              kind: 'formula',
              expected: `=${spec.formula}`,
              actual: cell ? show(cell.value) : '(tyhjä)',
            });
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

// ---------------------------------------------------------------------------------------------
// Beyond the cells: the run log, missing cached values, output table ranges and defined names.

export interface RunLog {
  time: string;
  version: string;
  /** Canonical table key -> rows and fingerprint at the run. */
  tables: Map<string, { rows: number; fingerprint: string }>;
}

/** Reads TYM_Ajoloki (format: src/workbook/layout/runlog.ts). Null when the sheet or its table list is absent. */
export function readRunLog(cells: OutputCell[], sheet: string): RunLog | null {
  const rows = new Map<number, Map<string, OutputCell['value']>>();
  for (const c of cells) {
    if (c.sheet !== sheet) continue;
    const m = /^([A-Z]+)(\d+)$/.exec(c.address);
    if (!m) continue;
    let r = rows.get(Number(m[2]));
    if (!r) rows.set(Number(m[2]), (r = new Map()));
    r.set(m[1], c.value);
  }
  if (!rows.size) return null;
  const text = (v: OutputCell['value'] | undefined) => (v === null || v === undefined ? '' : String(v));
  let time = '';
  let version = '';
  const tables = new Map<string, { rows: number; fingerprint: string }>();
  let inTables = false;
  for (const n of [...rows.keys()].sort((a, b) => a - b)) {
    const r = rows.get(n)!;
    const key = text(r.get('A'));
    if (key === 'aika') time = text(r.get('B'));
    else if (key === 'versio') version = text(r.get('B'));
    else if (key === 'taulukko' && text(r.get('D')) === 'sha-256') inTables = true;
    else if (inTables && key) tables.set(key, { rows: Number(r.get('C')), fingerprint: text(r.get('D')) });
  }
  return inTables ? { time, version, tables } : null;
}

/** True when most formula cells that should hold a value have none (a file saved without calculating). */
export function cachedValuesMissing(expected: SheetSpec[], actual: OutputCell[]): { missing: boolean; count: number } {
  const byKey = new Map(actual.map((c) => [`${c.sheet}!${c.address}`, c]));
  let withValue = 0;
  let empty = 0;
  for (const sheet of expected) {
    sheet.cells.forEach((row, r) =>
      row.forEach((spec, c) => {
        if (!spec || spec.formula === undefined || spec.expected === null || spec.expected === undefined || spec.expected === '') return;
        const cell = byKey.get(`${sheet.name}!${a1(r, c)}`);
        if (!cell || cell.formula === undefined) return;
        if (cell.value === null || cell.value === '') empty += 1;
        else withValue += 1;
      }),
    );
  }
  return { missing: empty > 0 && empty >= withValue, count: empty };
}

/** The output tables' ranges as written vs as they stand (a table cut or extended by a user). */
export function tableRangeCauses(
  expected: SheetSpec[],
  tables: { name: string; sheet: string; headerRow: number; firstColumn: number; rows: unknown[]; headers: string[] }[],
): VerifyCause[] {
  const out: VerifyCause[] = [];
  for (const sheet of expected) {
    for (const t of sheet.tables ?? []) {
      const exp = `${sheet.name}!${a1(t.row, t.col)}:${a1(t.row + Math.max(1, t.rowCount), t.col + t.headers.length - 1)}`;
      const found = tables.find((x) => x.name.toLowerCase() === t.name.toLowerCase());
      if (!found) {
        out.push({ code: 'table-range', params: { table: t.name, expected: exp, actual: '—' }, cells: [], count: 1 });
        continue;
      }
      const act = `${found.sheet}!${a1(found.headerRow - 1, found.firstColumn - 1)}:${a1(found.headerRow - 1 + found.rows.length, found.firstColumn - 1 + found.headers.length - 1)}`;
      if (act !== exp) out.push({ code: 'table-range', params: { table: t.name, expected: exp, actual: act }, cells: [], count: 1 });
    }
  }
  return out;
}

const refText = (sheet: string, n: NameSpec) => {
  const tl = a1(n.row, n.col, true);
  const rows = n.rows ?? 1;
  const cols = n.cols ?? 1;
  const ref = rows === 1 && cols === 1 ? tl : `${tl}:${a1(n.row + rows - 1, n.col + cols - 1, true)}`;
  return `${sheet}!${ref}`;
};

const normaliseRef = (ref: string) => ref.replace(/'/g, '').replace(/\$/g, '').toUpperCase();

/** The defined names the output owns vs those in the workbook. */
export function nameCauses(expected: SheetSpec[], actual: { name: string; ref: string }[]): VerifyCause[] {
  const out: VerifyCause[] = [];
  const byName = new Map(actual.map((n) => [n.name.toUpperCase(), n.ref]));
  for (const sheet of expected) {
    for (const n of sheet.names ?? []) {
      const exp = refText(sheet.name, n);
      const act = byName.get(n.name.toUpperCase());
      if (act === undefined || normaliseRef(act) !== normaliseRef(exp))
        out.push({ code: 'name-changed', params: { name: n.name, expected: exp, actual: act ?? '—' }, cells: [], count: 1 });
    }
  }
  return out;
}

/** Formula cells per sheet (to tell a structure change from a few overwritten cells). */
export function formulaCounts(expected: SheetSpec[]): Map<string, number> {
  return new Map(expected.map((s) => [s.name, s.cells.reduce((a, r) => a + r.filter((c) => c?.formula !== undefined).length, 0)]));
}
