/**
 * optimize against hand calculations. The catalog: model m at 3 per 1M input tokens on OpenAI,
 * 2 on Azure, 2.1 on AWS. A workload of 1M sessions of one call of 1 000 input tokens uses
 * 1 000M tokens a month: 3 000 on OpenAI, 2 000 on Azure, 2 100 on AWS.
 */
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO } from '../helpers/fixtures.js';
import { runCli } from '../helpers/run-cli.js';

const SOURCE = 'https://example.com/p,2026-01-01,';

async function catalog(name: string, scenario: string, availability?: string): Promise<{ dir: string; file: string }> {
  const dir = await mkdtemp(path.join(tmpdir(), `cloudtco-optimize-${name}-`));
  await writeFile(
    path.join(dir, 'models.csv'),
    `cloud,region,deployment,tier,model,input,cached_input,output,currency,effective_from,effective_to,source,as_of,note\nopenai,*,global,standard,m,3,,1,USD,,,${SOURCE}\nazure,*,global,standard,m,2,,1,USD,,,${SOURCE}\naws,*,in-region,standard,m,2.1,,1,USD,,,${SOURCE}\n`,
  );
  if (availability !== undefined) await writeFile(path.join(dir, 'availability.csv'), `cloud,model,api,available_from,available_until,source,as_of,checked,note\n${availability}\n`);
  const file = path.join(dir, 'scenario.yaml');
  await writeFile(file, scenario);
  return { dir, file };
}

const workload = (id: string) => `  - { id: ${id}, model: m, sessions_per_month: 1M, turns_per_session: 1, tokens_per_call: { input: 1k, output: 0 } }\n`;
const OPTIONS = `options:
  - { id: openai, model: { cloud: openai, region: global, deployment: global } }
  - { id: azure, model: { cloud: azure, region: eastus2, deployment: global } }
  - { id: aws, model: { cloud: aws, region: us-east-1, deployment: in-region } }
`;
const one = (extra = '') => `name: one\nhorizon: { start: 2027-01, months: 1 }\nworkloads:\n${workload('w')}${OPTIONS}${extra}`;

async function optimize(scenario: string, args: string[] = [], availability?: string) {
  const { dir, file } = await catalog('case', scenario, availability);
  const result = await runCli(['optimize', file, '--catalog', dir, '--format', 'json', ...args]);
  expect(result.stderr).toBe('');
  expect(result.code).toBe(0);
  return JSON.parse(result.stdout);
}

const clouds = (json: { plan: { workloads: { model: { cloud: string } }[] } }) => json.plan.workloads.map((w) => w.model.cloud);

