/** The application over any WorkbookPort: validate, run (allocate and write), verify. */
import { PLAN_TABLE } from '../domain/contract';
import { MASTER_CHECK_ROW, OUTPUT_SHEET_NAMES, SHEETS } from '../workbook/layout';
import { tableFingerprint } from '../domain/fingerprint';
import { groupFindings } from './verifyCauses';
import type { WorkbookPort } from '../workbook/port';
import type { AllocationApp, RunReport, RunStep, ValidationReport, VerifyCause, VerifyReport, VerifyStep } from './api';
import type { Engine } from './engine';
import { hasErrors } from '../domain/problems';
import { cachedValuesMissing, compareOutputs, formulaCounts, nameCauses, readRunLog, tableRangeCauses } from './verify';
import { ALL_OUTPUT_NAMES, outputConflicts } from './conflicts';
import { localEngine } from './localEngine';
import { tablesFound } from './summaries';

// Where the command line and the tests have always found them.
export { engineMasterCheck, summarise, summariseInvoicing, tablesFound } from './summaries';

/** Lets the event loop run (the UI paints) before the next synchronous step. */
const nextTurn = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

// The engine in this thread, where it always was (the command line, the preview and the tests import it from here).
export { localEngine };

export interface AppOptions {
  /** Where the pure computation runs (default: localEngine, in this thread). */
  engine?: Engine;
  /** The clock of the run log (tests that compare two runs fix it). */
  now?: () => Date;
}

export function createAllocationApp(port: WorkbookPort, options: AppOptions = {}): AllocationApp {
  return createAllocationAppWith(port, { ...options, engine: options.engine ?? localEngine });
}

/**
 * The same with the engine given (the task pane's Web Worker): nothing here refers to the local
 * engine, so the pane's bundle leaves the engine to the worker (bench 5a).
 */
