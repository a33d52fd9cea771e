import { mkdtemp, readdir, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { dec, sum } from '../../src/model/money.js';
import { WORKED_EXAMPLE } from '../fixtures/worked-example/expected.js';
import { runCli } from '../helpers/run-cli.js';

const WORKED = ['compare', 'test/fixtures/worked-example/scenario.yaml', '--catalog', 'test/fixtures/worked-example/catalog'];

describe('cloudtco compare', () => {
  it('prints options side by side with the cheapest marked', async () => {
    const result = await runCli(WORKED);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    await expect(result.stdout).toMatchFileSnapshot('golden/compare-table.txt');
  });

  it('adds a period breakdown with --by', async () => {
    const result = await runCli([...WORKED, '--by', 'month']);
    expect(result.code).toBe(0);
    await expect(result.stdout).toMatchFileSnapshot('golden/compare-by-month.txt');
  });

  it('gives JSON whose totals match the hand calculation and the sum of line items', async () => {
    const result = await runCli([...WORKED, '--format', 'json', '--by', 'quarter', '--line-items']);
    expect(result.code).toBe(0);
    const json = JSON.parse(result.stdout);
    expect(json.schemaVersion).toBe(1);
    expect(json.cheapest).toEqual(['vendor']);
    for (const option of json.options) {
      const expected = WORKED_EXAMPLE[option.id as keyof typeof WORKED_EXAMPLE];
      expect(option.total).toBe(expected.total);
      expect(option.byCategory).toEqual({ 'tokens.input': expected['tokens.input'], 'tokens.cached': expected['tokens.cached'], 'tokens.output': expected['tokens.output'] });
      expect(sum(option.lineItems.map((i: { cost: string }) => dec(i.cost))).toFixed()).toBe(option.total);
      expect(sum(option.byPeriod.map((p: { total: string }) => dec(p.total))).toFixed()).toBe(option.total);
    }
    // cloud − vendor = 15.892965 − 8.99675 = 6.896215; ÷ 8.99675 = 76.652…%
    expect(json.options[1].differenceFromCheapest).toEqual({ amount: '6.896215', percent: '76.65' });
    // 8.99675 ÷ 3 months = 2.99891666… → 2.9989166667
    expect(json.options[0].monthlyAverage).toBe('2.9989166667');
    await expect(result.stdout).toMatchFileSnapshot('golden/compare-by-quarter-line-items.json');
  });

  it('writes CSV that reads back to the same exact amounts', async () => {
    const result = await runCli([...WORKED, '--format', 'csv']);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('\r\n');
    await expect(result.stdout).toMatchFileSnapshot('golden/compare.csv');
    const rows = parse(result.stdout, { columns: true }) as Record<string, string>[];
    expect(rows.map((r) => [r.option, r.total, r.cheapest, r.difference])).toEqual([
      ['vendor', '8.99675', 'true', '0'],
      ['cloud', '15.892965', 'false', '6.896215'],
    ]);
  });

  it('writes one CSV row per option and period with --by', async () => {
    const result = await runCli([...WORKED, '--format', 'csv', '--by', 'quarter']);
    await expect(result.stdout).toMatchFileSnapshot('golden/compare-by-quarter.csv');
  });

  it('writes --out files whole, leaving no temporary file behind', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'cloudtco-'));
    const out = path.join(dir, 'report.json');
    const result = await runCli([...WORKED, '--format', 'json', '--out', out]);
    expect(result).toMatchObject({ code: 0, stdout: '' });
    expect(JSON.parse(await readFile(out, 'utf8')).options[0].total).toBe('8.99675');
    expect(await readdir(dir)).toEqual(['report.json']);
  });

  it('shares workload settings through YAML anchors and merge keys', async () => {
    const result = await runCli(['compare', 'test/fixtures/scenarios/shared-defaults.yaml', '--format', 'json']);
    expect(result.stderr).toBe('');
    // small: 1 000 sessions × 2 turns = 2 000 calls → 2M input at 5.00 + 200 000 output at 30.00 = 10 + 6 = 16
    // large: 10 000 × 4 = 40 000 calls → 40M input = 200, 4M output = 120 → 320; total 336
    expect(JSON.parse(result.stdout).options[0].total).toBe('336');
  });

  it('reports an --out path under a file as bad input', async () => {
    const result = await runCli([...WORKED, '--out', 'package.json/report.txt']);
    expect(result).toEqual({ code: 2, stdout: '', stderr: 'package.json/report.txt: cannot write: a part of the path is a file, not a directory\n' });
  });

  it('reports an --out directory that does not exist as bad input', async () => {
    const result = await runCli([...WORKED, '--out', 'no/such/dir/report.txt']);
    expect(result).toEqual({ code: 2, stdout: '', stderr: 'no/such/dir/report.txt: cannot write: its directory does not exist\n' });
  });
});

