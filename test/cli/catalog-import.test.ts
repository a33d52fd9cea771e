import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { TABLES } from '../../src/io/catalog-dir.js';
import { parseTable } from '../../src/io/csv-table.js';
import { dec } from '../../src/model/money.js';
import { REPO } from '../helpers/fixtures.js';
import { runCli } from '../helpers/run-cli.js';

const FIXTURE = 'test/fixtures/litellm/model_prices_and_context_window.json';

async function importFixture(file = FIXTURE, extra: string[] = []) {
  const dir = await mkdtemp(path.join(tmpdir(), 'cloudtco-import-'));
  const out = path.join(dir, 'models.csv');
  const result = await runCli(['catalog', 'import', 'litellm', file, '--out', out, '--as-of', '2026-07-24', ...extra]);
  return { result, out, dir, csv: result.code === 0 ? await readFile(out, 'utf8') : '' };
}

describe('cloudtco catalog import litellm', () => {
  it('round-trips the fixture: every imported price is its entry’s per-token price × 1 000 000', async () => {
    const { result, csv } = await importFixture();
    expect(result.code).toBe(0);
    const fixture = JSON.parse(await readFile(path.join(REPO, FIXTURE), 'utf8')) as Record<string, Record<string, number>>;
    const rows = parse(csv, { columns: true }) as Record<string, string>[];
    const suffix = { standard: '', batch: '_batches', flex: '_flex', priority: '_priority' } as Record<string, string>;
    for (const row of rows) {
      const key = row.note!.match(/^LiteLLM key (\S+?)(;|$)/)![1]!;
      const entry = fixture[key]!;
      const perMillion = (field: string) => (entry[field] === undefined ? '' : dec(String(entry[field])).times(1_000_000).toFixed());
      const s = suffix[row.tier!]!;
      expect([row.input, row.cached_input, row.output], `${key} ${row.tier}`).toEqual([perMillion(`input_cost_per_token${s}`), perMillion(`cache_read_input_token_cost${s}`), perMillion(`output_cost_per_token${s}`)]);
      expect(row.source).toBe('https://github.com/BerriAI/litellm/blob/main/model_prices_and_context_window.json');
      expect(row.as_of).toBe('2026-07-24');
    }
    // and the file loads as a catalog table without a problem
    expect(parseTable(TABLES.models, csv, 'imported.csv').problems).toEqual([]);
  });

  it('maps channels to clouds, deployments and tiers', async () => {
    const rows = parse((await importFixture()).csv, { columns: true }) as Record<string, string>[];
    const find = (cloud: string, deployment: string, tier: string, model: string) =>
      rows.filter((r) => r.cloud === cloud && r.deployment === deployment && r.tier === tier && r.model === model).map((r) => [r.region, r.input, r.cached_input, r.output]);
    // worked out from the entries: 5e-06 → 5, 5e-07 → 0.5, 3e-05 → 30; batches 2.5e-06 → 2.5, 1.5e-05 → 15
    expect(find('openai', 'global', 'standard', 'gpt-5.5')).toEqual([['*', '5', '0.5', '30']]);
    expect(find('openai', 'global', 'batch', 'gpt-5.5')).toEqual([['*', '2.5', '', '15']]);
    expect(find('azure', 'data-zone', 'standard', 'gpt-5.5')).toEqual([['*', '5.5', '0.55', '33']]);
    expect(find('aws', 'in-region', 'standard', 'gpt-5.5')).toEqual([['*', '5.5', '0.55', '33']]);
    expect(find('aws', 'in-region', 'standard', 'gpt-oss-120b')).toEqual([['*', '0.15', '', '0.6']]);
    expect(find('aws', 'geo-us', 'standard', 'claude-sonnet-4-6')).toEqual([['*', '3.3', '0.33', '16.5']]);
    expect(find('gcp', 'global', 'standard', 'gpt-oss-120b')).toEqual([['*', '0.15', '', '0.6']]);
    expect(find('anthropic', 'global', 'standard', 'claude-opus-4-7')).toEqual([['*', '5', '0.5', '25']]);
    // azure/gpt-5.5 and azure_ai/gpt-5.5 price the same key alike: one row, both named
    expect(rows.filter((r) => r.note!.includes('azure_ai/gpt-5.5')).map((r) => r.note)).toEqual([
      'LiteLLM key azure/gpt-5.5; LiteLLM azure/ keys are usually Global Standard; same as azure_ai/gpt-5.5',
      'LiteLLM key azure/gpt-5.5; LiteLLM azure/ keys are usually Global Standard; same as azure_ai/gpt-5.5',
    ]);
  });

  it('counts and lists what it cannot map, with the reason', async () => {
    const unmappedFile = path.join(await mkdtemp(path.join(tmpdir(), 'cloudtco-unmapped-')), 'unmapped.csv');
    const { result } = await importFixture(FIXTURE, ['--unmapped', unmappedFile]);
    // 34 entries: 33 map (azure_ai/gpt-5.5 into azure/gpt-5.5's rows), gemini/… (Google AI Studio) does not
    expect(result.stderr).toMatch(/^Imported 58 prices from 33 of 34 entries into .*models\.csv\.\n1 entries not mapped \(all of them in .*unmapped\.csv\):\n  1 × channel "gemini" is not a cloud cloudtco prices: gemini\/gemini-2\.5-pro\n$/);
    expect(await readFile(unmappedFile, 'utf8')).toBe('key,reason\ngemini/gemini-2.5-pro,"channel ""gemini"" is not a cloud cloudtco prices"\n');
  });

  it('keeps every digit of a price, where a float would not', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'cloudtco-import-'));
    const file = path.join(dir, 'prices.json');
    await writeFile(file, '{ "o-precise": { "litellm_provider": "openai", "mode": "chat", "input_cost_per_token": 1.23456789012345678901e-06, "output_cost_per_token": 3e-05 },\n  "text-embedding-3-small": { "litellm_provider": "openai", "mode": "embedding", "input_cost_per_token": 2e-08 } }\n');
    const { result, csv } = await importFixture(file);
    expect(result.code).toBe(0);
    // 1.23456789012345678901e-06 × 10^6 = 1.23456789012345678901 (as a JS number: 1.2345678901234568)
    expect((parse(csv, { columns: true }) as Record<string, string>[]).map((r) => [r.model, r.input, r.output])).toEqual([['o-precise', '1.23456789012345678901', '30']]);
    expect(result.stderr).toContain('1 × mode embedding: not priced per chat token: text-embedding-3-small');
  });

  it('never writes a price the catalog could not read back: huge, tiny or overlong prices are listed, not written as Infinity', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'cloudtco-import-'));
    const file = path.join(dir, 'prices.json');
    const entry = (input: string) => `{ "litellm_provider": "openai", "mode": "chat", "input_cost_per_token": ${input}, "output_cost_per_token": 3e-05 }`;
    await writeFile(file, `{ "ok": ${entry('2e-06')}, "huge": ${entry('1e99999999999999999')}, "big": ${entry('1e400')}, "tiny": ${entry('1e-30')}, "long": ${entry(`0.${'1'.repeat(40)}`)} }\n`);
    const { result, csv } = await importFixture(file);
    expect(result.code).toBe(0);
    // only "ok" is written: 2e-06 × 10^6 = 2
    expect(csv).not.toContain('Infinity');
    expect((parse(csv, { columns: true }) as Record<string, string>[]).map((r) => [r.model, r.input])).toEqual([['ok', '2']]);
    expect(result.stderr).toContain('4 entries not mapped');
    expect(result.stderr).toContain('input_cost_per_token "1e99999999999999999" is outside the prices a catalog can hold: huge');
    expect(result.stderr).toContain('input_cost_per_token "1e400" is outside the prices a catalog can hold: big');
    expect(result.stderr).toContain('input_cost_per_token "1e-30" is outside the prices a catalog can hold: tiny');
    expect(parseTable(TABLES.models, csv, 'imported.csv').problems).toEqual([]);
  });

  it('reports a file that is not a price map', async () => {
    const result = await runCli(['catalog', 'import', 'litellm', 'scenarios/support-agents.yaml', '--out', '/tmp/x.csv']);
    expect(result).toEqual({
      code: 2,
      stdout: '',
      stderr: 'scenarios/support-agents.yaml: none of its 4 entries is a LiteLLM token price (no litellm_provider); expected model_prices_and_context_window.json\n',
    });
    const other = await runCli(['catalog', 'import', 'tokencost', FIXTURE, '--out', '/tmp/x.csv']);
    expect(other).toEqual({ code: 2, stdout: '', stderr: 'error: cannot import "tokencost": the formats are litellm, azure-retail, aws-pricelist\n' });
  });
});

