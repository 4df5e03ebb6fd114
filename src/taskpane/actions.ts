/** Which action the pane offers as its primary button, following the state of the workbook. */
import { TABLE_KEYS, type TableKey } from '../app/vocabulary';
import { freshness, type PaneState } from './state';

export type PaneAction = 'template' | 'validate' | 'run';

export function missingTables(found: Record<string, string | null>): TableKey[] {
  return TABLE_KEYS.filter((k) => !found[k]);
}

/**
 * No input tables yet: create the template. Errors: check the inputs again once fixed. No result,
 * or a result that is not current: calculate. A current result: nothing is primary in the bar
 * (the result card's "open" is).
 */
export function primaryAction(state: Pick<PaneState, 'validation' | 'problems' | 'result' | 'inputs' | 'changeSeq'>): PaneAction | null {
  const v = state.validation;
  if (!v) return null;
  if (missingTables(v.tablesFound).length) return 'template';
  if ((state.problems ?? []).some((p) => p.severity === 'error')) return 'validate';
  if (!state.result) return 'run';
  return freshness(state, state.result.fingerprint) === 'current' ? null : 'run';
}

/** The buttons of the action bar, in order; the run button lives in the result card once there is a result. */
export function barActions(state: Pick<PaneState, 'validation' | 'result'>): PaneAction[] {
  const out: PaneAction[] = [];
  if (state.validation && missingTables(state.validation.tablesFound).length) out.push('template');
  if (!state.result) out.push('run');
  out.push('validate');
  return out;
}
