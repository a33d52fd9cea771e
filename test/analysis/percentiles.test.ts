import { describe, expect, it } from 'vitest';
import { meanOf, percentilesOf } from '../../src/analysis/percentiles.js';

describe('percentiles of trials', () => {
  it('interpolates between the two nearest ranks (type 7)', () => {
    // 10, 20, 30, 40: P50 at rank 1.5 → 20 + 0.5 × 10 = 25; P5 at rank 0.15 → 10 + 0.15 × 10 = 11.5;
    // P0 and P100 are the smallest and the largest
    expect(percentilesOf(Float64Array.from([40, 10, 30, 20]), [5, 50, 0, 100])).toEqual([11.5, 25, 10, 40]);
    expect(percentilesOf(Float64Array.from([7]), [5, 95])).toEqual([7, 7]);
  });

  it('keeps cents in the mean of large totals', () => {
    // 1e15 + 0.01 + (−1e15) + 0.02: a plain running sum loses the cents, a compensated one keeps 0.03 ÷ 4
    expect(meanOf(Float64Array.from([1e15, 0.01, -1e15, 0.02]))).toBeCloseTo(0.0075, 15);
  });
});
