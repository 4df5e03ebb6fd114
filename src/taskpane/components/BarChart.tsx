/**
 * A horizontal bar chart in plain SVG. The figure is an image with a text alternative listing
 * every bar's label and amount, so a screen reader user gets the same numbers as the table.
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

const ROW = 22;
const LABEL_W = 38; // percent of the width for labels
const BAR_W = 40; // percent for bars; the rest is for the amount text

export function BarChart({ title, items, lang, tr, id }: BarChartProps): React.ReactElement {
  const bars = barsOf(items);
  const alt = `${title}: ${bars.map((b) => `${b.label} ${formatEuro(b.amount, lang)}${b.negative ? ` ${tr('chartNegative')}` : ''}`).join('; ')}`;
  const height = bars.length * ROW + 4;
  return (
    <figure className="tym-chart" data-testid={id}>
      <figcaption id={`${id}-caption`} className="tym-chart-caption">{title}</figcaption>
      <svg role="img" aria-label={alt} width="100%" height={height} viewBox={`0 0 100 ${height}`} preserveAspectRatio="none" className="tym-chart-svg">
        {bars.map((b, i) => (
          <rect
            key={b.label}
            x={LABEL_W}
            y={i * ROW + 5}
            width={(BAR_W * b.percent) / 100}
            height={ROW - 10}
            className={b.negative ? 'tym-bar tym-bar-negative' : 'tym-bar'}
          />
        ))}
      </svg>
      {/* Labels and amounts as HTML over the bars: SVG text would stretch with preserveAspectRatio. */}
      <div className="tym-chart-labels" aria-hidden="true" style={{ marginTop: -height }}>
        {bars.map((b) => (
          <div key={b.label} className="tym-chart-row" style={{ height: ROW }}>
            <span className="tym-chart-label" style={{ width: `${LABEL_W}%` }}>{b.label}</span>
            <span style={{ width: `${BAR_W}%` }} />
            <span className="tym-chart-amount">{formatEuro(b.amount, lang)}</span>
          </div>
        ))}
      </div>
    </figure>
  );
}
