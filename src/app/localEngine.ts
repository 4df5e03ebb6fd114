/**
 * The engine in the caller's own thread: the default of createAllocationApp (command line, preview,
 * tests), the Web Worker's engine (engine.worker.ts), and the task pane's fallback when its worker
 * fails. A module of its own so that the pane's bundle, which runs the engine in the worker, does
 * not carry it too (bench 5a): the pane loads it only if the worker fails.
 */
import type { Engine, EngineResult } from './engine';
import { inputsFingerprint, readableSettings, tableLocations } from './inputs';
import { allocateInputs, layoutOutputs, validateAndAllocate, validateInputs, withAdded } from './pipeline';
import { summariseBudgetKeys, summariseInvoiceRows } from './invoiceData';
import { engineMasterCheck, summarise, summariseInvoicing, tablesFound } from './summaries';

export const localEngine: Engine = {
  async validate(raw) {
    const allocated = validateAndAllocate(raw);
    const { problems, model } = allocated;
    const laid = allocated.allocation ? layoutOutputs(allocated) : null;
    return {
      problems,
      outputs: laid?.ok ? laid.sheets.map((s) => ({ name: s.name, tables: s.tables })) : undefined,
      tablesFound: tablesFound(raw),
      settings: model?.settings ?? readableSettings(raw),
      tables: tableLocations(raw),
      fingerprint: inputsFingerprint(raw),
    };
  },
  async compute(raw, onStep, time): Promise<EngineResult> {
    await onStep?.('validate');
    const parsed = validateInputs(raw);
    // Located and fingerprinted as the workbook will stand after the write (with a plan the run adds).
    const used = withAdded(raw, parsed.added);
    const where = { tables: tableLocations(used), fingerprint: inputsFingerprint(used) };
    if (parsed.model) await onStep?.('allocate');
    const allocated = allocateInputs(parsed);
    if (allocated.allocation) await onStep?.('layout');
    const result = layoutOutputs(allocated, raw, time);
    if (!result.ok) return { ok: false, problems: result.problems, ...where };
    return {
      ok: true,
      problems: result.problems,
      ...where,
      sheets: result.sheets,
      summary: {
        year: result.allocation.year,
        kinds: summarise(result.model, result.allocation),
        sheets: result.sheets.filter((s) => !s.input).map((s) => s.name),
        masterCheck: engineMasterCheck(result.model, result.allocation),
        invoicing: summariseInvoicing(result.model, result.allocation),
        invoiceRows: summariseInvoiceRows(result.model, result.allocation),
        budgetKeys: summariseBudgetKeys(result.allocation),
      },
    };
  },
  async fingerprint(raw) {
    return inputsFingerprint(raw);
  },
};
