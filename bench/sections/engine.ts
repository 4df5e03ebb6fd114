/** Section 1: the engine (computeOutputs: parse + allocate + layout) at 1x, 10x and 100x, each size in its own process. */
import type { BenchContext, Scale } from '../context';
import { SCALES } from '../context';
import type { EngineResult } from '../engineWorker';
import { fmtInt, fmtMs, fmtRatio, log, runWorker, type Measured } from '../lib';
import { table, type SectionReport } from '../report';

/** Untimed warm-up runs and timed runs of the engine per size (fewer at 100x: ~4 s each). */
const ENGINE_RUNS: Record<Scale, { warmups: number; repeats: number }> = {
  1: { warmups: 10, repeats: 21 },
  10: { warmups: 3, repeats: 9 },
  100: { warmups: 1, repeats: 3 },
};

export type EngineRuns = Record<Scale, { result: EngineResult; measured: Measured }>;

export async function measureEngine(ctx: BenchContext): Promise<EngineRuns> {
  const engine = {} as EngineRuns;
  for (const scale of SCALES) {
    const { warmups, repeats } = ENGINE_RUNS[scale];
    log(`engine ${scale}x: ${warmups} warm-up + ${repeats} timed runs`);
    engine[scale] = await runWorker<EngineResult>(
      'engineWorker',
      [ctx.inputs[scale], String(warmups), String(repeats)],
      ['--expose-gc', '--max-old-space-size=8192'],
    );
    log(`engine ${scale}x: median ${fmtMs(engine[scale].result.medianMs)} over ${fmtInt(engine[scale].result.inputRows)} rows`);
  }
  return engine;
}

/** Growth of the engine's time and of the input rows from 1x. */
export function engineGrowth(engine: EngineRuns) {
  const [e1, e10, e100] = [engine[1].result, engine[10].result, engine[100].result];
  return {
    e1,
    e10,
    e100,
    ratio10: e10.medianMs / e1.medianMs,
    ratio100: e100.medianMs / e1.medianMs,
    size10: e10.inputRows / e1.inputRows,
    size100: e100.inputRows / e1.inputRows,
  };
}

export function reportEngine(engine: EngineRuns): SectionReport {
  const { e1, e100, ratio10, ratio100, size10, size100 } = engineGrowth(engine);
  const md: string[] = [];
  md.push('## 1. Engine (computeOutputs: parse + allocate + layout)');
  md.push('');
  md.push(
    'Each size in its own node process; the tables are read with the exceljs adapter before the clock starts. Median of the timed runs after untimed warm-up runs (JIT).',
  );
  md.push('');
  md.push(
    table(
      [
        'Size',
        'Staff / registrations / costs',
        'Input rows',
        'Runs (warm-up + timed)',
        'Median',
        'Min–max',
        'ms per 1,000 rows',
        'parse / allocate / layout (one pass)',
        'Output cells / formulas',
        'Heap retained by a result',
        'Heap after a run (before GC)',
        'Peak RSS of the process',
      ],
      SCALES.map((s) => {
        const r = engine[s].result;
        const t = r.rowsByTable;
        return [
          `${s}x`,
          `${fmtInt(t.Henkilosto ?? 0)} / ${fmtInt(t.Ilmoittautumiset ?? 0)} / ${fmtInt(t.Kustannukset ?? 0)}`,
          fmtInt(r.inputRows),
          `${ENGINE_RUNS[s].warmups} + ${ENGINE_RUNS[s].repeats}`,
          fmtMs(r.medianMs),
          `${fmtMs(Math.min(...r.timesMs))}–${fmtMs(Math.max(...r.timesMs))}`,
          (r.medianMs / (r.inputRows / 1000)).toFixed(1),
          `${fmtMs(r.phasesMs.parse)} / ${fmtMs(r.phasesMs.allocate)} / ${fmtMs(r.phasesMs.layout)}`,
          `${fmtInt(r.output.cells)} / ${fmtInt(r.output.formulas)}`,
          `${r.heapRetainedMB.toFixed(0)} MB`,
          `${r.heapAfterRunMaxMB.toFixed(0)} MB`,
          `${r.maxRssMB.toFixed(0)} MB`,
        ];
      }),
    ),
  );
  md.push('');
  md.push(
    `Growth: 10x/1x = ${fmtRatio(ratio10)} the time for ${fmtRatio(size10)} the rows; 100x/1x = ${fmtRatio(ratio100)} the time for ${fmtRatio(size100)} the rows (target: within 150x). The peak RSS includes loading the input with exceljs in the same process (the engine itself adds the heap figures).`,
  );
  return {
    targets: [
      {
        id: '1',
        target: 'Engine linear: 100x size within 150x time',
        figure: `100x/1x time ${fmtRatio(ratio100)} for ${fmtRatio(size100)} the rows (10x/1x: ${fmtRatio(ratio10)})`,
        verdict: ratio100 <= 150 ? 'met' : 'not met',
        reason:
          ratio100 <= 150
            ? undefined
            : `the engine grew faster than linear: per 1,000 rows ${(e1.medianMs / (e1.inputRows / 1000)).toFixed(1)} ms at 1x vs ${(e100.medianMs / (e100.inputRows / 1000)).toFixed(1)} ms at 100x; see the phase breakdown`,
      },
    ],
    markdown: md,
  };
}
