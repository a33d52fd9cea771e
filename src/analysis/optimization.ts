/**
 * `cloudtco optimize`, the pure part: from a scenario (its options already priced) to the best
 * plan found, against the best predefined option, with the constraints that bind.
 *
 *   1. The space (optimize-space.ts): each workload's allowed choices, and those a constraint rules out.
 *   2. Each choice priced on its own, the workload alone (plan-pricing.ts): to order the search's
 *      moves, to start it from the per-workload bests, for the lower bound, and to tell whether an
 *      excluded choice would have been cheaper (the constraint that excluded it binds).
 *   3. The search (optimize.ts), pricing whole plans together.
 *
 * The lower bound: every plan pays at least its token line items, which are priced per workload
 * whatever the others do, less at most the largest commitment discount; so no plan's objective is
 * below (1 − largest discount) × Σ over workloads of the cheapest allowed choice's tokens. Other
 * costs are bounded by zero. It is far below the optimum when runtimes, state or egress weigh.
 */
import type { Catalog } from '../model/catalog.js';
import { InputError } from '../model/diagnostic.js';
import type { LineItem } from '../model/line-item.js';
import { Decimal, ONE, ZERO } from '../model/money.js';
import type { Period } from '../model/period.js';
import { placedFor } from '../engine/workload-placement.js';
import type { Scenario } from '../model/scenario.js';
import { EXHAUSTIVE_BOUND, searchPlans, type SearchResult } from './optimize.js';
import { choiceFor, choiceKey, describeChoice, optimizeSpace, type Choice, type Exclusion, type WorkloadChoices } from './optimize-space.js';
import { planPricer, priceWhole, summarize, type Objective, type PlanOutcome, type PlanPricing, type PricedPlan } from './plan-pricing.js';

export interface PlannedWorkload {
  workload: string;
  choice: Choice;
  /** What the choice costs with the workload alone (the objective). */
  alone: Decimal;
  addedMs: Decimal | undefined;
  allowed: number;
  excluded: number;
}

export interface Binding {
  /** `rules[0].clouds`, `availability`, `must_meet`, … */
  constraint: string;
  workload: string | undefined;
  /** What it ruled out, and why. */
  excluded: string;
  why: string;
  /** How much cheaper the ruled-out choice (or plan) would have been. */
  forgone: Decimal;
}

export interface PredefinedOption {
  id: string;
  objective: Decimal;
  total: Decimal;
  shortfall: Decimal;
}

export interface Optimization {
  scenario: { name: string; file: string };
  currency: string;
  horizon: { start: Period; end: Period; months: number };
  objective: Objective;
  method: SearchResult['method'];
  spaceSize: number;
  evaluated: number;
  exhaustiveBound: number;
  plan: PlannedWorkload[];
  priced: PricedPlan;
  lowerBound: Decimal;
  /** (objective − lower bound) ÷ objective; zero for an exhaustive search. */
  gap: Decimal;
  best: PredefinedOption;
  /** What the best option has that no plan carries: why a plan may cost more than it. */
  bestHas: string[];
  options: PredefinedOption[];
  /** best − plan: positive when the plan saves. */
  saving: Decimal;
  savingRatio: Decimal | undefined;
  binding: Binding[];
  unpriced: SearchResult['unpriced'];
  /** Allowed choices the engine could not price with their workload alone (a service not sold there), left out. */
  unpricedChoices: { count: number; first: string | undefined };
  whatIf: readonly string[];
}

export interface OptimizeInput {
  scenario: Scenario;
  scenarioFile: string;
  catalog: Catalog;
  periods: Period[];
  /** The predefined options' line items. */
  lineItems: readonly LineItem[];
  objective: Objective;
  maxPlans: number;
  search?: 'auto' | 'local';
  whatIf?: readonly string[];
}

