/**
 * The bundled example with ranges. At the modes, the three options buy the same tokens:
 * Bedrock at 1.1 × the Azure Global and OpenAI prices (5.50 vs 5 per 1M input for gpt-5.5,
 * 2.75 vs 2.50 for gpt-5.4, pricing-data/models.csv), Azure with the migration's mode 450 000
 * once, OpenAI direct with the PERT's mode 500 000; the expected price cut (−15 % at its mode,
 * from 2028) is on every cloud alike. So, exactly:
 *   stay-on-bedrock = 1.1 × (azure-global − 450 000),  openai-direct = azure-global + 50 000.
 * simulate, sensitivity and sweep print what the golden files hold (seeded: the same every run).
 */
import { describe, expect, it } from 'vitest';
import { dec } from '../../src/model/money.js';
import { runCli } from '../helpers/run-cli.js';

const FILE = 'scenarios/uncertain-demand.yaml';

describe('scenarios/uncertain-demand.yaml', () => {
  it('prices every range at its mode or mean, the options related as their prices are', async () => {
    const json = JSON.parse((await runCli(['compare', FILE, '--format', 'json'])).stdout);
    const total = (id: string) => dec(json.options.find((o: { id: string }) => o.id === id).total);
    expect(total('stay-on-bedrock').toFixed()).toBe(total('azure-global').minus(450000).times('1.1').toFixed());
    expect(total('openai-direct').toFixed()).toBe(total('azure-global').plus(50000).toFixed());
    expect(json.pointValues).toHaveLength(11);
  });

  it('simulates on the fast path, the same for a seed on one thread or two', async () => {
    const run = (workers: string) => runCli(['simulate', FILE, '--trials', '2000', '--seed', '42', '--workers', workers]);
    const one = await run('1');
    expect(one.stderr).toBe('');
    expect((await run('2')).stdout).toBe(one.stdout);
    await expect(one.stdout).toMatchFileSnapshot('golden/uncertain-demand-simulate.txt');
  });

  it('ranks the migrations first in the tornado: token prices move the two cheapest alike', async () => {
    // as a terminal shows it, tornado and all (piped output has the table alone)
    const result = await runCli(['sensitivity', FILE, '--no-color'], { isTTY: true });
    await expect(result.stdout).toMatchFileSnapshot('golden/uncertain-demand-sensitivity.txt');
    const json = JSON.parse((await runCli(['sensitivity', FILE, '--format', 'json'])).stdout);
    expect(json.pair).toEqual({ cheapest: 'azure-global', runnerUp: 'openai-direct' });
    // Azure's and OpenAI's token prices are equal: only the two migration estimates move their gap
    expect(json.factors.slice(0, 2).map((f: { name: string }) => f.name)).toEqual(['one_time[1].amount', 'one_time[0].amount']);
    for (const f of json.factors.slice(2)) expect(f.gap.swing).toBe('0');
  });
});
