/**
 * Days in a month that something serves or a price holds, and whole quantities split by them.
 * A month is split when a price changes within it, or when a model goes on sale (or off) on a
 * day other than the first: each part then bills its days' share of the month's tokens and bytes.
 */
import { addMonths, daysBetween, firstDay, type IsoDate, type Period } from '../model/period.js';

/** The days [from, to): `to` is the first day not included. */
export interface DaySpan {
  from: IsoDate;
  to: IsoDate;
}

export function wholeMonth(period: Period): DaySpan {
  return { from: firstDay(period), to: firstDay(addMonths(period, 1)) };
}

export function daysIn(spans: readonly DaySpan[]): number {
  return spans.reduce((days, s) => days + daysBetween(s.from, s.to), 0);
}

/** The days of `within` not in `spans` (both sorted and disjoint). */
export function daysOutside(within: DaySpan, spans: readonly DaySpan[]): DaySpan[] {
  const left: DaySpan[] = [];
  let from = within.from;
  for (const span of spans) {
    if (span.from > from) left.push({ from, to: span.from < within.to ? span.from : within.to });
    if (span.to > from) from = span.to;
    if (from >= within.to) break;
  }
  if (from < within.to) left.push({ from, to: within.to });
  return left;
}

/** Whether `spans` (sorted, disjoint) hold every day of `needed`. */
export function coversAll(spans: readonly DaySpan[], needed: readonly DaySpan[]): boolean {
  return needed.every((want) => daysOutside(want, spans.filter((s) => s.to > want.from && s.from < want.to)).length === 0);
}

/**
 * Splits whole tokens (or bytes) across parts by their days, so the parts add up to the whole:
 * each part first gets its share of the days rounded down, then the few tokens left (fewer than
 * there are parts) go one at a time to the part with the most days per token it already has
 * (D'Hondt, the earlier part on a tie).
 *
 *   3 100 tokens over 29 + 2 days of July = 2 900 + 200 (exact shares need no rounding)
 *   2 tokens over 8 + 8 + 8 + 7 days = 1 + 1 + 0 + 0
 *
 * Rounding each share on its own and giving the last the remainder, the obvious way, can leave
 * the last part a negative share (2 over 8+8+8+7 days: 1 + 1 + 1 − 1), and can take a token
 * from a segment when the month's tokens rise; a divisor method does neither, so a month's cost
 * never falls when its usage rises.
 */
export function splitByDays(tokens: bigint, segments: readonly { days: number }[]): bigint[] {
  if (segments.length === 1) return [tokens];
  const days = segments.reduce((all, s) => all + s.days, 0);
  const shares = segments.map((segment) => (tokens * BigInt(segment.days)) / BigInt(days));
  // fewer tokens than segments are left
  for (let left = tokens - shares.reduce((a, b) => a + b, 0n); left > 0n; left--) {
    let best = 0;
    // days_i / (share_i + 1) > days_best / (share_best + 1), compared without dividing
    for (let i = 1; i < segments.length; i++) {
      if ((shares[best]! + 1n) * BigInt(segments[i]!.days) > (shares[i]! + 1n) * BigInt(segments[best]!.days)) best = i;
    }
    shares[best]! += 1n;
  }
  return shares;
}
