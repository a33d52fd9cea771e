/**
 * Mermaid charts for markdown reports: GitHub renders a ```mermaid block in pull-request
 * comments and step summaries as a chart, and shows the text where it cannot. An xychart of bars
 * (one series or several side by side) and lines, money as plain numbers rounded to the currency.
 */
import type { Decimal } from '../model/money.js';
import { visible } from '../model/safe-text.js';
import { minorUnitsOf } from './numbers.js';

export interface ChartSeries {
  kind: 'bar' | 'line';
  values: readonly Decimal[];
}

/** Text mermaid reads inside quotes: control characters shown escaped, no quotes or brackets of its own. */
const label = (text: string, length = 60) => `"${visible(text).replace(/["[\]]/g, ' ').slice(0, length)}"`;

export function mermaidChart(title: string, currency: string, labels: readonly string[], series: readonly ChartSeries[]): string {
  const digits = minorUnitsOf(currency);
  const values = (v: readonly Decimal[]) => `[${v.map((d) => d.toDecimalPlaces(digits).toFixed()).join(', ')}]`;
  return [
    '```mermaid',
    'xychart-beta',
    `  title ${label(title, 160)}`,
    `  x-axis [${labels.map((l) => label(l)).join(', ')}]`,
    `  y-axis ${label(currency)}`,
    ...series.map((s) => `  ${s.kind} ${values(s.values)}`),
    '```',
  ].join('\n');
}
