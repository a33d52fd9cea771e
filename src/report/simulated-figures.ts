/**
 * A simulation's figures as text: float64 estimates become money once, here (their shortest
 * decimal text, then rounded half away from zero like all money), shares as percentages, and a
 * spread as its middle percentile with the outer ones around it.
 */
import type { Spread } from '../analysis/simulation.js';
import { dec, Decimal } from '../model/money.js';
import { minorUnitsOf } from './numbers.js';

/** A float64 estimate as money: its shortest decimal text, an exact decimal from there on. */
export function amount(x: number): Decimal {
  if (!Number.isFinite(x)) throw new Error(`a non-finite simulated amount (${x}) was computed`);
  return dec(String(x));
}

export function moneyText(x: number, currency: string): string {
  return amount(x).toFixed(minorUnitsOf(currency), Decimal.ROUND_HALF_UP).replace(/^-(?=0[.0]*$)/, '');
}

export function shareText(share: number): string {
  return `${(share * 100).toFixed(1)}%`;
}

/** The percentile nearest the median and, around it, the lowest and highest asked for. */
export function middleOf(percentiles: readonly number[]): { mid: number; lo: number | undefined; hi: number | undefined } | undefined {
  if (percentiles.length === 0) return undefined;
  let mid = 0;
  percentiles.forEach((p, i) => (Math.abs(p - 50) < Math.abs(percentiles[mid]! - 50) ? (mid = i) : undefined));
  const lo = percentiles.indexOf(Math.min(...percentiles));
  const hi = percentiles.indexOf(Math.max(...percentiles));
  return lo === hi ? { mid, lo: undefined, hi: undefined } : { mid, lo, hi };
}

export function spreadText(s: Spread, middle: ReturnType<typeof middleOf>, money: (x: number) => string): string {
  if (middle === undefined) return money(s.mean);
  const centre = money(s.percentiles[middle.mid]!);
  return middle.lo === undefined ? centre : `${centre} (${money(s.percentiles[middle.lo]!)} – ${money(s.percentiles[middle.hi!]!)})`;
}
