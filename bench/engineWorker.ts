/**
 * Engine timing in a fresh process per size (so sizes do not share a warmed or fragmented heap):
 *   node --expose-gc engineWorker.js INPUT.xlsx WARMUPS REPEATS
 * Reads the tables with the exceljs adapter outside the timing, then times computeOutputs
 * (parse + allocate + layout) REPEATS times after WARMUPS untimed runs; one extra pass times the
 * three phases separately. Prints BENCH_RESULT {...}.
 */
import * as fs from 'fs';
import { performance } from 'perf_hooks';
import * as v8 from 'v8';
import { ExcelJsWorkbook } from '../src/adapters/exceljs/excelJsWorkbook';
import { computeOutputs } from '../src/app/pipeline';
import { allocate } from '../src/domain/allocate';
import { parseWorkbook } from '../src/domain/parse';
import { buildOutputSheets } from '../src/workbook/layout';
import { countSpecs, type SpecCounts } from './formulas';
import { emitResult, median } from './lib';

export interface EngineResult {
  inputRows: number;
  inputCells: number;
  rowsByTable: Record<string, number>;
  timesMs: number[];
  medianMs: number;
  phasesMs: { parse: number; allocate: number; layout: number };
  output: SpecCounts;
  problems: { errors: number; warnings: number };
  /** heapUsed with the input tables loaded, after GC (MB). */
  heapBaseMB: number;
  /** Largest heapUsed seen right after a run, before GC (live + garbage; MB). */
  heapAfterRunMaxMB: number;
  /** heapUsed after GC while one result is still held (what a result keeps alive; MB). */
  heapRetainedMB: number;
  /** Largest V8 heap size (total_heap_size) seen after a run (MB). */
  heapTotalMaxMB: number;
  rssBeforeMB: number;
  /** Peak RSS of this process (includes the exceljs load of the input; MB). */
  maxRssMB: number;
}

const gc = (globalThis as { gc?: () => void }).gc ?? (() => undefined);
const MB = 1024 * 1024;

async function main(): Promise<void> {
  const [file, warmupsArg, repeatsArg] = process.argv.slice(2);
  const warmups = Number(warmupsArg ?? 1);
  const repeats = Number(repeatsArg ?? 3);
  let raw = await (await ExcelJsWorkbook.fromBuffer(fs.readFileSync(file), { view: false })).readTables();
  // Keep only the tables (the exceljs workbook becomes garbage); collect it before measuring.
  raw = { tables: raw.tables, sheetNames: raw.sheetNames };
  gc();
  gc();
  const heapBase = process.memoryUsage().heapUsed;
  const rssBefore = process.memoryUsage().rss;
  const rowsByTable = Object.fromEntries(raw.tables.map((t) => [t.name, t.rows.length]));
  const inputRows = raw.tables.reduce((n, t) => n + t.rows.length, 0);
  const inputCells = raw.tables.reduce(
    (n, t) => n + t.rows.reduce((m, r) => m + r.filter((c) => c.value !== null && c.value !== '').length, 0),
    0,
  );

  for (let i = 0; i < warmups; i++) computeOutputs(raw);
  gc();

  const times: number[] = [];
  let heapAfterRunMax = 0;
  let heapTotalMax = 0;
  let heapRetained = 0;
  let last: ReturnType<typeof computeOutputs> | null = null;
  for (let i = 0; i < repeats; i++) {
    last = null;
    gc();
    const t0 = performance.now();
    const result = computeOutputs(raw);
    const dt = performance.now() - t0;
    times.push(dt);
    heapAfterRunMax = Math.max(heapAfterRunMax, process.memoryUsage().heapUsed);
    heapTotalMax = Math.max(heapTotalMax, v8.getHeapStatistics().total_heap_size);
    last = result;
    if (i === 0) {
      gc();
      heapRetained = process.memoryUsage().heapUsed - heapBase;
    }
  }
  if (!last || !last.ok) throw new Error(`the engine refused the input: ${JSON.stringify(last?.problems.slice(0, 5))}`);
  const output = countSpecs(last.sheets);
  const problems = {
    errors: last.problems.filter((p) => p.severity === 'error').length,
    warnings: last.problems.filter((p) => p.severity !== 'error').length,
  };
  last = null;
  gc();

  // Phase breakdown (one pass): the same three steps computeOutputs takes.
  const t0 = performance.now();
  const parsed = parseWorkbook(raw);
  const t1 = performance.now();
  const alloc = allocate(parsed.model!);
  const t2 = performance.now();
  buildOutputSheets(parsed.model!, alloc);
  const t3 = performance.now();

  const result: EngineResult = {
    inputRows,
    inputCells,
    rowsByTable,
    timesMs: times,
    medianMs: median(times),
    phasesMs: { parse: t1 - t0, allocate: t2 - t1, layout: t3 - t2 },
    output,
    problems,
    heapBaseMB: heapBase / MB,
    heapAfterRunMaxMB: heapAfterRunMax / MB,
    heapRetainedMB: heapRetained / MB,
    heapTotalMaxMB: heapTotalMax / MB,
    rssBeforeMB: rssBefore / MB,
    maxRssMB: process.resourceUsage().maxRSS / 1024,
  };
  emitResult(result);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
