/**
 * The Azure LLM inference trace (scenarios/usage, 8 819 real requests of 2023-11-16) replayed as
 * gpt-5.5 at the multi-cloud example's options, at the prices of 2026-12-01, against a
 * calculation made here from the file alone:
 *
 *   Σ ContextTokens = 18 059 974 input tokens, Σ GeneratedTokens = 245 896 output tokens
 *   (no prompt near gpt-5.5's 272k long-context threshold: the longest is 7 437)
 *
 *   Azure Global (models.csv:8) and OpenAI (models.csv:2), 5.00 / 30.00 per 1M:
 *     18 059 974 × 5 / 10^6 = 90.29987;  245 896 × 30 / 10^6 = 7.37688;  total 97.67675
 *   Bedrock us-east-2 in-region (models.csv:17), 5.50 / 33.00 per 1M:
 *     18 059 974 × 5.5 / 10^6 = 99.329857;  245 896 × 33 / 10^6 = 8.114568;  total 107.444425
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { Decimal } from '../../src/model/money.js';
import { REPO } from '../helpers/fixtures.js';
import { runCli } from '../helpers/run-cli.js';

const TRACE = 'scenarios/usage/azure-llm-inference-trace-2023-code.csv';

describe('replaying the Azure trace on three clouds', () => {
  it('matches the sums and prices worked out from the file', async () => {
    const rows = readFileSync(path.join(REPO, TRACE), 'utf8').trim().split(/\r?\n/).slice(1).map((line) => line.split(','));
    const input = rows.reduce((sum, r) => sum + BigInt(r[1]!), 0n);
    const output = rows.reduce((sum, r) => sum + BigInt(r[2]!), 0n);
    expect([rows.length, input, output]).toEqual([8819, 18059974n, 245896n]);
    expect(Math.max(...rows.map((r) => Number(r[1])))).toBe(7437);
    const cost = (inPrice: string, outPrice: string) => new Decimal(input.toString()).times(inPrice).plus(new Decimal(output.toString()).times(outPrice)).div(1_000_000).toFixed();
    expect([cost('5', '30'), cost('5.5', '33')]).toEqual(['97.67675', '107.444425']);

    const result = await runCli(['replay', TRACE, '--preset', 'azure-trace', '--model', 'gpt-5.5', '--scenario', 'scenarios/multi-cloud-agent.yaml', '--prices-on', '2026-12-01', '--format', 'json', '--line-items']);
    expect(result.stderr).toBe('');
    const json = JSON.parse(result.stdout);
    expect(json.options.map((o: { id: string; total: string }) => [o.id, o.total])).toEqual([
      ['all-azure', '97.67675'],
      ['aws-runtime', '97.67675'],
      ['all-aws', '107.444425'],
      ['gcp-runtime', '97.67675'],
    ]);
    // cited rows: Azure Global, Bedrock Ohio, OpenAI
    const cited = json.options.map((o: { lineItems: { priceRef: string }[] }) => [...new Set(o.lineItems.map((i) => i.priceRef))]);
    expect(cited).toEqual([['pricing-data/models.csv:8'], ['pricing-data/models.csv:8'], ['pricing-data/models.csv:17'], ['pricing-data/models.csv:2']]);
    expect(json.replayed).toMatchObject({ records: 8819, requests: '8819', badRecords: 0, first: '2023-11-16T18:17:03.979Z', last: '2023-11-16T19:14:19.928Z' });
  });

  it('prints the table a pilot reads', async () => {
    const result = await runCli(['replay', TRACE, '--preset', 'azure-trace', '--model', 'gpt-5.5', '--option', 'openai=openai/global/global', '--option', 'azure=azure/eastus2/global', '--option', 'bedrock=aws/us-east-2/in-region', '--prices-on', '2026-12-01']);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('Replayed 8,819 requests from 1 file, 2023-11-16 18:17:03 to 2023-11-16 19:14:19 UTC; gpt-5.5');
    expect(result.stdout).toMatch(/Total\s+│\s+97\.68 │\s+97\.68 │\s+107\.44 │/);
  });

  it('calibrates a scenario that compares and simulates', async () => {
    // 8 819 requests from 18:17:03.979 to 19:14:19.928 (3 435 949 ms): (8 819 − 1) ÷ 3 435 949 ms
    // × 30.4375 days = 8 818 × 2 629 800 000 ÷ 3 435 949 = 6 749 103.78 requests a month, written 6 749 104;
    // input 18 059 974 ÷ 8 819 = 2 047.85, output 245 896 ÷ 8 819 = 27.88
    expect(Math.round((8818 * 2_629_800_000) / 3_435_949)).toBe(6749104);
    const dir = mkdtempSync(path.join(tmpdir(), 'cloudtco-calibrated-'));
    const out = path.join(dir, 'calibrated.yaml');
    const result = await runCli(['replay', TRACE, '--preset', 'azure-trace', '--model', 'gpt-5.5', '--scenario', 'scenarios/multi-cloud-agent.yaml', '--prices-on', '2026-12-01', '--emit-scenario', out, '--format', 'json']);
    expect(result.code).toBe(0);
    expect(result.stderr).toBe(`wrote ${out}: 1 workload calibrated\n`);
    const text = readFileSync(out, 'utf8');
    expect(text).toContain('horizon:\n  start: 2026-12\n  months: 12');
    expect(text).toContain(`  - id: gpt-5.5
    description: "calibrated: 8,819 requests in 57.3 minutes"
    model: gpt-5.5
    sessions_per_month: 6749104
    turns_per_session: 1
    calls_per_turn: 1
    tokens_per_call:
      input: { lognormal: { mean: 2048, sd: `);
    expect(text).toContain('# A support agent split across clouds'); // the scenario's own comments kept
    const compare = await runCli(['compare', out, '--format', 'json']);
    expect(compare.stderr).toBe('');
    const simulate = await runCli(['simulate', out, '--trials', '200', '--workers', '1', '--format', 'json']);
    expect(simulate.stderr).toBe('');
    // the calibrated month at the mode, at Azure Global's 5.00 / 30.00 per 1M, twelve months:
    const azure = JSON.parse(compare.stdout).options[0];
    expect([azure.byCategory['tokens.input'], azure.byCategory['tokens.output']]).toEqual([
      '829329.89952', // 6 749 104 × 2 048 × 5 ÷ 10^6 = 69 110.82496 a month, × 12
      '68030.96832', // 6 749 104 × 28 × 30 ÷ 10^6 = 5 669.24736 a month, × 12
    ]);
  });
});
