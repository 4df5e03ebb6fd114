/**
 * The live model's promise (issue 9), as a suite any test file can declare: after any edit a user
 * makes to a result workbook and a recalculation, every output figure equals what a fresh run on
 * the edited workbook gives, or the master check TYM_TARKISTUS is FALSE and a check row names the
 * cause. No third state.
 *
 * Result workbooks are written by the command line's adapter, edited as a user edits them in Excel
 * (test/support/userEdits.ts), recalculated in LibreOffice, and compared figure by figure, keyed by
 * meaning (test/support/figures.ts), with a fresh engine run on the edited inputs.
 *
 * Two files declare it (test/formulas/invariant*.slow.test.ts: the demo workbooks, the seeded random
 * ones), so jest's two workers can share the work. Within a file LibreOffice converts one batch
 * while this process builds or reads the others, and edits that leave the input tables as they
 * were (the output overwrites) share one fresh engine run: the engine is pure, so the same inputs
 * give the same figures.
 */
import { createHash } from 'crypto';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import type { Workbook } from 'exceljs';
import { ExcelJsWorkbook } from '../../src/adapters/exceljs/excelJsWorkbook';
import { computeOutputs } from '../../src/app/pipeline';
import { checkRows, differences, figuresOf, masterCheck, readableSpecs, readableWorkbook, type Figures, type Value } from './figures';
import { recalculateMany } from './libreoffice';
import { userEdits, type EditContext, type UserEdit } from './userEdits';
import { XlsxPackage } from './xlsxEdit';

/** Files per LibreOffice start (each conversion must finish within the helper's time limit on a busy machine). */
const BATCH = 12;

export interface InvariantCase {
  name: string;
  workbook: () => Promise<Workbook>;
  ctx: EditContext;
  /** Only these edits apply (default all). */
  only?: string[];
}

