/**
 * The engine as an injectable step: the Web Worker protocol (with a worker simulated in-process,
 * every message structured-cloned as a browser does), its fallback, the inputs' fingerprint, the
 * settings shown despite errors elsewhere, and where each problem links to.
 */
import { ExcelJsWorkbook } from '../../src/adapters/exceljs/excelJsWorkbook';
import type { RunStep } from '../../src/app/api';
import type { Engine } from '../../src/app/engine';
import {
  CELLS_PER_MESSAGE,
  serveEngine,
  lazyEngine,
  workerEngine,
  type EngineMessage,
  type EngineRequest,
  type WorkerLike,
  type WorkerScope,
} from '../../src/app/engineWorker';
import { inputsFingerprint, readableSettings, tableLocations } from '../../src/app/inputs';
import { problemTarget } from '../../src/app/locate';
import { createAllocationApp, localEngine } from '../../src/app/run';
import { error, warning } from '../../src/domain/problems';
import type { RawWorkbook } from '../../src/domain/raw';
import { buildSampleInputs } from '../../src/sample/sample';

async function sampleRaw(): Promise<RawWorkbook> {
  return ExcelJsWorkbook.fromWorkbook(await buildSampleInputs({ year: 2026 })).readTables();
}

/**
 * structuredClone, with the Dates it makes turned into this test realm's Dates: jest runs the tests
 * in a VM context whose Date is not the one structuredClone builds (in a browser the worker's
 * clone is its own realm's Date, which the parser's `instanceof Date` accepts).
 */
function cloned<T>(x: T): T {
  const fix = (v: unknown): unknown => {
    if (v === null || typeof v !== 'object') return v;
    if (Object.prototype.toString.call(v) === '[object Date]') return new Date((v as Date).getTime());
    if (Array.isArray(v)) return v.map(fix);
    const o = v as Record<string, unknown>;
    for (const k of Object.keys(o)) o[k] = fix(o[k]);
    return o;
  };
  return fix(structuredClone(x)) as T;
}

/** A worker in this process: both directions go through structuredClone, answers on a later turn. */
function inProcessWorker(
  engine: Engine,
  log: { posted: number; answers?: EngineMessage[] } = { posted: 0 },
): WorkerLike & { fail(): void } {
  const listeners: { message: ((e: { data: EngineMessage }) => void)[]; error: ((e: unknown) => void)[] } = { message: [], error: [] };
  const scope: WorkerScope = {
    onmessage: null,
    postMessage: (m) => {
      log.answers?.push(m);
      setTimeout(() => listeners.message.forEach((l) => l({ data: cloned(m) })), 0);
    },
  };
  serveEngine(scope, engine);
  return {
    postMessage(m: EngineRequest) {
      log.posted++;
      const copy = cloned(m);
      setTimeout(() => scope.onmessage?.({ data: copy }), 0);
    },
    addEventListener(type: 'message' | 'error', l: (e: never) => void) {
      (listeners[type] as unknown[]).push(l);
    },
    terminate() {
      scope.onmessage = null;
    },
    fail() {
      listeners.error.forEach((l) => l(new Error('worker died')));
    },
  } as WorkerLike & { fail(): void };
}

