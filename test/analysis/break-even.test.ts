import { describe, expect, it } from 'vitest';
import { breakEven, netPresentValue } from '../../src/analysis/break-even.js';
import { dec } from '../../src/model/money.js';

const months = ['2027-01', '2027-02', '2027-03', '2027-04'];
const costs = (...values: string[]) => values.map(dec);

describe('break-even', () => {
  it('finds the month a costlier start stops being costlier', () => {
    // cumulative A 100, 110, 120, 130 against B 40, 80, 120, 160: A is no longer above B in March
    expect(breakEven(costs('100', '10', '10', '10'), costs('40', '40', '40', '40'), months, 'b')).toEqual({ against: 'b', outcome: 'becomes-cheaper', month: '2027-03' });
  });

  it('finds the month a cheaper start turns costlier', () => {
    // cumulative A 10, 60, 130, 130 against B 40, 80, 120, 160: A is above B in March (the first crossing)
    expect(breakEven(costs('10', '50', '70', '0'), costs('40', '40', '40', '40'), months, 'b')).toEqual({ against: 'b', outcome: 'becomes-costlier', month: '2027-03' });
  });

  it('says when there is no crossing within the horizon', () => {
    expect(breakEven(costs('50', '50', '50', '50'), costs('40', '40', '40', '40'), months, 'b')).toEqual({ against: 'b', outcome: 'costlier-throughout', month: undefined });
    expect(breakEven(costs('40', '40', '40', '40'), costs('40', '40', '40', '40'), months, 'b')).toEqual({ against: 'b', outcome: 'cheaper-throughout', month: undefined });
  });
});

describe('net present value', () => {
  it('discounts each month as paid at its end', () => {
    // 1 000 at the end of month 12 at 8 %: 1 000 / 1.08 = 925.925925…
    const twelfth = [...Array(11).fill(dec('0')), dec('1000')];
    expect(netPresentValue(twelfth, dec('0.08')).toDecimalPlaces(6).toFixed()).toBe('925.925926');
    // at 0 % nothing is discounted
    expect(netPresentValue(costs('1', '2', '3'), dec('0')).toFixed()).toBe('6');
  });
});
