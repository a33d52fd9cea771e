/**
 * The multi-cloud cost drivers, each worked out by hand against the round-number fixture
 * catalog (test/fixtures/multi-cloud/catalog.ts).
 */
import { describe, expect, it } from 'vitest';
import { simulate, type Simulation } from '../../src/engine/simulate.js';
import { InputError } from '../../src/model/diagnostic.js';
import { sum } from '../../src/model/money.js';
import { multiCloud } from '../fixtures/multi-cloud/catalog.js';
import { scenario } from '../helpers/inline.js';

function totals(simulation: Simulation, option: string) {
  const items = simulation.lineItems.filter((i) => i.option === option);
  const categories = [...new Set(items.map((i) => i.category))];
  const byCategory = categories.map((c) => [c, sum(items.filter((i) => i.category === c).map((i) => i.cost)).toFixed()]);
  return { total: sum(items.map((i) => i.cost)).toFixed(), ...Object.fromEntries(byCategory) };
}

const items = (simulation: Simulation, option: string, category: string) =>
  simulation.lineItems.filter((i) => i.option === option && i.category === category).map((i) => [i.workload, i.cloud, i.quantity.toFixed(), i.unit, i.cost.toFixed()]);

function problems(fn: () => unknown) {
  try {
    fn();
  } catch (error) {
    if (error instanceof InputError) return error.diagnostics.map((d) => `${d.path?.join('.')}: ${d.message}`);
    throw error;
  }
  throw new Error('expected an InputError');
}

describe('cross-cloud model calls', () => {
  // Each workload: 1M sessions × 2 turns × 1 call = 2M calls a month; no tokens, to see bytes alone.
  //   requests  2M × 3 MB = 6 000 GB, sent by the runtime (AWS, internet)
  //   responses 2M × 1 MB = 2 000 GB, sent by the model (Azure, internet, 0.08/GB)
  const twoWorkloads = (runtime: string, extra = '') => scenario`
    name: egress
    horizon: { start: 2026-07, months: 1 }
    ${extra}
    workloads:
      - id: a
        model: m
        sessions_per_month: 1M
        turns_per_session: 2
        tokens_per_call: { input: 0, output: 0 }
        payload: { request: 3MB, response: 1MB }
      - id: b
        model: m
        sessions_per_month: 1M
        turns_per_session: 2
        tokens_per_call: { input: 0, output: 0 }
        payload: { request: 3MB, response: 1MB }
    options:
      - id: split
        model: { cloud: azure, region: eastus2, deployment: global }
        runtime: ${runtime}
  `;

  it('shares egress tiers across workloads, crossing a tier boundary in the month', () => {
    const result = simulate(twoWorkloads('{ cloud: aws, region: us-east-1, service: agentcore }'), multiCloud());
    // AWS: 12 000 GB together = 100 × 0 + 10 140 × 0.09 + 1 760 × 0.085 = 1 062.2, half each = 531.1
    // Azure: 2 000 GB each × 0.08 = 160 each
    expect(items(result, 'split', 'egress')).toEqual([
      ['a', 'aws', '6000', 'gb', '531.1'],
      ['a', 'azure', '2000', 'gb', '160'],
      ['b', 'aws', '6000', 'gb', '531.1'],
      ['b', 'azure', '2000', 'gb', '160'],
    ]);
    expect(totals(result, 'split')).toEqual({ total: '1382.2', egress: '1382.2' });
    const shared = result.lineItems.find((i) => i.cloud === 'aws')!;
    // blended: 1 062.2 / 12 000 = 0.088516666666666… → 12 decimals
    expect(shared.unitPrice.toFixed()).toBe('0.088516666667');
    expect(shared.meter).toBe('model requests, aws/us-east-1 to azure/eastus2 (internet)');
  });

  it('bills no responses when the scenario says the model cloud does not', () => {
    const result = simulate(twoWorkloads('{ cloud: aws, region: us-east-1, service: agentcore }', 'network: { bill_model_responses: false }'), multiCloud());
    expect(totals(result, 'split')).toEqual({ total: '1062.2', egress: '1062.2' });
  });

  it('costs no egress when runtime and model share a cloud and region', () => {
    const result = simulate(twoWorkloads('{ cloud: azure, region: eastus2, service: container-apps }'), multiCloud());
    expect(result.lineItems).toEqual([]);
  });

  it('never lets request growth go negative when sessions average under one turn', () => {
    const s = scenario`
      name: short sessions
      horizon: { start: 2026-07, months: 1 }
      workloads:
        - id: a
          model: m
          sessions_per_month: 1M
          turns_per_session: 0.5
          tokens_per_call: { input: 0, output: 0 }
          payload: { request: 1MB, request_growth: 100MB, response: 0 }
      options:
        - id: o
          model: { cloud: azure, region: eastus2, deployment: global }
          runtime: { cloud: aws, region: us-east-1, service: agentcore }
    `;
    // 500 000 calls × 1 MB (no later turns to grow into) = 500 GB: 100 free + 400 × 0.09 = 36
    expect(items(simulate(s, multiCloud()), 'o', 'egress')).toEqual([['a', 'aws', '500', 'gb', '36']]);
  });

  it('leaves no rounding remainder behind when a workload in a tier group uses nothing', () => {
    const workload = (id: string, sessions: string) => `
        - id: ${id}
          model: m
          sessions_per_month: ${sessions}
          turns_per_session: 1
          tokens_per_call: { input: 0, output: 0 }
          payload: { request: 10GB, response: 0 }`;
    const s = scenario`
      name: thirds
      horizon: { start: 2026-07, months: 1 }
      workloads:${workload('a', '11')}${workload('b', '11')}${workload('c', '11')}${workload('d', '0')}
      options:
        - id: o
          model: { cloud: azure, region: eastus2, deployment: global }
          runtime: { cloud: aws, region: us-east-1, service: agentcore }
    `;
    // 3 × 110 GB = 330 GB: 100 free + 230 × 0.09 = 20.7, a third each = 6.9 exactly; d adds nothing
    const egress = simulate(s, multiCloud()).lineItems.filter((i) => i.category === 'egress');
    expect(egress.map((i) => [i.workload, i.cost.toFixed()])).toEqual([
      ['a', '6.9'],
      ['b', '6.9'],
      ['c', '6.9'],
    ]);
  });

  it('uses the to_region price for an inter-region hop, and the general one back', () => {
    const s = scenario`
      name: inter-region
      horizon: { start: 2026-07, months: 1 }
      workloads:
        - id: a
          model: m
          sessions_per_month: 1k
          turns_per_session: 1
          tokens_per_call: { input: 0, output: 0 }
          payload: { request: 1GB, response: 0.5GB }
      options:
        - id: aws
          model: { cloud: aws, region: us-east-2, deployment: in-region }
          runtime: { cloud: aws, region: us-east-1, service: agentcore }
    `;
    // requests 1 000 GB us-east-1 → us-east-2 at 0.01 = 10; responses 500 GB us-east-2 → us-east-1 at 0.02 = 10
    expect(items(simulate(s, multiCloud()), 'aws', 'egress')).toEqual([
      ['a', 'aws', '1000', 'gb', '10'],
      ['a', 'aws', '500', 'gb', '10'],
    ]);
  });
});

