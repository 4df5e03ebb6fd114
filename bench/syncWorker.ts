/**
 * Round trips of a full task-pane run against the hand-written fake of the Excel object model:
 *   node syncWorker.js INPUT.xlsx
 * The input tables (read with the exceljs adapter) are placed into a FakeWorkbook as a user's
 * workbook would hold them (dates as serial numbers with their formats); then the task pane's own
 * run (createAllocationApp over OfficeJsWorkbook: readTables + computeOutputs + replaceOutputs)
 * runs twice: a first run and a rerun that replaces its own outputs. Prints BENCH_RESULT {...}.
 */
import * as fs from 'fs';
import { performance } from 'perf_hooks';
import { ExcelJsWorkbook } from '../src/adapters/exceljs/excelJsWorkbook';
import { DEFAULT_PAYLOAD_LIMIT, OfficeJsWorkbook } from '../src/adapters/officejs/officeJsWorkbook';
import { utf8Length } from '../src/adapters/officejs/blocks';
import { createAllocationApp } from '../src/app/run';
import type { RawWorkbook } from '../src/domain/raw';
import { fakeFromRaw, type FakeSheet, type FakeWorkbook } from '../test/support/fakeExcel';
import { emitResult } from './lib';
import { computeOutputs } from '../src/app/pipeline';
import {
  inventoryAnswer,
  isReferenceCleanup,
  loadRealOfficeJs,
  pathName,
  setHost,
  sheetListAnswer,
  writeResults,
} from '../test/support/realOfficeJs';
import { richApiBridge } from '../test/support/richApiBridge';

export interface RunSyncs {
  ok: boolean;
  syncs: number;
  readSyncs: number;
  writeSyncs: number;
  /** Per sync, the fake's estimate of the request (JSON length of written grids + 100 per action). */
  fakeBytesPerSync: number[];
  /** Per write sync, the adapter's own UTF-8 estimate (what it chunks by). */
  adapterBytesPerWriteSync: number[];
  /** Per read sync, the JSON bytes the fake sent back (0 for a refused request). */
  readResponseBytesPerSync: number[];
  /** Read syncs Excel on the web (the fake, at its 5 MB limits) refused as too large. */
  refusedReadSyncs: number;
  ms: number;
}

export interface SyncResult {
  first: RunSyncs;
  rerun: RunSyncs;
  /** JSON size of reading every table at once (values, valueTypes, numberFormat, visible addresses). */
  readResponseBytes: number;
  /** The fake's response limit (Excel on the web's 5 MB). */
  responseLimit: number;
  payloadLimit: number;
  brokenRefs: number;
  outputSheets: number;
  /** The same write serialized by Microsoft's office.js client itself: bytes of each write request, and the adapter's estimate of it. */
  officeJsWrite: { requestBytes: number[]; estimatedBytes: number[] };
  /** The whole run and rerun through the real office.js client, executed on a fake workbook (test/support/richApiBridge.ts). */
  officeJsRuns: { first: BridgedRun; rerun: BridgedRun };
}

export interface BridgedRun {
  ok: boolean;
  /** Requests office.js sent for our syncs (refused ones included). */
  requests: number;
  /** Requests office.js sent on its own at the end of Excel.run, releasing the references Excel handed out. */
  cleanupRequests: number;
  maxRequestBytes: number;
}

/** A first run and a rerun of the task pane's app through the real office.js client. */
async function bridgedRuns(raw: RawWorkbook): Promise<SyncResult['officeJsRuns']> {
  loadRealOfficeJs();
  const book = fakeFromRaw(raw);
  const bridge = richApiBridge(book);
  let log: { bytes: number; cleanup: boolean }[] = [];
  setHost((request) => {
    log.push({ bytes: request.bytes, cleanup: isReferenceCleanup(request) });
    return bridge(request);
  });
  let n = 0;
  const app = createAllocationApp(new OfficeJsWorkbook({ isSetSupported: () => true, token: () => `o${++n}` }));
  const once = async (): Promise<BridgedRun> => {
    log = [];
    const report = await app.run();
    const ours = log.filter((r) => !r.cleanup);
    return {
      ok: report.ok,
      requests: ours.length,
      cleanupRequests: log.length - ours.length,
      maxRequestBytes: Math.max(...ours.map((r) => r.bytes)),
    };
  };
  const first = await once();
  const rerun = await once();
  return { first, rerun };
}

