/**
 * The whole computation from raw tables to output sheets, pure and synchronous: the one path that
 * the task pane, the preview, the command line and the tests all take.
 */
import { allocate, type Allocation } from '../domain/allocate';
import { parseWorkbook } from '../domain/parse';
import { InputError, warning, type Problem } from '../domain/problems';
import type { RawWorkbook } from '../domain/raw';
import { planInputSheet, type PlanInput } from '../workbook/inputSheet';
import type { InputModel } from '../domain/types';
import { buildOutputSheets, type RunInfo } from '../workbook/layout';
import type { SheetSpec } from '../workbook/sheetSpec';
import { PLAN_TABLE, TABLE_KEYS } from '../domain/contract';
import { tableFingerprint } from '../domain/fingerprint';
import { PROGRAM } from './version';

export type PipelineResult =
  | { ok: true; problems: Problem[]; model: InputModel; allocation: Allocation; sheets: SheetSpec[] }
  | { ok: false; problems: Problem[]; model: InputModel | null };

/** `added`: the empty participant plan the run adds to the workbook (issue 12; see withAdded). */
export type Parsed = { problems: Problem[]; model: InputModel | null; added?: PlanInput };
type Allocated = Parsed & { allocation: Allocation | null };

/**
 * Step 1: read and validate the tables into the input model (null when there are errors).
 * A workbook with budget (TA) lines of pool b and no participant plan is read as it will stand after
 * the write, with the empty plan the run adds (workbook/inputSheet.ts says why), and a warning says so.
 */
export function validateInputs(raw: RawWorkbook): Parsed {
  const parsed = parseWorkbook(raw);
  const m = parsed.model;
  if (!m || m.tables.suunnitelma || !m.costs.some((c) => c.kind === 'TA' && c.pool === 'b')) return parsed;
  const added = planInputSheet(raw, m.settings.year);
  const again = parseWorkbook(withAdded(raw, added));
  // A sheet of the plan's name without the table stays worth a warning: the plan there is not read.
  const kept = parsed.problems.filter((p) => p.code === 'plan-table-missing');
  const where = { sheet: added.spec.name, table: added.raw.name };
  return { ...again, problems: [...kept, ...again.problems, warning('plan-table-added', where, where)], added };
}

/** The workbook as it stands after the write: with the input table the run adds, if any. */
export function withAdded(raw: RawWorkbook, added: PlanInput | undefined): RawWorkbook {
  return added ? { tables: [...raw.tables, added.raw], sheetNames: [...raw.sheetNames, added.spec.name] } : raw;
}

/** Step 2: the allocation of a validated model; its own errors (a zero key, say) come back as problems. */
export function allocateInputs(parsed: Parsed): Allocated {
  if (!parsed.model) return { problems: parsed.problems, model: null, allocation: null };
  const added = parsed.added ? { added: parsed.added } : {};
  try {
    const allocation = allocate(parsed.model);
    return { problems: [...parsed.problems, ...allocation.warnings], model: parsed.model, allocation, ...added };
  } catch (e) {
    if (e instanceof InputError) return { problems: [...parsed.problems, ...e.problems], model: parsed.model, allocation: null, ...added };
    throw e;
  }
}

/** The run log of a result: time, program version, and each input table's rows and fingerprint. */
export function runInfo(raw: RawWorkbook, model: InputModel, time: Date = new Date()): RunInfo {
  // The five tables, then the participant plan when the workbook has one (it keys pool b's budget lines).
  const tables = [...TABLE_KEYS, PLAN_TABLE.key].flatMap((key) => {
    const info = model.tables[key];
    const t = info && raw.tables.find((x) => x.name === info.name && x.sheet === info.sheet);
    return t ? [{ key, name: t.name, sheet: t.sheet, rows: t.rows.length, fingerprint: tableFingerprint(t) }] : [];
  });
  return { time: time.toISOString(), program: PROGRAM.name, version: PROGRAM.version, tables };
}

/**
 * Step 3: the output sheets, or the reason there are none. `raw` gives the run log and the cells shown
 * as written. The input sheet the run adds (if any) comes first: it goes before the outputs.
 */
export function layoutOutputs({ problems, model, allocation, added }: Allocated, raw?: RawWorkbook, time?: Date): PipelineResult {
  if (!model || !allocation) return { ok: false, problems, model };
  const used = raw && withAdded(raw, added);
  const outputs = buildOutputSheets(model, allocation, used ? { raw: used, run: runInfo(used, model, time) } : {});
  return { ok: true, problems, model, allocation, sheets: added ? [added.spec, ...outputs] : outputs };
}

/** Validates and allocates. Warnings come back with a successful result; errors make it fail. */
export function validateAndAllocate(raw: RawWorkbook): Allocated {
  return allocateInputs(validateInputs(raw));
}

export function computeOutputs(raw: RawWorkbook, time?: Date): PipelineResult {
  return layoutOutputs(validateAndAllocate(raw), raw, time);
}

// In the domain, so the task pane's app (run.ts) needs nothing else of the pipeline (bench 5a).
export { hasErrors } from '../domain/problems';
