import { describe, expect, it } from 'vitest';
import { compare } from '../../src/analysis/compare.js';
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
    expect(report.catalog).toEqual({ files: ['inline.csv'], sha256: 'abc', overridden: [], rowsUsed: 3, oldestAsOf: '2026-07-01', newestAsOf: '2026-07-01' });
  });
});
