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
import { ZERO, type Decimal } from '../model/money.js';
import { formatMoney, formatSignedMoney, percentText, roundToTotal } from './numbers.js';
import type { Renderer } from './renderer.js';
import { createStyle, type Style } from './style.js';

export const renderCompareAsTable: Renderer<Comparison> = (report, options) => {
  const style = createStyle(options.color);
  const sections = [heading(report, style), summaryTable(report, style)];
  if (report.by !== undefined) sections.push(periodTable(report, style));
  sections.push(legend(report, style));
  return `${sections.join('\n\n')}\n`;
};

function heading(report: Comparison, style: Style): string {
  const { horizon } = report;
  const span = horizon.months === 1 ? `1 month, ${horizon.start}` : `${horizon.months} months, ${horizon.start} to ${horizon.end}`;
  return `${style.bold(report.scenario.name)}\n${style.dim(`${span}, ${report.currency} · ${report.scenario.file}`)}`;
}

function newTable(report: Comparison, style: Style, corner: string): Table.Table {
  return new Table({
    head: [corner, ...report.options.map((o) => (o.cheapest ? style.good(o.id) : o.id))].map(style.bold),
    colAligns: ['left', ...report.options.map(() => 'right' as const)],
    style: { head: [], border: [] },
    chars: { mid: '', 'left-mid': '', 'mid-mid': '', 'right-mid': '' },
  });
}

/**
 * Rows of one table: each option's parts rounded so they add up to its rounded total, then
 * one row per part and the total row.
 */
function partsAndTotal(report: Comparison, style: Style, table: Table.Table, labels: string[], partsOf: (o: OptionCost) => Decimal[]): Decimal[] {
  const columns = report.options.map((o) => roundToTotal(partsOf(o), o.total, report.currency));
  const money = (amount: Decimal) => formatMoney(amount, report.currency);
  labels.forEach((label, row) => table.push([label, ...columns.map((c) => money(c.parts[row]!))]));
  table.push([style.bold('Total'), ...columns.map((c) => style.bold(money(c.total)))]);
  return columns.map((c) => c.total);
}

function summaryTable(report: Comparison, style: Style): string {
  const table = newTable(report, style, '');
  const totals = partsAndTotal(report, style, table, report.categories, (o) => report.categories.map((c) => o.byCategory.get(c) ?? ZERO));
  table.push(['Monthly average', ...report.options.map((o) => formatMoney(o.monthlyAverage, report.currency))]);
  // differences of the totals as shown, so the row agrees with the figures above it
  const cheapest = totals[report.options.findIndex((o) => o.cheapest)]!;
  table.push(['vs cheapest', ...report.options.map((o, i) => versusCheapest(o, totals[i]!.minus(cheapest), report.currency, style))]);
  return table.toString();
}

function versusCheapest(option: OptionCost, difference: Decimal, currency: string, style: Style): string {
  if (option.cheapest) return style.good('cheapest');
  const percent = option.differenceRatio === undefined ? '' : ` (+${percentText(option.differenceRatio)}%)`;
  return style.worse(`${formatSignedMoney(difference, currency)}${percent}`);
}

function periodTable(report: Comparison, style: Style): string {
  const table = newTable(report, style, `By ${report.by}`);
  partsAndTotal(report, style, table, report.periods, (o) => o.byPeriod!.map((p) => p.total));
  return table.toString();
}

function legend(report: Comparison, style: Style): string {
  const width = Math.max(...report.options.map((o) => o.id.length));
  const lines = report.options.map((o) => {
    const { cloud, region, deployment, tier } = o.placement;
    const about = o.description === undefined ? '' : ` — ${o.description}`;
    return `  ${o.id.padEnd(width)}  model on ${cloud} ${region}, ${deployment} deployment, ${tier} tier${about}`;
  });
  const { catalog } = report;
  const asOf = catalog.oldestAsOf === undefined ? '' : catalog.oldestAsOf === catalog.newestAsOf ? `, as of ${catalog.oldestAsOf}` : `, as of ${catalog.oldestAsOf} to ${catalog.newestAsOf}`;
  const prices = `Prices: ${catalog.files.join(', ')} (${catalog.rowsUsed} row${catalog.rowsUsed === 1 ? '' : 's'} used${asOf})`;
  return style.dim(['Options:', ...lines, prices, 'Figures are rounded so that each column adds up to its total.'].join('\n'));
}
