/**
 * The write plan without any Excel (writePlan.ts is pure): the order of the steps, where the cells
 * of a table go, the packing into syncs.
 */
import { cellsOutsideTables, planWrite, tablesInOrder, type Step } from '../../../src/adapters/officejs/writePlan';
import type { CellSpec, SheetSpec } from '../../../src/workbook/sheetSpec';

const OPTIONS = { payloadLimit: 4_500_000, token: 't1', pageLayout: true, outputNames: [] };
const EMPTY = { sheets: [], names: [] };

/** A result sheet: a title, a summary that sums the table, and a table whose Euroa column has a different formula per row. */
function resultSheet(rows: number): SheetSpec {
  const cells: (CellSpec | null)[][] = [
    [{ value: 'Tulokset', style: 'title' }, null, null],
    [{ value: 'Yhteensä' }, { formula: 'SUM(Tulokset[Euroa])' }, null],
    [null, null, null],
    [{ value: 'Laji' }, { value: 'Vastaanottaja' }, { value: 'Euroa' }],
  ];
  for (let i = 0; i < rows; i++) cells.push([{ value: 'TA' }, { value: `R${i}` }, { formula: `Jako!$O$${5 + 3 * i}` }]);
  cells[1].push({ value: 'right of the summary' });
  return {
    name: 'Tulokset',
    cells,
    tables: [{ name: 'Tulokset', row: 3, col: 0, headers: ['Laji', 'Vastaanottaja', 'Euroa'], rowCount: rows }],
  };
}

const cellSteps = (steps: Step[]) =>
  steps.filter((s): s is Extract<Step, { kind: 'formulas' | 'numberFormat' }> => s.kind === 'formulas' || s.kind === 'numberFormat');

test("a table's header and body are written before the table exists, and nothing is written into it afterwards", () => {
  const plan = planWrite([resultSheet(5)], EMPTY, OPTIONS);
  const steps = plan.batches.flat();
  const addAt = steps.findIndex((s) => s.kind === 'addTable');
  expect(addAt).toBeGreaterThan(0);
  const inTable = (s: Extract<Step, { kind: 'formulas' | 'numberFormat' }>) => s.row + s.rows.length > 3 && s.row < 3 + 6 && s.col < 3;
  const before = cellSteps(steps.slice(0, addAt));
  const after = cellSteps(steps.slice(addAt + 1));
  expect(before.map((s) => [s.kind, s.row, s.col, s.rows.length, s.width])).toEqual([
    ['numberFormat', 3, 0, 6, 3],
    ['formulas', 3, 0, 6, 3],
  ]);
  const body = before[1].rows as unknown[][];
  expect(body[0]).toEqual(['Laji', 'Vastaanottaja', 'Euroa']);
  expect(body.slice(1).map((r) => r[2])).toEqual(['=Jako!$O$5', '=Jako!$O$8', '=Jako!$O$11', '=Jako!$O$14', '=Jako!$O$17']);
  expect(after.filter(inTable)).toEqual([]);
  // The summary that names the table is written after it exists.
  const summary = after.find((s) => s.kind === 'formulas' && s.rows.some((r) => r.includes('=SUM(Tulokset[Euroa])')));
  expect(summary).toBeDefined();
});

test('the cells outside the tables: bands of rows, column runs between tables, empty rectangles left out', () => {
  const spec = resultSheet(2);
  // Rows 0-2 are above the table (4 columns wide because of row 1), rows 3-5 are the table (3 columns) and
  // nothing is to its right; a second table to the right of the first shares rows 4-5.
  expect(cellsOutsideTables(spec)).toEqual([{ r0: 0, c0: 0, r1: 3, c1: 4 }]);
  const two: SheetSpec = {
    name: 'S',
    cells: [
      [{ value: 'a' }, null, null, { value: 'b' }, null],
      [{ value: 'h' }, null, { value: 'x' }, { value: 'k' }, { value: 'l' }],
      [{ value: 1 }, null, { value: 'y' }, { value: 2 }, { value: 3 }],
    ],
    tables: [
      { name: 'T1', row: 1, col: 0, headers: ['h', 'i'], rowCount: 1 },
      { name: 'T2', row: 1, col: 3, headers: ['k', 'l'], rowCount: 1 },
    ],
  };
  expect(cellsOutsideTables(two)).toEqual([
    { r0: 0, c0: 0, r1: 1, c1: 5 },
    { r0: 1, c0: 2, r1: 3, c1: 3 },
  ]);
});

test('tables are made in an order where a body refers only to tables made before it; a self-reference is refused', () => {
  const a: SheetSpec = {
    name: 'A',
    cells: [[{ value: 'x' }], [{ formula: 'SUM(B_taulu[y])' }]],
    tables: [{ name: 'A_taulu', row: 0, col: 0, headers: ['x'], rowCount: 1 }],
  };
  const b: SheetSpec = {
    name: 'B',
    cells: [[{ value: 'y' }], [{ value: 1 }]],
    tables: [{ name: 'B_taulu', row: 0, col: 0, headers: ['y'], rowCount: 1 }],
  };
  expect(tablesInOrder([a, b]).map((x) => x.table.name)).toEqual(['B_taulu', 'A_taulu']);
  const self: SheetSpec = {
    name: 'C',
    cells: [[{ value: 'x' }], [{ formula: 'C_taulu[[#This Row],[x]]*2' }]],
    tables: [{ name: 'C_taulu', row: 0, col: 0, headers: ['x'], rowCount: 1 }],
  };
  expect(() => tablesInOrder([self])).toThrow(/its own table/);
  const at: SheetSpec = { ...self, cells: [[{ value: 'x' }], [{ formula: '[@x]*2' }]] };
  expect(() => tablesInOrder([at])).toThrow(/its own table/);
  // A name inside a string or a quoted sheet name is not a reference.
  const quoted: SheetSpec = { ...self, cells: [[{ value: 'x' }], [{ formula: '"C_taulu[x]"&\'C_taulu[x]\'!A1' }]] };
  expect(tablesInOrder([quoted])).toHaveLength(1);
});
