/**
 * LibreOffice recalculation with a time limit. The same conversion as test/support/libreoffice.ts
 * recalculate (its private always-recalculate profile, the same arguments), but soffice runs in its
 * own process group so that a conversion over the limit can really be stopped: /usr/bin/soffice
 * starts oosplash, which starts soffice.bin, and killing only the first leaves soffice.bin running
 * (holding the output pipes) until it finishes by itself.
 */
import { spawn } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { performance } from 'perf_hooks';
import { profilePath } from '../test/support/libreoffice';

export interface LoRun {
  ms: number;
  /** False when the limit stopped it (ms is then the limit reached). */
  finished: boolean;
  out: string;
}

export function recalculateWithin(input: string, outDir: string, limitMs: number): Promise<LoRun> {
  fs.mkdirSync(outDir, { recursive: true });
  const out = path.join(path.resolve(outDir), `${path.basename(input, path.extname(input))}.xlsx`);
  fs.rmSync(out, { force: true });
  const args = [
    `-env:UserInstallation=file://${profilePath()}`,
    '--headless',
    '--norestore',
    '--nolockcheck',
    '--convert-to',
    'xlsx',
    '--outdir',
    path.resolve(outDir),
    path.resolve(input),
  ];
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    const child = spawn(process.env.SOFFICE || 'soffice', args, {
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, SAL_USE_VCLPLUGIN: 'svp' },
    });
    let output = '';
    child.stdout.on('data', (d) => (output += d));
    child.stderr.on('data', (d) => (output += d));
    let stopped = false;
    const timer =
      limitMs > 0
        ? setTimeout(() => {
            stopped = true;
            try {
              process.kill(-child.pid!, 'SIGKILL'); // the group this spawn created: oosplash and soffice.bin
            } catch {
              /* already gone */
            }
          }, limitMs)
        : null;
    child.on('error', reject);
    child.on('close', (code) => {
      if (timer) clearTimeout(timer);
      const ms = performance.now() - t0;
      if (stopped) return resolve({ ms, finished: false, out });
      if (code !== 0 || !fs.existsSync(out))
        return reject(new Error(`LibreOffice conversion of ${input} failed (exit ${code}):\n${output.slice(-2000)}`));
      resolve({ ms, finished: true, out });
    });
  });
}
