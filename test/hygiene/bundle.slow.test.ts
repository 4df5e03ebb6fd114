/**
 * The production task-pane bundle makes no network calls (issue 5 item 4): no fetch, XMLHttpRequest,
 * WebSocket, EventSource or sendBeacon, and no http(s) host other than Microsoft's office.js CDN, in the
 * task pane's JavaScript (entry and lazily loaded chunks). And taskpane.html (source and build) carries a
 * Content-Security-Policy that allows no other host.
 *
 * Uses dist/ when a production build is there (dist/taskpane.<hash>.js with dist/entrypoints.json);
 * otherwise builds the task pane alone in production mode (test/support/taskpaneBuild.js: the same
 * minified task-pane files as `webpack --mode production`, without the preview entry and the source
 * maps, a quarter of the time) into a temporary folder, so the CLI build in dist/ is left alone
 * (webpack's clean would remove dist/domain, dist/app, ... which dist/cli needs).
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

const ROOT = path.join(__dirname, '..', '..');
const OFFICE_CDN = 'appsforoffice.microsoft.com';

/**
 * URLs that are text, not requests: XML namespaces passed to createElementNS, and React's error
 * decoder link, which only appears inside a thrown error's message.
 */
const NOT_NETWORK = [/^http:\/\/www\.w3\.org\//, /^https:\/\/(reactjs\.org|react\.dev)\/(docs\/)?error-decoder\.html/];

const NETWORK_APIS: [string, RegExp][] = [
  ['fetch(', /(?<![\w$.])fetch\s*\(|\.fetch\s*\(/],
  ['XMLHttpRequest', /XMLHttpRequest/],
  ['WebSocket', /WebSocket/],
  ['EventSource', /EventSource/],
  ['navigator.sendBeacon', /sendBeacon/],
];

let dist = path.join(ROOT, 'dist');
let builtHere: string | null = null;

function taskpaneFiles(dir: string): string[] {
  const list = path.join(dir, 'entrypoints.json');
  const fromList: string[] = fs.existsSync(list) ? (JSON.parse(fs.readFileSync(list, 'utf8')).taskpane ?? []) : [];
  const named = fs.readdirSync(dir).filter((f) => /^taskpane.*\.js$/.test(f));
  return [...new Set([...fromList.filter((f) => f.endsWith('.js')), ...named])];
}

beforeAll(() => {
  const ready =
    fs.existsSync(dist) &&
    fs.existsSync(path.join(dist, 'entrypoints.json')) &&
    fs.existsSync(path.join(dist, 'taskpane.html')) &&
    taskpaneFiles(dist).length > 0;
  if (ready) return;
  if (!fs.existsSync(path.join(ROOT, 'webpack.config.js'))) throw new Error('webpack.config.js does not exist yet: no bundle to check');
  builtHere = fs.mkdtempSync(path.join(os.tmpdir(), 'tym-bundle-'));
  const res = spawnSync(process.execPath, [path.join(ROOT, 'test', 'support', 'taskpaneBuild.js'), builtHere], {
    cwd: ROOT,
    encoding: 'utf8',
    timeout: 540_000,
  });
  if (res.status !== 0)
    throw new Error(`the production build of the task pane failed (exit ${res.status}):\n${(res.stdout + res.stderr).slice(-3000)}`);
  dist = builtHere;
}, 600_000);

afterAll(() => {
  if (builtHere && !process.env.TYM_KEEP_ARTIFACTS) fs.rmSync(builtHere, { recursive: true, force: true });
});

test('the task pane bundle calls no network API and names no host but the office.js CDN', () => {
  const files = taskpaneFiles(dist);
  expect(files.length).toBeGreaterThan(0);
  const findings: string[] = [];
  let bytes = 0;
  for (const f of files) {
    const js = fs.readFileSync(path.join(dist, f), 'utf8');
    bytes += js.length;
    for (const [name, re] of NETWORK_APIS) if (re.test(js)) findings.push(`${f}: ${name}`);
    for (const m of js.matchAll(/https?:\/\/[A-Za-z0-9.-]+(?::\d+)?[^\s"'`)<>\\]*/g)) {
      const url = m[0];
      const host = new URL(url).hostname;
      if (host === OFFICE_CDN || NOT_NETWORK.some((re) => re.test(url))) continue;
      findings.push(`${f}: ${url}`);
    }
  }
  expect(bytes).toBeGreaterThan(10_000); // a real bundle, not an empty stub
  expect(findings).toEqual([]);
});

test('what the browser downloads before the pane can run (page + engine worker) is within the budget of scripts/check-bundle-size.js', () => {
  // The same script the bench's section 5a runs, on the same build: one measure, one budget.
  const res = spawnSync(process.execPath, [path.join(ROOT, 'scripts', 'check-bundle-size.js'), dist], { encoding: 'utf8' });
  const out = res.stdout + res.stderr;
  expect({ status: res.status, out }).toEqual({ status: 0, out: expect.stringMatching(/gzipped [\d.]+ KB \(limit 350 KB gzipped\)/) });
  // Every file the pane can load is either counted or named as loaded only on demand.
  const listed = new Set([...out.matchAll(/^\s+(?:\(on demand\) )?(\S+?):? [\d.]+ KB/gm)].map((m) => m[1]));
  expect(taskpaneFiles(dist).filter((f) => !listed.has(f))).toEqual([]);
  expect(out).toMatch(/\(engine worker\)/);
});

/** The CSP directives of an HTML page's meta tag. */
function csp(html: string): Map<string, string[]> | null {
  const tag = [...html.matchAll(/<meta\b[^>]*>/gi)].map((m) => m[0]).find((t) => /http-equiv\s*=\s*["']?Content-Security-Policy/i.test(t));
  if (!tag) return null;
  const content = /content\s*=\s*"([^"]*)"|content\s*=\s*'([^']*)'/i.exec(tag);
  const text = content?.[1] ?? content?.[2] ?? '';
  return new Map(
    text
      .split(';')
      .map((d) => d.trim().split(/\s+/))
      .filter((d) => d[0])
      .map((d) => [d[0].toLowerCase(), d.slice(1)]),
  );
}

test.each([
  ['src/taskpane/taskpane.html', () => path.join(ROOT, 'src', 'taskpane', 'taskpane.html')],
  ['taskpane.html of the build', () => path.join(dist, 'taskpane.html')],
])('%s has a Content-Security-Policy that allows no other host', (_name, file) => {
  const policy = csp(fs.readFileSync(file(), 'utf8'));
  expect(policy).not.toBeNull();
  const p = policy!;
  expect(p.get('default-src')).toEqual(["'self'"]);
  expect(p.get('object-src')).toEqual(["'none'"]);
  for (const directive of ['default-src', 'script-src', 'connect-src', 'frame-src', 'img-src', 'font-src', 'style-src']) {
    const sources = p.get(directive) ?? p.get('default-src')!;
    // Only the page's own origin, inline data and Microsoft's office.js CDN: no wildcard, no other host.
    const foreign = sources.filter((s) => !["'self'", "'none'", "'unsafe-inline'", 'data:', `https://${OFFICE_CDN}`].includes(s));
    expect({ directive, foreign }).toEqual({ directive, foreign: [] });
  }
  expect(p.get('script-src') ?? []).not.toContain("'unsafe-eval'");
});
