/**
 * Timestamps as usage logs write them, read to milliseconds since 1970 UTC:
 *
 *   2026-07-14T09:12:33.417Z          ISO 8601 (Claude Code, LiteLLM)
 *   2026-07-14T11:12:33+02:00         with an offset
 *   2023-11-16 18:17:03.9799600       no zone: UTC (the Azure trace; fractions past ms are dropped)
 *   1752484353                        Unix seconds (OpenAI's usage export); 1752484353417 in ms
 *
 * Anything else, or a date that does not exist (2026-02-30), is undefined: a bad record.
 */
import type { IsoDate, Period } from './period.js';

/** A day in milliseconds: days since 1970 are what usage is summed and priced by. */
export const DAY_MS = 86_400_000;

/** Days since 1970-01-01 of a date: 2026-12-01 → 20 788. */
export function dayNumber(date: IsoDate): number {
  return Date.parse(`${date}T00:00:00Z`) / DAY_MS;
}

/** A day counted from 1970 as the catalog dates prices: 20 788 → "2026-12-01". */
export function isoDay(day: number): IsoDate {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

const ISO = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d+))?)?)?\s*(Z|[+-]\d{2}:?\d{2})?$/i;

/** Years a usage record may fall in; outside them a timestamp is a misread column, not usage. */
const FIRST_YEAR = 2000;
const LAST_YEAR = 2199;

/**
 * Milliseconds since 1970 of a UTC date and time, by days_from_civil (Howard Hinnant's
 * algorithm): Date.UTC's arithmetic without its call, for logs of millions of lines. The date
 * must exist (the callers check the day against its month).
 */
export function utcMs(year: number, month: number, day: number, hour: number, minute: number, second: number, ms: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const days = era * 146097 + yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear - 719468;
  return ((days * 24 + hour) * 60 + minute) * 60_000 + second * 1000 + ms;
}

/** Days in a month of the Gregorian calendar. */
export function daysInMonthOf(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/** "2023-11-16 18:17:03.9799600" or "2026-07-14T09:12:33.417Z" read without a regular expression; NaN for any other text. */
function plainUtc(text: string): number {
  const n = text.length;
  if (n < 19 || text.charCodeAt(4) !== 45 || text.charCodeAt(7) !== 45 || text.charCodeAt(13) !== 58 || text.charCodeAt(16) !== 58) return NaN;
  const t = text.charCodeAt(10);
  if (t !== 84 && t !== 32) return NaN;
  let end = n;
  if (text.charCodeAt(n - 1) === 90) end = n - 1;
  const digits = (from: number, count: number) => {
    let v = 0;
    for (let i = from; i < from + count; i++) {
      const d = text.charCodeAt(i) - 48;
      if (d < 0 || d > 9) return NaN;
      v = v * 10 + d;
    }
    return v;
  };
  let ms = 0;
  if (end > 19) {
    const dot = text.charCodeAt(19);
    if ((dot !== 46 && dot !== 44) || end === 20) return NaN;
    const fraction = digits(20, end - 20);
    if (Number.isNaN(fraction)) return NaN;
    ms = Math.floor(digits(20, Math.min(3, end - 20)) * 10 ** (3 - Math.min(3, end - 20)));
  }
  const year = digits(0, 4);
  const month = digits(5, 2);
  const day = digits(8, 2);
  const hour = digits(11, 2);
  const minute = digits(14, 2);
  const second = digits(17, 2);
  if (!(month >= 1 && month <= 12 && day >= 1 && day <= daysInMonthOf(year, month) && hour <= 23 && minute <= 59 && second <= 59)) return NaN;
  return utcMs(year, month, day, hour, minute, second, ms);
}

export function parseTimestamp(text: string): number | undefined {
  const plain = plainUtc(text);
  if (!Number.isNaN(plain)) return timeInRange(plain);
  const trimmed = text.trim();
  if (/^\d{9,10}(\.\d+)?$/.test(trimmed)) return timeInRange(Math.floor(Number(trimmed) * 1000));
  if (/^\d{12,13}$/.test(trimmed)) return timeInRange(Number(trimmed));
  const match = ISO.exec(trimmed);
  if (match === null) return undefined;
  const [, y, mo, d, h = '0', mi = '0', s = '0', fraction = '', zone] = match as unknown as string[];
  const [year, month, day, hour, minute, second] = [y, mo, d, h, mi, s].map(Number) as [number, number, number, number, number, number];
  if (month < 1 || month > 12 || day < 1 || day > daysIn(year, month) || hour > 23 || minute > 59 || second > 59) return undefined;
  const ms = Number(fraction.slice(0, 3).padEnd(3, '0'));
  let offset = 0;
  if (zone !== undefined && zone.toUpperCase() !== 'Z') {
    const digits = zone.replace(':', '');
    const minutes = Number(digits.slice(1, 3)) * 60 + Number(digits.slice(3, 5));
    if (Number(digits.slice(3, 5)) > 59 || minutes > 18 * 60) return undefined;
    offset = (digits[0] === '-' ? -1 : 1) * minutes * 60_000;
  }
  return timeInRange(Date.UTC(year, month - 1, day, hour, minute, second, ms) - offset);
}

const EARLIEST = Date.UTC(FIRST_YEAR, 0, 1);
const LATEST = Date.UTC(LAST_YEAR + 1, 0, 1);

/** A time within the years usage may fall in, or undefined. */
export function timeInRange(ms: number): number | undefined {
  return ms >= EARLIEST && ms < LATEST ? ms : undefined;
}

function daysIn(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** The UTC month of a time: 1700150223979 → 2023-11. Requests come in runs of the same day: its month is kept. */
let lastDay = NaN;
let lastPeriod: Period = '';

export function periodOf(ms: number): Period {
  const day = Math.floor(ms / DAY_MS);
  if (day === lastDay) return lastPeriod;
  const date = new Date(ms);
  lastDay = day;
  lastPeriod = `${date.getUTCFullYear()}-${String(date.getUTCMonth() + 1).padStart(2, '0')}`;
  return lastPeriod;
}
