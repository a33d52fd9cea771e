/**
 * Price changes by hand, on the two-price catalog (option a: 3 per 1M input tokens on OpenAI,
 * b: 2 per 1M on Azure), 1 000 000 sessions of 1 000 input tokens a month (1 000 000 000 tokens):
 *   a: January 3 000; February × 0.8 (openai −20 %) = 2 400; March × 0.8 × 0.5 (everyone −50 %) = 1 200 → 6 600
 *   b: January 2 000; February 2 000; March × 0.5 = 1 000 → 5 000
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/run-cli.js';
import { TWO_OPTIONS, twoPrices } from '../helpers/two-prices.js';

const scenario = (changes: string) => `name: changes
horizon: { start: 2027-01, months: 3 }
workloads:
  - { id: w, model: m, sessions_per_month: 1M, turns_per_session: 1, tokens_per_call: { input: 1k, output: 0 } }
${TWO_OPTIONS}price_changes:
${changes}`;

const CHANGES = `  - { id: cut, from: 2027-02, change: -20%, clouds: [openai] }
  - { id: all, from: 2027-03, change: -50% }
`;

describe('price_changes', () => {
  it('multiplies matching token prices from their month on, and line items cite them', async () => {
    const { dir, scenario: file } = await twoPrices('changes', scenario(CHANGES));
    const result = await runCli(['compare', file, '--catalog', dir, '--by', 'month', '--format', 'json', '--line-items']);
    expect(result.stderr).toBe('');
    const json = JSON.parse(result.stdout);
    const [a, b] = json.options;
    expect([a.total, b.total]).toEqual(['6600', '5000']);
    expect(a.lineItems.map((i: { period: string; cost: string; basis?: string }) => [i.period, i.cost, i.basis ?? null])).toEqual([
      ['2027-01', '3000', null],
      ['2027-02', '2400', 'price_changes[0] cut'],
      ['2027-03', '1200', 'price_changes[0] cut, price_changes[1] all'],
    ]);
  });

  it('refuses a change that changes nothing, an unknown model and a cut of more than 100 %', async () => {
    const { dir, scenario: file } = await twoPrices('changes', scenario(`  - { id: later, from: 2030-01, change: -20% }\n  - { id: typo, from: 2027-01, change: -5%, models: [n] }\n  - { id: free, from: 2027-01, change: -120% }\n`));
    const result = await runCli(['compare', file, '--catalog', dir]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/scenario\.yaml:\d+:\d+ price_changes\[2\]\.change: must be at least -100%, got -120%\n$/);
    const fixed = await runCli(['compare', file, '--catalog', dir, '--set', 'price_changes.free.change=-100%']);
    expect(fixed.stderr.split('\n').filter(Boolean).map((l) => l.replace(/^.*?:\d+:\d+ /, ''))).toEqual([
      'price_changes[0]: applies to no token price any option pays from 2030-01 on (check its from, clouds, models and tiers): a change that changes nothing is a mistake',
      'price_changes[1].models[0]: no catalog row prices model "n"',
    ]);
  });

  it('takes a range: simulate draws it (fast path and exact engine alike), sensitivity moves it', async () => {
    const { dir, scenario: file } = await twoPrices('changes', scenario(`  - { id: next-cut, from: 2027-02, change: { uniform: [-40%, 0%] }, clouds: [openai] }\n`));
    const run = async (...more: string[]) => JSON.parse((await runCli(['simulate', file, '--catalog', dir, '--trials', '50', '--workers', '1', '--format', 'json', ...more])).stdout);
    const simulated = await run();
    expect(simulated.engine).toBe('fast');
    expect((await run('--exact')).options).toEqual(simulated.options);
    // a: 3 000 + 2 × 3 000 × (1 + change): from 4 800 (−40 %) to 9 000; b 6 000 always
    for (const p of ['p5', 'p50', 'p95']) expect(Number(simulated.options[0].total[p])).toBeGreaterThanOrEqual(4800);
    expect(simulated.options[1].total.p50).toBe('6000.00');
    const sensitivity = JSON.parse((await runCli(['sensitivity', file, '--catalog', dir, '--format', 'json'])).stdout);
    // at the mean, −20 %: a 3 000 + 4 800 = 7 800; low −40 %: 6 600; high 0 %: 9 000
    expect(sensitivity.point).toEqual({ a: '7800', b: '6000' });
    expect([sensitivity.factors[0].low.a, sensitivity.factors[0].high.a]).toEqual(['6600', '9000']);
    expect(path.basename(file)).toBe('scenario.yaml');
  });
});