describe('response cache', () => {
  // 1 000 sessions × 1 turn × 1 call = 1 000 calls: 1 000 × 1 000 input tokens = 1M, 100 000 output;
  // 1 MB each way per call = 1 GB. The cache: 1 GB for July's 744 hours × 0.084 = 62.496.
  const cached = (hitRate: string) => scenario`
    name: cache
    horizon: { start: 2026-07, months: 1 }
    workloads:
      - id: a
        model: m
        sessions_per_month: 1k
        turns_per_session: 1
        tokens_per_call: { input: 1k, output: 100 }
        payload: { request: 1MB, response: 1MB }
        cache: { hit_rate: ${hitRate} }
    options:
      - id: near-runtime
        model: { cloud: azure, region: eastus2, deployment: global }
        runtime: { cloud: aws, region: us-east-1, service: agentcore }
        cache: { cloud: aws, region: us-east-1, service: valkey, size: 1GB }
  `;

  it('answers every call at a 100% hit rate: no tokens, no cross-cloud bytes, only the cache', () => {
    const result = simulate(cached('100%'), multiCloud());
    expect(totals(result, 'near-runtime')).toEqual({ total: '62.496', cache: '62.496' });
  });

  it('passes every call to the model at a 0% hit rate', () => {
    const result = simulate(cached('0%'), multiCloud());
    // tokens 1M × 2.00 + 0.1M × 8.00 = 2.8; misses 1 GB out of AWS (within the free 100 GB) = 0,
    // responses 1 GB out of Azure × 0.08 = 0.08; cache 62.496 → 65.376
    expect(totals(result, 'near-runtime')).toEqual({ total: '65.376', 'tokens.input': '2', 'tokens.output': '0.8', egress: '0.08', cache: '62.496' });
    expect(items(result, 'near-runtime', 'egress')).toEqual([
      ['a', 'aws', '1', 'gb', '0'],
      ['a', 'azure', '1', 'gb', '0.08'],
    ]);
  });
});

