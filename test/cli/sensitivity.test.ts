/**
 * Sensitivity against a hand calculation. Option a costs 0.003 a session (3 per 1M input
 * tokens, 1 000 tokens a session); b 0.002 a session and a one-time amount. Sessions triangular
 * [500 000, 1 500 000, 2 000 000]; the one-time amount uniform [500, 1 500], read at its mean
 * 1 000. At the mode: a 4 500, b 4 000; b is the cheapest and the gap a − b is 500.
 */
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/run-cli.js';
import { TWO_OPTIONS, twoPrices } from '../helpers/two-prices.js';

function fixture() {
  return twoPrices(
    'sensitivity',
    `name: sensitivity
horizon: { start: 2027-01, months: 1 }
workloads:
  - { id: w, model: m, sessions_per_month: { triangular: [500k, 1.5M, 2M] }, turns_per_session: 1, tokens_per_call: { input: 1k, output: 0 } }
${TWO_OPTIONS}one_time:
  - { id: setup, options: [b], month: 2027-01, amount: { uniform: [500, 1500] } }
`,
  );
}

describe('cloudtco sensitivity', () => {
  it('moves each input to its ends and ranks them by how far they move the gap', async () => {
    const { dir, scenario } = await fixture();
    const result = await runCli(['sensitivity', scenario, '--catalog', dir, '--format', 'json']);
    expect(result.stderr).toBe('');
    const json = JSON.parse(result.stdout);
    expect([json.point, json.pair]).toEqual([{ a: '4500', b: '4000' }, { cheapest: 'b', runnerUp: 'a' }]);
    expect(json.factors).toEqual([
      {
        // 500 000 sessions: a 1 500, b 1 000 + 1 000 = 2 000, gap −500; 2 000 000: a 6 000, b 5 000, gap 1 000
        name: 'workloads[0].sessions_per_month',
        inputs: [{ path: 'workloads.0.sessions_per_month', low: '500000', high: '2000000' }],
        low: { a: '1500', b: '2000' },
        high: { a: '6000', b: '5000' },
        swings: { a: '4500', b: '3000' },
        gap: { low: '-500', high: '1000', swing: '1500' },
      },
      {
        // one-time 500: b 3 500, gap 1 000; 1 500: b 4 500, gap 0
        name: 'one_time[0].amount',
        inputs: [{ path: 'one_time.0.amount', low: '500', high: '1500' }],
        low: { a: '4500', b: '3500' },
        high: { a: '4500', b: '4500' },
        swings: { a: '0', b: '1000' },
        gap: { low: '1000', high: '0', swing: '1000' },
      },
    ]);
  });

  it('draws the tornado in the table, and writes two CSV rows a factor', async () => {
    const { dir, scenario } = await fixture();
    // the tornado is for a terminal: piped, or with --no-chart, the table stands alone
    expect((await runCli(['sensitivity', scenario, '--catalog', dir])).stdout).not.toContain('Tornado');
    expect((await runCli(['sensitivity', scenario, '--catalog', dir, '--no-chart'], { isTTY: true })).stdout).not.toContain('Tornado');
    const table = await runCli(['sensitivity', scenario, '--catalog', dir, '--no-color'], { isTTY: true });
    expect(table.stdout).toContain('Tornado of the gap a − b');
    // the gap runs from −500 to 1 000 (1 500 over 40 cells): the mode's 500 sits at cell 26
    const bars = table.stdout.split('\n').filter((l) => l.includes('│') && l.includes('…') && !l.startsWith('│'));
    expect(bars).toHaveLength(2);
    expect(bars[0]!.indexOf('│') - bars[0]!.indexOf('▒')).toBe(26);
    const csv = await runCli(['sensitivity', scenario, '--catalog', dir, '--format', 'csv']);
    expect(csv.stdout.split('\r\n').slice(0, 3)).toEqual([
      'rank,factor,end,values,a,b,gap,currency',
      '1,workloads[0].sessions_per_month,low,workloads.0.sessions_per_month=500000,1500,2000,-500,USD',
      '1,workloads[0].sessions_per_month,high,workloads.0.sessions_per_month=2000000,6000,5000,1000,USD',
    ]);
  });

  it('moves the inputs of one driver together, and says so when there is nothing to move', async () => {
    const { dir, scenario } = await fixture();
    const driven = await runCli(['sensitivity', scenario, '--catalog', dir, '--format', 'json', '--set', 'workloads.0.sessions_per_month={ triangular: [500k, 1.5M, 2M], driver: d }', '--set', 'one_time.0.amount={ uniform: [500, 1500], driver: d }']);
    const json = JSON.parse(driven.stdout);
    // low: a 1 500, b 500 + 1 000 = 1 500; high: a 6 000, b 1 500 + 4 000 = 5 500
    expect(json.factors.map((f: { name: string; low: unknown; high: unknown }) => [f.name, f.low, f.high])).toEqual([['driver d', { a: '1500', b: '1500' }, { a: '6000', b: '5500' }]]);
    const none = await runCli(['sensitivity', scenario, '--catalog', dir, '--set', 'workloads.0.sessions_per_month=1M', '--set', 'one_time.0.amount=1000']);
    expect(none.code).toBe(2);
    expect(none.stderr).toMatch(/no input is given as a range/);
  });
});
