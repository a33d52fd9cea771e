import { describe, expect, it } from 'vitest';
import { UsageCalibration } from '../../src/engine/calibration.js';
import type { UsageTotals } from '../../src/engine/usage-buckets.js';
import type { UsageRecord } from '../../src/model/usage-record.js';
import { periodOf } from '../../src/model/timestamp.js';

const DAY = 86_400_000;
const same = (logged: string) => logged;

function record(time: number, input: number, output: number, extra: Partial<UsageRecord> = {}): UsageRecord {
  return { period: periodOf(time), time, model: 'm', input, cachedInput: 0, cacheWrite5m: 0, cacheWrite1h: 0, output, batch: false, requests: 1, requestBytes: undefined, responseBytes: undefined, ...extra };
}

function totals(requests: number, input: number, output: number): UsageTotals {
  return { input: BigInt(input), cachedInput: 0n, cacheWrite5m: 0n, cacheWrite1h: 0n, output: BigInt(output), requests: BigInt(requests) };
}

describe('UsageCalibration', () => {
  it('reads a rate from the time between the first request and the last, and token shares of the prompt', () => {
    // 3 requests an hour apart: (3 − 1) ÷ 2 h = 1 an hour = 24 × 30.4375 = 730.5 a month
    // prompts 100, 200 (60 of it cached) and 300 (30 written for an hour): mean 200; cached 60 ÷ 600 = 10 %, written 5 %
    const c = new UsageCalibration(same, () => []);
    const t0 = Date.UTC(2026, 6, 1, 9);
    c.add(record(t0, 100, 10));
    c.add(record(t0 + 3_600_000, 140, 20, { cachedInput: 60 }));
    c.add(record(t0 + 7_200_000, 270, 30, { cacheWrite1h: 30, batch: true }));
    const [w] = c.workloads();
    expect(w!.sessionsPerMonth).toBeCloseTo(730.5, 9);
    expect(w!.growth).toBeUndefined();
    expect(w!.input).toEqual({ mean: 200, sd: undefined }); // 3 windows of five minutes: too few for a spread
    expect(w!.output.mean).toBe(20);
    expect(w!.cachedShare).toBeCloseTo(0.1, 12);
    expect(w!.cacheWriteShare).toBeCloseTo(0.05, 12);
    expect(w!.cacheTtl).toBe('1h');
    expect(w!.batchShare).toBeCloseTo(0.5, 12); // the batched request's 300 of 600 prompt tokens
    expect(w!.basis).toBe('3 requests in 2.0 hours');
  });

  it('fits growth through three or more whole months and projects the next', () => {
    // 1 000, 1 100, 1 210 requests in January to March: ln grows by ln 1.1 a month, so 10 %, and April 1 331
    const c = new UsageCalibration(same, () => []);
    const month = (m: number) => ({ day: Date.UTC(2026, m, 1) / DAY, days: new Date(Date.UTC(2026, m + 1, 0)).getUTCDate() });
    [1000, 1100, 1210].forEach((requests, m) => c.addTotals(month(m), 'm', false, undefined, totals(requests, requests * 500, requests * 50)));
    const [w] = c.workloads();
    expect(w!.growth).toBeCloseTo(0.1, 12);
    expect(w!.sessionsPerMonth).toBeCloseTo(1331, 9);
    expect(w!.input.mean).toBeCloseTo(500, 9);
    expect(w!.basis).toBe('3,310 requests in 90 days; 3 whole months fitted');
  });

  it('gives the spread of the mean between windows once there are seven', () => {
    // seven days, one request a day, prompts 10, 20, … 70: mean 40,
    // sd = √((30² + 20² + 10² + 0 + 10² + 20² + 30²) ÷ 6) = √(2 800 ÷ 6) = 21.6025
    const c = new UsageCalibration(same, () => []);
    for (let d = 0; d < 7; d++) c.addTotals({ day: Date.UTC(2026, 6, 1 + d) / DAY, days: 1 }, 'm', false, undefined, totals(1, 10 * (d + 1), 5));
    const [w] = c.workloads();
    expect(w!.input.mean).toBeCloseTo(40, 12);
    expect(w!.input.sd).toBeCloseTo(Math.sqrt(2800 / 6), 9);
    expect(w!.output.sd).toBe(0);
    expect(w!.sessionsPerMonth).toBeCloseTo(30.4375, 9); // 7 requests in 7 days
  });

  it('puts prompts past a long-context threshold in long_context, the rest in tokens_per_call', () => {
    const c = new UsageCalibration(same, () => [1000]);
    const t0 = Date.UTC(2026, 6, 1);
    c.add(record(t0, 500, 10));
    c.add(record(t0 + 60_000, 500, 10));
    c.add(record(t0 + 120_000, 500, 10));
    c.add(record(t0 + 180_000, 2000, 90));
    const [w] = c.workloads();
    expect(w!.longContext).toEqual({ share: 0.25, input: 2000, output: 90 });
    expect(w!.input.mean).toBe(500);
    expect(w!.output.mean).toBe(10);
  });
});
