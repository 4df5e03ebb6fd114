/** Which input tables the workbook has: one line when all are there, the list when some are missing. */
import * as React from 'react';
import { Text } from '@fluentui/react-components';
import { TABLE_KEYS } from '../../app/vocabulary';
import { missingTables } from '../actions';
import { tableLabelKey, type Translate } from '../i18n';
import { CheckIcon, MissingIcon } from './icons';

export interface TableStatusProps {
  tablesFound: Record<string, string | null> | null;
  tr: Translate;
}

export function TableStatus({ tablesFound, tr }: TableStatusProps): React.ReactElement {
  if (!tablesFound) {
    return (
      <section aria-labelledby="tables-heading" className="tym-section">
        <h2 id="tables-heading" className="tym-h2">{tr('tablesHeading')}</h2>
        <Text>{tr('tablesLoading')}</Text>
      </section>
    );
  }
  const missing = missingTables(tablesFound);
  return (
    <section aria-labelledby="tables-heading" className="tym-section" data-testid="table-status">
      <h2 id="tables-heading" className="tym-h2">{tr('tablesHeading')}</h2>
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
          <Text id="template-hint" size={200}>{tr('createTemplateHint')}</Text>
        </>
      ) : null}
    </section>
  );
}