describe('cloudtco catalog import azure-retail and aws-pricelist', () => {
  const FEEDS = 'test/fixtures/price-feeds';

  it('writes the Azure pages as a catalog directory that layers over the bundled one', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'cloudtco-feed-'));
    const out = path.join(dir, 'azure');
    const result = await runCli(['catalog', 'import', 'azure-retail', `${FEEDS}/azure/foundry-gpt-5.5-2026-05-01.json`, `${FEEDS}/azure/ptu-cosmos-blob-eastus.json`, '--out', out, '--as-of', '2026-12-03', '--unmapped', path.join(dir, 'unmapped.csv')]);
    expect(result.code).toBe(0);
    expect(result.stderr).toMatch(/^Imported 38 meters into .*azure: models.csv \(1 rows\), provisioned.csv \(2 rows\), services.csv \(2 rows\)\.\n/);
    const models = parse(await readFile(path.join(out, 'models.csv'), 'utf8'), { columns: true }) as Record<string, string>[];
    // the fixture's '5.5 ShortCo inp Gl' 5.0, 'cd inp Gl' 0.5 and 'opt Gl' 30.0, each alike wherever listed
    expect(models.map((r) => [r.cloud, r.region, r.deployment, r.tier, r.model, r.input, r.cached_input, r.output, r.effective_from, r.source, r.as_of])).toEqual([
      ['azure', '*', 'global', 'standard', 'gpt-5.5', '5', '0.5', '30', '2026-05-01', 'https://prices.azure.com/api/retail/prices', '2026-12-03'],
    ]);
    const units = parse(await readFile(path.join(out, 'provisioned.csv'), 'utf8'), { columns: true }) as Record<string, string>[];
    expect(units.map((r) => [r.region, r.deployment, r.term, r.price])).toEqual([
      ['*', 'global', 'month', '260'],
      ['*', 'global', 'year', '2652'],
    ]);
    const unmapped = parse(await readFile(path.join(dir, 'unmapped.csv'), 'utf8'), { columns: true }) as Record<string, string>[];
    expect(unmapped.some((u) => u.reason === 'service "Storage": not a meter cloudtco maps')).toBe(true);
    const layered = await runCli(['validate', 'scenarios/support-agents.yaml', '--catalog', '@bundled', '--catalog', out]);
    expect([layered.code, layered.stderr]).toEqual([0, '']);
  });

  it('writes the AWS Price List records as catalog tables', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'cloudtco-feed-'));
    const result = await runCli(['catalog', 'import', 'aws-pricelist', `${FEEDS}/aws/bedrock-fm-getproducts-claude-sonnet-4-6-use1.json`, '--out', dir, '--as-of', '2026-12-03']);
    expect(result.code).toBe(0);
    const models = parse(await readFile(path.join(dir, 'models.csv'), 'utf8'), { columns: true }) as Record<string, string>[];
    expect(models.find((r) => r.deployment === 'in-region' && r.tier === 'standard')).toMatchObject({ cloud: 'aws', region: 'us-east-1', model: 'claude-sonnet-4-6', input: '3.3', cache_write: '4.125', cache_write_1h: '6.6', output: '16.5' });
  });

  it('says what it needs: files or --fetch, one kind it knows, a feed of the right shape', async () => {
    const none = await runCli(['catalog', 'import', 'azure-retail', '--out', '/tmp/x']);
    expect([none.code, none.stderr]).toEqual([2, "error: catalog import azure-retail needs the feed's files, or --fetch to download it\n"]);
    const both = await runCli(['catalog', 'import', 'aws-pricelist', `${FEEDS}/aws/bedrock-fm-getproducts-claude-sonnet-4-6-use1.json`, '--fetch', '--out', '/tmp/x']);
    expect([both.code, both.stderr]).toEqual([2, 'error: --fetch downloads the feed: give it no files\n']);
    const kind = await runCli(['catalog', 'import', 'gcp-billing', 'x.json', '--out', '/tmp/x']);
    expect(kind.stderr).toBe('error: cannot import "gcp-billing": the formats are litellm, azure-retail, aws-pricelist\n');
    const shape = await runCli(['catalog', 'import', 'azure-retail', `${FEEDS}/aws/bedrock-fm-getproducts-claude-sonnet-4-6-use1.json`, '--out', '/tmp/x']);
    expect(shape.stderr).toBe(`${FEEDS}/aws/bedrock-fm-getproducts-claude-sonnet-4-6-use1.json:1:1: expected a page of the Azure Retail Prices API: { "BillingCurrency", "Items": [...], "NextPageLink" }\n`);
    const dir = await mkdtemp(path.join(tmpdir(), 'cloudtco-feed-'));
    await writeFile(path.join(dir, 'taken'), '');
    const file = await runCli(['catalog', 'import', 'aws-pricelist', `${FEEDS}/aws/bedrock-fm-getproducts-claude-sonnet-4-6-use1.json`, '--out', path.join(dir, 'taken')]);
    expect([file.code, file.stderr]).toEqual([2, `${path.join(dir, 'taken')}: cannot write into it: it is a file, not a directory\n`]);
    const deep = await runCli(['catalog', 'import', 'aws-pricelist', `${FEEDS}/aws/bedrock-fm-getproducts-claude-sonnet-4-6-use1.json`, '--out', path.join(dir, 'no', 'such')]);
    expect([deep.code, deep.stderr]).toEqual([2, `${path.join(dir, 'no', 'such')}: cannot write into it: its parent directory does not exist\n`]);
    // a meter name with terminal control characters is shown escaped, never raw
    const page = { BillingCurrency: 'USD', Items: [{ retailPrice: '1.0', armRegionName: 'eastus', effectiveStartDate: '2026-05-01', meterName: '5.5 ShortCo \u001b[31mEVIL\u0007 Gl 1M Tokens', serviceName: 'Foundry Models', unitOfMeasure: '1M', type: 'Consumption', currencyCode: 'USD' }] };
    await writeFile(path.join(dir, 'page.json'), JSON.stringify(page));
    const hostile = await runCli(['catalog', 'import', 'azure-retail', path.join(dir, 'page.json'), '--out', path.join(dir, 'out')]);
    expect([hostile.code, hostile.stderr]).toEqual([2, 'error: none of the 1 meters is a price cloudtco maps (unknown word "\\x1b[31mevil\\x07" in the meter name)\n']);
    const aws = await runCli(['catalog', 'import', 'aws-pricelist', `${FEEDS}/azure/vm-reservation-page.json`, '--out', '/tmp/x']);
    expect(aws.stderr).toBe(`${FEEDS}/azure/vm-reservation-page.json:1:1: expected an AWS Price List offer file (products, terms) or aws pricing get-products output (PriceList)\n`);
  });
});
