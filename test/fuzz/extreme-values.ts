/**
 * Values a scenario field accepts, at its edges: no sessions, 10^400 sessions, -100 % growth,
 * 600 months, a 100 % discount. Mutations that only break input end in exit 2 at the loader;
 * these reach the engine and the reports, where overflowing figures, divisions by zero and
 * huge numbers to print hide.
 */
import { Raw, exponentBomb, manyNines, tinyDecimal } from './hostile-values.js';
import type { Random } from './random.js';

/** 1e9000000000000000 is the largest power of ten decimal.js holds: valid, and any product of it overflows. */
const AT_DECIMAL_LIMIT = '1e9000000000000000';
const HUGE_COUNT = ['1e400', '1e30', '1e15', AT_DECIMAL_LIMIT, manyNines(1000), '1e-400', '0', '0.5', '123456789.123456789123456789123456789'];
const SHARE = ['0%', '100%', '99.9999999%', '1e-400%', '50%'];
const SIZE = ['0', '1B', '1e400B', '1e30TiB', `${manyNines(300)}KiB`];
const PERIOD = ['1900-01', '2026-05', '2027-01', '2999-12', '2400-02'];

const BY_KEY: Record<string, readonly (string | number | boolean)[]> = {
  sessions_per_month: HUGE_COUNT,
  growth: ['-100%', '1000%', '-99.9999%', '0%', '999.99999%', '-1e-400%', '1e-400%'],
  turns_per_session: ['0', '1e12', '0.0001', '1e400', AT_DECIMAL_LIMIT],
  calls_per_turn: ['0', '1e12', '0.0001', '1e400'],
  input: ['0', '1e15', '1e-30', '1e400', '0.5', AT_DECIMAL_LIMIT],
  output: ['0', '1e15', '1e-30', '1e400', '0.5'],
  cached_share: SHARE,
  cache_write_share: SHARE,
  share: SHARE,
  units: ['1', '15', '1e15', '1e400', '0.5'],
  peak_to_average: ['1', '0.5', '1e15', '1e400', manyNines(300)],
  batch_share: SHARE,
  hit_rate: SHARE,
  months: [1, 2, 599, 600],
  start: PERIOD,
  from: PERIOD,
  until: PERIOD,
  month: PERIOD,
  discount: ['0%', '100%', '99.99%', '1e-400%'],
  amount: ['0', '1e400', '1e30', manyNines(500), tinyDecimal(400), AT_DECIMAL_LIMIT],
  rate: ['0%', '100%', '1e-400%', '0.000000001', '1e400', manyNines(300)],
  cap: ['0', '1e400', tinyDecimal(400)],
  cap_share: ['0%', '100%', '1e-400%'],
  limit: ['0', '1e400', '0.001', tinyDecimal(400), AT_DECIMAL_LIMIT],
  discount_rate: ['0%', '100%', '1e-400%', '99.999%'],
  rtt_ms: ['0', '1e400', manyNines(400), tinyDecimal(400), AT_DECIMAL_LIMIT],
  size: SIZE,
  monthly_change: SIZE,
  request: SIZE,
  request_growth: SIZE,
  response: SIZE,
  read_per_turn: SIZE,
  write_per_turn: SIZE,
  stored_per_session: SIZE,
  memory: ['1B', '1e30GiB', '1e400B'],
  retention: ['0d', '1h', '1e9d', '1e400d', '1e-400d'],
  reads_per_turn: ['0', '1e30', '1e400', AT_DECIMAL_LIMIT],
  writes_per_turn: ['0', '1e30', '1e400'],
  read_units: ['0', '1e30', '1e400'],
  write_units: ['0', '1e30', '1e400'],
  nodes: ['1', '1e12', manyNines(100)],
  count: ['1', '1e12', manyNines(100)],
  active_seconds_per_turn: ['0', '1e30', '1e-30', '1e400'],
  vcpus: ['0', '1e30', '1e-30'],
  session_hours: ['0', '1e30', '1e-30', '1e400'],
  tier: ['standard', 'batch', 'priority', 'flex'],
  per: ['month', 'quarter', 'year', 'horizon'],
  period: ['month', 'quarter', 'year'],
  severity: ['error', 'warning'],
  bill_model_responses: [true, false],
  api: ['stateless', 'stateful'],
};

/** An edge value for the field a leaf sits under, or undefined if the field has none listed. */
export function extremeValueFor(key: string, random: Random): Raw | boolean | number | undefined {
  const values = BY_KEY[key];
  if (values === undefined) return undefined;
  const value = random.chance(0.02) && typeof values[0] === 'string' ? exponentBomb(random) : random.pick(values);
  return typeof value === 'string' ? new Raw(value) : value;
}

export const hasExtremeValues = (key: string) => key in BY_KEY;
