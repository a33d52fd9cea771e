import { describe, expect, it } from 'vitest';
import { dec, plain, sum } from '../../src/model/money.js';

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
});
