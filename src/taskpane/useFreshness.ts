/**
 * Keeping the pane's result honest while the user works in the workbook:
 * - Excel's change events on the input tables (Host.watchTables) mark the result stale at once,
 *   and the inputs are checked again once the user pauses;
 * - as a fallback where events are missing (older Excel, changes the events do not cover), the
 *   inputs' fingerprint is compared again whenever the pane gets the focus back.
 */
import * as React from 'react';
import type { AllocationApp } from '../app/api';
import type { Host } from '../app/host';
import type { PaneEvent, PaneState } from './state';

/** How long after the last change the inputs are read again. */
export const RECHECK_DELAY_MS = 1500;
/** At most one focus re-check in this interval. */
const FOCUS_INTERVAL_MS = 2000;

export interface FreshnessDeps {
  app: AllocationApp;
  host: Host;
  state: PaneState;
  dispatch: React.Dispatch<PaneEvent>;
  /** Counts a change (keeps the change counter in step with the state). */
  changed: () => void;
  /** The change counter now, for a read about to start. */
  seq: () => number;
  /** Re-validates in the background when no action is running. */
  recheck: () => void;
}

export function useFreshness({ app, host, state, dispatch, changed, seq, recheck }: FreshnessDeps): void {
  const timer = React.useRef<ReturnType<typeof setTimeout> | null>(null);
  const recheckRef = React.useRef(recheck);
  React.useEffect(() => {
    recheckRef.current = recheck;
  }, [recheck]);

  const onChange = React.useCallback(() => {
    changed();
    if (timer.current) clearTimeout(timer.current);
    timer.current = setTimeout(() => recheckRef.current(), RECHECK_DELAY_MS);
  }, [changed]);

  React.useEffect(() => () => void (timer.current && clearTimeout(timer.current)), []);

  // Watch the input tables found by the latest read; again whenever that set changes.
  const names = state.tables
    .map((t) => t.name)
    .sort()
    .join('\n');
  React.useEffect(() => {
    if (!host.watchTables || !names) return undefined;
    let stop: (() => void) | null = null;
    let cancelled = false;
    host
      .watchTables(names.split('\n'), onChange)
      .then((s) => (cancelled ? s() : (stop = s)))
      .catch(() => undefined); // no events: the focus check still works
    return () => {
      cancelled = true;
      stop?.();
    };
  }, [host, names, onChange]);

  const shown = Boolean(state.result || state.verify);
  const busy = state.busy !== null;
  const last = React.useRef(0);
  React.useEffect(() => {
    if (!shown) return undefined;
    const check = () => {
      if (busy || document.visibilityState === 'hidden' || Date.now() - last.current < FOCUS_INTERVAL_MS) return;
      last.current = Date.now();
      const at = seq();
      app.fingerprint().then(
        (fingerprint) => dispatch({ type: 'fingerprinted', fingerprint, seq: at }),
        () => undefined, // a failed read says nothing about the inputs; the next focus tries again
      );
    };
    window.addEventListener('focus', check);
    document.addEventListener('visibilitychange', check);
    return () => {
      window.removeEventListener('focus', check);
      document.removeEventListener('visibilitychange', check);
    };
  }, [app, shown, busy, seq, dispatch]);
}
