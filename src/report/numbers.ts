/**
 * How numbers look in reports. Money is rounded here and only here, half away from zero (as
 * invoices round), to the currency's minor units: USD 1234.565 → "1,234.57"; JPY → "1,235".
 * Machine formats get exact text instead (`plain` from model/money).
 */
import { Decimal } from '../model/money.js';

const minorUnits = new Map<string, number>();

/** 2 for USD and EUR, 0 for JPY, 3 for KWD: what ISO 4217 gives the currency. */
export function minorUnitsOf(currency: string): number {
  let digits = minorUnits.get(currency);
  if (digits === undefined) {
    digits = new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
    minorUnits.set(currency, digits);
  }
  return digits;
}

/** 1234567.891 → "1,234,567.89" */
export function formatMoney(amount: Decimal, currency: string): string {
  const fixed = amount.toFixed(minorUnitsOf(currency), Decimal.ROUND_HALF_UP).replace(/^-(?=0[.0]*$)/, '');
  const [whole, fraction] = fixed.split('.');
  const grouped = whole!.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return fraction === undefined ? grouped : `${grouped}.${fraction}`;
}

/** +1,234.57 / -0.50 / 0.00 */
export function formatSignedMoney(amount: Decimal, currency: string): string {
  const text = formatMoney(amount, currency);
  return amount.isPositive() && !/^0[.0]*$/.test(text) ? `+${text}` : text;
}

/** A ratio as a percentage with two decimals: 0.123456 → "12.35" (sign added by the caller). */
export function percentText(ratio: Decimal): string {
  return ratio.times(100).toFixed(2, Decimal.ROUND_HALF_UP);
}

/** A quotient such as a monthly average, for machine formats: ten decimals, half to even. */
export function quotientText(value: Decimal): string {
  return value.toDecimalPlaces(10, Decimal.ROUND_HALF_EVEN).toFixed();
}
