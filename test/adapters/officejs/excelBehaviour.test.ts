/**
 * The office.js adapter against what real Excel does (issue 14), one block per behaviour, each
 * modelled in the fake (test/support/fakeExcel.ts says where each is documented):
 * copies of output sheets, workbook-level names and print titles, Manual calculation, users who
 * keep working (cell editing, another workbook window), finishing touches that Excel refuses, and
 * the "Invalid sheet" dialog on the web.
 */
import { ExcelJsWorkbook } from '../../../src/adapters/exceljs/excelJsWorkbook';
import { OfficeJsWorkbook, OWNER_NAME } from '../../../src/adapters/officejs/officeJsWorkbook';
import { createAllocationApp } from '../../../src/app/run';
import { buildSampleInputs } from '../../../src/sample/sample';
import { SheetConflictError } from '../../../src/workbook/port';
import type { SheetSpec } from '../../../src/workbook/sheetSpec';
import { fakeFromRaw, FakeWorkbook } from '../../support/fakeExcel';
import { adapter, all, inputWorkbook, outputSpecs } from './fixtures';

const names = (book: FakeWorkbook) => [...book.names.values()].map((n) => `${n.name}${n.formula}`).sort();

// ---------------------------------------------------------------- 2. copies of output sheets

describe('ownership that survives copies (Excel copies a sheet-scoped mark with the sheet: issue 2875)', () => {
  test("a user's renamed copy of an output sheet is kept on a rerun and listed, not deleted", async () => {
    const book = inputWorkbook(5);
    const wb = adapter(book);
    await wb.replaceOutputs(outputSpecs(5, 'A'));
    const copy = book.copySheet('Parametrit');
    expect(copy.name).toBe('Parametrit (2)');
    // The copy's mark points at the copy: by the mark alone it is "ours".
    expect(copy.names.get(OWNER_NAME.toUpperCase())).toBe("='Parametrit (2)'!$A$1");
    copy.name = 'Parametrit 2025';
    book.renameRefs('Parametrit (2)', 'Parametrit 2025');
    const archived = JSON.stringify([...copy.cells.entries()]);

    await wb.readTables();
    const outcome = await wb.replaceOutputs(outputSpecs(5, 'B'));
    expect(book.sheet('Parametrit 2025')).toBeDefined();
    expect(JSON.stringify([...book.sheet('Parametrit 2025')!.cells.entries()])).toBe(archived);
    expect(outcome).toMatchObject({ otherMarkedSheets: ['Parametrit 2025'] });
    expect(book.formulaAt('Parametrit', 0, 0)).toBe('Parametrit B');
    // The copy stands where the user put it (after the old Parametrit); the new outputs come after it.
    expect(book.sheets.map((s) => s.name)).toEqual(['Asetukset', 'Henkilosto', 'Parametrit 2025', 'Tulokset', 'Rivit', 'Parametrit']);
  });

  test('a mark that points at another sheet is no mark: a sheet of an output name with it is refused', async () => {
    const book = inputWorkbook(2);
    const user = book.addSheet('Parametrit');
    user.put(0, 0, 'käyttäjän omaa');
    user.names.set(OWNER_NAME.toUpperCase(), '=Asetukset!$A$1');
    const before = all(book);
    const wb = adapter(book);
    await expect(wb.replaceOutputs(outputSpecs(2))).rejects.toBeInstanceOf(SheetConflictError);
    expect(all(book)).toEqual(before);
    expect(await wb.ownSheetNames()).toEqual([]);
  });

  test('our own backups left by an interrupted write are removed by the next run; stale names with them', async () => {
    const book = inputWorkbook(2);
    const wb = adapter(book);
    await wb.replaceOutputs(outputSpecs(2, 'A'));
    // What an interrupted rerun leaves: the old Parametrit renamed aside, its new one never built.
    const left = book.sheet('Parametrit')!;
    left.name = '~TYM3~zz';
    book.renameRefs('Parametrit', '~TYM3~zz');
    const outcome = await wb.replaceOutputs(outputSpecs(2, 'B'));
    expect(book.sheet('~TYM3~zz')).toBeUndefined();
    expect(outcome).toMatchObject({ otherMarkedSheets: [] });
    expect(book.sheets.map((s) => s.name)).toEqual(['Asetukset', 'Henkilosto', 'Tulokset', 'Rivit', 'Parametrit']);
  });

  test('an output sheet no longer written (TYM_Vertailu after a one-year run) is replaced: it is an output name', async () => {
    const book = inputWorkbook(2);
    const wb = adapter(book, { outputSheetNames: ['Vertailu'] });
    const vertailu: SheetSpec = { name: 'Vertailu', cells: [[{ value: 'vanha' }]] };
    await wb.replaceOutputs([...outputSpecs(2), vertailu]);
    await wb.replaceOutputs(outputSpecs(2));
    expect(book.sheet('Vertailu')).toBeUndefined();
  });
});

