/**
 * The samplers against theory: with a fixed seed and n draws, each sample mean must lie within
 * 5 standard errors (sd ÷ √n) of the distribution's mean, and each sample variance within
 * 5 × σ² × √((κ − 1) ÷ n) of its variance (κ the kurtosis, taken at a bound above it).
 */
import { describe, expect, it } from 'vitest';
import { drawAt, incompleteBeta, inverseNormal, normalCdf, pointOf, type Bounds, type Distribution } from '../../src/model/distribution.js';
import { RandomStream } from '../../src/model/random.js';

const N = 200_000;

function moments(d: Distribution, bounds?: Bounds, seed = 42): { mean: number; variance: number; min: number; max: number } {
  const random = new RandomStream(seed);
  let sum = 0;
  let sumSquares = 0;
  let min = Infinity;
  let max = -Infinity;
  for (let i = 0; i < N; i++) {
    const x = drawAt(d, random.next(), bounds);
    sum += x;
    sumSquares += x * x;
    min = Math.min(min, x);
    max = Math.max(max, x);
  }
  const mean = sum / N;
  return { mean, variance: (sumSquares - N * mean * mean) / (N - 1), min, max };
}

function expectMoments(d: Distribution, mean: number, variance: number, kurtosis: number, bounds?: Bounds) {
  const m = moments(d, bounds);
  const sd = Math.sqrt(variance);
  expect(Math.abs(m.mean - mean), `mean of ${JSON.stringify(d)}`).toBeLessThan((5 * sd) / Math.sqrt(N));
  expect(Math.abs(m.variance - variance), `variance of ${JSON.stringify(d)}`).toBeLessThan(5 * variance * Math.sqrt((kurtosis - 1) / N));
  return m;
}

describe('the seeded stream', () => {
  it('gives the same numbers for the same seed and trial, others for another trial, all inside (0, 1)', () => {
    const take = (seed: number, trial: number) => Array.from({ length: 5 }, ((r) => () => r.next())(new RandomStream(seed, trial)));
    expect(take(7, 3)).toEqual(take(7, 3));
    expect(take(7, 3)).not.toEqual(take(7, 4));
    expect(take(7, 3)).not.toEqual(take(8, 3));
    const r = new RandomStream(1);
    let sum = 0;
    let outside = 0;
    for (let i = 0; i < N; i++) {
      const u = r.next();
      if (!(u > 0 && u < 1)) outside++;
      sum += u;
    }
    expect(outside).toBe(0);
    // uniform on (0, 1): mean 1/2, sd √(1/12) = 0.2887, standard error 0.000645
    expect(Math.abs(sum / N - 0.5)).toBeLessThan(5 * Math.sqrt(1 / 12 / N));
  });
});

describe('the distribution functions', () => {
  it('inverts the normal distribution to its published quantiles', () => {
    expect(inverseNormal(0.5)).toBe(0);
    expect(inverseNormal(0.975)).toBeCloseTo(1.959963984540054, 14);
    expect(inverseNormal(0.025)).toBeCloseTo(-1.959963984540054, 14);
    expect(inverseNormal(1e-10)).toBeCloseTo(-6.361340902404056, 12);
    expect(normalCdf(1.959963984540054)).toBeCloseTo(0.975, 6);
  });

  it('computes the incomplete beta function: I_0.3(2, 5) = 1 − 0.7⁶ − 6 × 0.3 × 0.7⁵ = 0.579825', () => {
    expect(incompleteBeta(0.3, 2, 5)).toBeCloseTo(0.579825, 12);
    expect(incompleteBeta(0.5, 2, 2)).toBeCloseTo(0.5, 12);
    expect(incompleteBeta(0.37, 1, 1)).toBeCloseTo(0.37, 12);
  });
});

