/**
 * Section 6: peak memory of the command line (`tym-allocate run IN --out OUT`, its own node process,
 * peak RSS from GNU time) at 1x, 10x and 100x the sample year and on a workbook with 200,000
 * registrations (the sample's staff and cost lines, the registrations over its events). The 1x and
 * 100x runs are the command-line section's; 10x and 200,000 are run here. Targets (issue 11): at 10x
 * at most 300 MB, at 200,000 registrations at most 1 GB (decimal units: 1 MB = 10^6 bytes).
 */
import * as fs from 'fs';
import { performance } from 'perf_hooks';
import { buildInputWorkbook, type InputCell } from '../../src/adapters/exceljs/template';
import { sampleInputData } from '../../src/sample/sample';
import type { BenchContext } from '../context';
import { fmtInt, fmtMB, fmtMs, log, runMeasured, type Measured } from '../lib';
import { table, type SectionReport } from '../report';
import type { CommandLineRuns } from './commandLine';

export const BIG_REGISTRATIONS = 200_000;
const LIMIT_10X = 300e6;
const LIMIT_BIG = 1e9;

export interface MemoryRuns {
  skipped?: true;
  at10: Measured;
  big: Measured;
  bigInput: { file: string; bytes: number; rows: number; builtMs: number };
}

/** The sample year with `n` registrations spread over its events, all parties, some cancelled. */
export function bigRegistrationYear(n: number) {
  const data = sampleInputData({ year: 2026 });
  const events = [...new Set(data.registrations!.map((r) => r[0] as string))];
  const orgs = ['TVA', 'HVA', 'KELA', 'Hyvinvointialue', 'TVA'];
  const rows: InputCell[][] = [];
  for (let i = 0; i < n; i++) {
    const month = 2 + (i % 10);
    rows.push([
      events[i % events.length],
      new Date(Date.UTC(2026, month - 1, 1 + (i % 27))),
      `Osallistuja ${i}`,
      orgs[i % orgs.length],
      i % 17 === 0 ? 'peruttu' : 'ilmoittautunut',
    ]);
  }
  data.registrations = rows;
  return data;
}

const NOT_RUN: Measured = { code: 0, wallMs: 0, maxRssKb: null, userS: null, sysS: null, stdout: '', stderr: '' };

export async function measureMemory(ctx: BenchContext): Promise<MemoryRuns> {
  if (ctx.skip.has('memory'))
    return { skipped: true, at10: NOT_RUN, big: NOT_RUN, bigInput: { file: '', bytes: 0, rows: BIG_REGISTRATIONS, builtMs: 0 } };
  const run = async (input: string, out: string) => {
    fs.rmSync(out, { force: true });
    const m = await runMeasured(process.execPath, [ctx.cli, 'run', input, '--out', out], { cwd: ctx.root, timeoutMs: 15 * 60_000 });
    if (m.code !== 0) throw new Error(`tym-allocate run ${input} failed (exit ${m.code}):\n${m.stderr.slice(-3000)}`);
    return m;
  };
  log('memory: command line 10x');
  const at10 = await run(ctx.inputs[10], ctx.file('memory-10x.xlsx'));
  const t0 = performance.now();
  const file = ctx.file(`input-${BIG_REGISTRATIONS}-registrations.xlsx`);
  await (await buildInputWorkbook(bigRegistrationYear(BIG_REGISTRATIONS))).xlsx.writeFile(file);
  const builtMs = performance.now() - t0;
  log(`memory: ${fmtInt(BIG_REGISTRATIONS)} registrations (${fmtMB(fs.statSync(file).size)} built in ${fmtMs(builtMs)}), command line`);
  const big = await run(file, ctx.file('memory-big.xlsx'));
  log(`memory: ${fmtMB((big.maxRssKb ?? 0) * 1024)} peak in ${fmtMs(big.wallMs)}`);
  return { at10, big, bigInput: { file, bytes: fs.statSync(file).size, rows: BIG_REGISTRATIONS, builtMs } };
}

const peakBytes = (m: Measured) => (m.maxRssKb === null ? null : m.maxRssKb * 1024);
const fmtPeak = (m: Measured) => (m.maxRssKb === null ? 'n/a' : fmtMB(m.maxRssKb * 1024));

export function reportMemory(m: MemoryRuns, commandLine: CommandLineRuns, ctx: BenchContext): SectionReport {
  const rows: [string, string, Measured][] = [
    ['1x', fmtMB(ctx.inputBuffers[1].length), commandLine.at1.ours],
    ['10x', fmtMB(ctx.inputBuffers[10].length), m.at10],
    ['100x', fmtMB(ctx.inputBuffers[100].length), commandLine.ours],
    [`${fmtInt(m.bigInput.rows)} registrations`, fmtMB(m.bigInput.bytes), m.big],
  ];
  const p10 = peakBytes(m.at10);
  const pBig = peakBytes(m.big);
  const verdict = (p: number | null, limit: number) => (p === null ? 'skipped' : p <= limit ? 'met' : 'not met');
  return {
    targets: [
      {
        id: '6a',
        target: 'Command line peak memory at 10x at most 300 MB',
        figure: fmtPeak(m.at10),
        verdict: verdict(p10, LIMIT_10X),
        reason: 'see section 6',
      },
      {
        id: '6b',
        target: `Command line peak memory at ${fmtInt(BIG_REGISTRATIONS)} registrations at most 1 GB`,
        figure: `${fmtPeak(m.big)} (${fmtMs(m.big.wallMs)})`,
        verdict: verdict(pBig, LIMIT_BIG),
        reason: 'see section 6',
      },
    ],
    markdown: [
      '## 6. Peak memory of the command line',
      '',
      '`tym-allocate run IN --out OUT`, each size in its own node process; peak resident set size from `/usr/bin/time -v` (1 MB = 10^6 bytes). The input tables are streamed out of the zip (only their cells are decoded), the output sheets are generated from their specs and streamed into the output zip; the calculation rows of TYM_Rivit (one per input row) are generated row by row as they are written, never held (src/workbook/grid.ts). 1x and 100x are the runs of section 2.',
      '',
      table(
        ['Input', 'Input file', 'Peak RSS', 'Wall', 'Peak ÷ 1x'],
        rows.map(([name, size, r]) => [
          name,
          size,
          fmtPeak(r),
          fmtMs(r.wallMs),
          r.maxRssKb && rows[0][2].maxRssKb ? `${(r.maxRssKb / rows[0][2].maxRssKb).toFixed(2)}x` : 'n/a',
        ]),
      ),
      '',
      `The ${fmtInt(m.bigInput.rows)}-registration workbook: the 1x sample's staff and cost lines with ${fmtInt(m.bigInput.rows)} registrations over its events (built in ${fmtMs(m.bigInput.builtMs)}).`,
    ],
  };
}
