/**
 * The auditor's check: re-reads the output sheets and says why they differ from the engine, cause
 * by cause, root cause first (inputs changed since the run, recalculate first, a table cut, a name
 * moved, formulas overwritten), each with what to do and, folded under it, the cells it explains
 * (formulas in the user's language, a link to each cell); then any finding no cause explains.
 * Progress while it runs; marked out of date when the inputs change afterwards.
 */
import * as React from 'react';
import { Button, Field, ProgressBar, Text } from '@fluentui/react-components';
import type { VerifyFinding, VerifyReport, VerifyStep } from '../../app/api';
import type { CellTarget, Lang, TableLocation } from '../../app/vocabulary';
import { auditView, causeText, ROOT_CAUSES, type CauseGroup } from '../audit';
import { formatCount, formatDecimalText } from '../format';
import type { MessageKey, Translate } from '../i18n';
import { localFormula } from '../localFormula';
import { verifyProgressOf, type Freshness } from '../state';
import { CheckIcon, ErrorIcon, WarningIcon } from './icons';
import { ProblemGroups } from './ProblemList';

const KIND_KEYS: Record<VerifyFinding['kind'], MessageKey> = {
  formula: 'verifyKindFormula',
  value: 'verifyKindValue',
  missing: 'verifyKindMissing',
};

const STEP_KEYS: Record<VerifyStep, MessageKey> = {
  read: 'verifyStepRead',
  compute: 'verifyStepCompute',
  readOutputs: 'verifyStepReadOutputs',
  compare: 'verifyStepCompare',
};

/** Findings are shown up to this many per cause; the count says how many there are in all. */
export const MAX_FINDINGS_SHOWN = 200;

/** A finding's expected or actual text as the user's Excel would show it. */
export function findingText(text: string, lang: Lang, tr: Translate): string {
  if (text === '(tyhjä)') return tr('verifyEmpty');
  if (text === '(puuttuu)') return tr('verifyMissingValue');
  if (text === 'taulukko') return tr('verifySheetExpected');
  if (text.startsWith('=')) return localFormula(text, lang);
  if (text === 'true' || text === 'false') return tr(text === 'true' ? 'valueTrue' : 'valueFalse');
  return formatDecimalText(text, lang, true);
}

export interface AuditSectionProps {
  report: VerifyReport | null;
  steps: VerifyStep[];
  running: boolean;
  busy: boolean;
  freshness: Freshness;
  /** Excel's own text of the actual formulas (formulasLocal), by "Sheet!A1", where the host gives it. */
  localActual: Record<string, string>;
  /** Where the input tables are (links of the input errors that stop the check). */
  tables: TableLocation[];
  lang: Lang;
  tr: Translate;
  onVerify: () => void;
  onSelect: (target: CellTarget) => void;
}

export function AuditSection(props: AuditSectionProps): React.ReactElement {
  const { report, steps, running, busy, tr, onVerify } = props;
  const current = steps[steps.length - 1];
  return (
    <section aria-labelledby="audit-heading" className="tym-section" data-testid="audit">
      <h2 id="audit-heading" className="tym-h2">
        {tr('verifyHeading')}
      </h2>
      <Text size={200} id="verify-hint">
        {tr('verifyHint')}
      </Text>
      <div className="tym-actions">
        <Button appearance="secondary" onClick={onVerify} disabled={busy} aria-describedby="verify-hint" data-testid="verify-button">
          {tr('verifyButton')}
        </Button>
      </div>
      {running ? (
        <Field
          label={tr('verifyProgressLabel')}
          validationMessage={current ? tr(STEP_KEYS[current]) : undefined}
          validationState="none"
          data-testid="verify-progress"
        >
          <ProgressBar value={verifyProgressOf(steps)} max={1} thickness="large" />
        </Field>
      ) : null}
      {report ? <Findings {...props} report={report} /> : null}
    </section>
  );
}