describe('agent state', () => {
  // 1 000 sessions × 10 turns = 10 000 turns in June (30 days)
  const withState = (store: string) => scenario`
    name: state
    horizon: { start: 2026-06, months: 1 }
    workloads:
      - id: a
        model: m
        sessions_per_month: 1k
        turns_per_session: 10
        tokens_per_call: { input: 0, output: 0 }
        state: { read_per_turn: 1MB, write_per_turn: 500KB, reads_per_turn: 2, writes_per_turn: 1, stored_per_session: 1MB, retention: 30d }
    options:
      - id: o
        model: { cloud: aws, region: us-east-1, deployment: in-region }
        runtime: { cloud: aws, region: us-east-1, service: agentcore }
        state: ${store}
  `;
  const june = multiCloud();
  june.availability = [];

  it('bills state crossing clouds as egress both ways, and the store where it lives', () => {
    const result = simulate(withState('{ cloud: azure, region: eastus2, service: cosmos }'), june);
    // reads 10 000 × 1 MB = 10 GB out of Azure × 0.08 = 0.8; writes 10 000 × 500 KB = 5 GB out of AWS, free
    // ops: 20 000 reads and 10 000 writes × 0.25 per million = 0.005 + 0.0025
    // storage: 1 MB × 1 000 sessions × 30 days / 30 days = 1 GB-month × 0.25
    expect(totals(result, 'o')).toEqual({ total: '1.0575', egress: '0.8', 'state.ops': '0.0075', 'state.storage': '0.25' });
  });

  it('costs no egress when the store sits with the runtime', () => {
    const result = simulate(withState('{ cloud: aws, region: us-east-1, service: dynamodb }'), june);
    // 20 000 reads × 0.125 + 10 000 writes × 0.625 per million = 0.0025 + 0.00625; 1 GB within the free 25
    expect(totals(result, 'o')).toEqual({ total: '0.00875', 'state.ops': '0.00875', 'state.storage': '0' });
  });

  it('bills request units per operation where the store counts several', () => {
    const result = simulate(withState('{ cloud: azure, region: eastus2, service: cosmos, write_units: 5 }'), june);
    // writes 10 000 × 5 units = 50 000 × 0.25 per million = 0.0125 (was 0.0025), reads 0.005 → 0.0175
    expect(totals(result, 'o')['state.ops']).toBe('0.0175');
  });
});

