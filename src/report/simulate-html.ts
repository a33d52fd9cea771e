/**
 * A simulation as a page: how each option's horizon total is spread over the trials (a box per
 * option, then a histogram per option on one axis), each month's middle percentile with the
 * outer ones shaded around it, and under them the tables of percentiles and means.
 */
import { spreadOfTotals } from '../analysis/simulation.js';
import { boxChart, histograms } from './html/distribution-chart.js';
import { lineChart } from './html/line-chart.js';
import { linesSummary, moneyTick, monthsText, periodTicks } from './html/labels.js';
import { figure, htmlPage, htmlTable, notes, type Section } from './html/page.js';
import { formatMoney } from './numbers.js';
import { whatIfLine } from './provenance.js';
import { amount, middleOf, shareText, spreadText } from './simulated-figures.js';
import type { SimulationReport } from './simulate.js';

const BINS = 30;

export function renderSimulationAsHtml(report: SimulationReport): string {
  const span = `${report.periods[0]} to ${report.periods[report.periods.length - 1]}`;
  return htmlPage({
    title: `${report.scenario.name}: ${report.trials.toLocaleString('en')} trials`,
    facts: [`${report.periods.length} months, ${span}, ${report.currency} · ${report.scenario.file} · seed ${report.seed}`, whatIfLine(report.whatIf), report.engine.path === 'fast' ? 'Priced on the fast path (float64).' : `Priced by the exact engine: ${report.engine.reason ?? ''}.`].filter((f) => f !== undefined),
    sections: [totals(report), months(report)],
    footer: ['Simulated figures are float64 estimates, rounded to the currency\'s minor units for display. Cheapest: the share of trials in which the option cost the least (a tie goes to the option listed first).'],
  });
}

function totals(report: SimulationReport): Section {
  const { currency, options, trials } = report;
  const money = (x: number) => formatMoney(amount(x), currency);
  const { boxes: spreads, edges, counts } = spreadOfTotals(report.totals, trials, options.length, BINS);
  const boxes = spreads.map((b, o) => ({ label: options[o]!, ...b, tip: `${options[o]}: P5 ${money(b.low)}, P25 ${money(b.q1)}, median ${money(b.median)}, P75 ${money(b.q3)}, P95 ${money(b.high)}, mean ${money(b.mean)} ${currency}` }));
  const box = boxChart({
    id: 'spread',
    title: `Total over the horizon across ${trials.toLocaleString('en')} trials, ${currency}`,
    description: `${boxes.map((b) => b.tip).join('; ')}.`,
    rows: boxes,
    key: 'whiskers P5 to P95 · box P25 to P75 · bar: median · ring: mean',
    xTitle: `${currency} over ${monthsText(report.periods.length)}`,
    xFormat: moneyTick(currency),
  });
  const histogram = histograms({
    id: 'histogram',
    title: `How often each total occurred, ${currency}`,
    description: `A histogram per option of its horizon total over ${trials.toLocaleString('en')} trials, in ${BINS} bins from ${money(edges[0]!)} to ${money(edges[BINS]!)}.`,
    edges,
    rows: options.map((label, o) => ({ label, counts: counts[o]! })),
    xTitle: `${currency} over ${monthsText(report.periods.length)}`,
    xFormat: moneyTick(currency),
    tip: (o, b) => `${options[o]}: ${counts[o]![b]!.toLocaleString('en')} trials from ${money(edges[b]!)} to ${money(edges[b + 1]!)} ${currency}`,
  });
  const labels = report.percentiles.map((p) => ({ text: `P${p}`, num: true }));
  const rows = options.map((o, i) => {
    const s = report.summary[i]!;
    return { cells: [o, ...s.total.percentiles.map((x) => ({ text: money(x), num: true })), { text: money(s.total.mean), num: true }, { text: shareText(s.cheapest), num: true }] };
  });
  const drawn = report.inputs.map((i) => `${i.name}: ${i.described}${i.driver === undefined ? '' : `, driver ${i.driver}`}`);
  return {
    heading: 'Horizon total',
    body: [figure(box, 'The spread of each option\'s total over the trials.'), figure(histogram, 'Each option\'s totals over the trials, counted in bins of equal width.'), htmlTable(`Horizon total, ${currency}`, ['option', ...labels, { text: 'mean', num: true }, { text: 'cheapest', num: true }], rows), notes('Drawn inputs', drawn)],
  };
}

function months(report: SimulationReport): Section {
  const { currency, periods, options } = report;
  const money = (x: number) => formatMoney(amount(x), currency);
  const middle = middleOf(report.percentiles);
  const centre = (s: { percentiles: number[]; mean: number }) => (middle === undefined ? s.mean : s.percentiles[middle.mid]!);
  const what = middle === undefined ? 'mean' : `P${report.percentiles[middle.mid]}`;
  const band = middle?.lo === undefined ? '' : `, shaded from P${report.percentiles[middle.lo]} to P${report.percentiles[middle.hi!]}`;
  const series = options.map((name, o) => {
    const spreads = report.summary[o]!.months;
    return {
      name,
      values: spreads.map(centre),
      tips: spreads.map((s, m) => `${name} · ${periods[m]}: ${spreadText(s, middle, money)} ${currency}`),
      band: middle?.lo === undefined ? undefined : { low: spreads.map((s) => s.percentiles[middle.lo!]!), high: spreads.map((s) => s.percentiles[middle.hi!]!) },
    };
  });
  const chart = lineChart({
    id: 'monthly',
    title: `Cost each month, ${what}${band}, ${currency}`,
    description: linesSummary(`Each month's ${what} per option`, options, (o) => money(series[o]!.values[0]!), (o) => money(series[o]!.values[periods.length - 1]!)),
    xs: periods.map((_, m) => m),
    xTicks: periodTicks(periods),
    xTitle: 'month',
    yTitle: currency,
    yFormat: moneyTick(currency),
    series,
  });
  const rows = periods.map((period, m) => ({ cells: [period, ...report.summary.map((s) => ({ text: spreadText(s.months[m]!, middle, money), num: true }))] }));
  return { heading: 'Month by month', body: [figure(chart, `Each option's ${what} cost in each month${band}.`), htmlTable(`Each month: ${what}${band === '' ? '' : ` (P${report.percentiles[middle!.lo!]} – P${report.percentiles[middle!.hi!]})`}, ${currency}`, ['month', ...options.map((o) => ({ text: o, num: true }))], rows)] };
}
