/**
 * Every compare report adds up (docs/architecture.md "Shown figures add up", "Reports are
 * views of line items"): the table's rows to its Total row to the last digit shown, and the
 * JSON and CSV, which carry exact amounts, exactly.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { wholeText } from '../../src/report/renderer.js';
import type { Comparison } from '../../src/analysis/compare.js';
import { dec, type Decimal } from '../../src/model/money.js';
import { renderCompareAsCsv } from '../../src/report/compare-csv.js';
import { renderCompareAsJson } from '../../src/report/compare-json.js';
import { renderCompareAsTable } from '../../src/report/compare-table.js';
import { PROPERTY_TIMEOUT, runs, total } from '../helpers/property.js';
import { reportCase, reported } from '../helpers/report-arbitraries.js';
import { csvRecords, halfAwayFromZero, MINOR_UNITS, shownMoney, tablesIn, type TextTable } from '../helpers/report-text.js';

const OFF = { color: false, lineItems: true };
const sumOf = (texts: Iterable<string>) => total([...texts].map(dec));

/** The column of one option: its cells from the first row to the Total row, and the Total. */
function column(table: TextTable, option: number): { parts: Decimal[]; total: Decimal; labels: string[] } {
  const end = table.rows.findIndex((r) => r.label === 'Total');
  return { parts: table.rows.slice(0, end).map((r) => shownMoney(r.cells[option]!)), total: shownMoney(table.rows[end]!.cells[option]!), labels: table.rows.slice(0, end).map((r) => r.label) };
}

describe('the compare table adds up to the last digit shown (property)', { timeout: PROPERTY_TIMEOUT }, () => {
  // Why: each option's category (and period, cloud or workload) amounts are rounded by largest
  // remainder to sum to its rounded total (roundToTotal); the total is rounded half away from
  // zero to the currency's minor units; a shown part differs from its exact amount by less than
  // one minor unit; and "vs cheapest" is the exact difference from the cheapest, rounded once
  // (the difference of two rounded totals can be a cent off, or show a change where there is none).
  it("sums each option's rows to its Total row, in the summary and the breakdown", () => {
    fc.assert(
      fc.property(reportCase, (c) => {
        const { report } = reported(c);
        const digits = MINOR_UNITS[report.currency]!;
        const unit = dec('1').div(dec('10').pow(digits));
        const [summary, breakdown] = tablesIn(wholeText(renderCompareAsTable(report, OFF)));
        expect(summary!.header.slice(1)).toEqual(report.options.map((o) => o.id));
        const shownTotals = report.options.map((option, k) => {
          const { parts, total: shown, labels } = column(summary!, k);
          expect(labels).toEqual(report.categories);
          expect(total(parts).eq(shown), `${option.id}: ${parts.map((p) => p.toFixed()).join(' + ')} ≠ ${shown.toFixed()}`).toBe(true);
          expect(shown.eq(halfAwayFromZero(option.total, digits)), `${option.id} total ${option.total.toFixed()} shown as ${shown.toFixed()}`).toBe(true);
          report.categories.forEach((category, row) => {
            const exact = option.byCategory.get(category) ?? dec('0');
            expect(parts[row]!.minus(exact).abs().lt(unit), `${option.id} ${category} ${exact.toFixed()} shown as ${parts[row]!.toFixed()}`).toBe(true);
          });
          return shown;
        });
        const cheapest = report.options.find((o) => o.cheapest)!;
        const versus = summary!.rows.find((r) => r.label === 'vs cheapest')!;
        report.options.forEach((option, k) => {
          const cell = versus.cells[k]!;
          if (option.cheapest) expect(cell).toBe('cheapest');
          else expect(shownMoney(cell.split(' ')[0]!.replace(/^\+/, '')).eq(halfAwayFromZero(option.total.minus(cheapest.total), digits)), `${option.id}: ${cell}`).toBe(true);
        });
        if (report.by === undefined || report.by === 'category') {
          expect(breakdown).toBeUndefined();
          return;
        }
        expect(breakdown!.header[0]).toBe(`By ${report.by}`);
        report.options.forEach((option, k) => {
          const { parts, total: shown, labels } = column(breakdown!, k);
          expect(labels).toEqual(report.groups);
          expect(total(parts).eq(shown), `${option.id} by ${report.by}`).toBe(true);
          expect(shown.eq(shownTotals[k]!)).toBe(true);
        });
      }),
      runs(100),
    );
  });
});

describe('the compare JSON and CSV add up exactly (property)', { timeout: PROPERTY_TIMEOUT }, () => {
  // Why: JSON and CSV carry exact sums of line items (plain decimals, unrounded): an option's
  // categories partition its line items, as do its periods, clouds or workloads, so their
  // amounts add up to its total exactly, and so do the line items the JSON lists.
  it("sums each option's categories, groups and line items to its total in JSON", () => {
    fc.assert(
      fc.property(reportCase, (c) => {
        const { report } = reported(c);
        const json = JSON.parse(wholeText(renderCompareAsJson(report, OFF))) as { options: JsonOption[] };
        for (const option of json.options) {
          const exact = dec(option.total);
          expect(sumOf(Object.values(option.byCategory)).eq(exact), `${option.id} byCategory`).toBe(true);
          expect(sumOf(option.lineItems.map((i) => i.cost)).eq(exact), `${option.id} lineItems`).toBe(true);
          const groups = breakdownOf(option, report);
          if (groups === undefined) continue;
          expect(sumOf(groups.map((g) => g.total)).eq(exact), `${option.id} by ${report.by}`).toBe(true);
          for (const g of groups) expect(sumOf(Object.values(g.byCategory)).eq(dec(g.total))).toBe(true);
        }
      }),
      runs(100),
    );
  });

  it("sums each CSV row's categories to its total, and each option's rows to the JSON total", () => {
    fc.assert(
      fc.property(reportCase, (c) => {
        const { report } = reported(c);
        const json = JSON.parse(wholeText(renderCompareAsJson(report, OFF))) as { options: JsonOption[] };
        const rows = csvRecords(wholeText(renderCompareAsCsv(report, OFF)));
        for (const row of rows) expect(sumOf(report.categories.map((category) => row[category]!)).eq(dec(row.total!)), `${row.option} ${row[report.by ?? ''] ?? ''}`).toBe(true);
        for (const option of json.options) {
          const mine = rows.filter((r) => r.option === option.id);
          expect(mine.length).toBe(report.by === undefined ? 1 : report.groups.length);
          expect(sumOf(mine.map((r) => r.total!)).eq(dec(option.total)), option.id).toBe(true);
        }
      }),
      runs(100),
    );
  });
});

interface JsonGroup {
  total: string;
  byCategory: Record<string, string>;
}
interface JsonOption extends JsonGroup {
  id: string;
  lineItems: { cost: string }[];
  byPeriod?: JsonGroup[];
  byCloud?: JsonGroup[];
  byWorkload?: JsonGroup[];
}

/** The JSON breakdown --by asks for (categories are always byCategory). */
function breakdownOf(option: JsonOption, report: Comparison): JsonGroup[] | undefined {
  switch (report.by) {
    case 'month':
    case 'quarter':
    case 'year':
      return option.byPeriod;
    case 'cloud':
      return option.byCloud;
    case 'workload':
      return option.byWorkload;
    default:
      return undefined;
  }
}
