/**
 * A horizontal bar chart in HTML: each row has its label on a line of its own and, below it, the
 * bar with its amount beside it, so at any width the bar never runs under the amount and a long
 * label wraps instead of being cut. The figure is an image with a text alternative listing every
 * bar's label and amount, so a screen reader user gets the same numbers as the table.
 */
import * as React from 'react';
import type { Lang } from '../../app/vocabulary';
import { barsOf, formatEuro } from '../format';
import type { Translate } from '../i18n';

export interface BarChartProps {
  title: string;
  items: { label: string; amount: string }[];
  lang: Lang;
  tr: Translate;
  id: string;
}

export function BarChart({ title, items, lang, tr, id }: BarChartProps): React.ReactElement {
  const bars = barsOf(items);
  const alt = `${title}: ${bars.map((b) => `${b.label} ${formatEuro(b.amount, lang)}${b.negative ? ` ${tr('chartNegative')}` : ''}`).join('; ')}`;
  return (
    <figure className="tym-chart" data-testid={id}>
      <figcaption className="tym-chart-caption">{title}</figcaption>
      <div role="img" aria-label={alt} className="tym-chart-body">
        {bars.map((b) => (
          <div key={b.label} className="tym-chart-row" aria-hidden="true">
            <span className="tym-chart-label">{b.label}</span>
            <span className="tym-chart-line">
              <span className="tym-chart-track">
                <span className={b.negative ? 'tym-bar tym-bar-negative' : 'tym-bar'} style={{ width: `${b.percent}%` }} />
              </span>
              <span className="tym-chart-amount">{formatEuro(b.amount, lang)}</span>
            </span>
          </div>
        ))}
      </div>
    </figure>
  );
}
