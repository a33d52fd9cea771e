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

/** The five figures of a box plot (P5, P25, median, P75, P95) and the mean. */
export interface Box {
  low: number;
  q1: number;
  median: number;
  q3: number;
  high: number;
  mean: number;
}

/** Each option's horizon totals over the trials: its box, and its count in each of `bins` equal-width bins over every option's range. */
export function spreadOfTotals(totals: Float64Array, trials: number, options: number, bins: number): { boxes: Box[]; edges: number[]; counts: number[][] } {
  const columns = Array.from({ length: options }, (_, o) => {
    const column = new Float64Array(trials);
    for (let t = 0; t < trials; t++) column[t] = totals[t * options + o]!;
    return column;
  });
  const boxes = columns.map((column) => {
    const [low, q1, median, q3, high] = percentilesOf(column, [5, 25, 50, 75, 95]) as [number, number, number, number, number];
    return { low, q1, median, q3, high, mean: meanOf(column) };
  });
  let low = Infinity;
  let high = -Infinity;
  for (const x of totals) {
    if (x < low) low = x;
    if (x > high) high = x;
  }
  if (!(high > low)) [low, high] = [low - 0.5, low + 0.5];
  const width = (high - low) / bins;
  const edges = Array.from({ length: bins + 1 }, (_, i) => (i === bins ? high : low + i * width));
  const counts = columns.map((column) => {
    const count = new Array<number>(bins).fill(0);
    for (const x of column) count[Math.min(bins - 1, Math.floor((x - low) / width))]!++;
    return count;
  });
  return { boxes, edges, counts };
}
