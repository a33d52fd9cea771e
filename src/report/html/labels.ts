/** The words and numbers on a chart's axes: money in short form, months a few at a time. */
import { labelStride } from './scale.js';

const compact = new Map<string, Intl.NumberFormat>();

/** A tick's amount, short: 0, $250K, $1.5M, €0.05 (the exact figures are in the tables). */
export function moneyTick(currency: string): (value: number) => string {
  let format = compact.get(currency);
  if (format === undefined) {
    format = new Intl.NumberFormat('en', { style: 'currency', currency, notation: 'compact', maximumSignificantDigits: 3 });
    compact.set(currency, format);
  }
  return (value) => format.format(value);
}

/** At most twelve month labels along an axis of periods, starting with the first. */
export function periodTicks(periods: readonly string[]): { at: number; label: string }[] {
  const stride = labelStride(periods.length, 12);
  return periods.flatMap((label, at) => (at % stride === 0 ? [{ at, label }] : []));
}

/** A short account of lines for a screen reader: each series' first and last figure, the first ten series. */
export function linesSummary(what: string, names: readonly string[], first: (i: number) => string, last: (i: number) => string): string {
  const shown = names.slice(0, 10).map((name, i) => `${name} from ${first(i)} to ${last(i)}`);
  const more = names.length > 10 ? `; and ${names.length - 10} more, in the table below` : '';
  return `${what}: ${shown.join('; ')}${more}.`;
}

/** "1 month", "36 months" */
export function monthsText(months: number): string {
  return months === 1 ? '1 month' : `${months} months`;
}