// ---------------------------------------------------------------- SheetSpec: names and print titles

describe('workbook-level names owned by output sheets, and print titles', () => {
  function withNames(value: number): SheetSpec[] {
    const [tulokset, rivit, parametrit] = outputSpecs(2, String(value));
    parametrit.cells.push([{ value: 'Vuosi' }, { value }]);
    parametrit.names = [
      { name: 'TYM_VUOSI', row: 2, col: 1, comment: 'Laskelman vuosi' },
      { name: 'TYM_ALUE', row: 1, col: 1, rows: 2 },
    ];
    parametrit.print = { title: 'Parametrit', landscape: false, fitToWidth: true, repeatRows: 2 };
    tulokset.cells.push([{ value: 'Seuraava' }, { formula: 'TYM_VUOSI+1', expected: value + 1 }]);
    return [tulokset, rivit, parametrit];
  }

  test('are written, replaced on a rerun without leaving #REF! names, and the user’s names are kept', async () => {
    const book = inputWorkbook(2);
    book.names.set('OMANIMI', { name: 'OmaNimi', formula: '=Asetukset!$B$2', comment: '' });
    const wb = adapter(book);
    await wb.replaceOutputs(withNames(2026));
    expect(names(book)).toEqual(['OmaNimi=Asetukset!$B$2', 'TYM_ALUE=Parametrit!$B$2:$B$3', 'TYM_VUOSI=Parametrit!$B$3']);
    expect(book.names.get('TYM_VUOSI')!.comment).toBe('Laskelman vuosi');
    expect(book.sheet('Parametrit')!.layout['setPrintTitleRows']).toBe('$1:$2');
    await wb.readTables();
    await wb.replaceOutputs(withNames(2027));
    expect(names(book)).toEqual(['OmaNimi=Asetukset!$B$2', 'TYM_ALUE=Parametrit!$B$2:$B$3', 'TYM_VUOSI=Parametrit!$B$3']);
    expect(book.brokenNames()).toEqual([]);
    expect(book.formulaAt('Tulokset', 3, 1)).toBe('=TYM_VUOSI+1');
    expect(book.brokenRefs()).toEqual([]);
  });

  test('a name that pointed only into a replaced sheet and is no longer written is removed, not left as #REF!', async () => {
    const book = inputWorkbook(2);
    const wb = adapter(book);
    await wb.replaceOutputs(withNames(2026));
    await wb.replaceOutputs(outputSpecs(2));
    expect(names(book)).toEqual([]);
    expect(book.brokenNames()).toEqual([]);
  });

  test('a failure midway puts the names back as they were', async () => {
    const book = inputWorkbook(2);
    const wb = adapter(book);
    await wb.replaceOutputs(withNames(2026));
    const before = { sheets: all(book), names: names(book) };
    book.failWhen = (e) => (e.kind === 'write' && e.sheet === 'Parametrit' && e.prop === 'formulas' ? 'GeneralException' : null);
    await expect(wb.replaceOutputs(withNames(2027))).rejects.toMatchObject({ code: 'GeneralException' });
    book.failWhen = null;
    expect({ sheets: all(book), names: names(book) }).toEqual(before);
    expect(book.brokenNames()).toEqual([]);
  });
});

// ---------------------------------------------------------------- 3. Manual calculation