describe('cloudtco optimize', () => {
  it('finds a plan cheaper than the per-workload bests when a commitment couples them', async () => {
    // an AWS commitment of 2 100 a month, short by what AWS is not paid:
    //   each workload alone: Azure 2 000 + 2 100 short = 4 100, AWS 2 100 → AWS
    //   both on AWS (the per-workload bests): 4 200; both on Azure: 4 000 + 2 100 = 6 100
    //   one on each: 2 000 + 2 100, the commitment met = 4 100, the cheapest
    const scenario = `name: coupled\nhorizon: { start: 2027-01, months: 1 }\nworkloads:\n${workload('w1')}${workload('w2')}${OPTIONS}commitments:\n  - { id: edp, cloud: aws, amount: 2100, period: month }\n`;
    for (const search of ['auto', 'local']) {
      const json = await optimize(scenario, ['--search', search]);
      expect(json.method).toBe(search === 'auto' ? 'exhaustive' : 'local search');
      expect(json.plan.total).toBe('4100');
      expect([...clouds(json)].sort()).toEqual(['aws', 'azure']);
      // alone, the one on Azure pays the commitment's whole shortfall too: 2 000 + 2 100
      expect(json.plan.workloads.map((w: { alone: string }) => w.alone).sort()).toEqual(['2100', '4100']);
      expect(json.bestPredefined).toEqual({ id: 'aws', objective: '4200', total: '4200' });
      expect(json.saving).toBe('100');
      if (search === 'local') {
        // the bound: each workload's tokens at their cheapest (Azure, 2 000), no discount: 4 000;
        // gap (4 100 − 4 000) ÷ 4 100 = 0.0243902439…
        expect(json.lowerBound).toBe('4000');
        expect(json.gap.slice(0, 14)).toBe('0.024390243902');
      } else expect(json.gap).toBe('0');
    }
  });

  it('keeps to the clouds a rule allows, and says the rule binds', async () => {
    expect(clouds(await optimize(one()))).toEqual(['azure']);
    const json = await optimize(one('optimize:\n  rules:\n    - { clouds: [aws, openai] }\n'));
    // Azure (2 000) ruled out: AWS at 2 100
    expect(clouds(json)).toEqual(['aws']);
    expect(json.plan.total).toBe('2100');
    expect(json.binding).toEqual([{ constraint: 'rules[0].clouds', workload: 'w', excluded: 'model azure/eastus2 global standard', why: 'its model is on azure', forgone: '100' }]);
    const { dir, file } = await catalog('dearer', one('optimize:\n  rules:\n    - { clouds: [aws, openai] }\n'));
    expect((await runCli(['optimize', file, '--catalog', dir])).stdout).toContain("Plan: 2,100.00; costs 100.00 more than azure (+5.00%): azure's placements break a rule or cannot be priced as a plan (2,000.00).");
  });

  it('keeps to the places a rule allows', async () => {
    const json = await optimize(one('optimize:\n  rules:\n    - { workloads: [w], regions: [openai/global] }\n'));
    expect(clouds(json)).toEqual(['openai']);
    expect(json.plan.total).toBe('3000');
  });

  it('leaves out a placement where the model is not sold for the whole horizon', async () => {
    // Azure in central US sells m from February only; the horizon is January and February
    const extra = 'optimize:\n  models:\n    - { cloud: azure, region: centralus, deployment: global }\n';
    const scenario = `name: launch\nhorizon: { start: 2027-01, months: 2 }\nworkloads:\n${workload('w')}options:\n  - { id: aws, model: { cloud: aws, region: us-east-1, deployment: in-region } }\n${extra}`;
    const launch = 'azure,m,stateless,2027-02-01,,https://example.com/a,2026-01-01,,';
    const later = await optimize(scenario.replace('2027-01', '2027-02'), [], launch);
    expect(clouds(later)).toEqual(['azure']);
    const json = await optimize(scenario, [], launch);
    expect([clouds(json), json.plan.total]).toEqual([['aws'], '4200']);
    // with AWS as its fallback in January: 2 100 + 2 000 = 4 100, 100 less than AWS throughout
    expect(json.binding).toHaveLength(1);
    expect(json.binding[0]).toMatchObject({ constraint: 'availability', workload: 'w', excluded: 'model azure/centralus global standard', forgone: '100' });
    expect(json.binding[0].why).toMatch(/not available on azure\/centralus in 2027-01 .*; priced with the plan's model as its fallback$/);
  });

  it('meets the commitments it must, where paying the shortfall would be cheaper', async () => {
    // AWS commitment of 50 a month: Azure 2 000 + 50 short = 2 050 beats AWS 2 100, unless it must be met
    const commitment = 'commitments:\n  - { id: edp, cloud: aws, amount: 50, period: month }\n';
    const free = await optimize(one(commitment));
    expect([clouds(free), free.plan.total]).toEqual([['azure'], '2050']);
    const met = await optimize(one(`${commitment}optimize:\n  must_meet: [edp]\n`));
    expect([clouds(met), met.plan.total, met.plan.shortfall]).toEqual([['aws'], '2100', '0']);
    expect(met.binding).toEqual([{ constraint: 'must_meet', workload: null, excluded: 'plans that fall short of a commitment to be met', why: 'a cheaper plan leaves a commitment short', forgone: '50' }]);
  });

  it('minimises the net present value when asked', async () => {
    // two months; at 12 %/year a month's cost is divided by 1.12^(m/12): the cheapest stays the cheapest
    const json = await optimize(one('discount_rate: 12%\n').replace('months: 1', 'months: 2'), ['--objective', 'npv']);
    expect(json.objective).toBe('npv');
    expect(json.plan.total).toBe('4000');
    // Azure, 2 000 a month paid at each month's end: 2 000 ÷ 1.12^(1/12) + 2 000 ÷ 1.12^(2/12)
    //   = 1 981.20 + 1 962.58 = 3 943.779092695679875…
    expect(json.plan.objective.slice(0, 20)).toBe('3943.779092695679875');
  });

  it('refuses what it cannot do, located', async () => {
    const { dir, file } = await catalog('bad', one('optimize:\n  rules:\n    - { clouds: [gcp] }\n'));
    const none = await runCli(['optimize', file, '--catalog', dir]);
    expect(none.code).toBe(2);
    expect(none.stderr).toMatch(/^.*scenario\.yaml:\d+:\d+ optimize: workload "w" has no placement to choose: rules\[0\]\.clouds rules out model openai\/global global standard \(its model is on openai\)/);
    const npv = await runCli(['optimize', file, '--catalog', dir, '--objective', 'npv']);
    expect(npv.stderr).toMatch(/the objective npv needs a discount_rate in the scenario/);
    const { dir: d2, file: f2 } = await catalog('bad2', one('optimize:\n  rules:\n    - { workloads: [nope], clouds: [aws] }\n'));
    const unknown = await runCli(['optimize', f2, '--catalog', d2]);
    expect(unknown.stderr).toMatch(/optimize\.rules\[0\]\.workloads\[0\]: "nope" is not a workload of this scenario \(w\)/);
  });

  it('writes the plan as an option that compare prices to the same total', async () => {
    const scenario = `name: coupled\nhorizon: { start: 2027-01, months: 1 }\nworkloads:\n${workload('w1')}${workload('w2')}${OPTIONS}commitments:\n  - { id: edp, cloud: aws, amount: 2100, period: month }\n`;
    const { dir, file } = await catalog('emit', scenario);
    const out = path.join(dir, 'optimized.yaml');
    const result = await runCli(['optimize', file, '--catalog', dir, '--emit-scenario', out, '--format', 'csv']);
    expect(result.stderr).toBe(`wrote ${out}: the scenario with option optimized added\n`);
    const text = await readFile(out, 'utf8');
    expect(text).toContain('# The option optimized was added by cloudtco optimize.');
    const compared = JSON.parse((await runCli(['compare', out, '--catalog', dir, '--format', 'json'])).stdout);
    expect(compared.options.map((o: { id: string; total: string }) => [o.id, o.total])).toEqual([
      ['openai', '8100'],
      ['azure', '6100'],
      ['aws', '4200'],
      ['optimized', '4100'],
    ]);
  });

  it('writes every format: table, csv, markdown and a page', async () => {
    const scenario = `name: coupled\nhorizon: { start: 2027-01, months: 1 }\nworkloads:\n${workload('w1')}${workload('w2')}${OPTIONS}commitments:\n  - { id: edp, cloud: aws, amount: 2100, period: month }\n`;
    const { dir, file } = await catalog('formats', scenario);
    const run = async (format: string) => (await runCli(['optimize', file, '--catalog', dir, '--format', format])).stdout;
    const table = await run('table');
    expect(table).toContain('Plan: 4,100.00; saves 100.00 against aws (-2.38%) (4,200.00).');
    expect(table).toContain('Exhaustive: all 9 plans of the space priced');
    const csv = (await run('csv')).trim().split(/\r?\n/);
    expect(csv[0]).toBe('workload,model,runtime,state,cache,alone,added_ms_per_turn,plan_objective,plan_total,best_option,best_objective,saving,method,gap,currency');
    expect(csv).toHaveLength(3);
    expect(csv[1]).toMatch(/^w1,(aws\/us-east-1 in-region|azure\/eastus2 global),,,,(2100|4100),,4100,4100,aws,4200,100,exhaustive,0,USD$/);
    expect(await run('markdown')).toContain('**Plan: 4,100.00**, saves 100.00 against aws (-2.38%) (4,200.00); -100.00.');
    const html = await run('html');
    expect(html.startsWith('<!doctype html>')).toBe(true);
    expect(html).not.toMatch(/<script|NaN/);
    // the plan, then each option: a bar each
    expect([...html.matchAll(/<g class="bar-row" data-row="([^"]+)"/g)].map((m) => m[1])).toEqual(['the plan (exhaustive)', 'openai', 'azure', 'aws']);
  });

  it('chooses a placement a contract does not apply to, and writes its --set values into the plan\'s file', async () => {
    // the contract names AWS spend: a plan placing nothing on AWS is still a plan (the contract pays nothing)
    const dir = await mkdtemp(path.join(tmpdir(), 'cloudtco-optimize-contract-'));
    const file = path.join(dir, 'scenario.yaml');
    await writeFile(
      file,
      `name: contract\nhorizon: { start: 2026-07, months: 6 }\nworkloads:\n  - { id: chat, model: gpt-5.5, sessions_per_month: 40k, turns_per_session: 3, tokens_per_call: { input: 2k, output: 300 } }\noptions:\n  - { id: azure, model: { cloud: azure, region: eastus2, deployment: global } }\n  - { id: bedrock, model: { cloud: aws, region: us-east-2, deployment: in-region } }\ncontracts: [{ id: share, payer: openai, payee: microsoft, rate: 20%, applies_to: { clouds: [aws] } }]\n`,
    );
    const compared = JSON.parse((await runCli(['compare', file, '--format', 'json'])).stdout);
    const azure = compared.options.find((o: { id: string }) => o.id === 'azure').total;
    const out = path.join(dir, 'optimized.yaml');
    const result = await runCli(['optimize', file, '--format', 'json', '--set', 'workloads.0.sessions_per_month=80k', '--emit-scenario', out]);
    const json = JSON.parse(result.stdout);
    expect(clouds(json)).toEqual(['azure']);
    // twice the sessions: twice Azure's total, and the file written says 80k, so compare agrees
    expect(json.plan.total).toBe(String(Number(azure) * 2));
    const emitted = JSON.parse((await runCli(['compare', out, '--format', 'json'])).stdout);
    expect(emitted.options.find((o: { id: string }) => o.id === 'optimized').total).toBe(json.plan.total);
    expect(await readFile(out, 'utf8')).toContain('sessions_per_month: 80k');
    // a JSON scenario is written back as JSON
    const asJson = path.join(dir, 'scenario.json');
    const { parse } = await import('yaml');
    await writeFile(asJson, JSON.stringify(parse(await readFile(file, 'utf8'))));
    const jsonOut = path.join(dir, 'optimized.json');
    expect((await runCli(['optimize', asJson, '--emit-scenario', jsonOut])).code).toBe(0);
    const written = JSON.parse(await readFile(jsonOut, 'utf8'));
    expect(written.options.map((o: { id: string }) => o.id)).toEqual(['azure', 'bedrock', 'optimized']);
  });

  it('names a misspelt candidate and an empty rule where they are written', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'cloudtco-optimize-typo-'));
    const typo = path.join(dir, 'scenario.yaml');
    await writeFile(typo, `${await readFile(path.join(REPO, 'scenarios/multi-cloud-agent.yaml'), 'utf8')}\noptimize:\n  models:\n    - { cloud: azure, region: eastus-2, deployment: global }\n`);
    const bad = await runCli(['optimize', typo]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/scenario\.yaml:\d+:\d+ optimize\.models\[0\]\.region: "eastus-2" is not a region/);
    const empty = await catalog('empty', one('optimize:\n  rules:\n    - { workloads: [], clouds: [gcp] }\n'));
    const refused = await runCli(['optimize', empty.file, '--catalog', empty.dir]);
    expect(refused.stderr).toMatch(/optimize\.rules\[0\]\.workloads: name at least one workload, or leave workloads out for all of them/);
  });

  it('credits every rule that stands in a cheaper choice\'s way', async () => {
    // Azure (2 000) broken by both rules; AWS (2 100) allowed
    const json = await optimize(one('optimize:\n  rules:\n    - { clouds: [aws, openai] }\n    - { regions: [aws/us-east-1, openai/global] }\n'));
    expect(json.binding.map((b: { constraint: string; forgone: string }) => [b.constraint, b.forgone])).toEqual([
      ['rules[0].clouds', '100'],
      ['rules[1].regions', '100'],
    ]);
  });

  describe('on the bundled multi-cloud agent', () => {
    async function withRules(rules: string) {
      const dir = await mkdtemp(path.join(tmpdir(), 'cloudtco-optimize-mca-'));
      const file = path.join(dir, 'scenario.yaml');
      await writeFile(file, `${await readFile(path.join(REPO, 'scenarios/multi-cloud-agent.yaml'), 'utf8')}\n${rules}`);
      const result = await runCli(['optimize', file, '--format', 'json']);
      expect(result.stderr).toBe('');
      return JSON.parse(result.stdout);
    }
    const free = () => withRules('');

    it('keeps the agent\'s state where data residency says', async () => {
      // unconstrained, the state goes to DynamoDB on AWS beside a runtime on Azure
      const before = (await free()).plan.workloads[0];
      expect(before.state.cloud).toBe('aws');
      const json = await withRules('optimize:\n  rules:\n    - { state_regions: [azure/eastus2, gcp/us-central1] }\n');
      const after = json.plan.workloads[0];
      expect(['azure/eastus2', 'gcp/us-central1']).toContain(`${after.state.cloud}/${after.state.region}`);
      expect(json.binding.map((b: { constraint: string }) => b.constraint)).toEqual(['rules[0].state_regions']);
    });

    it('refuses a space too large to price choice by choice', async () => {
      const many = (kind: string) => Array.from({ length: 20 }, (_, i) => `    - { cloud: aws, region: us-east-1, service: ${kind}-${i} }`).join('\n');
      const dir = await mkdtemp(path.join(tmpdir(), 'cloudtco-optimize-many-'));
      const file = path.join(dir, 'scenario.yaml');
      await writeFile(file, `${await readFile(path.join(REPO, 'scenarios/multi-cloud-agent.yaml'), 'utf8')}\noptimize:\n  runtimes:\n${many('runtime')}\n  states:\n${many('state')}\n`);
      const result = await runCli(['optimize', file]);
      expect(result.code).toBe(2);
      // 3 models × 23 runtimes × 23 state stores × (3 caches or none) = 6 348
      expect(result.stderr).toMatch(/scenario\.yaml:\d+:\d+ workloads\[0\]: workload "support-agent" has 6,348 placements to choose from .* optimize takes at most 5,000/);
    });

    it('keeps the round trips a turn adds under the limit', async () => {
      const before = (await free()).plan.workloads[0];
      expect(Number(before.addedMsPerTurn)).toBeGreaterThan(20);
      const json = await withRules('optimize:\n  rules:\n    - { max_added_latency_ms: 20 }\n');
      expect(Number(json.plan.workloads[0].addedMsPerTurn)).toBeLessThanOrEqual(20);
      expect(json.binding.map((b: { constraint: string }) => b.constraint)).toEqual(['rules[0].max_added_latency_ms']);
    });
  });
});

