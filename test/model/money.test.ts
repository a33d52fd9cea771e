import { describe, expect, it } from 'vitest';
import { Decimal, dec, finite, plain, sum } from '../../src/model/money.js';

describe('money', () => {
  it('adds decimals exactly where floats drift', () => {
    expect(plain(dec('0.1').plus(dec('0.2')))).toBe('0.3');
    // one cent 100 000 times: adding JS numbers gives 999.9999999992356
    expect(plain(sum(Array.from({ length: 100_000 }, () => dec('0.01'))))).toBe('1000');
  });

  it('never writes exponent notation', () => {
    expect(plain(dec('1e21'))).toBe('1000000000000000000000');
    expect(plain(dec('0.00000015'))).toBe('0.00000015');
  });

  it('refuses to write a non-finite amount: NaN or Infinity is a bug, never a figure', () => {
    // 0 × ∞ is how a NaN came to pass a budget check: the exponent overflowed decimal.js
    const nan = new Decimal('1e9000000000000000').times('1e9000000000000000').times(0);
    expect(nan.isNaN()).toBe(true);
    expect(() => plain(nan)).toThrow('a non-finite amount (NaN) was computed');
    expect(() => plain(new Decimal(Infinity))).toThrow('a non-finite amount (Infinity) was computed');
    expect(() => finite(new Decimal(-Infinity), 'total')).toThrow('a non-finite total (-Infinity) was computed');
    expect(finite(dec('1.5')).toFixed()).toBe('1.5');
  });
});