describe('Manual calculation', () => {
  test('after the write Excel is told to recalculate when it is not on automatic calculation', async () => {
    const book = inputWorkbook(3);
    book.calculationMode = 'Manual';
    const outcome = await adapter(book).replaceOutputs(outputSpecs(3));
    expect(book.calculations).toEqual(['Recalculate']);
    expect(book.dirtyCells()).toEqual([]);
    expect(outcome).toMatchObject({ recalculated: true });
  });

  test('on automatic calculation nothing is recalculated by hand (Excel does it when the suspension ends)', async () => {
    const book = inputWorkbook(3);
    const outcome = await adapter(book).replaceOutputs(outputSpecs(3));
    expect(book.calculations).toEqual([]);
    expect(book.dirtyCells()).toEqual([]);
    expect(outcome).toMatchObject({ recalculated: false });
  });

  test('the fake keeps formulas uncalculated on Manual calculation (guards the tests above)', async () => {
    const book = inputWorkbook(1);
    book.calculationMode = 'Manual';
    const ctx = book.context();
    ctx.workbook.worksheets.getItem('Asetukset').getRange('D1').formulas = [['=B2+1']];
    await ctx.sync();
    expect(book.dirtyCells()).toEqual(['Asetukset!0,3']);
  });

  test("the auditor's check recalculates first on Manual calculation, so it never compares stale values", async () => {
    const raw = await ExcelJsWorkbook.fromWorkbook(await buildSampleInputs({ year: 2026 })).readTables();
    const book = fakeFromRaw(raw);
    book.calculationMode = 'Manual';
    const app = createAllocationApp(adapter(book));
    const run = await app.run();
    expect(run.ok).toBe(true);
    expect(run.summary?.write).toMatchObject({ recalculated: true, otherMarkedSheets: [], finishingFailures: [] });
    // The user edits an input: the formulas that depend on it are stale until Excel recalculates.
    // (Those outside tables: readTables reads every table, output ones too, before verify's check.)
    const inTable = (s: (typeof book.sheets)[number], key: string) => {
      const [r, c] = key.split(',').map(Number);
      return s.tables.some((t) => r >= t.r0 && r < t.r0 + t.rows && c >= t.c0 && c < t.c0 + t.cols);
    };
    for (const s of book.sheets) for (const [k, c] of s.cells) if (c.formula !== undefined && !inTable(s, k)) c.dirty = true;
    book.staleReads = 0;
    await app.verify();
    expect(book.calculations).toEqual(['Recalculate', 'Recalculate']);
    expect(book.staleReads).toBe(0);
  });

  test('recalculate() does it only when Excel is not on automatic calculation', async () => {
    const book = inputWorkbook(1);
    expect(await adapter(book).recalculate()).toBe(false);
    book.calculationMode = 'Manual';
    expect(await adapter(book).recalculate()).toBe(true);
    expect(book.calculations).toEqual(['Recalculate']);
  });
});

// ---------------------------------------------------------------- 5. finishing touches

describe('finishing touches (freeze panes, print set-up, tab colour) cannot sink the write', () => {
  test.each([
    ['freeze panes', 'freeze'],
    ['the tab colour', 'tabColor'],
  ])('Excel refusing %s is reported; the figures are written and the other touches applied', async (_what, kind) => {
    const book = inputWorkbook(3);
    const wb = adapter(book);
    await wb.replaceOutputs(outputSpecs(3, 'A'));
    book.failWhen = (e) => (e.kind === kind ? 'GeneralException' : null);
    const outcome = await wb.replaceOutputs(outputSpecs(3, 'B'));
    book.failWhen = null;
    expect(book.formulaAt('Parametrit', 0, 0)).toBe('Parametrit B');
    expect(book.sheets.map((s) => s.name)).toEqual(['Asetukset', 'Henkilosto', 'Tulokset', 'Rivit', 'Parametrit']);
    const failures = (outcome as { finishingFailures: { sheet: string; what: string }[] }).finishingFailures;
    expect(failures).toEqual([
      expect.objectContaining(kind === 'tabColor' ? { sheet: 'Parametrit', what: 'tabColor' } : { sheet: 'Rivit', what: 'freeze' }),
    ]);
    if (kind === 'tabColor') expect(book.sheet('Rivit')!.freeze).toEqual({ rows: 2, columns: 1 });
    else expect(book.sheet('Parametrit')!.tabColor).toBe('#00B050');
    expect(book.sheet('Tulokset')!.layout).toMatchObject({ orientation: 'Landscape' });
  });
});

