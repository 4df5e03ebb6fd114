/** Section 4: LibreOffice recalculation of our output at 1x, 10x, 100x, formula counts, and the volatile-function scan. */
import { ExcelJsWorkbook } from '../../src/adapters/exceljs/excelJsWorkbook';
import { computeOutputs } from '../../src/app/pipeline';
import { compareOutputs } from '../../src/app/verify';
import { OUTPUT_SHEET_NAMES, SHEETS } from '../../src/workbook/layout';
import type { BenchContext } from '../context';
import type { EngineResult } from '../engineWorker';
import { VOLATILE } from '../formulas';
import { fmtInt, fmtMs, fmtRatio, log, median } from '../lib';
import { recalculateWithin, type LoRun } from '../lo';
import { table, type SectionReport } from '../report';
import type { CommandLineRuns } from './commandLine';
import { engineGrowth, type EngineRuns } from './engine';

const LO_REPEATS_1X = 3;
/**
 * Limit per LibreOffice conversion (TYM_BENCH_LO_LIMIT_S, 0 = none). Over the limit the figure is
 * reported as a lower bound.
 */
const LO_LIMIT_MS = Number(process.env.TYM_BENCH_LO_LIMIT_S ?? 180) * 1000;

export interface LibreOfficeRuns {
  warmupMs: number;
  base1: number[];
  ours1: number[];
  base10: LoRun;
  ours10: LoRun;
  base100: LoRun;
  ours100: LoRun;
  check1: { findings: number; cellsChecked: number; sample: string[] };
}

export async function measureLibreOffice(ctx: BenchContext, outputs: CommandLineRuns['outputs']): Promise<LibreOfficeRuns | null> {
  if (ctx.skip.has('lo')) return null;
  const recalc = (input: string, dir: string) => recalculateWithin(input, ctx.file(dir), LO_LIMIT_MS);
  log(`LibreOffice: warm-up conversion (creates the private profile); limit per conversion ${LO_LIMIT_MS ? fmtMs(LO_LIMIT_MS) : 'none'}`);
  const warm = await recalc(ctx.inputs[1], 'lo-warmup');
  const base1: number[] = [];
  const ours1: number[] = [];
  let recalculated1 = '';
  for (let i = 0; i < LO_REPEATS_1X; i++) {
    base1.push((await recalc(ctx.inputs[1], `lo-base1-${i}`)).ms);
    const r = await recalc(outputs[1], `lo-ours1-${i}`);
    ours1.push(r.ms);
    recalculated1 = r.out;
  }
  log(`LibreOffice 1x: input ${fmtMs(median(base1))}, ours ${fmtMs(median(ours1))}; now 10x`);
  const base10 = await recalc(ctx.inputs[10], 'lo-base10');
  const ours10 = await recalc(outputs[10], 'lo-ours10');
  log(`LibreOffice 10x: input ${fmtMs(base10.ms)}, ours ${fmtMs(ours10.ms)}; now 100x input`);
  const base100 = await recalc(ctx.inputs[100], 'lo-base100');
  log(`LibreOffice 100x input: ${fmtMs(base100.ms)}; now 100x ours`);
  const ours100 = await recalc(outputs[100], 'lo-ours100');
  log(`LibreOffice 100x ours: ${ours100.finished ? fmtMs(ours100.ms) : `stopped at the limit (${fmtMs(ours100.ms)})`}`);
  // The recalculated 1x values against the engine's own figures (the formulas are live).
  const raw1 = await (await ExcelJsWorkbook.fromBuffer(ctx.inputBuffers[1], { view: false })).readTables();
  const spec1 = computeOutputs(raw1);
  if (!spec1.ok) throw new Error('the 1x sample does not compute');
  const cells = await (await ExcelJsWorkbook.load(recalculated1, { view: false })).readOutputCells([...OUTPUT_SHEET_NAMES]);
  // The run log (time of the run) is not a figure; verify compares its fingerprints instead.
  const cmp = compareOutputs(
    spec1.sheets.filter((s) => s.name !== SHEETS.runLog),
    cells,
  );
  return {
    warmupMs: warm.ms,
    base1,
    ours1,
    base10,
    ours10,
    base100,
    ours100,
    check1: {
      findings: cmp.findings.length,
      cellsChecked: cmp.cellsChecked,
      sample: cmp.findings.slice(0, 5).map((f) => `${f.sheet}!${f.address}: expected ${f.expected}, got ${f.actual}`),
    },
  };
}

