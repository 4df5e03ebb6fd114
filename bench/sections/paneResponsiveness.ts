/** Section 7: the task pane's longest main-thread block during a 10x run, and its first painted pane (bench/pane.ts). */
import * as fs from 'fs';
import * as path from 'path';
import type { BenchContext } from '../context';
import { fmtMs, log } from '../lib';
import { measurePane, paneSection, paneTargets, type PaneBench } from '../pane';
import type { SectionReport } from '../report';

const PAINT_LOADS = 5;

export interface PaneResponsiveness {
  pane: PaneBench | null;
  error: string | null;
}

/** Needs the production build that section 5 made (dist/). */
export async function measurePaneResponsiveness(ctx: BenchContext): Promise<PaneResponsiveness> {
  if (ctx.skip.has('browser')) return { pane: null, error: null };
  const dist = path.join(ctx.root, 'dist');
  if (!fs.existsSync(path.join(dist, 'taskpane.html'))) return { pane: null, error: 'no production build in dist/' };
  try {
    log('task pane at 10x in headless chromium: main-thread blocks during a run, first paint');
    const pane = await measurePane(dist, ctx.inputBuffers[10], '10x', PAINT_LOADS);
    log(`task pane: longest own block ${fmtMs(Math.max(...pane.runs.filter((r) => r.worker).map((r) => r.longestByPhase.pane)))}`);
    return { pane, error: null };
  } catch (e) {
    return { pane: null, error: e instanceof Error ? e.message : String(e) };
  }
}

export function reportPaneResponsiveness({ pane, error }: PaneResponsiveness): SectionReport {
  if (pane) return { targets: paneTargets(pane), markdown: paneSection(pane) };
  if (error) {
    return {
      targets: [
        {
          id: '7a',
          target: 'Task pane: main-thread blocks during a 10x run',
          figure: `failed: ${error}`,
          verdict: 'not met',
          reason: error,
        },
      ],
      markdown: ['## 7. Task pane: main-thread blocks and first paint', '', `Not measured: ${error}`],
    };
  }
  return {
    targets: [
      { id: '7a', target: 'Task pane: main-thread blocks and first paint', figure: 'skipped (TYM_BENCH_SKIP)', verdict: 'skipped' },
    ],
    markdown: [],
  };
}