describe('colour', () => {
  const ansi = /\u001b\[/;

  it('colours a terminal', async () => {
    expect((await runCli(WORKED, { isTTY: true })).stdout).toMatch(ansi);
  });

  it.each([
    ['--no-color', [...WORKED, '--no-color'], {}],
    ['--no-color before the command', ['--no-color', ...WORKED], {}],
    ['NO_COLOR', WORKED, { NO_COLOR: '1' }],
  ])('is off with %s', async (_, args, env) => {
    expect((await runCli(args, { isTTY: true, env })).stdout).not.toMatch(ansi);
  });

  it('is off when stdout is not a terminal, unless FORCE_COLOR asks for it', async () => {
    expect((await runCli(WORKED)).stdout).not.toMatch(ansi);
    expect((await runCli(WORKED, { env: { FORCE_COLOR: '1' } })).stdout).toMatch(ansi);
    expect((await runCli(WORKED, { env: { NO_COLOR: '', FORCE_COLOR: '0' }, isTTY: true })).stdout).not.toMatch(ansi);
  });

  it('never colours JSON or CSV', async () => {
    expect((await runCli([...WORKED, '--format', 'json'], { isTTY: true })).stdout).not.toMatch(ansi);
  });
});

describe('several catalogs', () => {
  it('layers later catalogs over earlier ones by key and says which rows they replaced', async () => {
    const result = await runCli([...WORKED, '--catalog', 'test/fixtures/negotiated', '--format', 'json']);
    expect(result.stderr).toBe('');
    const json = JSON.parse(result.stdout);
    // "cloud" now pays the negotiated standard price, half the list 2.20/0.55/8.80 (batch stays at list):
    //   input  3 972 000 × 1.10 + 993 000 × 1.10  = 4.3692 + 1.0923  = 5.4615
    //   cached 1 324 000 × 0.275 + 331 000 × 0.275 = 0.3641 + 0.091025 = 0.455125
    //   output   529 600 × 4.40 + 132 400 × 4.40  = 2.33024 + 0.58256 = 2.9128
    //   total 8.829425, now below the vendor's 8.99675
    expect(json.options[1].total).toBe('8.829425');
    expect(json.cheapest).toEqual(['cloud']);
    expect(json.catalog.overridden).toEqual([
      {
        key: 'models azure/*/global/standard/demo-model',
        rows: ['test/fixtures/worked-example/catalog/models.csv:5'],
        by: ['test/fixtures/negotiated/models.csv:2'],
      },
    ]);
    expect(json.catalog.files).toEqual(['test/fixtures/worked-example/catalog/models.csv', 'test/fixtures/negotiated/models.csv']);
    expect(json.catalog.sha256).toMatch(/^[0-9a-f]{64}$/);
  });

  it('names the bundled catalog @bundled', async () => {
    const bundled = JSON.parse((await runCli(['compare', 'scenarios/support-agents.yaml', '--format', 'json'])).stdout);
    const named = JSON.parse((await runCli(['compare', 'scenarios/support-agents.yaml', '--format', 'json', '--catalog', '@bundled'])).stdout);
    expect(named.catalog).toEqual(bundled.catalog);
  });

  it('gives a different hash for different prices', async () => {
    const one = JSON.parse((await runCli([...WORKED, '--format', 'json'])).stdout).catalog.sha256;
    const two = JSON.parse((await runCli([...WORKED, '--catalog', 'test/fixtures/negotiated', '--format', 'json'])).stdout).catalog.sha256;
    expect(one).not.toBe(two);
  });
});

describe('cloudtco compare --set', () => {
  it('changes an assumption before the scenario is checked', async () => {
    // no batch share: the cloud option's tokens all at the standard 2.20/0.55/8.80 (see expected.ts)
    //   uncached (3 972 000 + 993 000) × 2.20/1M = 10.923; cached 1 655 000 × 0.55/1M = 0.91025;
    //   output (529 600 + 132 400) × 8.80/1M = 5.8256; total 17.65885
    const result = await runCli([...WORKED, '--set', 'workloads.helpdesk.batch_share=0%', '--format', 'json']);
    expect(result.stderr).toBe('');
    const cloud = JSON.parse(result.stdout).options.find((o: { id: string }) => o.id === 'cloud');
    expect(cloud.byCategory).toEqual({ 'tokens.input': '10.923', 'tokens.cached': '0.91025', 'tokens.output': '5.8256' });
    expect(cloud.total).toBe('17.65885');
  });

  it('credits a missing price to the --set that moved the option', async () => {
    const result = await runCli(['compare', 'scenarios/support-agents.yaml', '--set', 'options.aws-bedrock.model.region=eu-west-1']);
    expect(result.stderr.split('\n')[0]).toMatch(/^--set options\.aws-bedrock\.model\.region=eu-west-1 options\[2\]\.model: no price for aws\/eu-west-1\/in-region\/standard\/gpt-5\.5 in 2027-01/);
    expect(result.code).toBe(2);
  });

  it('reports a bad value at its path, credited to the --set that gave it', async () => {
    const result = await runCli([...WORKED, '--set', 'workloads[0].growth=fast', '--set', 'workloads.0.sesions_per_month=2k']);
    expect(result.stderr).toBe(
      [
        '--set workloads[0].growth=fast workloads[0].growth: expected a percentage like 4%, got "fast"',
        '--set workloads.0.sesions_per_month=2k workloads[0].sesions_per_month: unknown key (did you mean "sessions_per_month"?)',
        '',
      ].join('\n'),
    );
    expect(result.code).toBe(2);
  });
});

describe('cloudtco compare with a commitment the horizon cuts', () => {
  const CUT = 'test/fixtures/scenarios/cut-commitment.yaml';

  it('discounts every month, bills only the whole year’s shortfall, and says which year it left out', async () => {
    // 1 000 sessions × 100 000 tokens = 100M tokens a month × 5.00/1M = 500 a month, 9 000 over 18 months.
    // 10 % off: −50 a month, −900 in all. 2027 consumes 12 × 450 = 5 400 of the 10 000: 4 600 short.
    // 2028 ends after the horizon: discounted, not assessed.
    const json = JSON.parse((await runCli(['compare', CUT, '--format', 'json'])).stdout);
    expect(json.options[0].byCategory).toEqual({ 'tokens.input': '9000', 'commitment.discount': '-900', 'commitment.shortfall': '4600' });
    expect(json.unassessedCommitmentPeriods).toEqual([{ commitment: 'macc', from: '2028-01', to: '2028-12' }]);
    const table = (await runCli(['compare', CUT])).stdout;
    expect(table).toContain('Commitment periods the horizon cuts (macc 2028-01 to 2028-12): discounted, but their shortfall is not assessed');
  });

  it('says so in the flows report too, whose figures leave the same shortfall out', async () => {
    const json = JSON.parse((await runCli(['flows', CUT, '--format', 'json'])).stdout);
    expect(json.unassessedCommitmentPeriods).toEqual([{ commitment: 'macc', from: '2028-01', to: '2028-12' }]);
    expect((await runCli(['flows', CUT])).stdout).toContain('Commitment periods the horizon cuts (macc 2028-01 to 2028-12)');
  });
});