describe('runtime, datasets, interconnect', () => {
  const base = (options: string, extra = '') => scenario`
    name: platform
    horizon: { start: 2026-07, months: 1 }
    ${extra}
    workloads:
      - id: a
        model: m
        sessions_per_month: 1k
        turns_per_session: 10
        tokens_per_call: { input: 0, output: 0 }
        payload: { request: 100MB, response: 0 }
        runtime: { active_seconds_per_turn: 3.6, vcpus: 1, memory: 2GB }
    options:
      ${options}
  `;

  it('prices runtime compute per vCPU-hour and GB-hour', () => {
    const result = simulate(base('- { id: o, model: { cloud: aws, region: us-east-1, deployment: in-region }, runtime: { cloud: aws, region: us-east-1, service: agentcore } }'), multiCloud());
    // 10 000 turns × 3.6 s = 36 000 vCPU-s = 10 vCPU-hours × 0.0895 = 0.895
    // memory 36 000 s × 2 GB = 72 000 GB-s = 20 GB-hours × 0.00945 = 0.189
    expect(totals(result, 'o')).toEqual({ total: '1.084', runtime: '1.084' });
  });

  it('prices runtimes billed per session-hour', () => {
    const s = scenario`
      name: sessions
      horizon: { start: 2026-07, months: 1 }
      workloads:
        - id: a
          model: m
          sessions_per_month: 1k
          turns_per_session: 10
          tokens_per_call: { input: 0, output: 0 }
          runtime: { session_hours: 0.25 }
      options:
        - id: o
          model: { cloud: aws, region: us-east-1, deployment: in-region }
          runtime: { cloud: anthropic, region: global, service: managed-agents }
    `;
    // 1 000 sessions × 0.25 h = 250 session-hours × 0.08 = 20
    expect(totals(simulate(s, multiCloud()), 'o')).toEqual({ total: '20', runtime: '20' });
  });

  it('stores a dataset at home and on every other cloud used, shipping its changes', () => {
    const result = simulate(
      base('- { id: o, model: { cloud: aws, region: us-east-1, deployment: in-region }, runtime: { cloud: aws, region: us-east-1, service: agentcore } }', 'datasets: [{ id: kb, size: 100GB, monthly_change: 10GB, home: { cloud: azure, region: eastus } }]'),
      multiCloud(),
    );
    // home copy on Azure 100 GB × 0.02 = 2; copy on AWS 100 GB × 0.023 = 2.3; 10 GB out of Azure × 0.08 = 0.8
    expect(totals(result, 'o')).toMatchObject({ 'data.storage': '4.3', egress: '0.8' });
    expect(items(result, 'o', 'data.storage')).toEqual([
      ['(shared)', 'azure', '100', 'gb-month', '2'],
      ['(shared)', 'aws', '100', 'gb-month', '2.3'],
    ]);
  });

  it('prices traffic between interconnected clouds at interconnect rates, plus the ports', () => {
    const result = simulate(
      base(`- id: o
        model: { cloud: azure, region: eastus2, deployment: global }
        runtime: { cloud: aws, region: us-east-1, service: agentcore }
        interconnect: { clouds: [aws, azure], ports: [{ cloud: aws, region: us-east-1, service: direct-connect }] }`),
      multiCloud(),
    );
    // requests 10 000 × 100 MB = 1 000 GB × 0.02 = 20 (internet would be 900 × 0.09 = 81)
    // one port for July's 744 hours × 0.30 = 223.2
    // plus the runtime of the test above, 1.084: 20 + 223.2 + 1.084 = 244.284
    expect(totals(result, 'o')).toEqual({ total: '244.284', egress: '20', interconnect: '223.2', runtime: '1.084' });
  });
});

describe('NAT gateways and private endpoints', () => {
  const behindNat = (model: string, carries = '') => scenario`
    name: nat
    horizon: { start: 2026-07, months: 1 }
    workloads:
      - id: a
        model: m
        sessions_per_month: 1k
        turns_per_session: 1
        tokens_per_call: { input: 0, output: 0 }
        payload: { request: 1MB, response: 1MB }
    options:
      - id: o
        model: ${model}
        runtime: { cloud: aws, region: us-east-1, service: agentcore }
        gateways: [{ cloud: aws, region: us-east-1, service: nat-gateway${carries} }]
  `;
  const byCategory = (result: ReturnType<typeof simulate>) =>
    result.lineItems.filter((i) => i.category === 'gateway' || i.category === 'egress').map((i) => [i.category, i.meter, i.quantity.toFixed(), i.cost.toFixed()]);

  it('bills every byte to and from the model through it, within the region too, and its hours', () => {
    // 1 000 calls × 1 MB each way = 1 GB of requests and 1 GB of responses, no egress (same region):
    // processed 2 × 1 GB × 0.045 = 0.09; July's 744 hours × 0.045 = 33.48
    expect(byCategory(simulate(behindNat('{ cloud: aws, region: us-east-1, deployment: in-region }'), multiCloud()))).toEqual([
      ['gateway', 'model requests through nat-gateway, aws/us-east-1', '1', '0.045'],
      ['gateway', 'model responses through nat-gateway, aws/us-east-1', '1', '0.045'],
      ['gateway', 'nat-gateway hours', '744', '33.48'],
    ]);
  });

  it('adds to the egress of traffic leaving the region, and carries only what it is told', () => {
    // to Azure: AWS bills 1 GB of requests as internet egress (in its free 100 GB), Azure 1 GB of
    // responses at 0.08; the gateway processes both
    expect(byCategory(simulate(behindNat('{ cloud: azure, region: eastus2, deployment: global }'), multiCloud()))).toEqual([
      ['egress', 'model requests, aws/us-east-1 to azure/eastus2 (internet)', '1', '0'],
      ['egress', 'model responses, azure/eastus2 to aws/us-east-1 (internet)', '1', '0.08'],
      ['gateway', 'model requests through nat-gateway, aws/us-east-1', '1', '0.045'],
      ['gateway', 'model responses through nat-gateway, aws/us-east-1', '1', '0.045'],
      ['gateway', 'nat-gateway hours', '744', '33.48'],
    ]);
    // carrying only state traffic, the model's bytes skip it: only its hours
    expect(byCategory(simulate(behindNat('{ cloud: aws, region: us-east-1, deployment: in-region }', ', carries: [state]'), multiCloud()))).toEqual([['gateway', 'nat-gateway hours', '744', '33.48']]);
  });

  it('lists a gateway once', () => {
    const s = () => scenario`
      name: twice
      horizon: { start: 2026-07, months: 1 }
      workloads: [{ id: a, model: m, sessions_per_month: 1, turns_per_session: 1, tokens_per_call: { input: 0, output: 0 } }]
      options:
        - id: o
          model: { cloud: aws, region: us-east-1, deployment: in-region }
          gateways: [{ cloud: aws, region: us-east-1, service: nat-gateway }, { cloud: aws, region: us-east-1, service: nat-gateway, count: 2 }]
    `;
    expect(s).toThrow('gateways[0] is already aws/us-east-1 nat-gateway; list a gateway once, with its count');
  });
});

