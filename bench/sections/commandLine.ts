/**
 * Section 2: the command line end to end against bare exceljs reads and writes (the floors), and the
 * cell and formula counts of the files written (used by section 4 too).
 */
import * as fs from 'fs';
import type { BenchContext, Scale } from '../context';
import type { FloorResult } from '../floor';
import { countXlsx, type FileCounts } from '../formulas';
import { fmtInt, fmtMB, fmtMiBFromKb, fmtMs, fmtRatio, log, runMeasured, runWorker, type Measured } from '../lib';
import { table, type SectionReport } from '../report';
import type { EngineRuns } from './engine';

type Floor = FloorResult & { measured: Measured };

export interface CommandLineRuns {
  /** The output files written by the command line (read by the LibreOffice section). */
  outputs: Record<Scale, string>;
  at1: { ours: Measured; floor1: Floor; floor2: Floor };
  ours: Measured;
  floor1: Floor;
  floor2: Floor;
  counts: Record<'in1' | 'in100' | 'out1' | 'out100', FileCounts>;
}

export async function measureCommandLine(ctx: BenchContext): Promise<CommandLineRuns> {
  const runCli = async (scale: Scale, out: string) => {
    fs.rmSync(out, { force: true });
    const m = await runMeasured(process.execPath, [ctx.cli, 'run', ctx.inputs[scale], '--out', out], {
      cwd: ctx.root,
      timeoutMs: 10 * 60_000,
    });
    if (m.code !== 0 || !fs.existsSync(out))
      throw new Error(`tym-allocate run ${scale}x failed (exit ${m.code}):\n${m.stderr.slice(-3000)}`);
    return m;
  };
  const runFloor = async (input: string, out: string): Promise<Floor> => {
    const { result, measured } = await runWorker<FloorResult>('floor', [input, out]);
    return { ...result, measured };
  };
  const outputs = { 1: ctx.file('output-1x.xlsx'), 10: ctx.file('output-10x.xlsx'), 100: ctx.file('output-100x.xlsx') };
  log('command line 1x, and its floors');
  const floor1At1 = await runFloor(ctx.inputs[1], ctx.file('floor1-1x.xlsx'));
  const oursAt1 = await runCli(1, outputs[1]);
  const floor2At1 = await runFloor(outputs[1], ctx.file('floor2-1x.xlsx'));
  await runCli(10, outputs[10]); // for LibreOffice at 10x
  log('command line 100x: bare exceljs read+write of the input');
  const floor1 = await runFloor(ctx.inputs[100], ctx.file('floor1-100x.xlsx'));
  log(`  ${fmtMs(floor1.measured.wallMs)}; now our command line`);
  const ours = await runCli(100, outputs[100]);
  log(`  ${fmtMs(ours.wallMs)}; now bare exceljs read+write of our output`);
  const floor2 = await runFloor(outputs[100], ctx.file('floor2-100x.xlsx'));
  log(`  ${fmtMs(floor2.measured.wallMs)}`);
  return {
    outputs,
    at1: { ours: oursAt1, floor1: floor1At1, floor2: floor2At1 },
    ours,
    floor1,
    floor2,
    counts: {
      in1: countXlsx(ctx.inputs[1]),
      in100: countXlsx(ctx.inputs[100]),
      out1: countXlsx(outputs[1]),
      out100: countXlsx(outputs[100]),
    },
  };
}

