/**
 * The checks `npm test` runs before jest, side by side: every `&&` step of the `typecheck` and `lint`
 * scripts of package.json (tsc, eslint, prettier) as a process of its own. Each is one busy thread
 * for half a minute or more; one after another they kept a 2-core machine half idle for ~90 s.
 * Each step's output is printed when it ends; the exit code is non-zero when any step failed.
 *   node scripts/checks.js
 */
'use strict';
const { spawn } = require('node:child_process');
const path = require('node:path');

const ROOT = path.resolve(__dirname, '..');
const { scripts } = require(path.join(ROOT, 'package.json'));

const steps = ['typecheck', 'lint'].flatMap((name) => {
  if (!scripts[name]) throw new Error(`package.json has no "${name}" script`);
  return scripts[name].split('&&').map((cmd) => ({ name, cmd: cmd.trim() }));
});

function run({ name, cmd }) {
  const t0 = Date.now();
  return new Promise((resolve) => {
    // As npm runs a script: through the shell, with the project's node_modules/.bin first on the PATH.
    const env = { ...process.env, PATH: `${path.join(ROOT, 'node_modules', '.bin')}${path.delimiter}${process.env.PATH}` };
    const child = spawn(cmd, { cwd: ROOT, env, shell: true, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (d) => (output += d));
    child.stderr.on('data', (d) => (output += d));
    child.on('error', (e) => resolve({ code: 1, output: `${output}${e.message}\n` }));
    child.on('close', (code) => {
      const s = ((Date.now() - t0) / 1000).toFixed(1);
      process.stdout.write(`\n[checks] ${name}: ${cmd} -> ${code === 0 ? 'ok' : `FAILED (exit ${code})`} in ${s} s\n${output}`);
      resolve({ code: code ?? 1 });
    });
  });
}

Promise.all(steps.map(run)).then((results) => {
  const failed = results.filter((r) => r.code !== 0).length;
  if (failed) process.stdout.write(`\n[checks] ${failed} of ${steps.length} checks failed\n`);
  process.exitCode = failed ? 1 : 0;
});
