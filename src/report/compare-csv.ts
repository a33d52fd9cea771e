/**
 * The compare report as CSV for spreadsheets: one row per option (or, with --by, per option
 * and period, cloud, workload or category), money as exact plain decimals, RFC 4180 (CRLF line ends, quotes when needed).
 * Every text cell is an id or a category validated to start with a letter or digit, so no cell
 * can start a spreadsheet formula.
 *
 *   option,total,monthly_average,tokens.input,...,cheapest,difference,difference_percent,currency
 */
import type { BreakEven } from '../analysis/break-even.js';
import type { Comparison } from '../analysis/compare.js';
import { plain, ZERO, type Decimal } from '../model/money.js';
import { msText, percentText, quotientText } from './numbers.js';
import { PROVENANCE_COLUMNS, provenanceCells } from './provenance.js';
import type { Renderer } from './renderer.js';
import { csvText } from './text-formats.js';

export const renderCompareAsCsv: Renderer<Comparison> = (report) => {
  const { categories, currency } = report;
  const provenance = provenanceCells(report.provenance);
  const amounts = (byCategory: Map<string, Decimal>) => categories.map((c) => plain(byCategory.get(c) ?? ZERO));
  if (report.by !== undefined) {
    const rows = report.options.flatMap((o) => o.breakdown!.map((g) => [o.id, g.key, plain(g.total), ...amounts(g.byCategory), currency, ...provenance]));
    return csvText(['option', report.by, 'total', ...categories, 'currency', ...PROVENANCE_COLUMNS], rows);
  }
  const rows = report.options.map((o) => [
    o.id,
    plain(o.total),
    quotientText(o.monthlyAverage),
    ...amounts(o.byCategory),
    String(o.cheapest),
    plain(o.difference),
    o.differenceRatio === undefined ? '' : percentText(o.differenceRatio),
    o.latency.msPerTurn === undefined ? '' : msText(o.latency.msPerTurn),
    o.npv === undefined ? '' : quotientText(o.npv),
    ...breakEvenCells(o.breakEven.cheapest),
    ...breakEvenCells(o.breakEven.baseline),
    currency,
    ...provenance,
  ]);
  return csvText(
    ['option', 'total', 'monthly_average', ...categories, 'cheapest', 'difference', 'difference_percent', 'added_rtt_ms_per_turn', 'npv', 'break_even_vs_cheapest', 'break_even_vs_cheapest_month', 'break_even_vs_baseline', 'break_even_vs_baseline_month', 'currency', ...PROVENANCE_COLUMNS],
    rows,
  );
};

/** The outcome (`becomes-cheaper`, `costlier-throughout`, …) and its month; empty against itself. */
function breakEvenCells(b: BreakEven | undefined): string[] {
  return b === undefined ? ['', ''] : [b.outcome, b.month ?? ''];
}
