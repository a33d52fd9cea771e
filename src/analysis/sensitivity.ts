/**
 * Sensitivity (a tornado): each uncertain input, or each driver's inputs together, moved to its
 * low and then its high end with everything else at its mode or mean; how far that moves every
 * option's total, and the gap between the two options cheapest at the mode, whose order is
 * what a decision rests on. Factors are ranked by how far they move that gap (by the largest
 * move of any option's total when there is one option), the biggest first.
 *
 * Example: a at 0.003 a session, b at 1 000 + 0.002 a session, sessions from 500 000 to
 * 2 000 000 (mode 1 500 000): at the mode a is 4 500, b 4 000, b is cheapest and the gap is
 * a − b = 500; at 500 000 it is 1 500 − 2 000 = −500 (a is cheaper there), at 2 000 000,
 * 6 000 − 5 000 = 1 000: the gap moves by 1 500.
 */
import type { Decimal } from '../model/money.js';

export interface Factor {
  /** `workloads[0].growth`, or `driver demand` for the inputs that move together. */
  name: string;
  /** Each input it moves, with its low and high end as the field writes them. */
  inputs: { path: string; low: string; high: string }[];
}

export interface FactorOutcome {
  factor: Factor;
  low: Map<string, Decimal>;
  high: Map<string, Decimal>;
}

export interface Gap {
  /** The runner-up's total less the cheapest's: below zero, the runner-up is the cheaper. */
  low: Decimal;
  high: Decimal;
  swing: Decimal;
}

export interface RankedFactor extends FactorOutcome {
  /** How far each option's total moves between the two ends. */
  swings: Map<string, Decimal>;
  gap: Gap | undefined;
}

export interface Sensitivity {
  options: string[];
  /** Totals with every input at its mode or mean. */
  point: Map<string, Decimal>;
  /** The two cheapest options at the point, when there are two. */
  pair: { cheapest: string; runnerUp: string } | undefined;
  factors: RankedFactor[];
}

export function sensitivity(point: Map<string, Decimal>, outcomes: readonly FactorOutcome[]): Sensitivity {
  const options = [...point.keys()];
  // stable: of equal totals, the option listed first is the cheaper, as everywhere else
  const byTotal = options.map((o, i) => ({ o, i })).sort((a, b) => point.get(a.o)!.cmp(point.get(b.o)!) || a.i - b.i);
  const pair = byTotal.length < 2 ? undefined : { cheapest: byTotal[0]!.o, runnerUp: byTotal[1]!.o };
  const gapAt = (totals: Map<string, Decimal>) => totals.get(pair!.runnerUp)!.minus(totals.get(pair!.cheapest)!);
  const ranked = outcomes.map((outcome, index): RankedFactor & { index: number } => {
    const swings = new Map(options.map((o) => [o, outcome.high.get(o)!.minus(outcome.low.get(o)!).abs()]));
    const gap = pair === undefined ? undefined : { low: gapAt(outcome.low), high: gapAt(outcome.high), swing: gapAt(outcome.high).minus(gapAt(outcome.low)).abs() };
    return { ...outcome, swings, gap, index };
  });
  const largestSwing = (f: RankedFactor) => [...f.swings.values()].reduce((a, b) => (b.gt(a) ? b : a));
  ranked.sort((a, b) => (a.gap !== undefined && b.gap !== undefined ? b.gap.swing.cmp(a.gap.swing) : 0) || largestSwing(b).cmp(largestSwing(a)) || a.index - b.index);
  return { options, point, pair, factors: ranked.map(({ index: _, ...factor }) => factor) };
}
