/** The calculation's progress: a bar and the steps so far. */
import * as React from 'react';
import { Field, ProgressBar } from '@fluentui/react-components';
import type { RunStep } from '../../app/api';
import { stepKey, type Translate } from '../i18n';
import { progressOf } from '../state';

export function RunProgress({ steps, tr }: { steps: RunStep[]; tr: Translate }): React.ReactElement {
  const current = steps[steps.length - 1];
  return (
    <section aria-labelledby="run-heading" className="tym-section" data-testid="progress">
      <h2 id="run-heading" className="tym-h2">
        {tr('runHeading')}
      </h2>
      <Field label={tr('runProgressLabel')} validationMessage={current ? tr(stepKey(current)) : undefined} validationState="none">
        <ProgressBar value={progressOf(steps)} max={1} thickness="large" />
      </Field>
      <ol className="tym-steps">
        {steps.map((s) => (
          <li key={s} data-state={s === current ? 'current' : 'done'}>
            {tr(stepKey(s))}
          </li>
        ))}
      </ol>
    </section>
  );
}
