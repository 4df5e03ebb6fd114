/** Section 5: the task pane bundle (size budget) and its first render in headless chromium. */
import * as path from 'path';
import { measureBundle, measureFirstRender, type BundleResult, type RenderResult } from '../browser';
import type { BenchContext } from '../context';
import { fmtMs, log } from '../lib';
import { table, type SectionReport } from '../report';

const RENDER_LOADS = 5;

export interface TaskPaneRuns {
  bundle: BundleResult | null;
  render: RenderResult | null;
  renderError: string | null;
}

export async function measureTaskPane(ctx: BenchContext): Promise<TaskPaneRuns> {
  const out: TaskPaneRuns = { bundle: null, render: null, renderError: null };
  if (ctx.skip.has('browser')) return out;
  log('task pane bundle: npx webpack --mode production');
  out.bundle = await measureBundle(ctx.root);
  log(`bundle: ${out.bundle.gzipKB ?? '?'} KB gzipped (build ${fmtMs(out.bundle.buildMs)})`);
  if (out.bundle.buildOk) {
    log(`first render in headless chromium: ${RENDER_LOADS} loads`);
    try {
      out.render = await measureFirstRender(path.join(ctx.root, 'dist'), ctx.inputBuffers[1], RENDER_LOADS);
      log(`first render: median ${fmtMs(out.render.medianFrameMs)}`);
    } catch (e) {
      out.renderError = e instanceof Error ? e.message : String(e);
    }
  }
  return out;
}

export function reportTaskPane({ bundle, render, renderError }: TaskPaneRuns): SectionReport {
  const targets: SectionReport['targets'] = [];
  if (bundle) {
    targets.push({
      id: '5a',
      target: `Task pane bundle (the page and its engine worker), gzipped, within the project budget (${bundle.limitKB ?? 350} KB, scripts/check-bundle-size.js)`,
      figure: bundle.gzipKB !== null ? `${bundle.gzipKB} KB gzipped (${bundle.rawKB} KB raw)` : 'build failed',
      verdict: bundle.withinLimit ? 'met' : 'not met',
      reason: bundle.withinLimit ? undefined : (bundle.error ?? 'over budget'),
    });
    targets.push({
      id: '5b',
      target: 'Task pane first render in headless chromium (preview.html); no numeric target',
      figure: render
        ? `median ${fmtMs(render.medianFrameMs)} to the pane's heading on screen (${render.loads} cold loads)`
        : `failed: ${renderError ?? 'build failed'}`,
      verdict: render && render.pageErrors.length === 0 ? 'no target' : 'not met',
      reason: render
        ? render.pageErrors.length
          ? `page errors: ${render.pageErrors.slice(0, 3).join('; ')}`
          : undefined
        : (renderError ?? undefined),
    });
  } else targets.push({ id: '5', target: 'Bundle size and first render', figure: 'skipped (TYM_BENCH_SKIP)', verdict: 'skipped' });

  const md: string[] = [];
  md.push('## 5. Task pane bundle and first render');
  md.push('');
  if (!bundle) {
    md.push('Skipped in this run (TYM_BENCH_SKIP=browser).');
    return { targets, markdown: md };
  }
  md.push(
    `\`npx webpack --mode production\` (${fmtMs(bundle.buildMs)}), then scripts/check-bundle-size.js: what a user's browser downloads before the pane can run, gzipped level 9: the page's own JS and CSS (office.js excluded: it comes from Microsoft's CDN) and the engine's Web Worker with its chunks (the pane validates in that worker as soon as it opens). A chunk loaded only if the worker fails (the engine in the page) is listed by the script and not counted.`,
  );
  md.push('');
  if (bundle.files.length)
    md.push(
      table(
        ['File', 'Size'],
        bundle.files.map((f) => f.split(': ')),
      ),
    );
  md.push('');
  md.push(
    `Total: ${bundle.rawKB ?? '?'} KB raw, **${bundle.gzipKB ?? '?'} KB gzipped** (budget ${bundle.limitKB ?? '?'} KB). For comparison, the preview page measured below loads ${bundle.previewRawKB ?? '?'} KB raw, ${bundle.previewGzipKB ?? '?'} KB gzipped (the same pane plus exceljs and the sheet grid).`,
  );
  md.push('');
  if (render) {
    md.push(
      `First render: preview.html (the same task pane App over the exceljs adapter; taskpane.html needs Office to start) served by a local static server with the 1x sample as sample.xlsx, Debian chromium headless via playwright-core, every non-localhost request blocked (${render.blockedRequests.length} attempted${render.blockedRequests.length ? `: ${render.blockedRequests.slice(0, 3).join(', ')}` : ''}). Each load in a fresh browser context (no HTTP cache); one warm-up load discarded. Times from navigation start (performance.now() in the page).`,
    );
    md.push('');
    md.push(
      table(
        ['Measure', 'Median', `All ${render.loads} loads`],
        [
          ['DOMContentLoaded', fmtMs(render.medianDclMs), render.domContentLoadedMs.map((x) => x.toFixed(0)).join(', ')],
          ['First contentful paint', fmtMs(render.medianFcpMs), render.firstContentfulPaintMs.map((x) => x.toFixed(0)).join(', ')],
          [
            `Pane heading ("${render.headingText}") laid out`,
            fmtMs(render.medianHeadingMs),
            render.headingMs.map((x) => x.toFixed(0)).join(', '),
          ],
          ['… and the next animation frame (on screen)', fmtMs(render.medianFrameMs), render.frameMs.map((x) => x.toFixed(0)).join(', ')],
        ],
      ),
    );
    md.push('');
    md.push(
      'The pane mounts once the workbook is open, so the heading time includes fetching and parsing the 1x sample with exceljs in the page (what a preview user waits for). Inside Excel the task pane loads a smaller bundle and no exceljs, but office.js from the CDN and a read through Excel instead, which cannot be measured here; take the preview figure as an indication, not as the in-Excel time.',
    );
    if (render.pageErrors.length) md.push(`\nPage errors: ${render.pageErrors.join('; ')}`);
  } else md.push(`First render not measured: ${renderError ?? 'the build failed'}`);
  return { targets, markdown: md };
}
