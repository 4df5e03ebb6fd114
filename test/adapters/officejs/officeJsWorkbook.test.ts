import { OfficeJsWorkbook, OWNER_NAME, TableNameConflictError, widthToPoints } from '../../../src/adapters/officejs/officeJsWorkbook';
import { SheetConflictError } from '../../../src/workbook/port';
import type { CellSpec, SheetSpec } from '../../../src/workbook/sheetSpec';
import { FakeWorkbook } from '../../support/fakeExcel';
import { adapter, all, inputWorkbook, outputSpecs, snapshot } from './fixtures';

// ---------------------------------------------------------------- readTables

describe('readTables', () => {
  test.each([10, 10_000])('reads every table in 2 syncs at %i rows', async (n) => {
    const book = inputWorkbook(n);
    const raw = await adapter(book).readTables();
    expect(book.syncs).toBe(2);
    expect(raw.sheetNames).toEqual(['Asetukset', 'Henkilosto']);
    const staff = raw.tables.find((t) => t.name === 'Henkilosto')!;
    expect(staff.rows).toHaveLength(n);
    expect(staff.headers).toEqual(['Organisaatio', 'HTV', 'Alkaa', 'Huom']);
  });

  test('positions, values, number formats and dates come out as the exceljs adapter gives them', async () => {
    const book = inputWorkbook(3);
    const sheet = book.sheet('Henkilosto')!;
    sheet.cells.set('4,4', { value: { error: '#N/A' }, format: 'General' });
    const raw = await adapter(book).readTables();
    const staff = raw.tables.find((t) => t.name === 'Henkilosto')!;
    // Header row is sheet row 3 (1-based), first column B = 2.
    expect(staff.sheet).toBe('Henkilosto');
    expect(staff.headerRow).toBe(3);
    expect(staff.firstColumn).toBe(2);
    expect(staff.rows[0][0]).toEqual({ value: 'TVA' });
    expect(staff.rows[0][1]).toEqual({ value: 0.5, numFmt: '0.00' });
    // Serial 45658 is 1 January 2025 (Excel 1900 system), independently: Date.UTC(2025, 0, 1).
    expect(staff.rows[0][2].value).toEqual(new Date(Date.UTC(2025, 0, 1)));
    expect(staff.rows[2][2].value).toEqual(new Date(Date.UTC(2025, 0, 3)));
    expect(staff.rows[0][2].numFmt).toBe('d.m.yyyy');
    expect(staff.rows[0][3]).toEqual({ value: null });
    expect(staff.rows[1][3]).toEqual({ value: { error: '#N/A' } });
    expect(staff.hiddenRows).toBeUndefined();
    expect(staff.mergedRanges).toEqual([]);
  });

  test('hidden/filtered rows and merged cells are reported without per-row calls', async () => {
    const book = inputWorkbook(50);
    const sheet = book.sheet('Henkilosto')!;
    // Data rows 0-based 4 and 40 are sheet rows (0-based) 7 and 43.
    sheet.hiddenRows.add(7);
    sheet.hiddenRows.add(43);
    sheet.merged.push('B10:C10');
    sheet.merged.push('H1:H2'); // outside the table
    const raw = await adapter(book).readTables();
    expect(book.syncs).toBe(2);
    const staff = raw.tables.find((t) => t.name === 'Henkilosto')!;
    expect(staff.hiddenRows).toEqual([4, 40]);
    expect(staff.mergedRanges).toEqual(['B10:C10']);
  });

  test('without ExcelApi 1.13 merged ranges stay unknown (undefined)', async () => {
    const book = inputWorkbook(3);
    const raw = await adapter(book, { isSetSupported: (v) => v !== '1.13' }).readTables();
    expect(raw.tables[0].mergedRanges).toBeUndefined();
  });

  test('a totals row is not a data row', async () => {
    const book = inputWorkbook(3);
    const t = book.table('Henkilosto')!;
    book.sheet('Henkilosto')!.put(6, 1, 'Yhteensä');
    t.rows += 1;
    t.showTotals = true;
    const raw = await adapter(book).readTables();
    expect(raw.tables.find((x) => x.name === 'Henkilosto')!.rows).toHaveLength(3);
  });
});

// ---------------------------------------------------------------- replaceOutputs