export function optimize(input: OptimizeInput): Optimization {
  const { scenario, catalog, objective, periods } = input;
  const space = optimizeSpace(scenario, catalog);
  const pricing = { scenario, catalog, objective };
  const workloads = scenario.workloads;
  const everyWorkload = workloads.map((_, i) => i);

  const price = planPricer(pricing);
  // each choice with its workload alone: allowed ones, and excluded ones (to tell whether they bind)
  const alone = space.map((w, i) => [...w.allowed, ...w.excluded.map((e) => e.choice)].map((c) => price([i], [c])));
  const usable = space.map((w, i) => usableChoices(w, alone[i]!.slice(0, w.allowed.length)));
  const empty = usable.findIndex((u) => u.choices.length === 0);
  if (empty >= 0) throw noPlacement(space[empty]!, usable[empty]!.unpriced);

  const options = predefined(pricing, input.lineItems, periods);
  const best = options.reduce((a, b) => (betterOption(b, a) ? b : a));
  const starts = [...options]
    .sort((a, b) => (betterOption(a, b) ? -1 : betterOption(b, a) ? 1 : 0))
    .map((o) => scenario.options.find((x) => x.id === o.id)!)
    .map((option) => workloads.map((w, i) => usable[i]!.choices.findIndex((c) => choiceKey(c) === choiceKey(choiceFor(placedFor(option, w.id), w)))))
    .filter((plan) => plan.every((c) => c >= 0));
  starts.push(usable.map((u) => cheapestIndex(u.alone)));

  const result = searchPlans({
    counts: usable.map((u) => u.choices.length),
    alone: usable.map((u) => u.alone),
    starts,
    evaluate: (plans) => plans.map((plan) => outcomeOf(price(everyWorkload, plan.map((c, w) => usable[w]!.choices[c]!)))),
    maxEvaluations: input.maxPlans,
    method: input.search,
  });
  if (result === undefined) throw new InputError([{ path: ['optimize'], message: 'no plan could be priced: every combination of the allowed placements lacks a price (run compare on an option with them to see which)' }]);
  // the plan as the report shows it: priced whole by simulate, as compare will price the emitted option
  const whole = priceWhole(pricing, result.plan.map((c, w) => usable[w]!.choices[c]!));
  if ('unpriced' in whole) throw new InputError([{ path: ['optimize'], message: `the plan found cannot be priced as one option: ${whole.unpriced}` }]);
  const priced: PricedPlan = whole;

  const largestDiscount = scenario.commitments.reduce((most, c) => Decimal.max(most, c.discount), ZERO);
  const lowerBound = ONE.minus(largestDiscount).times(usable.reduce((sum, u) => sum.plus(Decimal.min(...u.tokens)), ZERO));
  const gap = result.method === 'exhaustive' || priced.objective.lte(0) ? ZERO : Decimal.max(ZERO, priced.objective.minus(lowerBound).div(priced.objective));
  const plan = workloads.map((w, i) => {
    const c = result.plan[i]!;
    const u = usable[i]!;
    return { workload: w.id, choice: u.choices[c]!, alone: u.alone[c]!, addedMs: u.addedMs[c], allowed: u.choices.length, excluded: space[i]!.excluded.length };
  });
  const saving = best.objective.minus(priced.objective);
  return {
    scenario: { name: scenario.name, file: input.scenarioFile },
    currency: scenario.currency,
    horizon: { start: periods[0]!, end: periods[periods.length - 1]!, months: periods.length },
    objective,
    method: result.method,
    spaceSize: result.spaceSize,
    evaluated: result.evaluated,
    exhaustiveBound: EXHAUSTIVE_BOUND,
    plan,
    priced,
    lowerBound,
    gap,
    best,
    bestHas: onlyOptionsHave(scenario.options.find((o) => o.id === best.id)!),
    options,
    saving,
    savingRatio: best.objective.isZero() ? undefined : saving.div(best.objective),
    binding: bindings(space, withFallbacks(price, space, alone, plan), plan, result),
    unpriced: result.unpriced,
    unpricedChoices: { count: usable.reduce((n, u) => n + u.unpriced.length, 0), first: usable.find((u) => u.unpriced.length > 0)?.unpriced[0] },
    whatIf: input.whatIf ?? [],
  };
}

interface Usable {
  choices: Choice[];
  alone: Decimal[];
  tokens: Decimal[];
  addedMs: (Decimal | undefined)[];
  unpriced: string[];
}

/** The allowed choices the engine could price with the workload alone. */
function usableChoices(space: WorkloadChoices, outcomes: readonly PlanOutcome[]): Usable {
  const usable: Usable = { choices: [], alone: [], tokens: [], addedMs: [], unpriced: [] };
  outcomes.forEach((outcome, c) => {
    if ('unpriced' in outcome) return void usable.unpriced.push(`${describeChoice(space.allowed[c]!)}: ${outcome.unpriced}`);
    usable.choices.push(space.allowed[c]!);
    usable.alone.push(outcome.objective);
    usable.tokens.push(outcome.tokens);
    usable.addedMs.push(space.addedMs[c]);
  });
  return usable;
}

