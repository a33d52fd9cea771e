import { describe, expect, it } from 'vitest';
import { parseBytes, parseCount, parsePercent, parsePrice } from '../../src/model/quantity.js';

const text = (d: { toFixed(): string } | undefined) => d?.toFixed();

describe('parseCount', () => {
  it.each([
    ['2M', '2000000'],
    ['3.5k', '3500'],
    ['3.5K', '3500'],
    ['1.2B', '1200000000'],
    ['0.5T', '500000000000'],
    ['6', '6'],
    ['2.25', '2.25'],
    ['1e6', '1000000'],
    [' 450 ', '450'],
    ['12345678901234567890.123', '12345678901234567890.123'],
  ])('%s = %s', (input, expected) => {
    expect(text(parseCount(input))).toBe(expected);
  });

  it.each(['lots', '2MB', '2 million', '', '1,000', '2m', '--1'])('rejects %j', (input) => {
    expect(parseCount(input)).toBeUndefined();
  });
});

describe('parseBytes', () => {
  it.each([
    ['48KiB', '49152'],
    ['1.5GB', '1500000000'],
    ['2MiB', '2097152'],
    ['512', '512'],
    ['512B', '512'],
    ['1kB', '1000'],
    ['1TiB', '1099511627776'],
  ])('%s = %s bytes', (input, expected) => {
    expect(text(parseBytes(input))).toBe(expected);
  });

  it.each(['48 kilobytes', '1.5Gb', 'GB', '1kiB'])('rejects %j', (input) => {
    expect(parseBytes(input)).toBeUndefined();
  });
});

describe('parsePercent', () => {
  it.each([
    ['4%', '0.04'],
    ['60%', '0.6'],
    ['0.5%', '0.005'],
    ['-1.5%', '-0.015'],
    ['100%', '1'],
  ])('%s = %s', (input, expected) => {
    expect(text(parsePercent(input))).toBe(expected);
  });

  it('requires the % sign, so 4 is never read as 400%', () => {
    expect(parsePercent('4')).toBeUndefined();
    expect(parsePercent('0.04')).toBeUndefined();
  });
});

describe('parsePrice', () => {
  it('keeps every digit of the text', () => {
    expect(text(parsePrice('0.075'))).toBe('0.075');
    expect(text(parsePrice('30.00'))).toBe('30');
  });

  it.each(['2,50', '-1', '$2', '1e-6', ''])('rejects %j', (input) => {
    expect(parsePrice(input)).toBeUndefined();
  });
});
