/**
 * Percentiles of a simulation's trials, by linear interpolation between the two nearest ranks
 * (Hyndman and Fan's type 7: what Excel's PERCENTILE.INC, NumPy and R give by default):
 * for sorted values x₀ … xₙ₋₁, the p-th percentile is at rank h = (n − 1) p / 100, so
 * x⌊h⌋ + (h − ⌊h⌋)(x⌊h⌋₊₁ − x⌊h⌋).
 *
 * Example: 10, 20, 30, 40: the 50th percentile is at rank 1.5, 20 + 0.5 × 10 = 25; the 5th at
 * rank 0.15, 10 + 0.15 × 10 = 11.5.
 */
export function percentilesOf(values: Float64Array, percentiles: readonly number[]): number[] {
  const sorted = Float64Array.from(values).sort();
  const n = sorted.length;
  return percentiles.map((p) => {
    const h = ((n - 1) * p) / 100;
    const lo = Math.floor(h);
    const hi = Math.min(lo + 1, n - 1);
    return sorted[lo]! + (h - lo) * (sorted[hi]! - sorted[lo]!);
  });
}

export function meanOf(values: Float64Array): number {
  // Neumaier's compensated sum: ten thousand totals in the millions keep their cents
  let sum = 0;
  let compensation = 0;
  for (const v of values) {
    const t = sum + v;
    compensation += Math.abs(sum) >= Math.abs(v) ? sum - t + v : v - t + sum;
    sum = t;
  }
  return (sum + compensation) / values.length;
}