function noPlacement(space: WorkloadChoices, unpriced: readonly string[]): InputError {
  const reasons = [...space.excluded.slice(0, 3).map((e) => `${e.constraint} rules out ${describeChoice(e.choice)} (${e.why})`), ...unpriced.slice(0, 3)];
  return new InputError([{ path: ['optimize'], message: `workload "${space.workload.id}" has no placement to choose: ${reasons.join('; ') || 'no option places its model'}` }]);
}

/** Each predefined option's objective, total and shortfall of the commitments a plan must meet. */
function predefined(pricing: PlanPricing, items: readonly LineItem[], periods: readonly Period[]): PredefinedOption[] {
  const byOption = new Map<string, LineItem[]>(pricing.scenario.options.map((o) => [o.id, []]));
  for (const item of items) byOption.get(item.option)!.push(item);
  return [...byOption].map(([id, own]) => ({ id, ...summarize(own, periods, pricing) }));
}

function betterOption(a: PredefinedOption, b: PredefinedOption): boolean {
  const shortfall = a.shortfall.comparedTo(b.shortfall);
  return shortfall !== 0 ? shortfall < 0 : a.objective.lt(b.objective);
}

function outcomeOf(outcome: PlanOutcome) {
  return 'unpriced' in outcome ? outcome : { objective: outcome.objective, shortfall: outcome.shortfall };
}

function cheapestIndex(values: readonly Decimal[]): number {
  return values.reduce((best, v, i) => (v.lt(values[best]!) ? i : best), 0);
}

/**
 * A placement ruled out for not being sold over the whole horizon cannot be priced alone; priced
 * with what the plan chose as its fallback (as a user would run it), it says what waiting costs.
 */
function withFallbacks(price: ReturnType<typeof planPricer>, space: readonly WorkloadChoices[], alone: readonly PlanOutcome[][], plan: readonly PlannedWorkload[]): PlanOutcome[][] {
  return space.map((w, i) => {
    const fallback = plan[i]!.choice.model;
    const late = w.excluded.flatMap((e, k) => (e.all.some((b) => b.constraint === 'availability') ? [k] : []));
    if (late.length === 0) return alone[i]!;
    const priced = late.map((k) => price([i], [{ ...w.excluded[k]!.choice, fallback }]));
    const outcomes = [...alone[i]!];
    late.forEach((k, j) => (outcomes[w.allowed.length + k] = priced[j]!));
    return outcomes;
  });
}

/**
 * A constraint binds where what it rules out would, the workload alone, cost less than what the
 * plan chose for it; must_meet binds where a cheaper plan was priced that falls short.
 */
function bindings(space: readonly WorkloadChoices[], alone: readonly PlanOutcome[][], plan: readonly PlannedWorkload[], result: SearchResult): Binding[] {
  const found: Binding[] = [];
  space.forEach((w, i) => {
    const chosen = plan[i]!.alone;
    const strongest = new Map<string, Binding>();
    w.excluded.forEach((e: Exclusion, k) => {
      const outcome = alone[i]![w.allowed.length + k]!;
      if ('unpriced' in outcome || !outcome.objective.lt(chosen)) return;
      const forgone = chosen.minus(outcome.objective);
      // each constraint it breaks is credited: lifting any one alone would not let it in, but each stands in its way
      for (const broken of e.all) {
        const held = strongest.get(broken.constraint);
        const why = broken.constraint === 'availability' ? `${broken.why}; priced with the plan's model as its fallback` : broken.why;
        if (held === undefined || forgone.gt(held.forgone)) strongest.set(broken.constraint, { constraint: broken.constraint, workload: w.workload.id, excluded: describeChoice(e.choice), why, forgone });
      }
    });
    found.push(...strongest.values());
  });
  const plannedObjective = result.best.objective;
  if (result.cheaperWithShortfall !== undefined) {
    found.push({ constraint: 'must_meet', workload: undefined, excluded: 'plans that fall short of a commitment to be met', why: 'a cheaper plan leaves a commitment short', forgone: plannedObjective.minus(result.cheaperWithShortfall) });
  }
  return found;
}

/** The parts of an option a plan does not carry (plan-pricing.ts). */
function onlyOptionsHave(option: Scenario['options'][number]): string[] {
  return [
    option.provisioned === undefined ? '' : 'provisioned throughput',
    option.gateways.length === 0 ? '' : 'gateways',
    option.interconnect === undefined ? '' : 'an interconnect',
    option.support === undefined ? '' : 'its own support plans',
  ].filter((part) => part !== '');
}
