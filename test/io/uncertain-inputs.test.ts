import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadScenario } from '../../src/io/scenario-file.js';
import { InputError } from '../../src/model/diagnostic.js';
import { dedent } from '../helpers/inline.js';

async function load(yaml: string, overrides: string[] = []) {
  const file = path.join(await mkdtemp(path.join(tmpdir(), 'cloudtco-uncertain-')), 'scenario.yaml');
  await writeFile(file, dedent(yaml));
  return loadScenario(file, 'scenario.yaml', overrides);
}

const scenario = (workload: string) => `
  name: ranges
  horizon: { start: 2027-01, months: 12 }
  workloads:
    - id: w
      model: m
      sessions_per_month: 250k
      turns_per_session: 6
      tokens_per_call: { input: 8k, output: 500 }
${workload}
  options:
    - id: o
      model: { cloud: openai, region: global, deployment: global }
`;

async function problems(yaml: string, overrides: string[] = []): Promise<string[]> {
  try {
    await load(yaml, overrides);
  } catch (error) {
    if (error instanceof InputError) return error.diagnostics.map((d) => `${d.file}:${d.line}:${d.col} ${d.message}`);
    throw error;
  }
  throw new Error('expected problems');
}

describe('inputs given as distributions', () => {
  it('reads each at its mode or mean, and lists what a simulation may draw, in the field’s own unit', async () => {
    const loaded = await load(
      scenario(`      growth: { triangular: [2%, 4%, 8%], driver: demand }
      calls_per_turn: { uniform: [1, 3] }
      payload: { request: { pert: [16KiB, 24KiB, 48KiB], driver: demand }, response: { uniform: [1KiB, 2KiB] } }
      batch_share: { normal: { mean: 10%, sd: 5% } }`),
    );
    const w = loaded.scenario.workloads[0]!;
    // the mode of a triangular or PERT, the mean of the others: (1 + 3) / 2 = 2 calls; (1 024 + 2 048) / 2 = 1 536 bytes
    expect([w.growth.toFixed(), w.calls_per_turn.toFixed(), w.payload!.request.toFixed(), w.payload!.response.toFixed(), w.batch_share.toFixed()]).toEqual(['0.04', '2', '24576', '1536', '0.1']);
    expect(loaded.uncertain).toEqual([
      { path: ['workloads', 0, 'growth'], distribution: { kind: 'triangular', min: 0.02, mode: 0.04, max: 0.08 }, driver: 'demand', bounds: { min: -1, max: 10 }, kind: 'percent' },
      { path: ['workloads', 0, 'calls_per_turn'], distribution: { kind: 'uniform', min: 1, max: 3 }, driver: undefined, bounds: { min: 0, max: undefined }, kind: 'count' },
      { path: ['workloads', 0, 'payload', 'request'], distribution: { kind: 'pert', min: 16384, mode: 24576, max: 49152 }, driver: 'demand', bounds: { min: 0, max: undefined }, kind: 'bytes' },
      { path: ['workloads', 0, 'payload', 'response'], distribution: { kind: 'uniform', min: 1024, max: 2048 }, driver: undefined, bounds: { min: 0, max: undefined }, kind: 'bytes' },
      { path: ['workloads', 0, 'batch_share'], distribution: { kind: 'normal', mean: 0.1, sd: 0.05 }, driver: undefined, bounds: { min: 0, max: 1 }, kind: 'percent' },
    ]);
  });

  it('takes a distribution from --set too', async () => {
    const loaded = await load(scenario(''), ['workloads.0.growth={lognormal: {mean: 3%, sd: 1%}}']);
    expect(loaded.scenario.workloads[0]!.growth.toFixed()).toBe('0.03');
    expect(loaded.uncertain[0]!.distribution).toEqual({ kind: 'lognormal', mean: 0.03, sd: 0.01 });
  });

  it('says what is wrong with one, where', async () => {
    expect(await problems(scenario('      growth: { triangular: [8%, 4%, 2%] }'))).toEqual(['scenario.yaml:9:32 the mode "4%" must lie between min and max']);
    expect(await problems(scenario('      growth: { triangular: [2%, 4%] }'))).toEqual(['scenario.yaml:9:27 expected [min, mode, max], got 2 values']);
    expect(await problems(scenario('      batch_share: { uniform: [10%, 150%] }'))).toEqual(['scenario.yaml:9:35 "150%" is outside what the field takes (at least 0%, at most 100%)']);
    expect(await problems(scenario('      growth: { normal: { mean: 4%, sd: -1% } }'))).toEqual(['scenario.yaml:9:39 sd "-1%" must not be negative']);
    expect(await problems(scenario('      growth: { lognormal: { mean: 0%, sd: 1% } }'))).toEqual(["scenario.yaml:9:34 a lognormal's mean must be above 0, got \"0%\""]);
    expect(await problems(scenario('      growth: { triangular: [2, 4%, 8%] }'))).toEqual(['scenario.yaml:9:28 expected a percentage like 4%, got "2"']);
    expect(await problems(scenario('      growth: { triangular: [2%, 4%, 8%], spread: wide }'))).toEqual(['scenario.yaml:9:13 a distribution is one of triangular, pert, uniform, normal, lognormal, with an optional driver; got "spread" beside triangular']);
    expect(await problems(scenario('      growth: { triangular: [2%, 4%, 8%], driver: "has space" }'))).toEqual(['scenario.yaml:9:49 expected a driver name made of letters, digits, ".", "_" or "-", got "has space"']);
  });

  it('refuses a distribution where a field takes one value: whole numbers, words, dates', async () => {
    const months = (await problems(scenario('').replace('months: 12', 'months: { uniform: [12, 24] }')))[0];
    expect(months).toBe('scenario.yaml:2:36 takes one value here, not a distribution (uniform)');
    const model = await problems(scenario('').replace('model: m', 'model: { uniform: [1, 2] }'));
    expect(model).toEqual(['scenario.yaml:5:12 takes one value here, not a distribution (uniform)']);
  });
});

describe('results priced with inputs at one value', () => {
  it('say so in the table, the JSON and the CSV', async () => {
    const { runCli } = await import('../helpers/run-cli.js');
    const set = ['--set', 'workloads.0.growth={triangular: [2%, 4%, 8%]}'];
    const table = await runCli(['compare', 'scenarios/support-agents.yaml', ...set]);
    expect(table.stdout.split('\n').slice(0, 4)).toContain('Uncertain inputs at their mode or mean: workloads[0].growth (triangular)');
    const json = JSON.parse((await runCli(['compare', 'scenarios/support-agents.yaml', '--format', 'json', ...set])).stdout);
    expect(json.pointValues).toEqual(['workloads[0].growth (triangular)']);
    const csv = (await runCli(['compare', 'scenarios/support-agents.yaml', '--format', 'csv', ...set])).stdout.split('\r\n');
    expect(csv[0]!.endsWith(',what_if,point_values')).toBe(true);
    expect(csv[1]!.endsWith(',workloads[0].growth (triangular)')).toBe(true);
    const check = await runCli(['check', 'scenarios/support-agents.yaml', ...set]);
    expect(check.stdout).toContain('Uncertain inputs at their mode or mean: workloads[0].growth (triangular)');
  });
});

describe('looking for ranges in hostile input', () => {
  it('follows only where the schema has fields, so a list holding itself is no endless walk (fuzz seed 7, case 64)', async () => {
    const error = await load('name: loop\nhorizon: { start: 2027-01, months: 1 }\nworkloads: &w [1, *w]\noptions: &o { a: *o }\nextra: &e [*e]\n').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InputError);
  });
});
