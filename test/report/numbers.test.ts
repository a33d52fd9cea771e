import { describe, expect, it } from 'vitest';
import { dec } from '../../src/model/money.js';
import { formatMoney, formatSignedMoney, minorUnitsOf, percentText, quotientText } from '../../src/report/numbers.js';

describe('money in reports', () => {
  it('rounds half away from zero to the currency minor units, with grouping', () => {
    expect(formatMoney(dec('1234567.891'), 'USD')).toBe('1,234,567.89');
    expect(formatMoney(dec('1234.565'), 'USD')).toBe('1,234.57');
    expect(formatMoney(dec('-1234.565'), 'USD')).toBe('-1,234.57');
    expect(formatMoney(dec('999.995'), 'EUR')).toBe('1,000.00');
    expect(formatMoney(dec('1234.5'), 'JPY')).toBe('1,235');
    expect(formatMoney(dec('0.004'), 'USD')).toBe('0.00');
    expect(formatMoney(dec('-0.004'), 'USD')).toBe('0.00');
  });

  it('knows minor units per currency', () => {
    expect([minorUnitsOf('USD'), minorUnitsOf('JPY'), minorUnitsOf('KWD')]).toEqual([2, 0, 3]);
  });

  it('signs differences', () => {
    expect(formatSignedMoney(dec('151099.841149825'), 'USD')).toBe('+151,099.84');
    expect(formatSignedMoney(dec('0.001'), 'USD')).toBe('0.00');
    expect(formatSignedMoney(dec('-2'), 'USD')).toBe('-2.00');
  });

  it('rounds quotients for machine formats', () => {
    expect(percentText(dec('0.766524578'))).toBe('76.65');
    expect(percentText(dec('0.10'))).toBe('10.00');
    expect(quotientText(dec('8.99675').div(3))).toBe('2.9989166667');
    expect(quotientText(dec('10').div(4))).toBe('2.5');
  });
});
