import { describe, expect, it } from 'vitest';
import { splitByDays } from '../../src/engine/day-split.js';
import type { PriceSegment } from '../../src/engine/price-lookup.js';

const segments = (...days: number[]) => days.map((d) => ({ days: d }) as PriceSegment);

describe('splitByDays', () => {
  it('splits whole tokens by days: shares rounded down, the tokens left to the most days per token (D\'Hondt)', () => {
    // 3 100 × 29/31 = 2 900 and 3 100 × 2/31 = 200: exact, nothing left
    expect(splitByDays(3100n, segments(29, 2)).map(String)).toEqual(['2900', '200']);
    // 1 000 × 29/31 = 935.48… → 935, 1 000 × 2/31 = 64.51… → 64; 1 left: 29/936 = 0.03098 > 2/65 = 0.03077
    expect(splitByDays(1000n, segments(29, 2)).map(String)).toEqual(['936', '64']);
    // 10 × 10/30 = 3.33… → 3, three times; 1 left, a tie, to the earliest
    expect(splitByDays(10n, segments(10, 10, 10)).map(String)).toEqual(['4', '3', '3']);
  });

  it('never gives a segment a negative share (rounding each and leaving the last the rest gave 1, 1, 1, −1)', () => {
    // 2 × 8/31 = 0.52 → 0 (three times), 2 × 7/31 = 0.45 → 0; 2 left: 8/1 to the first, then 8/1 > 8/2 to the second
    expect(splitByDays(2n, segments(8, 8, 8, 7)).map(String)).toEqual(['1', '1', '0', '0']);
  });

  it('never takes a token from a segment when the month has more (the old split went 0, 0, 2 → 1, 1, 1)', () => {
    // 2 over 6 + 6 + 19 days: floors 0, 0, 1 (19 × 2/31 = 1.23); 1 left: 19/2 = 9.5 > 6/1 → 0, 0, 2
    expect(splitByDays(2n, segments(6, 6, 19)).map(String)).toEqual(['0', '0', '2']);
    // 3: floors 0, 0, 1 (19 × 3/31 = 1.84); 2 left: 19/2 = 9.5 > 6/1, then 19/3 = 6.33 > 6/1 → 0, 0, 3
    expect(splitByDays(3n, segments(6, 6, 19)).map(String)).toEqual(['0', '0', '3']);
  });

  it('splits counts of any size exactly (10^70 + 12 345 tokens over 10 + 10 + 11 days)', () => {
    // t = 10^70 + 12 345 ≡ 5 + 7 = 12 (mod 31), as 10^15 ≡ 1 and 10^10 ≡ 5 (mod 31)
    // floors: a = (10t − 27)/31 twice (10t ≡ 120 ≡ 27), b = (11t − 8)/31 (11t ≡ 132 ≡ 8);
    // left: t − 2a − b = (54 + 8)/31 = 2 tokens. D'Hondt: 11(a + 1) = (110t + 44)/31 is less than
    // 10(b + 1) = (110t + 230)/31, so the first goes to the first part; then the second part's
    // 10/(a + 1) beats the first's 10/(a + 2) and the third's: a + 1, a + 1, b
    const tokens = 10n ** 70n + 12_345n;
    const a = (10n * tokens - 27n) / 31n;
    const b = (11n * tokens - 8n) / 31n;
    expect(splitByDays(tokens, segments(10, 10, 11))).toEqual([a + 1n, a + 1n, b]);
    expect(2n * (a + 1n) + b).toBe(tokens);
  });

  it('leaves a single segment whole', () => {
    expect(splitByDays(12345n, segments(31)).map(String)).toEqual(['12345']);
  });
});