export function createAllocationAppWith(port: WorkbookPort, options: AppOptions & { engine: Engine }): AllocationApp {
  const engine = options.engine;
  const now = options.now ?? (() => new Date());
  return {
    async validate(): Promise<ValidationReport> {
      const raw = await port.readTables();
      const [v, own] = await Promise.all([engine.validate(raw), port.ownSheetNames()]);
      // What run would refuse too: output names taken by the user's own sheets and tables.
      const problems = [...v.problems, ...outputConflicts(raw, own, v.outputs ?? ALL_OUTPUT_NAMES)];
      const { outputs: _outputs, ...report } = v;
      return { ...report, problems, ok: !hasErrors(problems) };
    },

    async run(onProgress?: (step: RunStep) => void): Promise<RunReport> {
      // Each step is reported before it starts, with a pause so the task pane can paint it
      // (the local engine is synchronous and takes seconds on very large workbooks).
      const step = async (name: RunStep) => {
        onProgress?.(name);
        if (onProgress) await nextTurn();
      };
      await step('read');
      const raw = await port.readTables();
      const result = await engine.compute(raw, step, now());
      const where = { tables: result.tables, fingerprint: result.fingerprint };
      if (!result.ok) return { ok: false, problems: result.problems, ...where };
      const conflicts = outputConflicts(raw, await port.ownSheetNames(), result.sheets);
      if (conflicts.length) return { ok: false, problems: [...result.problems, ...conflicts], ...where };
      onProgress?.('write');
      const written = await port.replaceOutputs(result.sheets);
      onProgress?.('done');
      return { ok: true, problems: result.problems, summary: { ...result.summary, ...(written ? { write: written } : {}) }, ...where };
    },

    async verify(onProgress?: (step: VerifyStep) => void): Promise<VerifyReport> {
      onProgress?.('read');
      const raw = await port.readTables();
      onProgress?.('compute');
      const result = await engine.compute(raw);
      onProgress?.('readOutputs');
      const own = new Set(await port.ownSheetNames());
      const present = OUTPUT_SHEET_NAMES.filter((n) => own.has(n));
      // Values as Excel would show them now: on Manual calculation the adapter recalculates first.
      await port.recalculate?.();
      const actual = await port.readOutputCells(present);
      const causes: VerifyCause[] = [];
      // 1. The root cause: an input table changed after the run (fingerprints of the run log).
      const log = readRunLog(actual, SHEETS.runLog);
      const found = tablesFound(raw);
      const changedTables: string[] = [];
      if (log) {
        for (const [key, was] of log.tables) {
          const t = raw.tables.find((x) => x.name === found[key]);
          if (!t || tableFingerprint(t) !== was.fingerprint) changedTables.push(key);
        }
        // A participant plan added after the run (the log has a row for it only when there was one).
        if (found[PLAN_TABLE.key] && !log.tables.has(PLAN_TABLE.key)) changedTables.push(PLAN_TABLE.key);
        if (changedTables.length)
          causes.push({
            code: 'inputs-changed',
            params: { time: log.time, tables: changedTables.map((k) => found[k] ?? k).join(', ') },
            cells: [],
            count: changedTables.length,
          });
      } else if (present.length) causes.push({ code: 'no-run-log', params: {}, cells: [], count: 0 });
      if (!result.ok) {
        causes.push({ code: 'inputs-invalid', params: {}, cells: [], count: result.problems.length });
        return {
          ok: false,
          problems: result.problems,
          findings: [],
          cellsChecked: 0,
          causes,
          changedTables,
          fingerprint: result.fingerprint,
        };
      }
      const expected = result.sheets.filter((s) => s.name !== SHEETS.runLog && !s.input);
      // 2. A file saved without calculating: say so once, and compare the formulas only.
      const cache = cachedValuesMissing(
        expected.filter((s) => present.includes(s.name)),
        actual,
      );
      if (cache.missing) causes.unshift({ code: 'recalculate-first', params: { count: cache.count }, cells: [], count: cache.count });
      onProgress?.('compare');
      if (onProgress) await nextTurn();
      const { findings, cellsChecked } = compareOutputs(expected, actual, !cache.missing);
      // 3. The output tables' ranges and the defined names.
      causes.push(...tableRangeCauses(expected, raw.tables));
      if (port.readDefinedNames) causes.push(...nameCauses(expected, await port.readDefinedNames()));
      causes.push(...groupFindings(findings, formulaCounts(expected), changedTables.length > 0));
      // 4. The workbook's own master check, when it was computed.
      const master = actual.find((c) => c.sheet === SHEETS.checks && c.address === `B${MASTER_CHECK_ROW + 1}`);
      if (!cache.missing && master && master.value !== true) {
        const labels = new Map(
          actual.filter((c) => c.sheet === SHEETS.checks && c.address.startsWith('A')).map((c) => [c.address.slice(1), c.value]),
        );
        const falseRows = actual.filter(
          (c) =>
            c.sheet === SHEETS.checks &&
            c.address.startsWith('B') &&
            c.address !== master.address &&
            c.value !== true &&
            c.formula !== undefined,
        );
        causes.push({
          code: 'master-false',
          params: {
            checks: falseRows
              .map((c) => String(labels.get(c.address.slice(1)) ?? c.address))
              .slice(0, 5)
              .join('; '),
          },
          cells: falseRows.map((c) => `${c.sheet}!${c.address}`),
          count: falseRows.length,
        });
      }
      // A result without a run log (written by an earlier version) can still match: the note stays.
      const ok = findings.length === 0 && causes.every((c) => c.code === 'no-run-log');
      if (ok) causes.push({ code: 'ok', params: { count: cellsChecked }, cells: [], count: cellsChecked });
      return { ok, problems: result.problems, findings, cellsChecked, causes, changedTables, fingerprint: result.fingerprint };
    },

    async fingerprint(): Promise<string> {
      return engine.fingerprint(await port.readTables());
    },
  };
}
