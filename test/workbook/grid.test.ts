import { CellWriter, Grid, rowsWidth, storedRows } from '../../src/workbook/grid';
import type { CellSpec } from '../../src/workbook/sheetSpec';

/** A block of rows from row `first`, columns `col`..col+2, each cell naming its own row. */
function block(first: number, col: number) {
  return (i: number, g: CellWriter) => {
    const r = first + i;
    g.value(r, col, i + 1, 'integer');
    g.formula(r, col + 1, `A${r + 1}*2`, (i + 1) * 2, 'integer');
    if (i % 3 === 0) g.formula(r, col + 2, `B${r + 1}>0`, true, 'check');
  };
}

/** The same sheet twice: once with every row stored, once with the blocks generated. */
function sheets() {
  const eager = new Grid();
  const lazy = new Grid();
  for (const g of [eager, lazy]) {
    g.value(0, 0, 'Otsikko', 'title');
    g.headers(2, 0, ['n', 'x', 'ok']);
    g.width(1, 12);
  }
  const a = block(3, 0);
  const b = block(3, 4);
  for (let i = 0; i < 5; i++) a(i, eager);
  for (let i = 0; i < 2; i++) b(i, eager);
  lazy.generate(3, 5, a);
  lazy.generate(3, 2, b);
  return { eager: eager.toSheet('S'), lazy: lazy.toSheet('S') };
}

describe('Grid: generated rows', () => {
  it('read as the same rows as stored ones, through every way an array is read', () => {
    const { eager, lazy } = sheets();
    expect(Array.isArray(lazy.cells)).toBe(true);
    expect(lazy.cells.length).toBe(8);
    expect(lazy.cells).toEqual(eager.cells);
    expect(JSON.stringify(lazy)).toBe(JSON.stringify(eager));
    expect(lazy.cells.slice(2, 6)).toEqual(eager.cells.slice(2, 6));
    expect([...lazy.cells]).toEqual(eager.cells);
    expect(lazy.cells.map((r) => r.length)).toEqual(eager.cells.map(() => 7));
    expect(Object.keys(lazy.cells)).toEqual(Object.keys(eager.cells));
    expect(lazy.cells[4][1]).toEqual({ formula: 'A5*2', expected: 4, style: 'integer' });
    expect(lazy.cells[7][0]).toEqual({ value: 5, style: 'integer' });
    expect(lazy.cells[7][4]).toBeNull();
    expect(lazy.cells[8]).toBeUndefined();
    expect(rowsWidth(lazy.cells)).toBe(7);
    expect(lazy.columnWidths).toEqual([10, 12]);
  });

  it('builds a row again at each read, so nothing of it stays in memory, and refuses changes', () => {
    const { lazy } = sheets();
    const row = lazy.cells[5];
    void lazy.cells[6];
    expect(lazy.cells[5]).not.toBe(row);
    expect(lazy.cells[5]).toEqual(row);
    expect(() => {
      (row[1] as CellSpec).expected = 0;
    }).toThrow(TypeError);
    expect(() => {
      row[0] = null;
    }).toThrow(TypeError);
    expect(() => {
      lazy.cells[5] = [];
    }).toThrow(TypeError);
  });

  it('keeps the stored rows as the sheet holds them: a change to them stays', () => {
    const { lazy } = sheets();
    const stored = storedRows(lazy.cells);
    expect(stored).toHaveLength(3);
    (stored[0][0] as CellSpec).value = 'Muutettu';
    expect(lazy.cells[0][0]).toEqual({ value: 'Muutettu', style: 'title' });
  });

  it('refuses a generated row that writes another row, a cell twice or beyond the first row’s columns', () => {
    const other = new Grid();
    other.generate(1, 2, (i, g) => g.value(1, 0, i));
    expect(() => other.toSheet('S').cells[2]).toThrow(/generated row 3 wrote a cell on row 2/);
    const twice = new Grid();
    twice.value(1, 0, 'stored');
    twice.generate(1, 1, (_i, g) => g.value(1, 0, 'generated'));
    expect(() => twice.toSheet('S').cells[1]).toThrow(/wrote column 1 twice/);
    const wider = new Grid();
    wider.generate(0, 2, (i, g) => g.value(i, i, 'x'));
    expect(() => wider.toSheet('S').cells[1]).toThrow(/wrote column 2, beyond the sheet's 1/);
  });

  it('gives a plain array when nothing is generated', () => {
    const g = new Grid();
    g.value(1, 2, 1);
    g.generate(5, 0, () => {
      throw new Error('no rows');
    });
    const s = g.toSheet('S');
    expect(s.cells).toEqual([
      [null, null, null],
      [null, null, { value: 1, style: 'text' }],
    ]);
    expect(storedRows(s.cells)).toBe(s.cells);
  });
});
