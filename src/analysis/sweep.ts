/**
 * A sweep: every option's total at each value of one input, and the values where the cheapest
 * option changes, found by bisection to the input's unit (a session, a byte, a basis point of a
 * share): between two points with different cheapest options, the first value at which the new
 * one is cheapest.
 *
 * Example: option a at 3 per 1M input tokens, option b at 2 per 1M plus 1 000 once, 1 000 tokens
 * a session: a costs 0.003 a session, b 1 000 + 0.002 a session; they are even at 1 000 000
 * sessions (a, listed first, keeps a tie), and b is cheaper from 1 000 001.
 */
import { Decimal } from '../model/money.js';

export interface SweepPoint {
  value: Decimal;
  totals: Map<string, Decimal>;
  cheapest: string;
}

export interface Crossover {
  /** The first value (to the input's unit) at which `to` is cheapest. */
  at: Decimal;
  from: string;
  to: string;
}

export interface SweepResult {
  points: SweepPoint[];
  crossovers: Crossover[];
}

/** Totals per option (in the scenario's order) at one value of the input. */
export type Evaluate = (value: Decimal) => Promise<Map<string, Decimal>>;

export async function sweep(values: readonly Decimal[], unit: Decimal, evaluate: Evaluate): Promise<SweepResult> {
  const points: SweepPoint[] = [];
  for (const value of values) points.push(point(value, await evaluate(value)));
  const crossovers: Crossover[] = [];
  for (let i = 1; i < points.length; i++) {
    const before = points[i - 1]!;
    const after = points[i]!;
    if (before.cheapest === after.cheapest) continue;
    // the cheapest at `lo` is before's, at `hi` it is not: narrow to one unit
    let lo = before;
    let hi = after;
    while (hi.value.minus(lo.value).gt(unit)) {
      const middle = lo.value.plus(hi.value).div(2).div(unit).floor().times(unit);
      if (middle.lte(lo.value) || middle.gte(hi.value)) break;
      const mid = point(middle, await evaluate(middle));
      if (mid.cheapest === before.cheapest) lo = mid;
      else hi = mid;
    }
    crossovers.push({ at: hi.value, from: lo.cheapest, to: hi.cheapest });
  }
  return { points, crossovers };
}

function point(value: Decimal, totals: Map<string, Decimal>): SweepPoint {
  let cheapest: string | undefined;
  for (const [option, total] of totals) if (cheapest === undefined || total.lt(totals.get(cheapest)!)) cheapest = option;
  return { value, totals, cheapest: cheapest! };
}

/** `from..to:step` as the points from `from` up to `to`, in steps. */
export function pointsOf(from: Decimal, to: Decimal, step: Decimal): Decimal[] {
  const points: Decimal[] = [];
  for (let v = from; v.lte(to); v = v.plus(step)) points.push(v);
  return points;
}

