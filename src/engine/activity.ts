/**
 * How much a workload does each month, before anything is priced: sessions, turns and model
 * calls, as expected values (fractional). Every cost driver starts from these.
 *
 *   sessions = sessions_per_month × (1 + growth)^m     m = 0 in the horizon's first month
 *   turns    = sessions × turns_per_session
 *   calls    = turns × calls_per_turn
 *
 * Worked example: 1 000 sessions, growth 10 %, 2 turns, 1 call. Month 1: 1 100 sessions,
 * 2 200 turns, 2 200 calls.
 */
import { ONE, type Decimal } from '../model/money.js';
import type { Period } from '../model/period.js';
import type { Workload } from '../model/scenario.js';

export interface Activity {
  period: Period;
  sessions: Decimal;
  turns: Decimal;
  calls: Decimal;
}

export function workloadActivity(workload: Workload, periods: readonly Period[]): Activity[] {
  return periods.map((period, m) => {
    const sessions = workload.sessions_per_month.times(ONE.plus(workload.growth).pow(m));
    const turns = sessions.times(workload.turns_per_session);
    return { period, sessions, turns, calls: turns.times(workload.calls_per_turn) };
  });
}

/** Round to whole units (tokens, bytes) half to even, as a bill counts them. */
export function whole(quantity: Decimal): Decimal {
  const rounded = quantity.isInteger() ? quantity : quantity.toDecimalPlaces(0);
  return rounded.isZero() ? rounded.abs() : rounded;
}
