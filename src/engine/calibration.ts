/**
 * A workload per model, calibrated from observed requests (`replay --emit-scenario`), so the
 * traffic can be projected forward with compare and simulate:
 *
 *   sessions_per_month  requests a month: (requests − 1) ÷ the time between the first and the last
 *                       request (a Poisson rate), × 30.4375 days; from aggregated days, requests ÷ days.
 *                       A session is one request (turns 1, calls 1).
 *   growth              with three or more whole months observed: the least-squares line through
 *                       ln(requests) by month, e^slope − 1, and sessions the line's value for the
 *                       month after the last.
 *   tokens_per_call     the mean prompt and output of ordinary requests; as lognormal ranges when
 *                       they vary: sd = the spread of the mean between windows of time (days, else
 *                       hours, else five minutes: the longest giving seven or more windows).
 *   cached_share, cache_write_share, cache_ttl, batch_share   token shares of all prompts
 *   long_context        requests whose prompt passes one of the model's long-context thresholds:
 *                       their share of requests and their mean prompt and output.
 *
 * Sums are float64: these are estimates, written to four decimals of a percent or whole tokens.
 */
import type { Period } from '../model/period.js';
import { addMonths } from '../model/period.js';
import { DAY_MS, periodOf } from '../model/timestamp.js';
import { promptOf, type UsageRecord } from '../model/usage-record.js';
import type { UsageTotals } from './usage-buckets.js';

const FIVE_MINUTES = 300_000;
const WINDOWS = [DAY_MS, 3_600_000, FIVE_MINUTES];
const MIN_WINDOWS = 7;
const MONTH_DAYS = 365.25 / 12;

interface Sums {
  requests: number;
  prompt: number;
  output: number;
}

interface ModelSums {
  total: Sums;
  ordinary: Sums;
  long: Sums;
  cached: number;
  written5m: number;
  written1h: number;
  batchPrompt: number;
  /** Ordinary requests by five-minute window (days, for aggregated input). */
  windows: Map<number, Sums>;
  windowSize: number;
  byMonth: Map<Period, number>;
}

export interface TokenEstimate {
  mean: number;
  /** Spread of the mean between windows; undefined when too few windows to say. */
  sd: number | undefined;
}

export interface CalibratedWorkload {
  model: string;
  requests: number;
  /** How the monthly rate was found, for people. */
  basis: string;
  sessionsPerMonth: number;
  growth: number | undefined;
  input: TokenEstimate;
  output: TokenEstimate;
  cachedShare: number;
  cacheWriteShare: number;
  cacheTtl: '5m' | '1h';
  batchShare: number;
  longContext: { share: number; input: number; output: number } | undefined;
}

const empty = (): Sums => ({ requests: 0, prompt: 0, output: 0 });

export class UsageCalibration {
  private readonly models = new Map<string, ModelSums>();
  private first: number | undefined;
  private last: number | undefined;
  private aggregated = false;

  constructor(private readonly modelOf: (logged: string) => string, private readonly thresholdsOf: (model: string) => readonly number[]) {}

  add(record: UsageRecord): void {
    const sums = this.sumsOf(record.model!, FIVE_MINUTES);
    const prompt = promptOf(record);
    const long = this.thresholdsOf(this.modelOf(record.model!)).some((t) => prompt > t);
    this.count(sums, Math.floor(record.time / FIVE_MINUTES), record.requests, prompt, record.output, long);
    sums.cached += record.cachedInput;
    sums.written5m += record.cacheWrite5m;
    sums.written1h += record.cacheWrite1h;
    if (record.batch) sums.batchPrompt += prompt;
    sums.byMonth.set(record.period, (sums.byMonth.get(record.period) ?? 0) + record.requests);
    if (this.first === undefined || record.time < this.first) this.first = record.time;
    if (this.last === undefined || record.time > this.last) this.last = record.time;
  }

  addTotals(span: { day: number; days: number }, logged: string, batch: boolean, promptOver: number | undefined, totals: UsageTotals): void {
    this.aggregated = true;
    const sums = this.sumsOf(logged, DAY_MS);
    const long = promptOver !== undefined && this.thresholdsOf(this.modelOf(logged)).some((t) => t <= promptOver);
    const [requests, cached, written5m, written1h, output] = [totals.requests, totals.cachedInput, totals.cacheWrite5m, totals.cacheWrite1h, totals.output].map(Number) as [number, number, number, number, number];
    const prompt = Number(totals.input) + cached + written5m + written1h;
    for (let d = 0; d < span.days; d++) {
      const share = 1 / span.days;
      this.count(sums, span.day + d, requests * share, prompt * share, output * share, long);
      const period = periodOf((span.day + d) * DAY_MS);
      sums.byMonth.set(period, (sums.byMonth.get(period) ?? 0) + requests * share);
    }
    sums.cached += cached;
    sums.written5m += written5m;
    sums.written1h += written1h;
    if (batch) sums.batchPrompt += prompt;
    const from = span.day * DAY_MS;
    const to = (span.day + span.days) * DAY_MS;
    if (this.first === undefined || from < this.first) this.first = from;
    if (this.last === undefined || to > this.last) this.last = to;
  }

