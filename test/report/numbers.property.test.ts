/**
 * roundToTotal (src/report/numbers.ts): a table's parts rounded by largest remainder so they add
 * up to the rounded total (docs/architecture.md "Shown figures add up").
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dec, Decimal } from '../../src/model/money.js';
import { roundToTotal } from '../../src/report/numbers.js';
import { PROPERTY_TIMEOUT, runs, total } from '../helpers/property.js';
import { halfAwayFromZero, MINOR_UNITS } from '../helpers/report-text.js';

/** Exact amounts with up to 8 decimals, positive or negative (credits and discounts). */
const amount = fc.tuple(fc.bigInt({ min: -(10n ** 14n), max: 10n ** 14n }), fc.integer({ min: 0, max: 8 })).map(([units, scale]) => dec(units.toString()).div(dec('10').pow(scale)));

describe('rounding parts to their total (property)', { timeout: PROPERTY_TIMEOUT }, () => {
  // Why: every part is rounded down to a minor unit, then the units the rounded total still
  // needs — round(total) − Σ floor(part), a whole number from 0 to the number of parts, since
  // Σ floor(part) ≤ total < Σ floor(part) + parts × unit — go one each to the parts with the
  // largest remainders. So the parts add up to the rounded total, each moves less than one
  // minor unit, a part already in minor units stays as it is, and no part rounded down lost
  // more than a part rounded up.
  it('adds the rounded parts up to the rounded total, moving each by less than one minor unit', () => {
    fc.assert(
      fc.property(fc.array(amount, { maxLength: 12 }), fc.constantFrom(...Object.keys(MINOR_UNITS)), (parts, currency) => {
        const digits = MINOR_UNITS[currency]!;
        const unit = dec('1').div(dec('10').pow(digits));
        const exact = total(parts);
        const rounded = roundToTotal(parts, exact, currency);
        expect(rounded.total.eq(halfAwayFromZero(exact, digits)), `total ${exact.toFixed()} → ${rounded.total.toFixed()}`).toBe(true);
        expect(total(rounded.parts).eq(rounded.total)).toBe(true);
        rounded.parts.forEach((r, i) => {
          expect(r.decimalPlaces()).toBeLessThanOrEqual(digits);
          expect(r.minus(parts[i]!).abs().lt(unit), `${parts[i]!.toFixed()} → ${r.toFixed()}`).toBe(true);
        });
        const remainder = (i: number) => parts[i]!.minus(parts[i]!.toDecimalPlaces(digits, Decimal.ROUND_FLOOR));
        const up = rounded.parts.flatMap((r, i) => (r.gt(parts[i]!) ? [remainder(i)] : []));
        const down = rounded.parts.flatMap((r, i) => (r.lt(parts[i]!) ? [remainder(i)] : []));
        if (up.length > 0 && down.length > 0) expect(Decimal.min(...up).gte(Decimal.max(...down))).toBe(true);
      }),
      runs(300),
    );
  });
});
