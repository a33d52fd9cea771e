import { describe, expect, it } from 'vitest';
import { dec } from '../../src/model/money.js';
import { formatMoney, formatSignedMoney, minorUnitsOf, percentText, quotientText, roundToTotal } from '../../src/report/numbers.js';

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

  it('groups the thousands of any number of digits, in linear time (a lookahead regex took minutes for 100k digits)', () => {
    expect(formatMoney(dec('1'), 'USD')).toBe('1.00');
    expect(formatMoney(dec('123'), 'USD')).toBe('123.00');
    expect(formatMoney(dec('1234'), 'USD')).toBe('1,234.00');
    expect(formatMoney(dec('-123456'), 'USD')).toBe('-123,456.00');
    // 100 000 nines: 33 334 groups, the first of one digit ("9,999,…")
    const text = formatMoney(dec(`${'9'.repeat(100_000)}`), 'JPY');
    const groups = text.split(',');
    expect(groups).toHaveLength(33_334);
    expect(groups[0]).toBe('9');
    expect(groups.slice(1).every((g) => g === '999')).toBe(true);
  });

  it('knows minor units per currency', () => {
    expect([minorUnitsOf('USD'), minorUnitsOf('JPY'), minorUnitsOf('KWD')]).toEqual([2, 0, 3]);
  });

  it('signs differences', () => {
    expect(formatSignedMoney(dec('151099.841149825'), 'USD')).toBe('+151,099.84');
    expect(formatSignedMoney(dec('0.001'), 'USD')).toBe('0.00');
    expect(formatSignedMoney(dec('-2'), 'USD')).toBe('-2.00');
  });

  it('rounds parts so they add up to the rounded total', () => {
    const shown = (parts: string[], currency = 'USD') => {
      const values = parts.map(dec);
      const r = roundToTotal(values, values.reduce((a, b) => a.plus(b)), currency);
      return [...r.parts.map((p) => p.toFixed()), r.total.toFixed()];
    };
    // 0.335 + 0.335 + 0.33 = 1.00; rounded one by one 0.34 + 0.34 + 0.33 = 1.01
    expect(shown(['0.335', '0.335', '0.33'])).toEqual(['0.34', '0.33', '0.33', '1']);
    // 2.1 + 0.175 + 1.12 = 3.395 → 3.40; floors 2.10 + 0.17 + 1.12 = 3.39, one cent to 0.175
    expect(shown(['2.1', '0.175', '1.12'])).toEqual(['2.1', '0.18', '1.12', '3.4']);
    // negative parts (credits): -0.005 + 1.005 = 1.00; floors -0.01 + 1.00 = 0.99 → +0.01 to the larger remainder, tie to the first
    expect(shown(['-0.005', '1.005'])).toEqual(['0', '1', '1']);
    // yen have no minor unit: 0.6 + 0.6 + 0.8 = 2 → 0 + 1 + 1? floors 0 + 0 + 0, two units to the largest remainders (0.8, then 0.6 first)
    expect(shown(['0.6', '0.6', '0.8'], 'JPY')).toEqual(['1', '0', '1', '2']);
  });

  it('rounds quotients for machine formats', () => {
    expect(percentText(dec('0.766524578'))).toBe('76.65');
    expect(percentText(dec('0.10'))).toBe('10.00');
    expect(quotientText(dec('8.99675').div(3))).toBe('2.9989166667');
    expect(quotientText(dec('10').div(4))).toBe('2.5');
  });
});
