/**
 * A sweep as a page: every option's total as a line across the swept input, a rule where the
 * cheapest option changes (found to the input's unit), and under each chart the table of
 * points. With two inputs swept, a chart and table for each value of the second.
 */
import { dec, type Decimal } from '../model/money.js';
import { lineChart } from './html/line-chart.js';
import { linesSummary, moneyTick } from './html/labels.js';
import { figure, htmlPage, htmlTable, notes, type Section } from './html/page.js';
import { rangeScale } from './html/scale.js';
import { formatMoney } from './numbers.js';
import type { SweepReport } from './sweep.js';

export function renderSweepAsHtml(report: SweepReport): string {
  return htmlPage({
    title: `${report.scenario.name}: totals by ${report.input}`,
    facts: [`${report.currency} over the horizon · ${report.scenario.file}`, ...(report.outerInput === undefined ? [] : [`and by ${report.outerInput}`])],
    sections: report.series.map((s, i) => series(report, s, i)),
    footer: ['Each point is a whole pricing of the scenario with the input set to that value, as --set would; where the cheapest option changes is found by bisection to the input\'s unit.'],
  });
}

function series(report: SweepReport, { outer, result }: SweepReport['series'][number], index: number): Section {
  const { currency, options } = report;
  const money = (d: Decimal) => formatMoney(d, currency);
  const heading = outer === undefined ? `Totals by ${report.input}` : `${report.outerInput} = ${outer}`;
  const xs = result.points.map((p) => p.value.toNumber());
  const ticks = rangeScale(xs[0]!, xs[xs.length - 1]!, 0, 1).ticks.map((at) => ({ at, label: report.written(dec(String(at))) }));
  const line = (o: string) => result.points.map((p) => p.totals.get(o)!);
  const crossovers = result.crossovers.map((c) => `from ${report.input} = ${report.written(c.at)}, ${c.to} is the cheapest (before it, ${c.from})`);
  const chart = lineChart({
    id: `sweep-${index}`,
    title: `Total over the horizon by ${report.input}${outer === undefined ? '' : ` (${report.outerInput} = ${outer})`}, ${currency}`,
    description: `${linesSummary(`One line per option as ${report.input} goes from ${report.written(result.points[0]!.value)} to ${report.written(result.points[result.points.length - 1]!.value)}`, options, (o) => money(line(options[o]!)[0]!), (o) => money(line(options[o]!)[xs.length - 1]!))} ${crossovers.length === 0 ? 'The cheapest option is the same at every point.' : `Where the cheapest changes: ${crossovers.join('; ')}.`}`,
    xs,
    xTicks: ticks,
    xTitle: report.input,
    yTitle: currency,
    yFormat: moneyTick(currency),
    series: options.map((o) => ({ name: o, values: line(o).map((d) => d.toNumber()), tips: result.points.map((p) => `${o} at ${report.written(p.value)}: ${money(p.totals.get(o)!)} ${currency}`) })),
    rules: result.crossovers.map((c) => ({ x: c.at.toNumber(), label: `${c.to} cheapest from ${report.written(c.at)}` })),
  });
  const rows = result.points.map((p) => ({ cells: [{ text: report.written(p.value), num: true }, ...options.map((o) => ({ text: `${money(p.totals.get(o)!)}${o === p.cheapest ? ' *' : ''}`, num: true, good: o === p.cheapest }))] }));
  return {
    heading,
    body: [
      figure(chart, `Each option's total over the horizon at each value of ${report.input}; a dashed rule where the cheapest option changes.`),
      crossovers.length === 0 ? '<p class="facts">The cheapest option is the same at every point.</p>' : notes('Where the cheapest changes', crossovers),
      htmlTable(`Totals over the horizon, ${currency}; * the cheapest`, [{ text: report.input, num: true }, ...options.map((o) => ({ text: o, num: true }))], rows),
    ],
  };
}
