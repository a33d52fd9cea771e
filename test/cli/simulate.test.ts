/**
 * Simulations checked against what the draws must give. The fixture (as the sweep's): option a
 * costs 0.003 a session (3 per 1M input tokens, 1 000 tokens a session), b 0.002 a session and
 * 1 000 once. Sessions uniform on [0, 2 000 000]: a's total is uniform on [0, 6 000], median
 * 3 000; b is cheaper above 1 000 000 sessions, so each is the cheapest in half the trials.
 *
 * Tolerances come from the sample size: the sample median of n uniform draws on a range of
 * width w has a standard error of w ÷ (2√n); a share's is √(p(1 − p) ÷ n).
 */
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/run-cli.js';
import { TWO_OPTIONS, twoPrices } from '../helpers/two-prices.js';

function fixture(sessions = '{ uniform: [0, 2M] }') {
  return twoPrices(
    'simulate',
    `name: simulate
horizon: { start: 2027-01, months: 1 }
workloads:
  - { id: w, model: m, sessions_per_month: ${sessions}, turns_per_session: 1, tokens_per_call: { input: 1k, output: 0 } }
${TWO_OPTIONS}one_time:
  - { id: setup, options: [b], month: 2027-01, amount: 1000 }
`,
  );
}

describe('cloudtco simulate', () => {
  it('gives percentiles and the odds of being cheapest that the draws imply', async () => {
    const { dir, scenario } = await fixture();
    const n = 10000;
    const result = await runCli(['simulate', scenario, '--catalog', dir, '--trials', String(n), '--seed', '42', '--workers', '1', '--format', 'json']);
    expect(result.stderr).toBe('');
    const json = JSON.parse(result.stdout);
    expect(json.engine).toBe('fast');
    const [a, b] = json.options;
    // a's median: 3 000, standard error 6 000 ÷ (2 × 100) = 30; within 5 of them
    expect(Math.abs(Number(a.total.p50) - 3000)).toBeLessThan(5 * 30);
    // P5 and P95 of a uniform on [0, 6 000]: 300 and 5 700, standard error about √(0.05 × 0.95 ÷ n) × 6 000 = 13
    expect(Math.abs(Number(a.total.p5) - 300)).toBeLessThan(5 * 13);
    expect(Math.abs(Number(a.total.p95) - 5700)).toBeLessThan(5 * 13);
    // b = 1 000 + 2⁄3 of a, exactly, in every trial: so are its percentiles (to the cent)
    expect(Math.abs(Number(b.total.p50) - (1000 + (2 / 3) * Number(a.total.p50)))).toBeLessThanOrEqual(0.01);
    // each cheapest half the time; standard error √(0.25 ÷ n) = 0.005
    expect(Math.abs(a.cheapestShare - 0.5)).toBeLessThan(5 * 0.005);
    expect(a.cheapestTrials + b.cheapestTrials).toBe(n);
    expect(a.months).toHaveLength(1);
    expect(a.months[0].p50).toBe(a.total.p50);
  });

  it('gives the same numbers for a seed on any number of threads, and other numbers for another seed', async () => {
    const { dir, scenario } = await fixture();
    const run = (...more: string[]) => runCli(['simulate', scenario, '--catalog', dir, '--trials', '3001', '--format', 'csv', ...more]);
    const one = await run('--seed', '7', '--workers', '1');
    const three = await run('--seed', '7', '--workers', '3');
    expect(one.stderr + three.stderr).toBe('');
    expect(three.stdout).toBe(one.stdout);
    const raw1 = await run('--seed', '7', '--workers', '1', '--raw');
    const raw4 = await run('--seed', '7', '--workers', '4', '--raw');
    expect(raw4.stdout).toBe(raw1.stdout);
    expect((await run('--seed', '8', '--workers', '1')).stdout).not.toBe(one.stdout);
  });

  it('prices trials with the exact engine on request, agreeing with the fast path', async () => {
    const { dir, scenario } = await fixture();
    const run = (...more: string[]) => runCli(['simulate', scenario, '--catalog', dir, '--trials', '200', '--seed', '3', '--format', 'json', '--workers', '2', ...more]);
    const fast = JSON.parse((await run()).stdout);
    const exact = JSON.parse((await run('--exact')).stdout);
    expect([fast.engine, exact.engine, exact.engineReason]).toEqual(['fast', 'exact', '--exact']);
    expect(exact.options).toEqual(fast.options);
  });

  it('writes every trial with --raw: its drawn inputs as the scenario writes them, and each total', async () => {
    const { dir, scenario } = await fixture();
    const raw = await runCli(['simulate', scenario, '--catalog', dir, '--trials', '5', '--raw']);
    const lines = raw.stdout.trimEnd().split('\r\n');
    expect(lines[0]).toBe('trial,workloads.0.sessions_per_month,a,b,cheapest,currency');
    expect(lines).toHaveLength(6);
    for (const line of lines.slice(1)) {
      const [, sessions, a, b, cheapest] = line.split(',');
      // a = 0.003 × sessions, b = 1 000 + 0.002 × sessions, to the cent
      expect(Math.abs(Number(a) - 0.003 * Number(sessions))).toBeLessThanOrEqual(0.005);
      expect(Math.abs(Number(b) - (1000 + 0.002 * Number(sessions)))).toBeLessThanOrEqual(0.005);
      expect(cheapest).toBe(Number(a) <= Number(b) ? 'a' : 'b');
    }
  });

  it('draws a progress bar on a terminal\'s standard error only', async () => {
    const { dir, scenario } = await fixture();
    const tty = await runCli(['simulate', scenario, '--catalog', dir, '--trials', '600', '--workers', '1'], { stderrTTY: true });
    expect(tty.stderr).toContain('600 of 600 trials');
    expect(tty.stderr.endsWith('\r\u001b[K')).toBe(true);
    expect(tty.stdout).toContain('Priced on the fast path');
  });

  it('names the trial whose draws the scenario refuses (cached and cache-write shares above 100 %)', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'cloudtco-simulate-'));
    const scenario = path.join(dir, 'shares.yaml');
    await writeFile(
      scenario,
      `name: shares
horizon: { start: 2027-01, months: 1 }
workloads:
  - { id: w, model: claude-sonnet-4-6, sessions_per_month: 1k, turns_per_session: 1, tokens_per_call: { input: 1k, output: 0, cached_share: { uniform: [50%, 90%] }, cache_write_share: { uniform: [0%, 20%] } } }
options:
  - { id: a, model: { cloud: anthropic, region: global, deployment: global } }
`,
    );
    // the modes, 70 % and 10 %, are fine; some draws (90 % and 20 % at the ends) are not, so the fast path declines and the exact engine names the trial
    const result = await runCli(['simulate', scenario, '--trials', '200', '--workers', '1']);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^--set workloads\.0\.tokens_per_call\.cache_write_share=[\d.]+% workloads\[0\]\.tokens_per_call\.cache_write_share: trial \d+ of seed 1 drew values the scenario refuses: cached_share and cache_write_share are shares of the same input and add up to more than 100%/);
  });

  it('refuses bad flags and a scenario without ranges, with exit 2', async () => {
    const { dir, scenario } = await fixture();
    const bad = async (...args: string[]) => {
      const r = await runCli(['simulate', scenario, '--catalog', dir, ...args]);
      return [r.code, r.stderr];
    };
    expect(await bad('--trials', '0')).toEqual([2, 'error: --trials: expected a whole number from 1 to 1,000,000, got "0"\n']);
    expect(await bad('--trials', '1e3')).toEqual([2, 'error: --trials: expected a whole number from 1 to 1,000,000, got "1e3"\n']);
    expect(await bad('--workers', '33')).toEqual([2, 'error: --workers: expected a whole number from 1 to 32, got "33"\n']);
    expect(await bad('--seed', '-1')).toEqual([2, 'error: --seed: expected a whole number from 0 to 4,294,967,295, got "-1"\n']);
    expect(await bad('--percentiles', '5,50,101')).toEqual([2, 'error: --percentiles: expected up to 20 different numbers from 0 to 100, separated by commas (5,50,95), got "5,50,101"\n']);
    expect(await bad('--percentiles', '50,50')).toEqual([2, 'error: --percentiles: expected up to 20 different numbers from 0 to 100, separated by commas (5,50,95), got "50,50"\n']);
    const fixed = await fixture('1M');
    const none = await runCli(['simulate', fixed.scenario, '--catalog', fixed.dir]);
    expect(none.code).toBe(2);
    expect(none.stderr).toMatch(/scenario\.yaml:1:1: no input is given as a range/);
  });
});