export function reportLibreOffice(lo: LibreOfficeRuns | null, cli: CommandLineRuns, engine: EngineRuns): SectionReport {
  const { counts } = cli;
  const { e1, e10, e100, size100 } = engineGrowth(engine);
  const fpr1 = counts.out1.formulas / e1.inputRows;
  const fpr100 = counts.out100.formulas / e100.inputRows;
  const volatile = [...new Set([...counts.out1.volatile, ...counts.out100.volatile, ...e1.output.volatile, ...e100.output.volatile])];
  const rc = (r: EngineResult) => r.output.rangeCells;
  const rangeGrowth = rc(e100) / rc(e1);
  const topCols = (r: EngineResult) =>
    r.output.topColumns
      .map(
        (c) =>
          `${c.where} (${fmtInt(c.formulas)} formulas, ${fmtInt(c.rangeCells)} cells, ${((c.rangeCells / r.output.rangeCells) * 100).toFixed(0)}%)`,
      )
      .join(', ');

  const targets: SectionReport['targets'] = [
    {
      id: '4a',
      target: `No volatile functions (${VOLATILE.join(', ')}) in the output`,
      figure: volatile.length
        ? volatile.join(', ')
        : `none in ${fmtInt(counts.out1.formulas + counts.out100.formulas)} formulas and ${counts.out100.definedNames} defined names`,
      verdict: volatile.length === 0 ? 'met' : 'not met',
      reason: volatile.length ? 'volatile calls found' : undefined,
    },
    {
      id: '4b',
      target: 'Formula count does not grow faster than the input rows',
      figure: `formulas per input row: 1x ${fpr1.toFixed(2)}, 100x ${fpr100.toFixed(2)} (ratio ${(fpr100 / fpr1).toFixed(2)})`,
      verdict: fpr100 <= fpr1 * 1.0001 ? 'met' : 'not met',
      reason: fpr100 <= fpr1 * 1.0001 ? undefined : 'the formula count grows faster than the rows',
    },
  ];
  if (lo) {
    const d1 = median(lo.ours1) - median(lo.base1);
    const d10 = lo.ours10.ms - lo.base10.ms;
    const d100 = lo.ours100.ms - lo.base100.ms;
    const show100 = lo.ours100.finished ? `+${fmtMs(d100)}` : `> +${fmtMs(d100)} (stopped at the ${fmtMs(LO_LIMIT_MS)} limit)`;
    // At 1x the recalculation is below soffice's start-up noise (it can even come out negative), so
    // growth is judged from 10x to 100x, and by the cells the formulas' ranges span from 1x to 100x.
    const size10 = e10.inputRows / e1.inputRows;
    const timeLinear = lo.ours100.finished && d10 > 0 && d100 / d10 <= (size100 / size10) * 1.5;
    const linear = timeLinear && rangeGrowth <= size100 * 1.5;
    targets.push({
      id: '4c',
      target: 'LibreOffice recalculation of our output at 1x, 10x, 100x (no numeric target; expected to grow about linearly)',
      figure: `over the input-only conversion: 1x ${d1 >= 0 ? '+' : ''}${fmtMs(d1)}, 10x +${fmtMs(d10)}, 100x ${show100} (100x/10x ${lo.ours100.finished && d10 > 0 ? fmtRatio(d100 / d10) : 'n/a'}); cells spanned by ranges 100x/1x ${fmtRatio(rangeGrowth)} for ${fmtRatio(size100)} the rows; recalculated 1x values match the engine: ${lo.check1.findings === 0 ? 'yes' : 'NO'} (${fmtInt(lo.check1.cellsChecked)} cells)`,
      verdict: lo.check1.findings === 0 && linear ? 'no target' : 'not met',
      reason:
        lo.check1.findings !== 0
          ? `LibreOffice's values differ from the engine's in ${lo.check1.findings} cells: ${lo.check1.sample.join('; ')}`
          : linear
            ? undefined
            : `the formula count is linear but the work per formula is not: the cells the formulas' A1 ranges span grow ${fmtRatio(rangeGrowth)} from 1x to 100x for ${fmtRatio(size100)} the rows (about the square), so a full recalculation is O(n²). Where at 100x: ${topCols(e100)}. Per-row formulas that scan a whole column or every row above them (a MATCH over the full column, a SUMPRODUCT over the rows above) cost n per row and n² in all; at 1x and 10x this is invisible, at 100x it dominates.`,
    });
  } else targets.push({ id: '4c', target: 'LibreOffice recalculation', figure: 'skipped (TYM_BENCH_SKIP)', verdict: 'skipped' });

  const md: string[] = [];
  md.push('## 4. LibreOffice recalculation and formula counts');
  md.push('');
  if (lo) {
    md.push(
      `\`soffice --convert-to xlsx\` with the always-recalculate profile and arguments of test/support/libreoffice.ts (bench/lo.ts runs it in its own process group so a limit can stop it: limit ${LO_LIMIT_MS ? fmtMs(LO_LIMIT_MS) : 'none'}, TYM_BENCH_LO_LIMIT_S); each conversion includes soffice start-up, so the input-only conversion of the same size is the baseline. 1x: median of ${LO_REPEATS_1X}; 10x and 100x: one run each. A first warm-up conversion (profile creation) took ${fmtMs(lo.warmupMs)} and is not counted.`,
    );
    md.push('');
    const loRow = (label: string, base: number, ours: LoRun | number, formulas: number, r: EngineResult) => {
      const oursMs = typeof ours === 'number' ? ours : ours.ms;
      const done = typeof ours === 'number' || ours.finished;
      return [
        label,
        fmtMs(base),
        done ? fmtMs(oursMs) : `> ${fmtMs(oursMs)} (stopped)`,
        `${done ? '' : '> '}${fmtMs(oursMs - base)}`,
        fmtInt(formulas),
        fmtInt(r.inputRows),
        (formulas / r.inputRows).toFixed(2),
        fmtInt(r.output.rangeCells),
      ];
    };
    md.push(
      table(
        [
          'Size',
          'Input only',
          'Our output',
          'Difference (recalculation + the extra cells)',
          'Formulas',
          'Input rows',
          'Formulas per input row',
          'Cells spanned by A1 ranges (sum over formulas)',
        ],
        [
          loRow('1x', median(lo.base1), median(lo.ours1), counts.out1.formulas, e1),
          loRow('10x', lo.base10.ms, lo.ours10, e10.output.formulas, e10),
          loRow('100x', lo.base100.ms, lo.ours100, counts.out100.formulas, e100),
        ],
      ),
    );
    md.push('');
    md.push(
      `Growth 1x → 100x: rows ${fmtRatio(size100)}, formulas ${fmtRatio(counts.out100.formulas / counts.out1.formulas)}, cells spanned by the formulas' ranges ${fmtRatio(rangeGrowth)} (10x: ${fmtRatio(rc(e10) / rc(e1))}). Columns whose formulas span the most cells: 1x ${topCols(e1)}; 100x ${topCols(e100)}.`,
    );
    md.push('');
    md.push(
      `Recalculated 1x output read back and compared with the engine's values (src/app/verify.ts compareOutputs): ${fmtInt(lo.check1.cellsChecked)} cells, ${lo.check1.findings} differences.`,
    );
  } else {
    md.push('Skipped in this run (TYM_BENCH_SKIP=lo).');
    md.push('');
    md.push(
      table(
        ['Size', 'Formulas', 'Input rows', 'Formulas per input row'],
        [
          ['1x', fmtInt(counts.out1.formulas), fmtInt(e1.inputRows), fpr1.toFixed(2)],
          ['100x', fmtInt(counts.out100.formulas), fmtInt(e100.inputRows), fpr100.toFixed(2)],
        ],
      ),
    );
  }
  md.push('');
  md.push(
    `Formulas are counted in the written files' sheet XML (input files: ${counts.in1.formulas} and ${counts.in100.formulas} formulas); the engine's sheet specs agree: ${e1.output.formulas === counts.out1.formulas && e100.output.formulas === counts.out100.formulas ? 'yes' : `no (${e1.output.formulas} / ${e100.output.formulas})`}. Volatile scan (${VOLATILE.join(', ')}; text literals and structured references ignored) over every formula and defined name: ${volatile.length ? volatile.join(', ') : 'none found'}.`,
  );
  return { targets, markdown: md };
}
