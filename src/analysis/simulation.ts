/**
 * What a simulation's trials say: per option, the percentiles and mean of its horizon total and
 * of each month's cost, and how often it was the cheapest (a tie goes to the option listed
 * first, as everywhere else). Trials arrive as float64 costs per trial, option and month.
 */
import { meanOf, percentilesOf } from './percentiles.js';

export interface Spread {
  /** In the order of the percentiles asked for. */
  percentiles: number[];
  mean: number;
}

export interface SimulatedOption {
  total: Spread;
  months: Spread[];
  /** The share of trials in which it was the cheapest, 0 to 1. */
  cheapest: number;
}

/** Each trial's horizon total per option: [trial × options + option]. */
export function trialTotals(costs: Float64Array, trials: number, options: number, months: number): Float64Array {
  const totals = new Float64Array(trials * options);
  for (let t = 0; t < trials; t++) {
    for (let o = 0; o < options; o++) {
      let total = 0;
      const start = (t * options + o) * months;
      for (let m = 0; m < months; m++) total += costs[start + m]!;
      totals[t * options + o] = total;
    }
  }
  return totals;
}

/** The option cheapest in trial `t`. */
export function cheapestIn(totals: Float64Array, t: number, options: number): number {
  let best = 0;
  for (let o = 1; o < options; o++) if (totals[t * options + o]! < totals[t * options + best]!) best = o;
  return best;
}

export function summariseTrials(costs: Float64Array, trials: number, options: number, months: number, percentiles: readonly number[]): SimulatedOption[] {
  const totals = trialTotals(costs, trials, options, months);
  const wins = new Array<number>(options).fill(0);
  for (let t = 0; t < trials; t++) wins[cheapestIn(totals, t, options)]!++;
  const column = new Float64Array(trials);
  const spread = (at: (t: number) => number): Spread => {
    for (let t = 0; t < trials; t++) column[t] = at(t);
    return { percentiles: percentilesOf(column, percentiles), mean: meanOf(column) };
  };
  return Array.from({ length: options }, (_, o) => ({
    total: spread((t) => totals[t * options + o]!),
    months: Array.from({ length: months }, (_, m) => spread((t) => costs[(t * options + o) * months + m]!)),
    cheapest: wins[o]! / trials,
  }));
}
