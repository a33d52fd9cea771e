import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/run-cli.js';

const FIXTURE = ['--catalog', 'test/fixtures/worked-example/catalog'];

describe('cloudtco catalog list', () => {
  it('lists each model and where it is sold', async () => {
    const result = await runCli(['catalog', 'list', ...FIXTURE]);
    expect(result.code).toBe(0);
    await expect(result.stdout).toMatchFileSnapshot('golden/catalog-list.txt');
  });

  it('gives the same as JSON', async () => {
    const json = JSON.parse((await runCli(['catalog', 'list', ...FIXTURE, '--format', 'json'])).stdout);
    expect(json.models).toEqual([
      {
        model: 'demo-model',
        clouds: [
          { cloud: 'azure', deployments: ['global (standard, batch)'] },
          { cloud: 'openai', deployments: ['global (standard, batch)'] },
        ],
        rows: 5,
        newestAsOf: '2026-06-16',
      },
    ]);
  });
});

describe('cloudtco catalog show', () => {
  it("shows a model's prices side by side, the cheapest current standard price marked", async () => {
    const result = await runCli(['catalog', 'show', 'demo-model', ...FIXTURE]);
    expect(result.code).toBe(0);
    await expect(result.stdout).toMatchFileSnapshot('golden/catalog-show.txt');
  });

  it('lists gpt-5.5 on OpenAI direct, Azure global and data zone, and Bedrock, each with a source', async () => {
    const json = JSON.parse((await runCli(['catalog', 'show', 'gpt-5.5', '--format', 'json'])).stdout);
    const offers = json.prices.map((p: { cloud: string; deployment: string }) => `${p.cloud} ${p.deployment}`);
    expect(offers).toEqual(expect.arrayContaining(['openai global', 'azure global', 'azure data-zone', 'aws in-region']));
    for (const p of json.prices) {
      expect(p.source).toMatch(/^https:\/\//);
      expect(p.asOf).toMatch(/^\d{4}-\d\d-\d\d$/);
    }
    // the cheapest current standard input price is OpenAI's and Azure Global's 5.00, not Bedrock's 5.50
    const cheapest = json.prices.filter((p: { cheapest: { input: boolean } }) => p.cheapest.input).map((p: { cloud: string; input: string }) => [p.cloud, p.input]);
    expect(cheapest).toEqual(expect.arrayContaining([['azure', '5'], ['openai', '5']]));
    expect(cheapest.every(([, input]: [string, string]) => input === '5')).toBe(true);
  });

  it('suggests a model for a typo', async () => {
    const result = await runCli(['catalog', 'show', 'gtp-5.5']);
    expect(result).toEqual({ code: 2, stdout: '', stderr: 'error: no catalog row prices model "gtp-5.5" (did you mean "gpt-5.5"?); `cloudtco catalog models` lists them all\n' });
  });
});

describe('cloudtco catalog validate', () => {
  it('passes the bundled catalog', async () => {
    const result = await runCli(['catalog', 'validate']);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^pricing-data: 9 tables, \d+ rows, no problems\n$/);
  });

  it('reports every problem in every directory, exit 2', async () => {
    const result = await runCli(['catalog', 'validate', 'test/fixtures/worked-example/catalog', 'test/fixtures/bad-catalogs/field-count', 'test/fixtures/bad-catalogs/unknown-column']);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toBe(
      [
        'test/fixtures/bad-catalogs/field-count/models.csv:3: wrong number of fields; expected 14, got 11',
        'test/fixtures/bad-catalogs/unknown-column/models.csv:1 ouput: unknown column (did you mean "output"?)',
        '',
      ].join('\n'),
    );
  });

  it('rejects a price read in the future', async () => {
    const result = await runCli(['catalog', 'validate', 'test/fixtures/worked-example/catalog'], { today: '2026-06-01' });
    expect(result).toEqual({ code: 2, stdout: '', stderr: 'test/fixtures/worked-example/catalog/models.csv:3 as_of: is after today (2026-06-01); as_of is the date a price was read\n' });
  });
});

describe('cloudtco catalog show, long-context tiers and cache writes', () => {
  it('shows each tier with its threshold and write prices, and marks only ordinary prices cheapest', async () => {
    const result = await runCli(['catalog', 'show', 'gpt-5.5', '--format', 'json'], { today: '2026-12-03' });
    const prices = JSON.parse(result.stdout).prices as { cloud: string; deployment: string; tier: string; promptOver: string | null; input: string; cacheWrite: string | null; cheapest: { input: boolean } }[];
    const long = prices.find((p) => p.cloud === 'openai' && p.tier === 'standard' && p.promptOver === '272000')!;
    expect([long.input, long.cacheWrite, long.cheapest.input]).toEqual(['10', '10', false]);
    const ordinary = prices.find((p) => p.cloud === 'openai' && p.tier === 'standard' && p.promptOver === null)!;
    expect([ordinary.input, ordinary.cacheWrite, ordinary.cheapest.input]).toEqual(['5', '5', true]);
  });
});

