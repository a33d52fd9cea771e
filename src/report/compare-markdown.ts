/**
 * The compare report in markdown, for a pull-request comment or a step summary: the totals by
 * category per option, the difference from the cheapest, and mermaid charts under the table (a
 * bar per option; with `--by month`, a line per option across the months).
 */
import type { Comparison } from '../analysis/compare.js';
import { ZERO } from '../model/money.js';
import { formatMoney, formatSignedMoney, roundToTotal, signedPercentText } from './numbers.js';
import { mermaidChart } from './mermaid.js';
import type { Renderer } from './renderer.js';
import { markdownCell as md } from './text-formats.js';

export const renderCompareAsMarkdown: Renderer<Comparison> = (report) => {
  const { currency } = report;
  const columns = report.options.map((o) => roundToTotal(report.categories.map((c) => o.byCategory.get(c) ?? ZERO), o.total, currency));
  const lines = [
    `### ${md(report.scenario.name)}`,
    '',
    `${report.horizon.months} months, ${report.horizon.start} to ${report.horizon.end}, ${currency} · \`${md(report.scenario.file)}\``,
    '',
    `| | ${report.options.map((o) => md(o.id)).join(' | ')} |`,
    `|---|${report.options.map(() => '--:').join('|')}|`,
    ...report.categories.map((c, row) => `| ${c} | ${columns.map((col) => formatMoney(col.parts[row]!, currency)).join(' | ')} |`),
    `| **Total** | ${columns.map((col) => `**${formatMoney(col.total, currency)}**`).join(' | ')} |`,
    `| vs cheapest | ${report.options.map((o) => (o.cheapest ? 'cheapest ✅' : `${formatSignedMoney(o.difference, currency)}${o.differenceRatio === undefined ? '' : ` (${signedPercentText(o.differenceRatio)})`}`)).join(' | ')} |`,
    '',
    mermaidChart(`Total over the horizon, ${currency}`, currency, report.options.map((o) => o.id), [{ kind: 'bar', values: report.options.map((o) => o.total) }]),
  ];
  if (report.by === 'month') {
    lines.push('', mermaidChart(`Each month, ${currency} (one line per option: ${report.options.map((o) => o.id).join(', ')})`, currency, report.groups, report.options.map((o) => ({ kind: 'line' as const, values: o.breakdown!.map((g) => g.total) }))));
  }
  return `${lines.join('\n')}\n`;
};
