/**
 * The result at the top of the pane: year, when it was computed, whether it is still current, the
 * master check, each kind's total and the parties' shares, the way to the result sheet, and the
 * run's warnings folded away. It takes the focus after a run.
 */
import * as React from 'react';
import { Badge, Button, InfoLabel, Text } from '@fluentui/react-components';
import type { KindSummary } from '../../app/api';
import type { CellTarget, Lang, TableLocation } from '../../app/vocabulary';
import { formatDateTime, formatEuro } from '../format';
import type { MessageKey, Translate } from '../i18n';
import { receiverLabel } from '../names';
import type { Freshness, ResultView } from '../state';
import { CheckIcon, ErrorIcon, WarningIcon } from './icons';
import { WarningsFold } from './ProblemList';
import { WriteNotes } from './WriteNotes';

export const RESULT_SHEET = 'TYM_Tulokset';

export interface ResultCardProps {
  result: ResultView;
  freshness: Freshness;
  tables: TableLocation[];
  lang: Lang;
  tr: Translate;
  busy: boolean;
  onRun: () => void;
  onSelect: (target: CellTarget) => void;
}

const FRESH: Record<Freshness, { key: MessageKey; color: 'success' | 'warning' | 'informative' }> = {
  current: { key: 'resultCurrent', color: 'success' },
  stale: { key: 'resultStaleBadge', color: 'warning' },
  checking: { key: 'resultChecking', color: 'informative' },
};

function MasterCheck({ ok, freshness, tr }: { ok: boolean; freshness: Freshness; tr: Translate }): React.ReactElement {
  // A check of inputs that have since changed proves nothing about the workbook as it is now.
  const current = freshness === 'current';
  const icon = !ok ? <ErrorIcon /> : current ? <CheckIcon /> : <WarningIcon />;
  const key: MessageKey = !ok ? 'masterCheckFailed' : current ? 'masterCheckOk' : 'masterCheckNotCurrent';
  return (
    <div className="tym-item" data-testid="master-check" data-ok={ok ? 'yes' : 'no'} data-current={current ? 'yes' : 'no'}>
      {icon}
      <InfoLabel info={tr('masterCheckHint')} infoButton={{ 'aria-label': tr('masterCheckInfo') }} weight="semibold">
        {tr(key)}
      </InfoLabel>
    </div>
  );
}

function Totals({ kind, lang, tr }: { kind: KindSummary; lang: Lang; tr: Translate }): React.ReactElement {
  const parties = kind.receivers.filter((r) => r.level === 'party');
  return (
    <dl className="tym-totals" data-kind={kind.kind}>
      <div className="tym-total-row tym-total-kind">
        <dt>{tr(kind.kind === 'TA' ? 'kindTA' : 'kindTOT')}</dt>
        <dd className="tym-amount" data-testid={`card-total-${kind.kind}`} data-amount={kind.total}>
          {formatEuro(kind.total, lang)}
        </dd>
      </div>
      {parties.map((p) => (
        <div key={p.receiver} className="tym-total-row" data-receiver={p.receiver}>
          <dt>{receiverLabel(p.receiver, lang, tr)}</dt>
          <dd className="tym-amount" data-amount={p.amount}>
            {formatEuro(p.amount, lang)}
          </dd>
        </div>
      ))}
    </dl>
  );
}

export const ResultCard = React.forwardRef<HTMLElement, ResultCardProps>(function ResultCard(
  { result, freshness, tables, lang, tr, busy, onRun, onSelect },
  ref,
) {
  const { summary } = result;
  const fresh = FRESH[freshness];
  const stale = freshness === 'stale';
  return (
    <section
      ref={ref}
      tabIndex={-1}
      aria-labelledby="result-heading"
      aria-describedby="result-status"
      className="tym-card"
      data-testid="result-card"
      data-freshness={freshness}
      data-restored={result.restored ? 'yes' : 'no'}
    >
      <div className="tym-card-head">
        <h2 id="result-heading" className="tym-h2">
          {tr('resultHeading', { year: summary.year })}
        </h2>
        <Badge appearance="filled" color={fresh.color} data-testid="freshness">
          {tr(fresh.key)}
        </Badge>
      </div>
      <Text size={200} id="result-status">
        {tr(result.restored ? 'resultRestoredAt' : 'resultAt', { time: formatDateTime(result.at, lang) })}
        {stale ? ` ${tr('resultStale')}` : ''}
      </Text>
      <MasterCheck ok={summary.masterCheck} freshness={freshness} tr={tr} />
      <div className={stale ? 'tym-card-figures tym-card-figures-stale' : 'tym-card-figures'}>
        {summary.kinds.map((k) => (
          <Totals key={k.kind} kind={k} lang={lang} tr={tr} />
        ))}
      </div>
      <div className="tym-actions">
        {freshness !== 'current' ? (
          <Button appearance={stale ? 'primary' : 'secondary'} onClick={onRun} disabled={busy} data-testid="rerun">
            {tr('rerunButton')}
          </Button>
        ) : null}
        <Button
          appearance={stale ? 'secondary' : 'primary'}
          onClick={() => onSelect({ sheet: RESULT_SHEET, address: 'A1', kind: 'sheet' })}
          data-testid="open-results"
        >
          {tr('openResults', { sheet: RESULT_SHEET })}
        </Button>
        {freshness === 'current' ? (
          <Button appearance="subtle" onClick={onRun} disabled={busy} data-testid="rerun">
            {tr('rerunButton')}
          </Button>
        ) : null}
      </div>
      {result.restored ? null : <WriteNotes write={summary.write} tr={tr} />}
      <WarningsFold problems={result.warnings} tables={tables} lang={lang} tr={tr} onSelect={onSelect} testId="result-warnings" />
    </section>
  );
});