export function reportCommandLine(c: CommandLineRuns, engine: EngineRuns): SectionReport {
  const { ours, floor1, floor2, counts, at1 } = c;
  const e100 = engine[100].result;
  const floor2ReadWrite = floor2.measured.wallMs - floor2.readMs + floor1.readMs; // start-up + read input + write our output
  const cliRatio1 = ours.wallMs / floor1.measured.wallMs;
  const cliRatio2 = ours.wallMs / floor2.measured.wallMs;
  const cliRatio3 = ours.wallMs / floor2ReadWrite;
  const targets: SectionReport['targets'] = [
    {
      id: '2a',
      target: 'Command line (100x) within 1.5x of a bare exceljs read + write of the same input',
      figure: `${fmtMs(ours.wallMs)} vs ${fmtMs(floor1.measured.wallMs)} = ${fmtRatio(cliRatio1)}`,
      verdict: cliRatio1 <= 1.5 ? 'met' : 'not met',
      reason:
        cliRatio1 <= 1.5
          ? undefined
          : `our output is a different, larger file: ${fmtMB(counts.out100.bytes)} with ${fmtInt(counts.out100.cells)} cells (${fmtInt(counts.out100.formulas)} formulas) vs the input's ${fmtMB(counts.in100.bytes)} / ${fmtInt(counts.in100.cells)} cells, and exceljs's write time grows with the cells written. Against the fairer floor (read the input, write our output's cells) the command line is ${fmtRatio(cliRatio3)} (target 1.5x: ${cliRatio3 <= 1.5 ? 'met' : 'not met'}), so the gap is the size of the result, not the engine (engine alone: ${fmtMs(e100.medianMs)})`,
    },
    {
      id: '2b',
      target: 'Command line (100x) within 1.5x of bare exceljs read + write of our own output (the fairer floor)',
      figure: `${fmtRatio(cliRatio2)} (load+write our output: ${fmtMs(floor2.measured.wallMs)}); ${fmtRatio(cliRatio3)} against read input + write our output (${fmtMs(floor2ReadWrite)})`,
      verdict: cliRatio2 <= 1.5 && cliRatio3 <= 1.5 ? 'met' : 'not met',
      reason:
        cliRatio2 <= 1.5 && cliRatio3 <= 1.5 ? undefined : 'the command line does more than exceljs I/O plus the engine; see section 2',
    },
  ];
  const md: string[] = [];
  md.push('## 2. Command line end to end (100x)');
  md.push('');
  md.push(
    'Each a separate `node` process (start-up included), wall time measured by the bench, peak RSS and CPU by `/usr/bin/time -v`. The floors use the same exceljs calls as the command line (read the file into a buffer, `xlsx.load`, `xlsx.writeBuffer`, write the file) and nothing else.',
  );
  md.push('');
  const cpu = (m: Measured) => (m.userS !== null && m.sysS !== null ? `${(m.userS + m.sysS).toFixed(1)} s` : 'n/a');
  md.push(
    table(
      ['Run', 'Wall', 'CPU (user+sys)', 'Peak RSS', 'Reads', 'Writes', 'Ours ÷ this'],
      [
        [
          `\`tym-allocate run IN --out OUT\` (ours)`,
          fmtMs(ours.wallMs),
          cpu(ours),
          fmtMiBFromKb(ours.maxRssKb),
          `input ${fmtMB(counts.in100.bytes)}`,
          `output ${fmtMB(counts.out100.bytes)}`,
          '1.00x',
        ],
        [
          'Floor 1: exceljs read + write of the input',
          fmtMs(floor1.measured.wallMs),
          cpu(floor1.measured),
          fmtMiBFromKb(floor1.measured.maxRssKb),
          `${fmtMB(counts.in100.bytes)} (read ${fmtMs(floor1.readMs)})`,
          `a copy (write ${fmtMs(floor1.writeMs)})`,
          fmtRatio(cliRatio1),
        ],
        [
          'Floor 2: exceljs read + write of our output',
          fmtMs(floor2.measured.wallMs),
          cpu(floor2.measured),
          fmtMiBFromKb(floor2.measured.maxRssKb),
          `${fmtMB(counts.out100.bytes)} (read ${fmtMs(floor2.readMs)})`,
          `a copy (write ${fmtMs(floor2.writeMs)})`,
          fmtRatio(cliRatio2),
        ],
        [
          'Floor 2′: start-up + read the input + write our output (composed: floor 2 − its read + floor 1’s read)',
          fmtMs(floor2ReadWrite),
          '',
          '',
          fmtMB(counts.in100.bytes),
          fmtMB(counts.out100.bytes),
          fmtRatio(cliRatio3),
        ],
      ],
    ),
  );
  md.push('');
  md.push(
    `Output vs input: ${fmtMB(counts.out100.bytes)} vs ${fmtMB(counts.in100.bytes)} (${fmtRatio(counts.out100.bytes / counts.in100.bytes)} the bytes), ${fmtInt(counts.out100.cells)} vs ${fmtInt(counts.in100.cells)} cells (${fmtRatio(counts.out100.cells / counts.in100.cells)}; the output file holds the input sheets too), of which ${fmtInt(counts.out100.formulas)} formulas. ` +
      `The engine's own share of our run is ~${fmtMs(e100.medianMs)} (section 1). At 1x (node start-up dominates): ours ${fmtMs(at1.ours.wallMs)}, floor 1 ${fmtMs(at1.floor1.measured.wallMs)} (${fmtRatio(at1.ours.wallMs / at1.floor1.measured.wallMs)}), floor 2 ${fmtMs(at1.floor2.measured.wallMs)} (${fmtRatio(at1.ours.wallMs / at1.floor2.measured.wallMs)}).`,
  );
  return { targets, markdown: md };
}
