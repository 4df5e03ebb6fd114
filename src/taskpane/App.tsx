/**
 * The task pane: the one container that talks to the application (AllocationApp) and the host
 * (Host). Every component below it gets data and callbacks only. The same component runs inside
 * Excel (src/taskpane/index.tsx) and in the browser preview (src/preview/index.tsx).
 */
import * as React from 'react';
import { FluentProvider, MessageBar, MessageBarBody, webDarkTheme, webLightTheme } from '@fluentui/react-components';
import type { AllocationApp, RunStep, VerifyStep } from '../app/api';
import type { Host, SettingValue } from '../app/host';
import type { CellTarget, Lang, SettingKey } from '../app/vocabulary';
import { barActions, primaryAction } from './actions';
import { langOf, settingLabelKey, translator, type Translate } from './i18n';
import { failureOf, freshness, initialState, noticeText, reduce, type Action } from './state';
import { PANE_CSS } from './styles';
import { useFreshness } from './useFreshness';
import { ActionBar } from './components/ActionBar';
import { AuditSection } from './components/AuditSection';
import { Header } from './components/Header';
import { Notices } from './components/Notices';
import { ProblemList } from './components/ProblemList';
import { ResultCard } from './components/ResultCard';
import { ResultDetails } from './components/ResultDetails';
import { RunProgress } from './components/RunProgress';
import { SettingsPanel } from './components/SettingsPanel';
import { TableStatus } from './components/TableStatus';

export interface AppProps {
  app: AllocationApp;
  host: Host;
  /** Extra invoicing actions (e.g. a CSV download) shown beside "copy". */
  invoicingActions?: React.ReactNode;
}

/** Budget year for a new template: the settings' year, else next year (budgets are made a year ahead). */
export function templateYear(settingsYear: number | undefined, today: Date = new Date()): number {
  return settingsYear && settingsYear >= 2000 ? settingsYear : today.getFullYear() + 1;
}

