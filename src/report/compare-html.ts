/**
 * The compare report (and replay's) as a page: each option's cost by category as stacked bars,
 * its months as lines, its cumulative cost with the months it breaks even marked, and under each
 * chart the table of its figures, rounded to add up as in every other format.
 */
import type { Comparison, OptionCost } from '../analysis/compare.js';
import { Decimal, ZERO } from '../model/money.js';
import { unassessedLine } from './caveats.js';
import { breakEvensOf, compareNotes, latencyLine, placementText, roundTripText, ROUNDING_NOTE, versusCheapestText } from './compare-notes.js';
import { stackedBars } from './html/bar-chart.js';
import { lineChart, type LineChartSpec } from './html/line-chart.js';
import { linesSummary, moneyTick, monthsText, periodTicks } from './html/labels.js';
import { esc } from './html/markup.js';
import { figure, htmlPage, htmlTable, notes, type Cell, type Section } from './html/page.js';
import { formatMoney, percentText, roundToTotal } from './numbers.js';
import { pointValuesLine, provenanceLines, whatIfLine } from './provenance.js';
import type { Renderer } from './renderer.js';
import { replayedLines } from './replayed.js';

export const renderCompareAsHtml: Renderer<Comparison> = (report) => {
  const { horizon, currency } = report;
  const span = horizon.months === 1 ? `1 month, ${horizon.start}` : `${horizon.months} months, ${horizon.start} to ${horizon.end}`;
  const replayed = report.replayed === undefined ? undefined : replayedLines(report.replayed);
  return htmlPage({
    title: report.scenario.name,
    facts: [`${span}, ${currency} · ${report.scenario.file}`, whatIfLine(report.provenance.whatIf), pointValuesLine(report.provenance.pointValues), ...(replayed?.facts ?? [])].filter((f) => f !== undefined),
    warnings: replayed?.warnings,
    // one month makes no line: its figures are in the totals' table
    sections: [totals(report), ...(horizon.months > 1 ? [months(report), cumulative(report)] : []), ...breakdown(report), options(report)],
    footer: [...provenanceLines(report.provenance, currency), ROUNDING_NOTE],
  });
};

function totals(report: Comparison): Section {
  const { currency } = report;
  const money = (d: Decimal) => formatMoney(d, currency);
  const chart = stackedBars({
    id: 'totals',
    title: `Cost over the horizon by category, ${currency}`,
    description: `One bar per option, its categories stacked. ${report.options.map((o) => `${o.id}: ${money(o.total)}${o.cheapest ? ' (cheapest)' : ''}`).join('; ')}.`,
    keys: report.categories.map((name, look) => ({ name, look })),
    rows: report.options.map((o) => ({
      label: o.id,
      values: report.categories.map((c) => (o.byCategory.get(c) ?? ZERO).toNumber()),
      tips: report.categories.map((c) => `${o.id} · ${c}: ${money(o.byCategory.get(c) ?? ZERO)} ${currency}`),
      total: money(o.total),
    })),
    xTitle: `${currency} over ${monthsText(report.horizon.months)}`,
    xFormat: moneyTick(currency),
  });
  const columns = report.options.map((o) => roundToTotal(report.categories.map((c) => o.byCategory.get(c) ?? ZERO), o.total, currency));
  const row = (label: string, cells: Cell[], total = false) => ({ cells: [label, ...cells], total });
  const rows = [
    ...report.categories.map((c, i) => row(c, columns.map((col) => ({ text: money(col.parts[i]!), num: true })))),
    row('Total', columns.map((col, i) => ({ text: money(col.total), num: true, good: report.options[i]!.cheapest })), true),
    row('Monthly average', report.options.map((o) => ({ text: money(o.monthlyAverage), num: true }))),
    row('vs cheapest', report.options.map((o) => ({ text: versusCheapestText(o, currency), num: true, good: o.cheapest }))),
    ...(report.options.some((o) => o.latency.applicable) ? [row('Added round trip/turn', report.options.map((o) => ({ text: roundTripText(o), num: true })))] : []),
    ...(report.discountRate === undefined ? [] : [row(`NPV at ${percentText(report.discountRate)}%/year`, report.options.map((o) => ({ text: money(o.npv!), num: true })))]),
  ];
  const why = compareNotes(report).map((n) => notes(n.heading.replace(/:$/, ''), n.lines));
  const caveats = [latencyLine(report), unassessedLine(report.unassessed)].filter((l) => l !== undefined).map((l) => `<p class="facts">${esc(l)}</p>`);
  return {
    heading: 'Totals',
    body: [figure(chart, `Each option's cost over the horizon, its categories stacked; the cheapest is ${report.reference}.`), htmlTable(`By category, ${currency}`, optionHead(report, ''), rows), ...why, ...caveats],
  };
}

