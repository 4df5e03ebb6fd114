/**
 * Problems grouped by table, each with its message and a link that shows its cell, column, row or
 * table in the workbook. Errors are listed; warnings fold into a section with their count.
 */
import * as React from 'react';
import { Button, Text } from '@fluentui/react-components';
import type { CellTarget, Lang, Problem, TableLocation } from '../../app/vocabulary';
import type { Translate } from '../i18n';
import { formatCount } from '../format';
import { groupProblems, problemText, targetText } from '../problems';
import { countProblems } from '../state';
import { ErrorIcon, WarningIcon } from './icons';
import { VisuallyHidden } from './VisuallyHidden';

export interface ProblemGroupsProps {
  problems: Problem[];
  tables: TableLocation[];
  lang: Lang;
  tr: Translate;
  onSelect: (target: CellTarget) => void;
  /** Heading level of the table names. */
  level: 3 | 4;
}

export function ProblemGroups({ problems, tables, lang, tr, onSelect, level }: ProblemGroupsProps): React.ReactElement {
  const H = level === 3 ? 'h3' : 'h4';
  return (
    <>
      {groupProblems(problems, tables).map((g) => (
        <div key={g.table || '-'} className="tym-problem-group" data-group={g.table}>
          <H className="tym-h3">
            {g.table
              ? g.sheet && g.sheet !== g.table
                ? tr('groupTableOnSheet', { table: g.table, sheet: g.sheet })
                : g.table
              : tr('groupGeneral')}
          </H>
          <ul className="tym-list">
            {g.items.map(({ problem: p, target }, i) => (
              <li key={i} className="tym-problem" data-severity={p.severity} data-code={p.code}>
                {p.severity === 'error' ? <ErrorIcon /> : <WarningIcon />}
                <div className="tym-problem-body">
                  <span className="tym-problem-text">
                    <VisuallyHidden>{p.severity === 'error' ? tr('errorLabel') : tr('warningLabel')}: </VisuallyHidden>
                    {problemText(p, lang, tr)}
                  </span>
                  {target ? (
                    <Button
                      appearance="transparent"
                      size="small"
                      className="tym-cell-link"
                      data-cell={`${target.sheet}!${target.address}`}
                      data-kind={target.kind}
                      onClick={() => onSelect(target)}
                    >
                      {targetText(target, p, tr)}
                    </Button>
                  ) : null}
                </div>
              </li>
            ))}
          </ul>
        </div>
      ))}
    </>
  );
}

/** A folded list of warnings with their count in the summary line. */
export function WarningsFold(props: Omit<ProblemGroupsProps, 'level'> & { testId: string }): React.ReactElement | null {
  if (!props.problems.length) return null;
  return (
    <details className="tym-fold" data-testid={props.testId}>
      <summary className="tym-fold-summary">{props.tr('warningsFold', { count: formatCount(props.problems.length, props.lang) })}</summary>
      <ProblemGroups {...props} level={3} />
    </details>
  );
}

export interface ProblemListProps extends Omit<ProblemGroupsProps, 'level'> {
  headingId: string;
  heading: string;
}

export function ProblemList({ problems, headingId, heading, ...rest }: ProblemListProps): React.ReactElement {
  const c = countProblems(problems);
  const errors = problems.filter((p) => p.severity === 'error');
  const warnings = problems.filter((p) => p.severity !== 'error');
  const n = (x: number) => formatCount(x, rest.lang);
  return (
    <section aria-labelledby={headingId} className="tym-section" data-testid="problems">
      <h2 id={headingId} className="tym-h2">
        {heading}
      </h2>
      {problems.length === 0 ? (
        <Text>{rest.tr('problemsNone')}</Text>
      ) : (
        <>
          <Text weight="semibold">{rest.tr('problemsCount', { errors: n(c.errors), warnings: n(c.warnings) })}</Text>
          <ProblemGroups problems={errors} {...rest} level={3} />
          <WarningsFold problems={warnings} {...rest} testId="warnings" />
        </>
      )}
    </section>
  );
}
