import { describe, expect, it } from 'vitest';
import { proportionalShares, tieredCost } from '../../src/engine/metered.js';
import { dec } from '../../src/model/money.js';
import { multiCloud } from '../fixtures/multi-cloud/catalog.js';

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
