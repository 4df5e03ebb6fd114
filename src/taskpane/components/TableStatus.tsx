/**
 * Which input tables the workbook has: one line when all are there, the list when some are missing.
 * With the five there, the optional participant plan (issue 12) has a line of its own, and, when the
 * workbook has none and the host can add one, the button that adds just that table.
 */
import * as React from 'react';
import { Button, Text } from '@fluentui/react-components';
import { PLAN_TABLE, TABLE_KEYS } from '../../app/vocabulary';
import { missingTables } from '../actions';
import { tableLabelKey, type Translate } from '../i18n';
import { CheckIcon, MissingIcon } from './icons';

export interface TableStatusProps {
  tablesFound: Record<string, string | null> | null;
  tr: Translate;
  busy?: boolean;
  /** Adds the participant plan table; absent where the host cannot. */
  onAddPlan?: () => void;
}

/** The key of the optional participant plan in ValidationReport.tablesFound. */
export const PLAN_KEY = PLAN_TABLE.key;

export function TableStatus({ tablesFound, tr, busy = false, onAddPlan }: TableStatusProps): React.ReactElement {
  if (!tablesFound) {
    return (
      <section aria-labelledby="tables-heading" className="tym-section">
        <h2 id="tables-heading" className="tym-h2">
          {tr('tablesHeading')}
        </h2>
        <Text>{tr('tablesLoading')}</Text>
      </section>
    );
  }
  const missing = missingTables(tablesFound);
  return (
    <section aria-labelledby="tables-heading" className="tym-section" data-testid="table-status">
      <h2 id="tables-heading" className="tym-h2">
        {tr('tablesHeading')}
      </h2>
      {missing.length === 0 ? (
        <div className="tym-item" data-found-all="yes">
          <CheckIcon />
          <Text>{tr('tablesAllFound')}</Text>
        </div>
      ) : null}
      <ul className="tym-list" hidden={missing.length === 0}>
        {TABLE_KEYS.map((k) => {
          const name = tablesFound[k];
          const label = tr(tableLabelKey(k));
          return (
            <li key={k} className="tym-item" data-table={k} data-found={name ? 'yes' : 'no'}>
              {name ? <CheckIcon /> : <MissingIcon />}
              <span>
                <strong>{label}</strong>
                {': '}
                {name ? (name.toLowerCase() === k ? tr('tableFound') : tr('tableFoundAs', { name })) : tr('tableMissing')}
              </span>
            </li>
          );
        })}
      </ul>
      {missing.length ? (
        <>
          <Text weight="semibold">{tr('tablesSomeMissing', { count: missing.length })}</Text>
          <Text id="template-hint" size={200}>
            {tr('createTemplateHint')}
          </Text>
        </>
      ) : (
        <PlanStatus plan={tablesFound[PLAN_KEY]} tr={tr} busy={busy} onAddPlan={onAddPlan} />
      )}
    </section>
  );
}

/** The participant plan's line (known only where the app reports it): found, or missing with the button. */
function PlanStatus({
  plan,
  tr,
  busy,
  onAddPlan,
}: {
  plan: string | null | undefined;
  tr: Translate;
  busy: boolean;
  onAddPlan?: () => void;
}): React.ReactElement | null {
  if (plan === undefined) return null;
  if (plan) {
    return (
      <div className="tym-item" data-testid="plan-status" data-found="yes">
        <CheckIcon />
        <Text>
          {plan.toLowerCase() === PLAN_TABLE.names[0].toLowerCase() ? tr('planStatusFound') : tr('planStatusFoundAs', { name: plan })}
        </Text>
      </div>
    );
  }
  return (
    <div className="tym-optional" data-testid="plan-status" data-found="no">
      <Text>{tr('planStatusMissing')}</Text>
      <Text id="plan-hint" size={200}>
        {tr('planHint')}
      </Text>
      {onAddPlan ? (
        <Button appearance="secondary" onClick={onAddPlan} disabled={busy} aria-describedby="plan-hint" data-testid="add-plan">
          {tr('addPlanButton')}
        </Button>
      ) : null}
    </div>
  );
}
