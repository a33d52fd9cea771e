/**
 * Engine-wide invariants, over generated scenarios and catalogs (test/helpers/scenario-arbitraries.ts):
 * costs are never negative, and no option's cost falls when a workload uses more.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Category, LineItem } from '../../src/model/line-item.js';
import { ZERO, type Decimal } from '../../src/model/money.js';
import { buildCatalog } from '../helpers/catalog-arbitraries.js';
import { PROPERTY_TIMEOUT, runs, total } from '../helpers/property.js';
import { generatedCase, parseScenario, simulateCase, simulateOrExplain } from '../helpers/scenario-arbitraries.js';
import { bump, raised } from '../helpers/usage-bumps.js';

const itemText = (i: LineItem) => `${i.option} ${i.workload} ${i.period} ${i.category} "${i.meter}": ${i.quantity.toFixed()} ${i.unit} → ${i.cost.toFixed()}`;

describe('costs are never negative (property)', { timeout: PROPERTY_TIMEOUT }, () => {
  // Why: prices are non-negative decimals (a catalog price has no sign), usage figures are
  // non-negative (sessions fall at most 100 % a month), so every token cost (whole tokens ×
  // price ÷ 1M, docs/cost-model.md "Tokens") and every tiered cost (Σ tier width × tier price,
  // "Data transfer") is ≥ 0, and a tiered group's shares split a non-negative total in
  // proportion to non-negative quantities. Stated costs are amounts ≥ 0 (one-time) or
  // max(0, amount − consumed) (shortfall). The one negative line is the commitment discount,
  // − eligible × discount, which at a discount ≤ 100 % never exceeds the spend it discounts, so
  // an option's total is ≥ 0 as well.
  it('prices every line item at zero or more, but discounts, and every option at zero or more', () => {
    fc.assert(
      fc.property(generatedCase, ({ data, catalog }) => {
        const { scenario, simulation } = simulateCase(data, catalog);
        const wrongSign = simulation.lineItems.filter((i) => i.quantity.lt(0) || (i.category === 'commitment.discount' ? i.cost.gt(0) : i.cost.lt(0)));
        expect(wrongSign.map(itemText)).toEqual([]);
        for (const option of scenario.options) {
          const optionTotal = total(simulation.lineItems.filter((i) => i.option === option.id).map((i) => i.cost));
          expect(optionTotal.gte(0), `${option.id} totals ${optionTotal.toFixed()}`).toBe(true);
        }
      }),
      runs(100),
    );
  });
});

describe('cost never falls when usage rises (property)', { timeout: PROPERTY_TIMEOUT }, () => {
  // Why: each cost is a non-decreasing function of usage. Activity (sessions × (1 + growth)^m ×
  // turns × calls) rises with every figure; rounding to whole tokens or bytes (half to even) is
  // non-decreasing; a batch or cached share of a part is round(part × share) and the rest is
  // part − round(part × share), both non-decreasing in the part; a price segment of a month
  // prices its days' share of the month's tokens; tiered cost is Σ tier width × price with
  // prices ≥ 0; and a group's shares always add up to its tiered total. With a commitment, a
  // period's eligible spend E and its lines add up to E − E × discount + max(0, amount −
  // E × (1 − discount)) = max(amount, E × (1 − discount)) (docs/cost-model.md "Commitments";
  // E × (1 − discount) alone in a period the horizon cuts), non-decreasing in E. So every spend
  // category but the commitment lines, and each option's total, can only rise.
  it("raises no option's total, nor any spend category, when one workload's usage grows", () => {
    fc.assert(
      fc.property(generatedCase, bump, ({ data, catalog: spec }, more) => {
        const catalog = buildCatalog(spec);
        const before = simulateOrExplain(parseScenario(data), catalog).lineItems;
        const { workloads, raised: what } = raised(data.workloads, more);
        const after = simulateOrExplain(parseScenario({ ...data, workloads }), catalog).lineItems;
        for (const { id } of data.options as { id: string }[]) {
          const was = totals(before, id);
          const now = totals(after, id);
          const context = `option ${id}, workload ${what}`;
          expect(now.total.gte(was.total), `${context}: total ${was.total.toFixed()} → ${now.total.toFixed()}`).toBe(true);
          for (const [category, cost] of was.byCategory) {
            if (category.startsWith('commitment.')) continue;
            const then = now.byCategory.get(category) ?? ZERO;
            expect(then.gte(cost), `${context}: ${category} ${cost.toFixed()} → ${then.toFixed()}`).toBe(true);
          }
        }
      }),
      runs(100),
    );
  });
});

function totals(items: readonly LineItem[], option: string): { total: Decimal; byCategory: Map<Category, Decimal> } {
  const mine = items.filter((i) => i.option === option);
  const byCategory = new Map<Category, Decimal>();
  for (const i of mine) byCategory.set(i.category, (byCategory.get(i.category) ?? ZERO).plus(i.cost));
  return { total: total(mine.map((i) => i.cost)), byCategory };
}
