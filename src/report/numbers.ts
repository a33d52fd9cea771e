/**
 * How numbers look in reports. Money is rounded here and only here, half away from zero (as
 * invoices round), to the currency's minor units: USD 1234.565 → "1,234.57"; JPY → "1,235".
 * Machine formats get exact text instead (`plain` from model/money).
 */
import { Decimal, finite } from '../model/money.js';

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
  const fixed = finite(amount).toFixed(minorUnitsOf(currency), Decimal.ROUND_HALF_UP).replace(/^-(?=0[.0]*$)/, '');
  const [whole, fraction] = fixed.split('.');
  const grouped = groupThousands(whole!);
  return fraction === undefined ? grouped : `${grouped}.${fraction}`;
}

/** "-1234567" → "-1,234,567", in one pass (a lookahead regex is quadratic in the digits). */
function groupThousands(whole: string): string {
  const sign = whole.startsWith('-') ? '-' : '';
  const digits = sign === '' ? whole : whole.slice(1);
  const groups: string[] = [];
  const head = digits.length % 3 || 3;
  groups.push(digits.slice(0, head));
  for (let i = head; i < digits.length; i += 3) groups.push(digits.slice(i, i + 3));
  return sign + groups.join(',');
}

/**
 * Rounds the parts of an exact total so the rounded parts add up to the rounded total, as a
 * reader checks: largest remainder — every part rounded down, then the units still missing go
 * to the parts that lost the most (ties to the earlier part).
 *
 *   0.335 + 0.335 + 0.33 = 1.00  →  0.34 + 0.33 + 0.33 (not 0.34 + 0.34 + 0.33 = 1.01)
 *
 * `total` must be the exact sum of `parts`; each part moves by less than one minor unit.
 */
export function roundToTotal(parts: readonly Decimal[], total: Decimal, currency: string): { parts: Decimal[]; total: Decimal } {
  const digits = minorUnitsOf(currency);
  const unit = new Decimal(1).div(new Decimal(10).pow(digits));
  const roundedTotal = total.toDecimalPlaces(digits, Decimal.ROUND_HALF_UP);
  const rounded = parts.map((part) => part.toDecimalPlaces(digits, Decimal.ROUND_FLOOR));
  let missing = roundedTotal.minus(rounded.reduce((a, b) => a.plus(b), new Decimal(0))).div(unit).toNumber();
  const byRemainder = parts.map((part, i) => ({ i, remainder: part.minus(rounded[i]!) })).sort((a, b) => b.remainder.comparedTo(a.remainder) || a.i - b.i);
  for (const { i } of byRemainder) {
    if (missing <= 0) break;
    rounded[i] = rounded[i]!.plus(unit);
    missing -= 1;
  }
  return { parts: rounded, total: roundedTotal };
}

/** +1,234.57 / -0.50 / 0.00 */
export function formatSignedMoney(amount: Decimal, currency: string): string {
  const text = formatMoney(amount, currency);
  return amount.isPositive() && !/^0[.0]*$/.test(text) ? `+${text}` : text;
}

/**
 * A change as a signed percentage with two decimals: 0.123456 → "+12.35%", -0.031 → "-3.10%",
 * 0 → "0.00%". A change too small to show in two decimals says so ("+<0.01%"): "+197.90
 * (+0.00%)" would read as no change at all.
 */
export function signedPercentText(ratio: Decimal): string {
  if (ratio.isZero()) return '0.00%';
  const sign = ratio.isNeg() ? '-' : '+';
  const text = percentText(ratio.abs());
  return text === '0.00' ? `${sign}<0.01%` : `${sign}${text}%`;
}

/** A ratio as a percentage with two decimals: 0.123456 → "12.35" (sign added by the caller). */
export function percentText(ratio: Decimal): string {
  return finite(ratio, 'ratio').times(100).toFixed(2, Decimal.ROUND_HALF_UP);
}

/** A quotient such as a monthly average, for machine formats: ten decimals, half to even. */
export function quotientText(value: Decimal): string {
  return finite(value).toDecimalPlaces(10, Decimal.ROUND_HALF_EVEN).toFixed();
}

/** Milliseconds, to a hundredth: 41.999 → "42", 12.345 → "12.35". */
export function msText(ms: Decimal): string {
  return ms.toDecimalPlaces(2, Decimal.ROUND_HALF_UP).toFixed();
}
