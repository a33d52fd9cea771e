/** `--max-increase 5%` or `--max-increase 1000`: an allowed increase, relative or in money. */
import type { Threshold } from '../analysis/check.js';
import { InputError } from '../model/diagnostic.js';
import { parseCount, parsePercent } from '../model/quantity.js';

export function parseThreshold(option: string, text: string): Threshold {
  const percent = parsePercent(text);
  if (percent !== undefined && !percent.isNeg()) return { kind: 'percent', value: percent };
  const amount = parseCount(text);
  if (amount !== undefined && !amount.isNeg() && percent === undefined) return { kind: 'amount', value: amount };
  throw new InputError([{ message: `${option}: expected a percentage like 5% or an amount like 1000 (or 2.5k), not negative; got "${text}"` }]);
}
