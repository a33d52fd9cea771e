/** A sweep as a table (points down, options across, the cheapest marked), JSON or CSV. */
import Table from 'cli-table3';
import type { SweepResult } from '../analysis/sweep.js';
import { plain, type Decimal } from '../model/money.js';
import { visible } from '../model/safe-text.js';
import { formatMoney } from './numbers.js';
import type { ReportFormat, Renderer } from './renderer.js';
import { renderSweepAsHtml } from './sweep-html.js';
import { createStyle, ROWS_WITHOUT_RULES } from './style.js';
import { csvText, jsonText } from './text-formats.js';

export interface SweepReport {
  scenario: { name: string; file: string };
  currency: string;
  /** The input varied, as `--set` writes its path. */
  input: string;
  options: string[];
  /** The second input, when two are swept: each of its values gets a sweep of the first. */
  outerInput: string | undefined;
  /** How a value of the input is written: 5%, 250000, 24576B. */
  written: (value: Decimal) => string;
  series: { outer: string | undefined; result: SweepResult }[];
}

export const sweepRenderers: Record<ReportFormat, Renderer<SweepReport>> = {
  html: renderSweepAsHtml,
  table: (report, options) => {
    const style = createStyle(options.color);
    const heading = `${style.bold(visible(report.scenario.name))}: totals over the horizon, ${report.currency}, by ${visible(report.input)}; * the cheapest`;
    const blocks = report.series.map(({ outer, result }) => {
      const t = new Table({ head: [visible(report.input), ...report.options.map(visible)].map(style.bold), style: { head: [], border: [] }, chars: ROWS_WITHOUT_RULES, colAligns: ['right', ...report.options.map(() => 'right' as const)] });
      for (const p of result.points) t.push([report.written(p.value), ...report.options.map((o) => (o === p.cheapest ? style.good(`${formatMoney(p.totals.get(o)!, report.currency)} *`) : formatMoney(p.totals.get(o)!, report.currency)))]);
      const crossings = result.crossovers.map((c) => `  from ${visible(report.input)} = ${report.written(c.at)}, ${visible(c.to)} is the cheapest (before it, ${visible(c.from)})`);
      const title = outer === undefined ? [] : [style.bold(`${visible(report.outerInput!)} = ${visible(outer)}`)];
      return [...title, t.toString(), crossings.length === 0 ? 'The cheapest option is the same at every point.' : ['Where the cheapest changes:', ...crossings].join('\n')].join('\n');
    });
    return `${heading}\n${blocks.join('\n\n')}\n`;
  },
  json: (report) =>
    jsonText({
      schemaVersion: 1,
      scenario: report.scenario,
      currency: report.currency,
      inputs: [report.input, ...(report.outerInput === undefined ? [] : [report.outerInput])],
      points: report.series.flatMap(({ outer, result }) => result.points.map((p) => ({ values: valuesOf(report, p.value, outer), totals: Object.fromEntries(report.options.map((o) => [o, plain(p.totals.get(o)!)])), cheapest: p.cheapest }))),
      crossovers: report.series.flatMap(({ outer, result }) => result.crossovers.map((c) => ({ at: valuesOf(report, c.at, outer), from: c.from, to: c.to }))),
    }),
  csv: (report) =>
    csvText(
      [report.input, ...(report.outerInput === undefined ? [] : [report.outerInput]), ...report.options, 'cheapest', 'currency'],
      report.series.flatMap(({ outer, result }) => result.points.map((p) => [report.written(p.value), ...(outer === undefined ? [] : [outer]), ...report.options.map((o) => plain(p.totals.get(o)!)), p.cheapest, report.currency])),
    ),
};

function valuesOf(report: SweepReport, value: Decimal, outer: string | undefined): Record<string, string> {
  return { [report.input]: report.written(value), ...(outer === undefined ? {} : { [report.outerInput!]: outer }) };
}
