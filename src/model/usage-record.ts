/**
 * One observed model request, as read from a usage log (io/usage-reader.ts), in the terms the
 * engine prices: tokens by how they are billed. Logs disagree on what "input" means (Claude
 * Code's input_tokens leaves out cache reads and writes; OpenAI's includes cached tokens), so
 * each layout says how to get the uncached part, and a record always holds it:
 *
 *   prompt = input + cachedInput + cacheWrite5m + cacheWrite1h   (the request's whole prompt)
 *
 * Counts are whole, non-negative and at most MAX_RECORD_TOKENS, so sums of millions of them
 * stay exact in float64 until they are moved into bigints (engine/usage-buckets.ts).
 */
import type { Period } from './period.js';

export interface UsageRecord {
  /** UTC month of the request. */
  period: Period;
  /** Milliseconds since 1970 (UTC), for trends. */
  time: number;
  /** As the log names it; undefined when the log names none (then `--model` gives it). */
  model: string | undefined;
  /** Uncached input tokens. */
  input: number;
  /** Input tokens read from the prompt cache. */
  cachedInput: number;
  /** Input tokens written to the prompt cache for the seller's standard time (5 minutes at Anthropic). */
  cacheWrite5m: number;
  /** Input tokens written to the prompt cache for an hour. */
  cacheWrite1h: number;
  output: number;
  /** Sent through a Batch API, so priced at the batch tier. */
  batch: boolean;
  /** Requests the record stands for: 1 for a raw log line, more for a pre-aggregated row. */
  requests: number;
  /** Bytes on the wire, when the log has them. */
  requestBytes: number | undefined;
  responseBytes: number | undefined;
}

/** No single request holds more: ten billion tokens is a thousand times the longest context sold in 2026. */
export const MAX_RECORD_TOKENS = 10_000_000_000;

/** The whole prompt of a request: what picks a long-context price. */
export function promptOf(record: Pick<UsageRecord, 'input' | 'cachedInput' | 'cacheWrite5m' | 'cacheWrite1h'>): number {
  return record.input + record.cachedInput + record.cacheWrite5m + record.cacheWrite1h;
}
