/**
 * office.js keeps globals and timers of its own alive after the last test of the file.
 * @jest-environment-options {"globalsCleanup": "off"}
 */
/**
 * The task pane's whole run under Microsoft's office.js client (real Excel.run, proxies, load
 * parsing, object lifetimes across syncs, array slicing), executed on the fake object model by
 * test/support/richApiBridge.ts. The same runs directly on the fake are the reference: both must
 * leave the same workbook.
 */
import { ExcelJsWorkbook } from '../../../src/adapters/exceljs/excelJsWorkbook';
import { createOfficeHost } from '../../../src/adapters/officejs/officeHost';
import { OfficeJsWorkbook } from '../../../src/adapters/officejs/officeJsWorkbook';
import { createAllocationApp } from '../../../src/app/run';
import type { RawWorkbook } from '../../../src/domain/raw';
import { buildSampleInputs } from '../../../src/sample/sample';
import { fakeFromRaw, FakeWorkbook, type FakeSheet } from '../../support/fakeExcel';
import { DELAY_FOR_CELL_EDIT_FLAG, loadRealOfficeJs, setHost } from '../../support/realOfficeJs';
import { richApiBridge } from '../../support/richApiBridge';

beforeAll(() => loadRealOfficeJs());

let raw: RawWorkbook;
beforeAll(async () => {
  raw = await ExcelJsWorkbook.fromWorkbook(await buildSampleInputs({ year: 2026 })).readTables();
});

const snapshot = (s: FakeSheet) => ({
  name: s.name,
  cells: [...s.cells.entries()].sort().map(([k, c]) => [k, c.value, c.formula ?? null, c.format]),
  tables: s.tables.map((t) => [t.name, t.r0, t.c0, t.rows, t.cols]),
  names: [...s.names],
  formats: s.formats.length,
  freeze: s.freeze,
  layout: s.layout,
  tabColor: s.tabColor,
});

/** A workbook run through the real client (bridged) and the same through the fake directly. */
function pair() {
  const bridged = fakeFromRaw(raw);
  const direct = fakeFromRaw(raw);
  setHost(richApiBridge(bridged));
  let n = 0;
  const token = () => `t${++n}`;
  let m = 0;
  const viaOfficeJs = new OfficeJsWorkbook({ isSetSupported: () => true, token }); // the real Excel.run
  const onFake = new OfficeJsWorkbook({ run: direct.run, isSetSupported: () => true, token: () => `t${++m}` });
  return { bridged, direct, viaOfficeJs, onFake };
}

const outputs = (book: FakeWorkbook) => book.sheets.filter((s) => s.names.size > 0).map(snapshot);

test('a run and a rerun under the real office.js client leave the same workbook as on the fake', async () => {
  const { bridged, direct, viaOfficeJs, onFake } = pair();
  // One clock for both, so the run logs' times agree.
  const clock = { now: () => new Date(Date.UTC(2026, 0, 1)) };
  const real = createAllocationApp(viaOfficeJs, clock);
  const reference = createAllocationApp(onFake, clock);
  const first = await real.run();
  expect(first.ok).toBe(true);
  expect((await reference.run()).ok).toBe(true);
  expect(outputs(bridged)).toEqual(outputs(direct));
  expect(outputs(bridged).length).toBeGreaterThan(5);
  // Rerun: old outputs renamed aside, new ones built, old ones deleted; references stay intact.
  await real.run();
  await reference.run();
  expect(bridged.sheets.map((s) => s.name)).toEqual(direct.sheets.map((s) => s.name));
  expect(outputs(bridged)).toEqual(outputs(direct));
  expect(bridged.brokenRefs()).toEqual([]);
  // Input sheets untouched.
  const inputs = (book: FakeWorkbook) => book.sheets.filter((s) => s.names.size === 0).map(snapshot);
  expect(inputs(bridged)).toEqual(inputs(fakeFromRaw(raw)));
});

test('the auditor check reads the formulas back through the real client and finds an overwritten one', async () => {
  const { bridged, viaOfficeJs } = pair();
  const app = createAllocationApp(viaOfficeJs);
  expect((await app.run()).ok).toBe(true);
  // The fake does not calculate, so formula cells read back as 0: only the formulas and the cells'
  // presence are checked here (values are checked by LibreOffice's recalculation elsewhere).
  const structural = (r: { findings: { kind: string }[] }) => r.findings.filter((f) => f.kind !== 'value');
  const clean = await app.verify();
  expect(structural(clean)).toEqual([]);
  expect(clean.cellsChecked).toBeGreaterThan(1000);
  // An auditor's finding: a formula overwritten by a number.
  const results = bridged.sheet('TYM_Tulokset')!;
  const key = [...results.cells.entries()].find(([, c]) => c.formula)![0];
  results.cells.get(key)!.formula = undefined;
  const after = await app.verify();
  expect(structural(after)).toEqual([expect.objectContaining({ sheet: 'TYM_Tulokset', kind: 'formula' })]);
});

