import { describe, expect, it } from 'vitest';
import { simulate } from '../../src/engine/simulate.js';
import { InputError } from '../../src/model/diagnostic.js';
import { scenarioSchema } from '../../src/model/scenario.js';
import { multiCloud } from '../fixtures/multi-cloud/catalog.js';
import { scenario } from '../helpers/inline.js';

const inEuros = (fx: string) => scenario`
  name: euros
  currency: EUR
  fx: ${fx}
  horizon: { start: 2026-07, months: 1 }
  workloads:
    - id: a
      model: m
      sessions_per_month: 1M
      turns_per_session: 2
      tokens_per_call: { input: 1, output: 0 }
      payload: { request: 6MB, response: 0 }
  options:
    - id: o
      model: { cloud: azure, region: eastus2, deployment: global }
      runtime: { cloud: aws, region: us-east-1, service: agentcore }
`;

describe('exchange rates', () => {
  it('converts every price at the scenario rate, tiers included', () => {
    const result = simulate(inEuros('[{ from: USD, rate: 0.9, as_of: 2026-11-02 }]'), multiCloud());
    // tokens: 2M calls × 1 input token = 2M × 2.00 USD per 1M = 4 USD × 0.9 = 3.6 EUR
    // egress: 2M × 6 MB = 12 000 GB = 1 062.2 USD (tiers, as in multi-cloud.test.ts) × 0.9 = 955.98 EUR
    expect(result.lineItems.map((i) => [i.category, i.cost.toFixed(), i.fx?.currency, i.fx?.rate.toFixed()])).toEqual([
      ['tokens.input', '3.6', 'USD', '0.9'],
      ['egress', '955.98', 'USD', '0.9'],
    ]);
    // 2.00 USD per 1M tokens is 0.0000018 EUR a token
    expect(result.lineItems[0]!.unitPrice.toFixed()).toBe('0.0000018');
  });

  it('names the currency a price needs a rate for', () => {
    try {
      simulate(inEuros('[]'), multiCloud());
      expect.unreachable();
    } catch (error) {
      expect((error as InputError).diagnostics.map((d) => d.message)).toEqual([
        'models.csv:2 is priced in USD but the scenario reports in EUR; add the rate under fx: (from: USD, rate: …)',
        // the first row of each schedule it needs: AWS internet (requests), Azure internet (responses, 0 bytes but looked up)
        'egress.csv:2 is priced in USD but the scenario reports in EUR; add the rate under fx: (from: USD, rate: …)',
        'egress.csv:8 is priced in USD but the scenario reports in EUR; add the rate under fx: (from: USD, rate: …)',
      ]);
    }
  });

  it('takes one rate per currency', () => {
    const result = scenarioSchema.safeParse({
      name: 'x',
      currency: 'EUR',
      fx: [
        { from: 'USD', rate: '0.9', as_of: '2026-11-02' },
        { from: 'USD', rate: '0.91', as_of: '2026-11-03' },
      ],
      horizon: { start: '2026-07', months: '1' },
      workloads: [{ id: 'a', model: 'm', sessions_per_month: '1', turns_per_session: '1', tokens_per_call: { input: '1', output: '1' } }],
      options: [{ id: 'o', model: { cloud: 'azure', region: 'eastus2', deployment: 'global' } }],
    });
    expect(result.error?.issues.map((i) => [i.path.join('.'), i.message])).toEqual([['fx.1.from', 'fx[0] already gives the rate from USD; one rate per currency keeps results reproducible']]);
  });
});
