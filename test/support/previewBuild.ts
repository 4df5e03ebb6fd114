/**
 * Builds the browser preview (webpack.config.js, entry `preview`) into a folder, for the browser
 * tests. Used by both UI suites; TYM_UI_DIST skips it there. Built once per run and source tree
 * (test/support/sharedBuild.ts), not once per suite: each suite gets a copy.
 */
import * as fs from 'fs';
import * as path from 'path';
import { ROOT, sharedBuild } from './sharedBuild';

/** Everything the preview build is made from. */
const INPUTS = ['src', 'webpack.config.js', 'tsconfig.json', 'package-lock.json', 'scripts/build-manifest.js', 'manifest.xml', 'assets'];

async function webpackBuild(outDir: string): Promise<void> {
  const configPath = path.join(ROOT, 'webpack.config.js');
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const webpack = require('webpack');
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  let config = require(configPath);
  if (typeof config === 'function') config = await config({ development: true }, { mode: 'development' });
  const configs: Record<string, unknown>[] = Array.isArray(config) ? config : [config];
  const withPreview = configs.filter((c) => {
    const e = c.entry as unknown;
    return e && typeof e === 'object' && 'preview' in (e as object);
  });
  if (!withPreview.length) throw new Error('webpack.config.js has no `preview` entry');
  const prepared = withPreview.map((c) => ({
    ...c,
    mode: 'development',
    devtool: false,
    entry: { preview: (c.entry as Record<string, unknown>).preview },
    output: { ...(c.output as object), path: outDir, clean: true },
    cache: false,
  }));
  await new Promise<void>((resolve, reject) => {
    webpack(
      prepared.length === 1 ? prepared[0] : prepared,
      (err: Error | null, stats: { hasErrors(): boolean; toString(o: unknown): string }) => {
        if (err) return reject(err);
        if (stats.hasErrors()) return reject(new Error(stats.toString({ all: false, errors: true, errorDetails: false })));
        resolve();
      },
    );
  });
}

/** Puts this source tree's preview build into `outDir`. */
export async function buildPreview(outDir: string): Promise<void> {
  const dir = await sharedBuild('tym-preview', INPUTS, 'preview.html', webpackBuild);
  fs.cpSync(dir, outDir, { recursive: true });
  if (!fs.existsSync(path.join(outDir, 'preview.html'))) throw new Error(`the build wrote no preview.html into ${outDir}`);
}
