/**
 * The 2026 Microsoft–OpenAI example: `cloudtco flows` splits each option's spend among the
 * parties, exactly, and the revenue share stops at its cap.
 */
import { describe, expect, it } from 'vitest';
import { dec, sum } from '../../src/model/money.js';
import { runCli } from '../helpers/run-cli.js';

const SCENARIO = 'scenarios/msft-openai-2026.yaml';

describe(SCENARIO, () => {
  it('prints the flows per cloud', async () => {
    const result = await runCli(['flows', SCENARIO]);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    await expect(result.stdout).toMatchFileSnapshot('golden/msft-openai-2026-flows.txt');
  });

  it('splits every option’s spend exactly, in every year', async () => {
    const json = JSON.parse((await runCli(['flows', SCENARIO, '--format', 'json'])).stdout);
    for (const option of json.options) {
      expect(sum(option.parties.map((p: { net: string }) => dec(p.net))).toFixed(), option.id).toBe(option.spend);
      for (const [i] of option.parties[0].byPeriod.entries()) {
        const year = option.parties.map((p: { byPeriod: { net: string }[] }) => dec(p.byPeriod[i]!.net));
        expect(sum(year).isNeg()).toBe(false);
      }
    }
  });

  it('keeps Microsoft’s share within the cap: 38B × 0.002 % = 760 000', async () => {
    const json = JSON.parse((await runCli(['flows', SCENARIO, '--format', 'json'])).stdout);
    const share = (id: string) => json.options.find((o: { id: string }) => o.id === id).flows.find((f: { term: string }) => f.term === 'openai-to-microsoft');
    expect(share('bedrock')).toMatchObject({ payer: 'openai', payee: 'microsoft', paid: '760000', cap: '760000' });
    expect(share('openai-direct')).toMatchObject({ paid: '760000', cap: '760000' });
    // on Azure, Microsoft keeps everything (100 % take): OpenAI receives nothing to share
    expect(share('azure')).toMatchObject({ paid: '0', capReachedIn: null });
    const azure = json.options.find((o: { id: string }) => o.id === 'azure');
    expect(azure.parties.map((p: { party: string }) => p.party)).toEqual(['microsoft']);
  });

  it('writes the flows as CSV, one row per option, year and party', async () => {
    const csv = (await runCli(['flows', SCENARIO, '--format', 'csv', '--by', 'year'])).stdout;
    expect(csv.split('\r\n')[0]).toBe('option,year,party,roles,billed,net,currency,catalog_sha256,prices_as_of_oldest,prices_as_of_newest,what_if,point_values');
    expect(csv).toContain('bedrock,2030,microsoft,partner,');
  });
});