describe('availability and fallback', () => {
  // 1 000 sessions × 1 turn × 1 000 input tokens = 1M a month; Azure 2.00, AWS 2.20 per 1M
  const allAws = (fallback: string, api = 'stateless') => scenario`
    name: first on azure
    horizon: { start: 2026-05, months: 3 }
    workloads:
      - id: a
        model: m
        api: ${api}
        sessions_per_month: 1k
        turns_per_session: 1
        tokens_per_call: { input: 1k, output: 0 }
    options:
      - id: all-aws
        model: { cloud: aws, region: us-east-1, deployment: in-region }
        ${fallback}
  `;

  it('uses the fallback in the months before the model is available, at its prices', () => {
    const result = simulate(allAws('fallback: { model: { cloud: azure, region: eastus2, deployment: global } }'), multiCloud());
    // May and June on Azure (2 + 2), July on AWS (2.2) = 6.2
    expect(result.lineItems.map((i) => [i.period, i.cloud, i.cost.toFixed()])).toEqual([
      ['2026-05', 'azure', '2'],
      ['2026-06', 'azure', '2'],
      ['2026-07', 'aws', '2.2'],
    ]);
    expect(result.fallbacks).toEqual([{ option: 'all-aws', workload: 'a', placement: { cloud: 'azure', region: 'eastus2', deployment: 'global', tier: 'standard' }, months: ['2026-05', '2026-06'] }]);
  });

  it('runs on the placement from the day the model goes on sale, the fallback before, split by days', () => {
    const catalog = multiCloud();
    catalog.availability = catalog.availability.map((row) => (row.cloud === 'aws' ? { ...row, from: '2026-07-16' } : row));
    const midJuly = scenario`
      name: on sale mid-July
      horizon: { start: 2026-07, months: 1 }
      workloads:
        - id: a
          model: m
          sessions_per_month: 1k
          turns_per_session: 1
          tokens_per_call: { input: 1k, output: 0 }
          payload: { request: 1MB, response: 1MB }
      options:
        - id: all-aws
          model: { cloud: aws, region: us-east-1, deployment: in-region }
          fallback: { model: { cloud: azure, region: eastus2, deployment: global } }
          runtime: { cloud: aws, region: us-east-1, service: agentcore }
    `;
    const result = simulate(midJuly, catalog);
    // 1 000 000 tokens over 16 days on AWS (16–31 July) and 15 on Azure: 516 129.03 → 516 129 and
    // 483 870.97 → 483 870; the token left goes to Azure (D'Hondt: 516 130 × 15 = 7 741 950 >
    // 483 871 × 16 = 7 741 936): AWS 516 129 × 2.20 / 1M = 1.1354838, Azure 483 871 × 2 / 1M = 0.967742
    const tokens = result.lineItems.filter((i) => i.category === 'tokens.input');
    expect(tokens.map((i) => [i.cloud, i.quantity.toFixed(), i.cost.toFixed()])).toEqual([
      ['aws', '516129', '1.1354838'],
      ['azure', '483871', '0.967742'],
    ]);
    // 1 000 calls × 1 MB of requests and of responses; on Azure's days they cross clouds:
    // 10^9 × 15/31 = 483 870 967.7 → 483 870 967 + the byte left (516 129 033 × 15 > 483 870 968 × 16)
    // = 483 870 968 bytes each way: AWS sends the requests (in its free 100 GB), Azure the
    // responses at 0.08/GB = 0.03870967744; on AWS's days runtime and model share a region
    const egress = result.lineItems.filter((i) => i.category === 'egress');
    expect(egress.map((i) => [i.cloud, i.meter.split(' to ')[0], i.quantity.toFixed(), i.cost.toFixed()])).toEqual([
      ['aws', 'model requests, aws/us-east-1', '0.483870968', '0'],
      ['azure', 'model responses, azure/eastus2', '0.483870968', '0.03870967744'],
    ]);
    expect(result.fallbacks).toEqual([{ option: 'all-aws', workload: 'a', placement: { cloud: 'azure', region: 'eastus2', deployment: 'global', tier: 'standard' }, months: ['2026-07'] }]);
  });

  it('prices each placement at the rows in force on its own days', () => {
    const catalog = multiCloud();
    catalog.availability = catalog.availability.map((row) => (row.cloud === 'aws' ? { ...row, from: '2026-07-16' } : row));
    // AWS's price starts on 2026-07-20 only: 4 of its 16 days unpriced
    catalog.models = catalog.models.map((row) => (row.cloud === 'aws' ? { ...row, effectiveFrom: '2026-07-20' } : row));
    expect(problems(() => simulate(allAws('fallback: { model: { cloud: azure, region: eastus2, deployment: global } }'), catalog))).toEqual([
      'options.0.model: no price for aws/us-east-1/in-region/standard/m in 2026-07 (only 12 of the 16 days from 2026-07-16 it is used are priced; catalog rows cover 2026-07-20 to … at models.csv:3), needed by workload "a"',
    ]);
  });

  it('needs a fallback for the days before a mid-month launch', () => {
    const catalog = multiCloud();
    catalog.availability = catalog.availability.map((row) => (row.cloud === 'aws' ? { ...row, from: '2026-07-16' } : row));
    expect(problems(() => simulate(allAws(''), catalog))).toEqual([
      'options.0.model: m (stateless API) for workload "a" is not available on aws/us-east-1 in 2026-05 to 2026-07 (availability.csv:2 has it from 2026-07-16); add a fallback placement for those days',
    ]);
  });

  it('joins back-to-back availability rows, so a month they cover together stays put', () => {
    const catalog = multiCloud();
    const [aws] = catalog.availability;
    catalog.availability = [
      { ...aws!, from: '2026-01-01', until: '2026-06-15' },
      { ...aws!, from: '2026-06-15', until: undefined },
    ];
    const result = simulate(allAws(''), catalog);
    expect(result.fallbacks).toEqual([]);
    expect(result.lineItems.map((i) => i.cloud)).toEqual(['aws', 'aws', 'aws']);
  });

  it('names the model, cloud and first month when there is no fallback', () => {
    expect(problems(() => simulate(allAws(''), multiCloud()))).toEqual([
      'options.0.model: m (stateless API) for workload "a" is not available on aws/us-east-1 in 2026-05 and 2026-06 (availability.csv:2 has it from 2026-07-01); add a fallback placement for those days',
    ]);
  });

  it('treats an API kind without a row as not sold there', () => {
    expect(problems(() => simulate(allAws('', 'stateful'), multiCloud()))).toEqual([
      'options.0.model: m (stateful API) for workload "a" is not available on aws/us-east-1 in 2026-05 to 2026-07 (the catalog sells it there only as stateless); add a fallback placement for those days',
    ]);
  });
});

