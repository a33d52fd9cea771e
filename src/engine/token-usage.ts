/**
 * The tokens a workload sends to its model, month by month, before any price is known: whole
 * tokens of uncached input, cached input and output, split between standard and batch.
 *
 * From the month's model calls (activity.ts), less those a response cache answers:
 *   calls     = calls × (1 − cache hit rate)
 *   input     = round(calls × tokens_per_call.input)        whole tokens, half to even
 *   output    = round(calls × tokens_per_call.output)
 *   batch     = round(input × batch_share), round(output × batch_share); standard gets the rest
 *   cached    = round(part's input × cached_share); uncached = part's input − cached
 *
 * Worked example: 1 000 sessions, growth 10 %, 2 turns, 1 call, 1 000 input (25 % cached),
 * 100 output. Month 1: sessions 1 100, calls 2 200, input 2 200 000 (cached 550 000, uncached
 * 1 650 000), output 220 000.
 *
 * Rounding to whole tokens happens on quantities, as a bill counts them, and keeps every
 * cost exact: whole tokens × a decimal price never needs rounding.
 *
 * A part is listed whenever its share is set, even with no tokens (no sessions yet, or a
 * rounding to zero), so its price is still looked up and a wrong model or placement shows.
 */
import { ONE, ZERO, type Decimal } from '../model/money.js';
import type { Period } from '../model/period.js';
import type { Workload } from '../model/scenario.js';
import { whole as wholeTokens, type Activity } from './activity.js';

export type Processing = 'standard' | 'batch';

/** Whole tokens, as integers: every option prices the same counts, and bigints add and split exactly. */
export interface TokenUsage {
  period: Period;
  processing: Processing;
  uncachedInput: bigint;
  cachedInput: bigint;
  output: bigint;
}

export function tokenUsage(workload: Workload, activity: readonly Activity[], hitRate: Decimal): TokenUsage[] {
  const usage: TokenUsage[] = [];
  const perCall = workload.tokens_per_call;
  for (const { period, calls: allCalls } of activity) {
    // most workloads have no cache hits and no batch share: their products are skipped, not worked out at 60 digits
    const calls = hitRate.isZero() ? allCalls : allCalls.times(ONE.minus(hitRate));
    const input = wholeTokens(calls.times(perCall.input));
    const output = wholeTokens(calls.times(perCall.output));
    const batched = workload.batch_share.gt(0);
    const batchInput = batched ? wholeTokens(input.times(workload.batch_share)) : ZERO;
    const batchOutput = batched ? wholeTokens(output.times(workload.batch_share)) : ZERO;
    const parts: [Processing, Decimal, Decimal][] = [];
    if (workload.batch_share.lt(1)) parts.push(['standard', input.minus(batchInput), output.minus(batchOutput)]);
    if (workload.batch_share.gt(0)) parts.push(['batch', batchInput, batchOutput]);
    for (const [processing, partInput, partOutput] of parts) {
      const cachedInput = wholeTokens(partInput.times(perCall.cached_share));
      usage.push({ period, processing, uncachedInput: integer(partInput.minus(cachedInput)), cachedInput: integer(cachedInput), output: integer(partOutput) });
    }
  }
  return usage;
}

const integer = (whole: Decimal): bigint => BigInt(whole.toFixed());
