/**
 * Prices plans exactly: a plan (a choice per workload) becomes one option that places every
 * workload apart, priced by the engine, so egress tiers, shared free allowances, commitments and
 * support see the plan's workloads together, as a bill would. A plan the engine cannot price (a
 * price missing for one combination) is an outcome with the engine's message, not an error.
 *
 * A plan carries the scenario's commitments, support plans, datasets and contracts, and the
 * one-time costs `optimize.one_time` names; not the options' gateways, interconnects or
 * provisioned throughput.
 */
import { planEngine, simulate, type PlanPart } from '../engine/simulate.js';
import type { Catalog } from '../model/catalog.js';
import { InputError } from '../model/diagnostic.js';
import { CostSum } from '../model/cost-sum.js';
import { ZERO, type Decimal } from '../model/money.js';
import type { LineItem } from '../model/line-item.js';
import type { Period } from '../model/period.js';
import type { Option, Scenario, Workload } from '../model/scenario.js';
import { discountFactors } from './break-even.js';
import { choiceKey, choiceOption, type Choice } from './optimize-space.js';

export type Objective = 'total' | 'npv';

export interface PricedPlan {
  /** The total over the horizon, or its net present value. */
  objective: Decimal;
  total: Decimal;
  /** What the commitments the plan must meet fall short by, over the horizon. */
  shortfall: Decimal;
  /** The objective of its token line items alone: what the lower bound is made of. */
  tokens: Decimal;
}

export type PlanOutcome = PricedPlan | { unpriced: string };

export interface PlanPricing {
  scenario: Scenario;
  catalog: Catalog;
  objective: Objective;
}

/** Every plan is priced as this option. */
const PLAN = 'plan';

/** The scenario a plan is priced in: its one-time costs those the plan carries, no baseline or budgets. */
function planScenario(scenario: Scenario): Scenario {
  const carried = new Set(scenario.optimize?.one_time ?? []);
  return { ...scenario, one_time: scenario.one_time.filter((cost) => carried.has(cost.id)).map((cost) => ({ ...cost, options: [PLAN] })), baseline: undefined, budgets: [] };
}

/** The engine's problem with a plan, said of the plan. */
function unpriced(error: unknown): { unpriced: string } {
  if (!(error instanceof InputError)) throw error;
  return { unpriced: error.diagnostics[0]?.message.replace(/option "plan"/g, 'the plan') ?? 'no price' };
}

/** A plan (a choice for each of the scenario's workloads) priced whole by `simulate`, as compare prices it. */
export function priceWhole(pricing: PlanPricing, plan: readonly Choice[]): PlanOutcome {
  const { scenario, catalog } = pricing;
  try {
    const { periods, lineItems } = simulate({ ...planScenario(scenario), options: [planOption(PLAN, scenario.workloads, plan)] }, catalog, { unusedChanges: false });
    return summarize(lineItems, periods, pricing);
  } catch (error) {
    return unpriced(error);
  }
}

/**
 * A plan's (or an option's) figures from its line items: summed by month, as integers where they
 * can be (model/cost-sum.ts), then each month's sum discounted once for the net present value.
 */
export function summarize(lineItems: readonly LineItem[], periods: readonly Period[], pricing: PlanPricing): PricedPlan {
  const { scenario, objective } = pricing;
  const weights = objective === 'npv' && scenario.discount_rate !== undefined ? discountFactors(periods.length, scenario.discount_rate) : undefined;
  const mustMeet = (scenario.optimize?.must_meet ?? []).map((id) => `${id}:`);
  const month = new Map(periods.map((p, m) => [p, m]));
  const all = periods.map(() => new CostSum());
  const tokens = periods.map(() => new CostSum());
  const shortfall = new CostSum();
  for (const item of lineItems) {
    const m = month.get(item.period)!;
    all[m]!.add(item);
    if (item.category.startsWith('tokens.')) tokens[m]!.add(item);
    if (item.category === 'commitment.shortfall' && mustMeet.some((prefix) => item.meter.startsWith(prefix))) shortfall.add(item);
  }
  const weigh = (sums: CostSum[]) => sums.reduce((total, sum, m) => total.plus(weights === undefined ? sum.total : sum.total.div(weights[m]!)), ZERO);
  return { objective: weigh(all), total: all.reduce((total, sum) => total.plus(sum.total), ZERO), shortfall: shortfall.total, tokens: weigh(tokens) };
}

/** A plan as an option: every workload placed apart, the first's model also the option's own. */
export function planOption(id: string, workloads: readonly Workload[], plan: readonly Choice[], description?: string): Option {
  const first = plan[0]!;
  return {
    id,
    description,
    model: first.model,
    fallback: undefined,
    runtime: undefined,
    state: undefined,
    cache: undefined,
    workloads: Object.fromEntries(
      workloads.map((w, i) => {
        const c = plan[i]!;
        return [w.id, { model: c.model, fallback: c.fallback === undefined ? undefined : { model: c.fallback }, runtime: c.runtime, state: c.state, cache: c.cache }];
      }),
    ),
    gateways: [],
    provisioned: undefined,
    support: undefined,
    interconnect: undefined,
  };
}

/**
 * Prices plans through the engine's plan pricing (engine/simulate.ts `planEngine`): each workload
 * at each choice is priced once and kept, and a plan is priced as its parts with what they share.
 * The same figures as `priceWhole`, at a fraction of the work when plans differ by one workload.
 */
export function planPricer(pricing: PlanPricing) {
  const { scenario, catalog } = pricing;
  const engine = planEngine(planScenario(scenario), catalog);
  const parts = new Map<string, PlanPart>();
  const partOf = (w: number, choice: Choice) => {
    const key = `${w} ${choiceKey(choice)}`;
    let part = parts.get(key);
    if (part === undefined) parts.set(key, (part = engine.part(w, choiceOption(choice, PLAN))));
    return part;
  };
  /** The plan placing workloads `indices` (of the scenario's) at `choices`. */
  return (indices: readonly number[], choices: readonly Choice[]): PlanOutcome => {
    try {
      const option = planOption(PLAN, indices.map((w) => scenario.workloads[w]!), choices);
      // a workload priced alone shares its metered groups with no other pricing: nothing to keep
      const { periods, lineItems } = engine.price(option, indices.map((w, i) => partOf(w, choices[i]!)), { reuse: indices.length === scenario.workloads.length });
      return summarize(lineItems, periods, pricing);
    } catch (error) {
      return unpriced(error);
    }
  };
}
