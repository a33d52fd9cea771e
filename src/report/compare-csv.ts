/**
 * The compare report as CSV for spreadsheets: one row per option (or, with --by, per option
 * and period, cloud, workload or category), money as exact plain decimals, RFC 4180 (CRLF line ends, quotes when needed).
 * Every text cell is an id or a category validated to start with a letter or digit, so no cell
 * can start a spreadsheet formula.
 *
 *   option,total,monthly_average,tokens.input,...,cheapest,difference,difference_percent,currency
 */
import { stringify } from 'csv-stringify/sync';
import type { Comparison } from '../analysis/compare.js';
import { plain, ZERO, type Decimal } from '../model/money.js';
import { msText, percentText, quotientText } from './numbers.js';
import type { Renderer } from './renderer.js';

export const renderCompareAsCsv: Renderer<Comparison> = (report) => {
  const { categories, currency } = report;
  // every row says what it was priced with, so a copied sheet keeps its provenance
  const provenance = [report.catalog.sha256, report.catalog.oldestAsOf ?? '', report.catalog.newestAsOf ?? ''];
  const amounts = (byCategory: Map<string, Decimal>) => categories.map((c) => plain(byCategory.get(c) ?? ZERO));
  if (report.by !== undefined) {
    const rows = report.options.flatMap((o) => o.breakdown!.map((g) => [o.id, g.key, plain(g.total), ...amounts(g.byCategory), currency, ...provenance]));
    return csv(['option', report.by, 'total', ...categories, 'currency', ...PROVENANCE], rows);
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
    o.breakEven.cheapest?.month ?? '',
    currency,
    ...provenance,
  ]);
  return csv(
    ['option', 'total', 'monthly_average', ...categories, 'cheapest', 'difference', 'difference_percent', 'added_rtt_ms_per_turn', 'npv', 'break_even_vs_cheapest', 'currency', ...PROVENANCE],
    rows,
  );
};

const PROVENANCE = ['catalog_sha256', 'prices_as_of_oldest', 'prices_as_of_newest'];

function csv(header: string[], rows: string[][]): string {
  return stringify([header, ...rows], { record_delimiter: 'windows', quoted_match: /[\r\n]/ });
}
