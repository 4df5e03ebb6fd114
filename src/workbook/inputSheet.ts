/**
 * The one input sheet a run may add (issue 12): an empty participant plan, when the year has budget
 * (TA) lines of pool b and the workbook has no plan table. The key block on TYM_Parametrit then
 * reads this table like any plan, so a plan typed into it later turns the master check FALSE ("run
 * again") in any spreadsheet program, with or without the add-in. Without it, a plan table made
 * after the run would be a table no formula can refer to, and TYM_TARKISTUS would stay TRUE over a
 * split the rules no longer give.
 *
 * The sheet is the template's plan (same name, headers, widths and number formats, one empty data
 * row as an Excel table needs), and the raw table is what reading it back gives, so the run's
 * fingerprint of the inputs is the fingerprint of the workbook after the write.
 */
import { PLAN_TABLE, tableDef } from '../domain/contract';
import type { RawTable, RawWorkbook } from '../domain/raw';
import type { CellSpec, SheetSpec } from './sheetSpec';
import { freeSheetName, templateOptionalTables } from './template';

export interface PlanInput {
  /** What the run writes: the sheet with the table at A1 (header row 1, one empty data row). */
  spec: SheetSpec;
  /** The table as the workbook will hold it, for the engine and the fingerprint. */
  raw: RawTable;
}

/** The empty participant plan on a sheet of its own, named as in the template unless that name is taken. */
export function planInputSheet(raw: RawWorkbook, year: number): PlanInput {
  const t = templateOptionalTables(year).find((x) => x.key === PLAN_TABLE.key)!;
  const sheet = freeSheetName(t.sheet, raw.sheetNames);
  const columns = tableDef(PLAN_TABLE.key).columns;
  const numeric = new Set(['count', 'year']);
  const empty: (CellSpec | null)[] = columns.map((c) => (numeric.has(c.key) ? { style: 'integer' } : null));
  const spec: SheetSpec = {
    name: sheet,
    input: true,
    cells: [t.headers.map((h) => ({ value: h, style: 'header' })), empty],
    columnWidths: t.widths,
    tables: [{ name: t.name, row: 0, col: 0, headers: t.headers, rowCount: 1 }],
    freeze: { rows: 1, columns: 0 },
  };
  return {
    spec,
    raw: { name: t.name, sheet, headerRow: 1, firstColumn: 1, headers: [...t.headers], rows: [t.headers.map(() => ({ value: null }))] },
  };
}