describe('cloudtco catalog stale', () => {
  it('exits 1 and lists the rows older than the limit', async () => {
    // as_of 2026-05-01 is 37 days before 2026-06-07; 2026-06-16 is not yet older than 30 days
    const result = await runCli(['catalog', 'stale', '--max-age', '30d', ...FIXTURE], { today: '2026-06-07' });
    expect(result.code).toBe(1);
    await expect(result.stdout).toMatchFileSnapshot('golden/catalog-stale.txt');
  });

  it('exits 0 when nothing is older', async () => {
    const result = await runCli(['catalog', 'stale', '--max-age', '6w', ...FIXTURE], { today: '2026-06-07' });
    expect(result).toEqual({ code: 0, stdout: 'No row of the catalog is older than 42 days on 2026-06-07.\n', stderr: '' });
  });

  it('checks only the rows a scenario uses with --scenario', async () => {
    // the worked example uses every row of its catalog, so the same rows are stale
    const all = await runCli(['catalog', 'stale', '--max-age', '30d', '--format', 'json', ...FIXTURE], { today: '2026-06-07' });
    const used = await runCli(['catalog', 'stale', '--max-age', '30d', '--format', 'json', '--scenario', 'test/fixtures/worked-example/scenario.yaml', ...FIXTURE], { today: '2026-06-07' });
    expect(JSON.parse(used.stdout).stale).toEqual(JSON.parse(all.stdout).stale);
    const bundled = await runCli(['catalog', 'stale', '--max-age', '200d', '--format', 'json', '--scenario', 'scenarios/support-agents.yaml']);
    const rows = JSON.parse(bundled.stdout).stale.map((r: { row: string }) => r.row);
    expect(rows.every((row: string) => row.startsWith('pricing-data/models.csv:'))).toBe(true);
  });

  it('passes on the bundled catalog: every row read, or checked with a note, within 120 days of 2026-12-03', async () => {
    const result = await runCli(['catalog', 'stale', '--max-age', '120d'], { today: '2026-12-03' });
    expect(result).toEqual({ code: 0, stdout: 'No row of the catalog is older than 120 days on 2026-12-03.\n', stderr: '' });
  });

  it('ages a row from the later of as_of and checked, and wants a note saying why a checked figure holds', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'cloudtco-checked-'));
    const header = 'cloud,region,deployment,tier,model,input,cached_input,output,currency,effective_from,effective_to,source,as_of,checked,note';
    const row = (model: string, checked: string, note: string) => `openai,*,global,standard,${model},1,,2,USD,,,https://example.com/p,2026-01-01,${checked},${note}`;
    await writeFile(path.join(dir, 'models.csv'), `${header}\n${row('m', '2026-05-01', 'the vendor page still shows it')}\n`);
    // read 2026-01-01, checked 2026-05-01: 37 days before 2026-06-07, so not older than 40 days
    const fresh = await runCli(['catalog', 'stale', '--max-age', '40d', '--catalog', dir], { today: '2026-06-07' });
    expect(fresh.code).toBe(0);
    const old = await runCli(['catalog', 'stale', '--max-age', '30d', '--format', 'csv', '--catalog', dir], { today: '2026-06-07' });
    expect(old.stdout.split(/\r?\n/)[1]).toMatch(/models.csv:2,models openai\/\*\/global\/standard\/m,2026-01-01,2026-05-01,37$/);
    await writeFile(path.join(dir, 'models.csv'), `${header}\n${row('m', '2025-12-01', 'x')}\n${row('n', '2026-05-01', '')}\n`);
    const bad = await runCli(['catalog', 'validate', dir], { today: '2026-06-07' });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('models.csv:2 checked: 2025-12-01 is before as_of (2026-01-01); checked is a later date on which the figure was confirmed');
    expect(bad.stderr).toContain('models.csv:3 checked: a checked row needs a note saying why its figure still holds');
  });

  it('rejects a malformed --max-age', async () => {
    const result = await runCli(['catalog', 'stale', '--max-age', 'old']);
    expect(result).toEqual({ code: 2, stdout: '', stderr: 'error: --max-age: expected whole days or weeks like 120d or 8w, got "old"\n' });
  });
});
