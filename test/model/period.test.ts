import { describe, expect, it } from 'vitest';
import { addMonths, daysBetween, daysInMonth, groupPeriod, isIsoDate, isPeriod, periodsFrom } from '../../src/model/period.js';

describe('periods', () => {
  it('adds months across year ends', () => {
    expect(addMonths('2026-11', 3)).toBe('2027-02');
    expect(addMonths('2027-01', -1)).toBe('2026-12');
    expect(addMonths('2026-12', 12)).toBe('2027-12');
  });

  it('lists the horizon', () => {
    expect(periodsFrom('2026-11', 3)).toEqual(['2026-11', '2026-12', '2027-01']);
  });

  it('knows month lengths, leap years included', () => {
    expect(daysInMonth('2028-02')).toBe(29);
    expect(daysInMonth('2027-02')).toBe(28);
    expect(daysInMonth('2026-07')).toBe(31);
    expect(daysBetween('2026-07-01', '2026-07-30')).toBe(29);
  });

  it('groups months into quarters and years', () => {
    expect(groupPeriod('2027-05', 'quarter')).toBe('2027-Q2');
    expect(groupPeriod('2027-12', 'quarter')).toBe('2027-Q4');
    expect(groupPeriod('2027-05', 'year')).toBe('2027');
    expect(groupPeriod('2027-05', 'month')).toBe('2027-05');
  });

  it('validates months and dates', () => {
    expect(isPeriod('2027-01')).toBe(true);
    expect(isPeriod('2027-13')).toBe(false);
    expect(isPeriod('2027-1')).toBe(false);
    expect(isIsoDate('2028-02-29')).toBe(true);
    expect(isIsoDate('2027-02-29')).toBe(false);
    expect(isIsoDate('2027-04-31')).toBe(false);
  });
});
