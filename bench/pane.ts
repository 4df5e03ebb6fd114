/**
 * The task pane's responsiveness in headless chromium (issue 10):
 * - the longest main-thread block during a calculation at 10x, from the click on "Laske" to the
 *   result card taking the focus, with the engine in its Web Worker (as in Excel) and, for
 *   comparison, in the page. Long tasks (PerformanceObserver 'longtask', every task over 50 ms)
 *   are attributed by the pane's User Timing marks: inside the workbook adapter's read or write
 *   (the preview's exceljs adapter; in Excel that is office.js, whose requests Excel serves out of
 *   process) or the pane's own work (messages to and from the worker, React rendering);
 * - the time from navigation to the first painted pane of taskpane.html: the static loading
 *   skeleton (first contentful paint) and the React pane itself (its heading laid out and the next
 *   frame), with office.js replaced by a stand-in that reports Excel at once (the CDN copy cannot be
 *   loaded here, and Excel's own start-up is not ours to measure).
 */
import * as fs from 'fs';
import type { AddressInfo } from 'net';
import * as path from 'path';
import { chromium, type Browser } from 'playwright-core';
import { serveStatic } from '../test/support/staticServer';
import { fmtMs, median } from './lib';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../test/support/chromium';

const OFFICE_CDN = 'https://appsforoffice.microsoft.com/lib/1/hosted/office.js';

/** Collects every long task from the start of the page. */
const LONGTASKS = `(() => {
  window.__tymLong = [];
  try {
    new PerformanceObserver((list) => { for (const e of list.getEntries()) window.__tymLong.push({ start: e.startTime, duration: e.duration }); })
      .observe({ type: 'longtask', buffered: true });
  } catch (e) { window.__tymLong = null; }
})();`;

/** office.js stand-in: Excel at once, a host whose reads never answer (the pane stays on "reading"). */
const OFFICE_STUB = `window.Office = {
  HostType: { Excel: 'Excel' },
  onReady(cb) { const info = { host: 'Excel', platform: 'OfficeOnline' }; setTimeout(() => cb && cb(info), 0); return Promise.resolve(info); },
  context: { displayLanguage: 'fi-FI', document: { settings: { get: () => null, set() {}, saveAsync(cb) { cb && cb({ status: 'succeeded' }); } } }, requirements: { isSetSupported: () => true } },
};
window.Excel = { run: () => new Promise(() => {}) };`;

export type Phase = 'read' | 'write' | 'pane';

export interface RunBlocks {
  worker: boolean;
  /** Click on "Laske" to the result card focused. */
  runMs: number;
  longest: number;
  longestByPhase: Record<Phase, number>;
  over200: number;
  tasks: { start: number; duration: number; phase: Phase }[];
}

export interface PaneBench {
  size: string;
  runs: RunBlocks[];
  paint: { loads: number; skeletonFcpMs: number[]; paneMs: number[]; medianSkeletonMs: number; medianPaneMs: number; pageErrors: string[] };
  pageErrors: string[];
  blocked: string[];
}

async function oneRun(browser: Browser, base: string, worker: boolean, errors: string[], blocked: string[]): Promise<RunBlocks> {
  const context = await browser.newContext({ viewport: { width: 800, height: 900 } });
  await context.route('**/*', (route) => {
    const u = new URL(route.request().url());
    if (u.hostname === '127.0.0.1' || u.protocol === 'blob:' || u.protocol === 'data:') return route.continue();
    blocked.push(u.href);
    return route.abort();
  });
  await context.addInitScript(LONGTASKS);
  const page = await context.newPage();
  page.on('pageerror', (e) => errors.push(String(e)));
  try {
    await page.goto(`${base}/preview.html?width=320&grid=off${worker ? '' : '&worker=off'}`);
    const run = page.getByTestId('run');
    await run.waitFor({ timeout: 180_000 });
    // the first validation is over when the buttons are enabled again
    await page.waitForFunction(() => !(document.querySelector('[data-testid="run"]') as HTMLButtonElement | null)?.disabled, undefined, {
      timeout: 180_000,
    });
    await page.waitForTimeout(500);
    await run.click();
    await page.waitForFunction(() => performance.getEntriesByName('tym:result:shown').length > 0, undefined, { timeout: 300_000 });
    await page.waitForTimeout(300); // the observer delivers the last entries
    const data = await page.evaluate(() => {
      const at = (n: string) => performance.getEntriesByName(n).map((e) => e.startTime);
      return {
        long: (window as unknown as { __tymLong: { start: number; duration: number }[] | null }).__tymLong,
        start: at('tym:run:start').pop()!,
        shown: at('tym:result:shown').pop()!,
        read: [at('tym:read:start').pop()!, at('tym:read:end').pop()!],
        write: [at('tym:write:start').pop()!, at('tym:write:end').pop()!],
      };
    });
    if (!data.long) throw new Error('this chromium reports no long tasks');
    const overlaps = (t: { start: number; duration: number }, [a, b]: number[]) => t.start < b && t.start + t.duration > a;
    const tasks = data.long
      .filter((t) => t.start + t.duration > data.start - 1 && t.start < data.shown + 1)
      .map((t) => ({ ...t, phase: (overlaps(t, data.write) ? 'write' : overlaps(t, data.read) ? 'read' : 'pane') as Phase }));
    const longestOf = (p?: Phase) => Math.max(0, ...tasks.filter((t) => !p || t.phase === p).map((t) => t.duration));
    return {
      worker,
      runMs: data.shown - data.start,
      longest: longestOf(),
      longestByPhase: { read: longestOf('read'), write: longestOf('write'), pane: longestOf('pane') },
      over200: tasks.filter((t) => t.duration > 200).length,
      tasks,
    };
  } finally {
    await context.close();
  }
}

