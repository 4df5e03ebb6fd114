/**
 * The pane's state as a pure reducer, so every transition (and what the screen reader hears about
 * it) is testable without a browser.
 *
 * Staleness: every read of the input tables gives a fingerprint (src/app/inputs.ts). `inputs` is
 * the latest one with the change counter at the moment the read started; `changeSeq` counts the
 * changes seen since (the pane's own edits, Excel's change events). A result or an audit is
 * current only while no change has been seen since the last read and that read's fingerprint is
 * the one the result was computed from.
 */
import type { RunReport, RunStep, RunSummary, TableLocation, ValidationReport, VerifyReport, VerifyStep } from '../app/api';
import type { StoredResult } from '../app/host';
import { isPlanTable, type Problem } from '../app/vocabulary';
import type { MessageKey, Params, Translate } from './i18n';
import { stepKey } from './i18n';

export type Action = 'validate' | 'run' | 'verify' | 'template' | 'plan' | 'setting';

/** A message for the user, kept as key + params so a language change re-renders it. */
export interface Notice {
  key: MessageKey;
  params?: Params;
}

/** The result on display: from a run in this pane, or kept in the document by an earlier one. */
export interface ResultView {
  summary: RunSummary;
  /** The run's warnings (errors stop a run; a restored result has none). */
  warnings: Problem[];
  fingerprint: string;
  /** When the run finished (ISO 8601). */
  at: string;
  restored: boolean;
}

export interface PaneState {
  /** The action in progress; the buttons are disabled while one runs. */
  busy: Action | null;
  /** The last validation (table status, settings, problems). */
  validation: ValidationReport | null;
  /** Problems on display (from a validation or a run that stopped on errors). */
  problems: Problem[] | null;
  /** Where the input tables are, for the problems' links (from the latest read). */
  tables: TableLocation[];
  /** Steps reported by the running calculation, in order. */
  steps: RunStep[];
  verifySteps: VerifyStep[];
  result: ResultView | null;
  /** The last run stopped on input errors (nothing was written). */
  runFailed: boolean;
  verify: VerifyReport | null;
  /** A failure of an action (exception), shown as a dismissible error bar (role=alert: announced once). */
  failure: Notice | null;
  /** A short success note (template created, setting saved). */
  note: Notice | null;
  /** What the aria-live region says now. */
  announcement: Notice | null;
  /** Changes to the inputs seen so far. */
  changeSeq: number;
  /** The latest fingerprint of the inputs and changeSeq when the read that gave it started. */
  inputs: { fingerprint: string; seq: number } | null;
  /** Bumped when the result card should take the focus (after a run). */
  focusResult: number;
}

export const initialState: PaneState = {
  busy: null,
  validation: null,
  problems: null,
  tables: [],
  steps: [],
  verifySteps: [],
  result: null,
  runFailed: false,
  verify: null,
  failure: null,
  note: null,
  announcement: null,
  changeSeq: 0,
  inputs: null,
  focusResult: 0,
};

export type PaneEvent =
  | { type: 'start'; action: Action }
  | { type: 'validated'; report: ValidationReport; seq: number }
  | { type: 'progress'; step: RunStep }
  | { type: 'verifyProgress'; step: VerifyStep }
  | { type: 'ran'; report: RunReport; seq: number; at: string }
  | { type: 'restored'; stored: StoredResult }
  | { type: 'verified'; report: VerifyReport; seq: number }
  | { type: 'fingerprinted'; fingerprint: string; seq: number }
  | { type: 'inputsChanged' }
  | { type: 'noted'; note: Notice }
  | { type: 'failed'; failure: Notice }
  | { type: 'dismiss'; what: 'failure' | 'note' };

export type Freshness = 'current' | 'stale' | 'checking';

/** Is what was computed from `fingerprint` still what the workbook holds? */
export function freshness(state: Pick<PaneState, 'inputs' | 'changeSeq'>, fingerprint: string | undefined): Freshness {
  if (!state.inputs) return 'checking';
  if (state.changeSeq > state.inputs.seq || !fingerprint) return 'stale';
  return state.inputs.fingerprint === fingerprint ? 'current' : 'stale';
}

export function countProblems(problems: Problem[]): { errors: number; warnings: number } {
  let errors = 0;
  for (const p of problems) if (p.severity === 'error') errors++;
  return { errors, warnings: problems.length - errors };
}

/** The newer of two reads: a read that started before the one we have must not replace it. */
function known(state: PaneState, fingerprint: string | undefined, seq: number): PaneState['inputs'] {
  if (!fingerprint) return state.inputs;
  if (state.inputs && state.inputs.seq > seq) return state.inputs;
  return { fingerprint, seq };
}