describe('replaceOutputs', () => {
  test.each([10, 10_000])(
    'a full run (read + write) takes 4 syncs at %i rows (the last for the finishing touches), in blocks',
    async (n) => {
      const book = inputWorkbook(n);
      const wb = adapter(book);
      await wb.readTables();
      await wb.replaceOutputs(outputSpecs(n));
      expect(book.syncs).toBe(4);
      // Cell writes: one numberFormat and one formulas write per rectangle: the table Rivit (header
      // and body, written before the table exists), the title above it, and one rectangle on each other sheet.
      expect(book.writes.filter((w) => w.prop === 'values')).toHaveLength(0);
      expect(book.writes.map((w) => `${w.sheet}!${w.address} ${w.prop}`)).toEqual([
        'Rivit!A2:D' + (n + 2) + ' numberFormat',
        'Rivit!A2:D' + (n + 2) + ' formulas',
        'Tulokset!A1:B3 numberFormat',
        'Tulokset!A1:B3 formulas',
        'Rivit!A1:D1 numberFormat',
        'Rivit!A1:D1 formulas',
        'Parametrit!A1:B2 numberFormat',
        'Parametrit!A1:B2 formulas',
      ]);
      // Calculation suspended in every write batch; screen updating too.
      expect(book.calcSuspensions).toBe(1);
      expect(book.screenSuspensions).toBe(1);
      // Each request stays under Excel on the web's 5 MB.
      expect(Math.max(...book.syncBytes)).toBeLessThan(5_000_000);
    },
  );

  test("the app's run (read, the output-name conflict check, write) takes 4 syncs: the check reuses the read's sheet list", async () => {
    const book = inputWorkbook(10);
    const wb = adapter(book);
    await wb.readTables();
    expect(await wb.ownSheetNames()).toEqual([]);
    await wb.replaceOutputs(outputSpecs(10));
    expect(book.syncs).toBe(4);
    // Alone, the check lists the sheets in a sync of its own and sees the outputs just written.
    book.syncs = 0;
    const fresh = adapter(book);
    expect((await fresh.ownSheetNames()).sort()).toEqual(
      outputSpecs(10)
        .map((s) => s.name)
        .sort(),
    );
    expect(book.syncs).toBe(1);
  });

  test('replaceOutputs alone (no read before) takes 3 syncs (list, write, finishing touches)', async () => {
    const book = inputWorkbook(10);
    await adapter(book).replaceOutputs(outputSpecs(10));
    expect(book.syncs).toBe(3);
  });

  test('writes cells, formulas, tables, marks, widths, freeze panes, tab colour and print set-up', async () => {
    const book = inputWorkbook(5);
    await adapter(book).replaceOutputs(outputSpecs(5));
    expect(book.sheets.map((s) => s.name)).toEqual(['Asetukset', 'Henkilosto', 'Tulokset', 'Rivit', 'Parametrit']);
    const rivit = book.sheet('Rivit')!;
    expect(book.formulaAt('Rivit', 2, 0)).toBe('Rivi 1');
    expect(book.formulaAt('Rivit', 2, 1)).toBe(100);
    expect(book.formulaAt('Rivit', 2, 2)).toBe('=ROUND(B3*Parametrit!$B$2,2)');
    expect(book.formulaAt('Tulokset', 1, 1)).toBe('=SUM(Rivit[Summa])');
    expect(rivit.cell(2, 1)!.format).toBe('#,##0.00');
    expect(book.table('Rivit')).toMatchObject({ r0: 1, c0: 0, rows: 6, cols: 4 });
    expect(book.table('Rivit')!.headers).toEqual(['Nimi', 'Summa', 'Osuus', 'Huom']);
    // Same mark as the exceljs adapter: sheet-scoped TYM_kustannustenjako referring to the sheet's A1.
    expect(OWNER_NAME).toBe('TYM_kustannustenjako');
    for (const name of ['Tulokset', 'Rivit', 'Parametrit'])
      expect(book.sheet(name)!.names.get(OWNER_NAME.toUpperCase())).toBe(`=${name}!$A$1`);
    expect(rivit.freeze).toEqual({ rows: 2, columns: 1 });
    expect(book.sheet('Parametrit')!.tabColor).toBe('#00B050');
    expect(rivit.formats).toContainEqual({ address: 'A1', path: 'font.bold', value: true });
    expect(rivit.formats).toContainEqual({ address: 'A2:D2', path: 'fill.color', value: '#DDEBF7' });
    expect(rivit.formats).toContainEqual({ address: 'A1', path: 'columnWidth', value: widthToPoints(20) });
    expect(rivit.formats).toContainEqual({ address: 'B1:C1', path: 'columnWidth', value: widthToPoints(12) });
    // 8.43 characters is Excel's default width of 64 px = 48 pt.
    expect(widthToPoints(8.43)).toBeCloseTo(48, 0);
    const tulokset = book.sheet('Tulokset')!;
    expect(tulokset.layout).toMatchObject({
      orientation: 'Landscape',
      'headersFooters.defaultForAllPages.centerHeader': 'Tulokset && tarkistus',
    });
    expect(tulokset.formats).toContainEqual({ address: 'B2:B3', path: 'borders.EdgeTop.style', value: 'Continuous' });
    expect(tulokset.active).toBe(true);
    expect(book.brokenRefs()).toEqual([]);
  });

  test('style blocks do not grow with the row count', async () => {
    const count = async (n: number) => {
      const book = inputWorkbook(1);
      await adapter(book).replaceOutputs(outputSpecs(n));
      return book.sheet('Rivit')!.formats.length;
    };
    expect(await count(10_000)).toBe(await count(10));
  });

  test('input sheets are never touched', async () => {
    const book = inputWorkbook(20);
    const before = [snapshot(book.sheet('Asetukset')!), snapshot(book.sheet('Henkilosto')!)];
    const wb = adapter(book);
    await wb.readTables();
    await wb.replaceOutputs(outputSpecs(20));
    await wb.readTables();
    await wb.replaceOutputs(outputSpecs(30, 'B'));
    expect([snapshot(book.sheet('Asetukset')!), snapshot(book.sheet('Henkilosto')!)]).toEqual(before);
    expect(book.sheet('Henkilosto')!.formats).toEqual([]);
  });

  test('text that looks like a formula or number stays text (no formula injection)', async () => {
    const book = inputWorkbook(1);
    const spec: SheetSpec = {
      name: 'Rivit',
      cells: [
        [
          { value: '=HYPERLINK("http://evil.example","klikkaa")' },
          { value: '+358401234567' },
          { value: '-1' },
          { value: '@SUM(A1)' },
          { value: '007' },
          { value: 'TRUE' },
          { value: 12 },
          { formula: 'A9+1' },
        ],
      ],
    };
    await adapter(book).replaceOutputs([spec]);
    const row = [0, 1, 2, 3, 4, 5].map((c) => book.sheet('Rivit')!.cell(0, c)!);
    for (const cell of row) expect(cell.formula).toBeUndefined();
    expect(row.map((c) => c.value)).toEqual([
      '=HYPERLINK("http://evil.example","klikkaa")',
      '+358401234567',
      '-1',
      '@SUM(A1)',
      '007',
      'TRUE',
    ]);
    expect(book.sheet('Rivit')!.cell(0, 6)!.value).toBe(12);
    expect(book.formulaAt('Rivit', 0, 7)).toBe('=A9+1');
  });

  test('the fake itself reads the same strings as formulas when the cell is not text-formatted', async () => {
    // Guards the test above: without the "@" format these strings would become formulas.
    const book = inputWorkbook(1);
    const ctx = book.context();
    ctx.workbook.worksheets.getItem('Asetukset').getRangeByIndexes(5, 0, 1, 2).formulas = [['=HYPERLINK("x")', '+1+1']];
    await ctx.sync();
    expect(book.sheet('Asetukset')!.cell(5, 0)!.formula).toBe('=HYPERLINK("x")');
    expect(book.sheet('Asetukset')!.cell(5, 1)!.formula).toBe('=+1+1');
  });

  test('the fake fills a table column with one formula when formulas are written into an existing table (AutoCorrect)', async () => {
    // Guards the next test: Excel's "fill formulas in tables to create calculated columns" (issues 2093, 5909, 6745).
    const book = new FakeWorkbook();
    const s = book.addSheet('S');
    ['Avain', 'Euroa'].forEach((h, i) => s.put(0, i, h));
    book.addTable(s, 'T', 0, 0, 4, 2);
    const ctx = book.context();
    ctx.workbook.worksheets.getItem('S').getRangeByIndexes(1, 0, 3, 2).formulas = [
      ['=Jako!$H$5', '=Jako!$O$5'],
      ['=Jako!$H$6', '=Jako!$O$6'],
      ['=Jako!$H$7', '=Jako!$O$7'],
    ];
    await ctx.sync();
    expect([1, 2, 3].map((r) => book.formulaAt('S', r, 1))).toEqual(['=Jako!$O$7', '=Jako!$O$7', '=Jako!$O$7']);
    // Relative references shift row by row, as a calculated column's one formula does.
    ctx.workbook.worksheets.getItem('S').getRangeByIndexes(1, 0, 3, 1).formulas = [['=B2*2'], ['=B3*3'], ['=B4*4']];
    await ctx.sync();
    expect([1, 2, 3].map((r) => book.formulaAt('S', r, 0))).toEqual(['=B2*4', '=B3*4', '=B4*4']);
  });

  test('a table column with a different formula in every row keeps every formula (written before the table exists)', async () => {
    const book = inputWorkbook(1);
    const n = 6;
    const cells: (CellSpec | null)[][] = [
      [{ value: 'Summa' }, { formula: 'SUM(Tulos[Euroa])', expected: 0 }],
      [{ value: 'Vastaanottaja' }, { value: 'Euroa' }],
    ];
    for (let i = 0; i < n; i++) cells.push([{ value: `R${i}` }, { formula: `Parametrit!$B$${2 + 3 * i}`, expected: 0, style: 'money' }]);
    const spec: SheetSpec = {
      name: 'Tulos',
      cells,
      tables: [{ name: 'Tulos', row: 1, col: 0, headers: ['Vastaanottaja', 'Euroa'], rowCount: n }],
    };
    await adapter(book).replaceOutputs([spec, outputSpecs(1)[2]]);
    expect(Array.from({ length: n }, (_, i) => book.formulaAt('Tulos', 2 + i, 1))).toEqual(
      Array.from({ length: n }, (_, i) => `=Parametrit!$B$${2 + 3 * i}`),
    );
    expect(book.formulaAt('Tulos', 0, 1)).toBe('=SUM(Tulos[Euroa])');
    expect(book.table('Tulos')).toMatchObject({ r0: 1, c0: 0, rows: n + 1, cols: 2 });
    expect(book.table('Tulos')!.headers).toEqual(['Vastaanottaja', 'Euroa']);
    expect(book.brokenRefs()).toEqual([]);
  });

  test("refuses to overwrite a user's sheet of the same name, and changes nothing", async () => {
    const book = inputWorkbook(5);
    book.addSheet('Rivit').put(0, 0, 'käyttäjän omaa dataa');
    const before = all(book);
    const wb = adapter(book);
    await wb.readTables();
    const syncs = book.syncs;
    await expect(wb.replaceOutputs(outputSpecs(5))).rejects.toBeInstanceOf(SheetConflictError);
    expect(book.syncs).toBe(syncs);
    expect(all(book)).toEqual(before);
  });

  test("refuses an output table name that a user's table already has, and changes nothing", async () => {
    const book = inputWorkbook(5);
    const user = book.addSheet('Omat');
    user.put(0, 0, 'x');
    book.addTable(user, 'Rivit', 0, 0, 2, 1);
    const before = all(book);
    await expect(adapter(book).replaceOutputs(outputSpecs(5))).rejects.toBeInstanceOf(TableNameConflictError);
    expect(all(book)).toEqual(before);
  });

  test('a rerun replaces only its own sheets; names, tables and references end up clean', async () => {
    const book = inputWorkbook(5);
    const wb = adapter(book);
    await wb.replaceOutputs(outputSpecs(5, 'A'));
    book.addSheet('Muistiinpanot').put(0, 0, 'oma');
    await wb.readTables();
    book.syncs = 0;
    await wb.replaceOutputs(outputSpecs(8, 'B'));
    expect(book.syncs).toBe(2);
    expect(book.sheets.map((s) => s.name)).toEqual(['Asetukset', 'Henkilosto', 'Muistiinpanot', 'Tulokset', 'Rivit', 'Parametrit']);
    expect(book.formulaAt('Parametrit', 0, 0)).toBe('Parametrit B');
    expect(book.table('Rivit')!.rows).toBe(9);
    expect(book.tables.map((t) => t.name).sort()).toEqual(['Asetukset', 'Henkilosto', 'Rivit']);
    expect(book.brokenRefs()).toEqual([]);
    expect(await wb.ownSheetNames()).toEqual(['Tulokset', 'Rivit', 'Parametrit']);
  });

  test.each([
    [
      'formulas of a sheet',
      (e: { kind: string; sheet?: string; prop?: string }) =>
        e.kind === 'write' && e.sheet === 'Rivit' && e.prop === 'formulas' ? 'InvalidArgument' : null,
    ],
    ['adding a table', (e: { kind: string }) => (e.kind === 'addTable' ? 'GeneralException' : null)],
    [
      'adding the last sheet',
      (e: { kind: string; sheet?: string }) => (e.kind === 'addSheet' && e.sheet === 'Parametrit' ? 'GeneralException' : null),
    ],
  ])('a failure midway (%s) leaves the previous outputs intact', async (_what, failWhen) => {
    const book = inputWorkbook(5);
    const wb = adapter(book);
    await wb.replaceOutputs(outputSpecs(5, 'A'));
    const before = all(book);
    await wb.readTables();
    book.failWhen = failWhen;
    await expect(wb.replaceOutputs(outputSpecs(7, 'B'))).rejects.toMatchObject({ name: 'RichApi.Error' });
    book.failWhen = null;
    expect(all(book)).toEqual(before);
    expect(book.brokenRefs()).toEqual([]);
  });

  test('a failure on the first run leaves no half-built sheets', async () => {
    const book = inputWorkbook(5);
    const before = all(book);
    book.failWhen = (e) => (e.kind === 'write' && e.sheet === 'Parametrit' ? 'InvalidArgument' : null);
    await expect(adapter(book).replaceOutputs(outputSpecs(5))).rejects.toMatchObject({ name: 'RichApi.Error' });
    expect(all(book)).toEqual(before);
  });

  test('a user sheet created between read and write is refused, not overwritten', async () => {
    const book = inputWorkbook(5);
    const wb = adapter(book);
    await wb.readTables();
    book.addSheet('Parametrit').put(0, 0, 'käyttäjän');
    const before = all(book);
    await expect(wb.replaceOutputs(outputSpecs(5))).rejects.toBeInstanceOf(SheetConflictError);
    expect(all(book)).toEqual(before);
  });

  test('an own sheet deleted between read and write: the stale list is detected and the run retried', async () => {
    const book = inputWorkbook(5);
    const wb = adapter(book);
    await wb.replaceOutputs(outputSpecs(5, 'A'));
    await wb.readTables();
    book.sheets = book.sheets.filter((s) => s.name !== 'Rivit'); // the user removed one output sheet by hand
    await wb.replaceOutputs(outputSpecs(6, 'B'));
    expect(book.sheets.map((s) => s.name)).toEqual(['Asetukset', 'Henkilosto', 'Tulokset', 'Rivit', 'Parametrit']);
    expect(book.formulaAt('Parametrit', 0, 0)).toBe('Parametrit B');
  });

  test('above the payload limit a sheet is written in several range writes and requests, all under the limit', async () => {
    const book = inputWorkbook(1);
    const limit = 150_000;
    const n = 10_000;
    const wb = adapter(book, { payloadLimitBytes: limit });
    await wb.replaceOutputs(outputSpecs(n));
    // Splits fill the room left in each sync: no more syncs than the bytes need, plus one.
    const { batchBytes } = (wb as unknown as { lastPlan: { batchBytes: number[] } }).lastPlan;
    expect(batchBytes.length).toBeLessThanOrEqual(Math.ceil(batchBytes.reduce((a, b) => a + b, 0) / limit) + 1);
    expect(Math.max(...batchBytes)).toBeLessThanOrEqual(limit);
    const formulaWrites = book.writes.filter((w) => w.sheet === 'Rivit' && w.prop === 'formulas');
    expect(formulaWrites.length).toBeGreaterThan(1);
    // The chunks tile the sheet exactly.
    expect(formulaWrites.reduce((s, w) => s + w.rows, 0)).toBe(n + 2);
    for (const bytes of book.syncBytes) expect(bytes).toBeLessThanOrEqual(limit + 1000);
    // Calculation suspended in every data sync: not in the listing nor in the finishing touches.
    expect(book.calcSuspensions).toBe(book.syncs - 2);
    expect(book.formulaAt('Rivit', n + 1, 2)).toBe(`=ROUND(B${n + 2}*Parametrit!$B$2,2)`);
    expect(book.formulaAt('Rivit', n + 1, 0)).toBe(`Rivi ${n}`);
    expect(book.brokenRefs()).toEqual([]);
  });

  test('a rerun written in several syncs deletes the old outputs, not the new ones of the same name', async () => {
    const book = inputWorkbook(5);
    const limit = 150_000;
    const wb = adapter(book, { payloadLimitBytes: limit });
    await wb.replaceOutputs(outputSpecs(3_000, 'A'));
    book.syncs = 0;
    await wb.replaceOutputs(outputSpecs(3_000, 'B'));
    expect(book.syncs).toBeGreaterThan(3); // the rerun's write took several syncs
    expect(book.sheets.map((s) => s.name)).toEqual(['Asetukset', 'Henkilosto', 'Tulokset', 'Rivit', 'Parametrit']);
    expect(book.formulaAt('Parametrit', 0, 0)).toBe('Parametrit B');
    expect(book.formulaAt('Rivit', 3_001, 0)).toBe('Rivi 3000');
    expect(book.brokenRefs()).toEqual([]);
  });

  test('no chunking below the limit: one formulas write per rectangle (the table, the title above it)', async () => {
    const book = inputWorkbook(1);
    await adapter(book).replaceOutputs(outputSpecs(10_000));
    expect(book.writes.filter((w) => w.sheet === 'Rivit' && w.prop === 'formulas').map((w) => w.address)).toEqual(['A2:D10002', 'A1:D1']);
  });
});