function months(report: Comparison): Section {
  const { currency } = report;
  const chart = lineChart(monthLines(report, 'monthly', `Cost each month, ${currency}`, (o) => o.monthly));
  const columns = report.periods.map((_, m) => report.options.map((o) => o.monthly[m]!));
  const rows = report.periods.map((period, m) => ({ cells: [period, ...columns[m]!.map((d) => ({ text: formatMoney(d, currency), num: true }))] }));
  return { heading: 'Month by month', body: [figure(chart, 'Each option\'s cost in each month of the horizon.'), htmlTable(`Each month, ${currency}`, optionHead(report, 'month'), rows)] };
}

function cumulative(report: Comparison): Section {
  const { currency } = report;
  const running = report.options.map((o) => o.cumulative);
  const spec = monthLines(report, 'cumulative', `Cumulative cost, ${currency}`, (_, i) => running[i]!);
  // a crossing against the baseline is often the same event as the baseline's against the cheapest: marked once
  const seen = new Set<string>();
  const markers = report.options.flatMap((o, series) =>
    breakEvensOf(o).flatMap((b) =>
      b.crossings.flatMap((c) => {
        const event = `${[o.id, b.against].sort().join('\u0000')}\u0000${c.month}`;
        if (seen.has(event)) return [];
        seen.add(event);
        const m = report.periods.indexOf(c.month);
        const what = c.becomes === 'even' ? `breaks even with ${b.against}` : `becomes ${c.becomes} than ${b.against}`;
        return [{ series, x: m, y: running[series]![m]!.toNumber(), label: `${o.id} ${what} in ${c.month} (cumulative ${formatMoney(running[series]![m]!, currency)} ${currency})` }];
      }),
    ),
  );
  const chart = lineChart({ ...spec, markers });
  const list = markers.length === 0 ? '<p class="facts">No option\'s cumulative cost crosses the cheapest\'s or the baseline\'s within the horizon.</p>' : notes('Marked on the chart', markers.map((m) => m.label), { ordered: true });
  return { heading: 'Cumulative cost and break-even', body: [figure(chart, 'The running total of each option\'s cost; each numbered ring is a month in which one option\'s cumulative cost crosses another\'s.'), list] };
}

/** A table of the `--by` breakdown the months do not already show. */
function breakdown(report: Comparison): Section[] {
  if (report.by === undefined || report.by === 'month' || report.by === 'category') return [];
  const columns = report.options.map((o) => roundToTotal(o.breakdown!.map((g) => g.total), o.total, report.currency));
  const rows = [
    ...report.groups.map((group, i) => ({ cells: [group, ...columns.map((c) => ({ text: formatMoney(c.parts[i]!, report.currency), num: true }))] })),
    { cells: ['Total', ...columns.map((c) => ({ text: formatMoney(c.total, report.currency), num: true }))], total: true },
  ];
  return [{ heading: `By ${report.by}`, body: [htmlTable(`By ${report.by}, ${report.currency}`, optionHead(report, report.by), rows)] }];
}

function options(report: Comparison): Section {
  const rows = report.options.map((o) => ({ cells: [o.id, placementText(o), o.description ?? ''] }));
  return { heading: 'Options', body: [htmlTable('Where each option places its parts', ['option', 'placement', 'description'], rows)] };
}

function monthLines(report: Comparison, id: string, title: string, valuesOf: (o: OptionCost, i: number) => readonly Decimal[]): LineChartSpec {
  const { currency, periods } = report;
  const values = report.options.map(valuesOf);
  const money = (d: Decimal) => formatMoney(d, currency);
  return {
    id,
    title,
    description: linesSummary(`${title}, one line per option, ${periods[0]} to ${periods[periods.length - 1]}`, report.options.map((o) => o.id), (i) => money(values[i]![0]!), (i) => money(values[i]![values[i]!.length - 1]!)),
    xs: periods.map((_, m) => m),
    xTicks: periodTicks(periods),
    xTitle: 'month',
    yTitle: currency,
    yFormat: moneyTick(currency),
    series: report.options.map((o, i) => ({ name: o.id, values: values[i]!.map((d) => d.toNumber()), tips: values[i]!.map((d, m) => `${o.id} · ${periods[m]}: ${money(d)} ${currency}`) })),
  };
}

function optionHead(report: Comparison, corner: string): Cell[] {
  return [{ text: corner }, ...report.options.map((o) => ({ text: o.id, num: true, good: o.cheapest }))];
}
