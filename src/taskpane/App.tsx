/**
 * The task pane: the one container that talks to the application (AllocationApp) and the host
 * (Host). Every component below it gets data and callbacks only. The same component runs inside
 * Excel (src/taskpane/index.tsx) and in the browser preview (src/preview/index.tsx).
 */
import * as React from 'react';
import {
  Button,
  Field,
  FluentProvider,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  ProgressBar,
  Text,
  webDarkTheme,
  webLightTheme,
} from '@fluentui/react-components';
import type { AllocationApp, RunStep } from '../app/api';
import { type Lang, type SettingKey } from '../app/vocabulary';
import type { Host, SettingValue } from '../app/host';
import { langOf, settingLabelKey, stepKey, translator, type Translate } from './i18n';
import { failureOf, initialState, noticeText, progressOf, reduce, type Action } from './state';
import { PANE_CSS } from './styles';
import { ProblemList } from './components/ProblemList';
import { SettingsPanel } from './components/SettingsPanel';
import { Summary } from './components/Summary';
import { TableStatus } from './components/TableStatus';
import { VerifyPanel } from './components/VerifyPanel';

export interface AppProps {
  app: AllocationApp;
  host: Host;
}

/** Budget year for a new template: the settings' year, else next year (budgets are made a year ahead). */
export function templateYear(settingsYear: number | undefined, today: Date = new Date()): number {
  return settingsYear && settingsYear >= 2000 ? settingsYear : today.getFullYear() + 1;
}

export function App({ app, host }: AppProps): React.ReactElement {
  const lang: Lang = langOf(host.displayLanguage);
  const tr: Translate = React.useMemo(() => translator(lang), [lang]);
  const [state, dispatch] = React.useReducer(reduce, initialState);
  // A ref, not state: two quick clicks must not start two actions before React re-renders.
  const busyRef = React.useRef(false);

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

  const validate = React.useCallback(
    () => act('validate', async () => dispatch({ type: 'validated', report: await app.validate() })),
    [act, app],
  );

  React.useEffect(() => {
    void validate();
  }, [validate]);

  const run = () =>
    act('run', async () => {
      const report = await app.run((step: RunStep) => dispatch({ type: 'progress', step }));
      dispatch({ type: 'ran', report });
    });

  const verify = () => act('verify', async () => dispatch({ type: 'verified', report: await app.verify() }));

  const createTemplate = () =>
    act('template', async () => {
      const v = state.validation;
      await host.createTemplate(v?.tablesFound ?? {}, templateYear(v?.settings?.year));
      dispatch({ type: 'validated', report: await app.validate() });
      dispatch({ type: 'noted', note: { key: 'templateCreated' } });
    });

  const updateSetting = host.updateSetting
    ? (key: SettingKey, value: SettingValue) =>
        act('setting', async () => {
          const table = state.validation?.tablesFound.asetukset ?? 'Asetukset';
          await host.updateSetting!(key, value, table);
          dispatch({ type: 'validated', report: await app.validate() });
          dispatch({ type: 'noted', note: { key: 'settingSaved', params: { setting: tr(settingLabelKey(key)) } } });
        })
    : undefined;

  const selectCell = (sheet: string, address: string) => {
    host.selectCell(sheet, address).catch((e: unknown) => dispatch({ type: 'failed', failure: failureOf(e) }));
  };

  const busy = state.busy !== null;
  const v = state.validation;
  const showProgress = state.busy === 'run' || (state.steps.length > 0 && !state.run);

  return (
    <FluentProvider theme={host.theme === 'dark' ? webDarkTheme : webLightTheme} className="tym-pane" lang={lang}>
      <style>{PANE_CSS}</style>
      <header className="tym-header">
        <h1 className="tym-h1">{tr('productName')}</h1>
        <Text size={200}>{tr('productTagline')}</Text>
      </header>
      <main>
        <div role="status" aria-live="polite" aria-atomic="true" className="tym-sr-only" data-testid="live">
          {state.announcement ? noticeText(state.announcement, tr) : ''}
        </div>
        {state.failure ? (
          <div role="alert">
            <MessageBar intent="error" data-testid="failure">
              <MessageBarBody>
                <MessageBarTitle>{tr('errorHeading')}</MessageBarTitle>
                {noticeText(state.failure, tr)}
              </MessageBarBody>
            </MessageBar>
          </div>
        ) : null}
        {state.note ? (
          <MessageBar intent="success" data-testid="note">
            <MessageBarBody>{noticeText(state.note, tr)}</MessageBarBody>
          </MessageBar>
        ) : null}

        <TableStatus tablesFound={v ? v.tablesFound : null} busy={busy} tr={tr} onCreateTemplate={createTemplate} />

        <div className="tym-actions">
          <Button appearance="primary" onClick={run} disabled={busy} data-testid="run">
            {tr('runButton')}
          </Button>
          <Button appearance="secondary" onClick={validate} disabled={busy} data-testid="validate">
            {tr('validateButton')}
          </Button>
        </div>

        {showProgress ? <RunProgress steps={state.steps} tr={tr} /> : null}

        {state.run && !state.run.ok ? (
          <MessageBar intent="warning" data-testid="run-failed">
            <MessageBarBody>{tr('runFailed')}</MessageBarBody>
          </MessageBar>
        ) : null}

        {state.problems && (state.problems.length > 0 || !state.run) ? (
          <ProblemList
            problems={state.problems}
            lang={lang}
            tr={tr}
            onSelectCell={selectCell}
            headingId="problems-heading"
            heading={tr('problemsHeading')}
          />
        ) : null}

        {state.run?.ok && state.run.summary ? <Summary summary={state.run.summary} lang={lang} tr={tr} /> : null}

        <SettingsPanel settings={v?.settings ?? null} loaded={v !== null} lang={lang} tr={tr} busy={busy} onUpdate={updateSetting} />

        <section aria-labelledby="audit-heading" className="tym-section" data-testid="audit">
          <h2 id="audit-heading" className="tym-h2">{tr('verifyHeading')}</h2>
          <Text size={200} id="verify-hint">{tr('verifyHint')}</Text>
          <div className="tym-actions">
            <Button appearance="secondary" onClick={verify} disabled={busy} aria-describedby="verify-hint" data-testid="verify-button">
              {tr('verifyButton')}
            </Button>
          </div>
          {state.verify ? <VerifyPanel report={state.verify} tr={tr} onSelectCell={selectCell} /> : null}
        </section>
      </main>
    </FluentProvider>
  );
}

function RunProgress({ steps, tr }: { steps: RunStep[]; tr: Translate }): React.ReactElement {
  const current = steps[steps.length - 1];
  return (
    <section aria-labelledby="run-heading" className="tym-section" data-testid="progress">
      <h2 id="run-heading" className="tym-h2">{tr('runHeading')}</h2>
      <Field label={tr('runProgressLabel')} validationMessage={current ? tr(stepKey(current)) : undefined} validationState="none">
        <ProgressBar value={progressOf(steps)} max={1} thickness="large" />
      </Field>
      <ol className="tym-steps">
        {steps.map((s) => (
          <li key={s} data-state={s === current ? 'current' : 'done'}>{tr(stepKey(s))}</li>
        ))}
      </ol>
    </section>
  );
}
