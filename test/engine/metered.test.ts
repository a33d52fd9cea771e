import { describe, expect, it } from 'vitest';
import { indexMetered, priceMetered, proportionalShares, tieredCost, type MeteredUsage } from '../../src/engine/metered.js';
import { Problems } from '../../src/engine/problems.js';
import type { Catalog } from '../../src/model/catalog.js';
import { dec } from '../../src/model/money.js';
import { multiCloud } from '../fixtures/multi-cloud/catalog.js';
import { catalogOf } from '../helpers/inline.js';

const awsInternet = () => multiCloud().egress.filter((r) => r.cloud === 'aws' && r.item[0] === 'internet');

const cost = (gb: string) => {
  const result = tieredCost(awsInternet(), dec(gb));
  return 'cost' in result ? [result.cost.toFixed(), result.row.ref.line] : 'beyond';
};

describe('tiered cost', () => {
  it('gives the free allowance first', () => {
    expect(cost('80')).toEqual(['0', 2]);
    expect(cost('100')).toEqual(['0', 2]);
    // 150 GB: 100 free + 50 × 0.09 = 4.5
    expect(cost('150')).toEqual(['4.5', 3]);
  });

  it('crosses tier boundaries in order', () => {
    // 12 000 GB: 100 × 0 + 10 140 × 0.09 + 1 760 × 0.085 = 912.6 + 149.6 = 1 062.2
    expect(cost('12000')).toEqual(['1062.2', 4]);
  });

  it('reports usage beyond the last tier', () => {
    const bounded = awsInternet().slice(0, 2);
    expect(tieredCost(bounded, dec('20000'))).toMatchObject({ beyond: { ref: { line: 3 } } });
  });
});

describe('proportional shares', () => {
  it('splits exactly, the last share taking the remainder', () => {
    expect(proportionalShares(dec('1062.2'), [dec('6000'), dec('6000')], dec('12000')).map(String)).toEqual(['531.1', '531.1']);
    // 10 split 1 : 2 → 3.333333333333 (12 decimals) and the remaining 6.666666666667
    expect(proportionalShares(dec('10'), [dec('1'), dec('2')], dec('3')).map(String)).toEqual(['3.333333333333', '6.666666666667']);
  });
});

describe('a free allowance the account shares across regions', () => {
  const SRC = 'https://example.com/p,2026-01-01,';
  const egress = (scope: string) =>
    catalogOf({
      egress: `
        cloud,region,destination,to_region,unit,tier_from,tier_to,allowance_scope,price,currency,effective_from,effective_to,source,as_of,note
        aws,us-east-1,internet,,gb,0,100,${scope},0,USD,,,${SRC}
        aws,us-east-1,internet,,gb,100,10240,,0.09,USD,,,${SRC}
        aws,us-east-2,internet,,gb,0,100,${scope},0,USD,,,${SRC}
        aws,us-east-2,internet,,gb,100,10240,,0.10,USD,,,${SRC}
      `,
    });
  const usage = (region: string, gb: string, option = 'o'): MeteredUsage => ({
    option,
    workload: 'w',
    period: '2026-07',
    category: 'egress',
    table: 'egress',
    location: { cloud: 'aws', region },
    item: ['internet', '*'],
    dimension: 'bytes',
    quantity: dec(gb).times(1e9),
    meter: `bytes from ${region}`,
    path: [],
  });
  const priced = (catalog: Catalog, usages: MeteredUsage[]) => {
    const problems = new Problems();
    const items = priceMetered(usages, indexMetered(catalog), 'USD', () => dec('1'), problems);
    expect(problems.list()).toEqual([]);
    return items.map((i) => [i.option, i.region, i.quantity.toFixed(), i.cost.toFixed()]);
  };

  it('splits one allowance between the regions in proportion to their usage', () => {
    // 300 GB + 100 GB share 100 free GB: 75 and 25. us-east-1 pays (300 − 75) × 0.09 = 20.25,
    // us-east-2 (100 − 25) × 0.10 = 7.5; per region it would have been 18 and 0
    expect(priced(egress('account'), [usage('us-east-1', '300'), usage('us-east-2', '100')])).toEqual([
      ['o', 'us-east-1', '300', '20.25'],
      ['o', 'us-east-2', '100', '7.5'],
    ]);
    expect(priced(egress('region'), [usage('us-east-1', '300'), usage('us-east-2', '100')])).toEqual([
      ['o', 'us-east-1', '300', '18'],
      ['o', 'us-east-2', '100', '0'],
    ]);
  });

  it('leaves usage within the allowance free, and each option its own account', () => {
    // 60 + 30 GB ≤ 100: all free; option p alone sends 150 GB from us-east-2: 50 × 0.10 = 5
    expect(priced(egress('account'), [usage('us-east-1', '60'), usage('us-east-2', '30'), usage('us-east-2', '150', 'p')])).toEqual([
      ['o', 'us-east-1', '60', '0'],
      ['o', 'us-east-2', '30', '0'],
      ['p', 'us-east-2', '150', '5'],
    ]);
  });

  it('splits an allowance that does not divide evenly exactly', () => {
    // 100 free GB over 200 + 100 GB: two thirds rounded down to 12 decimals, 66.666666666666, and the
    // rest, 33.333333333334: us-east-1 pays 133.333333333334 × 0.09 = 12.00000000000006, us-east-2
    // 66.666666666666 × 0.10 = 6.6666666666666; the free parts add up to 100 exactly
    expect(priced(egress('account'), [usage('us-east-1', '200'), usage('us-east-2', '100')])).toEqual([
      ['o', 'us-east-1', '200', '12.00000000000006'],
      ['o', 'us-east-2', '100', '6.6666666666666'],
    ]);
  });

  it('takes an account-wide allowance only as a free first tier', () => {
    expect(() =>
      catalogOf({
        egress: `
          cloud,region,destination,to_region,unit,tier_from,tier_to,allowance_scope,price,currency,effective_from,effective_to,source,as_of,note
          aws,us-east-1,internet,,gb,100,10240,account,0.09,USD,,,${SRC}
        `,
      }),
    ).toThrow('an allowance shared by the account is a free first tier: tier_from 0, a tier_to, price 0');
  });
});