export function App({ app, host, invoicingActions }: AppProps): React.ReactElement {
  const lang: Lang = langOf(host.displayLanguage);
  const tr: Translate = React.useMemo(() => translator(lang), [lang]);
  const [state, dispatch] = React.useReducer(reduce, initialState);
  const [localActual, setLocalActual] = React.useState<Record<string, string>>({});
  // Refs, not state: two quick clicks must not start two actions before React re-renders, and a
  // read must know the change count at the moment it starts.
  const busyRef = React.useRef(false);
  const seqRef = React.useRef(0);
  const cardRef = React.useRef<HTMLElement | null>(null);
  const seq = React.useCallback(() => seqRef.current, []);
  const changed = React.useCallback(() => {
    seqRef.current += 1;
    dispatch({ type: 'inputsChanged' });
  }, []);

  const act = React.useCallback(async (action: Action, fn: () => Promise<void>) => {
    if (busyRef.current) return;
    busyRef.current = true;
    dispatch({ type: 'start', action });
    try {
      await fn();
    } catch (e) {
      dispatch({ type: 'failed', failure: failureOf(e) });
    } finally {
      busyRef.current = false;
    }
  }, []);

  const validateNow = React.useCallback(async () => {
    const at = seqRef.current;
    dispatch({ type: 'validated', report: await app.validate(), seq: at });
  }, [app]);
  const validate = React.useCallback(() => act('validate', validateNow), [act, validateNow]);

  React.useEffect(() => {
    void validate();
    host.loadResult?.().then(
      (stored) => stored && dispatch({ type: 'restored', stored }),
      () => undefined, // nothing kept, or not readable: the pane starts without a result
    );
  }, [validate, host]);

  useFreshness({ app, host, state, dispatch, changed, seq, recheck: () => void (busyRef.current ? undefined : validate()) });

  React.useEffect(() => {
    if (!state.focusResult) return;
    cardRef.current?.focus();
    globalThis.performance?.mark?.('tym:result:shown'); // for the bench: the run is over for the user
  }, [state.focusResult]);

  const run = () =>
    act('run', async () => {
      globalThis.performance?.mark?.('tym:run:start');
      const at = seqRef.current;
      const report = await app.run((step: RunStep) => dispatch({ type: 'progress', step }));
      const finished = new Date().toISOString();
      // A transition: React renders the result in slices, so the page keeps answering meanwhile.
      React.startTransition(() => dispatch({ type: 'ran', report, seq: at, at: finished }));
      if (report.ok && report.summary && report.fingerprint && host.saveResult) {
        // Kept in the document for the next time the pane opens; a failure here loses nothing now.
        host.saveResult({ version: 1, at: finished, fingerprint: report.fingerprint, summary: report.summary }).catch(() => undefined);
      }
    });

  const verify = () =>
    act('verify', async () => {
      const at = seqRef.current;
      setLocalActual({});
      const report = await app.verify((step: VerifyStep) => dispatch({ type: 'verifyProgress', step }));
      dispatch({ type: 'verified', report, seq: at });
      const formulas = report.findings.filter((f) => f.actual.startsWith('=')).slice(0, 200);
      if (host.localFormulas && formulas.length) {
        host.localFormulas(formulas.map((f) => ({ sheet: f.sheet, address: f.address }))).then(
          (local) =>
            setLocalActual(Object.fromEntries(formulas.flatMap((f, i) => (local[i] ? [[`${f.sheet}!${f.address}`, local[i]!]] : [])))),
          () => undefined, // the pane's own translation stays
        );
      }
    });

  const createTemplate = () =>
    act('template', async () => {
      const v = state.validation;
      await host.createTemplate(v?.tablesFound ?? {}, templateYear(v?.settings?.year));
      changed();
      await validateNow();
      dispatch({ type: 'noted', note: { key: 'templateCreated' } });
    });

  // Just the optional participant plan (issue 12), into a workbook that has the five tables.
  const addPlan = host.addPlanTable
    ? () =>
        act('plan', async () => {
          const sheet = await host.addPlanTable!(templateYear(state.validation?.settings?.year));
          // A new input table: what was computed before it is stale until the next run.
          changed();
          await validateNow();
          dispatch({ type: 'noted', note: sheet ? { key: 'planAdded', params: { sheet } } : { key: 'planExists' } });
        })
    : undefined;

  const updateSetting = host.updateSetting
    ? (key: SettingKey, value: SettingValue) =>
        act('setting', async () => {
          const table = state.validation?.tablesFound.asetukset ?? 'Asetukset';
          await host.updateSetting!(key, value, table);
          changed();
          await validateNow();
          dispatch({ type: 'noted', note: { key: 'settingSaved', params: { setting: tr(settingLabelKey(key)) } } });
        })
    : undefined;

  const select = (target: CellTarget) => {
    host.selectCell(target.sheet, target.address).catch((e: unknown) => dispatch({ type: 'failed', failure: failureOf(e) }));
  };

  const busy = state.busy !== null;
  const v = state.validation;
  const running = state.busy === 'run';
  const fresh = state.result ? freshness(state, state.result.fingerprint) : 'checking';
  // A missing table is shown by the table status, with the template as the action; not twice.
  const listed = state.problems?.filter((p) => p.code !== 'table-missing') ?? null;
  const showProblems =
    listed !== null &&
    (listed.length > 0 || state.problems!.length === 0) &&
    (!state.result || fresh !== 'current' || state.runFailed || listed.some((p) => p.severity === 'error'));

  return (
    // No layout class on the provider: Fluent copies the provider's className to its portals
    // (drop-down lists, info pop-ups), which must not get the pane's padding or height.
    <FluentProvider theme={host.theme === 'dark' ? webDarkTheme : webLightTheme} lang={lang}>
      <style>{PANE_CSS}</style>
      <div className="tym-pane">
        <Header tr={tr} />
        <main>
          <div role="status" aria-live="polite" aria-atomic="true" className="tym-sr-only" data-testid="live">
            {state.announcement ? noticeText(state.announcement, tr) : ''}
          </div>
          <Notices failure={state.failure} note={state.note} tr={tr} onDismiss={(what) => dispatch({ type: 'dismiss', what })} />

          {running ? <RunProgress steps={state.steps} tr={tr} /> : null}
          {state.result && !running ? (
            <ResultCard
              ref={cardRef}
              result={state.result}
              freshness={fresh}
              tables={state.tables}
              lang={lang}
              tr={tr}
              busy={busy}
              onRun={run}
              onSelect={select}
            />
          ) : null}

          <ActionBar
            actions={barActions(state)}
            primary={primaryAction(state)}
            busy={busy}
            tr={tr}
            on={{ template: createTemplate, run, validate: () => void validate() }}
          />

          {state.runFailed && !running ? (
            <MessageBar intent="warning" data-testid="run-failed" layout="multiline">
              <MessageBarBody>{tr('runFailed')}</MessageBarBody>
            </MessageBar>
          ) : null}

          <TableStatus tablesFound={v ? v.tablesFound : null} tr={tr} busy={busy} onAddPlan={addPlan} />

          {showProblems && listed ? (
            <ProblemList
              problems={listed}
              tables={state.tables}
              lang={lang}
              tr={tr}
              onSelect={select}
              headingId="problems-heading"
              heading={tr('problemsHeading')}
            />
          ) : null}

          {state.result && !running ? (
            <ResultDetails summary={state.result.summary} freshness={fresh} lang={lang} tr={tr} invoicingActions={invoicingActions} />
          ) : null}

          <SettingsPanel
            settings={v?.settings ?? null}
            loaded={v !== null}
            tableFound={Boolean(v?.tablesFound.asetukset)}
            lang={lang}
            tr={tr}
            busy={busy}
            onUpdate={updateSetting}
          />

          <AuditSection
            report={state.verify}
            steps={state.verifySteps}
            running={state.busy === 'verify'}
            busy={busy}
            freshness={state.verify ? freshness(state, state.verify.fingerprint) : 'checking'}
            localActual={localActual}
            tables={state.tables}
            lang={lang}
            tr={tr}
            onVerify={verify}
            onSelect={select}
          />
        </main>
      </div>
    </FluentProvider>
  );
}