test('Excel refusing to remove the old outputs once the new ones stand keeps the new figures; the next run removes the old', async () => {
  const book = inputWorkbook(3);
  const wb = adapter(book);
  await wb.replaceOutputs(outputSpecs(3, 'A'));
  book.failWhen = (e) => (e.kind === 'deleteSheet' ? 'GeneralException' : null);
  const outcome = await wb.replaceOutputs(outputSpecs(3, 'B'));
  book.failWhen = null;
  expect(book.formulaAt('Parametrit', 0, 0)).toBe('Parametrit B');
  const left = book.sheets.filter((s) => s.name.startsWith('~TYM')).map((s) => s.name);
  expect(left).toHaveLength(3);
  expect((outcome as { finishingFailures: { what: string; sheet: string }[] }).finishingFailures.map((f) => [f.what, f.sheet])).toEqual(
    left.map((name) => ['oldOutputs', name]),
  );
  expect(book.sheet('Rivit')!.freeze).toEqual({ rows: 2, columns: 1 });
  await wb.replaceOutputs(outputSpecs(3, 'C'));
  expect(book.sheets.map((s) => s.name)).toEqual(['Asetukset', 'Henkilosto', 'Tulokset', 'Rivit', 'Parametrit']);
  expect(book.brokenRefs()).toEqual([]);
});

test('a layout the write cannot take (a table body that refers to its own table) is refused before anything changes', async () => {
  const book = inputWorkbook(3);
  const wb = adapter(book);
  await wb.replaceOutputs(outputSpecs(3, 'A'));
  const before = all(book);
  const [tulokset, rivit, parametrit] = outputSpecs(3, 'B');
  rivit.cells[2][2] = { formula: 'Rivit[[#This Row],[Summa]]*2' };
  await expect(wb.replaceOutputs([tulokset, rivit, parametrit])).rejects.toThrow(/its own table/);
  expect(all(book)).toEqual(before);
});

test('a failed write whose recovery Excel also refuses, even after the pauses, says so; the next run tidies up', async () => {
  const book = inputWorkbook(3);
  const wb = adapter(book);
  await wb.replaceOutputs(outputSpecs(3, 'A'));
  // The write fails on a sheet's formulas; from then on Excel refuses to rename any sheet back.
  let failed = false;
  book.failWhen = (e) => {
    if (e.kind === 'write' && e.sheet === 'Rivit' && e.prop === 'formulas') failed = true;
    return failed && (e.kind === 'write' || e.kind === 'renameSheet') ? 'GeneralException' : null;
  };
  const failure = await wb.replaceOutputs(outputSpecs(3, 'B')).catch((e: unknown) => e);
  expect(failure).toMatchObject({ name: 'RecoveryFailedError', cause: expect.objectContaining({ code: 'GeneralException' }) });
  expect((failure as Error).message).toMatch(/^Tulosten kirjoitus keskeytyi/);
  book.failWhen = null;
  await wb.replaceOutputs(outputSpecs(3, 'C'));
  expect(book.sheets.map((s) => s.name)).toEqual(['Asetukset', 'Henkilosto', 'Tulokset', 'Rivit', 'Parametrit']);
  expect(book.formulaAt('Parametrit', 0, 0)).toBe('Parametrit C');
  expect(book.brokenRefs()).toEqual([]);
});

// ---------------------------------------------------------------- 4. users keep working

