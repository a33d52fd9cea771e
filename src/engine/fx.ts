/**
 * Prices stay in their row's currency; a scenario reporting in another one states fixed rates
 * (`fx:`), so the same inputs always give the same result. A price in a currency without a
 * rate is an error, never a guess.
 *
 *   fx: [{ from: USD, rate: 0.86, as_of: 2026-11-02 }]     1 USD = 0.86 of the scenario's EUR
 *   a 5.00 USD price per 1M tokens becomes 4.30 EUR
 */
import type { Diagnostic, PathSegment } from '../model/diagnostic.js';
import { ONE, type Decimal } from '../model/money.js';
import type { Scenario } from '../model/scenario.js';

/** The rate from a currency into the reporting one: 1 for the reporting currency itself. */
export type Exchange = (currency: string) => Decimal | undefined;

export function exchange(scenario: Scenario): Exchange {
  const rates = new Map(scenario.fx.map((r) => [r.from, r.rate]));
  return (currency) => (currency === scenario.currency ? ONE : rates.get(currency));
}

export function missingRate(row: string, currency: string, reporting: string): string {
  return `${row} is priced in ${currency} but the scenario reports in ${reporting}; add the rate under fx: (from: ${currency}, rate: …)`;
}

/**
 * An amount the scenario states (a commitment, a cap, a one-time cost) in the reporting
 * currency: `currency` defaults to it, and another currency needs a rate under `fx:`.
 */
export function statedAmount(
  amount: Decimal,
  currency: string | undefined,
  reporting: string,
  rates: Exchange,
  path: readonly PathSegment[],
): { value: Decimal; fx: { currency: string; rate: Decimal } | undefined } | { problem: Diagnostic } {
  if (currency === undefined || currency === reporting) return { value: amount, fx: undefined };
  const rate = rates(currency);
  if (rate === undefined) return { problem: { path, message: `${amount.toFixed()} ${currency} needs a rate into ${reporting}; add it under fx: (from: ${currency}, rate: …)` } };
  return { value: amount.times(rate), fx: { currency, rate } };
}