test('through the worker, validate, compute and fingerprint give what the local engine gives', async () => {
  const raw = await sampleRaw();
  const log = { posted: 0, answers: [] as EngineMessage[] };
  const remote = workerEngine(() => inProcessWorker(localEngine, log), localEngine);
  const [lv, rv] = [await localEngine.validate(raw), await remote.validate(raw)];
  expect(rv.problems).toEqual(lv.problems);
  expect(rv.tablesFound).toEqual(lv.tablesFound);
  expect(rv.tables).toEqual(lv.tables);
  expect(rv.fingerprint).toBe(lv.fingerprint);
  // The settings' decimals crossed as text and are Decimals again.
  expect(rv.settings!.kelaPct.toString()).toBe(lv.settings!.kelaPct.toString());
  expect(typeof rv.settings!.kelaPct.plus).toBe('function');
  expect({ ...rv.settings, kelaPct: 0, agreedTvaPct: 0, customerEstimate: 0 }).toEqual({
    ...lv.settings,
    kelaPct: 0,
    agreedTvaPct: 0,
    customerEstimate: 0,
  });

  const steps: RunStep[] = [];
  // The run log's time crosses the boundary: both runs at the same fixed time.
  const time = new Date('2026-03-01T08:00:00Z');
  const [lc, rc] = [await localEngine.compute(raw, undefined, time), await remote.compute(raw, (s) => void steps.push(s), time)];
  expect(steps).toEqual(['validate', 'allocate', 'layout']);
  expect(rc).toEqual(lc);
  // The output sheets came in parts of at most CELLS_PER_MESSAGE cells (one task each on the main thread).
  const parts = log.answers.filter((m) => m.type === 'rows') as Extract<EngineMessage, { type: 'rows' }>[];
  const cells = (rows: unknown[][]) => rows.reduce((a, r) => a + r.length, 0);
  expect(parts.length).toBeGreaterThan(lc.ok ? lc.sheets.length : 0);
  expect(Math.max(...parts.map((m) => cells(m.rows)))).toBeLessThanOrEqual(CELLS_PER_MESSAGE);
  const done = log.answers.find((m) => m.type === 'done' && (m.result as { sheets?: unknown[] }).sheets) as Extract<
    EngineMessage,
    { type: 'done' }
  >;
  expect((done.result as { sheets: unknown[] }).sheets).toEqual([]);
  expect(rc.ok && rc.summary.kinds.length).toBeGreaterThan(0);
  expect(await remote.fingerprint(raw)).toBe(lv.fingerprint);
  expect(log.posted).toBe(3);
});

test('a worker that cannot start, or dies with requests in flight, leaves the work to the local engine', async () => {
  const raw = await sampleRaw();
  const never = workerEngine(() => {
    throw new Error('Worker is not defined');
  }, localEngine);
  expect((await never.compute(raw)).ok).toBe(true);

  // A worker that never answers, then reports an error: the request is answered locally.
  let w: ReturnType<typeof inProcessWorker> | null = null;
  const silent: Engine = {
    validate: () => new Promise(() => undefined),
    compute: () => new Promise(() => undefined),
    fingerprint: () => new Promise(() => undefined),
  };
  const dying = workerEngine(() => (w = inProcessWorker(silent)), localEngine);
  const answer = dying.fingerprint(raw);
  await new Promise((r) => setTimeout(r, 5));
  w!.fail();
  expect(await answer).toBe(inputsFingerprint(raw));
  // and every later request too
  expect((await dying.validate(raw)).fingerprint).toBe(inputsFingerprint(raw));
});

test("the pane's fallback engine is loaded on its first use only, once, and loaded again after a failed load", async () => {
  const raw = await sampleRaw();
  let loads = 0;
  let failNext = true;
  const fallback = lazyEngine(async () => {
    loads += 1;
    if (failNext) {
      failNext = false;
      throw new Error('ChunkLoadError');
    }
    return localEngine;
  });
  const dead = workerEngine(() => {
    throw new Error('Worker is not defined');
  }, fallback);
  expect(loads).toBe(0);
  await expect(dead.fingerprint(raw)).rejects.toThrow('ChunkLoadError');
  expect(await dead.fingerprint(raw)).toBe(inputsFingerprint(raw));
  expect((await dead.compute(raw)).ok).toBe(true);
  expect(loads).toBe(2);
});

test('an error thrown by the engine in the worker reaches the caller as an Error', async () => {
  const raw = await sampleRaw();
  const throwing: Engine = { ...localEngine, compute: async () => Promise.reject(new Error('boom')) };
  const remote = workerEngine(() => inProcessWorker(throwing), localEngine);
  await expect(remote.compute(raw)).rejects.toThrow('boom');
});