describe('users keep working while the add-in runs', () => {
  test('a read while the user is editing a cell waits for the edit to end (delayForCellEdit)', async () => {
    const book = inputWorkbook(3);
    book.cellEditing = true;
    const reading = adapter(book).readTables();
    await new Promise((r) => setTimeout(r, 20));
    book.finishCellEdit();
    const raw = await reading;
    expect(raw.tables.map((t) => t.name)).toEqual(['Asetukset', 'Henkilosto']);
  });

  test('where Excel cannot wait for the edit, the failure says what to do', async () => {
    const book = inputWorkbook(3);
    book.cellEditing = true;
    // An Excel without the DelayForCellEdit requirement set: office.js leaves the option out.
    const wb = new OfficeJsWorkbook({ run: (_options, batch) => book.run(batch), isSetSupported: () => true });
    await expect(wb.readTables()).rejects.toMatchObject({
      name: 'CellEditModeError',
      message: expect.stringMatching(/^Excel on solun muokkaustilassa/),
    });
  });

  /**
   * A rerun written over several syncs; the user switches to another workbook window after sync
   * `switchAt` of the write (0: as it starts) and comes back after `backAfterPauses` of the adapter's
   * pauses between retries.
   */
  async function switchAway(switchAt: number, backAfterPauses: number) {
    const book = inputWorkbook(5);
    let pauses = 0;
    const wb = adapter(book, {
      payloadLimitBytes: 150_000,
      sleep: async () => {
        if (++pauses === backAfterPauses) book.activeWindow = true;
      },
    });
    await wb.replaceOutputs(outputSpecs(3_000, 'A'));
    const before = all(book);
    await wb.readTables();
    const start = book.syncs;
    if (switchAt === 0) book.activeWindow = false;
    book.afterSync = (n) => {
      if (switchAt > 0 && n === start + switchAt) book.activeWindow = false;
    };
    const result = await wb.replaceOutputs(outputSpecs(3_000, 'B')).catch((e: unknown) => e);
    book.afterSync = null;
    book.activeWindow = true;
    return { book, wb, before, result, pauses };
  }

  test('switching to another workbook as the write starts: nothing is changed, the recovery waits for the user, the message says why', async () => {
    const { book, before, result, pauses } = await switchAway(0, 2);
    expect(result).toMatchObject({ name: 'WorkbookNotActiveError', restored: true });
    expect((result as Error).message).toMatch(/^Excel ei sallinut toimintoa, koska tämä työkirja ei ollut aktiivisena/);
    expect(pauses).toBe(2); // the recovery failed twice while the user was away
    expect(all(book)).toEqual(before);
  });

  test('switching away midway: every figure is written, and the old outputs are removed once the user is back', async () => {
    const { book, result } = await switchAway(2, 1);
    expect(result).toMatchObject({ finishingFailures: [] });
    expect(book.formulaAt('Parametrit', 0, 0)).toBe('Parametrit B');
    expect(book.formulaAt('Rivit', 3_001, 0)).toBe('Rivi 3000');
    expect(book.sheets.map((s) => s.name)).toEqual(['Asetukset', 'Henkilosto', 'Tulokset', 'Rivit', 'Parametrit']);
    expect(book.brokenRefs()).toEqual([]);
  });

  test('if the user stays away, the old outputs left behind are reported, and the next run removes them', async () => {
    const { book, wb, result } = await switchAway(2, 99);
    const failures = (result as { finishingFailures: { what: string }[] }).finishingFailures;
    expect(failures.map((f) => f.what)).toEqual(['oldOutputs', 'oldOutputs', 'oldOutputs']);
    expect(book.formulaAt('Parametrit', 0, 0)).toBe('Parametrit B');
    await wb.replaceOutputs(outputSpecs(3, 'C'));
    expect(book.sheets.map((s) => s.name)).toEqual(['Asetukset', 'Henkilosto', 'Tulokset', 'Rivit', 'Parametrit']);
    expect(book.formulaAt('Parametrit', 0, 0)).toBe('Parametrit C');
    expect(book.brokenRefs()).toEqual([]);
  });

  test('if the user stays away from the start, the message says some of the write may be left, and the next run tidies up', async () => {
    const { book, wb, result } = await switchAway(0, 99);
    expect(result).toMatchObject({ name: 'WorkbookNotActiveError', restored: false });
    await wb.replaceOutputs(outputSpecs(3, 'C'));
    expect(book.sheets.map((s) => s.name)).toEqual(['Asetukset', 'Henkilosto', 'Tulokset', 'Rivit', 'Parametrit']);
    expect(book.brokenRefs()).toEqual([]);
  });
});

// ---------------------------------------------------------------- 6. the "Invalid sheet" dialog on the web

test('a rerun on Excel on the web never renames the active sheet (issue 3218: the "Invalid sheet" dialog)', async () => {
  const book = inputWorkbook(3);
  book.platform = 'web';
  const wb = adapter(book);
  await wb.replaceOutputs(outputSpecs(3, 'A'));
  expect(book.sheet('Tulokset')!.active).toBe(true); // the run shows its first sheet
  await wb.replaceOutputs(outputSpecs(3, 'B'));
  expect(book.dialogs).toEqual([]);
  expect(book.sheet('Tulokset')!.active).toBe(true);
});

// ---------------------------------------------------------------- 6. reads: large responses, 1904 dates, hidden columns

