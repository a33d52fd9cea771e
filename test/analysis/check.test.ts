/**
 * Budgets per quarter, for some categories, against the worked example (expected.ts), by hand.
 * Option "vendor" per month: June 2.91 + 0.485 = 3.395, July 2.134 + 0.5335 = 2.6675,
 * August 2.3474 + 0.58685 = 2.93425; output tokens: June 0.96 + 0.16 = 1.12, July 0.88, August 0.968.
 */
import { describe, expect, it } from 'vitest';
import { budgetProblems, check } from '../../src/analysis/check.js';
import { exchange } from '../../src/engine/fx.js';
import { simulate } from '../../src/engine/simulate.js';
import { dec } from '../../src/model/money.js';
import type { Budget } from '../../src/model/scenario.js';
import { workedExample } from '../helpers/fixtures.js';

async function checked(budgets: Partial<Budget>[]) {
  const { scenario, catalog } = await workedExample();
  scenario.budgets = budgets.map((b) => ({ name: 'b', per: 'month', limit: dec('0'), severity: 'error', option: 'vendor', ...b }) as Budget);
  const simulation = simulate(scenario, catalog);
  return check({ scenario, scenarioFile: 's.yaml', periods: simulation.periods, lineItems: simulation.lineItems, rates: exchange(scenario), locate: () => ({ file: 's.yaml', line: 1 }) });
}

describe('check', () => {
  it('sums each quarter: Q2 holds only June (3.395), Q3 July and August (5.60175)', async () => {
    const [result] = (await checked([{ per: 'quarter', limit: dec('5') }])).budgets;
    // July's 2.6675 leaves Q3 under 5; August's 2.93425 takes it to 5.60175
    expect(result).toMatchObject({ breached: true, worst: '2026-Q3', firstBreach: { period: '2026-Q3', month: '2026-08' }, periodsBreached: 1 });
    expect([result!.actual.toFixed(), result!.excess.toFixed()]).toEqual(['5.60175', '0.60175']);
  });

  it('narrows spend to the budget’s categories', async () => {
    // output tokens over 1.00 only in June: 1.12, 0.12 over
    const [result] = (await checked([{ per: 'month', limit: dec('1'), categories: ['tokens.output'] }])).budgets;
    expect(result).toMatchObject({ breached: true, worst: '2026-06', firstBreach: { period: '2026-06', month: '2026-06' }, periodsBreached: 1 });
    expect(result!.excess.toFixed()).toBe('0.12');
  });

  it('finds the month the running total passes a horizon limit, and holds exactly at the limit', async () => {
    // 3.395 + 2.6675 = 6.0625 ≤ 6.1 < 8.99675: passed in August
    const report = await checked([{ per: 'horizon', limit: dec('6.1') }, { per: 'horizon', limit: dec('8.99675') }]);
    expect(report.budgets.map((b) => [b.breached, b.firstBreach?.month, b.excess.toFixed()])).toEqual([
      [true, '2026-08', '2.89675'],
      [false, undefined, '0'],
    ]);
    expect(report.errors).toBe(1);
  });

  it('reports the worst month and its excess, and the first month over apart from it', async () => {
    // option "cloud" per month (expected.ts prices, growth 10 %): June 2.64 + 0.33 + 0.22 + 0.0275 + 1.408 + 0.176
    // = 4.8015, July × 1.1 = 5.28165, August × 1.21 = 5.809815 (they add to 15.892965). Against 5:
    // July is the first over, August the worst, 0.809815 over; two months over
    const [result] = (await checked([{ option: 'cloud', per: 'month', limit: dec('5') }])).budgets;
    expect(result).toMatchObject({ breached: true, worst: '2026-08', firstBreach: { period: '2026-07', month: '2026-07' }, periodsBreached: 2 });
    expect([result!.actual.toFixed(), result!.excess.toFixed()]).toEqual(['5.809815', '0.809815']);
    // held: the highest month is still the worst, August, 0.190185 under 6
    const [held] = (await checked([{ option: 'cloud', per: 'month', limit: dec('6') }])).budgets;
    expect(held).toMatchObject({ breached: false, worst: '2026-08', firstBreach: undefined, periodsBreached: 0 });
    expect([held!.actual.toFixed(), held!.excess.toFixed()]).toEqual(['5.809815', '0']);
  });

  it('applies a budget without an option to each option, and counts warnings apart from errors', async () => {
    const report = await checked([{ option: undefined, per: 'year', limit: dec('10'), severity: 'warning' }]);
    // vendor 8.99675 holds; cloud 15.892965 (expected.ts) is 5.892965 over
    expect(report.budgets.map((b) => [b.option, b.breached])).toEqual([
      ['vendor', false],
      ['cloud', true],
    ]);
    expect([report.errors, report.warnings]).toEqual([0, 1]);
  });

  it('names budgets that point at no option or workload, or need a rate', async () => {
    const { scenario } = await workedExample();
    scenario.budgets = [{ name: 'x', option: 'vendr', workload: 'help', per: 'month', limit: dec('1'), currency: 'EUR', severity: 'error', categories: undefined }];
    expect(budgetProblems(scenario, exchange(scenario)).map((p) => `${p.path!.join('.')}: ${p.message}`)).toEqual([
      'budgets.0.option: no option "vendr" (did you mean "vendor"?)',
      'budgets.0.workload: no workload "help"',
      'budgets.0.currency: 1 EUR needs a rate into USD; add it under fx: (from: EUR, rate: …)',
    ]);
  });
});
