/**
 * Months are the simulation's time step, written `YYYY-MM` ("2027-01"). Calendar dates
 * (`YYYY-MM-DD`) appear only where catalogs date their prices. Both compare correctly as
 * strings, which is why they stay strings — as long as years have four digits, so years are
 * kept within 1900–2999 (LAST_PERIOD is the last month a horizon may reach).
 */
export type Period = string;
export type IsoDate = string;
export const PERIOD_GROUPINGS = ['month', 'quarter', 'year'] as const;
export type PeriodGrouping = (typeof PERIOD_GROUPINGS)[number];

const YEAR = '(?:19|2\\d)\\d\\d';
const PERIOD = new RegExp(`^(${YEAR})-(0[1-9]|1[0-2])$`);
const DATE = new RegExp(`^(${YEAR})-(0[1-9]|1[0-2])-(0[1-9]|[12]\\d|3[01])$`);
export const LAST_PERIOD: Period = '2999-12';

export function isPeriod(text: string): boolean {
  return PERIOD.test(text);
}

export function isIsoDate(text: string): boolean {
  const m = DATE.exec(text);
  return m !== null && Number(m[3]) <= daysInMonth(`${m[1]}-${m[2]}`);
}

function split(period: Period): [number, number] {
  return [Number(period.slice(0, 4)), Number(period.slice(5, 7))];
}

function join(year: number, month: number): Period {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}`;
}

/** addMonths("2026-11", 3) = "2027-02" */
export function addMonths(period: Period, months: number): Period {
  const [year, month] = split(period);
  const index = year * 12 + (month - 1) + months;
  return join(Math.floor(index / 12), (index % 12) + 1);
}

/** The horizon's months: periodsFrom("2026-11", 3) = ["2026-11", "2026-12", "2027-01"] */
export function periodsFrom(start: Period, months: number): Period[] {
  return Array.from({ length: months }, (_, i) => addMonths(start, i));
}

/** daysInMonth("2028-02") = 29 */
export function daysInMonth(period: Period): number {
  const [year, month] = split(period);
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** Whole days from a to b (b exclusive): daysBetween("2026-07-01", "2026-07-30") = 29 */
export function daysBetween(a: IsoDate, b: IsoDate): number {
  return (Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / 86_400_000;
}

export function firstDay(period: Period): IsoDate {
  return `${period}-01`;
}

/**
 * Months for a message, saying a range only where it has no gaps:
 * "2026-05", "2026-05 and 2026-07", "2026-05 to 2026-08", "2026-05, 2026-07, 2026-09 and 2 more".
 */
export function describeMonths(periods: readonly Period[]): string {
  const sorted = [...periods].sort();
  const first = sorted[0];
  const last = sorted[sorted.length - 1];
  if (first === undefined || last === undefined) return 'no month';
  if (sorted.length === 1) return first;
  if (sorted.length === 2) return `${first} and ${last}`;
  if (sorted.every((p, i) => p === addMonths(first, i))) return `${first} to ${last}`;
  return sorted.length <= 3 ? `${sorted.slice(0, -1).join(', ')} and ${last}` : `${sorted.slice(0, 3).join(', ')} and ${sorted.length - 3} more`;
}

/** The bucket a month falls in: "2027-05" → "2027-Q2" by quarter, "2027" by year. */
export function groupPeriod(period: Period, by: PeriodGrouping): string {
  const [year, month] = split(period);
  switch (by) {
    case 'month':
      return period;
    case 'quarter':
      return `${year}-Q${Math.floor((month - 1) / 3) + 1}`;
    case 'year':
      return String(year);
  }
}
