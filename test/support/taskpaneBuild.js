/**
 * The production build of the task pane alone, for test/hygiene/bundle.slow.test.ts:
 *   node test/support/taskpaneBuild.js OUTDIR
 * webpack.config.js in production mode with only its `taskpane` entry and without source maps. The
 * task pane's files (its entry and the chunks it loads lazily, listed in entrypoints.json) hold the
 * same minified code as `webpack --mode production` writes; what is left out is the preview entry
 * (exceljs through the minifier, most of the build's time) and the .map files, which the test never
 * reads. Runs in a process of its own: webpack and terser outside jest's module sandbox.
 */
'use strict';
const path = require('node:path');
const webpack = require('webpack');

const ROOT = path.resolve(__dirname, '..', '..');
const outDir = path.resolve(process.argv[2] || '');
if (!process.argv[2]) {
  console.error('usage: node test/support/taskpaneBuild.js OUTDIR');
  process.exit(2);
}

async function main() {
  let config = require(path.join(ROOT, 'webpack.config.js'));
  if (typeof config === 'function') config = await config({}, { mode: 'production' });
  const configs = Array.isArray(config) ? config : [config];
  const withTaskpane = configs.filter((c) => c.entry && typeof c.entry === 'object' && 'taskpane' in c.entry);
  if (withTaskpane.length !== 1)
    throw new Error(`webpack.config.js: expected one configuration with a \`taskpane\` entry, found ${withTaskpane.length}`);
  const c = withTaskpane[0];
  const prepared = {
    ...c,
    mode: 'production',
    devtool: false,
    entry: { taskpane: c.entry.taskpane },
    output: { ...c.output, path: outDir, clean: true },
  };
  await new Promise((resolve, reject) =>
    webpack(prepared, (err, stats) => {
      if (err) return reject(err);
      if (stats.hasErrors()) return reject(new Error(stats.toString({ all: false, errors: true })));
      resolve();
    }),
  );
}

main().catch((e) => {
  console.error(e && e.stack ? e.stack : String(e));
  process.exit(1);
});