// ---------------------------------------------------------------- readOutputCells / ownSheetNames

describe('reading outputs back', () => {
  test('readOutputCells gives formulas (English, no "=") and constants of the named sheets', async () => {
    const book = inputWorkbook(2);
    const wb = adapter(book);
    await wb.replaceOutputs(outputSpecs(2));
    book.syncs = 0;
    const cells = await wb.readOutputCells(['Rivit', 'Puuttuva']);
    expect(book.syncs).toBe(2);
    expect(cells.find((c) => c.address === 'C3')).toEqual({
      sheet: 'Rivit',
      address: 'C3',
      formula: 'ROUND(B3*Parametrit!$B$2,2)',
      value: 0,
    });
    expect(cells.find((c) => c.address === 'A3')).toEqual({ sheet: 'Rivit', address: 'A3', value: 'Rivi 1' });
    // Text that merely starts with "=" reads back as a constant.
    expect(cells.find((c) => c.address === 'D3')).toEqual({
      sheet: 'Rivit',
      address: 'D3',
      value: '=HYPERLINK("http://evil.example","klikkaa")',
    });
    expect(cells.every((c) => c.sheet === 'Rivit')).toBe(true);
  });

  test('ownSheetNames lists only marked sheets, in one sync', async () => {
    const book = inputWorkbook(2);
    const wb = adapter(book);
    await wb.replaceOutputs(outputSpecs(2));
    book.addSheet('Tulokset2');
    book.syncs = 0;
    expect(await wb.ownSheetNames()).toEqual(['Tulokset', 'Rivit', 'Parametrit']);
    expect(book.syncs).toBe(1);
  });
});