/** Tell the screen reader once when what was current becomes stale. */
function staleNotice(before: PaneState, after: PaneState): Notice | null {
  const was = before.result && freshness(before, before.result.fingerprint) === 'current';
  const now = after.result && freshness(after, after.result.fingerprint) === 'stale';
  return was && now ? { key: 'resultStaleAnnounce' } : null;
}

export function reduce(state: PaneState, ev: PaneEvent): PaneState {
  switch (ev.type) {
    case 'start':
      return {
        ...state,
        busy: ev.action,
        failure: null,
        note: null,
        ...(ev.action === 'run' ? { steps: [], runFailed: false } : {}),
        ...(ev.action === 'verify' ? { verify: null, verifySteps: [] } : {}),
        announcement: ev.action === 'run' ? { key: 'runHeading' } : ev.action === 'verify' ? { key: 'verifyHeading' } : state.announcement,
      };
    case 'validated': {
      const c = countProblems(ev.report.problems);
      const next: PaneState = {
        ...state,
        busy: null,
        validation: ev.report,
        problems: ev.report.problems,
        tables: ev.report.tables ?? state.tables,
        inputs: known(state, ev.report.fingerprint, ev.seq),
      };
      return {
        ...next,
        announcement: staleNotice(state, next) ?? { key: 'validateDone', params: { errors: c.errors, warnings: c.warnings } },
      };
    }
    case 'progress':
      return {
        ...state,
        steps: state.steps.includes(ev.step) ? state.steps : [...state.steps, ev.step],
        announcement: { key: stepKey(ev.step) },
      };
    case 'verifyProgress':
      return { ...state, verifySteps: state.verifySteps.includes(ev.step) ? state.verifySteps : [...state.verifySteps, ev.step] };
    case 'ran': {
      const r = ev.report;
      // A run may add the empty participant plan (issue 12): the table status follows without a re-read.
      const plan = r.tables?.find((t) => isPlanTable(t.name));
      const v = state.validation;
      const validation = v && plan && !v.tablesFound.suunnitelma ? { ...v, tablesFound: { ...v.tablesFound, suunnitelma: plan.name } } : v;
      const base: PaneState = {
        ...state,
        validation,
        busy: null,
        problems: r.problems,
        tables: r.tables ?? state.tables,
        inputs: known(state, r.fingerprint, ev.seq),
      };
      if (!r.ok || !r.summary) return { ...base, runFailed: true, announcement: { key: 'runFailed' } };
      return {
        ...base,
        runFailed: false,
        result: { summary: r.summary, warnings: r.problems, fingerprint: r.fingerprint ?? '', at: ev.at, restored: false },
        focusResult: state.focusResult + 1,
        announcement: { key: 'runDone', params: { year: r.summary.year, sheets: r.summary.sheets.join(', ') } },
      };
    }
    case 'restored':
      // A result from this session wins over the one kept in the document.
      if (state.result) return state;
      return {
        ...state,
        result: { summary: ev.stored.summary, warnings: [], fingerprint: ev.stored.fingerprint, at: ev.stored.at, restored: true },
      };
    case 'verified': {
      const r = ev.report;
      let announcement: Notice;
      if (r.findings.length) announcement = { key: 'verifyFindings', params: { count: r.findings.length, checked: r.cellsChecked } };
      else if (r.problems.some((p) => p.severity === 'error')) announcement = { key: 'verifyInputErrors' };
      else if (r.cellsChecked === 0) announcement = { key: 'verifyNoOutputs' };
      else announcement = { key: 'verifyOk', params: { count: r.cellsChecked } };
      return { ...state, busy: null, verify: r, inputs: known(state, r.fingerprint, ev.seq), announcement };
    }
    case 'fingerprinted': {
      const next = { ...state, inputs: known(state, ev.fingerprint, ev.seq) };
      const notice = staleNotice(state, next);
      return notice ? { ...next, announcement: notice } : next;
    }
    case 'inputsChanged': {
      const next = { ...state, changeSeq: state.changeSeq + 1 };
      const notice = staleNotice(state, next);
      return notice ? { ...next, announcement: notice } : next;
    }
    case 'noted':
      return { ...state, busy: null, note: ev.note, announcement: ev.note };
    case 'failed':
      // The error bar is an alert: it is announced by itself, so the live region stays quiet.
      return { ...state, busy: null, steps: [], verifySteps: [], failure: ev.failure, announcement: null };
    case 'dismiss':
      return { ...state, [ev.what]: null };
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

/** Progress of the auditor's check as 0..1. */
export function verifyProgressOf(steps: VerifyStep[]): number {
  const order: VerifyStep[] = ['read', 'compute', 'readOutputs', 'compare'];
  if (!steps.length) return 0;
  return (Math.max(...steps.map((s) => order.indexOf(s))) + 1) / (order.length + 1);
}
