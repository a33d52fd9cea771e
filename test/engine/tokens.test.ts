import { describe, expect, it } from 'vitest';
import { splitByDays } from '../../src/engine/tokens.js';
import { dec } from '../../src/model/money.js';
import type { PriceSegment } from '../../src/engine/price-lookup.js';

const segments = (...days: number[]) => days.map((d) => ({ days: d }) as PriceSegment);

describe('splitByDays', () => {
  it('splits whole tokens by days: shares rounded down, the tokens left to the most days per token (D\'Hondt)', () => {
    // 3 100 × 29/31 = 2 900 and 3 100 × 2/31 = 200: exact, nothing left
    expect(splitByDays(dec('3100'), segments(29, 2), 31).map(String)).toEqual(['2900', '200']);
    // 1 000 × 29/31 = 935.48… → 935, 1 000 × 2/31 = 64.51… → 64; 1 left: 29/936 = 0.03098 > 2/65 = 0.03077
    expect(splitByDays(dec('1000'), segments(29, 2), 31).map(String)).toEqual(['936', '64']);
    // 10 × 10/30 = 3.33… → 3, three times; 1 left, a tie, to the earliest
    expect(splitByDays(dec('10'), segments(10, 10, 10), 30).map(String)).toEqual(['4', '3', '3']);
  });

  it('never gives a segment a negative share (rounding each and leaving the last the rest gave 1, 1, 1, −1)', () => {
    // 2 × 8/31 = 0.52 → 0 (three times), 2 × 7/31 = 0.45 → 0; 2 left: 8/1 to the first, then 8/1 > 8/2 to the second
    expect(splitByDays(dec('2'), segments(8, 8, 8, 7), 31).map(String)).toEqual(['1', '1', '0', '0']);
  });

  it('never takes a token from a segment when the month has more (the old split went 0, 0, 2 → 1, 1, 1)', () => {
    // 2 over 6 + 6 + 19 days: floors 0, 0, 1 (19 × 2/31 = 1.23); 1 left: 19/2 = 9.5 > 6/1 → 0, 0, 2
    expect(splitByDays(dec('2'), segments(6, 6, 19), 31).map(String)).toEqual(['0', '0', '2']);
    // 3: floors 0, 0, 1 (19 × 3/31 = 1.84); 2 left: 19/2 = 9.5 > 6/1, then 19/3 = 6.33 > 6/1 → 0, 0, 3
    expect(splitByDays(dec('3'), segments(6, 6, 19), 31).map(String)).toEqual(['0', '0', '3']);
  });

  it('does not count out tokens one by one past the precision (10^70 tokens over three parts)', () => {
    // at 60 significant digits the rounded-down shares of 10^70 need not add up to within three
    // tokens; the rest goes to the last part instead of a loop of 10^10 steps
    const tokens = dec('1e70').plus(12345);
    const shares = splitByDays(tokens, segments(10, 10, 11), 31);
    expect(shares).toHaveLength(3);
    for (const share of shares) expect(share.isNeg()).toBe(false);
  });

  it('leaves a single segment whole', () => {
    expect(splitByDays(dec('12345'), segments(31), 31).map(String)).toEqual(['12345']);
  });
});
