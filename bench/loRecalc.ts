/**
 * LibreOffice recalculation of the output at 1x, 10x and 100x the realistic size (issue 9): the
 * live-model formulas (order-proof registrations, settings by name, integer-cent splits, checks)
 * against the input-only conversion of the same size and, when a baseline build is given, against
 * the formulas of that build, all measured in one run (the machine is shared: compare ratios).
 *
 *   TYM_BENCH_BASELINE_REF=<commit> npm run bench:lo-live
 *
 * The baseline is the build of TYM_BENCH_BASELINE_REF (e.g. main before issue 9: the commit's src
 * is taken with `git archive` into a temporary folder and compiled with its own tsconfig.cli.json,
 * over this checkout's node_modules), or an already compiled build in TYM_BENCH_BASELINE
 * (its dist/node folder). Without either, only the current formulas are measured.
 *
 * A separate script, not a section of `npm run bench`: it builds another commit and takes about
 * twice section 4's LibreOffice time; section 4 of the full bench measures the current formulas.
 *
 * Writes the section "LibreOffice recalculation of the live model" of bench/results.md (between its
 * markers; the rest of the file is left as the full bench wrote it).
 */
import { execFileSync, execSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { ExcelJsWorkbook } from '../src/adapters/exceljs/excelJsWorkbook';
import { computeOutputs } from '../src/app/pipeline';
import { createAllocationApp } from '../src/app/run';
import { buildSampleInputs } from '../src/sample/sample';
import { countXlsx } from './formulas';
import { repoRoot } from './lib';
import { recalculateWithin, type LoRun } from './lo';

const ROOT = repoRoot();
const RESULTS = path.join(ROOT, 'bench', 'results.md');
const BEGIN = '<!-- lo-live-model:begin -->';
const END = '<!-- lo-live-model:end -->';
const SCALES = [1, 10, 100] as const;
const LIMIT_MS = Number(process.env.TYM_BENCH_LO_LIMIT_S ?? 600) * 1000;
const REPEATS_1X = 3;

type Pipeline = { computeOutputs: typeof computeOutputs };
type Adapter = { ExcelJsWorkbook: typeof ExcelJsWorkbook };

const work = fs.mkdtempSync(path.join(os.tmpdir(), 'tym-bench-lo-'));
const log = (s: string) => process.stderr.write(`[lo] ${s}\n`);
const sec = (ms: number) => (ms >= 10_000 ? `${(ms / 1000).toFixed(1)} s` : `${Math.round(ms)} ms`);
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

async function writeOutput(input: Buffer, file: string, pipeline: Pipeline, adapter: Adapter): Promise<void> {
  const port = await adapter.ExcelJsWorkbook.fromBuffer(input);
  const result = pipeline.computeOutputs(await port.readTables());
  if (!result.ok) throw new Error(`${file}: the sample does not compute`);
  await port.replaceOutputs(result.sheets);
  await port.saveAs(file);
}

/** Compiles `ref`'s src into a temporary folder; returns its dist/node. */
function buildBaseline(ref: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tym-bench-baseline-'));
  execSync(`git archive ${JSON.stringify(ref)} src tsconfig.json tsconfig.cli.json package.json | tar -x -C ${JSON.stringify(dir)}`, {
    cwd: ROOT,
    stdio: 'inherit',
  });
  fs.symlinkSync(path.join(ROOT, 'node_modules'), path.join(dir, 'node_modules'));
  execFileSync(path.join(ROOT, 'node_modules', '.bin', 'tsc'), ['-p', 'tsconfig.cli.json'], { cwd: dir, stdio: 'inherit' });
  return path.join(dir, 'dist', 'node');
}

async function main(): Promise<void> {
  const ref = process.env.TYM_BENCH_BASELINE_REF;
  const refShown = ref ? execFileSync('git', ['rev-parse', '--short', ref], { cwd: ROOT }).toString().trim() : null;
  if (ref) log(`building the baseline ${refShown}`);
  const baselineDir = ref ? buildBaseline(ref) : process.env.TYM_BENCH_BASELINE;
  const baseline = baselineDir
    ? {
        pipeline: (await import(path.join(baselineDir, 'app/pipeline.js'))) as Pipeline,
        adapter: (await import(path.join(baselineDir, 'adapters/exceljs/excelJsWorkbook.js'))) as Adapter,
      }
    : null;
  const rows: {
    scale: number;
    input: number;
    ours: LoRun | number;
    old: LoRun | number | null;
    formulas: number;
    oldFormulas: number | null;
    rowsIn: number;
  }[] = [];
  const recalc = (f: string, d: string) => recalculateWithin(f, path.join(work, d), LIMIT_MS);
  log('warm-up conversion');
  let check = '';
  for (const scale of SCALES) {
    const inputFile = path.join(work, `input-${scale}x.xlsx`);
    const wb = await buildSampleInputs({ year: 2026, scale });
    const input = Buffer.from(await wb.xlsx.writeBuffer());
    fs.writeFileSync(inputFile, input);
    const ours = path.join(work, `ours-${scale}x.xlsx`);
    await writeOutput(input, ours, { computeOutputs }, { ExcelJsWorkbook });
    let old: string | null = null;
    if (baseline) {
      old = path.join(work, `old-${scale}x.xlsx`);
      await writeOutput(input, old, baseline.pipeline, baseline.adapter);
    }
    if (scale === 1) await recalc(inputFile, 'warm');
    const repeats = scale === 1 ? REPEATS_1X : 1;
    const times = { input: [] as number[], ours: [] as LoRun[], old: [] as LoRun[] };
    for (let i = 0; i < repeats; i++) {
      times.input.push((await recalc(inputFile, `in-${scale}-${i}`)).ms);
      times.ours.push(await recalc(ours, `ours-${scale}-${i}`));
      if (old) times.old.push(await recalc(old, `old-${scale}-${i}`));
    }
    const pick = (rs: LoRun[]) => (rs.length === 1 ? rs[0] : median(rs.map((r) => r.ms)));
    const tables = await (await ExcelJsWorkbook.fromBuffer(input)).readTables();
    rows.push({
      scale,
      input: median(times.input),
      ours: pick(times.ours),
      old: old ? pick(times.old) : null,
      formulas: countXlsx(ours).formulas,
      oldFormulas: old ? countXlsx(old).formulas : null,
      rowsIn: tables.tables.reduce((a, t) => a + t.rows.length, 0),
    });
    if (scale === 1) {
      // The recalculated 1x output verifies clean against the engine.
      const report = await createAllocationApp(await ExcelJsWorkbook.load(times.ours[0].out)).verify();
      check = `recalculated 1x output: verify ${report.ok ? 'ok' : 'NOT ok'} (${report.cellsChecked.toLocaleString('en')} cells, ${report.findings.length} findings; master check TYM_TARKISTUS recalculated)`;
    }
    const last = rows[rows.length - 1];
    const msOf = (x: LoRun | number | null) => (x === null ? NaN : typeof x === 'number' ? x : x.ms);
    log(
      `${scale}x: input ${sec(last.input)}, before ${sec(msOf(last.old))}, now ${sec(msOf(last.ours))}; formulas before ${last.oldFormulas}, now ${last.formulas}`,
    );
  }
  const ms = (x: LoRun | number | null) => (x === null ? null : typeof x === 'number' ? x : x.ms);
  const shown = (x: LoRun | number | null) =>
    x === null ? '—' : typeof x === 'number' || x.finished ? sec(ms(x)!) : `> ${sec(x.ms)} (stopped)`;
  const extra = (x: LoRun | number | null, base: number) => (x === null ? '—' : sec(ms(x)! - base));
  const md: string[] = [
    BEGIN,
    '## 4b. LibreOffice recalculation of the live model (issue 9)',
    '',
    `Measured by \`bench/loRecalc.ts\` on ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC (load average at start ${os
      .loadavg()
      .map((x) => x.toFixed(2))
      .join(
        ' / ',
      )}, ${os.cpus().length} CPUs; the machine is shared, compare the ratios within this run). Each conversion includes soffice start-up, so the input-only conversion of the same size is the baseline; 1x is the median of ${REPEATS_1X}, 10x and 100x one run each.${baseline ? ` "Before" is the output of ${refShown ? `commit ${refShown}` : 'the build given in TYM_BENCH_BASELINE'} (the formulas before issue 9: registrations compared with the row above in a frozen order, settings by row position, floating-point splits).` : ''}`,
    '',
    '| Size | Input rows | Input only | Before: output | Before: extra | Now: output | Now: extra | Now ÷ before (extra) | Formulas before / now |',
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
    ...rows.map((r) => {
      const nowExtra = ms(r.ours)! - r.input;
      const oldExtra = r.old === null ? null : ms(r.old)! - r.input;
      const ratio = oldExtra && oldExtra > 0 ? `${(nowExtra / oldExtra).toFixed(2)}x` : '—';
      return `| ${r.scale}x | ${r.rowsIn.toLocaleString('en')} | ${sec(r.input)} | ${shown(r.old)} | ${extra(r.old, r.input)} | ${shown(r.ours)} | ${extra(r.ours, r.input)} | ${ratio} | ${r.oldFormulas === null ? '—' : r.oldFormulas.toLocaleString('en')} / ${r.formulas.toLocaleString('en')} |`;
    }),
    '',
    `Growth of the extra time, 10x → 100x: now ${(() => {
      const a = ms(rows[1].ours)! - rows[1].input;
      const b = ms(rows[2].ours)! - rows[2].input;
      return a > 0 ? `${(b / a).toFixed(2)}x` : 'n/a';
    })()} for ${(rows[2].rowsIn / rows[1].rowsIn).toFixed(2)}x the rows. ${check}.`,
    END,
  ];
  const current = fs.existsSync(RESULTS) ? fs.readFileSync(RESULTS, 'utf8') : '# Benchmark results\n';
  const section = md.join('\n');
  const next = current.includes(BEGIN)
    ? current.replace(new RegExp(`${BEGIN}[\\s\\S]*?${END}`), section)
    : current.replace(/\n## 5\. /, `\n${section}\n\n## 5. `);
  fs.writeFileSync(RESULTS, next.includes(BEGIN) ? next : `${current}\n${section}\n`);
  log(`written to ${RESULTS}`);
  if (!process.env.TYM_KEEP_ARTIFACTS) fs.rmSync(work, { recursive: true, force: true });
}

main().catch((e) => {
  process.stderr.write(`${e instanceof Error ? e.stack : String(e)}\n`);
  process.exit(1);
});