test('a failure midway under the real client leaves the previous outputs intact', async () => {
  const { bridged, viaOfficeJs } = pair();
  const app = createAllocationApp(viaOfficeJs);
  expect((await app.run()).ok).toBe(true);
  const before = outputs(bridged);
  bridged.failWhen = (e) => (e.kind === 'write' && e.sheet === 'TYM_Jako' && e.prop === 'formulas' ? 'GeneralException' : null);
  await expect(app.run()).rejects.toMatchObject({ code: 'GeneralException' });
  bridged.failWhen = null;
  expect(outputs(bridged)).toEqual(before);
  expect(bridged.brokenRefs()).toEqual([]);
});

test('over the payload limits: chunked writes and chunked reads under the real client, same workbook as on the fake', async () => {
  const big = await ExcelJsWorkbook.fromWorkbook(await buildSampleInputs({ year: 2026, scale: 3 })).readTables();
  const limit = 150_000;
  const bridged = fakeFromRaw(big);
  const direct = fakeFromRaw(big);
  for (const book of [bridged, direct]) book.responseLimit = limit;
  const requests: number[] = [];
  const bridge = richApiBridge(bridged);
  setHost((request) => {
    requests.push(request.bytes);
    return bridge(request);
  });
  let n = 0;
  let m = 0;
  const clock = { now: () => new Date(Date.UTC(2026, 0, 1)) };
  const real = createAllocationApp(
    new OfficeJsWorkbook({ isSetSupported: () => true, payloadLimitBytes: limit * 0.9, token: () => `t${++n}` }),
    clock,
  );
  const reference = createAllocationApp(
    new OfficeJsWorkbook({ run: direct.run, isSetSupported: () => true, payloadLimitBytes: limit * 0.9, token: () => `t${++m}` }),
    clock,
  );
  expect((await real.run()).ok).toBe(true);
  expect((await reference.run()).ok).toBe(true);
  expect(outputs(bridged)).toEqual(outputs(direct));
  // A rerun written over several syncs replaces the old outputs (office.js looks a getItem up by
  // name again in a later sync; deleting the old sheets by their old names would hit the new ones).
  expect((await real.run()).ok).toBe(true);
  expect((await reference.run()).ok).toBe(true);
  expect(bridged.sheets.map((s) => s.name)).toEqual(direct.sheets.map((s) => s.name));
  expect(bridged.sheets.some((s) => s.name.startsWith('~'))).toBe(false);
  expect(outputs(bridged)).toEqual(outputs(direct));
  // Objects made in one sync (new sheets) were used in later ones through Excel's reference ids,
  // every request office.js sent was under the limit, and the response limit was hit and handled.
  expect(requests.length).toBeGreaterThan(10);
  expect(Math.max(...requests)).toBeLessThanOrEqual(limit);
  expect(bridged.responseBytes.some((b) => b > limit)).toBe(true);
  expect(bridged.brokenRefs()).toEqual([]);
});

test("the pane's host (template, settings, select a cell) does under the real client what it does on the fake", async () => {
  const bridged = new FakeWorkbook();
  const direct = new FakeWorkbook();
  for (const book of [bridged, direct]) book.addSheet('Taul1');
  setHost(richApiBridge(bridged));
  const real = createOfficeHost(); // the real Excel.run
  const reference = createOfficeHost({ run: direct.run });
  const both = async (f: (h: typeof real) => Promise<void>) => {
    await f(real);
    await f(reference);
  };
  await both((h) => h.createTemplate({}, 2027));
  await both((h) => h.updateSetting!('year', 2028, 'Asetukset'));
  await both((h) => h.updateSetting!('customerEstimate', 'noin 300', 'Asetukset'));
  await both((h) => h.selectCell('Henkilosto', 'C5'));
  const all = (book: FakeWorkbook) => book.sheets.map(snapshot);
  expect(all(bridged)).toEqual(all(direct));
  // The five input tables and the optional participant plan (issue 12), as the template has them.
  expect(bridged.sheets.map((s) => s.name)).toEqual([
    'Taul1',
    'Asetukset',
    'Kunnat',
    'Henkilosto',
    'Ilmoittautumiset',
    'Kustannukset',
    'Osallistujasuunnitelma',
  ]);
  expect(bridged.selection).toBe('Henkilosto!C5');
  expect(bridged.sheets.find((s) => s.active)?.name).toBe('Henkilosto');
  // The edited settings: the year as a number, the text as text ("@").
  const settings = bridged.sheet('Asetukset')!;
  const rowOf = (name: string) =>
    [...settings.cells.entries()]
      .find(([, c]) => c.value === name)![0]
      .split(',')
      .map(Number)[0];
  expect(settings.cell(rowOf('Vuosi'), 1)).toMatchObject({ value: 2028 });
  expect(settings.cell(rowOf('Asiakasmäärä'), 1)).toMatchObject({ value: 'noin 300', format: '@' });
});