// ---------------------------------------------------------------- reads above Excel on the web's response limit

describe('reads above the response limit (Excel on the web refuses responses over 5 MB)', () => {
  /** The staff workbook with hidden rows on both sides of many chunk borders, merged cells and long texts at the end. */
  function bigWorkbook(n: number, limit: number | null, longNotes = true): FakeWorkbook {
    const book = inputWorkbook(n);
    const sheet = book.sheet('Henkilosto')!;
    for (let r = 3; r < 3 + n; r += 97) sheet.hiddenRows.add(r);
    sheet.merged.push('C10:D10');
    // The last rows carry long notes, so a size learnt from the first rows is too small for them.
    if (longNotes) for (let i = n - 200; i < n; i++) sheet.put(3 + i, 4, `Huomautus ${i} `.repeat(40));
    book.responseLimit = limit;
    return book;
  }

  test('readTables falls back to row chunks under the limit and gives exactly what one desktop read gives', async () => {
    const n = 6_000;
    const limit = 200_000;
    const desktop = await adapter(bigWorkbook(n, null)).readTables();
    const book = bigWorkbook(n, limit);
    const wb = adapter(book, { payloadLimitBytes: limit * 0.9 });
    const raw = await wb.readTables();
    expect(raw).toEqual(desktop);
    // Independent of the oracle: the hidden rows are every 97th data row, the notes are there.
    const staff = raw.tables.find((t) => t.name === 'Henkilosto')!;
    expect(staff.hiddenRows).toEqual(Array.from({ length: Math.ceil(n / 97) }, (_, k) => k * 97));
    expect(staff.rows[n - 1][3].value).toBe(`Huomautus ${n - 1} `.repeat(40));
    expect(staff.mergedRanges).toEqual(['C10:D10']);
    // One refused whole read, then every response under the limit, and not wastefully many.
    // Sync 2 is the whole read Excel refuses; the long notes at the end may cost one more refusal.
    expect(book.responseBytes[1]).toBeGreaterThan(limit);
    expect(book.responseBytes.filter((b) => b > limit).length).toBeLessThanOrEqual(3);
    const total = book.responseBytes
      .slice(2)
      .filter((b) => b <= limit)
      .reduce((a, b) => a + b, 0);
    expect(total).toBeGreaterThan(n * 50);
    expect(book.syncs).toBeLessThanOrEqual(2 + 2 + Math.ceil(total / (limit * 0.5)) + 3);
  });

  test('a later read on the same adapter goes straight to chunks (no refused round trip)', async () => {
    const book = bigWorkbook(3_000, 100_000, false);
    const wb = adapter(book, { payloadLimitBytes: 90_000 });
    await wb.readTables();
    expect(book.responseBytes.filter((b) => b > 100_000)).toHaveLength(1);
    book.responseBytes = [];
    book.syncs = 0;
    await wb.readTables();
    expect(book.responseBytes.every((b) => b <= 100_000)).toBe(true);
  });

  test('at the real limit (5 MB) a 60,000-row table reads in chunks, each response under 5 MB', async () => {
    const n = 60_000;
    const book = bigWorkbook(n, 5_000_000);
    const raw = await adapter(book).readTables();
    const staff = raw.tables.find((t) => t.name === 'Henkilosto')!;
    expect(staff.rows).toHaveLength(n);
    expect(staff.rows[n - 1][0].value).toBe((n - 1) % 3 === 0 ? 'TVA' : 'HVA');
    const accepted = book.responseBytes.filter((b) => b <= 5_000_000);
    expect(Math.max(...accepted)).toBeLessThanOrEqual(4_500_000);
    expect(book.responseBytes.filter((b) => b > 5_000_000)).toHaveLength(1);
  });

  test('a table that grows while it is read in parts is reported, not half-read', async () => {
    const book = bigWorkbook(3_000, 100_000);
    book.afterSync = (syncs) => {
      // After the chunked read has listed the tables (syncs 3-4), a user adds a row.
      if (syncs === 5) {
        book.table('Henkilosto')!.rows += 1;
        book.sheet('Henkilosto')!.put(3 + 3_000, 1, 'TVA');
      }
    };
    await expect(adapter(book, { payloadLimitBytes: 90_000 }).readTables()).rejects.toMatchObject({
      name: 'WorkbookChangedError',
      table: 'Henkilosto',
      sheet: 'Henkilosto',
    });
  });

  test('readOutputCells falls back to chunks too and reads the same cells', async () => {
    const n = 5_000;
    const make = (limit: number | null) => {
      const book = inputWorkbook(1);
      book.responseLimit = limit;
      return book;
    };
    const desktopBook = make(null);
    const desktop = adapter(desktopBook);
    await desktop.replaceOutputs(outputSpecs(n));
    const expected = await desktop.readOutputCells(['Tulokset', 'Rivit', 'Parametrit']);
    const book = make(150_000);
    const wb = adapter(book, { payloadLimitBytes: 135_000 });
    await wb.replaceOutputs(outputSpecs(n));
    book.responseBytes = [];
    const cells = await wb.readOutputCells(['Tulokset', 'Rivit', 'Parametrit']);
    expect(cells).toEqual(expected);
    expect(cells.filter((c) => c.sheet === 'Rivit' && c.formula)).toHaveLength(n);
    expect(book.responseBytes.filter((b) => b > 150_000)).toHaveLength(1);
  });

  test('other failures are not mistaken for the limit', async () => {
    const book = inputWorkbook(10);
    book.failWhen = () => null;
    const run: typeof book.run = () => Promise.reject(Object.assign(new Error('The workbook is locked'), { code: 'AccessDenied' }));
    await expect(new OfficeJsWorkbook({ run, isSetSupported: () => true }).readTables()).rejects.toMatchObject({ code: 'AccessDenied' });
  });
});