/** The first run's write once more, through the real office.js client with the host stubbed (test/support/realOfficeJs.ts). */
async function realOfficeJsWrite(raw: RawWorkbook): Promise<SyncResult['officeJsWrite']> {
  const result = computeOutputs(raw);
  if (!result.ok) throw new Error('the sample did not compute');
  loadRealOfficeJs();
  const requests: number[] = [];
  setHost((request) => {
    if (!isReferenceCleanup(request)) requests.push(request.bytes);
    return writeResults(request.body, (a) => {
      const at = pathName(request.body, a.ObjectPathId);
      return at === 'Worksheets' ? sheetListAnswer(raw) : inventoryAnswer(at);
    });
  });
  const port = new OfficeJsWorkbook({ isSetSupported: () => true });
  await port.replaceOutputs(result.sheets);
  const plan = (port as unknown as { lastPlan: { batchBytes: number[]; finishBytes: number } }).lastPlan;
  // The sheet list, the data syncs, the finishing touches: each request against its estimate.
  return { requestBytes: requests.slice(1), estimatedBytes: [...plan.batchBytes, plan.finishBytes] };
}

/** What Excel would send back for the read sync, as JSON: the four arrays per table the adapter loads. */
function readResponseBytes(book: FakeWorkbook): number {
  let bytes = 0;
  for (const t of book.tables) {
    const s: FakeSheet = t.sheet;
    const values: unknown[][] = [];
    const types: string[][] = [];
    const formats: string[][] = [];
    const visible: string[][] = [];
    for (let r = t.r0 + 1; r < t.r0 + t.rows; r++) {
      const vr: unknown[] = [];
      const tr: string[] = [];
      const fr: string[] = [];
      for (let c = t.c0; c < t.c0 + t.cols; c++) {
        const cell = s.cell(r, c);
        const v = cell?.value ?? '';
        const isErr = v !== null && typeof v === 'object';
        vr.push(isErr ? (v as { error: string }).error : v);
        tr.push(isErr ? 'Error' : v === '' ? 'Empty' : typeof v === 'number' ? 'Double' : typeof v === 'boolean' ? 'Boolean' : 'String');
        fr.push(cell?.format ?? 'General');
      }
      values.push(vr);
      types.push(tr);
      formats.push(fr);
      if (!s.hiddenRows.has(r)) visible.push([`'${s.name}'!A${r + 1}`]);
    }
    bytes += utf8Length(JSON.stringify({ values, valueTypes: types, numberFormat: formats, cellAddresses: visible }));
  }
  return bytes;
}

/** One run of the task pane's app; the port is kept between runs, as the task pane keeps it. */
async function oneRun(book: FakeWorkbook, port: OfficeJsWorkbook): Promise<RunSyncs> {
  const app = createAllocationApp(port);
  const syncsBefore = book.syncs;
  const bytesBefore = book.syncBytes.length;
  let syncsAtWrite = 0;
  const t0 = performance.now();
  const report = await app.run((step) => {
    if (step === 'write') syncsAtWrite = book.syncs;
  });
  const ms = performance.now() - t0;
  // The adapter's own estimate of each write sync (it packs its queued actions into syncs by it).
  const plan = (port as unknown as { lastPlan: { batchBytes: number[] } | null }).lastPlan;
  const adapterBytes = plan ? plan.batchBytes : [];
  const readResponses = book.responseBytes.slice(bytesBefore, bytesBefore + (syncsAtWrite - syncsBefore));
  const limit = book.responseLimit ?? Infinity;
  return {
    ok: report.ok,
    syncs: book.syncs - syncsBefore,
    readSyncs: syncsAtWrite - syncsBefore,
    writeSyncs: book.syncs - syncsAtWrite,
    fakeBytesPerSync: book.syncBytes.slice(bytesBefore),
    adapterBytesPerWriteSync: adapterBytes,
    readResponseBytesPerSync: readResponses,
    refusedReadSyncs: readResponses.filter((b) => b > limit).length,
    ms,
  };
}

async function main(): Promise<void> {
  const [file] = process.argv.slice(2);
  const raw = await (await ExcelJsWorkbook.fromBuffer(fs.readFileSync(file), { view: false })).readTables();
  const book = fakeFromRaw(raw);
  const readBytes = readResponseBytes(book);
  let n = 0;
  const port = new OfficeJsWorkbook({ run: book.run, isSetSupported: () => true, token: () => `b${++n}` });
  const first = await oneRun(book, port);
  if (!first.ok) throw new Error('the task-pane run refused the input in the fake workbook');
  const rerun = await oneRun(book, port);
  const own = book.sheets.filter((s) => s.names.size > 0);
  const result: SyncResult = {
    first,
    rerun,
    readResponseBytes: readBytes,
    responseLimit: book.responseLimit ?? Infinity,
    payloadLimit: DEFAULT_PAYLOAD_LIMIT,
    brokenRefs: book.brokenRefs().length,
    outputSheets: own.length,
    officeJsWrite: await realOfficeJsWrite(raw),
    officeJsRuns: await bridgedRuns(raw),
  };
  emitResult(result);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