test('the app over an injected engine: run writes what the engine laid out; verify and fingerprint use it too', async () => {
  const port = ExcelJsWorkbook.fromWorkbook(await buildSampleInputs({ year: 2026 }));
  const calls: string[] = [];
  const counting: Engine = {
    validate: (raw) => (calls.push('validate'), localEngine.validate(raw)),
    compute: (raw, s) => (calls.push('compute'), localEngine.compute(raw, s)),
    fingerprint: (raw) => (calls.push('fingerprint'), localEngine.fingerprint(raw)),
  };
  const app = createAllocationApp(port, { engine: workerEngine(() => inProcessWorker(counting), localEngine) });
  const v = await app.validate();
  const r = await app.run();
  expect(r.ok).toBe(true);
  expect(r.fingerprint).toBe(v.fingerprint);
  expect(await port.ownSheetNames()).toEqual(expect.arrayContaining(r.summary!.sheets));
  const steps: string[] = [];
  const audit = await app.verify((s) => steps.push(s));
  expect(steps).toEqual(['read', 'compute', 'readOutputs', 'compare']);
  expect(audit.findings).toEqual([]);
  expect(audit.cellsChecked).toBeGreaterThan(1000);
  expect(await app.fingerprint()).toBe(v.fingerprint);
  expect(calls).toEqual(['validate', 'compute', 'compute', 'fingerprint']);
});

describe('inputs fingerprint', () => {
  const clone = (raw: RawWorkbook): RawWorkbook => cloned(raw);
  const cellOf = (raw: RawWorkbook, table: string, label: string) => {
    const t = raw.tables.find((x) => x.name === table)!;
    return t.rows.find((r) => r[0].value === label)![1];
  };

  test('a changed setting, cost or row order changes it; formats, other tables and table order do not', async () => {
    const raw = await sampleRaw();
    const base = inputsFingerprint(raw);
    expect(base).toMatch(/^[0-9a-f]{64}$/);

    const kela = clone(raw);
    cellOf(kela, 'Asetukset', 'Kelan osuus %').value = 12.5;
    expect(inputsFingerprint(kela)).not.toBe(base);

    const cost = clone(raw);
    const k = cost.tables.find((t) => t.name === 'Kustannukset')!;
    const summa = k.headers.indexOf('Summa');
    k.rows[0][summa].value = Number(k.rows[0][summa].value) + 0.01;
    expect(inputsFingerprint(cost)).not.toBe(base);

    const swapped = clone(raw);
    const s = swapped.tables.find((t) => t.name === 'Henkilosto')!;
    [s.rows[0], s.rows[1]] = [s.rows[1], s.rows[0]];
    expect(inputsFingerprint(swapped)).not.toBe(base);

    const formatted = clone(raw);
    formatted.tables.forEach((t) => t.rows.forEach((r) => r.forEach((c) => (c.numFmt = '0.000'))));
    expect(inputsFingerprint(formatted)).toBe(base);

    const reordered = clone(raw);
    reordered.tables.reverse();
    reordered.tables.push({ name: 'Muistiinpanot', sheet: 'Oma', headerRow: 1, firstColumn: 1, headers: ['A'], rows: [[{ value: 'x' }]] });
    expect(inputsFingerprint(reordered)).toBe(base);
  });

  test('the participant plan (issue 12) counts: adding it or editing it makes a result stale', async () => {
    const raw = await sampleRaw();
    const without = cloned(raw);
    without.tables = without.tables.filter((t) => t.name !== 'Osallistujasuunnitelma');
    const base = inputsFingerprint(without);
    const plan = {
      name: 'Osallistujasuunnitelma',
      sheet: 'Osallistujasuunnitelma',
      headerRow: 1,
      firstColumn: 1,
      headers: ['Tilaisuus', 'Organisaatio', 'Osallistujia', 'Vuosi'],
      rows: [[{ value: null }, { value: null }, { value: null }, { value: null }]],
    };
    const added = cloned(without);
    added.tables.push(plan);
    expect(inputsFingerprint(added)).not.toBe(base);
    const edited = cloned(added);
    edited.tables[edited.tables.length - 1].rows[0][2].value = 12;
    expect(inputsFingerprint(edited)).not.toBe(inputsFingerprint(added));
    // under an alias it is the plan too, and where it is (for its problems' links) is known
    const alias = cloned(added);
    alias.tables[alias.tables.length - 1].name = 'ParticipantPlan';
    expect(inputsFingerprint(alias)).not.toBe(base);
    expect(tableLocations(alias).map((t) => t.name)).toContain('ParticipantPlan');
    expect((await localEngine.validate(alias)).tablesFound.suunnitelma).toBe('ParticipantPlan');
    expect((await localEngine.validate(without)).tablesFound.suunnitelma).toBeNull();
  });
});

