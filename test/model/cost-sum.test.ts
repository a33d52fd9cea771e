import { describe, expect, it } from 'vitest';
import { totalOf, totalsBy, CostSum } from '../../src/model/cost-sum.js';
import { ChargedLineItem, unitPriceParts, type LineItem, type UnitCharge } from '../../src/model/line-item.js';
import { dec, plain } from '../../src/model/money.js';

function charge(unitPrice: string, category: UnitCharge['category'] = 'tokens.input'): UnitCharge {
  const price = dec(unitPrice);
  return {
    option: 'o',
    workload: 'w',
    cloud: 'azure',
    region: 'eastus2',
    category,
    service: 'Azure OpenAI',
    model: 'gpt-5.5',
    vendor: 'openai',
    meter: 'gpt-5.5 input tokens, global standard',
    unit: 'tokens',
    unitPrice: price,
    ...unitPriceParts(price),
    priceRef: { file: 'models.csv', line: 2, source: 'https://example.com/prices', asOf: '2026-07-24' },
    basis: undefined,
    payee: undefined,
    fx: undefined,
  };
}

/** A line item as the engine's other parts make them: a plain object with a decimal cost. */
function stated(cost: string, period: string): LineItem {
  return { ...charge('0'), period, quantity: dec('1'), unitPrice: dec(cost), cost: dec(cost) };
}

describe('unit prices as integers', () => {
  it('splits a price into an integer and its scale', () => {
    // 2.50 per 1M tokens = 0.0000025 = 25 × 10^-7
    expect(unitPriceParts(dec('0.0000025'))).toEqual({ priceUnits: 25n, scale: 7 });
    expect(unitPriceParts(dec('30'))).toEqual({ priceUnits: 30n, scale: 0 });
    // 1.375 per 1M at a rate of 1.0842: 1.490775 per 1M = 0.000001490775
    expect(unitPriceParts(dec('1.375').times('1.0842').div(1_000_000))).toEqual({ priceUnits: 1490775n, scale: 12 });
  });
});

describe('token line items', () => {
  it('make their quantity and cost exactly from units and the charge', () => {
    // 1 650 000 tokens at 2.50 per 1M: 1 650 000 × 0.0000025 = 4.125
    const item = new ChargedLineItem(charge('0.0000025'), '2027-01', 1_650_000n);
    expect(plain(item.quantity)).toBe('1650000');
    expect(plain(item.cost)).toBe('4.125');
    expect(item.costUnits).toBe(41_250_000n);
    expect([item.option, item.workload, item.category, item.meter, item.priceRef?.line]).toEqual(['o', 'w', 'tokens.input', 'gpt-5.5 input tokens, global standard', 2]);
  });

  it('stay exact past what floats and 60 significant digits hold', () => {
    // 10^36 tokens (the largest a line item may have) at 0.123456789012345678901234567891 per token
    // = 123456789012345678901234567891 × 10^6, 36 digits
    const item = new ChargedLineItem(charge('0.123456789012345678901234567891'), '2027-01', 10n ** 36n);
    expect(plain(item.cost)).toBe('123456789012345678901234567891000000');
  });
});

describe('sums of line-item costs', () => {
  it('add token items as integers and others as decimals, to the exact total', () => {
    // 3 × 1 000 000 tokens at 0.0000025 = 7.5; 2 × 333 333 tokens at 0.00003 = 19.99998;
    // stated 0.1 + 0.2 = 0.3; total 7.5 + 19.99998 + 0.3 = 27.79998
    const input = charge('0.0000025');
    const output = charge('0.00003', 'tokens.output');
    const items = [
      new ChargedLineItem(input, '2027-01', 1_000_000n),
      new ChargedLineItem(output, '2027-01', 333_333n),
      stated('0.1', '2027-01'),
      new ChargedLineItem(input, '2027-02', 1_000_000n),
      new ChargedLineItem(output, '2027-02', 333_333n),
      stated('0.2', '2027-02'),
      new ChargedLineItem(input, '2027-03', 1_000_000n),
    ];
    expect(plain(totalOf(items))).toBe('27.79998');
    // by month: 2.5 + 9.99999 + 0.1 = 12.59999; 2.5 + 9.99999 + 0.2 = 12.69999; 2.5
    expect([...totalsBy(items, (i) => i.period)].map(([k, v]) => [k, plain(v)])).toEqual([
      ['2027-01', '12.59999'],
      ['2027-02', '12.69999'],
      ['2027-03', '2.5'],
    ]);
  });

  it('is zero with nothing added, and adds 100 000 cents to exactly 1 000', () => {
    expect(plain(new CostSum().total)).toBe('0');
    const cent = charge('0.01');
    const sum = new CostSum();
    for (let i = 0; i < 100_000; i++) sum.add(new ChargedLineItem(cent, '2027-01', 1n));
    expect(plain(sum.total)).toBe('1000');
  });
});