describe('sampling each distribution', () => {
  it('uniform [2, 8]: mean 5, variance 36 ÷ 12 = 3', () => {
    expectMoments({ kind: 'uniform', min: 2, max: 8 }, 5, 3, 1.8);
  });

  it('triangular [1, 2, 6]: mean 9 ÷ 3 = 3, variance (1 + 4 + 36 − 2 − 6 − 12) ÷ 18 = 21 ÷ 18', () => {
    const m = expectMoments({ kind: 'triangular', min: 1, mode: 2, max: 6 }, 3, 21 / 18, 2.4);
    expect(m.min).toBeGreaterThanOrEqual(1);
    expect(m.max).toBeLessThanOrEqual(6);
  });

  it('PERT [0, 2, 10]: mean (0 + 8 + 10) ÷ 6 = 3, variance (3 − 0)(10 − 3) ÷ 7 = 3', () => {
    expectMoments({ kind: 'pert', min: 0, mode: 2, max: 10 }, 3, 3, 3);
  });

  it('normal {mean 100, sd 15}, and lognormal {mean 10, sd 2} of the value itself', () => {
    expectMoments({ kind: 'normal', mean: 100, sd: 15 }, 100, 225, 3);
    expectMoments({ kind: 'lognormal', mean: 10, sd: 2 }, 10, 4, 4);
  });

  it('cuts a normal at its field’s bounds exactly: {mean 5 %, sd 5 %} on [0, 100 %]', () => {
    // α = (0 − 0.05) ÷ 0.05 = −1: mean = 0.05 + 0.05 × φ(−1) ÷ (1 − Φ(−1)) = 0.05 + 0.05 × 0.2419707245 ÷ 0.8413447461 = 0.0643799985
    // variance = σ² (1 + α φ(α) ÷ (1 − Φ(α)) − (φ(α) ÷ (1 − Φ(α)))²) = 0.0025 × (1 − 0.2875999 − 0.0827137) = 0.0015742160
    const m = expectMoments({ kind: 'normal', mean: 0.05, sd: 0.05 }, 0.0643799985, 0.001574216, 3.5, { min: 0, max: 1 });
    expect(m.min).toBeGreaterThanOrEqual(0);
  });

  it('moves inputs that share a driver together: draws rise with the shared uniform number', () => {
    const a: Distribution = { kind: 'triangular', min: 0, mode: 1, max: 4 };
    const b: Distribution = { kind: 'normal', mean: 10, sd: 3 };
    const us = [0.01, 0.2, 0.5, 0.8, 0.99];
    const rising = (d: Distribution) => us.map((u) => drawAt(d, u)).every((x, i, all) => i === 0 || x > all[i - 1]!);
    expect(rising(a) && rising(b)).toBe(true);
  });

  it('uses the mode, or the mean, for a single value', () => {
    expect([pointOf({ kind: 'triangular', min: 1, mode: 2, max: 6 }), pointOf({ kind: 'uniform', min: 2, max: 8 }), pointOf({ kind: 'lognormal', mean: 10, sd: 2 })]).toEqual([2, 5, 10]);
  });
});

describe('the ends sensitivity moves an input to', () => {
  it('are min and max where there are some, else the 5th and 95th percentiles to six digits', async () => {
    const { endsOf, supportOf } = await import('../../src/model/distribution.js');
    expect(endsOf({ kind: 'triangular', min: 1, mode: 2, max: 5 })).toEqual({ low: 1, high: 5 });
    expect(endsOf({ kind: 'uniform', min: 0.1, max: 0.3 })).toEqual({ low: 0.1, high: 0.3 });
    // 100 ∓ 1.6448536 × 10 = 83.551464 and 116.448536, to six significant digits
    expect(endsOf({ kind: 'normal', mean: 100, sd: 10 })).toEqual({ low: 83.5515, high: 116.449 });
    // a share's normal cut at 0: its 5th percentile is the 5th of the part above 0
    expect(endsOf({ kind: 'normal', mean: 0.02, sd: 0.05 }, { min: 0, max: 1 }).low).toBeGreaterThan(0);
    expect(supportOf({ kind: 'lognormal', mean: 5, sd: 1 })).toEqual({ low: 0, high: Infinity });
    expect(supportOf({ kind: 'normal', mean: 5, sd: 1 }, { min: 0, max: 1 })).toEqual({ low: 0, high: 1 });
  });
});
