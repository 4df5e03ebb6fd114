/** What every section of the bench measures against: the sample inputs at each size, a work folder, the skips. */
import * as fs from 'fs';
import * as path from 'path';
import { performance } from 'perf_hooks';
import { buildSampleInputs } from '../src/sample/sample';
import { fmtMB, fmtMs, log } from './lib';

export const SCALES = [1, 10, 100] as const;
export type Scale = (typeof SCALES)[number];

export interface BenchContext {
  root: string;
  /** The built command line (dist/node/cli/tym-allocate.js). */
  cli: string;
  /** A path in the bench's temporary work folder. */
  file(name: string): string;
  /** The sample year at each size, written to the work folder, and its bytes. */
  inputs: Record<Scale, string>;
  inputBuffers: Record<Scale, Buffer>;
  /** Parts skipped with TYM_BENCH_SKIP=lo,browser,… (for trying the script out). */
  skip: ReadonlySet<string>;
}

export async function buildInputs(file: (name: string) => string): Promise<Pick<BenchContext, 'inputs' | 'inputBuffers'>> {
  const inputs = {} as Record<Scale, string>;
  const inputBuffers = {} as Record<Scale, Buffer>;
  for (const scale of SCALES) {
    const t0 = performance.now();
    const wb = await buildSampleInputs({ year: 2026, scale });
    const buf = Buffer.from(await wb.xlsx.writeBuffer());
    inputs[scale] = file(`input-${scale}x.xlsx`);
    inputBuffers[scale] = buf;
    fs.writeFileSync(inputs[scale], buf);
    log(`input ${scale}x: ${fmtMB(buf.length)} built in ${fmtMs(performance.now() - t0)}`);
  }
  return { inputs, inputBuffers };
}

export function skipsFromEnv(): Set<string> {
  return new Set(
    (process.env.TYM_BENCH_SKIP ?? '')
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean),
  );
}

export const relative = (ctx: BenchContext, p: string): string => path.relative(ctx.root, p);