describe('catalog gaps', () => {
  const s = (service: string) => scenario`
    name: gaps
    horizon: { start: 2026-07, months: 1 }
    workloads:
      - id: a
        model: m
        sessions_per_month: 1k
        turns_per_session: 1
        tokens_per_call: { input: 0, output: 0 }
        runtime: { active_seconds_per_turn: 1, memory: 1GB }
    options:
      - id: o
        model: { cloud: aws, region: us-east-1, deployment: in-region }
        runtime: { cloud: aws, region: us-east-1, service: ${service} }
  `;

  it('names a price whose unit measures something else', () => {
    const catalog = multiCloud();
    catalog.services = catalog.services.map((row) => (row.item[0] === 'dynamodb' && row.item[1] === 'read' ? { ...row, item: ['dynamodb', 'vcpu'] as [string, string] } : row));
    expect(problems(() => simulate(s('dynamodb'), catalog))).toContain(
      'options.0.runtime: services.csv:2 prices services aws/* dynamodb vcpu per million-requests, but runtime vCPU, dynamodb is measured in vcpu-seconds; price it per vcpu-second, vcpu-hour',
    );
  });

  it('names a service the catalog does not price', () => {
    expect(problems(() => simulate(s('lambda'), multiCloud()))).toEqual([
      'options.0.runtime: no price for services aws/us-east-1 lambda vcpu in 2026-07 (services.csv has no row for it; `cloudtco catalog services --cloud aws` lists what it prices), needed by option "o" for runtime vCPU, lambda',
      'options.0.runtime: no price for services aws/us-east-1 lambda memory in 2026-07 (services.csv has no row for it; `cloudtco catalog services --cloud aws` lists what it prices), needed by option "o" for runtime memory, lambda',
    ]);
  });

  it('asks for the placements a workload needs', () => {
    const noRuntime = scenario`
      name: no runtime
      horizon: { start: 2026-07, months: 1 }
      workloads:
        - id: a
          model: m
          sessions_per_month: 1
          turns_per_session: 1
          tokens_per_call: { input: 0, output: 0 }
          state: { reads_per_turn: 1 }
      options:
        - id: o
          model: { cloud: aws, region: us-east-1, deployment: in-region }
          cache: { cloud: aws, region: us-east-1, service: valkey }
    `;
    expect(problems(() => simulate(noRuntime, multiCloud()))).toEqual([
      'options.0.cache: say how big the cache is: size (for caches billed per GB-hour) or nodes (per node-hour)',
      'options.0: workload "a" needs its agent runtime placed, but option "o" has no runtime: placement',
      'options.0: workload "a" needs its state store placed, but option "o" has no state: placement',
    ]);
  });
});

