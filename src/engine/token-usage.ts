/**
 * The tokens a workload sends to its model, month by month, before any price is known: whole
 * tokens of uncached input, cached input, input written to the prompt cache, and output, split
 * between standard and batch, and between ordinary calls and calls with a long prompt.
 *
 * From the month's model calls (activity.ts), less those a response cache answers:
 *   calls     = calls × (1 − cache hit rate)
 *   long      = calls × long_context.share;  ordinary = calls − long
 *   input     = round(calls × tokens per call input)      whole tokens, half to even, per class
 *   output    = round(calls × tokens per call output)
 *   batch     = round(input × batch_share), round(output × batch_share); standard gets the rest
 *   cached    = round(part's input × cached_share)
 *   written   = round(part's input × (cached_share + cache_write_share)) − cached
 *   uncached  = part's input − cached − written
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
  /** The prompt length of these calls, for calls with a long prompt (it picks a long-context price); undefined for ordinary calls. */
  prompt: Decimal | undefined;
  uncachedInput: bigint;
  cachedInput: bigint;
  cacheWrite: bigint;
  output: bigint;
}

interface CallClass {
  share: Decimal | undefined;
  prompt: Decimal | undefined;
  input: Decimal;
  output: Decimal;
}

export function tokenUsage(workload: Workload, activity: readonly Activity[], hitRate: Decimal): TokenUsage[] {
  const usage: TokenUsage[] = [];
  const { input, output, cached_share: cachedShare, cache_write_share: writeShare } = workload.tokens_per_call;
  const long = workload.long_context;
  const classes: CallClass[] =
    long === undefined
      ? [{ share: undefined, prompt: undefined, input, output }]
      : [
          { share: ONE.minus(long.share), prompt: undefined, input, output },
          { share: long.share, prompt: long.input, input: long.input, output: long.output },
        ];
  const batched = workload.batch_share.gt(0);
  for (const { period, calls: allCalls } of activity) {
    // most workloads have no cache hits and no batch share: their products are skipped, not worked out at 60 digits
    const calls = hitRate.isZero() ? allCalls : allCalls.times(ONE.minus(hitRate));
    for (const callClass of classes) {
      const classCalls = callClass.share === undefined ? calls : calls.times(callClass.share);
      const classInput = wholeTokens(classCalls.times(callClass.input));
      const classOutput = wholeTokens(classCalls.times(callClass.output));
      const batchInput = batched ? wholeTokens(classInput.times(workload.batch_share)) : ZERO;
      const batchOutput = batched ? wholeTokens(classOutput.times(workload.batch_share)) : ZERO;
      const parts: [Processing, Decimal, Decimal][] = [];
      if (workload.batch_share.lt(1)) parts.push(['standard', classInput.minus(batchInput), classOutput.minus(batchOutput)]);
      if (batched) parts.push(['batch', batchInput, batchOutput]);
      for (const [processing, partInput, partOutput] of parts) {
        const cachedInput = wholeTokens(partInput.times(cachedShare));
        // reads and writes rounded together, so they never add up to more than the input
        const cacheWrite = writeShare.isZero() ? ZERO : wholeTokens(partInput.times(cachedShare.plus(writeShare))).minus(cachedInput);
        usage.push({
          period,
          processing,
          prompt: callClass.prompt,
          uncachedInput: integer(partInput.minus(cachedInput).minus(cacheWrite)),
          cachedInput: integer(cachedInput),
          cacheWrite: integer(cacheWrite),
          output: integer(partOutput),
        });
      }
    }
  }
  return usage;
}

const integer = (whole: Decimal): bigint => BigInt(whole.toFixed());
