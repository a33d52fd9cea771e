import { describe, expect, it } from 'vitest';
import { moneyTick, monthsText, periodTicks } from '../../../src/report/html/labels.js';
import { periodsFrom } from '../../../src/model/period.js';

describe('axis labels', () => {
  it('labels every month of a year', () => {
    expect(periodTicks(periodsFrom('2026-05', 12)).map((t) => t.label)).toEqual(periodsFrom('2026-05', 12));
  });

  it('labels three years at each half-year: 36 / 6 = 6 labels, January and July', () => {
    // from 2026-05: 2026-07 is the third month (at 2), then every six
    expect(periodTicks(periodsFrom('2026-05', 36))).toEqual([
      { at: 2, label: '2026-07' },
      { at: 8, label: '2027-01' },
      { at: 14, label: '2027-07' },
      { at: 20, label: '2028-01' },
      { at: 26, label: '2028-07' },
      { at: 32, label: '2029-01' },
    ]);
  });

  it('labels fifty years by decade: 600 / 60 = 10', () => {
    const ticks = periodTicks(periodsFrom('2026-05', 600));
    expect(ticks.map((t) => t.label)).toEqual(['2030', '2035', '2040', '2045', '2050', '2055', '2060', '2065', '2070', '2075']);
    // 2030-01 is 44 months after 2026-05
    expect(ticks[0]!.at).toBe(44);
  });

  it('writes tick amounts short, in the currency', () => {
    expect([0, 250000, 1500000, 0.05].map(moneyTick('USD'))).toEqual(['$0', '$250K', '$1.5M', '$0.05']);
    expect(moneyTick('EUR')(2000)).toBe('€2K');
  });

  it('says months in words', () => {
    expect([monthsText(1), monthsText(36)]).toEqual(['1 month', '36 months']);
  });
});
