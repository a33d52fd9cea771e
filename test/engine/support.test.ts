/**
 * Support plans priced against AWS's own worked examples (aws.amazon.com/premiumsupport/pricing):
 * Business, 85 000 of monthly spend → 6 150; Enterprise, 1 200 000 → 70 500.
 */
import { describe, expect, it } from 'vitest';
import { simulate } from '../../src/engine/simulate.js';
import { InputError } from '../../src/model/diagnostic.js';
import { sum } from '../../src/model/money.js';
import { catalogOf, scenario } from '../helpers/inline.js';

const SRC = 'https://example.com/p,2026-01-01,';
const catalog = () =>
  catalogOf({
    models: `
      aws,*,in-region,standard,m,1,,1,USD,,,${SRC}
      azure,*,global,standard,m,1,,1,USD,,,${SRC}
    `,
    support: `
      cloud,plan,tier_from,tier_to,percent,minimum,currency,effective_from,effective_to,source,as_of,note
      aws,business-legacy,0,10000,10%,100,USD,,2027-01-01,${SRC}
      aws,business-legacy,10000,80000,7%,100,USD,,2027-01-01,${SRC}
      aws,business-legacy,80000,250000,5%,100,USD,,2027-01-01,${SRC}
      aws,business-legacy,250000,,3%,100,USD,,2027-01-01,${SRC}
      aws,enterprise-legacy,0,150000,10%,15000,USD,,2027-01-01,${SRC}
      aws,enterprise-legacy,150000,500000,7%,15000,USD,,2027-01-01,${SRC}
      aws,enterprise-legacy,500000,1000000,5%,15000,USD,,2027-01-01,${SRC}
      aws,enterprise-legacy,1000000,,3%,15000,USD,,2027-01-01,${SRC}
    `,
  });

/** `sessions` × 1 000 input tokens at 1 per 1M: 85M sessions are 85 000 of spend a month. */
function run(sessions: string, plan: string, extra = '', start = '2026-07') {
  return simulate(
    scenario`
      name: support
      horizon: { start: ${start}, months: 1 }
      ${extra}
      support: [{ cloud: aws, plan: ${plan} }]
      workloads:
        - id: w
          model: m
          sessions_per_month: ${sessions}
          turns_per_session: 1
          tokens_per_call: { input: 1k, output: 0 }
      options:
        - id: bedrock
          model: { cloud: aws, region: us-east-1, deployment: in-region }
        - id: azure
          model: { cloud: azure, region: eastus2, deployment: global }
    `,
    catalog(),
  );
}

const support = (result: ReturnType<typeof run>) =>
  result.lineItems.filter((i) => i.category === 'support').map((i) => [i.option, i.quantity.toFixed(), i.unitPrice.toFixed(), i.cost.toFixed()]);

describe('support plans', () => {
  it('bills each band its percent of the spend within it: AWS Business, 85 000 → 6 150', () => {
    const result = run('85M', 'business-legacy');
    // 10 % × 10 000 + 7 % × 70 000 + 5 % × 5 000 = 1 000 + 4 900 + 250; the Azure option spends nothing on AWS
    expect(support(result)).toEqual([
      ['bedrock', '10000', '0.1', '1000'],
      ['bedrock', '70000', '0.07', '4900'],
      ['bedrock', '5000', '0.05', '250'],
    ]);
    expect(sum(result.lineItems.filter((i) => i.category === 'support').map((i) => i.cost)).toFixed()).toBe('6150');
  });

  it('crosses every band: AWS Enterprise, 1 200 000 → 70 500', () => {
    // 15 000 + 24 500 + 25 000 + 3 % × 200 000 = 6 000 → 70 500
    expect(sum(run('1.2B', 'enterprise-legacy').lineItems.filter((i) => i.category === 'support').map((i) => i.cost)).toFixed()).toBe('70500');
  });

  it('bills the minimum when the bands come to less', () => {
    // 500 of spend: 10 % = 50 < 100
    expect(support(run('500k', 'business-legacy'))).toEqual([['bedrock', '1', '100', '100']]);
  });

  it('converts bands and minimum at the scenario rate', () => {
    // EUR at 0.5 per USD: 85 000 USD of tokens = 42 500 EUR; bands 5 000 / 40 000 / 125 000 EUR:
    // 10 % × 5 000 + 7 % × 35 000 + 5 % × 2 500 = 500 + 2 450 + 125 = 3 075 (half of 6 150)
    const result = run('85M', 'business-legacy', 'currency: EUR\n      fx: [{ from: USD, rate: 0.5, as_of: 2026-07-01 }]');
    expect(sum(result.lineItems.filter((i) => i.category === 'support').map((i) => i.cost)).toFixed()).toBe('3075');
  });

  it('names an unknown plan, with what the catalog has, and a plan out of its window', () => {
    const error = (() => {
      try {
        run('85M', 'busines-legacy');
      } catch (e) {
        return e as InputError;
      }
      throw new Error('expected an error');
    })();
    expect(error.diagnostics).toEqual([{ path: ['support', 0, 'plan'], message: 'no support plan "busines-legacy" on aws (did you mean "business-legacy"?); the catalog has business-legacy, enterprise-legacy' }]);
    expect(() => run('85M', 'business-legacy', '', '2027-01')).toThrow('support aws business-legacy has no price in 2027-01 (support.csv:2 holds for … to 2027-01-01');
  });
});
