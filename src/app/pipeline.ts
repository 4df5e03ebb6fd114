/**
 * The whole computation from raw tables to output sheets, pure and synchronous: the one path that
 * the task pane, the preview, the command line and the tests all take.
 */
import { allocate, type Allocation } from '../domain/allocate';
import { parseWorkbook } from '../domain/parse';
import { InputError, type Problem } from '../domain/problems';
import type { RawWorkbook } from '../domain/raw';
import type { InputModel } from '../domain/types';
import { buildOutputSheets } from '../workbook/layout';
import type { SheetSpec } from '../workbook/sheetSpec';

export type PipelineResult =
  | { ok: true; problems: Problem[]; model: InputModel; allocation: Allocation; sheets: SheetSpec[] }
  | { ok: false; problems: Problem[]; model: InputModel | null };

/** Validates and allocates. Warnings come back with a successful result; errors make it fail. */
export function validateAndAllocate(raw: RawWorkbook): { problems: Problem[]; model: InputModel | null; allocation: Allocation | null } {
  const parsed = parseWorkbook(raw);
  if (!parsed.model) return { problems: parsed.problems, model: null, allocation: null };
  try {
    const allocation = allocate(parsed.model);
    return { problems: [...parsed.problems, ...allocation.warnings], model: parsed.model, allocation };
  } catch (e) {
    if (e instanceof InputError) return { problems: [...parsed.problems, ...e.problems], model: parsed.model, allocation: null };
    throw e;
  }
}

export function computeOutputs(raw: RawWorkbook): PipelineResult {
  const { problems, model, allocation } = validateAndAllocate(raw);
  if (!model || !allocation) return { ok: false, problems, model };
  return { ok: true, problems, model, allocation, sheets: buildOutputSheets(model, allocation) };
}

export function hasErrors(problems: Problem[]): boolean {
  return problems.some((p) => p.severity === 'error');
}