describe('latency', () => {
  const s = (model: string) => scenario`
    name: latency
    horizon: { start: 2026-07, months: 1 }
    latency:
      - { between: [aws/us-east-1, azure/eastus2], rtt_ms: 9, note: 'assumed: same metro' }
    workloads:
      - id: a
        model: m
        sessions_per_month: 1
        turns_per_session: 1
        calls_per_turn: 2
        tokens_per_call: { input: 0, output: 0 }
        state: { reads_per_turn: 1, writes_per_turn: 1 }
    options:
      - id: o
        model: ${model}
        runtime: { cloud: aws, region: us-east-1, service: agentcore }
        state: { cloud: azure, region: eastus2, service: cosmos }
  `;

  it('adds each hop per call and per state operation', () => {
    // model us-east-2: 2 calls × 12 ms (latency.csv) + 2 state ops × 9 ms (assumed) = 42 ms
    const result = simulate(s('{ cloud: aws, region: us-east-2, deployment: in-region }'), multiCloud());
    expect(result.latency.map((l) => [l.msPerTurn?.toFixed(), l.unknownPairs])).toEqual([['42', []]]);
  });

  it('follows the model to its fallback in the months it runs there', () => {
    const fallback = scenario`
      name: latency with a fallback
      horizon: { start: 2026-06, months: 2 }
      latency:
        - { between: [aws/us-east-1, azure/eastus2], rtt_ms: 9 }
      workloads:
        - id: a
          model: m
          sessions_per_month: 1
          turns_per_session: 1
          tokens_per_call: { input: 0, output: 0 }
      options:
        - id: o
          model: { cloud: aws, region: us-east-2, deployment: in-region }
          fallback: { model: { cloud: azure, region: eastus2, deployment: global } }
          runtime: { cloud: aws, region: us-east-1, service: agentcore }
    `;
    // June on Azure (9 ms), July on AWS us-east-2 (12 ms), one turn each: (9 + 12) / 2 = 10.5
    const result = simulate(fallback, multiCloud());
    expect(result.latency.map((l) => [l.msPerTurn?.toFixed(), l.unknownPairs])).toEqual([['10.5', []]]);
  });

  it('is unknown when a pair has no round-trip time, and names it', () => {
    const result = simulate(s('{ cloud: openai, region: global, deployment: global }'), multiCloud());
    expect(result.latency.map((l) => [l.msPerTurn, l.unknownPairs])).toEqual([[undefined, ['aws/us-east-1 ↔ openai/global']]]);
  });
});