describe('reads as Excel answers them', () => {
  test('a bare GeneralException on a large read (some Excel on the web builds: issues 354, 1314) sends the read to row chunks', async () => {
    const desktop = await adapter(inputWorkbook(6_000)).readTables();
    const book = inputWorkbook(6_000);
    book.responseLimit = 200_000;
    book.responseLimitCode = 'GeneralException';
    const raw = await adapter(book, { payloadLimitBytes: 180_000 }).readTables();
    expect(raw).toEqual(desktop);
    expect(book.responseBytes.filter((b) => b > 200_000).length).toBeGreaterThanOrEqual(1);
  });

  test('a GeneralException on a small read is not mistaken for the size limit', async () => {
    const book = inputWorkbook(5);
    book.failWhen = (e) => (e.kind === 'read' && e.prop?.includes('values') ? 'GeneralException' : null);
    await expect(adapter(book).readTables()).rejects.toMatchObject({ code: 'GeneralException' });
  });

  /** The staff workbook with its dates counted from 1904 (what Excel for Mac's old default stores). */
  function in1904(n: number): FakeWorkbook {
    const book = inputWorkbook(n);
    book.date1904 = true;
    for (const cell of book.sheet('Henkilosto')!.cells.values())
      if (cell.format === 'd.m.yyyy' && typeof cell.value === 'number') cell.value -= 1462;
    return book;
  }

  test('the fake shows dates in the workbook’s date system (guards the tests below)', async () => {
    const book = in1904(1);
    const ctx = book.context();
    const cell = ctx.workbook.worksheets.getItem('Henkilosto').getRange('D4').load('text,values');
    await ctx.sync();
    // 1 January 2025 is serial 45658 in the 1900 system and 44196 in the 1904 system.
    expect(cell.values).toEqual([[44196]]);
    expect(cell.text).toEqual([['1.1.2025']]);
  });

  test('a workbook on the 1904 date system reads the same dates as one on the 1900 system', async () => {
    const expected = await adapter(inputWorkbook(30)).readTables();
    const raw = await adapter(in1904(30)).readTables();
    expect(raw).toEqual(expected);
    const staff = raw.tables.find((t) => t.name === 'Henkilosto')!;
    expect(staff.rows[0][2].value).toEqual(new Date(Date.UTC(2025, 0, 1)));
  });

  test('1904 dates found below the first rows, and output dates given back as 1900 serials for verify', async () => {
    const book = in1904(40);
    const sheet = book.sheet('Henkilosto')!;
    // No date in the top 20 rows: the system shows only further down.
    for (let r = 3; r < 3 + 25; r++) sheet.put(r, 3, null);
    const expected = inputWorkbook(40);
    for (let r = 3; r < 3 + 25; r++) expected.sheet('Henkilosto')!.put(r, 3, null);
    const wb = adapter(book);
    expect(await wb.readTables()).toEqual(await adapter(expected).readTables());
    // An output date cell: 1 January 2026 is 46023 in the 1900 system.
    const out: SheetSpec = {
      name: 'Parametrit',
      cells: [[{ value: 'Alkaa' }, { formula: 'DATE(2026,1,1)', expected: 46023, style: 'date' }, { value: 46023, style: 'date' }]],
    };
    await wb.replaceOutputs([out]);
    // What Excel holds in a 1904 workbook: the constant as its 1904 serial; the formula's value likewise.
    expect(book.sheet('Parametrit')!.cell(0, 2)!.value).toBe(46023 - 1462);
    book.sheet('Parametrit')!.cell(0, 1)!.value = 46023 - 1462;
    const cells = await wb.readOutputCells(['Parametrit']);
    expect(cells.filter((c) => c.address !== 'A1').map((c) => c.value)).toEqual([46023, 46023]);
  });

  test('a hidden first column does not make every row look hidden', async () => {
    const book = inputWorkbook(30);
    const sheet = book.sheet('Henkilosto')!;
    sheet.hiddenColumns.add(1); // column B, the table's first column (Organisaatio)
    sheet.hiddenRows.add(3 + 4);
    const staff = (await adapter(book).readTables()).tables.find((t) => t.name === 'Henkilosto')!;
    expect(staff.hiddenRows).toEqual([4]);
  });

  test('a hidden first column in a table read in chunks', async () => {
    const book = inputWorkbook(3_000);
    book.sheet('Henkilosto')!.hiddenColumns.add(1);
    book.sheet('Henkilosto')!.hiddenRows.add(3 + 2_500);
    book.responseLimit = 100_000;
    const staff = (await adapter(book, { payloadLimitBytes: 90_000 }).readTables()).tables.find((t) => t.name === 'Henkilosto')!;
    expect(staff.hiddenRows).toEqual([2_500]);
  });
});
