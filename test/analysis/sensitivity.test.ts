/**
 * Option a costs 0.003 a session; b 0.002 a session and a one-time amount. Sessions triangular
 * [500 000, 1 500 000, 2 000 000], the one-time amount uniform [500, 1 500] (mean 1 000).
 * At the mode: a 4 500, b 1 000 + 3 000 = 4 000: b is the cheapest, the gap a − b is 500.
 */
import { describe, expect, it } from 'vitest';
import { sensitivity, type FactorOutcome } from '../../src/analysis/sensitivity.js';
import { dec } from '../../src/model/money.js';

const totals = (a: string, b: string) => new Map([['a', dec(a)], ['b', dec(b)]]);

describe('sensitivity', () => {
  it('ranks factors by how far they move the gap between the two cheapest', () => {
    const outcomes: FactorOutcome[] = [
      // one-time 500: b 3 500, gap 1 000; 1 500: b 4 500, gap 0 → swing 1 000
      { factor: { name: 'setup', inputs: [{ path: 'one_time.0.amount', low: '500', high: '1500' }] }, low: totals('4500', '3500'), high: totals('4500', '4500') },
      // 500 000 sessions: a 1 500, b 1 000 + 1 000 = 2 000, gap −500; 2 000 000: a 6 000, b 5 000, gap 1 000 → swing 1 500
      { factor: { name: 'sessions', inputs: [{ path: 'workloads.0.sessions_per_month', low: '500000', high: '2000000' }] }, low: totals('1500', '2000'), high: totals('6000', '5000') },
    ];
    const result = sensitivity(totals('4500', '4000'), outcomes);
    expect(result.pair).toEqual({ cheapest: 'b', runnerUp: 'a' });
    expect(result.factors.map((f) => [f.factor.name, f.gap!.low.toFixed(), f.gap!.high.toFixed(), f.gap!.swing.toFixed()])).toEqual([
      ['sessions', '-500', '1000', '1500'],
      ['setup', '1000', '0', '1000'],
    ]);
    // a moves 6 000 − 1 500 = 4 500 with sessions, nothing with the setup; b 5 000 − 2 000 = 3 000 and 1 000
    expect(result.factors.map((f) => [f.swings.get('a')!.toFixed(), f.swings.get('b')!.toFixed()])).toEqual([
      ['4500', '3000'],
      ['0', '1000'],
    ]);
  });

  it('ranks by the option\'s own swing when there is one option, and keeps the first-listed option cheaper on a tie', () => {
    const one = sensitivity(new Map([['a', dec('10')]]), [
      { factor: { name: 'x', inputs: [] }, low: new Map([['a', dec('9')]]), high: new Map([['a', dec('11')]]) },
      { factor: { name: 'y', inputs: [] }, low: new Map([['a', dec('5')]]), high: new Map([['a', dec('20')]]) },
    ]);
    expect([one.pair, one.factors.map((f) => f.factor.name)]).toEqual([undefined, ['y', 'x']]);
    expect(sensitivity(totals('7', '7'), []).pair).toEqual({ cheapest: 'a', runnerUp: 'b' });
  });
});
