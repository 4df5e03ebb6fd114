/**
 * The pane's state as a pure reducer, so every transition (and what the screen reader hears about
 * it) is testable without a browser.
 */
import type { RunReport, RunStep, ValidationReport, VerifyReport } from '../app/api';
import type { Problem } from '../app/vocabulary';
import type { MessageKey, Params, Translate } from './i18n';
import { stepKey } from './i18n';

export type Action = 'validate' | 'run' | 'verify' | 'template' | 'setting';

/** A message for the user, kept as key + params so a language change re-renders it. */
export interface Notice {
  key: MessageKey;
  params?: Params;
}

export interface PaneState {
  /** The action in progress; the buttons are disabled while one runs. */
  busy: Action | null;
  /** The last validation (table status, settings, problems). */
  validation: ValidationReport | null;
  /** Problems on display and where they came from (a validation or a run that stopped on errors). */
  problems: Problem[] | null;
  /** Steps reported by the running calculation, in order. */
  steps: RunStep[];
  run: RunReport | null;
  verify: VerifyReport | null;
  /** A failure of an action (exception), shown as an error bar. */
  failure: Notice | null;
  /** A short success note (template created, setting saved). */
  note: Notice | null;
  /** What the aria-live region says now. */
  announcement: Notice | null;
}

export const initialState: PaneState = {
  busy: null,
  validation: null,
  problems: null,
  steps: [],
  run: null,
  verify: null,
  failure: null,
  note: null,
  announcement: null,
};

export type PaneEvent =
  | { type: 'start'; action: Action }
  | { type: 'validated'; report: ValidationReport }
  | { type: 'progress'; step: RunStep }
  | { type: 'ran'; report: RunReport }
  | { type: 'verified'; report: VerifyReport }
  | { type: 'noted'; note: Notice }
  | { type: 'failed'; failure: Notice };

export function countProblems(problems: Problem[]): { errors: number; warnings: number } {
  let errors = 0;
  for (const p of problems) if (p.severity === 'error') errors++;
  return { errors, warnings: problems.length - errors };
}

export function reduce(state: PaneState, ev: PaneEvent): PaneState {
  switch (ev.type) {
    case 'start':
      return {
        ...state,
        busy: ev.action,
        failure: null,
        note: null,
        // a new run clears the old result so a stale summary is never shown beside new progress
        ...(ev.action === 'run' ? { run: null, steps: [], verify: null } : {}),
        ...(ev.action === 'verify' ? { verify: null } : {}),
        announcement: ev.action === 'run' ? { key: 'runHeading' } : state.announcement,
      };
    case 'validated': {
      const c = countProblems(ev.report.problems);
      return {
        ...state,
        busy: null,
        validation: ev.report,
        problems: ev.report.problems,
        announcement: { key: 'validateDone', params: { errors: c.errors, warnings: c.warnings } },
      };
    }
    case 'progress':
      return {
        ...state,
        steps: state.steps.includes(ev.step) ? state.steps : [...state.steps, ev.step],
        announcement: { key: stepKey(ev.step) },
      };
    case 'ran': {
      const r = ev.report;
      return {
        ...state,
        busy: null,
        run: r,
        problems: r.problems,
        announcement: r.ok && r.summary
          ? { key: 'runDone', params: { year: r.summary.year, sheets: r.summary.sheets.join(', ') } }
          : { key: 'runFailed' },
      };
    }
    case 'verified': {
      const r = ev.report;
      let announcement: Notice;
      if (r.findings.length) announcement = { key: 'verifyFindings', params: { count: r.findings.length, checked: r.cellsChecked } };
      else if (r.problems.some((p) => p.severity === 'error')) announcement = { key: 'verifyInputErrors' };
      else if (r.cellsChecked === 0) announcement = { key: 'verifyNoOutputs' };
      else announcement = { key: 'verifyOk', params: { count: r.cellsChecked } };
      return { ...state, busy: null, verify: r, announcement };
    }
    case 'noted':
      return { ...state, busy: null, note: ev.note, announcement: ev.note };
    case 'failed':
      return { ...state, busy: null, failure: ev.failure, announcement: ev.failure };
  }
}

/** An exception from an action as a notice the user can act on. */
export function failureOf(e: unknown): Notice {
  const err = e as { name?: string; message?: string; sheet?: string; table?: string } | null;
  if (err && err.name === 'SheetConflictError' && typeof err.sheet === 'string') {
    return { key: 'errorSheetConflict', params: { sheet: err.sheet } };
  }
  if (err && err.name === 'TableNameConflictError' && typeof err.table === 'string') {
    return { key: 'errorTableConflict', params: { table: err.table, sheet: err.sheet ?? '' } };
  }
  if (err && err.name === 'WorkbookChangedError' && typeof err.table === 'string') {
    return { key: 'errorWorkbookChanged', params: { table: err.table, sheet: err.sheet ?? '' } };
  }
  const message = err && typeof err.message === 'string' && err.message ? err.message : String(e);
  return { key: 'errorUnexpected', params: { message } };
}

export function noticeText(n: Notice, tr: Translate): string {
  return tr(n.key, n.params);
}

/** Progress of a run as 0..1 for the progress bar (the app reports a subset of the steps). */
export function progressOf(steps: RunStep[]): number {
  const order: RunStep[] = ['read', 'validate', 'allocate', 'layout', 'write', 'done'];
  if (!steps.length) return 0;
  const last = Math.max(...steps.map((s) => order.indexOf(s)));
  return (last + 1) / order.length;
}
