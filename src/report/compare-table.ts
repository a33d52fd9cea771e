/**
 * The compare report for a terminal: options as columns, so the categories read down like a
 * bill and any number of options sits side by side.
 *
 *                     azure-global   aws-bedrock
 *   tokens.input          1,234.50      1,357.95
 *   Total                 ...
 *   vs cheapest           cheapest     +123.45 (+10.00%)
 */
import Table from 'cli-table3';
import type { Comparison, OptionCost } from '../analysis/compare.js';
import { Decimal, ZERO } from '../model/money.js';
import { visible } from '../model/safe-text.js';
import { formatMoney, percentText, roundToTotal } from './numbers.js';
import { unassessedLine } from './caveats.js';
import { compareNotes, latencyLine, optionLines, roundTripText, ROUNDING_NOTE, versusCheapestText } from './compare-notes.js';
import { pointValuesLine, provenanceLines, whatIfLine } from './provenance.js';
import type { Renderer } from './renderer.js';
import { replayedLines } from './replayed.js';
import { createStyle, type Style, ROWS_WITHOUT_RULES } from './style.js';

export const renderCompareAsTable: Renderer<Comparison> = (report, options) => {
  const style = createStyle(options.color);
  const sections = [heading(report, style), summaryTable(report, style)];
  if (options.charts === true) sections.push(totalBars(report, style));
  if (report.by !== undefined && report.by !== 'category') sections.push(breakdownTable(report, style));
  if (options.charts === true && report.by === 'month') sections.push(monthSparklines(report));
  sections.push(...notes(report, style));
  sections.push(legend(report, style));
  return `${sections.join('\n\n')}\n`;
};

function heading(report: Comparison, style: Style): string {
  const { horizon } = report;
  const span = horizon.months === 1 ? `1 month, ${horizon.start}` : `${horizon.months} months, ${horizon.start} to ${horizon.end}`;
  const whatIf = whatIfLine(report.provenance.whatIf);
  const points = pointValuesLine(report.provenance.pointValues);
  const replayed = report.replayed === undefined ? undefined : replayedLines(report.replayed);
  return [
    style.bold(visible(report.scenario.name)),
    style.dim(`${span}, ${report.currency} · ${visible(report.scenario.file)}`),
    ...(whatIf === undefined ? [] : [style.worse(whatIf)]),
    ...(points === undefined ? [] : [style.dim(points)]),
    ...(replayed?.facts.map(style.dim) ?? []),
    ...(replayed?.warnings.map(style.worse) ?? []),
  ].join('\n');
}

function newTable(report: Comparison, style: Style, corner: string): Table.Table {
  return new Table({
    head: [corner, ...report.options.map((o) => (o.cheapest ? style.good(o.id) : o.id))].map(style.bold),
    colAligns: ['left', ...report.options.map(() => 'right' as const)],
    style: { head: [], border: [] },
    chars: ROWS_WITHOUT_RULES,
  });
}

/**
 * Rows of one table: each option's parts rounded so they add up to its rounded total, then
 * one row per part and the total row.
 */
function partsAndTotal(report: Comparison, style: Style, table: Table.Table, labels: string[], partsOf: (o: OptionCost) => Decimal[]): void {
  const columns = report.options.map((o) => roundToTotal(partsOf(o), o.total, report.currency));
  const money = (amount: Decimal) => formatMoney(amount, report.currency);
  labels.forEach((label, row) => table.push([label, ...columns.map((c) => money(c.parts[row]!))]));
  table.push([style.bold('Total'), ...columns.map((c) => style.bold(money(c.total)))]);
}

function summaryTable(report: Comparison, style: Style): string {
  const table = newTable(report, style, '');
  partsAndTotal(report, style, table, report.categories, (o) => report.categories.map((c) => o.byCategory.get(c) ?? ZERO));
  table.push(['Monthly average', ...report.options.map((o) => formatMoney(o.monthlyAverage, report.currency))]);
  table.push(['vs cheapest', ...report.options.map((o) => (o.cheapest ? style.good : style.worse)(versusCheapestText(o, report.currency)))]);
  if (report.options.some((o) => o.latency.applicable)) table.push(['Added round trip/turn', ...report.options.map((o) => roundTripText(o))]);
  if (report.discountRate !== undefined) {
    table.push([`NPV at ${percentText(report.discountRate)}%/year`, ...report.options.map((o) => formatMoney(o.npv!, report.currency))]);
  }
  return table.toString();
}

const BAR_WIDTH = 40;
const SPARKS = '▁▂▃▄▅▆▇█';

/** Each option's total as a bar, the most expensive full width: a glance at how far apart they are. */
function totalBars(report: Comparison, style: Style): string {
  const most = report.options.reduce((max, o) => (o.total.gt(max) ? o.total : max), ZERO);
  const width = Math.max(...report.options.map((o) => visible(o.id).length));
  return report.options
    .map((o) => {
      const cells = most.isZero() ? 0 : Math.round(o.total.div(most).times(BAR_WIDTH).toNumber());
      const bar = '█'.repeat(cells) + ' '.repeat(BAR_WIDTH - cells);
      return `${visible(o.id).padEnd(width)}  ${o.cheapest ? style.good(bar) : bar}  ${formatMoney(o.total, report.currency)}`;
    })
    .join('\n');
}

/** Each option's months as a sparkline, all on one scale: where costs rise and fall. */
function monthSparklines(report: Comparison): string {
  const series = report.options.map((o) => o.breakdown!.map((g) => g.total));
  const all = series.flat();
  const low = Decimal.min(...all);
  const high = Decimal.max(...all);
  // only a month's place between the lowest and highest becomes a number: which of eight cells
  const spark = (v: Decimal) => SPARKS[high.eq(low) ? 0 : Math.round(v.minus(low).div(high.minus(low)).times(SPARKS.length - 1).toNumber())]!;
  const width = Math.max(...report.options.map((o) => visible(o.id).length));
  const lines = report.options.map((o, i) => `${visible(o.id).padEnd(width)}  ${series[i]!.map(spark).join('')}`);
  return [`Month by month, ${report.groups[0]} to ${report.groups[report.groups.length - 1]}, ${formatMoney(low, report.currency)} to ${formatMoney(high, report.currency)}:`, ...lines].join('\n');
}

/** The exact difference, rounded once: never the difference of two rounded totals. */
function breakdownTable(report: Comparison, style: Style): string {
  const table = newTable(report, style, `By ${report.by}`);
  partsAndTotal(report, style, table, report.groups, (o) => o.breakdown!.map((g) => g.total));
  return table.toString();
}

function notes(report: Comparison, style: Style): string[] {
  const latency = latencyLine(report);
  const unassessed = unassessedLine(report.unassessed);
  return [...compareNotes(report).map((n) => [style.bold(n.heading), ...n.lines].join('\n')), ...[latency, unassessed].filter((l) => l !== undefined).map(style.dim)];
}

function legend(report: Comparison, style: Style): string {
  return style.dim(['Options:', ...optionLines(report), ...provenanceLines(report.provenance, report.currency), ROUNDING_NOTE].join('\n'));
}