test('under the real client, Excel.run asks to wait while a cell is edited (flag 64), and an Excel that cannot wait gives a clear error', async () => {
  const { bridged, viaOfficeJs } = pair();
  const seen: number[] = [];
  const bridge = richApiBridge(bridged);
  setHost((request) => {
    seen.push(request.flags);
    return bridge(request);
  });
  bridged.cellEditing = true;
  const reading = viaOfficeJs.readTables();
  await new Promise((r) => setTimeout(r, 30));
  bridged.finishCellEdit();
  expect((await reading).tables.length).toBeGreaterThan(3);
  expect(seen.every((f) => (f & DELAY_FOR_CELL_EDIT_FLAG) !== 0)).toBe(true);
  // An Excel without the DelayForCellEdit requirement set answers 5004 at once; office.js names it.
  setHost(() => ({ errorCode: 5004, message: 'cell edit' }));
  await expect(viaOfficeJs.readTables()).rejects.toMatchObject({ name: 'CellEditModeError' });
});

test('under the real client, a user copy of an output sheet survives a rerun, and switching workbooks as the write starts is explained', async () => {
  const { bridged, viaOfficeJs } = pair();
  const app = createAllocationApp(viaOfficeJs);
  expect((await app.run()).ok).toBe(true);
  const copy = bridged.copySheet('TYM_Tulokset');
  copy.name = 'Tulokset 2026';
  bridged.renameRefs('TYM_Tulokset (2)', 'Tulokset 2026');
  const rerun = await app.run();
  expect(rerun.summary?.write?.otherMarkedSheets).toEqual(['Tulokset 2026']);
  expect(bridged.sheet('Tulokset 2026')).toBeDefined();
  const before = outputs(bridged);
  // The user switches to another workbook once the tables are read (requests: list, read, office.js's
  // reference clean-up); the write's first request then fails on the sheets' names (issue 6365).
  let syncs = 0;
  bridged.afterSync = () => {
    if (++syncs === 3) bridged.activeWindow = false;
  };
  const viaOfficeJsAgain = new OfficeJsWorkbook({ isSetSupported: () => true, sleep: async () => void (bridged.activeWindow = true) });
  const failure = await createAllocationApp(viaOfficeJsAgain)
    .run()
    .catch((e: unknown) => e);
  bridged.afterSync = null;
  expect(failure).toMatchObject({ name: 'WorkbookNotActiveError', restored: true });
  expect(outputs(bridged)).toEqual(before);
  expect(bridged.brokenRefs().filter((r) => !r.startsWith('Tulokset 2026!'))).toEqual([]);
});

test('under the real client, a workbook on the 1904 date system with a hidden first column reads as the plain one does on the fake', async () => {
  const { bridged, direct, viaOfficeJs, onFake } = pair();
  bridged.date1904 = true;
  for (const s of bridged.sheets) for (const c of s.cells.values()) if (typeof c.value === 'number' && /y/.test(c.format)) c.value -= 1462;
  const staff = bridged.table('Henkilosto')!;
  staff.sheet.hiddenColumns.add(staff.c0);
  staff.sheet.hiddenRows.add(staff.r0 + 3);
  direct.table('Henkilosto')!.sheet.hiddenRows.add(staff.r0 + 3);
  const expected = await onFake.readTables();
  expect(expected.tables.some((t) => t.rows.some((r) => r.some((c) => c.value instanceof Date)))).toBe(true);
  expect(await viaOfficeJs.readTables()).toEqual(expected);
});