  private sumsOf(logged: string, windowSize: number): ModelSums {
    const model = this.modelOf(logged);
    let sums = this.models.get(model);
    if (sums === undefined) {
      sums = { total: empty(), ordinary: empty(), long: empty(), cached: 0, written5m: 0, written1h: 0, batchPrompt: 0, windows: new Map(), windowSize, byMonth: new Map() };
      this.models.set(model, sums);
    }
    return sums;
  }

  private count(sums: ModelSums, window: number, requests: number, prompt: number, output: number, long: boolean): void {
    for (const s of [sums.total, long ? sums.long : sums.ordinary]) {
      s.requests += requests;
      s.prompt += prompt;
      s.output += output;
    }
    if (long) return;
    const w = sums.windows.get(window) ?? empty();
    sums.windows.set(window, w);
    w.requests += requests;
    w.prompt += prompt;
    w.output += output;
  }

  workloads(): CalibratedWorkload[] {
    const first = this.first!;
    const last = this.last!;
    return [...this.models].map(([model, sums]) => {
      const all = sums.total.requests;
      const span = last - first;
      const rate = this.aggregated ? all / (span / DAY_MS) : (all - 1) / (Math.max(span, 60_000) / DAY_MS);
      const basis = this.aggregated
        ? `${round(all)} requests in ${round(span / DAY_MS)} days`
        : `${round(all)} requests in ${span >= DAY_MS ? `${(span / DAY_MS).toFixed(1)} days` : span >= 3_600_000 ? `${(span / 3_600_000).toFixed(1)} hours` : `${(span / 60_000).toFixed(1)} minutes`}`;
      const trend = growthOf(sums.byMonth, first, last, this.aggregated);
      const prompt = sums.total.prompt;
      const written = sums.written5m + sums.written1h;
      return {
        model,
        requests: all,
        basis: trend === undefined ? basis : `${basis}; ${trend.months} whole months fitted`,
        sessionsPerMonth: trend?.next ?? rate * MONTH_DAYS,
        growth: trend?.growth,
        input: estimate(sums, (s) => s.prompt),
        output: estimate(sums, (s) => s.output),
        cachedShare: prompt === 0 ? 0 : sums.cached / prompt,
        cacheWriteShare: prompt === 0 ? 0 : written / prompt,
        cacheTtl: sums.written1h > sums.written5m ? '1h' : '5m',
        batchShare: prompt === 0 ? 0 : sums.batchPrompt / prompt,
        longContext: sums.long.requests === 0 ? undefined : { share: sums.long.requests / all, input: sums.long.prompt / sums.long.requests, output: sums.long.output / sums.long.requests },
      };
    });
  }
}

const round = (n: number) => Math.round(n).toLocaleString('en-US');

/** The mean per ordinary request, and its spread between windows of the coarsest size that gives seven. */
function estimate(sums: ModelSums, part: (s: Sums) => number): TokenEstimate {
  const mean = sums.ordinary.requests === 0 ? 0 : part(sums.ordinary) / sums.ordinary.requests;
  for (const size of WINDOWS.filter((w) => w >= sums.windowSize)) {
    const rolled = new Map<number, Sums>();
    for (const [window, s] of sums.windows) {
      const key = Math.floor((window * sums.windowSize) / size);
      const r = rolled.get(key) ?? empty();
      rolled.set(key, r);
      r.requests += s.requests;
      r.prompt += s.prompt;
      r.output += s.output;
    }
    const means = [...rolled.values()].filter((s) => s.requests > 0).map((s) => part(s) / s.requests);
    if (means.length < MIN_WINDOWS) continue;
    const average = means.reduce((a, b) => a + b, 0) / means.length;
    const sd = Math.sqrt(means.reduce((a, m) => a + (m - average) ** 2, 0) / (means.length - 1));
    return { mean, sd };
  }
  return { mean, sd: undefined };
}

/** With three or more whole months: e^slope − 1 of the least-squares line through ln(requests), and the line's next month. */
function growthOf(byMonth: ReadonlyMap<Period, number>, first: number, last: number, aggregated: boolean): { growth: number; next: number; months: number } | undefined {
  // the days observed: whole days from the first request's to the last's (aggregated: the rows' days)
  const from = aggregated ? first : Math.floor(first / DAY_MS) * DAY_MS;
  const to = aggregated ? last : (Math.floor(last / DAY_MS) + 1) * DAY_MS;
  const whole = [...byMonth.entries()]
    .filter(([period, requests]) => requests > 0 && Date.parse(`${period}-01T00:00:00Z`) >= from && Date.parse(`${addMonths(period, 1)}-01T00:00:00Z`) <= to)
    .sort(([a], [b]) => (a < b ? -1 : 1));
  if (whole.length < 3) return undefined;
  const xs = whole.map(([period]) => monthIndex(period));
  const ys = whole.map(([, requests]) => Math.log(requests));
  const mx = xs.reduce((a, b) => a + b, 0) / xs.length;
  const my = ys.reduce((a, b) => a + b, 0) / ys.length;
  const slope = xs.reduce((a, x, i) => a + (x - mx) * (ys[i]! - my), 0) / xs.reduce((a, x) => a + (x - mx) ** 2, 0);
  const next = Math.exp(my + slope * (xs[xs.length - 1]! + 1 - mx));
  return { growth: Math.min(Math.max(Math.exp(slope) - 1, -1), 10), next, months: whole.length };
}

function monthIndex(period: Period): number {
  return Number(period.slice(0, 4)) * 12 + Number(period.slice(5, 7)) - 1;
}
