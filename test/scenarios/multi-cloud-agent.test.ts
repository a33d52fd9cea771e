/**
 * The bundled multi-cloud example, priced with the bundled catalog. Its arithmetic is covered
 * case by case in test/engine/multi-cloud.test.ts; here: the report's promises hold on real
 * data (totals are sums of line items, the fallback month is listed, round trips add up).
 */
import { describe, expect, it } from 'vitest';
import { dec, sum } from '../../src/model/money.js';
import { runCli } from '../helpers/run-cli.js';

const SCENARIO = 'scenarios/multi-cloud-agent.yaml';

describe(SCENARIO, () => {
  it('compares all-azure, an AWS runtime with an Azure model, all-AWS and a third cloud', async () => {
    const result = await runCli(['compare', SCENARIO, '--by', 'cloud']);
    expect(result.stderr).toBe('');
    await expect(result.stdout).toMatchFileSnapshot('golden/multi-cloud-agent.txt');
  });

  it('gives JSON whose totals are the sums of their line items, tiered egress included', async () => {
    const json = JSON.parse((await runCli(['compare', SCENARIO, '--format', 'json', '--by', 'workload', '--line-items'])).stdout);
    expect(json.options.map((o: { id: string }) => o.id)).toEqual(['all-azure', 'aws-runtime', 'all-aws', 'gcp-runtime']);
    for (const option of json.options) {
      const items = option.lineItems as { cost: string; category: string }[];
      expect(sum(items.map((i) => dec(i.cost))).toFixed(), option.id).toBe(option.total);
      expect(sum(option.byWorkload.map((w: { total: string }) => dec(w.total))).toFixed(), option.id).toBe(option.total);
      for (const [category, amount] of Object.entries(option.byCategory)) {
        expect(sum(items.filter((i) => i.category === category).map((i) => dec(i.cost))).toFixed(), `${option.id} ${category}`).toBe(amount);
      }
    }
  });

  it('runs all-aws on its Azure fallback in May 2026, before Bedrock sold GPT-5.5', async () => {
    const json = JSON.parse((await runCli(['compare', SCENARIO, '--format', 'json', '--line-items'])).stdout);
    const allAws = json.options.find((o: { id: string }) => o.id === 'all-aws');
    expect(allAws.fallbacks).toEqual([{ workload: 'support-agent', placement: { cloud: 'azure', region: 'eastus2', deployment: 'global', tier: 'standard' }, months: ['2026-05'] }]);
    const tokenClouds = (period: string) => [...new Set(allAws.lineItems.filter((i: { period: string; category: string }) => i.period === period && i.category.startsWith('tokens')).map((i: { cloud: string }) => i.cloud))];
    expect(tokenClouds('2026-05')).toEqual(['azure']);
    expect(tokenClouds('2026-06')).toEqual(['aws']);
  });

  it('reports the round trip each option adds, and the pairs it cannot know', async () => {
    const json = JSON.parse((await runCli(['compare', SCENARIO, '--format', 'json'])).stdout);
    const latency = Object.fromEntries(json.options.map((o: { id: string; latency: unknown }) => [o.id, o.latency]));
    // all-azure: one region, 0. aws-runtime: cache beside the runtime, misses cross to Azure:
    // 2 calls × (1 − 15 %) × 10 ms (the scenario's same-metro assumption) = 17 ms
    expect(latency).toEqual({
      'all-azure': { msPerTurn: '0', unknownPairs: [] },
      'aws-runtime': { msPerTurn: '17', unknownPairs: [] },
      'all-aws': { msPerTurn: null, unknownPairs: ['aws/us-east-1 ↔ aws/us-east-2'] },
      'gcp-runtime': { msPerTurn: null, unknownPairs: ['gcp/us-central1 ↔ openai/global'] },
    });
  });
});
