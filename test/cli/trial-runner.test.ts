/**
 * The fast path against the exact engine, trial by trial on the same draws: every option's cost
 * in every month within 1e-9 of the exact figure, relatively. The fixture exercises what the
 * fast path rebuilds: growth, batch shares, cached and cache-write shares, a price cut on
 * 2027-02-15 (February split by days), prices in another currency, a one-time amount in
 * another currency, a drawn price change on one cloud and a fixed one on all, and a fixed
 * workload (whose tokens the drawn price change reaches too).
 */
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { planTrials } from '../../src/engine/trial-plan.js';
import { runTrialRange, type TrialJob } from '../../src/cli/trial-runner.js';
import { loadVariants } from '../../src/cli/scenario-variants.js';
import { settablePath } from '../../src/io/uncertain-inputs.js';
import { supportOf } from '../../src/model/distribution.js';
import { REPO } from '../helpers/fixtures.js';

async function fixture() {
  const dir = await mkdtemp(path.join(tmpdir(), 'cloudtco-trials-'));
  const src = 'https://example.com/p,2026-01-01,,';
  await writeFile(
    path.join(dir, 'models.csv'),
    [
      'cloud,region,deployment,tier,model,input,cached_input,cache_write,cache_write_1h,output,prompt_over,currency,effective_from,effective_to,source,as_of,checked,note',
      `openai,*,global,standard,m,3,0.3,3.75,,12,,USD,,2027-02-15,${src}`,
      `openai,*,global,standard,m,2.5,0.25,3.125,,10,,USD,2027-02-15,,${src}`,
      `openai,*,global,batch,m,1.5,0.15,1.875,,6,,USD,,,${src}`,
      `azure,*,global,standard,m,2,0.2,2.5,,8,,EUR,,,${src}`,
      `azure,*,global,batch,m,1,0.1,1.25,,4,,EUR,,,${src}`,
    ].join('\n') + '\n',
  );
  await writeFile(
    path.join(dir, 'scenario.yaml'),
    `name: trials
horizon: { start: 2027-01, months: 6 }
fx: [{ from: EUR, rate: 1.0837, as_of: 2026-11-30 }]
workloads:
  - id: drawn
    model: m
    sessions_per_month: { pert: [20k, 45k, 90k] }
    growth: { triangular: [-2%, 3%, 9%] }
    turns_per_session: 3
    calls_per_turn: { uniform: [1, 2.5] }
    batch_share: { uniform: [0%, 40%] }
    tokens_per_call:
      input: { normal: { mean: 3k, sd: 800 } }
      cached_share: { triangular: [10%, 40%, 60%] }
      cache_write_share: { uniform: [0%, 10%] }
      output: { lognormal: { mean: 400, sd: 150 } }
  - id: fixed
    model: m
    sessions_per_month: 10k
    turns_per_session: 2
    tokens_per_call: { input: 2k, cached_share: 25%, output: 300 }
options:
  - { id: a, model: { cloud: openai, region: global, deployment: global } }
  - { id: b, model: { cloud: azure, region: eastus2, deployment: global } }
one_time:
  - { id: move, options: [b], month: 2027-03, currency: EUR, amount: { triangular: [10k, 20k, 60k] } }
price_changes:
  - { id: cut, from: 2027-03, change: { triangular: [-30%, -10%, 5%] }, clouds: [openai] }
  - { id: rise, from: 2027-05, change: 3% }
`,
  );
  return dir;
}

async function agreement(scenarioFile: string, catalog: string[], trials: number) {
  const io = { cwd: REPO } as never;
  const variants = await loadVariants(scenarioFile, { catalog, set: [] }, io);
  const { loaded, periods, lineItems } = variants.base;
  const plan = planTrials(loaded.scenario, variants.catalog, periods, lineItems, loaded.uncertain.map((u) => ({ path: u.path, ...supportOf(u.distribution, u.bounds) })));
  if ('declined' in plan) throw new Error(plan.declined);
  const shared = { inputs: loaded.uncertain.map((u) => ({ ...u, setPath: settablePath(u) })), seed: 99, options: loaded.scenario.options.length, months: periods.length };
  const fastJob: TrialJob = { ...shared, path: 'fast', plan };
  const exactJob: TrialJob = { ...shared, path: 'exact', scenarioFile, cwd: REPO, scenarioInputs: { catalog, set: [] } };
  const fast = await runTrialRange(fastJob, 0, trials, () => undefined);
  const exact = await runTrialRange(exactJob, 0, trials, () => undefined);
  let worst = 0;
  exact.forEach((e, i) => (worst = Math.max(worst, e === 0 ? Math.abs(fast[i]!) : Math.abs(fast[i]! - e) / Math.abs(e))));
  return { worst, cells: exact.length, positive: exact.filter((e) => e > 0).length };
}

describe('the fast path', () => {
  it('agrees with the exact engine within 1e-9 on every option and month of the same draws', async () => {
    const dir = await fixture();
    const { worst, cells, positive } = await agreement(path.join(dir, 'scenario.yaml'), [dir], 40);
    expect(cells).toBe(40 * 2 * 6);
    expect(positive).toBe(cells);
    expect(worst).toBeLessThan(1e-9);
  });

  it('agrees on the bundled example with ranges', async () => {
    const { worst } = await agreement(path.join(REPO, 'scenarios/uncertain-demand.yaml'), [], 20);
    expect(worst).toBeLessThan(1e-9);
  });

  it('declines what it cannot rebuild, saying why, so the exact engine prices it', async () => {
    const io = { cwd: REPO } as never;
    const variants = await loadVariants(path.join(REPO, 'scenarios/multi-cloud-agent.yaml'), { catalog: [], set: ['workloads.0.sessions_per_month={ triangular: [1k, 2k, 3k] }'] }, io);
    const { loaded, periods, lineItems } = variants.base;
    const plan = planTrials(loaded.scenario, variants.catalog, periods, lineItems, loaded.uncertain.map((u) => ({ path: u.path, ...supportOf(u.distribution, u.bounds) })));
    expect(plan).toEqual({ declined: expect.stringMatching(/has an agent whose bytes and runtime follow its volumes|response cache|commitments/) });
  });
});
