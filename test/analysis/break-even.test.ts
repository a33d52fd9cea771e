import { describe, expect, it } from 'vitest';
import { breakEven, netPresentValue } from '../../src/analysis/break-even.js';
import { dec } from '../../src/model/money.js';

const months = ['2027-01', '2027-02', '2027-03', '2027-04'];
const sixMonths = [...months, '2027-05', '2027-06'];
const costs = (...values: string[]) => values.map(dec);

describe('break-even', () => {
  it('finds the month a costlier start stops being costlier', () => {
    // cumulative A 100, 110, 120, 130 against B 40, 80, 120, 160: level in March, below from April
    expect(breakEven(costs('100', '10', '10', '10'), costs('40', '40', '40', '40'), months, 'b')).toEqual({
      against: 'b',
      outcome: 'becomes-cheaper',
      month: '2027-03',
      crossings: [
        { month: '2027-03', becomes: 'even' },
        { month: '2027-04', becomes: 'cheaper' },
      ],
    });
  });

  it('finds the month a cheaper start turns costlier', () => {
    // cumulative A 10, 60, 130, 170 against B 40, 80, 120, 160: A is above B from March on
    expect(breakEven(costs('10', '50', '70', '40'), costs('40', '40', '40', '40'), months, 'b')).toMatchObject({ outcome: 'becomes-costlier', month: '2027-03' });
  });

  it('reports how the costs stand at the end when they cross back and forth, and every crossing', () => {
    // a yearly shortfall in month 6: cumulative A 100, 100, 100, 100, 100, 200 against
    // B 30, 60, 90, 120, 150, 180 — A is cheaper in April and May, costlier again from June
    const a = costs('100', '0', '0', '0', '0', '100');
    const b = costs('30', '30', '30', '30', '30', '30');
    expect(breakEven(a, b, sixMonths, 'b')).toEqual({
      against: 'b',
      outcome: 'becomes-costlier',
      month: '2027-06',
      crossings: [
        { month: '2027-04', becomes: 'cheaper' },
        { month: '2027-06', becomes: 'costlier' },
      ],
    });
  });

  it('lets months of equal cumulative cost before either leads decide nothing', () => {
    // cumulative A 0, 10, 20, 30 against B 0, 5, 10, 15: A was never cheaper, only equal in January
    expect(breakEven(costs('0', '10', '10', '10'), costs('0', '5', '5', '5'), months, 'b')).toMatchObject({ outcome: 'costlier-throughout', month: undefined, crossings: [] });
  });

  it('says an option breaks even when it catches up only by the end', () => {
    // the same 100 one-time cost in January against December, 10 a month otherwise:
    // cumulative A 110, 120, 130, 140 against B 10, 20, 30, 140 — above, then level in April
    expect(breakEven(costs('110', '10', '10', '10'), costs('10', '10', '10', '110'), months, 'b')).toEqual({
      against: 'b',
      outcome: 'breaks-even',
      month: '2027-04',
      crossings: [{ month: '2027-04', becomes: 'even' }],
    });
  });

  it('treats a level month in mid-horizon as meeting, not crossing', () => {
    // cumulative A 100, 110, 120, 170, 180 against B 40, 80, 120, 130, 140: level in March,
    // above again from April — costlier from April, having only met B in March
    expect(breakEven(costs('100', '10', '10', '50', '10'), costs('40', '40', '40', '10', '10'), sixMonths.slice(0, 5), 'b')).toEqual({
      against: 'b',
      outcome: 'becomes-costlier',
      month: '2027-04',
      crossings: [
        { month: '2027-03', becomes: 'even' },
        { month: '2027-04', becomes: 'costlier' },
      ],
    });
  });

  it('says when there is no crossing within the horizon', () => {
    expect(breakEven(costs('50', '50', '50', '50'), costs('40', '40', '40', '40'), months, 'b')).toEqual({ against: 'b', outcome: 'costlier-throughout', month: undefined, crossings: [] });
    // cumulative A 30, 80, 120, 160 against B 40, 80, 120, 170: level twice, never above
    expect(breakEven(costs('30', '50', '40', '40'), costs('40', '40', '40', '50'), months, 'b')).toMatchObject({ outcome: 'cheaper-throughout', month: undefined });
    expect(breakEven(costs('40', '40', '40', '40'), costs('40', '40', '40', '40'), months, 'b')).toMatchObject({ outcome: 'same-throughout', month: undefined });
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
