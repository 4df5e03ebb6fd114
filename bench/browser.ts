/**
 * The task pane in a browser: the production bundle's gzipped size (scripts/check-bundle-size.js)
 * and the first render of the pane in headless chromium, through preview.html (the same App as
 * taskpane.html, which needs Office to start).
 */
import * as fs from 'fs';
import type { AddressInfo } from 'net';
import * as path from 'path';
import * as zlib from 'zlib';
import { chromium } from 'playwright-core';
import { median, runMeasured } from './lib';
import { serveStatic } from '../test/support/staticServer';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../test/support/chromium';

export interface BundleResult {
  buildMs: number;
  buildOk: boolean;
  /** Raw and gzipped bytes of the task pane's own JS/CSS (office.js excluded), as check-bundle-size counts them. */
  rawKB: number | null;
  gzipKB: number | null;
  limitKB: number | null;
  withinLimit: boolean;
  files: string[];
  /** The preview's own JS/CSS (it adds exceljs), gzipped the same way, for comparison with the first render. */
  previewRawKB: number | null;
  previewGzipKB: number | null;
  error?: string;
}

/** Raw and gzipped (level 9) KB of one entry's files as listed in dist/entrypoints.json. */
function entrySize(dist: string, entry: string): { raw: number; gz: number } | null {
  const list = path.join(dist, 'entrypoints.json');
  if (!fs.existsSync(list)) return null;
  const files: string[] = JSON.parse(fs.readFileSync(list, 'utf8'))[entry] ?? [];
  if (!files.length) return null;
  let raw = 0;
  let gz = 0;
  for (const f of files) {
    const buf = fs.readFileSync(path.join(dist, f));
    raw += buf.length;
    gz += zlib.gzipSync(buf, { level: 9 }).length;
  }
  return { raw: Math.round((raw / 1024) * 10) / 10, gz: Math.round((gz / 1024) * 10) / 10 };
}

/** `npx webpack --mode production`, then the project's own size check (its figures and verdict). */
export async function measureBundle(root: string): Promise<BundleResult> {
  const build = await runMeasured('npx', ['webpack', '--mode', 'production'], { cwd: root, timeoutMs: 10 * 60_000 });
  if (build.code !== 0) {
    return {
      buildMs: build.wallMs,
      buildOk: false,
      rawKB: null,
      gzipKB: null,
      limitKB: null,
      withinLimit: false,
      files: [],
      previewRawKB: null,
      previewGzipKB: null,
      error: (build.stdout + build.stderr).slice(-3000),
    };
  }
  const check = await runMeasured(process.execPath, [path.join(root, 'scripts', 'check-bundle-size.js'), path.join(root, 'dist')], {
    cwd: root,
  });
  const text = check.stdout + check.stderr;
  const m = /Total: ([\d.]+) KB, gzipped ([\d.]+) KB \(limit ([\d.]+) KB gzipped\)/.exec(text);
  const preview = entrySize(path.join(root, 'dist'), 'preview');
  return {
    buildMs: build.wallMs,
    buildOk: true,
    rawKB: m ? Number(m[1]) : null,
    gzipKB: m ? Number(m[2]) : null,
    limitKB: m ? Number(m[3]) : null,
    withinLimit: check.code === 0 && Boolean(m),
    previewRawKB: preview?.raw ?? null,
    previewGzipKB: preview?.gz ?? null,
    files: text
      .split('\n')
      .filter((l) => /^\s+\S+: [\d.]+ KB, gzipped/.test(l))
      .map((l) => l.trim()),
    error: check.code === 0 ? undefined : text.slice(-2000),
  };
}

const serve = serveStatic;

/**
 * Installed before the page's own scripts: notes performance.now() (milliseconds since navigation
 * start) when the pane's h1 is first laid out with a non-empty box, and at the next animation frame
 * after that (when it is on screen).
 */
