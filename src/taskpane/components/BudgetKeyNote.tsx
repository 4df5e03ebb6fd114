/**
 * Where the budget lines of the development days took their key (issue 12): the participant plan,
 * the year's registrations or, before the year, the previous year's registrations. Shown under the
 * totals so a budget drafted before the registrations says what it rests on.
 */
import * as React from 'react';
import { Text } from '@fluentui/react-components';
import type { BudgetKeySummary } from '../../app/api';
import type { MessageKey, Translate } from '../i18n';

const SOURCE: Record<BudgetKeySummary['source'], MessageKey> = {
  plan: 'budgetKeyPlan',
  registrations: 'budgetKeyRegistrations',
  'previous-year': 'budgetKeyPreviousYear',
};

export function budgetKeyText(tr: Translate, k: BudgetKeySummary): string {
  const what = k.event ?? tr('budgetKeyYear');
  return `${what}: ${tr(SOURCE[k.source], { year: k.year })}`;
}

export function BudgetKeyNote({ keys, tr }: { keys: readonly BudgetKeySummary[]; tr: Translate }): React.ReactElement | null {
  if (keys.length === 0) return null;
  return (
    <div className="tym-kind" data-testid="budget-keys">
      <h3 className="tym-h3">{tr('budgetKeyHeading')}</h3>
      <ul className="tym-list">
        {keys.map((k) => (
          <li key={k.event ?? ''} data-source={k.source}>
            <Text size={200}>{budgetKeyText(tr, k)}</Text>
          </li>
        ))}
      </ul>
    </div>
  );
}
