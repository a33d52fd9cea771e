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
import type { BreakEven } from '../analysis/break-even.js';
import type { Comparison, OptionCost } from '../analysis/compare.js';
import { Decimal, ZERO } from '../model/money.js';
import { formatLocation } from '../model/cloud.js';
import { describeMonths } from '../model/period.js';
import { visible } from '../model/safe-text.js';
import { formatMoney, formatSignedMoney, msText, percentText, roundToTotal, signedPercentText } from './numbers.js';
import { unassessedLine } from './caveats.js';
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
  sections.push(...[why(report, style), breakEvens(report, style), fallbacks(report, style), provisionedNotes(report, style), latencyNotes(report, style), unassessedNote(report, style)].filter((s) => s !== ''));
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
  table.push(['vs cheapest', ...report.options.map((o) => versusCheapest(o, report.currency, style))]);
  if (report.options.some((o) => o.latency.applicable)) table.push(['Added round trip/turn', ...report.options.map((o) => roundTrip(o))]);
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
function versusCheapest(option: OptionCost, currency: string, style: Style): string {
  if (option.cheapest) return style.good('cheapest');
  const percent = option.differenceRatio === undefined ? '' : ` (${signedPercentText(option.differenceRatio)})`;
  return style.worse(`${formatSignedMoney(option.difference, currency)}${percent}`);
}

function roundTrip(option: OptionCost): string {
  if (!option.latency.applicable) return 'n/a';
  return option.latency.msPerTurn === undefined ? 'unknown' : `${msText(option.latency.msPerTurn)} ms`;
}

function breakdownTable(report: Comparison, style: Style): string {
  const table = newTable(report, style, `By ${report.by}`);
  partsAndTotal(report, style, table, report.groups, (o) => o.breakdown!.map((g) => g.total));
  return table.toString();
}

/** What makes each option dearer than the cheapest: its largest differences by category. */
function why(report: Comparison, style: Style): string {
  const dearer = report.options.filter((o) => !o.cheapest && o.drivers.length > 0);
  if (dearer.length === 0) return '';
  const width = Math.max(...dearer.map((o) => o.id.length));
  const lines = dearer.map((o) => {
    const reasons = o.drivers.map((d) => `${d.category} ${formatSignedMoney(d.amount, report.currency)}`).join(', ');
    return `  ${o.id.padEnd(width)}  ${formatSignedMoney(o.difference, report.currency)}: ${reasons}`;
  });
  return [style.bold(`Why the others cost more than ${report.reference}:`), ...lines].join('\n');
}

/** When each option's cumulative cost crosses the cheapest's and the baseline's. */
function breakEvens(report: Comparison, style: Style): string {
  const lines = report.options.flatMap((o) =>
    [o.breakEven.cheapest, o.breakEven.baseline]
      .filter((b): b is BreakEven => b !== undefined)
      .filter((b, i, all) => all.findIndex((x) => x.against === b.against) === i)
      .map((b) => `  ${o.id} vs ${b.against}: ${breakEvenText(b)}`),
  );
  if (lines.length === 0) return '';
  return [style.bold('Break-even (cumulative cost):'), ...lines].join('\n');
}

export function breakEvenText(b: BreakEven): string {
  const month = b.month ?? '';
  const earlier = b.crossings.filter((c) => c.month < month);
  const before = earlier.length === 0 ? '' : ` (before that: ${earlier.map((c) => `${c.becomes} in ${c.month}`).join(', ')})`;
  const cheaperFrom = b.crossings.find((c) => c.month > month && c.becomes === 'cheaper')?.month;
  const levelFirst = b.crossings.some((c) => c.month === month && c.becomes === 'even');
  switch (b.outcome) {
    case 'becomes-cheaper':
      return `${levelFirst ? `breaks even in ${month}, cheaper from ${cheaperFrom}` : `cheaper from ${month}`}${before}`;
    case 'becomes-costlier':
      return `costlier from ${month}${before}`;
    case 'breaks-even':
      return `breaks even in ${month}, the same by the end${before}`;
    case 'cheaper-throughout':
      return 'not costlier at any point';
    case 'costlier-throughout':
      return 'no break-even within the horizon';
    case 'same-throughout':
      return 'the same cumulative cost throughout';
  }
}

function fallbacks(report: Comparison, style: Style): string {
  const used = report.options.flatMap((o) => o.fallbacks);
  if (used.length === 0) return '';
  const lines = used.map((f) => `  ${f.option}: ${f.workload} ran on ${formatLocation(f.placement)} (${f.placement.deployment}) in ${describeMonths(f.months)}, when its model was not available at the option's own placement`);
  return [style.bold('Fallbacks:'), ...lines].join('\n');
}

function provisionedNotes(report: Comparison, style: Style): string {
  const lines = report.options.flatMap((o) =>
    o.provisioned.map((p) => {
      const units = p.fewestUnits.eq(p.mostUnits) ? `${p.mostUnits.toFixed()} units` : `${p.fewestUnits.toFixed()} to ${p.mostUnits.toFixed()} units`;
      const used = p.capacity.isZero() ? 'no capacity' : `${percentText(p.served.div(p.capacity))}% of their capacity used`;
      const spilled = p.demand.isZero() ? 'no demand' : `${percentText(p.demand.minus(p.served).div(p.demand))}% of the demand spilled over to pay-as-you-go`;
      return `  ${o.id}: ${p.model}, ${units}, ${used}, ${spilled}`;
    }),
  );
  return lines.length === 0 ? '' : [style.bold('Provisioned throughput:'), ...lines].join('\n');
}

function latencyNotes(report: Comparison, style: Style): string {
  const pairs = [...new Set(report.options.flatMap((o) => o.latency.unknownPairs))];
  if (pairs.length === 0) return '';
  return style.dim(`Round trips unknown for ${pairs.join(', ')}: add them to latency.csv or as a latency: assumption in the scenario.`);
}

function unassessedNote(report: Comparison, style: Style): string {
  const line = unassessedLine(report.unassessed);
  return line === undefined ? '' : style.dim(line);
}

function legend(report: Comparison, style: Style): string {
  const width = Math.max(...report.options.map((o) => o.id.length));
  const lines = report.options.flatMap((o) => {
    const { cloud, region, deployment, tier } = o.placement;
    const pieces = [`model ${cloud}/${region} ${deployment} ${tier}`];
    const { runtime, state, cache, interconnect, gateways } = o.option;
    if (runtime !== undefined) pieces.push(`runtime ${formatLocation(runtime)} ${runtime.service}`);
    if (state !== undefined) pieces.push(`state ${formatLocation(state)} ${state.service}`);
    if (cache !== undefined) pieces.push(`cache ${formatLocation(cache)} ${cache.service}`);
    if (interconnect !== undefined) pieces.push(`interconnect ${interconnect.clouds.join('–')}`);
    for (const gateway of gateways) pieces.push(`${gateway.service} ${formatLocation(gateway)} (${gateway.carries.join(', ')})`);
    const about = o.description === undefined ? [] : [`  ${''.padEnd(width)}  ${visible(o.description)}`];
    return [`  ${o.id.padEnd(width)}  ${pieces.join('; ')}`, ...about];
  });
  return style.dim(['Options:', ...lines, ...provenanceLines(report.provenance, report.currency), 'Figures are rounded so that each column adds up to its total; differences are worked out exactly, then rounded.'].join('\n'));
}
