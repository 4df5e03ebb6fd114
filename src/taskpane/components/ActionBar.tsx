/** The pane's main buttons; the one that fits the state of the workbook is the primary one. */
import * as React from 'react';
import { Button } from '@fluentui/react-components';
import type { PaneAction } from '../actions';
import type { MessageKey, Translate } from '../i18n';

const LABELS: Record<PaneAction, MessageKey> = { template: 'createTemplate', run: 'runButton', validate: 'validateButton' };
const TEST_IDS: Record<PaneAction, string> = { template: 'create-template', run: 'run', validate: 'validate' };

export interface ActionBarProps {
  actions: PaneAction[];
  primary: PaneAction | null;
  busy: boolean;
  tr: Translate;
  on: Record<PaneAction, () => void>;
}

export function ActionBar({ actions, primary, busy, tr, on }: ActionBarProps): React.ReactElement {
  // The primary action first, so it is also the first stop for the keyboard.
  const ordered = [...actions].sort((a, b) => (b === primary ? 1 : 0) - (a === primary ? 1 : 0));
  return (
    <div className="tym-actions" data-testid="actions">
      {ordered.map((a) => (
        <Button
          key={a}
          appearance={a === primary ? 'primary' : 'secondary'}
          onClick={on[a]}
          disabled={busy}
          data-testid={TEST_IDS[a]}
          data-primary={a === primary ? 'yes' : undefined}
          aria-describedby={a === 'template' ? 'template-hint' : undefined}
        >
          {tr(LABELS[a])}
        </Button>
      ))}
    </div>
  );
}
