/**
 * What the faces need to know about the input tables beyond the problems: where each table is (so
 * every problem can link to its cell, column, row or table), one fingerprint of all inputs (so a
 * result can be marked stale when they change), and the settings as far as they can be read even
 * when another table has errors.
 */
import { headerKey, PLAN_TABLE, TABLE_KEYS, TABLES, type TableKey } from '../domain/contract';
import { sha256Hex, tableFingerprint, utf8 } from '../domain/fingerprint';
import { locateTables } from '../domain/parse/locate';
import { parseSettings } from '../domain/parse/settings';
import type { Problem } from '../domain/problems';
import type { RawTable, RawWorkbook } from '../domain/raw';
import type { Settings } from '../domain/types';
import { colLetters } from '../workbook/formula';

/** Where an input table stands in the workbook (1-based sheet rows; column letters). */
export interface TableLocation {
  /** Canonical key when the table is one of the five inputs. */
  key?: TableKey;
  name: string;
  sheet: string;
  headerRow: number;
  /** Last data row (the header row when the table has no data rows). */
  lastRow: number;
  firstColumn: string;
  lastColumn: string;
  /** Header text as written -> its column letter. */
  columns: Record<string, string>;
}

function inputKeyOf(name: string): TableKey | undefined {
  const k = headerKey(name);
  return TABLE_KEYS.find((t) => TABLES[t].names.some((n) => headerKey(n) === k));
}

/** Is this the optional participant plan (issue 12), under any of its names? */
export function isPlanTable(name: string): boolean {
  const k = headerKey(name);
  return PLAN_TABLE.names.some((n) => headerKey(n) === k);
}

export function tableLocation(t: RawTable): TableLocation {
  const first = t.firstColumn - 1;
  const columns: Record<string, string> = {};
  t.headers.forEach((h, j) => {
    if (h && columns[h] === undefined) columns[h] = colLetters(first + j);
  });
  const key = inputKeyOf(t.name);
  return {
    ...(key ? { key } : {}),
    name: t.name,
    sheet: t.sheet,
    headerRow: t.headerRow,
    lastRow: t.headerRow + t.rows.length,
    firstColumn: colLetters(first),
    lastColumn: colLetters(first + Math.max(t.headers.length, 1) - 1),
    columns,
  };
}

/**
 * The input tables' locations, the participant plan's too (its problems link to their cells, and
 * its edits are watched); other tables of the workbook are left out.
 */
export function tableLocations(raw: RawWorkbook): TableLocation[] {
  return raw.tables.filter((t) => inputKeyOf(t.name) || isPlanTable(t.name)).map(tableLocation);
}

/**
 * One fingerprint of everything the allocation reads: per input table (in the contract's order)
 * its name as found and tableFingerprint (headers and values); "none" for a missing table; then
 * the participant plan's, when the workbook has one.
 * Equal fingerprints mean equal inputs, so a result computed from them is still current.
 */
export function inputsFingerprint(raw: RawWorkbook): string {
  const parts: [string, [string, string][]][] = TABLE_KEYS.map((key) => {
    const t = raw.tables.filter((x) => inputKeyOf(x.name) === key);
    return [key, t.map((x) => [x.name, tableFingerprint(x)])];
  });
  // The participant plan keys the budget lines of pool b: adding, editing or removing it makes a
  // result stale. Only when there is one, so a workbook without a plan keeps its fingerprint.
  const plan = raw.tables.filter((x) => isPlanTable(x.name));
  if (plan.length) parts.push([PLAN_TABLE.key, plan.map((x) => [x.name, tableFingerprint(x)])]);
  return sha256Hex(utf8(JSON.stringify(parts)));
}

/**
 * The settings as read from Asetukset alone, or null when that table is missing or has errors of
 * its own. (The whole workbook's parse gives no model while any table has an error; the settings
 * of a workbook with, say, a typo in Kustannukset are still fine and worth showing.)
 */
export function readableSettings(raw: RawWorkbook): Settings | null {
  const located: Problem[] = [];
  const found = locateTables(raw, located);
  const t = found.asetukset;
  if (!t || !t.usable) return null;
  const problems: Problem[] = [];
  const { settings } = parseSettings(t, problems);
  const own = (p: Problem) => p.severity === 'error';
  if (problems.some(own)) return null;
  if (located.some((p) => own(p) && p.where.table === t.raw.name)) return null;
  return settings;
}