function Findings(props: AuditSectionProps & { report: VerifyReport }): React.ReactElement {
  const { report, freshness, lang, tr } = props;
  const n = (x: number) => formatCount(x, lang);
  const inputErrors = report.problems.some((p) => p.severity === 'error');
  let headline: string;
  if (report.findings.length) headline = tr('verifyFindings', { count: n(report.findings.length), checked: n(report.cellsChecked) });
  else if (inputErrors) headline = tr('verifyInputErrors');
  else if (report.cellsChecked === 0) headline = tr('verifyNoOutputs');
  else headline = tr('verifyOk', { count: n(report.cellsChecked) });
  const good = report.ok && report.cellsChecked > 0;
  const stale = freshness === 'stale';
  const view = auditView(report);
  return (
    <div className="tym-stack" data-testid="verify" data-ok={good ? 'yes' : 'no'} data-freshness={freshness}>
      <div className="tym-item">
        {stale ? <WarningIcon /> : good ? <CheckIcon /> : <ErrorIcon />}
        <Text weight="semibold">{headline}</Text>
      </div>
      {stale ? (
        <Text className="tym-stale-line" data-testid="verify-stale">
          {tr('verifyStale')}
        </Text>
      ) : null}
      {view.groups.length ? (
        <>
          <h3 className="tym-h3" id="verify-causes-heading">
            {tr(good ? 'verifyNotesHeading' : 'verifyCausesHeading')}
          </h3>
          <ol className="tym-list tym-causes" aria-labelledby="verify-causes-heading" data-testid="verify-causes">
            {view.groups.map((g, i) => (
              <Cause key={i} {...props} group={g} />
            ))}
          </ol>
        </>
      ) : null}
      {view.uncategorised.length ? (
        view.groups.length ? (
          <details className="tym-fold tym-fold-wide" data-testid="verify-uncategorised">
            <summary className="tym-fold-summary">{tr('verifyUncategorised', { count: n(view.uncategorised.length) })}</summary>
            <FindingList {...props} findings={view.uncategorised} />
          </details>
        ) : (
          <FindingList {...props} findings={view.uncategorised} />
        )
      ) : null}
    </div>
  );
}

/** One cause: what happened and what to do; the cells it names; its findings folded beneath. */
function Cause(props: AuditSectionProps & { report: VerifyReport; group: CauseGroup }): React.ReactElement {
  const { group, report, tables, lang, tr, onSelect } = props;
  const { cause, findings, targets } = group;
  const errors = cause.code === 'inputs-invalid' ? report.problems.filter((p) => p.severity === 'error') : [];
  return (
    <li className="tym-cause" data-cause={cause.code} data-testid="verify-cause">
      <div className="tym-cause-line">
        {ROOT_CAUSES.has(cause.code) ? <WarningIcon /> : <ErrorIcon />}
        <div className="tym-problem-body">
          <span className="tym-cause-text">{causeText(cause, lang)}</span>
          {targets.map((t) => (
            <Button
              key={`${t.sheet}!${t.address}`}
              appearance="transparent"
              size="small"
              className="tym-cell-link"
              data-cell={`${t.sheet}!${t.address}`}
              onClick={() => onSelect(t)}
            >
              {t.kind === 'table'
                ? tr('goToTable', { table: String(cause.params.table ?? ''), sheet: t.sheet, cell: t.address })
                : tr('goToCell', { sheet: t.sheet, cell: t.address })}
            </Button>
          ))}
        </div>
      </div>
      {findings.length ? (
        <details className="tym-fold" data-testid="cause-findings">
          <summary className="tym-fold-summary">{tr('verifyShowFindings', { count: formatCount(findings.length, lang) })}</summary>
          <FindingList {...props} findings={findings} />
        </details>
      ) : null}
      {errors.length ? <ProblemGroups problems={errors} tables={tables} lang={lang} tr={tr} onSelect={onSelect} level={4} /> : null}
    </li>
  );
}

/** Findings, each with what was expected, what is there now and a link to its cell. */
function FindingList({ findings, localActual, lang, tr, onSelect }: AuditSectionProps & { findings: VerifyFinding[] }): React.ReactElement {
  const shown = findings.slice(0, MAX_FINDINGS_SHOWN);
  return (
    <>
      <ul className="tym-list">
        {shown.map((f, i) => {
          const actual = localActual[`${f.sheet}!${f.address}`] ?? findingText(f.actual, lang, tr);
          return (
            <li key={i} className="tym-problem" data-kind={f.kind}>
              <ErrorIcon />
              <div className="tym-problem-body">
                <span>
                  <strong>{tr(KIND_KEYS[f.kind])}</strong>
                  {`: ${tr('verifyExpected')} `}
                  <code className="tym-code">{findingText(f.expected, lang, tr)}</code>
                  {`, ${tr('verifyActual')} `}
                  <code className="tym-code">{actual}</code>
                </span>
                <Button
                  appearance="transparent"
                  size="small"
                  className="tym-cell-link"
                  data-cell={`${f.sheet}!${f.address}`}
                  onClick={() => onSelect({ sheet: f.sheet, address: f.address, kind: 'cell' })}
                >
                  {tr('goToCell', { sheet: f.sheet, cell: f.address })}
                </Button>
              </div>
            </li>
          );
        })}
      </ul>
      {findings.length > shown.length ? (
        <Text size={200} className="tym-subtle">
          {tr('verifyMoreFindings', { shown: formatCount(shown.length, lang), count: formatCount(findings.length, lang) })}
        </Text>
      ) : null}
    </>
  );
}
