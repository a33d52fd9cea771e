/**
 * Where each workload's model runs, day by day within each month. An option places the model;
 * on the days the model is not available there (availability.csv: not launched yet, or
 * retired), the option's fallback placement serves instead, with its own prices and its own
 * network hops.
 *
 * A model that goes on sale mid-month runs on its own placement from that day: GA on
 * 2026-06-15 gives the fallback June's first 14 days and the placement the other 16, and the
 * month's tokens and bytes are split between them by days, as a price change splits them.
 */
import type { Availability } from '../model/availability.js';
import { formatLocation } from '../model/cloud.js';
import { groupBy } from '../model/group-by.js';
import type { Diagnostic, PathSegment } from '../model/diagnostic.js';
import { describeMonths, type Period } from '../model/period.js';
import { coversAll, daysIn, daysOutside, wholeMonth, type DaySpan } from './day-split.js';
import type { ModelPlacement, Option, Workload } from '../model/scenario.js';

export interface MonthPlacement {
  period: Period;
  model: ModelPlacement;
  /** Path of the placement in the scenario, for messages about it. */
  path: PathSegment[];
  fallback: boolean;
  /** The days of the month it serves: all of them, unless the model goes on sale (or off) within it. */
  spans: DaySpan[];
  days: number;
}

/** The days of a month a placement can serve the workload's model, and why not the others. */
export type AvailabilityIndex = (placement: ModelPlacement, workload: Pick<Workload, 'model' | 'api'>, period: Period) => { spans: DaySpan[]; why: string };

export function indexAvailability(rows: readonly Availability[]): AvailabilityIndex {
  const byModel = groupBy(rows, (row) => `${row.cloud} ${row.model}`);
  return (placement, workload, period) => {
    const month = wholeMonth(period);
    const known = byModel.get(`${placement.cloud} ${workload.model}`);
    if (known === undefined) return { spans: [month], why: '' };
    const forApi = known.filter((row) => row.api === workload.api);
    const spans = availableDays(forApi, month);
    if (daysOutside(month, spans).length === 0) return { spans, why: '' };
    const windows = forApi.map((row) => `${row.ref.file}:${row.ref.line} has it from ${row.from}${row.until === undefined ? '' : ` until ${row.until}`}`);
    const why = windows.length > 0 ? windows.join('; ') : `the catalog sells it there only as ${[...new Set(known.map((r) => r.api))].join(', ')}`;
    return { spans, why };
  };
}

/** The rows' windows within the month, joined where they touch or overlap: sorted and disjoint. */
function availableDays(rows: readonly Availability[], month: DaySpan): DaySpan[] {
  const spans: DaySpan[] = [];
  for (const row of [...rows].sort((a, b) => a.from.localeCompare(b.from))) {
    const from = row.from > month.from ? row.from : month.from;
    const to = row.until === undefined || row.until > month.to ? month.to : row.until;
    if (from >= to) continue;
    const last = spans[spans.length - 1];
    if (last !== undefined && from <= last.to) last.to = to > last.to ? to : last.to;
    else spans.push({ from, to });
  }
  return spans;
}

export function monthPlacements(
  option: Option,
  optionIndex: number,
  workload: Workload,
  periods: readonly Period[],
  availability: AvailabilityIndex,
): { months: MonthPlacement[]; problems: Diagnostic[] } {
  const primaryPath = ['options', optionIndex, 'model'];
  const fallbackPath = ['options', optionIndex, 'fallback', 'model'];
  const months: MonthPlacement[] = [];
  const unavailable: { period: Period; why: string; fallback?: string }[] = [];
  const part = (period: Period, model: ModelPlacement, path: PathSegment[], fallback: boolean, spans: DaySpan[]): MonthPlacement => ({ period, model, path, fallback, spans, days: daysIn(spans) });
  for (const period of periods) {
    const primary = availability(option.model, workload, period);
    const missing = daysOutside(wholeMonth(period), primary.spans);
    if (missing.length === 0) {
      months.push(part(period, option.model, primaryPath, false, primary.spans));
      continue;
    }
    const fallback = option.fallback?.model;
    const backup = fallback === undefined ? undefined : availability(fallback, workload, period);
    if (fallback !== undefined && backup !== undefined && coversAll(backup.spans, missing)) {
      if (primary.spans.length > 0) months.push(part(period, option.model, primaryPath, false, primary.spans));
      months.push(part(period, fallback, fallbackPath, true, missing));
    } else unavailable.push({ period, why: primary.why, ...(backup === undefined ? {} : { fallback: backup.why }) });
  }
  const first = unavailable[0];
  if (first === undefined) return { months, problems: [] };
  const what = `${workload.model} (${workload.api} API) for workload "${workload.id}"`;
  const span = `in ${describeMonths(unavailable.map((u) => u.period))}`;
  const problem: Diagnostic =
    first.fallback === undefined
      ? { path: primaryPath, message: `${what} is not available on ${formatLocation(option.model)} ${span} (${first.why}); add a fallback placement for those days` }
      : { path: fallbackPath, message: `${what} is not available on ${formatLocation(option.model)} nor on its fallback ${formatLocation(option.fallback!.model)} ${span} (${first.why}; fallback: ${first.fallback})` };
  return { months, problems: [problem] };
}
