import { describe, expect, it } from 'vitest';
import { knownKeysAt } from '../../src/io/schema-diagnostics.js';
import { scenarioSchema } from '../../src/model/scenario.js';

describe('knownKeysAt', () => {
  it('walks the scenario schema through lists, defaults and refinements', () => {
    expect(knownKeysAt(scenarioSchema, [])).toEqual([
      'name',
      'description',
      'currency',
      'horizon',
      'fx',
      'network',
      'latency',
      'datasets',
      'workloads',
      'options',
      'channel_take',
      'contracts',
      'commitments',
      'support',
      'one_time',
      'price_changes',
      'baseline',
      'discount_rate',
      'budgets',
      'optimize',
    ]);
    expect(knownKeysAt(scenarioSchema, ['optimize', 'rules', 0])).toEqual(['workloads', 'clouds', 'regions', 'state_regions', 'max_added_latency_ms']);
    expect(knownKeysAt(scenarioSchema, ['options', 0, 'workloads', 'support-agent'])).toEqual(['model', 'fallback', 'runtime', 'state', 'cache']);
    expect(knownKeysAt(scenarioSchema, ['network'])).toEqual(['bill_model_responses']);
    expect(knownKeysAt(scenarioSchema, ['options', 1, 'cache'])).toEqual(['cloud', 'region', 'service', 'size', 'nodes']);
    expect(knownKeysAt(scenarioSchema, ['options', 1, 'interconnect', 'ports', 0])).toEqual(['cloud', 'region', 'service', 'count']);
    expect(knownKeysAt(scenarioSchema, ['horizon'])).toEqual(['start', 'months']);
    expect(knownKeysAt(scenarioSchema, ['workloads', 3, 'tokens_per_call'])).toEqual(['input', 'cached_share', 'cache_write_share', 'cache_ttl', 'output']);
    expect(knownKeysAt(scenarioSchema, ['options', 0, 'model'])).toEqual(['cloud', 'region', 'deployment', 'tier']);
  });

  it('knows no keys where there is no mapping', () => {
    expect(knownKeysAt(scenarioSchema, ['name'])).toEqual([]);
    expect(knownKeysAt(scenarioSchema, ['nope', 'deeper'])).toEqual([]);
  });
});
