/**
 * Observed requests added up before any price is applied: whole tokens summed per day, model,
 * processing (standard or batch) and prompt band, as integers. Every request of a bucket is
 * priced by the same catalog row at any option, so pricing each bucket once gives the sum of the
 * requests' own costs to the last digit:
 *
 *   Σ requests tokens × unit price = (Σ tokens) × unit price
 *
 * Why a day: catalog rows change on a date, so a day never straddles two of them. Why a prompt
 * band: a long-context price applies to a whole request whose prompt is over a threshold; the
 * bands are cut at every threshold any row of the model has, so all prompts of a band fall in
 * the same tier at every placement (the engine's own `promptTiers` picks it, from a prompt one
 * token over the band's lower edge).
 *
 * Counts are summed in float64 while exact (below 2^53) and carried into bigints past 2^52.
 */
import type { Period } from '../model/period.js';
import { NestedMap } from '../model/nested-map.js';
import { promptOf, type UsageRecord } from '../model/usage-record.js';
import { periodOf } from '../model/timestamp.js';

export interface UsageBucket {
  /** Days since 1970-01-01 (UTC). */
  day: number;
  period: Period;
  /** The catalog's id for the model. */
  model: string;
  batch: boolean;
  /** The prompt band's lower edge (a long-context threshold), undefined below every threshold. */
  promptOver: number | undefined;
  input: bigint;
  cachedInput: bigint;
  cacheWrite5m: bigint;
  cacheWrite1h: bigint;
  output: bigint;
  requests: bigint;
  requestBytes: bigint;
  responseBytes: bigint;
}

export const DAY_MS = 86_400_000;
const CARRY = 2 ** 52;

/** An exact running sum of whole numbers ≤ 10^10: float64 while it can be, then a bigint. */
class Count {
  private small = 0;
  private large = 0n;
  add(n: number): void {
    this.small += n;
    if (this.small > CARRY) {
      this.large += BigInt(this.small);
      this.small = 0;
    }
  }
  get value(): bigint {
    return this.large + BigInt(this.small);
  }
}

interface Sums {
  day: number;
  model: string;
  batch: boolean;
  promptOver: number | undefined;
  counts: [Count, Count, Count, Count, Count, Count, Count, Count];
}

export interface UsageBucketsOptions {
  /** The catalog's id for a model as the log names it (mapping, dated snapshots…). */
  modelOf: (recorded: string) => string;
  /** The long-context thresholds of a catalog model, at any placement, ascending. */
  thresholdsOf: (model: string) => readonly number[];
}

export class UsageBuckets {
  private readonly sums = new NestedMap<Sums>();
  private readonly order: Sums[] = [];
  private readonly models = new Map<string, { model: string; thresholds: readonly number[] }>();
  /** Each model as logged, and the catalog's id it was priced as. */
  readonly recordedModels = new Map<string, string>();
  first: number | undefined;
  last: number | undefined;
  private readonly requestCount = new Count();

  constructor(private readonly options: UsageBucketsOptions) {}

  add(record: UsageRecord): void {
    const recorded = record.model!;
    let model = this.models.get(recorded);
    if (model === undefined) {
      const id = this.options.modelOf(recorded);
      model = { model: id, thresholds: this.options.thresholdsOf(id) };
      this.models.set(recorded, model);
      this.recordedModels.set(recorded, id);
    }
    const prompt = promptOf(record);
    let promptOver: number | undefined;
    for (const threshold of model.thresholds) if (prompt > threshold) promptOver = threshold;
    const day = Math.floor(record.time / DAY_MS);
    const key = [day, model.model, record.batch, promptOver];
    let sums = this.sums.get(key);
    if (sums === undefined) {
      sums = { day, model: model.model, batch: record.batch, promptOver, counts: [new Count(), new Count(), new Count(), new Count(), new Count(), new Count(), new Count(), new Count()] };
      this.sums.set(key, sums);
      this.order.push(sums);
    }
    const [input, cached, write5m, write1h, output, requests, requestBytes, responseBytes] = sums.counts;
    input.add(record.input);
    cached.add(record.cachedInput);
    write5m.add(record.cacheWrite5m);
    write1h.add(record.cacheWrite1h);
    output.add(record.output);
    requests.add(record.requests);
    requestBytes.add(record.requestBytes ?? 0);
    responseBytes.add(record.responseBytes ?? 0);
    this.requestCount.add(record.requests);
    if (this.first === undefined || record.time < this.first) this.first = record.time;
    if (this.last === undefined || record.time > this.last) this.last = record.time;
  }

  /** Requests added, in all. */
  get requests(): bigint {
    return this.requestCount.value;
  }

  /** The buckets by day, then model, processing and band in the order first seen. */
  buckets(): UsageBucket[] {
    return [...this.order]
      .sort((a, b) => a.day - b.day)
      .map(({ day, model, batch, promptOver, counts }) => {
        const [input, cachedInput, cacheWrite5m, cacheWrite1h, output, requests, requestBytes, responseBytes] = counts.map((c) => c.value) as [bigint, bigint, bigint, bigint, bigint, bigint, bigint, bigint];
        return { day, period: periodOf(day * DAY_MS), model, batch, promptOver, input, cachedInput, cacheWrite5m, cacheWrite1h, output, requests, requestBytes, responseBytes };
      });
  }
}

/** A day as the catalog dates prices: 20 300 → "2025-07-31". */
export function isoDay(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}
