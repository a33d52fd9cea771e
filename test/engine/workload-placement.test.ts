/**
 * An option that places a workload apart. two-prices' catalog: model m at 3 per 1M input tokens
 * on OpenAI, 2 per 1M on Azure. Each workload: 1M sessions of one call with 1 000 input tokens =
 * 1 000M tokens a month: 3 000 on OpenAI, 2 000 on Azure.
 */
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { piecesOf } from '../../src/engine/workload-placement.js';
import type { Option } from '../../src/model/scenario.js';
import { runCli } from '../helpers/run-cli.js';
import { twoPrices } from '../helpers/two-prices.js';

const WORKLOADS = `workloads:
  - { id: w1, model: m, sessions_per_month: 1M, turns_per_session: 1, tokens_per_call: { input: 1k, output: 0 } }
  - { id: w2, model: m, sessions_per_month: 1M, turns_per_session: 1, tokens_per_call: { input: 1k, output: 0 } }
`;

describe('an option with workloads placed apart', () => {
  it('prices each workload at its own placement', async () => {
    const { dir, scenario } = await twoPrices(
      'apart',
      `name: apart\nhorizon: { start: 2027-01, months: 1 }\n${WORKLOADS}options:\n  - id: split\n    model: { cloud: openai, region: global, deployment: global }\n    workloads:\n      w2: { model: { cloud: azure, region: eastus2, deployment: global } }\n`,
    );
    const result = await runCli(['compare', scenario, '--catalog', dir, '--by', 'workload', '--format', 'json']);
    expect(result.stderr).toBe('');
    const option = JSON.parse(result.stdout).options[0];
    // w1 on OpenAI: 1 000 × 3 = 3 000; w2 on Azure: 1 000 × 2 = 2 000
    expect(option.byWorkload.map((g: { workload: string; total: string }) => [g.workload, g.total])).toEqual([
      ['w1', '3000'],
      ['w2', '2000'],
    ]);
    expect(option.total).toBe('5000');
  });

  it('refuses a workload the scenario does not have, and a provisioned option split apart', async () => {
    const { dir, scenario } = await twoPrices(
      'apart-bad',
      `name: apart\nhorizon: { start: 2027-01, months: 1 }\n${WORKLOADS}options:\n  - id: split\n    model: { cloud: openai, region: global, deployment: global }\n    workloads:\n      w3: { model: { cloud: azure, region: eastus2, deployment: global } }\n`,
    );
    const result = await runCli(['compare', scenario, '--catalog', dir]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/scenario\.yaml:\d+:\d+ options\[0\]\.workloads\.w3: "w3" is not a workload of this scenario \(w1, w2\)/);
  });

  it('checks the regions a workload placed apart names, at their place in the file', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'cloudtco-apart-region-'));
    const file = path.join(dir, 'scenario.yaml');
    await writeFile(
      file,
      `name: apart\nhorizon: { start: 2027-01, months: 1 }\nworkloads:\n  - { id: w, model: gpt-5.5, sessions_per_month: 1k, turns_per_session: 1, tokens_per_call: { input: 1k, output: 0 } }\noptions:\n  - id: split\n    model: { cloud: azure, region: eastus2, deployment: global }\n    workloads:\n      w: { model: { cloud: azure, region: eastus9, deployment: global } }\n`,
    );
    const result = await runCli(['compare', file]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/scenario\.yaml:9:\d+ options\[0\]\.workloads\.w\.model\.region: "eastus9" is not a region/);
  });

  it('looks for a dataset copy\'s region in one order, whether pieces are the option\'s or its workloads\'', () => {
    const at = (cloud: 'aws' | 'azure', region: string) => ({ cloud, region, service: 's' });
    const runtime = at('aws', 'us-east-1');
    const cache = { ...at('aws', 'us-east-2'), read_units: undefined } as never;
    const option = { id: 'o', model: { cloud: 'aws', region: 'us-east-2', deployment: 'in-region', tier: 'standard' }, workloads: {}, gateways: [] } as never as Option;
    const own = { ...option, runtime, cache } as Option;
    const apart = { ...option, workloads: { w: { runtime, cache } } } as never as Option;
    // runtimes first, then state stores, then caches
    expect(piecesOf(own).map((p) => p.region)).toEqual(['us-east-1', 'us-east-2']);
    expect(piecesOf(apart).map((p) => p.region)).toEqual(['us-east-1', 'us-east-2']);
  });
});

