/**
 * What a run would refuse before writing: an output sheet whose name a user's own sheet already has,
 * or an output table whose name a table on a user's sheet already has (table names are
 * workbook-wide). `validate` reports these too, so it passes only what `run` would write.
 */
import { error, type Problem } from '../domain/problems';
import type { RawWorkbook } from '../domain/raw';
import { OUTPUT_SHEET_NAMES, RESULT_TABLE } from '../workbook/layout';
import type { SheetSpec } from '../workbook/sheetSpec';

const lower = (s: string) => s.toLowerCase();

/** The output sheets and tables a run writes (those of the layout when known, else every possible one). */
export type OutputNames = Pick<SheetSpec, 'name' | 'tables'>[];

export const ALL_OUTPUT_NAMES: OutputNames = OUTPUT_SHEET_NAMES.map((name, i) => ({
  name,
  tables: i === 0 ? [{ name: RESULT_TABLE, row: 0, col: 0, headers: [], rowCount: 0 }] : [],
}));

export function outputConflicts(raw: RawWorkbook, ownSheets: string[], outputs: OutputNames): Problem[] {
  const own = new Set(ownSheets.map(lower));
  const problems: Problem[] = [];
  for (const s of outputs) {
    const taken = raw.sheetNames.find((n) => lower(n) === lower(s.name));
    if (taken !== undefined && !own.has(lower(taken))) problems.push(error('output-sheet-taken', { sheet: taken }, { sheet: taken }));
  }
  for (const t of outputs.flatMap((s) => s.tables ?? [])) {
    const clash = raw.tables.find((x) => lower(x.name) === lower(t.name) && !own.has(lower(x.sheet)));
    if (clash)
      problems.push(error('output-table-taken', { sheet: clash.sheet, table: clash.name }, { table: clash.name, sheet: clash.sheet }));
  }
  return problems;
}
