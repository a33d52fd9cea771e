/**
 * A sweep's crossover against a hand calculation. Option a: 3 per 1M input tokens; option b:
 * 2 per 1M and 1 000 once. 1 000 tokens a session: a costs 0.003 a session, b 1 000 + 0.002; even
 * at 1 000 000 sessions (a, listed first, keeps the tie), b cheaper from 1 000 001.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/run-cli.js';
import { TWO_OPTIONS, twoPrices } from '../helpers/two-prices.js';

async function fixture() {
  const { dir } = await twoPrices(
    'sweep',
    `name: sweep
horizon: { start: 2027-01, months: 1 }
workloads:
  - { id: w, model: m, sessions_per_month: 500k, turns_per_session: 1, tokens_per_call: { input: 1k, output: 0 } }
${TWO_OPTIONS}one_time:
  - { id: setup, options: [b], month: 2027-01, amount: 1000 }
`,
  );
  return dir;
}

describe('cloudtco sweep', () => {
  it('prices each point and finds the crossover to the unit of the input', async () => {
    const dir = await fixture();
    const result = await runCli(['sweep', path.join(dir, 'scenario.yaml'), '--catalog', dir, '--vary', 'workloads.0.sessions_per_month=0..2M:500k', '--format', 'json']);
    expect(result.stderr).toBe('');
    const json = JSON.parse(result.stdout);
    // a: 0.003 a session; b: 1 000 + 0.002 a session
    const at = (sessions: string) => ({ 'workloads.0.sessions_per_month': sessions });
    expect(json.points).toEqual([
      { values: at('0'), totals: { a: '0', b: '1000' }, cheapest: 'a' },
      { values: at('500000'), totals: { a: '1500', b: '2000' }, cheapest: 'a' },
      { values: at('1000000'), totals: { a: '3000', b: '3000' }, cheapest: 'a' },
      { values: at('1500000'), totals: { a: '4500', b: '4000' }, cheapest: 'b' },
      { values: at('2000000'), totals: { a: '6000', b: '5000' }, cheapest: 'b' },
    ]);
    // at 1 000 001 sessions: a 3 000.003, b 1 000 + 2 000.002 = 3 000.002
    expect(json.crossovers).toEqual([{ at: at('1000001'), from: 'a', to: 'b' }]);
  });

  it('sweeps a second input too: the crossover moves with the one-time cost of b', async () => {
    const dir = await fixture();
    const result = await runCli(['sweep', path.join(dir, 'scenario.yaml'), '--catalog', dir, '--vary', 'workloads.0.sessions_per_month=0..3M:500k', '--vary', 'one_time.setup.amount=1000..2000:1000', '--format', 'json']);
    // b is even with a where 0.001 × sessions = the one-time cost: 1 000 000 and 2 000 000 sessions, cheaper one session on
    expect(JSON.parse(result.stdout).crossovers).toEqual([
      { at: { 'workloads.0.sessions_per_month': '1000001', 'one_time.setup.amount': '1000' }, from: 'a', to: 'b' },
      { at: { 'workloads.0.sessions_per_month': '2000001', 'one_time.setup.amount': '2000' }, from: 'a', to: 'b' },
    ]);
  });

  it('sweeps shares in basis points, and refuses a malformed --vary', async () => {
    const dir = await fixture();
    const table = await runCli(['sweep', path.join(dir, 'scenario.yaml'), '--catalog', dir, '--vary', 'workloads.0.growth=0%..10%:5%']);
    expect(table.stdout).toContain('The cheapest option is the same at every point.');
    expect(table.stdout).toMatch(/\n│\s+5% │/);
    // durations in days, as the field writes them
    const days = await runCli(['sweep', 'scenarios/multi-cloud-agent.yaml', '--vary', 'workloads.0.state.retention=1d..2w:7d', '--format', 'csv']);
    expect(days.stdout.split('\r\n').slice(1, 4).map((row) => row.split(',')[0])).toEqual(['1d', '8d', '']);
    const bad = await runCli(['sweep', path.join(dir, 'scenario.yaml'), '--catalog', dir, '--vary', 'workloads.0.growth=10%']);
    expect([bad.code, bad.stderr]).toEqual([2, 'error: --vary: expected path=from..to:step, like workloads.0.growth=1%..10%:1%, got "workloads.0.growth=10%"\n']);
    const many = await runCli(['sweep', path.join(dir, 'scenario.yaml'), '--catalog', dir, '--vary', 'workloads.0.sessions_per_month=0..1M:1']);
    expect(many.stderr).toBe('error: --vary: 1000001 points; a sweep takes at most 1000\n');
  });
});
