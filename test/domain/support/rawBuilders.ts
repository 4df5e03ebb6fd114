/**
 * Builders of RawWorkbooks for tests: tables as an adapter would hand them over, and small
 * immutable edits (set a cell, drop a table) on top of a valid sample workbook.
 */
import type { RawCell, RawTable, RawValue, RawWorkbook } from '../../../src/domain/raw';

/** A cell given as its bare value, or as a full RawCell (value + numFmt). */
export type CellInput = RawValue | RawCell;

export function isRawCell(x: CellInput): x is RawCell {
  return typeof x === 'object' && x !== null && !(x instanceof Date) && 'value' in x;
}

export function toCell(x: CellInput): RawCell {
  return isRawCell(x) ? { ...x } : { value: x };
}

export interface TableOptions {
  sheet?: string;
  headerRow?: number;
  firstColumn?: number;
  hiddenRows?: number[];
  mergedRanges?: string[];
}

export function rawTable(name: string, headers: string[], rows: CellInput[][], opts: TableOptions = {}): RawTable {
  return {
    name,
    sheet: opts.sheet ?? name,
    headerRow: opts.headerRow ?? 1,
    firstColumn: opts.firstColumn ?? 1,
    headers: [...headers],
    rows: rows.map((r) => headers.map((_, i) => toCell(i < r.length ? r[i] : null))),
    ...(opts.hiddenRows ? { hiddenRows: [...opts.hiddenRows] } : {}),
    ...(opts.mergedRanges ? { mergedRanges: [...opts.mergedRanges] } : {}),
  };
}

export function workbook(...tables: RawTable[]): RawWorkbook {
  return { tables, sheetNames: [...new Set(tables.map((t) => t.sheet))] };
}

/** Excel date cell as exceljs gives it: a Date at UTC midnight. */
export function utcDate(y: number, m: number, d: number): Date {
  return new Date(Date.UTC(y, m - 1, d));
}

function clone(wb: RawWorkbook): RawWorkbook {
  return {
    sheetNames: [...wb.sheetNames],
    tables: wb.tables.map((t) => ({
      ...t,
      headers: [...t.headers],
      rows: t.rows.map((r) => r.map((c) => ({ ...c }))),
      ...(t.hiddenRows ? { hiddenRows: [...t.hiddenRows] } : {}),
      ...(t.mergedRanges ? { mergedRanges: [...t.mergedRanges] } : {}),
    })),
  };
}

function tableIn(wb: RawWorkbook, name: string): RawTable {
  const t = wb.tables.find((x) => x.name === name);
  if (!t) throw new Error(`no table ${name} in test workbook`);
  return t;
}

function columnIn(t: RawTable, header: string): number {
  const i = t.headers.indexOf(header);
  if (i < 0) throw new Error(`no header ${header} in ${t.name}`);
  return i;
}

/** A copy with one cell replaced (dataIndex 0-based; header exactly as in the table). */
export function setCell(wb: RawWorkbook, table: string, dataIndex: number, header: string, value: CellInput): RawWorkbook {
  const out = clone(wb);
  const t = tableIn(out, table);
  t.rows[dataIndex][columnIn(t, header)] = toCell(value);
  return out;
}

/** A copy with a row appended; unnamed columns are blank. Returns the workbook and the row's 0-based index. */
export function addRow(wb: RawWorkbook, table: string, values: Record<string, CellInput>): RawWorkbook {
  const out = clone(wb);
  const t = tableIn(out, table);
  const row = t.headers.map(() => toCell(null));
  for (const [h, v] of Object.entries(values)) row[columnIn(t, h)] = toCell(v);
  t.rows.push(row);
  return out;
}

/** A copy with a table changed by `edit` (which may mutate the copy). */
export function editTable(wb: RawWorkbook, table: string, edit: (t: RawTable) => void): RawWorkbook {
  const out = clone(wb);
  edit(tableIn(out, table));
  return out;
}

