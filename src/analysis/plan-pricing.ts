/**
 * Prices plans exactly: each plan (a choice per workload) becomes one option that places every
 * workload apart, and many such options are priced by the engine in one run, so egress tiers,
 * shared free allowances, commitments and support see each plan's workloads together, as a bill
 * would. A plan the engine cannot price (a price missing for one combination) is set aside with
 * the engine's message; the others are priced again without it.
 *
 * A plan carries the scenario's commitments, support plans, datasets and contracts, and the
 * one-time costs `optimize.one_time` names; not the options' gateways, interconnects or
 * provisioned throughput.
 */
import { planEngine, simulate, type PlanPart } from '../engine/simulate.js';
import type { Catalog } from '../model/catalog.js';
import { InputError, type Diagnostic } from '../model/diagnostic.js';
import { LIMITS } from '../model/limits.js';
import { CostSum } from '../model/cost-sum.js';
import { ZERO, type Decimal } from '../model/money.js';
import type { LineItem } from '../model/line-item.js';
import type { Period } from '../model/period.js';
import type { Option, Scenario, Workload } from '../model/scenario.js';
import { discountFactors } from './break-even.js';
import { choiceOption, type Choice } from './optimize-space.js';

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

/** Each plan lists a choice for each of `workloads`, in their order. */
export function pricePlans(pricing: PlanPricing, workloads: readonly Workload[], plans: readonly (readonly Choice[])[]): PlanOutcome[] {
  const { scenario } = pricing;
  const months = scenario.horizon.months;
  // a run prices at most LIMITS.pricedMonths workload-months, and holds every line item of its options
  const batch = Math.max(1, Math.min(64, Math.floor(LIMITS.pricedMonths / (workloads.length * months)), Math.floor(LIMITS.lineItems / (workloads.length * months * 24))));
  const outcomes: PlanOutcome[] = [];
  for (let start = 0; start < plans.length; start += batch) outcomes.push(...priceBatch(pricing, workloads, plans.slice(start, start + batch)));
  return outcomes;
}

function priceBatch(pricing: PlanPricing, workloads: readonly Workload[], plans: readonly (readonly Choice[])[]): PlanOutcome[] {
  const outcomes: (PlanOutcome | undefined)[] = plans.map(() => undefined);
  let pending = plans.map((_, i) => i);
  while (pending.length > 0) {
    try {
      const priced = priceTogether(pricing, workloads, pending.map((i) => plans[i]!));
      pending.forEach((i, k) => (outcomes[i] = priced[k]));
      pending = [];
    } catch (error) {
      if (!(error instanceof InputError)) throw error;
      const blamed = blame(error.diagnostics, pending.length);
      // a problem no option owns is the scenario's own, which optimize cannot choose around
      if (blamed === undefined) throw error;
      for (const [k, message] of blamed) outcomes[pending[k]!] = { unpriced: message };
      pending = pending.filter((_, k) => !blamed.has(k));
    }
  }
  return outcomes as PlanOutcome[];
}

/**
 * Which of the run's options each problem is about, or undefined if one is about none. A problem
 * of something every option shares (a dataset's copy) names the option it was found for; the
 * engine says it once per cause, so others with the same cause show on the next run.
 */
function blame(diagnostics: readonly Diagnostic[], options: number): Map<number, string> | undefined {
  const blamed = new Map<number, string>();
  for (const d of diagnostics) {
    const named = /option "plan-(\d+)"/.exec(d.message)?.[1];
    const index = d.path?.[0] === 'options' ? d.path[1] : named === undefined ? undefined : Number(named);
    if (typeof index !== 'number' || index >= options) return undefined;
    if (!blamed.has(index)) blamed.set(index, d.message.replace(/option "plan-\d+"/, 'the plan'));
  }
  return blamed.size === 0 ? undefined : blamed;
}

function priceTogether(pricing: PlanPricing, workloads: readonly Workload[], plans: readonly (readonly Choice[])[]): PricedPlan[] {
  const { scenario, catalog } = pricing;
  const ids = plans.map((_, i) => `plan-${i}`);
  const carried = new Set(scenario.optimize?.one_time ?? []);
  const variant: Scenario = {
    ...scenario,
    workloads: [...workloads],
    options: plans.map((plan, i) => planOption(ids[i]!, workloads, plan)),
    one_time: scenario.one_time.filter((cost) => carried.has(cost.id)).map((cost) => ({ ...cost, options: ids })),
    baseline: undefined,
    budgets: [],
  };
  const { periods, lineItems } = simulate(variant, catalog, { unusedChanges: false });
  const byOption = new Map<string, LineItem[]>(ids.map((id) => [id, []]));
  for (const item of lineItems) byOption.get(item.option)!.push(item);
  return ids.map((id) => summarize(byOption.get(id)!, periods, pricing));
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
 * The same figures as `pricePlans`, at a fraction of the work when plans differ by one workload.
 */
export function planPricer(pricing: PlanPricing) {
  const { scenario, catalog } = pricing;
  const carried = new Set(scenario.optimize?.one_time ?? []);
  const variant: Scenario = { ...scenario, one_time: scenario.one_time.filter((cost) => carried.has(cost.id)).map((cost) => ({ ...cost, options: [PLAN] })), baseline: undefined, budgets: [] };
  const engine = planEngine(variant, catalog);
  const parts = new Map<string, PlanPart>();
  const partOf = (w: number, choice: Choice) => {
    const key = `${w} ${JSON.stringify(choice)}`;
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
      const sum = summarize(lineItems, periods, pricing);
      return sum;
    } catch (error) {
      if (!(error instanceof InputError)) throw error;
      return { unpriced: error.diagnostics[0]?.message.replace(/option "plan"/g, 'the plan') ?? 'no price' };
    }
  };
}

const PLAN = 'plan';
