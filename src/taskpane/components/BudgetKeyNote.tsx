/**
 * Where the budget lines of the development days took their key (issue 12): the participant plan,
 * the year's registrations or, before the year, the previous year's registrations. Shown under the
 * totals so a budget drafted before the registrations says what it rests on. Texts in Finnish,
 * Swedish and English here (one small component beside the pane's own dictionary).
 */
import * as React from 'react';
import { Text } from '@fluentui/react-components';
import type { BudgetKeySummary } from '../../app/api';
import type { Lang } from '../../app/vocabulary';

const fi = {
  heading: 'Kehittämispäivien talousarvio (TA, pooli b)',
  year: 'rivit ilman tilaisuutta',
  plan: 'osallistujasuunnitelman mukaan',
  registrations: 'vuoden {year} ilmoittautumisten mukaan',
  'previous-year': 'edellisen vuoden ({year}) ilmoittautumisten mukaan: vuodelle ei vielä ole suunnitelmaa eikä ilmoittautumisia',
};
type Key = keyof typeof fi;
const sv: Record<Key, string> = {
  heading: 'Budget för utvecklingsdagarna (TA, pool b)',
  year: 'rader utan evenemang',
  plan: 'enligt deltagarplanen',
  registrations: 'enligt anmälningarna år {year}',
  'previous-year': 'enligt föregående års ({year}) anmälningar: året har ännu varken plan eller anmälningar',
};
const en: Record<Key, string> = {
  heading: 'Budget of the development days (TA, pool b)',
  year: 'lines with no event',
  plan: 'by the participant plan',
  registrations: 'by the registrations of {year}',
  'previous-year': "by the previous year's ({year}) registrations: the year has no plan or registrations yet",
};
const TEXTS: Record<Lang, Record<Key, string>> = { fi, sv, en };

export function budgetKeyText(lang: Lang, k: BudgetKeySummary): string {
  const what = k.event ?? TEXTS[lang].year;
  return `${what}: ${TEXTS[lang][k.source].replace('{year}', String(k.year))}`;
}

export function BudgetKeyNote({ keys, lang }: { keys: readonly BudgetKeySummary[]; lang: Lang }): React.ReactElement | null {
  if (keys.length === 0) return null;
  return (
    <div className="tym-kind" data-testid="budget-keys">
      <h3 className="tym-h3">{TEXTS[lang].heading}</h3>
      <ul className="tym-list">
        {keys.map((k) => (
          <li key={k.event ?? ''} data-source={k.source}>
            <Text size={200}>{budgetKeyText(lang, k)}</Text>
          </li>
        ))}
      </ul>
    </div>
  );
}