/** A copy with a column removed (header and cells). */
export function dropColumn(wb: RawWorkbook, table: string, header: string): RawWorkbook {
  return editTable(wb, table, (t) => {
    const i = columnIn(t, header);
    t.headers.splice(i, 1);
    for (const r of t.rows) r.splice(i, 1);
  });
}

export function dropTable(wb: RawWorkbook, table: string): RawWorkbook {
  const out = clone(wb);
  out.tables = out.tables.filter((t) => t.name !== table);
  return out;
}

export function addTable(wb: RawWorkbook, table: RawTable): RawWorkbook {
  const out = clone(wb);
  out.tables.push(table);
  if (!out.sheetNames.includes(table.sheet)) out.sheetNames.push(table.sheet);
  return out;
}

/**
 * A small valid workbook exercising the accepted variants. Positions (for RowRef and A1 checks):
 * - Asetukset on sheet "Asetukset", header row 1, from column A.
 * - Kunnat on sheet "Kunnat", header row 3, from column B; data row 3 (sheet row 6) is empty.
 * - Staff (English name and headers in odd case/spacing) on sheet "Henkilöstö", header row 2, from column A.
 * - Ilmoittautumiset on sheet "Ilmoittautumiset", header row 1, from column C.
 * - Kustannukset on sheet "Kustannukset", header row 1, from column A, with an extra column "Huom".
 */
export function sampleWorkbook(): RawWorkbook {
  return workbook(
    rawTable(
      'Asetukset',
      ['Asetus', 'Arvo'],
      [
        ['Vuosi', 2026],
        [' kelan  OSUUS % ', 5],
        ['Hallinnollinen työnantaja', '  järvenpää '],
        ['Billing period', 'Quarter'],
        ['Sovittu TVA-osuus %', null],
        ['Asiakasmäärä', 1200],
      ],
    ),
    rawTable(
      'Kunnat',
      ['Kunta', 'Asukasluku', 'Työttömät', 'Sovittu osuus %'],
      [
        ['Hyvinkää', 47400, 2100, null],
        ['Järvenpää', 46000, 1900.5, null],
        [null, '  ', null, null],
        [' Tuusula ', 40300, 1500, null],
      ],
      { headerRow: 3, firstColumn: 2 },
    ),
    rawTable(
      'Staff',
      ['organisation', ' Municipality ', 'Unit', 'TITLE', 'head count', 'fte', 'Start', 'End'],
      [
        ['TVA', 'hyvinkää', 'Työllisyyspalvelut', 'Ohjaaja', 3, 2.5, utcDate(2026, 3, 1), null],
        ['Hyvinvointialue', null, null, null, 2, null, null, null],
        [' kela ', null, 'Kela', 'Asiantuntija', null, 0.8, null, { value: 46203, numFmt: 'd.m.yyyy' }],
      ],
      { sheet: 'Henkilöstö', headerRow: 2 },
    ),
    rawTable(
      'Ilmoittautumiset',
      ['Tilaisuus', 'Päivämäärä', 'Nimi', 'Organisaatio', 'Tila'],
      [
        ['Kehittämispäivä  1 ', utcDate(2026, 5, 20), ' Maija  Meikäläinen', 'TVA', null],
        ['kehittämispäivä 1', null, 'Matti Virtanen', 'hva', 'Peruttu'],
        ['Syysseminaari', null, 'Maija Meikäläinen', 'Kela', 'registered'],
      ],
      { firstColumn: 3 },
    ),
    rawTable(
      'Kustannukset',
      ['Laji', 'Pooli', 'Erä', 'Tilaisuus', 'Summa', 'Maksaja', 'Vuosi', 'Huom'],
      [
        ['TA', 'a', 'Johtavan henkilön palkka', null, 100000, null, null, 'oma muistiinpano'],
        ['toteuma', 'MUU', 12, null, 1234.5, ' tuusula ', 2026, null],
        ['TOT', 'b', 'Tilavuokra', ' KEHITTÄMISPÄIVÄ 1', -250.25, 'HVA', null, null],
        ['budget', 'b', null, null, 80, 'Työllisyysalue', null, null],
        [null, null, null, null, null, null, null, null],
      ],
    ),
  );
}
