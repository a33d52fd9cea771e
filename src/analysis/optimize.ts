/**
 * The search for the cheapest plan: a choice for each workload, priced together (coupling through
 * tiers, allowances and commitments means the best plan need not be the per-workload bests).
 *
 * - Exhaustive, when the plans number at most EXHAUSTIVE_BOUND: every plan priced; the best is
 *   the optimum of the space.
 * - Otherwise local search: from the best of the starting plans (the best predefined option's
 *   pieces, the per-workload bests), move one workload at a time to its most promising other
 *   choice (by what the choice costs on its own), keeping each move that improves the plan;
 *   when a round over every workload improves nothing, try each workload's two most promising,
 *   and so on up to `MOVES`, until no move improves the plan or `maxEvaluations` plans have been
 *   priced. The result is a good plan, not a proven optimum: its gap to a lower bound is
 *   reported beside it.
 *
 * Plans are compared on the shortfall of commitments they must meet first (a plan meeting them
 * beats any that does not), then on the objective; ties go to the plan found first.
 */
import type { Decimal } from '../model/money.js';

/** Plans priced at most for an exhaustive search: at a few milliseconds each, seconds in all. */
export const EXHAUSTIVE_BOUND = 4096;
/** Other choices tried per workload in each round of the local search. */
export const MOVES = 4;

export interface Priced {
  objective: Decimal;
  shortfall: Decimal;
}

/** A plan's outcome: priced, or why it could not be. */
export type Outcome = Priced | { unpriced: string };

export interface SearchInput {
  /** Allowed choices per workload. */
  counts: readonly number[];
  /** What each workload's choice costs on its own (the objective), to order moves by. */
  alone: readonly (readonly Decimal[])[];
  /** Plans to start from (choice index per workload), best first on a tie. */
  starts: readonly (readonly number[])[];
  /** Prices plans, in order. */
  evaluate: (plans: readonly (readonly number[])[]) => Outcome[];
  maxEvaluations: number;
  /** `local` searches locally however small the space (to compare the two, or to bound the work). */
  method?: 'auto' | 'local';
}

export interface SearchResult {
  method: 'exhaustive' | 'local search';
  /** How many plans the space holds (a float: it may be astronomically many). */
  spaceSize: number;
  plan: number[];
  best: Priced;
  evaluated: number;
  /** The lowest objective among priced plans rejected for a shortfall: says whether must_meet binds. */
  cheaperWithShortfall: Decimal | undefined;
  /** Plans the engine could not price, with the first reason. */
  unpriced: { count: number; first: string | undefined };
}

export function searchPlans(input: SearchInput): SearchResult | undefined {
  const spaceSize = input.counts.reduce((product, n) => product * n, 1);
  const tracker = new Tracker(input.evaluate);
  if (spaceSize <= EXHAUSTIVE_BOUND && input.method !== 'local') {
    const plans: number[][] = [];
    for (let k = 0; k < spaceSize; k++) plans.push(planAt(k, input.counts));
    tracker.consider(plans);
    return tracker.result('exhaustive', spaceSize);
  }
  tracker.consider(input.starts);
  if (tracker.best === undefined) return undefined;
  // breadth first: each workload's most promising other choice, then its two most promising, …;
  // a plan priced once is not priced again, so a round after a move tries only what is new
  for (let depth = 1; depth <= MOVES && tracker.evaluated < input.maxEvaluations; ) {
    let improved = false;
    for (let w = 0; w < input.counts.length && tracker.evaluated < input.maxEvaluations; w++) {
      const current = tracker.best!.plan;
      const alone = input.alone[w]!;
      const others = [...alone.keys()].filter((c) => c !== current[w]).sort((a, b) => alone[a]!.comparedTo(alone[b]!) || a - b);
      const room = input.maxEvaluations - tracker.evaluated;
      const moves = others.slice(0, Math.min(depth, room)).map((c) => current.map((choice, i) => (i === w ? c : choice)));
      if (tracker.consider(moves)) improved = true;
    }
    if (!improved) depth++;
  }
  return tracker.result('local search', spaceSize);
}

/** Plan number k of the space, counting the first workload's choice fastest. */
function planAt(k: number, counts: readonly number[]): number[] {
  return counts.map((n) => {
    const choice = k % n;
    k = Math.floor(k / n);
    return choice;
  });
}

/** Keeps the best plan priced so far, and what the search needs to say about the rest. */
class Tracker {
  best: { plan: number[]; priced: Priced } | undefined;
  evaluated = 0;
  private seen = new Set<string>();
  private cheaperWithShortfall: Decimal | undefined;
  private unpriced = { count: 0, first: undefined as string | undefined };

  constructor(private readonly evaluate: SearchInput['evaluate']) {}

  /** Prices the plans not priced before; true if one of them became the best. */
  consider(plans: readonly (readonly number[])[]): boolean {
    const fresh = plans.filter((plan) => {
      const key = plan.join(',');
      return !this.seen.has(key) && this.seen.add(key) !== undefined;
    });
    if (fresh.length === 0) return false;
    const outcomes = this.evaluate(fresh);
    this.evaluated += fresh.length;
    let improved = false;
    fresh.forEach((plan, i) => {
      const outcome = outcomes[i]!;
      if ('unpriced' in outcome) {
        this.unpriced.count++;
        this.unpriced.first ??= outcome.unpriced;
        return;
      }
      if (outcome.shortfall.gt(0) && (this.cheaperWithShortfall === undefined || outcome.objective.lt(this.cheaperWithShortfall))) this.cheaperWithShortfall = outcome.objective;
      if (this.best === undefined || better(outcome, this.best.priced)) {
        this.best = { plan: [...plan], priced: outcome };
        improved = true;
      }
    });
    return improved;
  }

  result(method: SearchResult['method'], spaceSize: number): SearchResult | undefined {
    if (this.best === undefined) return undefined;
    const rejected = this.cheaperWithShortfall;
    return {
      method,
      spaceSize,
      plan: this.best.plan,
      best: this.best.priced,
      evaluated: this.evaluated,
      cheaperWithShortfall: rejected !== undefined && this.best.priced.shortfall.isZero() && rejected.lt(this.best.priced.objective) ? rejected : undefined,
      unpriced: this.unpriced,
    };
  }
}

function better(a: Priced, b: Priced): boolean {
  const shortfall = a.shortfall.comparedTo(b.shortfall);
  return shortfall !== 0 ? shortfall < 0 : a.objective.lt(b.objective);
}
