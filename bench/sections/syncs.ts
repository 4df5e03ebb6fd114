/** Section 3: the task pane's Excel round trips and payloads (fake Excel object model, and Microsoft's office.js client over it). */
import type { BenchContext } from '../context';
import { fmtMB, fmtMs, log, runWorker } from '../lib';
import { table, type SectionReport } from '../report';
import type { RunSyncs, SyncResult } from '../syncWorker';

const EXCEL_WEB_LIMIT = 5_000_000;

export type SyncRuns = Record<1 | 100, SyncResult>;

export async function measureSyncs(ctx: BenchContext): Promise<SyncRuns> {
  const syncs = {} as SyncRuns;
  for (const scale of [1, 100] as const) {
    log(`task pane syncs ${scale}x (fake Excel object model)`);
    syncs[scale] = (await runWorker<SyncResult>('syncWorker', [ctx.inputs[scale]], ['--max-old-space-size=8192'])).result;
    log(`task pane syncs ${scale}x: ${syncs[scale].first.syncs} (rerun ${syncs[scale].rerun.syncs})`);
  }
  return syncs;
}

export function reportSyncs(syncs: SyncRuns): SectionReport {
  const s1 = syncs[1];
  const s100 = syncs[100];
  const maxWrite = (s: SyncResult) =>
    Math.max(
      ...s.first.fakeBytesPerSync,
      ...s.first.adapterBytesPerWriteSync,
      ...s.rerun.fakeBytesPerSync,
      ...s.rerun.adapterBytesPerWriteSync,
    );
  const totalWrite = (s: SyncResult) => s.first.adapterBytesPerWriteSync.reduce((a, b) => a + b, 0);
  const minWriteSyncs = (s: SyncResult) => Math.max(1, Math.ceil(totalWrite(s) / s.payloadLimit));
  const chunked = s100.first.writeSyncs > 1;
  const maxReal = (s: SyncResult) => Math.max(...s.officeJsWrite.requestBytes);
  const realWithinEstimate = (s: SyncResult) =>
    s.officeJsWrite.requestBytes.length === s.officeJsWrite.estimatedBytes.length &&
    s.officeJsWrite.requestBytes.every((b, i) => b <= s.officeJsWrite.estimatedBytes[i]);
  // Reads: what Excel on the web accepted (a refused sync's response is over the limit and never arrives).
  const accepted = (r: RunSyncs) => r.readResponseBytesPerSync.filter((b) => b <= EXCEL_WEB_LIMIT);
  const maxRead = (s: SyncResult) => Math.max(0, ...accepted(s.first), ...accepted(s.rerun));
  const totalRead = (r: RunSyncs) => accepted(r).reduce((a, b) => a + b, 0);
  const minReadSyncs = (s: SyncResult) => Math.max(1, Math.ceil(s.readResponseBytes / s.payloadLimit));
  // Chunked reads add a listing sync and a sync for the tables' places (and, on the first run, the refused whole read).
  const readSyncsOk = (s: SyncResult) => s.first.readSyncs <= minReadSyncs(s) + 5 && s.rerun.readSyncs <= minReadSyncs(s) + 3;
  const syncsSame = s1.first.syncs === s100.first.syncs && s1.rerun.syncs === s100.rerun.syncs;
  const readOk = maxRead(s100) < EXCEL_WEB_LIMIT && maxRead(s1) < EXCEL_WEB_LIMIT && totalRead(s100.rerun) >= s100.readResponseBytes * 0.9;

  const targets: SectionReport['targets'] = [
    {
      id: '3a',
      target:
        'Task pane run: the same sync count at 1x and 100x, at most 4 (2 to read, 1 to write, 1 for the finishing touches) unless chunking is needed',
      figure:
        `1x: ${s1.first.syncs} (${s1.first.readSyncs} read + ${s1.first.writeSyncs} write); 100x: ${s100.first.syncs} (${s100.first.readSyncs} read + ${s100.first.writeSyncs} write), rerun ${s100.rerun.syncs} (${s100.rerun.readSyncs} + ${s100.rerun.writeSyncs})` +
        `; the same runs through Microsoft's office.js client (host stubbed on the fake): 1x ${s1.officeJsRuns.first.requests} requests, 100x ${s100.officeJsRuns.first.requests} (rerun ${s100.officeJsRuns.rerun.requests}), each Excel.run followed by office.js's own request releasing the references Excel handed out (${s1.officeJsRuns.first.cleanupRequests} per run at 1x)` +
        (chunked
          ? `; chunking needed at 100x: ${fmtMB(totalWrite(s100))} written needs at least ${minWriteSyncs(s100)} write syncs and ${fmtMB(s100.readResponseBytes)} read at least ${minReadSyncs(s100)} read syncs of ≤ ${fmtMB(s100.payloadLimit)}`
          : ''),
      verdict:
        s1.first.syncs <= 4 &&
        s1.rerun.syncs <= 4 &&
        s1.officeJsRuns.first.requests <= 4 &&
        s1.officeJsRuns.first.ok &&
        s100.officeJsRuns.first.ok &&
        (syncsSame || (chunked && s100.first.writeSyncs <= minWriteSyncs(s100) + 2 && readSyncsOk(s100)))
          ? 'met'
          : 'not met',
      reason: syncsSame
        ? undefined
        : `chunking is needed at 100x: the write is ${fmtMB(totalWrite(s100))} in all, so at least ${minWriteSyncs(s100)} write syncs of ≤ ${fmtMB(s100.payloadLimit)} (the adapter uses ${s100.first.writeSyncs}), and reading every table is ${fmtMB(s100.readResponseBytes)}, so at least ${minReadSyncs(s100)} read syncs (the adapter uses ${s100.first.readSyncs} on the first run, of which ${s100.first.refusedReadSyncs} refused, and ${s100.rerun.readSyncs} on the rerun). At 1x everything fits 4 syncs.`,
    },
    {
      id: '3b',
      target: `Largest single write sync under ${fmtMB(EXCEL_WEB_LIMIT)} (Excel on the web), chunked above ~4.5 MB`,
      figure: `1x: ${fmtMB(maxWrite(s1))}; 100x: ${fmtMB(maxWrite(s100))} (estimates); serialized by office.js itself: 1x ${fmtMB(maxReal(s1))}, 100x ${fmtMB(maxReal(s100))} in ${s100.officeJsWrite.requestBytes.length} requests, each within the adapter's estimate: ${realWithinEstimate(s1) && realWithinEstimate(s100) ? 'yes' : 'NO'}`,
      verdict:
        maxWrite(s100) < EXCEL_WEB_LIMIT && maxWrite(s1) < EXCEL_WEB_LIMIT && maxReal(s100) < EXCEL_WEB_LIMIT && realWithinEstimate(s100)
          ? 'met'
          : 'not met',
      reason: maxWrite(s100) < EXCEL_WEB_LIMIT ? undefined : 'a single write exceeds the limit',
    },
    {
      id: '3c',
      target: `Largest read response Excel accepts under ${fmtMB(EXCEL_WEB_LIMIT)} (the limit applies to responses too); reads chunked above it`,
      figure:
        `1x: ${fmtMB(maxRead(s1))} in one read sync; 100x: reading every table at once is ${fmtMB(s100.readResponseBytes)}: refused ${s100.first.refusedReadSyncs}x on the first run, then row chunks, largest ${fmtMB(maxRead(s100))} ` +
        `(${fmtMB(totalRead(s100.first))} accepted over ${s100.first.readSyncs - s100.first.refusedReadSyncs} syncs); the rerun in the same pane reads in chunks at once (${s100.rerun.refusedReadSyncs} refused)`,
      verdict: readOk ? 'met' : 'not met',
      reason: readOk ? undefined : 'a read response over the limit was accepted by nobody: see section 3',
    },
  ];

  const md: string[] = [];
  md.push('## 3. Task pane: Excel round trips (context.sync) of a full run');
  md.push('');
  md.push(
    "The task pane's own run (`createAllocationApp(new OfficeJsWorkbook(...)).run()`: readTables, computeOutputs, replaceOutputs) against the hand-written fake of the Excel object model (test/support/fakeExcel.ts), with the sample's tables placed in it as a user's workbook holds them; then a rerun that replaces its own outputs. Payloads: the fake's size of each sync (JSON of the written grids + 100 bytes per action) and the adapter's own UTF-8 estimate it chunks by (limit " +
      fmtMB(s1.payloadLimit) +
      '); the larger is reported. The write syncs include the last one for the finishing touches (freeze panes, print set-up, tab colour; and the recalculation when Excel is on Manual calculation), which Excel may refuse without undoing the figures.',
  );
  md.push('');
  md.push(
    table(
      [
        'Size',
        'Syncs (read + write)',
        'Rerun syncs',
        'Largest write sync',
        'Total written',
        'Min. write syncs at the limit',
        'Whole read (all tables)',
        'Read syncs refused (first / rerun)',
        'Largest accepted read',
        'Time in the fake',
      ],
      ([1, 100] as const).map((s) => {
        const r = syncs[s];
        return [
          `${s}x`,
          `${r.first.syncs} (${r.first.readSyncs} + ${r.first.writeSyncs})`,
          `${r.rerun.syncs} (${r.rerun.readSyncs} + ${r.rerun.writeSyncs})`,
          fmtMB(maxWrite(r)),
          fmtMB(totalWrite(r)),
          String(minWriteSyncs(r)),
          fmtMB(r.readResponseBytes),
          `${r.first.refusedReadSyncs} / ${r.rerun.refusedReadSyncs}`,
          fmtMB(maxRead(r)),
          fmtMs(r.first.ms),
        ];
      }),
    ),
  );
  md.push('');
  md.push(
    `Output sheets written: ${s100.outputSheets}; formulas left pointing at deleted sheets or tables after the rerun: ${s1.brokenRefs + s100.brokenRefs}. The whole read is the JSON of what reading every table at once loads (values, valueTypes, numberFormat, visible row addresses); the fake refuses any request or response over 5 MB with Excel on the web's error codes, and the adapter then reads in row chunks sized from the bytes it measures (first run: one refused round trip; the same pane's rerun goes straight to chunks).`,
  );
  return { targets, markdown: md };
}
