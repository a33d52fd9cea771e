/**
 * The one place that owns decimal.js. Every amount, price and quantity in cloudtco is a
 * `Decimal` built from text (a CSV cell, a YAML scalar's source), never from a JS number:
 * `0.1 + 0.2` is 0.30000000000000004 in binary floating point and money must not drift.
 *
 * Precision is 60 significant digits so that products like tokens × price-per-token and sums of
 * thousands of line items stay exact; display rounding happens only in src/report.
 */
import * as decimalModule from 'decimal.js';

// decimal.js ships ESM whose only export is the constructor as default, but CommonJS-style
// typings that TypeScript reads as the whole module; one cast reconciles the two.
const DecimalJs = decimalModule.default as unknown as typeof decimalModule.Decimal;

export const Decimal = DecimalJs.clone({
  precision: 60,
  rounding: DecimalJs.ROUND_HALF_EVEN,
  toExpNeg: -60,
  toExpPos: 60,
});
export type Decimal = InstanceType<typeof Decimal>;

export const ZERO = new Decimal('0');
export const ONE = new Decimal('1');

/** A decimal from its text, e.g. `dec("2.50")`. Throws on malformed text (callers validate first). */
export function dec(text: string): Decimal {
  return new Decimal(text);
}

export function sum(values: Iterable<Decimal>): Decimal {
  let total = ZERO;
  for (const v of values) total = total.plus(v);
  return total;
}

/**
 * The value, if it is a finite number. Inputs are bounded (model/quantity.ts NUMBER_LIMITS), so a
 * NaN or an infinity can only come from a bug; it stops the run (exit 3) rather than become a
 * figure that a CI gate would compare as "within budget".
 */
export function finite(value: Decimal, what = 'amount'): Decimal {
  if (!value.isFinite()) throw new Error(`a non-finite ${what} (${value.toString()}) was computed`);
  return value;
}

/** Exact plain-notation text, never exponent notation: what JSON and CSV carry. */
export function plain(value: Decimal): string {
  return finite(value).toFixed();
}
