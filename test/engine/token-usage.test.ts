import { describe, expect, it } from 'vitest';
import { workloadActivity } from '../../src/engine/activity.js';
import { tokenUsage as usageWithHits } from '../../src/engine/token-usage.js';
import { dec } from '../../src/model/money.js';
import type { Workload } from '../../src/model/scenario.js';

const tokenUsage = (w: Workload, periods: string[], hitRate = '0') => usageWithHits(w, workloadActivity(w, periods), dec(hitRate));
import { scenario } from '../helpers/inline.js';

const shown = (usage: ReturnType<typeof tokenUsage>) =>
  usage.map((u) => [u.period, u.processing, String(u.uncachedInput), String(u.cachedInput), String(u.output)]);

function workload(fields: string) {
  return scenario`
    name: t
    horizon: { start: 2027-01, months: 3 }
    workloads:
      - id: w
        model: m
        ${fields}
    options:
      - id: o
        model: { cloud: openai, region: global, deployment: global }
  `.workloads[0]!;
}

describe('tokenUsage', () => {
  it('compounds growth monthly and splits batch and cached shares', () => {
    const w = workload(`sessions_per_month: 1k
        growth: 10%
        turns_per_session: 2
        tokens_per_call: { input: 1k, cached_share: 25%, output: 100 }
        batch_share: 20%`);
    // month 0: 1 000 sessions × 2 turns × 1 call = 2 000 calls → 2 000 000 input, 200 000 output
    //   batch 20 %: 400 000 in (25 % cached: 100 000), 40 000 out
    //   standard:  1 600 000 in (cached 400 000), 160 000 out
    // month 1: 1 100 sessions → 2 200 000 in, 220 000 out; month 2: 1 210 → 2 420 000, 242 000
    expect(shown(tokenUsage(w, ['2026-06', '2026-07', '2026-08']))).toEqual([
      ['2026-06', 'standard', '1200000', '400000', '160000'],
      ['2026-06', 'batch', '300000', '100000', '40000'],
      ['2026-07', 'standard', '1320000', '440000', '176000'],
      ['2026-07', 'batch', '330000', '110000', '44000'],
      ['2026-08', 'standard', '1452000', '484000', '193600'],
      ['2026-08', 'batch', '363000', '121000', '48400'],
    ]);
  });

  it('rounds to whole tokens, half to even, and keeps parts summing to the whole', () => {
    const w = workload(`sessions_per_month: 1
        growth: 50%
        turns_per_session: 1
        tokens_per_call: { input: 5, cached_share: 50%, output: 3 }`);
    // month 0: 1 session → 5 in (cached round(2.5) = 2, uncached 3), 3 out
    // month 1: 1.5 sessions → input 7.5 → 8 (half to even), cached round(4) = 4; output 4.5 → 4
    // month 2: 2.25 sessions → input 11.25 → 11, cached round(5.5) = 6, uncached 5; output 6.75 → 7
    expect(shown(tokenUsage(w, ['2027-01', '2027-02', '2027-03']))).toEqual([
      ['2027-01', 'standard', '3', '2', '3'],
      ['2027-02', 'standard', '4', '4', '4'],
      ['2027-03', 'standard', '5', '6', '7'],
    ]);
  });

  it('sends only cache misses to the model', () => {
    const w = workload(`sessions_per_month: 1k
        turns_per_session: 2
        tokens_per_call: { input: 1k, cached_share: 25%, output: 100 }`);
    // 2 000 calls, 30 % answered by the cache → 1 400 model calls: 1 400 000 in (350 000 cached), 140 000 out
    expect(shown(tokenUsage(w, ['2026-06'], '0.3'))).toEqual([['2026-06', 'standard', '1050000', '350000', '140000']]);
    expect(shown(tokenUsage(w, ['2026-06'], '1'))).toEqual([['2026-06', 'standard', '0', '0', '0']]);
  });

  it('lets sessions decline with negative growth', () => {
    const w = workload(`sessions_per_month: 100
        growth: -50%
        turns_per_session: 1
        tokens_per_call: { input: 10, output: 1 }`);
    expect(shown(tokenUsage(w, ['2027-01', '2027-02', '2027-03']))).toEqual([
      ['2027-01', 'standard', '1000', '0', '100'],
      ['2027-02', 'standard', '500', '0', '50'],
      ['2027-03', 'standard', '250', '0', '25'],
    ]);
  });
});

describe('tokenUsage: prompt-cache writes and long prompts', () => {
  const withWrites = (u: ReturnType<typeof tokenUsage>) =>
    u.map((x) => [x.prompt?.toFixed() ?? '-', x.processing, String(x.uncachedInput), String(x.cachedInput), String(x.cacheWrite), String(x.output)]);

  it('takes cache writes out of the input beside cache reads, and long calls apart from ordinary ones', () => {
    const w = workload(`sessions_per_month: 1000
        turns_per_session: 1
        tokens_per_call: { input: 10k, cached_share: 50%, cache_write_share: 20%, output: 1k }
        long_context: { share: 10%, input: 400k, output: 2k }`);
    // 1 000 calls: 900 ordinary → 9 000 000 in, 900 000 out; cached 4 500 000,
    //   written round(9 000 000 × 70 %) − 4 500 000 = 1 800 000, uncached 2 700 000
    // 100 long → 40 000 000 in, 200 000 out; cached 20 000 000, written 8 000 000, uncached 12 000 000
    expect(withWrites(tokenUsage(w, ['2026-09']))).toEqual([
      ['-', 'standard', '2700000', '4500000', '1800000', '900000'],
      ['400000', 'standard', '12000000', '20000000', '8000000', '200000'],
    ]);
  });

  it('rounds reads and writes together, so they never take more than the input', () => {
    const w = workload(`sessions_per_month: 1
        turns_per_session: 1
        tokens_per_call: { input: 3, cached_share: 50%, cache_write_share: 50%, output: 1 }`);
    // 3 × 50 % = 1.5 → 2 cached; 3 × 100 % = 3 → 3 − 2 = 1 written (each rounded alone: 2 + 2 > 3); uncached 0
    expect(withWrites(tokenUsage(w, ['2026-09']))).toEqual([['-', 'standard', '0', '2', '1', '1']]);
  });

  it('refuses cache shares adding up to more than the input', () => {
    expect(() =>
      workload(`sessions_per_month: 1
        turns_per_session: 1
        tokens_per_call: { input: 3, cached_share: 60%, cache_write_share: 50%, output: 1 }`),
    ).toThrow(/cached_share and cache_write_share are shares of the same input and add up to more than 100% \(110%\)/);
  });
});