interface Variant {
  caseName: string;
  /** Index into the edits, or -1 for the unedited result. */
  edit: number;
  file: string;
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

interface Fresh {
  ok: boolean;
  problems: string[];
  figures: Figures | null;
}

/** A fresh engine run's figures, shared by workbooks whose input tables are the same. */
async function freshRun(port: ExcelJsWorkbook, memo: Map<string, Fresh>): Promise<Fresh> {
  const raw = await port.readTables();
  const key = createHash('sha256').update(JSON.stringify(raw)).digest('hex');
  const known = memo.get(key);
  if (known) return known;
  const fresh = computeOutputs(raw);
  const out: Fresh = {
    ok: fresh.ok,
    problems: fresh.problems.filter((p) => p.severity === 'error').map((p) => p.code),
    figures: fresh.ok ? figuresOf(readableSpecs(fresh.sheets)) : null,
  };
  memo.set(key, out);
  return out;
}

async function outcomeOf(file: string, memo: Map<string, Fresh>): Promise<Outcome> {
  const port = await ExcelJsWorkbook.load(file);
  const fresh = await freshRun(port, memo);
  const { value, byName } = masterCheck(port.workbook);
  const actual = figuresOf(readableWorkbook(port.workbook));
  return {
    master: value,
    byName,
    freshOk: fresh.ok,
    freshProblems: fresh.problems,
    diffs: fresh.figures ? differences(actual, fresh.figures) : ['(a fresh run refuses the edited inputs)'],
    falseChecks: checkRows(port.workbook)
      .filter((r) => r.value !== true)
      .map((r) => `${r.label} = ${String(r.value)}`),
  };
}

/**
 * Declares the invariant tests over `cases`: the unedited results are right, each edit of
 * userEdits() applies to some workbook of the file (all but those named in `appliedElsewhere`, which
 * only the other file's workbooks allow), and after each edit every figure equals a fresh run or the master check
 * is FALSE naming the cause (and equals a fresh run under TRUE where the edit is live).
 */
export function invariantSuite(label: string, cases: () => InvariantCase[], appliedElsewhere: string[] = []): void {
  const EDITS: UserEdit[] = userEdits();
  let dir = '';
  const variants: Variant[] = [];

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), `tym-invariant-${label}-`));
    const pending: { batch: Variant[]; converted: Promise<string[]> }[] = [];
    let batch: Variant[] = [];
    // Conversion starts as soon as a batch is full, while the next workbooks are being built.
    const flush = () => {
      if (!batch.length) return;
      const b = batch;
      batch = [];
      const converted = recalculateMany(
        b.map((v) => v.file),
        path.join(dir, 'recalculated'),
      );
      converted.catch(() => undefined);
      pending.push({ batch: b, converted });
    };
    const add = (v: Variant) => {
      variants.push(v);
      batch.push(v);
      if (batch.length >= BATCH) flush();
    };
    for (const c of cases()) {
      const wb = await c.workbook();
      const port = await ExcelJsWorkbook.fromBuffer(Buffer.from(await wb.xlsx.writeBuffer()));
      const result = computeOutputs(await port.readTables());
      if (!result.ok) throw new Error(`${c.name}: ${JSON.stringify(result.problems.slice(0, 3))}`);
      c.ctx.year = result.model.settings.year;
      await port.replaceOutputs(result.sheets);
      const written = await port.toBuffer();
      const base = path.join(dir, `${c.name}--base.xlsx`);
      fs.writeFileSync(base, written);
      add({ caseName: c.name, edit: -1, file: base });
      for (let i = 0; i < EDITS.length; i++) {
        if (c.only && !c.only.includes(EDITS[i].name)) continue;
        // Each edit on its own copy of the package: only the edited sheet and table parts change.
        const copy = await XlsxPackage.load(written);
        if (!(await EDITS[i].apply(copy, c.ctx))) continue;
        const file = path.join(dir, `${c.name}--${i}.xlsx`);
        fs.writeFileSync(file, await copy.toBuffer());
        add({ caseName: c.name, edit: i, file });
      }
    }
    flush();
    // Read each batch while LibreOffice converts the next.
    const memo = new Map<string, Fresh>();
    for (const p of pending) {
      const out = await p.converted;
      for (let i = 0; i < p.batch.length; i++) p.batch[i].outcome = await outcomeOf(out[i], memo);
    }
  }, 1_800_000);

  afterAll(() => {
    if (dir && !process.env.TYM_KEEP_ARTIFACTS) fs.rmSync(dir, { recursive: true, force: true });
  });

  test('every unedited result: the master check TYM_TARKISTUS is TRUE and every figure equals the engine', () => {
    const base = variants.filter((v) => v.edit === -1);
    expect(base.length).toBe(cases().length);
    for (const v of base) {
      expect({
        case: v.caseName,
        master: v.outcome!.master,
        byName: v.outcome!.byName,
        diffs: v.outcome!.diffs,
        false: v.outcome!.falseChecks,
      }).toEqual({
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
    // Exactly the edits the other file applies are missing here (those have no tests in this file).
    const missing = EDITS.filter((_, i) => !applied.has(i)).map((e) => e.name);
    expect(missing.sort()).toEqual([...appliedElsewhere].sort());
  });

  describe.each(EDITS.map((e, i) => [e.name, i] as const).filter(([name]) => !appliedElsewhere.includes(name)))('%s', (_name, index) => {
    const edit = EDITS[index];
    test('every figure equals a fresh run, or the master check is FALSE and a check row names the cause', () => {
      const violations: unknown[] = [];
      for (const v of variants.filter((x) => x.edit === index)) {
        const o = v.outcome!;
        if (o.master === true) {
          if (!o.freshOk || o.diffs.length)
            violations.push({ case: v.caseName, master: o.master, wrongFigures: o.diffs, freshProblems: o.freshProblems });
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
          .map((v) => ({
            case: v.caseName,
            master: v.outcome!.master,
            diffs: v.outcome!.diffs,
            falseChecks: v.outcome!.falseChecks.slice(0, 5),
          }));
        expect(wrong).toEqual([]);
      });
    }
  });
}
