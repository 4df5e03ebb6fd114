/**
 * The command line built with tsc (tsconfig.cli.json), for the suites that run the built binary.
 * Built once per run and source tree (test/support/sharedBuild.ts): the suites share it.
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { ROOT, sharedBuild } from './sharedBuild';

const INPUTS = ['src', 'tsconfig.json', 'tsconfig.cli.json', 'package-lock.json'];
const BIN = path.join('node', 'cli', 'tym-allocate.js');

/**
 * The folder of the build: `node/` holds what `npx tsc -p tsconfig.cli.json` writes into dist/node/
 * (so node/cli/tym-allocate.js is the binary; no source maps, whose paths would not survive a copy),
 * and node_modules links to the project's packages.
 */
export function sharedCliBuild(): Promise<string> {
  return sharedBuild('tym-cli', INPUTS, BIN, async (dir) => {
    const r = spawnSync('npx', ['tsc', '-p', 'tsconfig.cli.json', '--outDir', path.join(dir, 'node'), '--sourceMap', 'false'], {
      cwd: ROOT,
      encoding: 'utf8',
    });
    // tsc exits non-zero on type errors elsewhere but still emits; the binary is what matters.
    if (!fs.existsSync(path.join(dir, BIN))) throw new Error(`the command line build failed:\n${r.stdout}\n${r.stderr}`);
    fs.symlinkSync(path.join(ROOT, 'node_modules'), path.join(dir, 'node_modules'));
  });
}

/** The built binary (node/cli/tym-allocate.js of the shared build). */
export async function builtCliBin(): Promise<string> {
  return path.join(await sharedCliBuild(), BIN);
}
