/** Auditor's check: findings where the output sheets no longer match the engine. */
import * as React from 'react';
import { Button, Text } from '@fluentui/react-components';
import type { VerifyFinding, VerifyReport } from '../../app/api';
import type { MessageKey, Translate } from '../i18n';
import { ErrorIcon, CheckIcon } from './icons';

const KIND_KEYS: Record<VerifyFinding['kind'], MessageKey> = {
  formula: 'verifyKindFormula',
  value: 'verifyKindValue',
  missing: 'verifyKindMissing',
};

export interface VerifyPanelProps {
  report: VerifyReport;
  tr: Translate;
  onSelectCell: (sheet: string, address: string) => void;
}

/** Findings are shown up to this many; the count says how many there are in all. */
export const MAX_FINDINGS_SHOWN = 200;

export function VerifyPanel({ report, tr, onSelectCell }: VerifyPanelProps): React.ReactElement {
  const inputErrors = report.problems.some((p) => p.severity === 'error');
  let headline: string;
  if (report.findings.length) headline = tr('verifyFindings', { count: report.findings.length, checked: report.cellsChecked });
  else if (inputErrors) headline = tr('verifyInputErrors');
  else if (report.cellsChecked === 0) headline = tr('verifyNoOutputs');
  else headline = tr('verifyOk', { count: report.cellsChecked });
  const good = report.ok && report.cellsChecked > 0;
  return (
    <div className="tym-stack" data-testid="verify" data-ok={good ? 'yes' : 'no'}>
      <div className="tym-item">
        {good ? <CheckIcon /> : <ErrorIcon />}
        <Text weight="semibold">{headline}</Text>
      </div>
      {report.findings.length ? (
        <ul className="tym-list">
          {report.findings.slice(0, MAX_FINDINGS_SHOWN).map((f, i) => (
            <li key={i} className="tym-problem" data-kind={f.kind}>
              <ErrorIcon />
              <div className="tym-problem-body">
                <span>
                  <strong>{tr(KIND_KEYS[f.kind])}</strong>
                  {`: ${tr('verifyExpected')} `}
                  <code>{f.expected}</code>
                  {`, ${tr('verifyActual')} `}
                  <code>{f.actual}</code>
                </span>
                <Button appearance="transparent" size="small" className="tym-cell-link" data-cell={`${f.sheet}!${f.address}`} onClick={() => onSelectCell(f.sheet, f.address)}>
                  {tr('goToCell', { sheet: f.sheet, cell: f.address })}
                </Button>
              </div>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
