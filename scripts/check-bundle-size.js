/**
 * After `webpack --mode production`: what a user's browser downloads before the task pane can run,
 * gzipped, must stay under 350 KB. That is the page's own scripts and stylesheets (taskpane.html;
 * office.js excluded, it comes from Microsoft's CDN) and the engine's Web Worker with its chunks:
 * the pane validates the workbook as soon as it opens, in that worker, so nothing works before
 * both are loaded. Chunks fetched only on demand (the engine in the page, loaded only if the
 * worker fails) are listed and not counted: a normal start never loads them.
 * The bench (section 5a) runs this script; test/hygiene/bundle.slow.test.ts runs it on every build.
 * Also fails if exceljs got into the task pane (it belongs to the preview only).
 *   node scripts/check-bundle-size.js [distDir] [--limit-kb=350]
 */
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const zlib = require('node:zlib');

const args = process.argv.slice(2);
const dist = path.resolve(args.find((a) => !a.startsWith('--')) || path.join(__dirname, '..', 'dist'));
const limitKb = Number((args.find((a) => a.startsWith('--limit-kb=')) || '--limit-kb=350').split('=')[1]);

function fail(message) {
  console.error(`check-bundle-size: ${message}`);
  process.exit(1);
}

const htmlPath = path.join(dist, 'taskpane.html');
if (!fs.existsSync(htmlPath)) fail(`${htmlPath} not found; run \`webpack --mode production\` first.`);
const html = fs.readFileSync(htmlPath, 'utf8');

// Local scripts and stylesheets the page loads (absolute URLs, e.g. the office.js CDN, are not ours).
// (Minified HTML drops attribute quotes, so accept both forms.)
const refs = [...html.matchAll(/<(?:script[^>]*\ssrc|link[^>]*\shref)=(?:"([^"]+)"|'([^']+)'|([^\s>]+))/gi)]
  .map((m) => m[1] || m[2] || m[3])
  .filter((u) => !/^(?:[a-z]+:)?\/\//i.test(u) && /\.(?:js|css)(?:\?|$)/.test(u))
  .map((u) => u.split('?')[0].replace(/^\//, ''))
  .filter((u) => !/(?:^|\/)office(?:\.debug)?\.js$/.test(u));
if (refs.length === 0) fail('taskpane.html loads no local script; is this a webpack build?');

// The worker and the on-demand chunks: webpack.config.js lists them in entrypoint-parts.json.
const partsPath = path.join(dist, 'entrypoint-parts.json');
if (!fs.existsSync(partsPath)) fail(`${partsPath} not found: the engine worker's files cannot be counted (build with webpack.config.js).`);
const parts = JSON.parse(fs.readFileSync(partsPath, 'utf8')).taskpane;
if (!parts) fail('entrypoint-parts.json has no taskpane entry.');
const counted = [...new Set([...refs, ...parts.initial, ...parts.worker])];
const onDemand = parts.onDemand.filter((f) => !counted.includes(f));

function size(f) {
  const buf = fs.readFileSync(path.join(dist, f));
  if (/xl\/workbook\.xml|xl\/worksheets\/sheet/.test(buf.toString('utf8')))
    fail(`${f} contains exceljs; the task pane must use office.js only.`);
  return { raw: buf.length, gz: zlib.gzipSync(buf, { level: 9 }).length };
}
const kb = (n) => (n / 1024).toFixed(1);

let raw = 0;
let gz = 0;
const rows = [];
for (const f of counted) {
  const s = size(f);
  raw += s.raw;
  gz += s.gz;
  const role = refs.includes(f) || parts.initial.includes(f) ? 'page' : 'engine worker';
  rows.push(`  ${f}: ${kb(s.raw)} KB, gzipped ${kb(s.gz)} KB (${role})`);
}
const later = onDemand.map((f) => {
  const s = size(f);
  return `  (on demand) ${f} ${kb(s.raw)} KB, gzipped ${kb(s.gz)} KB`;
});
console.log(`Task pane bundle (office.js excluded): the page and its engine worker\n${rows.join('\n')}`);
if (later.length) console.log(`Loaded only if the engine's worker fails (not counted):\n${later.join('\n')}`);
console.log(`Total: ${kb(raw)} KB, gzipped ${kb(gz)} KB (limit ${limitKb} KB gzipped)`);
if (gz > limitKb * 1024) fail(`gzipped task pane bundle ${kb(gz)} KB exceeds ${limitKb} KB.`);