async function paintOnce(browser: Browser, base: string, errors: string[]): Promise<{ fcp: number; pane: number }> {
  const context = await browser.newContext({ viewport: { width: 320, height: 800 } });
  await context.route('**/*', (route) => {
    const url = route.request().url();
    if (url === OFFICE_CDN) return route.fulfill({ status: 200, contentType: 'text/javascript', body: OFFICE_STUB });
    const u = new URL(url);
    if (u.hostname === '127.0.0.1') return route.continue();
    return route.abort();
  });
  await context.addInitScript(`(() => {
    window.__tymPane = null;
    const check = () => {
      if (window.__tymPane) return;
      const h = document.querySelector('.tym-pane h1');
      if (!h || h.getBoundingClientRect().height === 0) return;
      window.__tymPane = { seen: performance.now(), frame: null };
      requestAnimationFrame(() => { window.__tymPane.frame = performance.now(); });
    };
    new MutationObserver(check).observe(document, { childList: true, subtree: true });
  })();`);
  const page = await context.newPage();
  page.on('pageerror', (e) => errors.push(String(e)));
  try {
    await page.goto(`${base}/taskpane.html`, { waitUntil: 'commit' });
    await page.waitForFunction(
      () => Boolean((window as unknown as { __tymPane: { frame: number | null } | null }).__tymPane?.frame),
      undefined,
      { timeout: 60_000 },
    );
    return await page.evaluate(() => ({
      fcp: performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? NaN,
      pane: (window as unknown as { __tymPane: { frame: number } }).__tymPane.frame,
    }));
  } finally {
    await context.close();
  }
}

/** Three runs with the worker and one without at `size`, then `loads` cold loads of taskpane.html (after one warm-up). */
export async function measurePane(distDir: string, sample: Buffer, size: string, loads = 5): Promise<PaneBench> {
  if (!fs.existsSync(path.join(distDir, 'preview.html'))) throw new Error(`${distDir}/preview.html not found (webpack build missing)`);
  const server = await serveStatic(distDir, { 'sample.xlsx': sample });
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
  const errors: string[] = [];
  const blocked: string[] = [];
  try {
    const runs: RunBlocks[] = [];
    for (const worker of [true, true, true, false]) runs.push(await oneRun(browser, base, worker, errors, blocked));
    const paintErrors: string[] = [];
    const skeleton: number[] = [];
    const pane: number[] = [];
    for (let i = 0; i <= loads; i++) {
      const m = await paintOnce(browser, base, paintErrors);
      if (i === 0) continue; // warm-up
      skeleton.push(m.fcp);
      pane.push(m.pane);
    }
    return {
      size,
      runs,
      paint: {
        loads,
        skeletonFcpMs: skeleton,
        paneMs: pane,
        medianSkeletonMs: median(skeleton),
        medianPaneMs: median(pane),
        pageErrors: paintErrors,
      },
      pageErrors: errors,
      blocked: [...new Set(blocked)],
    };
  } finally {
    await browser.close();
    await new Promise((r) => server.close(r));
  }
}

