import { describe, expect, it } from 'vitest';
import { dec } from '../../src/model/money.js';
import { inUnit } from '../../src/model/units.js';

describe('inUnit', () => {
  it('divides by the unit size exactly, to 9 decimals', () => {
    expect(inUnit(dec('12000000000'), 'gb').toFixed()).toBe('12'); // 12e9 / 1e9
    expect(inUnit(dec('1073741824'), 'gib').toFixed()).toBe('1'); // 2^30 / 2^30
    // 1 / 2^30 = 0.000000000931322574615478515625 → 9 decimals, half even: 0.000000001
    expect(inUnit(dec('1'), 'gib').toFixed()).toBe('0.000000001');
    // 536 870 912 = 2^29 → 0.5 GiB
    expect(inUnit(dec('536870912'), 'gib').toFixed()).toBe('0.5');
    expect(inUnit(dec('5400'), 'vcpu-hour').toFixed()).toBe('1.5'); // 5 400 / 3 600
    expect(inUnit(dec('1'), 'vcpu-hour').toFixed()).toBe('0.000277778'); // 1 / 3 600 = 0.000277777… → 9 decimals
    expect(inUnit(dec('2500'), 'thousand-requests').toFixed()).toBe('2.5');
  });

  it('gives the same digits as a division for quantities with many digits', () => {
    // 1 234 567 890 123.456789012345 bytes / 2^30 = 1 149.780 945 967 376 966 … GiB (Python's decimal,
    // 80 digits); both ways round alike
    const quantity = dec('1234567890123.456789012345');
    expect(inUnit(quantity, 'gib').eq(quantity.div(dec('1073741824')).toDecimalPlaces(9))).toBe(true);
    expect(inUnit(quantity, 'gib').toFixed()).toBe('1149.780945967');
  });
});
