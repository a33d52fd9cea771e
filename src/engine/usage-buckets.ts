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
import { DAY_MS, periodOf } from '../model/timestamp.js';
import { splitByDays } from './day-split.js';

/** Token sums and a request count: a pre-aggregated row's (the aggregated preset, io/usage-reader.ts), and a bucket's. */
export interface UsageTotals {
  input: bigint;
  cachedInput: bigint;
  cacheWrite5m: bigint;
  cacheWrite1h: bigint;
  output: bigint;
  requests: bigint;
}

export interface UsageBucket extends UsageTotals {
  /** Days since 1970-01-01 (UTC). */
  day: number;
  period: Period;
  /** The catalog's id for the model. */
  model: string;
  batch: boolean;
  /** The prompt band's lower edge (a long-context threshold), undefined below every threshold. */
  promptOver: number | undefined;
  requestBytes: bigint;
  responseBytes: bigint;
}

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
  addBig(n: bigint): void {
    this.large += n;
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
    const model = this.modelOf(record.model!);
    const prompt = promptOf(record);
    let promptOver: number | undefined;
    for (const threshold of model.thresholds) if (prompt > threshold) promptOver = threshold;
    const day = Math.floor(record.time / DAY_MS);
    this.seen(record.time);
    const [input, cached, write5m, write1h, output, requests, requestBytes, responseBytes] = this.sumsOf(day, model.model, record.batch, promptOver).counts;
    input.add(record.input);
    cached.add(record.cachedInput);
    write5m.add(record.cacheWrite5m);
    write1h.add(record.cacheWrite1h);
    output.add(record.output);
    requests.add(record.requests);
    requestBytes.add(record.requestBytes ?? 0);
    responseBytes.add(record.responseBytes ?? 0);
    this.requestCount.add(record.requests);
  }

  /**
   * A pre-aggregated day's sums. Its prompt band is read as the model's own: the highest of the
   * model's thresholds at or below the row's (the SQL of `replay sql` bands prompts at every
   * threshold the catalog has, so each of its bands lies within one of the model's).
   */
  addTotals(span: { day: number; days: number }, logged: string, batch: boolean, promptOver: number | undefined, totals: UsageTotals): void {
    const model = this.modelOf(logged);
    let band: number | undefined;
    if (promptOver !== undefined) for (const threshold of model.thresholds) if (threshold <= promptOver) band = threshold;
    this.seen(span.day * DAY_MS);
    this.seen((span.day + span.days) * DAY_MS - 1);
    this.requestCount.addBig(totals.requests);
    // a month's row is dealt to its days evenly (D'Hondt, as the engine splits a month), each day priced by its own row
    const days = Array.from({ length: span.days }, () => ({ days: 1 }));
    const parts = [totals.input, totals.cachedInput, totals.cacheWrite5m, totals.cacheWrite1h, totals.output, totals.requests].map((n) => splitByDays(n, days));
    for (let d = 0; d < span.days; d++) {
      const counts = this.sumsOf(span.day + d, model.model, batch, band).counts;
      parts.forEach((split, i) => counts[i]!.addBig(split[d]!));
    }
  }

  private modelOf(logged: string): { model: string; thresholds: readonly number[] } {
    let model = this.models.get(logged);
    if (model === undefined) {
      const id = this.options.modelOf(logged);
      model = { model: id, thresholds: this.options.thresholdsOf(id) };
      this.models.set(logged, model);
      this.recordedModels.set(logged, id);
    }
    return model;
  }

  private lastSums: Sums | undefined;

  private sumsOf(day: number, model: string, batch: boolean, promptOver: number | undefined): Sums {
    // a log's requests come in runs of one day and model: the last bucket is tried first
    const last = this.lastSums;
    if (last !== undefined && last.day === day && last.model === model && last.batch === batch && last.promptOver === promptOver) return last;
    const key = [day, model, batch, promptOver];
    let sums = this.sums.get(key);
    if (sums === undefined) {
      sums = { day, model, batch, promptOver, counts: [new Count(), new Count(), new Count(), new Count(), new Count(), new Count(), new Count(), new Count()] };
      this.sums.set(key, sums);
      this.order.push(sums);
    }
    this.lastSums = sums;
    return sums;
  }

  private seen(time: number): void {
    if (this.first === undefined || time < this.first) this.first = time;
    if (this.last === undefined || time > this.last) this.last = time;
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
