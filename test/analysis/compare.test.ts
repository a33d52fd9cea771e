import { describe, expect, it } from 'vitest';
import { compare } from '../../src/analysis/compare.js';
import { multiCloud } from '../fixtures/multi-cloud/catalog.js';
import { simulate } from '../../src/engine/simulate.js';
import { catalog, scenario } from '../helpers/inline.js';

const s = scenario`
  name: ties
  horizon: { start: 2027-11, months: 3 }
  workloads:
    - id: w
      model: m
      sessions_per_month: 1M
      turns_per_session: 1
      tokens_per_call: { input: 1, output: 1 }
  options:
    - id: pricey
      model: { cloud: aws, region: us-east-2, deployment: in-region }
    - id: a
      model: { cloud: azure, region: eastus2, deployment: global }
    - id: b
      model: { cloud: openai, region: global, deployment: global }
`;
const c = catalog`
  aws,*,in-region,standard,m,3,,0,USD,,,https://example.com/p,2026-07-01,
  azure,*,global,standard,m,2,,0,USD,,,https://example.com/p,2026-07-01,
  openai,*,global,standard,m,1,,1,USD,,,https://example.com/p,2026-07-01,
`;

describe('compare', () => {
  // 1M calls × 1 input token = 1M tokens a month; 1M × 1 output token likewise.
  //   pricey: 3 in + 0 out = 3 a month, 9 over 3 months
  //   a:      2 + 0 = 2 a month, 6;  b: 1 + 1 = 2 a month, 6
  const { periods, lineItems } = simulate(s, c);
  const report = compare({ scenario: s, scenarioFile: 'ties.yaml', catalog: { files: ['inline.csv'], sha256: 'abc', overridden: [] }, periods, lineItems, by: 'year' });

  it('marks every option tied for the lowest total as cheapest', () => {
    expect(report.options.map((o) => [o.id, o.total.toFixed(), o.cheapest, o.difference.toFixed(), o.differenceRatio?.toFixed()])).toEqual([
      ['pricey', '9', false, '3', '0.5'],
      ['a', '6', true, '0', '0'],
      ['b', '6', true, '0', '0'],
    ]);
  });

  it('lists the categories that occur, in canonical order, a zero price included', () => {
    expect(report.categories).toEqual(['tokens.input', 'tokens.output']);
    expect([...report.options[1]!.byCategory].map(([k, v]) => [k, v.toFixed()])).toEqual([
      ['tokens.input', '6'],
      ['tokens.output', '0'],
    ]);
  });

  it('buckets periods across a year end', () => {
    expect(report.groups).toEqual(['2027', '2028']);
    expect(report.options[0]!.breakdown!.map((p) => [p.key, p.total.toFixed()])).toEqual([
      ['2027', '6'],
      ['2028', '3'],
    ]);
    expect(report.horizon).toEqual({ start: '2027-11', end: '2028-01', months: 3 });
  });

  it('summarises the catalog rows used', () => {
    expect(report.provenance).toEqual({ files: ['inline.csv'], sha256: 'abc', overridden: [], rowsUsed: 3, oldestAsOf: '2026-07-01', newestAsOf: '2026-07-01', fx: [], whatIf: [], pointValues: [] });
  });
});

describe('break-even with a one-time cost', () => {
  // 1 000 sessions × 1 turn × 1M input tokens = 1 000M tokens a month: AWS 2.20 → 2 200 a month,
  // OpenAI 2.00 → 2 000 a month plus a 500 migration in the first month.
  //   cumulative OpenAI 2 500, 4 500, 6 500   AWS 2 200, 4 400, 6 600
  //   OpenAI is costlier until month 3, when its 6 500 falls below AWS's 6 600
  const s = scenario`
    name: migration
    horizon: { start: 2026-07, months: 3 }
    baseline: aws
    discount_rate: 12%
    workloads:
      - id: w
        model: m
        sessions_per_month: 1k
        turns_per_session: 1
        tokens_per_call: { input: 1M, output: 0 }
    options:
      - id: aws
        model: { cloud: aws, region: us-east-1, deployment: in-region }
      - id: openai
        model: { cloud: openai, region: global, deployment: global }
    one_time:
      - { id: migration, options: [openai], month: 2026-07, amount: 500 }
  `;
  const { periods, lineItems } = simulate(s, multiCloud());
  const report = compare({ scenario: s, scenarioFile: 'm.yaml', catalog: { files: [], sha256: '', overridden: [] }, periods, lineItems });

  it('finds the month the migrated option becomes cheaper than the baseline', () => {
    const openai = report.options.find((o) => o.id === 'openai')!;
    expect(openai.total.toFixed()).toBe('6500');
    expect(openai.breakEven.baseline).toMatchObject({ against: 'aws', outcome: 'becomes-cheaper', month: '2026-09' });
    // it is the cheapest over the horizon, so it has nothing to break even against there
    expect(openai.breakEven.cheapest).toBeUndefined();
    expect(report.options.find((o) => o.id === 'aws')!.breakEven.cheapest).toMatchObject({ against: 'openai', outcome: 'becomes-costlier', month: '2026-09' });
  });

  it('discounts each option at the scenario rate', () => {
    // AWS: 2 200 at the ends of months 1, 2 and 3 at 12 %/year:
    //   2 200 / 1.12^(1/12) + 2 200 / 1.12^(2/12) + 2 200 / 1.12^(3/12)
    //   = 2 179.3209 + 2 158.8361 + 2 138.5439 = 6 476.70 (to the cent)
    expect(report.options[0]!.npv!.toDecimalPlaces(2).toFixed()).toBe('6476.7');
  });
});
