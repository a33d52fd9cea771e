/** The words and numbers on a chart's axes: money in short form, months a few at a time. */

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

/** Months between labels: a calendar's steps (quarters start in January, April, July, October). */
const STRIDES = [1, 2, 3, 6, 12, 24, 60, 120, 240, 600];

/**
 * Month labels along an axis of periods: every month up to twelve; past that, at most ten, on
 * calendar steps (every quarter, half-year, year, …), years written alone: 2027, 2028.
 */
export function periodTicks(periods: readonly string[]): { at: number; label: string }[] {
  if (periods.length <= 12) return periods.map((label, at) => ({ at, label }));
  const stride = STRIDES.find((s) => Math.ceil(periods.length / s) <= 10) ?? STRIDES[STRIDES.length - 1]!;
  return periods.flatMap((period, at) => {
    const [year, month] = period.split('-').map(Number) as [number, number];
    if ((year * 12 + month - 1) % stride !== 0) return [];
    return [{ at, label: stride >= 12 ? String(year) : period }];
  });
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
