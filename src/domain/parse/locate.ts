/**
 * Finding the input tables by name and their columns by header (case- and space-insensitive,
 * Finnish or English), and the table-level problems: missing or doubled tables and columns,
 * merged cells, hidden rows.
 */
import { headerKey, tableDef, TABLE_KEYS, TABLES, type OptionalTableKey, type TableKey } from '../contract';
import { error, warning, type Problem } from '../problems';
import type { RawTable, RawWorkbook } from '../raw';
import { hiddenCharacters } from '../text';
import { cellAddress, isBlankValue, type Located } from './cells';

/** How many cells a message lists before "…". */
const CELLS_SHOWN = 10;

/** "A2, A3, … (12 in all)" style list of cell addresses. */
export function cellList(cells: string[]): string {
  return cells.length <= CELLS_SHOWN ? cells.join(', ') : `${cells.slice(0, CELLS_SHOWN).join(', ')}, … (+${cells.length - CELLS_SHOWN})`;
}

export function tableKeyOf(name: string): TableKey | undefined {
  const k = headerKey(name);
  return TABLE_KEYS.find((t) => TABLES[t].names.some((n) => headerKey(n) === k));
}

export function isEmptyRow(raw: RawTable, dataIndex: number): boolean {
  const row = raw.rows[dataIndex] ?? [];
  return row.every((c) => isBlankValue(c?.value ?? null));
}

/** Locates the five input tables. A missing one is absent from the result (and an error). */
export function locateTables(wb: RawWorkbook, out: Problem[]): Partial<Record<TableKey, Located>> {
  const found: Partial<Record<TableKey, RawTable[]>> = {};
  for (const t of wb.tables) {
    const key = tableKeyOf(t.name);
    if (key) (found[key] ??= []).push(t);
  }
  const located: Partial<Record<TableKey, Located>> = {};
  for (const key of TABLE_KEYS) {
    const def = TABLES[key];
    const list = found[key] ?? [];
    if (list.length === 0) {
      const sheet = wb.sheetNames.find((s) => headerKey(s) === headerKey(def.sheet));
      out.push(
        error('table-missing', sheet ? { sheet, table: def.names[0] } : { table: def.names[0] }, { table: def.names[0], sheet: def.sheet }),
      );
      continue;
    }
    const first = list[0];
    for (const other of list.slice(1)) {
      out.push(
        error(
          'table-duplicate',
          { sheet: other.sheet, table: other.name },
          { table: def.names[0], first: first.name, firstSheet: first.sheet, second: other.name, secondSheet: other.sheet },
        ),
      );
    }
    located[key] = locateColumns(key, first, out);
  }
  return located;
}

export function locateColumns(key: TableKey | OptionalTableKey, raw: RawTable, out: Problem[]): Located {
  const def = tableDef(key);
  const cols = new Map<string, number>();
  const columns: Record<string, string | undefined> = {};
  raw.headers.forEach((header, i) => {
    if (typeof header !== 'string' || header.trim() === '') return;
    const hk = headerKey(header);
    const c = def.columns.find((cd) => cd.names.some((n) => headerKey(n) === hk));
    if (!c) return; // extra columns are the user's own: ignored
    const before = cols.get(c.key);
    if (before !== undefined) {
      out.push(
        error(
          'column-duplicate',
          { sheet: raw.sheet, table: raw.name, row: raw.headerRow, column: header, cell: cellAddress(raw.firstColumn + i, raw.headerRow) },
          { column: c.names[0], first: raw.headers[before], firstCell: cellAddress(raw.firstColumn + before, raw.headerRow) },
        ),
      );
      return;
    }
    cols.set(c.key, i);
    columns[c.key] = header;
  });
  let usable = true;
  for (const c of def.columns) {
    if (c.required && !cols.has(c.key)) {
      usable = false;
      out.push(
        error(
          'column-missing',
          { sheet: raw.sheet, table: raw.name, row: raw.headerRow },
          { column: c.names[0], aliases: c.names.slice(1).join(', ') },
        ),
      );
    }
  }
  cellProblems(raw, cols, out);
  for (const range of raw.mergedRanges ?? []) {
    out.push(error('merged-cells', { sheet: raw.sheet, table: raw.name, cell: range }, { range }));
  }
  const hidden = [...new Set(raw.hiddenRows ?? [])]
    .filter((i) => i >= 0 && i < raw.rows.length && !isEmptyRow(raw, i))
    .sort((a, b) => a - b)
    .map((i) => raw.headerRow + 1 + i);
  if (hidden.length > 0) {
    out.push(warning('hidden-rows', { sheet: raw.sheet, table: raw.name }, { rows: hidden.join(', '), count: hidden.length }));
  }
  return {
    key,
    raw,
    cols,
    usable,
    info: { name: raw.name, sheet: raw.sheet, headerRow: raw.headerRow, firstColumn: raw.firstColumn, rowCount: raw.rows.length, columns },
  };
}

/**
 * What the cells of the read columns hide, reported once per table or column with the cells named:
 * formulas whose value was never calculated (an error: the value is unknown), invisible characters
 * and decomposed letters (a warning: such a text differs from the same-looking word), and values in
 * the row just below the table (a warning: they are not part of it and are not counted).
 */
function cellProblems(raw: RawTable, cols: Map<string, number>, out: Problem[]): void {
  const at = (j: number, i: number) => cellAddress(raw.firstColumn + j, raw.headerRow + 1 + i);
  const uncached: string[] = [];
  const hidden = new Map<number, { cells: string[]; chars: Set<string> }>();
  raw.rows.forEach((row, i) => {
    for (const j of cols.values()) {
      const c = row[j];
      if (!c) continue;
      if (c.uncached) uncached.push(at(j, i));
      else if (typeof c.value === 'string') {
        const chars = hiddenCharacters(c.value);
        if (!chars.length) continue;
        let h = hidden.get(j);
        if (!h) hidden.set(j, (h = { cells: [], chars: new Set() }));
        h.cells.push(at(j, i));
        chars.forEach((x) => h!.chars.add(x));
      }
    }
  });
  if (uncached.length) {
    out.push(
      error(
        'formula-not-calculated',
        { sheet: raw.sheet, table: raw.name, cell: uncached[0] },
        { count: uncached.length, cells: cellList(uncached) },
      ),
    );
  }
  for (const [j, h] of [...hidden.entries()].sort((a, b) => a[0] - b[0])) {
    out.push(
      warning(
        'hidden-characters',
        { sheet: raw.sheet, table: raw.name, column: raw.headers[j], cell: h.cells[0] },
        { chars: [...h.chars].join(', '), cells: cellList(h.cells) },
      ),
    );
  }
  if (raw.below) {
    const row = raw.below.row;
    const filled = raw.below.cells
      .map((c, j) => (c && (c.uncached || !isBlankValue(c.value)) ? cellAddress(raw.firstColumn + j, row) : null))
      .filter((x): x is string => x !== null);
    if (filled.length)
      out.push(
        warning('values-below-table', { sheet: raw.sheet, table: raw.name, row, cell: filled[0] }, { row, cells: cellList(filled) }),
      );
  }
}
