import { describe, expect, it } from 'vitest';
import { simulate } from '../../src/engine/simulate.js';
import { InputError } from '../../src/model/diagnostic.js';
import { sum } from '../../src/model/money.js';
import { catalog, scenario } from '../helpers/inline.js';
import { workedExample } from '../helpers/fixtures.js';
import { WORKED_EXAMPLE } from '../fixtures/worked-example/expected.js';

describe('simulate', () => {
  // the hand calculation is in test/fixtures/worked-example/expected.ts
  it('prices the worked example as worked out by hand', async () => {
    const { scenario: s, catalog: c } = await workedExample();
    const { lineItems, periods } = simulate(s, c);
    expect(periods).toEqual(['2026-06', '2026-07', '2026-08']);
    for (const [option, expected] of Object.entries(WORKED_EXAMPLE)) {
      const items = lineItems.filter((i) => i.option === option);
      for (const category of ['tokens.input', 'tokens.cached', 'tokens.output'] as const) {
        expect(sum(items.filter((i) => i.category === category).map((i) => i.cost)).toFixed(), `${option} ${category}`).toBe(expected[category]);
      }
      expect(sum(items.map((i) => i.cost)).toFixed(), option).toBe(expected.total);
    }
  });

  it('traces every line item to its catalog row, with cost = quantity × unit price', async () => {
    const { scenario: s, catalog: c } = await workedExample();
    const { lineItems } = simulate(s, c);
    const juneInput = lineItems.filter((i) => i.option === 'vendor' && i.period === '2026-06' && i.category === 'tokens.input');
    expect(juneInput.map((i) => [i.quantity.toFixed(), i.unitPrice.toFixed(), i.cost.toFixed(), i.priceRef?.line])).toEqual([
      ['600000', '0.000002', '1.2', 2],
      ['600000', '0.000001', '0.6', 3],
      ['300000', '0.000001', '0.3', 4],
    ]);
    for (const item of lineItems) expect(item.quantity.times(item.unitPrice).eq(item.cost)).toBe(true);
    expect(juneInput[0]).toMatchObject({ cloud: 'openai', service: 'openai-api', model: 'demo-model', unit: 'tokens', workload: 'helpdesk' });
  });

  it('collects every missing price, naming the key, month and option', () => {
    const s = scenario`
      name: gaps
      horizon: { start: 2026-05, months: 2 }
      workloads:
        - id: chat
          model: m
          sessions_per_month: 10
          turns_per_session: 1
          tokens_per_call: { input: 100, cached_share: 50%, output: 10 }
          batch_share: 10%
      options:
        - id: a
          model: { cloud: azure, region: eastus2, deployment: global }
        - id: b
          model: { cloud: aws, region: us-east-2, deployment: in-region }
    `;
    const c = catalog`
      azure,*,global,standard,m,1,0.1,2,USD,2026-06-01,,https://example.com/p,2026-06-01,
      azure,*,global,batch,m,1,0.1,2,USD,,,https://example.com/p,2026-06-01,
      aws,*,in-region,standard,m,1,,2,USD,,,https://example.com/p,2026-06-01,
      aws,*,in-region,batch,m,1,0.1,2,EUR,,,https://example.com/p,2026-06-01,
    `;
    const error = catchError(() => simulate(s, c));
    expect(error.diagnostics).toEqual([
      {
        path: ['options', 0, 'model'],
        message: 'no price for azure/eastus2/global/standard/m in 2026-05 (no day of it is priced; catalog rows cover 2026-06-01 to … at inline.csv:2), needed by workload "chat"',
      },
      {
        path: ['options', 1, 'model'],
        message:
          'inline.csv:4 has no cached_input price for m on aws, but workload "chat" caches part of its input (set its cached_share to 0% or price cached input); also in 2026-06',
      },
      {
        path: ['options', 1, 'model'],
        message: 'inline.csv:5 is priced in EUR but the scenario reports in USD; add the rate under fx: (from: EUR, rate: …); also in 2026-06',
      },
    ]);
  });
});

describe('simulate, before any usage', () => {
  const c = catalog`
    azure,*,global,standard,gpt-5.5,5,0.5,30,USD,,,https://example.com/p,2026-07-31,
  `;
  const launch = (model: string, deployment: string) => scenario`
    name: not launched yet
    horizon: { start: 2027-01, months: 12 }
    workloads:
      - id: chat
        model: ${model}
        sessions_per_month: 0
        growth: 50%
        turns_per_session: 1
        tokens_per_call: { input: 100, output: 10 }
    options:
      - id: azure
        model: { cloud: azure, region: eastus2, deployment: ${deployment} }
  `;

  it('catches a misspelt model at the workload, with a suggestion, even with no sessions', () => {
    expect(catchError(() => simulate(launch('gtp-5.5', 'global'), c)).diagnostics).toEqual([
      { path: ['workloads', 0, 'model'], message: 'no catalog row prices model "gtp-5.5" (did you mean "gpt-5.5"?)' },
    ]);
  });

  it('looks up prices for months without tokens, so a wrong placement still shows', () => {
    expect(catchError(() => simulate(launch('gpt-5.5', 'data-zone'), c)).diagnostics).toEqual([
      {
        path: ['options', 0, 'model'],
        message:
          'no price for azure/eastus2/data-zone/standard/gpt-5.5 in 2027-01 (the catalog has gpt-5.5 on azure as azure/*/global/standard/gpt-5.5), needed by workload "chat"; also in 2027-02 to 2027-12',
      },
    ]);
    expect(simulate(launch('gpt-5.5', 'global'), c).lineItems).toEqual([]);
  });
});

function catchError(fn: () => unknown): InputError {
  try {
    fn();
  } catch (error) {
    if (error instanceof InputError) return error;
    throw error;
  }
  throw new Error('expected an InputError');
}