const TARGET_MS = 200;

/** The pane's rows for the targets table of bench/results.md. */
export function paneTargets(
  p: PaneBench,
): { id: string; target: string; figure: string; verdict: 'met' | 'not met' | 'no target'; reason?: string }[] {
  const inWorker = p.runs.filter((r) => r.worker);
  const inPage = p.runs.find((r) => !r.worker);
  const paneMax = Math.max(...inWorker.map((r) => r.longestByPhase.pane));
  const adapterMax = Math.max(...inWorker.map((r) => Math.max(r.longestByPhase.read, r.longestByPhase.write)));
  const met = paneMax <= TARGET_MS && p.pageErrors.length === 0;
  return [
    {
      id: '7a',
      target: `Task pane: no main-thread block over ${TARGET_MS} ms during a ${p.size} run (engine in a Web Worker)`,
      figure:
        `the pane's own longest block ${fmtMs(paneMax)} over ${inWorker.length} runs; the longest block overall ${fmtMs(Math.max(...inWorker.map((r) => r.longest)))}, inside the preview's exceljs adapter (${fmtMs(adapterMax)})` +
        (inPage ? `; with the engine in the page instead: ${fmtMs(inPage.longest)}` : ''),
      verdict: met ? 'met' : 'not met',
      reason: met
        ? undefined
        : paneMax > TARGET_MS
          ? `the pane's own work blocks ${fmtMs(paneMax)}: see section 7`
          : `page errors: ${p.pageErrors.slice(0, 2).join('; ')}`,
    },
    {
      id: '7b',
      target: 'Task pane: navigation to the first painted pane (taskpane.html, office.js stand-in); no numeric target',
      figure: `loading skeleton painted at ${fmtMs(p.paint.medianSkeletonMs)}, the pane itself at ${fmtMs(p.paint.medianPaneMs)} (median of ${p.paint.loads} cold loads)`,
      verdict: p.paint.pageErrors.length ? 'not met' : 'no target',
      reason: p.paint.pageErrors.length ? `page errors: ${p.paint.pageErrors.slice(0, 2).join('; ')}` : undefined,
    },
  ];
}

/** Section 7 of bench/results.md. */
export function paneSection(p: PaneBench): string[] {
  const md: string[] = ['## 7. Task pane: main-thread blocks and first paint', ''];
  md.push(
    `preview.html at 320 px without the sheet grid (\`?width=320&grid=off\`), the ${p.size} sample opened, headless chromium; from the click on "Laske kustannustenjako" to the result card taking the focus. ` +
      "Long tasks (over 50 ms) from chromium's PerformanceObserver, attributed by the pane's User Timing marks: 'read' and 'write' overlap the adapter's readTables / replaceOutputs (here the exceljs adapter working on the workbook in the page; in Excel, office.js builds the requests and Excel serves them out of process), 'pane' is everything else (messages to and from the engine's worker, React).",
  );
  md.push('');
  md.push('| Run | Engine | Click → result shown | Longest block | Pane (own) | Adapter read | Adapter write | Blocks > 200 ms |');
  md.push('| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: |');
  p.runs.forEach((r, i) =>
    md.push(
      `| ${i + 1} | ${r.worker ? 'Web Worker' : 'in the page'} | ${fmtMs(r.runMs)} | ${fmtMs(r.longest)} | ${fmtMs(r.longestByPhase.pane)} | ${fmtMs(r.longestByPhase.read)} | ${fmtMs(r.longestByPhase.write)} | ${r.over200} |`,
    ),
  );
  md.push('');
  md.push(
    `First painted pane: taskpane.html served by a local static server, office.js replaced by a stand-in that reports Excel at once (Microsoft's CDN is not reachable here), every other request blocked; ${p.paint.loads} cold loads after one warm-up. ` +
      `Skeleton (first contentful paint): ${p.paint.skeletonFcpMs.map((x) => x.toFixed(0)).join(', ')} ms; the React pane's heading on screen: ${p.paint.paneMs.map((x) => x.toFixed(0)).join(', ')} ms.`,
  );
  if (p.pageErrors.length || p.paint.pageErrors.length)
    md.push(`\nPage errors: ${[...p.pageErrors, ...p.paint.pageErrors].slice(0, 5).join('; ')}`);
  if (p.blocked.length) md.push(`\nBlocked requests: ${p.blocked.slice(0, 5).join(', ')}`);
  md.push('');
  return md;
}
