import { describe, expect, it } from 'vitest';
import { drawTrial, trialDraws, type Drawable } from '../../src/model/trial-draws.js';

const open = { min: undefined, max: undefined };
const uniform = (min: number, max: number, driver?: string): Drawable => ({ distribution: { kind: 'uniform', min, max }, bounds: open, driver });

describe('a trial\'s draws', () => {
  it('gives inputs naming one driver one uniform number, and every other input its own', () => {
    const draws = trialDraws([uniform(0, 1, 'market'), uniform(0, 1), uniform(10, 20, 'market'), uniform(0, 1)]);
    expect(draws.slots).toEqual([0, 1, 0, 2]);
    const values = new Float64Array(4);
    for (let trial = 0; trial < 100; trial++) {
      drawTrial(draws, 42, trial, values);
      // the driven pair sit at the same quantile: 10 + 10 × u
      expect(values[2]).toBeCloseTo(10 + 10 * values[0]!, 12);
      expect(values[1]).not.toBe(values[3]);
    }
  });

  it('draws the same values for a seed and trial whatever ran before', () => {
    const draws = trialDraws([uniform(0, 1), uniform(5, 6)]);
    const first = new Float64Array(2);
    const again = new Float64Array(2);
    drawTrial(draws, 7, 123, first);
    for (let t = 0; t < 50; t++) drawTrial(draws, 7, t, again);
    drawTrial(draws, 7, 123, again);
    expect([...again]).toEqual([...first]);
    drawTrial(draws, 8, 123, again);
    expect(again[0]).not.toBe(first[0]);
  });
});
