/**
 * The live model's promise (issue 9): after any edit a user makes to a result workbook and a
 * recalculation, every output figure equals what a fresh run on the edited workbook gives, or the
 * master check TYM_TARKISTUS is FALSE and a check row names the cause. No third state.
 *
 * Result workbooks (the demo, seeded random ones and the demo run without a setting row) are
 * written by the command line's adapter, edited with exceljs as a user edits them in Excel (see
 * test/support/userEdits.ts), recalculated in LibreOffice, and compared figure by figure, keyed by
 * meaning (test/support/figures.ts), with a fresh engine run on the edited inputs.
 * `TYM_INVARIANT_CASES` sets the number of random workbooks (default 2).
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import type { Workbook } from 'exceljs';
import { ExcelJsWorkbook } from '../../src/adapters/exceljs/excelJsWorkbook';
import { computeOutputs } from '../../src/app/pipeline';
import { buildSampleInputs, randomValidWorkbook } from '../../src/sample/sample';
import { checkRows, differences, figuresOf, masterCheck, readableSpecs, readableWorkbook, type Value } from '../support/figures';
import { recalculateMany } from '../support/libreoffice';
import { TableEdit, textOf } from '../support/tableEdit';
import { userEdits, type EditContext } from '../support/userEdits';
import { XlsxPackage } from '../support/xlsxEdit';

const RANDOM = Number(process.env.TYM_INVARIANT_CASES ?? 2);
/** Files per LibreOffice start (each conversion must finish within the helper's time limit on a busy machine). */
const BATCH = 20;
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tym-invariant-'));
const EDITS = userEdits();

interface Variant {
  caseName: string;
  /** Index into EDITS, or -1 for the unedited result. */
  edit: number;
  file: string;
  recalculated?: string;
  outcome?: Outcome;
}

interface Outcome {
  master: Value;
  byName: boolean;
  freshOk: boolean;
  freshProblems: string[];
  diffs: string[];
  falseChecks: string[];
}

interface Case {
  name: string;
  workbook: () => Promise<Workbook>;
  ctx: EditContext;
  /** Only these edits apply (default all). */
  only?: string[];
}

async function withoutSetting(wbPromise: Promise<Workbook>, label: string): Promise<Workbook> {
  const wb = await wbPromise;
  const t = new TableEdit(wb, 'Asetukset');
  t.setRows(t.rows().filter((r) => textOf(r[t.col('Asetus')]) !== label));
  return wb;
}

const variants: Variant[] = [];