const PROBE = `(() => {
  const w = window;
  w.__tymHeading = null;
  const check = () => {
    if (w.__tymHeading) return;
    const h = document.querySelector('.pv-pane h1');
    if (!h) return;
    const box = h.getBoundingClientRect();
    if (box.width === 0 || box.height === 0 || getComputedStyle(h).visibility === 'hidden') return;
    const seen = performance.now();
    w.__tymHeading = { seen, frame: null, text: h.textContent };
    requestAnimationFrame(() => { w.__tymHeading.frame = performance.now(); });
  };
  new MutationObserver(check).observe(document, { childList: true, subtree: true, attributes: true });
})();`;

export interface RenderResult {
  loads: number;
  /** Navigation start -> the pane's h1 visible (laid out), per measured load. */
  headingMs: number[];
  /** Navigation start -> the next animation frame after that. */
  frameMs: number[];
  firstContentfulPaintMs: number[];
  domContentLoadedMs: number[];
  medianHeadingMs: number;
  medianFrameMs: number;
  medianFcpMs: number;
  medianDclMs: number;
  headingText: string;
  blockedRequests: string[];
  pageErrors: string[];
}

/** Median of `loads` cold loads (a fresh browser context each, so no HTTP cache), after one discarded warm-up load. */
export async function measureFirstRender(distDir: string, sample: Buffer, loads = 5): Promise<RenderResult> {
  if (!fs.existsSync(path.join(distDir, 'preview.html'))) throw new Error(`${distDir}/preview.html not found (webpack build missing)`);
  const server = await serve(distDir, { 'sample.xlsx': sample });
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
  const blocked: string[] = [];
  const pageErrors: string[] = [];
  const out = { headingMs: [] as number[], frameMs: [] as number[], fcp: [] as number[], dcl: [] as number[], text: '' };
  try {
    for (let i = 0; i <= loads; i++) {
      const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
      await context.route('**/*', (route) => {
        const u = new URL(route.request().url());
        if ((u.hostname === '127.0.0.1' || u.hostname === 'localhost') && u.protocol === 'http:') return route.continue();
        if (u.protocol === 'blob:' || u.protocol === 'data:') return route.continue();
        blocked.push(u.href);
        return route.abort();
      });
      await context.addInitScript(PROBE);
      const page = await context.newPage();
      page.on('pageerror', (e) => pageErrors.push(String(e)));
      await page.goto(`${base}/preview.html`, { waitUntil: 'commit' });
      await page.waitForFunction(
        () => {
          const h = (window as unknown as { __tymHeading: { frame: number | null } | null }).__tymHeading;
          return Boolean(h && h.frame !== null);
        },
        undefined,
        { timeout: 60_000 },
      );
      const m = await page.evaluate(() => {
        const h = (window as unknown as { __tymHeading: { seen: number; frame: number; text: string } }).__tymHeading;
        const fcp = performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? NaN;
        const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined;
        return { seen: h.seen, frame: h.frame, text: h.text, fcp, dcl: nav ? nav.domContentLoadedEventEnd : NaN };
      });
      await context.close();
      if (i === 0) continue; // warm-up: OS file cache, chromium's own first start
      out.headingMs.push(m.seen);
      out.frameMs.push(m.frame);
      out.fcp.push(m.fcp);
      out.dcl.push(m.dcl);
      out.text = m.text;
    }
  } finally {
    await browser.close();
    await new Promise((r) => server.close(r));
  }
  return {
    loads,
    headingMs: out.headingMs,
    frameMs: out.frameMs,
    firstContentfulPaintMs: out.fcp,
    domContentLoadedMs: out.dcl,
    medianHeadingMs: median(out.headingMs),
    medianFrameMs: median(out.frameMs),
    medianFcpMs: median(out.fcp),
    medianDclMs: median(out.dcl),
    headingText: out.text,
    blockedRequests: [...new Set(blocked)],
    pageErrors,
  };
}
