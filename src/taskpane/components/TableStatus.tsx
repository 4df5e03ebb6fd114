/** Which input tables the workbook has, with "create input template" when some are missing. */
import * as React from 'react';
import { Button, Text } from '@fluentui/react-components';
import { TABLE_KEYS, type TableKey } from '../../app/vocabulary';
import { tableLabelKey, type Translate } from '../i18n';
import { CheckIcon, MissingIcon } from './icons';

export interface TableStatusProps {
  tablesFound: Record<string, string | null> | null;
  busy: boolean;
  tr: Translate;
  onCreateTemplate: () => void;
}

export function missingTables(found: Record<string, string | null>): TableKey[] {
  return TABLE_KEYS.filter((k) => !found[k]);
}

export function TableStatus({ tablesFound, busy, tr, onCreateTemplate }: TableStatusProps): React.ReactElement {
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
      <ul className="tym-list">
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
      {missing.length === 0 ? (
        <Text>{tr('tablesAllFound')}</Text>
      ) : (
        <div className="tym-stack">
          <Text weight="semibold">{tr('tablesSomeMissing', { count: missing.length })}</Text>
          <Button appearance="secondary" onClick={onCreateTemplate} disabled={busy} aria-describedby="template-hint">
            {tr('createTemplate')}
          </Button>
          <Text id="template-hint" size={200}>{tr('createTemplateHint')}</Text>
        </div>
      )}
    </section>
  );
}
