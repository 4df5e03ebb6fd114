/** Problems with severity icons, the message and a button that shows the offending cell. */
import * as React from 'react';
import { Button, Text } from '@fluentui/react-components';
import { formatProblem, type Lang, type Problem } from '../../app/vocabulary';
import type { Translate } from '../i18n';
import { countProblems } from '../state';
import { ErrorIcon, WarningIcon } from './icons';
import { VisuallyHidden } from './VisuallyHidden';

export interface ProblemListProps {
  problems: Problem[];
  lang: Lang;
  tr: Translate;
  onSelectCell: (sheet: string, address: string) => void;
  headingId: string;
  heading: string;
}

/** Errors first, then warnings; within each, in the order the engine found them. */
export function sortProblems(problems: Problem[]): Problem[] {
  return [...problems.filter((p) => p.severity === 'error'), ...problems.filter((p) => p.severity !== 'error')];
}

export function ProblemList({ problems, lang, tr, onSelectCell, headingId, heading }: ProblemListProps): React.ReactElement {
  const c = countProblems(problems);
  return (
    <section aria-labelledby={headingId} className="tym-section" data-testid="problems">
      <h2 id={headingId} className="tym-h2">{heading}</h2>
      {problems.length === 0 ? (
        <Text>{tr('problemsNone')}</Text>
      ) : (
        <>
          <Text weight="semibold">{tr('problemsCount', { errors: c.errors, warnings: c.warnings })}</Text>
          <ul className="tym-list">
            {sortProblems(problems).map((p, i) => {
              const { sheet, cell } = p.where;
              return (
                <li key={i} className="tym-problem" data-severity={p.severity} data-code={p.code}>
                  {p.severity === 'error' ? <ErrorIcon /> : <WarningIcon />}
                  <div className="tym-problem-body">
                    <VisuallyHidden>{p.severity === 'error' ? tr('errorLabel') : tr('warningLabel')}: </VisuallyHidden>
                    <span className="tym-problem-text">{formatProblem(p, lang)}</span>
                    {sheet && cell ? (
                      <Button
                        appearance="transparent"
                        size="small"
                        className="tym-cell-link"
                        data-cell={`${sheet}!${cell}`}
                        onClick={() => onSelectCell(sheet, cell)}
                      >
                        {tr('goToCell', { sheet, cell })}
                      </Button>
                    ) : null}
                  </div>
                </li>
              );
            })}
          </ul>
        </>
      )}
    </section>
  );
}
