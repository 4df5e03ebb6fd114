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
import {
  checkRows,
  differences,
  figuresOf,
  masterCheck,
  readableSpecs,
  readableWorkbook,
  readCellBook,
  type CellBook,
  type Figures,
  type Readable,
  type Value,
} from './figures';
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
  /** The file LibreOffice wrote. */
  recalculated?: string;
}

interface Outcome {
  master: Value;
  byName: boolean;
  /** The fresh run's verdict and the figures that differ from it: computed where a test reads them (see `needsFresh`). */
  freshOk?: boolean;
  freshProblems?: string[];
  diffs?: string[];
  falseChecks: string[];
}

interface Fresh {
  ok: boolean;
  problems: string[];
  figures: Figures | null;
}

/** A fresh engine run's figures, shared by workbooks whose input tables are the same. */
async function freshRun(book: CellBook, memo: Map<string, Fresh>): Promise<Fresh> {
  const raw = await book.book.readTables();
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

/**
 * A recalculated workbook read back with the package reader (the command line's; figures.ts
 * readCellBook), and, where `needsFresh(master)` says a test reads them, compared with a fresh
 * engine run on its inputs.
 */
async function outcomeOf(file: string, memo: Map<string, Fresh>, needsFresh: (master: Value) => boolean): Promise<Outcome> {
  const book = await readCellBook(fs.readFileSync(file));
  const { value, byName } = masterCheck(book);
  const outcome: Outcome = {
    master: value,
    byName,
    falseChecks: checkRows(book)
      .filter((r) => r.value !== true)
      .map((r) => `${r.label} = ${String(r.value)}`),
  };
  if (!needsFresh(value)) return outcome;
  const fresh = await freshRun(book, memo);
  outcome.freshOk = fresh.ok;
  outcome.freshProblems = fresh.problems;
  outcome.diffs = fresh.figures ? differences(figuresOf(book), fresh.figures) : ['(a fresh run refuses the edited inputs)'];
  return outcome;
}

/** The master check, check rows and figures of a recalculated file, read by both readers. */
async function bothReaders(file: string) {
  const read = (wb: Workbook | CellBook, rd: Readable) => ({
    master: masterCheck(wb),
    checks: checkRows(wb),
    figures: [...figuresOf(rd)],
  });
  const book = await readCellBook(fs.readFileSync(file));
  const wb = (await ExcelJsWorkbook.load(file)).workbook;
  return { cells: read(book, book), exceljs: read(wb, readableWorkbook(wb)) };
}

/** A variant's differences from the fresh run; throws where the run was not computed (a test reads more than `needsFresh` gives). */
function diffsOf(v: Variant): string[] {
  if (!v.outcome?.diffs) throw new Error(`${v.caseName} edit ${v.edit}: the fresh run was not computed`);
  return v.outcome.diffs;
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
  const readers: ({ variant: string } & Awaited<ReturnType<typeof bothReaders>>)[] = [];

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
      for (let i = 0; i < p.batch.length; i++) {
        const v = p.batch[i];
        // The tests below read the fresh run's figures of the unedited results, of every variant of a
        // live edit, and of every variant whose master check is TRUE; elsewhere only the check rows.
        v.outcome = await outcomeOf(out[i], memo, (master) => v.edit === -1 || EDITS[v.edit].live === true || master === true);
        v.recalculated = out[i];
      }
    }
    // The package reader against the exceljs model, on the unedited results and the first variant
    // under a TRUE and under a FALSE master check of each case.
    for (const c of cases()) {
      const ofCase = variants.filter((v) => v.caseName === c.name);
      for (const v of [
        ofCase.find((x) => x.edit === -1),
        ofCase.find((x) => x.edit >= 0 && x.outcome!.master === true),
        ofCase.find((x) => x.edit >= 0 && x.outcome!.master !== true),
      ]) {
        if (v) readers.push({ variant: `${v.caseName} edit ${v.edit}`, ...(await bothReaders(v.recalculated!)) });
      }
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

  test('the package reader reads the same master check, check rows and figures as the exceljs model', () => {
    // Each case's unedited result, and a variant under a TRUE and one under a FALSE master check.
    expect(readers.length).toBeGreaterThanOrEqual(cases().length);
    expect(readers.some((r) => r.exceljs.master.value !== true)).toBe(true);
    for (const r of readers) {
      expect(r.exceljs.figures.length).toBeGreaterThan(100);
      expect({ variant: r.variant, ...r.cells }).toEqual({ variant: r.variant, ...r.exceljs });
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
          if (!o.freshOk || diffsOf(v).length)
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
          .filter((v) => v.outcome!.master !== true || diffsOf(v).length > 0)
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
