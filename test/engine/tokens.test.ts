import { describe, expect, it } from 'vitest';
import { splitByDays } from '../../src/engine/tokens.js';
import { dec } from '../../src/model/money.js';
import type { PriceSegment } from '../../src/engine/price-lookup.js';

const segments = (...days: number[]) => days.map((d) => ({ days: d }) as PriceSegment);

describe('splitByDays', () => {
  it('splits whole tokens by days, the last part taking the remainder', () => {
    // 3 100 × 29/31 = 2 900; the rest, 200, goes to the last 2 days
    expect(splitByDays(dec('3100'), segments(29, 2), 31).map(String)).toEqual(['2900', '200']);
    // 1 000 × 29/31 = 935.48… → 935; 1 000 − 935 = 65
    expect(splitByDays(dec('1000'), segments(29, 2), 31).map(String)).toEqual(['935', '65']);
    // 10 × 10/30 = 3.33 → 3, twice; the remainder 4
    expect(splitByDays(dec('10'), segments(10, 10, 10), 30).map(String)).toEqual(['3', '3', '4']);
  });

  it('leaves a single segment whole', () => {
    expect(splitByDays(dec('12345'), segments(31), 31).map(String)).toEqual(['12345']);
  });
});
