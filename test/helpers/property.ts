/**
 * Shared settings and small arbitraries for the property tests (fast-check).
 *
 * Runs are reproducible: every property runs from one fixed seed, which FC_SEED overrides to
 * explore further (`FC_SEED=123 npx vitest run test/engine/…`). On a failure fast-check prints
 * the seed and the shrink path with the minimal counterexample, so it can be replayed.
 *
 * Numbers are generated as decimal text ("12.34"), the way scenarios and catalogs state them,
 * so no value passes through a binary float on its way into the engine.
 */
import fc from 'fast-check';
import { Decimal, dec } from '../../src/model/money.js';
import { addMonths, daysInMonth, type Period } from '../../src/model/period.js';

export const PROPERTY_SEED = process.env.FC_SEED === undefined || process.env.FC_SEED === '' ? 20_270_101 : Number(process.env.FC_SEED);

/** fast-check parameters: a fixed seed (see above) and the given number of runs. */
export function runs(numRuns: number): fc.Parameters<unknown> {
  return { numRuns, seed: PROPERTY_SEED };
}

/** `value` with `scale` decimals as plain text: (1234, 2) → "12.34". */
export function scaled(value: number | bigint, scale: number): string {
  return dec(String(value)).div(dec('10').pow(scale)).toFixed();
}

/** Decimal text from `min` to `max` units of 10^-scale: decimalText(0, 999, 2) gives "0" … "9.99". */
export function decimalText(min: number, max: number, scale = 0): fc.Arbitrary<string> {
  return fc.integer({ min, max }).map((n) => scaled(n, scale));
}

/** A percentage as scenarios write it: percentText(0, 1000, 1) gives "0%" … "100%" in steps of 0.1 %. */
export function percentText(min: number, max: number, scale = 0): fc.Arbitrary<string> {
  return decimalText(min, max, scale).map((p) => `${p}%`);
}

/** A catalog price: a non-negative decimal with up to four decimals, zero now and then (free tiers). */
export const priceText: fc.Arbitrary<string> = fc.oneof({ weight: 1, arbitrary: fc.constant('0') }, { weight: 6, arbitrary: decimalText(1, 200_000, 4) });

/** Adds a decimal to a decimal text: exact, for making one usage figure bigger. */
export function plus(text: string, increment: string): string {
  return dec(text).plus(dec(increment)).toFixed();
}

/** The ISO date `days` after the first day of `period` (0 is the first day itself). */
export function dateAfter(period: Period, days: number): string {
  const [year, month] = period.split('-').map(Number) as [number, number];
  return new Date(Date.UTC(year, month - 1, 1 + days)).toISOString().slice(0, 10);
}

/** Days from the first day of `start` to the end of the horizon of `months` months. */
export function horizonDays(start: Period, months: number): number {
  let days = 0;
  for (let i = 0; i < months; i++) days += daysInMonth(addMonths(start, i));
  return days;
}

/** Sum of decimals, exact. */
export function total(values: Iterable<Decimal>): Decimal {
  let sum = new Decimal(0);
  for (const v of values) sum = sum.plus(v);
  return sum;
}

export const SOURCE = 'https://example.com/property-test,2026-01-01,';

/**
 * Time allowed for one property test: its runs take seconds, longer on a busy machine, and
 * vitest's 5 s default would make them fail for being slow rather than wrong.
 */
export const PROPERTY_TIMEOUT = 60_000;
