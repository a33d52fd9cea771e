import { describe, expect, it } from 'vitest';
import { extentWithZero, linearScale, niceTicks, rangeScale } from '../../../src/report/html/scale.js';

describe('niceTicks', () => {
  it('covers the data from zero in steps of 1, 2, 2.5 or 5 times a power of ten', () => {
    // 1 037 706.94 / 5 = 207 541 → power 100 000 → the first step at least that: 2.5 × 100 000
    expect(niceTicks(0, 1037706.94)).toEqual([0, 250000, 500000, 750000, 1000000, 1250000]);
    // (2 317 845 + 86 977) / 5 = 480 964 → 5 × 100 000; floor(-86 977 / 500 000) = -1
    expect(niceTicks(-86977.79, 2317845.28)).toEqual([-500000, 0, 500000, 1000000, 1500000, 2000000, 2500000]);
    // 0.3 / 5 = 0.06 → power 0.01 → 0.1 (10 × 0.01): no 0.30000000000000004
    expect(niceTicks(0, 0.3)).toEqual([0, 0.1, 0.2, 0.3]);
  });

  it('gives an empty or all-zero range a unit to stand on', () => {
    expect(niceTicks(0, 0)).toEqual([0, 0.2, 0.4, 0.6, 0.8, 1]);
  });

  it('keeps amounts below a float\'s exponent range finite', () => {
    expect(niceTicks(0, 5e-324).every(Number.isFinite)).toBe(true);
  });
});

describe('scales', () => {
  it('maps the first and last tick onto the ends of the range, upwards for a y axis', () => {
    const y = linearScale(0, 100, 312, 52);
    // ticks 0..100 in 20s (100 / 5 = 20 → 2 × 10)
    expect(y.ticks).toEqual([0, 20, 40, 60, 80, 100]);
    expect([y(0), y(50), y(100)]).toEqual([312, 182, 52]);
  });

  it('does not stretch a swept range to zero', () => {
    // 900 000 / 6 = 150 000 → 2 × 100 000
    const x = rangeScale(100000, 1000000, 0, 900);
    expect(x.ticks).toEqual([200000, 400000, 600000, 800000, 1000000]);
    expect(x(100000)).toBe(0);
    expect(x(550000)).toBe(450);
  });

  it('finds the extent of more values than a spread of arguments holds', () => {
    const many = Array.from({ length: 300000 }, (_, i) => i - 5);
    expect(extentWithZero(many)).toEqual([-5, 299994]);
    expect(extentWithZero([])).toEqual([0, 0]);
  });
});
