/**
 * After `webpack --mode production`: the task pane's own JS and CSS (what taskpane.html loads from
 * dist/, office.js excluded since it comes from Microsoft's CDN), gzipped, must stay under 350 KB.
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

// Lazily loaded chunks count too: webpack.config.js lists every entry's files in entrypoints.json.
const files = new Set(refs);
const listPath = path.join(dist, 'entrypoints.json');
if (fs.existsSync(listPath)) for (const f of JSON.parse(fs.readFileSync(listPath, 'utf8')).taskpane || []) files.add(f);
else console.warn('check-bundle-size: entrypoints.json missing; lazily loaded chunks are not counted.');

let raw = 0;
let gz = 0;
const rows = [];
for (const f of files) {
  const buf = fs.readFileSync(path.join(dist, f));
  if (/xl\/workbook\.xml|xl\/worksheets\/sheet/.test(buf.toString('utf8')))
    fail(`${f} contains exceljs; the task pane must use office.js only.`);
  const z = zlib.gzipSync(buf, { level: 9 }).length;
  raw += buf.length;
  gz += z;
  rows.push(`  ${f}: ${(buf.length / 1024).toFixed(1)} KB, gzipped ${(z / 1024).toFixed(1)} KB`);
}
console.log(`Task pane bundle (office.js excluded):\n${rows.join('\n')}`);
console.log(`Total: ${(raw / 1024).toFixed(1)} KB, gzipped ${(gz / 1024).toFixed(1)} KB (limit ${limitKb} KB gzipped)`);
if (gz > limitKb * 1024) fail(`gzipped task pane bundle ${(gz / 1024).toFixed(1)} KB exceeds ${limitKb} KB.`);
