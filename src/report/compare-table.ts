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
import { ZERO } from '../model/money.js';
import { formatMoney, formatSignedMoney, percentText } from './numbers.js';
import type { Renderer } from './renderer.js';
import { createStyle, type Style } from './style.js';

export const renderCompareAsTable: Renderer<Comparison> = (report, options) => {
  const style = createStyle(options.color);
  const money = (amount: Parameters<typeof formatMoney>[0]) => formatMoney(amount, report.currency);
  const sections = [heading(report, style), summaryTable(report, style, money)];
  if (report.by !== undefined) sections.push(periodTable(report, style, money));
  sections.push(legend(report, style));
  return `${sections.join('\n\n')}\n`;
};

type Money = (amount: Parameters<typeof formatMoney>[0]) => string;

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

function summaryTable(report: Comparison, style: Style, money: Money): string {
  const table = newTable(report, style, '');
  for (const category of report.categories) {
    table.push([category, ...report.options.map((o) => money(o.byCategory.get(category) ?? ZERO))]);
  }
  table.push([style.bold('Total'), ...report.options.map((o) => style.bold(money(o.total)))]);
  table.push(['Monthly average', ...report.options.map((o) => money(o.monthlyAverage))]);
  table.push(['vs cheapest', ...report.options.map((o) => versusCheapest(o, report.currency, style))]);
  return table.toString();
}

function versusCheapest(option: OptionCost, currency: string, style: Style): string {
  if (option.cheapest) return style.good('cheapest');
  const percent = option.differenceRatio === undefined ? '' : ` (+${percentText(option.differenceRatio)}%)`;
  return style.worse(`${formatSignedMoney(option.difference, currency)}${percent}`);
}

function periodTable(report: Comparison, style: Style, money: Money): string {
  const table = newTable(report, style, `By ${report.by}`);
  report.periods.forEach((period, i) => {
    table.push([period, ...report.options.map((o) => money(o.byPeriod![i]!.total))]);
  });
  table.push([style.bold('Total'), ...report.options.map((o) => style.bold(money(o.total)))]);
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
  return style.dim(['Options:', ...lines, prices].join('\n'));
}
