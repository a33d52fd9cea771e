/** `--max-increase 5%` or `--max-increase 1000`: an allowed increase, relative or in money. */
import type { Threshold } from '../analysis/check.js';
import { InputError } from '../model/diagnostic.js';
import { outOfRange, parseCount, parsePercent } from '../model/quantity.js';
import { quoted } from '../model/safe-text.js';

export function parseThreshold(option: string, text: string): Threshold {
  const percent = parsePercent(text);
  const amount = percent === undefined ? parseCount(text) : undefined;
  const value = percent ?? amount;
  if (value === undefined || value.isNeg()) {
    throw new InputError([{ message: `${option}: expected a percentage like 5% or an amount like 1000 (or 2.5k), not negative; got ${quoted(text)}` }]);
  }
  // bounded like every number read: 1e9000000000000000 % would print for minutes
  const unbounded = outOfRange(value);
  if (unbounded !== undefined) throw new InputError([{ message: `${option}: ${quoted(text)} ${unbounded}` }]);
  return percent === undefined ? { kind: 'amount', value } : { kind: 'percent', value };
}
