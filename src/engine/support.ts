/**
 * Support plans: each month, an option pays each plan it carries a share of its spend on the
 * plan's cloud, in bands, or the plan's minimum if that is more (support.csv, support-price.ts):
 *
 *   spend = the month's line items billed by the cloud, but commitment lines, one-time costs
 *           and support itself (AWS computes its fee on charges before discounts)
 *   fee   = max(minimum, Σ band percent × spend within the band)
 *
 * Worked example (AWS's own, Enterprise before December 2025): 1 200 000 of spend is
 * 10 % × 150 000 + 7 % × 350 000 + 5 % × 500 000 + 3 % × 200 000 = 15 000 + 24 500 + 25 000
 * + 6 000 = 70 500, over the 15 000 minimum.
 *
 * The scenario's `support` plans apply to every option, an option's own `support` replaces them;
 * a plan costs nothing in a month its option spends nothing on the cloud (the option has left
 * it). Each band's fee is a line item (quantity the spend in the band, unit price its percent),
 * or one line item for the minimum, so the fee is exact and traced to its rows. Bands and
 * minimum are in the plan's currency, converted at the scenario's fx rate.
 */
import { inEffect, type Catalog } from '../model/catalog.js';
import { suggestion } from '../model/did-you-mean.js';
import type { Diagnostic, PathSegment } from '../model/diagnostic.js';
import { groupBy } from '../model/group-by.js';
import { totalsBy } from '../model/cost-sum.js';
import { SHARED, type Category, type LineItem } from '../model/line-item.js';
import { Decimal, ONE, ZERO } from '../model/money.js';
import { firstDay, type Period } from '../model/period.js';
import type { Scenario } from '../model/scenario.js';
import { supportKey, type SupportPrice } from '../model/support-price.js';
import { missingRate, type Exchange } from './fx.js';

/** Spend a support fee is not a share of. */
const NOT_SUPPORTED: readonly Category[] = ['commitment.discount', 'commitment.shortfall', 'one-time', 'support'];

export function supportItems(scenario: Scenario, catalog: Catalog, items: readonly LineItem[], periods: readonly Period[], rates: Exchange): { lineItems: LineItem[]; problems: Diagnostic[] } {
  const lineItems: LineItem[] = [];
  const problems: Diagnostic[] = [];
  // most scenarios name no plan: their spend need not be added up
  if (scenario.support.length === 0 && scenario.options.every((option) => option.support === undefined)) return { lineItems, problems };
  const plans = groupBy(catalog.support, supportKey);
  // a scenario's plan is every option's: its problem is said once
  const said = new Set<string>();
  const once = (problem: Diagnostic) => {
    const key = `${problem.path?.join('.')} ${problem.message}`;
    if (!said.has(key)) problems.push(problem);
    said.add(key);
  };
  const spend = totalsBy(
    items.filter((item) => !NOT_SUPPORTED.includes(item.category) && item.payee === undefined),
    (item) => `${item.option} ${item.cloud} ${item.period}`,
  );
  const unknown = (list: Scenario['support'], at: (p: number) => PathSegment[]) =>
    list.forEach((plan, p) => {
      if (plans.has(supportKey(plan))) return;
      const known = [...new Set(catalog.support.filter((r) => r.cloud === plan.cloud).map((r) => r.plan))];
      const listed = known.length === 0 ? `the catalog has no support plan for ${plan.cloud}` : `the catalog has ${known.join(', ')}`;
      problems.push({ path: at(p), message: `no support plan "${plan.plan}" on ${plan.cloud}${suggestion(plan.plan, known)}; ${listed}` });
    });
  unknown(scenario.support, (p) => ['support', p, 'plan']);
  scenario.options.forEach((option, o) => unknown(option.support ?? [], (p) => ['options', o, 'support', p, 'plan']));
  scenario.options.forEach((option, o) => {
    const own = option.support !== undefined;
    (option.support ?? scenario.support).forEach((plan, p) => {
      const path = own ? ['options', o, 'support', p, 'plan'] : ['support', p, 'plan'];
      const rows = plans.get(supportKey(plan));
      if (rows === undefined) return; // reported above
      for (const period of periods) {
        const basis = spend.get(`${option.id} ${plan.cloud} ${period}`) ?? ZERO;
        if (basis.lte(0)) continue;
        const bands = rows.filter((row) => inEffect(row, firstDay(period))).sort((a, b) => a.tierFrom.comparedTo(b.tierFrom));
        const first = bands[0];
        if (first === undefined) {
          const windows = rows.map((r) => `${r.ref.file}:${r.ref.line} holds for ${r.effectiveFrom ?? '…'} to ${r.effectiveTo ?? '…'}`);
          once({ path, message: `${supportKey(plan)} has no price in ${period} (${[...new Set(windows)].join('; ')})` });
          return;
        }
        const rate = rates(first.currency);
        if (rate === undefined) {
          once({ path, message: missingRate(`${first.ref.file}:${first.ref.line}`, first.currency, scenario.currency) });
          return;
        }
        const fx = first.currency === scenario.currency ? undefined : { currency: first.currency, rate };
        const line = (row: SupportPrice, quantity: Decimal, unit: string, unitPrice: Decimal, meter: string): LineItem => ({
          option: option.id,
          workload: SHARED,
          period,
          cloud: plan.cloud,
          region: '*',
          category: 'support',
          service: 'support',
          model: undefined,
          vendor: undefined,
          meter,
          quantity,
          unit,
          unitPrice,
          cost: quantity.times(unitPrice),
          priceRef: { file: row.ref.file, line: row.ref.line, source: row.source, asOf: row.asOf },
          fx,
          basis: undefined,
          payee: undefined,
        });
        const banded = bands.flatMap((band) => {
          const from = band.tierFrom.times(rate);
          const to = band.tierTo === undefined ? basis : Decimal.min(band.tierTo.times(rate), basis);
          if (to.lte(from)) return [];
          const shown = `${band.percent.times(100).toFixed()}%`;
          return [line(band, to.minus(from), scenario.currency, band.percent, `${plan.plan} support, ${shown} of ${plan.cloud} spend from ${from.toFixed()}${band.tierTo === undefined ? '' : ` to ${band.tierTo.times(rate).toFixed()}`}`)];
        });
        const fee = banded.reduce((sum, item) => sum.plus(item.cost), ZERO);
        const minimum = first.minimum.times(rate);
        if (fee.gte(minimum)) lineItems.push(...banded.filter((item) => !item.cost.isZero()));
        else lineItems.push(line(first, ONE, 'month', minimum, `${plan.plan} support, the plan's minimum (its bands come to ${fee.toFixed()})`));
      }
    });
  });
  return { lineItems, problems };
}
