import { describe, expect, it } from 'vitest';
import { parseTimestamp, periodOf } from '../../src/model/timestamp.js';

describe('parseTimestamp', () => {
  it('reads the layouts usage logs write', () => {
    expect(parseTimestamp('2026-07-14T09:12:33.417Z')).toBe(Date.UTC(2026, 6, 14, 9, 12, 33, 417));
    expect(parseTimestamp('2026-07-14T11:12:33+02:00')).toBe(Date.UTC(2026, 6, 14, 9, 12, 33));
    expect(parseTimestamp('2026-07-14T04:12:33-0500')).toBe(Date.UTC(2026, 6, 14, 9, 12, 33));
    expect(parseTimestamp('2023-11-16 18:17:03.9799600')).toBe(Date.UTC(2023, 10, 16, 18, 17, 3, 979));
    expect(parseTimestamp('2026-07-14')).toBe(Date.UTC(2026, 6, 14));
    expect(parseTimestamp('1782864000')).toBe(Date.UTC(2026, 6, 1)); // Unix seconds
    expect(parseTimestamp('1782864000.5')).toBe(Date.UTC(2026, 6, 1, 0, 0, 0, 500));
    expect(parseTimestamp('1782864000123')).toBe(Date.UTC(2026, 6, 1, 0, 0, 0, 123)); // milliseconds
  });

  it('refuses what is not a time, or a day that does not exist', () => {
    for (const text of ['', 'yesterday', '2026-02-29', '2026-13-01', '2026-07-14T24:00:00Z', '2026-07-14T09:60:00Z', '2026-07-14T09:00:00+25:00', '12345', '1999-12-31T23:59:59Z', '99999999999999999999']) {
      expect(parseTimestamp(text), text).toBeUndefined();
    }
    expect(parseTimestamp('2028-02-29')).toBe(Date.UTC(2028, 1, 29)); // a leap day
  });

  it('gives the UTC month', () => {
    expect(periodOf(Date.UTC(2026, 6, 31, 23, 59, 59, 999))).toBe('2026-07');
    expect(periodOf(Date.UTC(2026, 7, 1))).toBe('2026-08');
    expect(periodOf(parseTimestamp('2026-08-01T01:30:00+02:00')!)).toBe('2026-07'); // 23:30 UTC on 31 July
  });
});