beforeAll(async () => {
  const cases: Case[] = [
    { name: 'demo', workbook: () => buildSampleInputs({ year: 2026 }), ctx: { year: 2026 } },
    { name: 'demo-no-kela-row', workbook: () => withoutSetting(buildSampleInputs({ year: 2026 }), 'Kelan osuus %'), ctx: { year: 2026 }, only: ['add the Kelan osuus % row that was absent at the run'] },
  ];
  for (let seed = 1; seed <= RANDOM; seed++) {
    const seedNo = seed * 7919;
    cases.push({ name: `random-${seedNo}`, workbook: () => randomValidWorkbook(seedNo), ctx: { year: 0 } });
  }
  for (const c of cases) {
    const wb = await c.workbook();
    const port = await ExcelJsWorkbook.fromBuffer(Buffer.from(await wb.xlsx.writeBuffer()));
    const result = computeOutputs(await port.readTables());
    if (!result.ok) throw new Error(`${c.name}: ${JSON.stringify(result.problems.slice(0, 3))}`);
    c.ctx.year = result.model.settings.year;
    await port.replaceOutputs(result.sheets);
    const written = await port.toBuffer();
    const base = path.join(dir, `${c.name}--base.xlsx`);
    fs.writeFileSync(base, written);
    variants.push({ caseName: c.name, edit: -1, file: base });
    for (let i = 0; i < EDITS.length; i++) {
      if (c.only && !c.only.includes(EDITS[i].name)) continue;
      // Each edit on its own copy of the package: only the edited sheet and table parts change.
      const copy = await XlsxPackage.load(written);
      if (!(await EDITS[i].apply(copy, c.ctx))) continue;
      const file = path.join(dir, `${c.name}--${i}.xlsx`);
      fs.writeFileSync(file, await copy.toBuffer());
      variants.push({ caseName: c.name, edit: i, file });
    }
  }
  const out: string[] = [];
  for (let i = 0; i < variants.length; i += BATCH) {
    out.push(...(await recalculateMany(variants.slice(i, i + BATCH).map((v) => v.file), path.join(dir, 'recalculated'))));
  }
  for (let i = 0; i < variants.length; i++) {
    const v = variants[i];
    v.recalculated = out[i];
    const port = await ExcelJsWorkbook.load(out[i]);
    const fresh = computeOutputs(await port.readTables());
    const { value, byName } = masterCheck(port.workbook);
    const actual = figuresOf(readableWorkbook(port.workbook));
    v.outcome = {
      master: value,
      byName,
      freshOk: fresh.ok,
      freshProblems: fresh.problems.filter((p) => p.severity === 'error').map((p) => p.code),
      diffs: fresh.ok ? differences(actual, figuresOf(readableSpecs(fresh.sheets))) : ['(a fresh run refuses the edited inputs)'],
      falseChecks: checkRows(port.workbook)
        .filter((r) => r.value !== true)
        .map((r) => `${r.label} = ${String(r.value)}`),
    };
  }
}, 1_800_000);

afterAll(() => {
  if (!process.env.TYM_KEEP_ARTIFACTS) fs.rmSync(dir, { recursive: true, force: true });
});

test('every unedited result: the master check TYM_TARKISTUS is TRUE and every figure equals the engine', () => {
  const base = variants.filter((v) => v.edit === -1);
  expect(base.length).toBeGreaterThanOrEqual(3);
  for (const v of base) {
    expect({ case: v.caseName, master: v.outcome!.master, byName: v.outcome!.byName, diffs: v.outcome!.diffs, false: v.outcome!.falseChecks }).toEqual({
      case: v.caseName,
      master: true,
      byName: true,
      diffs: [],
      false: [],
    });
  }
});

test('the edits apply to the workbooks (the suite tests what it says)', () => {
  const applied = new Set(variants.filter((v) => v.edit >= 0).map((v) => v.edit));
  const missing = EDITS.filter((_, i) => !applied.has(i)).map((e) => e.name);
  expect(missing).toEqual([]);
});

describe.each(EDITS.map((e, i) => [e.name, i] as const))('%s', (_name, index) => {
  const edit = EDITS[index];
  test('every figure equals a fresh run, or the master check is FALSE and a check row names the cause', () => {
    const violations: unknown[] = [];
    for (const v of variants.filter((x) => x.edit === index)) {
      const o = v.outcome!;
      if (o.master === true) {
        if (!o.freshOk || o.diffs.length) violations.push({ case: v.caseName, master: o.master, wrongFigures: o.diffs, freshProblems: o.freshProblems });
      } else if (!o.falseChecks.some((c) => edit.cause.test(c))) {
        violations.push({ case: v.caseName, master: o.master, cause: String(edit.cause), falseChecks: o.falseChecks.slice(0, 5) });
      }
    }
    expect(violations).toEqual([]);
  });
  if (edit.live) {
    test('the live model follows it: figures equal a fresh run under a TRUE master check', () => {
      const wrong = variants
        .filter((x) => x.edit === index)
        .filter((v) => v.outcome!.master !== true || v.outcome!.diffs.length > 0)
        .map((v) => ({ case: v.caseName, master: v.outcome!.master, diffs: v.outcome!.diffs, falseChecks: v.outcome!.falseChecks.slice(0, 5) }));
      expect(wrong).toEqual([]);
    });
  }
});