test('the settings are shown when another table has an error, not when Asetukset has one', async () => {
  const raw = await sampleRaw();
  const broken = cloned(raw);
  const k = broken.tables.find((t) => t.name === 'Kustannukset')!;
  k.rows[0][k.headers.indexOf('Summa')].value = 'kymmenen';
  const v = await localEngine.validate(broken);
  expect(v.problems.some((p) => p.severity === 'error')).toBe(true);
  expect(v.settings?.year).toBe(2026);
  expect(readableSettings(broken)?.employer).toBe('Järvenpää');

  const badYear = cloned(raw);
  const a = badYear.tables.find((t) => t.name === 'Asetukset')!;
  a.rows.find((r) => r[0].value === 'Vuosi')![1].value = 'ensi vuonna';
  expect(readableSettings(badYear)).toBeNull();
  expect(readableSettings({ tables: raw.tables.filter((t) => t.name !== 'Asetukset'), sheetNames: raw.sheetNames })).toBeNull();
});

describe('problem targets', () => {
  // Kustannukset at B3: headers in row 3, columns B..D (Laji, Pooli, Summa), 4 data rows (rows 4-7).
  const raw: RawWorkbook = {
    sheetNames: ['Kulut'],
    tables: [
      {
        name: 'Kustannukset',
        sheet: 'Kulut',
        headerRow: 3,
        firstColumn: 2,
        headers: ['Laji', 'Pooli', 'Summa'],
        rows: Array.from({ length: 4 }, () => [{ value: 'TA' }, { value: 'a' }, { value: 1 }]),
      },
    ],
  };
  const tables = tableLocations(raw);
  const w = { sheet: 'Kulut', table: 'Kustannukset' };

  test('the table is located by hand: B3:D7, Summa in D', () => {
    expect(tables).toEqual([
      {
        key: 'kustannukset',
        name: 'Kustannukset',
        sheet: 'Kulut',
        headerRow: 3,
        lastRow: 7,
        firstColumn: 'B',
        lastColumn: 'D',
        columns: { Laji: 'B', Pooli: 'C', Summa: 'D' },
      },
    ]);
  });

  test('cell, column, row, table, sheet, nothing', () => {
    expect(problemTarget(error('number-is-text', { ...w, row: 5, column: 'Summa', cell: 'D5' }), tables)).toEqual({
      sheet: 'Kulut',
      address: 'D5',
      kind: 'cell',
    });
    expect(problemTarget(error('agreed-sum', { ...w, column: 'Summa' }), tables)).toEqual({
      sheet: 'Kulut',
      address: 'D3:D7',
      kind: 'column',
    });
    expect(problemTarget(warning('duplicate-registration', { ...w, row: 6 }), tables)).toEqual({
      sheet: 'Kulut',
      address: 'B6:D6',
      kind: 'row',
    });
    expect(problemTarget(error('column-missing', { ...w, row: 3 }), tables)).toEqual({ sheet: 'Kulut', address: 'B3:D3', kind: 'row' });
    expect(problemTarget(warning('hidden-rows', w), tables)).toEqual({ sheet: 'Kulut', address: 'B3:D7', kind: 'table' });
    expect(problemTarget(warning('hidden-rows', { table: 'kustannukset' }), tables)).toEqual({
      sheet: 'Kulut',
      address: 'B3:D7',
      kind: 'table',
    });
    expect(problemTarget(error('table-missing', { sheet: 'Kunnat', table: 'Kunnat' }), tables)).toEqual({
      sheet: 'Kunnat',
      address: 'A1',
      kind: 'sheet',
    });
    expect(problemTarget(error('table-missing', { table: 'Kunnat' }), tables)).toBeNull();
  });
});
