#!/usr/bin/env node
/**
 * npm run preview: the real task pane in a browser, against the bundled sample workbook through the
 * exceljs adapter (no Office needed). Writes out/preview/sample.xlsx, then starts the dev server
 * and prints the address of preview.html. Needs `npm run build:cli` first (the npm script does it).
 */
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const { spawn } = require('node:child_process');

const root = path.join(__dirname, '..');
const outDir = path.join(root, 'out', 'preview');

async function main() {
  const { buildSampleInputs } = require(path.join(root, 'dist', 'node', 'sample', 'sample.js'));
  fs.mkdirSync(outDir, { recursive: true });
  const wb = await buildSampleInputs({ year: 2026 });
  await wb.xlsx.writeFile(path.join(outDir, 'sample.xlsx'));
  console.log(`[preview] sample workbook: ${path.relative(root, path.join(outDir, 'sample.xlsx'))}`);
  console.log('[preview] open https://localhost:3000/preview.html (http:// if no dev certificates); Ctrl+C stops');
  const webpack = path.join(root, 'node_modules', 'webpack', 'bin', 'webpack.js');
  const child = spawn(process.execPath, [webpack, 'serve', '--mode', 'development'], { cwd: root, stdio: 'inherit' });
  child.on('exit', (code) => process.exit(code ?? 0));
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
