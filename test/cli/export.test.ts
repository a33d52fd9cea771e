/** `cloudtco export`: FOCUS-aligned CSV and JSON of every line item. */
import { spawn } from 'node:child_process';
import { mkdtemp, readdir, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { dec, sum } from '../../src/model/money.js';
import { REPO } from '../helpers/fixtures.js';
import { runCli } from '../helpers/run-cli.js';

type Row = Record<string, string | null>;

async function exportBoth(scenario: string): Promise<{ csv: string; json: { columns: string[]; rows: Row[] } }> {
  const csv = await runCli(['export', scenario, '--format', 'csv']);
  const json = await runCli(['export', scenario, '--format', 'json']);
  expect(csv.stderr + json.stderr).toBe('');
  return { csv: csv.stdout, json: JSON.parse(json.stdout) };
}

describe('cloudtco export', () => {
  it('writes the worked example as FOCUS-aligned CSV', async () => {
    const result = await runCli(['export', 'test/fixtures/worked-example/scenario.yaml', '--catalog', 'test/fixtures/worked-example/catalog']);
    expect(result.code).toBe(0);
    await expect(result.stdout).toMatchFileSnapshot('golden/export-worked-example.csv');
  });

  for (const scenario of ['scenarios/multi-cloud-agent.yaml', 'scenarios/edp-move-to-bedrock.yaml']) {
    it(`reads back from CSV exactly as the JSON export has it, and adds up to compare's totals: ${scenario}`, async () => {
      const { csv, json } = await exportBoth(scenario);
      const rows = parse(csv, { columns: true, record_delimiter: '\r\n' }) as Record<string, string>[];
      expect(Object.keys(rows[0]!)).toEqual(json.columns);
      // an empty field is null; no cell here is free text a spreadsheet could run, so none is escaped
      expect(rows).toEqual(json.rows.map((row) => Object.fromEntries(Object.entries(row).map(([k, v]) => [k, v ?? '']))));
      const totals = JSON.parse((await runCli(['compare', scenario, '--format', 'json'])).stdout).options;
      for (const option of totals) {
        const billed = sum(rows.filter((r) => r.x_Option === option.id).map((r) => dec(r.BilledCost!)));
        expect(billed.toFixed(), option.id).toBe(dec(option.total).toFixed());
      }
    });
  }

  it('follows FOCUS formats: UTC timestamps, plain decimals, quantity × unit price = cost', async () => {
    const { json } = await exportBoth('scenarios/multi-cloud-agent.yaml');
    for (const row of json.rows) {
      for (const column of ['BillingPeriodStart', 'BillingPeriodEnd', 'ChargePeriodStart', 'ChargePeriodEnd']) expect(row[column]).toMatch(/^\d{4}-\d{2}-01T00:00:00Z$/);
      for (const column of ['ConsumedQuantity', 'PricingQuantity', 'ListUnitPrice', 'ListCost', 'BilledCost', 'EffectiveCost']) {
        if (row[column] !== null) expect(row[column]).toMatch(/^-?\d+(\.\d+)?$/);
      }
      if (row.ListUnitPrice !== null) expect(dec(row.PricingQuantity!).times(row.ListUnitPrice!).eq(row.ListCost!), JSON.stringify(row)).toBe(true);
    }
    // tokens per 1M, as price lists show them: 6 528 000 000 tokens are 6 528 × 5.00 = 32 640
    expect(json.rows[0]).toMatchObject({ ConsumedQuantity: '6528000000', ConsumedUnit: 'Tokens', PricingQuantity: '6528', PricingUnit: '1000000 Tokens', ListUnitPrice: '5', BilledCost: '32640', ServiceCategory: 'AI and Machine Learning', ServiceProviderName: 'OpenAI', HostProviderName: 'Microsoft' });
    // a tiered meter has no one unit price: egress with a free allowance
    const egress = json.rows.filter((r) => r.x_Category === 'egress');
    expect(egress.some((r) => r.ListUnitPrice === null)).toBe(true);
  });

  it('neutralises text a spreadsheet would run, and leaves negative numbers as numbers', async () => {
    const csv = (await runCli(['export', 'test/fixtures/scenarios/formula-text.yaml'])).stdout;
    const rows = parse(csv, { columns: true }) as Record<string, string>[];
    const descriptions = rows.map((r) => r.ChargeDescription);
    expect(descriptions).toContain(`'=HYPERLINK("http://example.com","click")`);
    expect(descriptions).toContain(`'-2+3`);
    // 10 % off the month's 8.00 of tokens (1M input × 5.00/1M + 100 000 output × 30/1M)
    expect(rows.find((r) => r.x_Category === 'commitment.discount')!.BilledCost).toBe('-0.8');
  });

  it('quotes text with a separator a spreadsheet locale might split on', async () => {
    const csv = (await runCli(['export', 'test/fixtures/scenarios/formula-text.yaml', '--set', 'one_time.0.description=x;=1+2'])).stdout;
    expect(csv).toContain(',"x;=1+2",');
  });

  it('refuses --bom outside CSV', async () => {
    const result = await runCli(['export', 'test/fixtures/scenarios/formula-text.yaml', '--format', 'json', '--bom']);
    expect(result.stderr).toBe('error: --bom is for CSV, which Excel needs it to read as UTF-8; --format json has none\n');
    expect(result.code).toBe(2);
  });

  it('starts with a byte order mark for Excel with --bom', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'cloudtco-export-'));
    const out = path.join(dir, 'items.csv');
    expect((await runCli(['export', 'test/fixtures/scenarios/formula-text.yaml', '--bom', '--out', out])).code).toBe(0);
    const bytes = await readFile(out);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(bytes.subarray(3, 21).toString()).toBe('BillingPeriodStart');
  });

  it('leaves no partial file when the run is killed while writing', async () => {
    // a 50-year horizon: about 15 MB of CSV, long enough a write to interrupt
    const dir = await mkdtemp(path.join(tmpdir(), 'cloudtco-killed-'));
    const out = path.join(dir, 'items.csv');
    for (const signal of ['SIGTERM', 'SIGKILL'] as const) {
      const child = spawn(process.execPath, [path.join(REPO, 'bin/cloudtco.js'), 'export', 'scenarios/multi-cloud-agent.yaml', '--set', 'horizon.months=600', '--set', 'workloads.0.growth=0%', '--out', out], { cwd: REPO });
      const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
      let killedWhileWriting = false;
      for (let finished = false; !finished; ) {
        const temporary = (await readdir(dir)).some((f) => f.endsWith('.tmp'));
        if (temporary) {
          child.kill(signal);
          killedWhileWriting = true;
        }
        finished = killedWhileWriting || child.exitCode !== null;
        if (!finished) await new Promise((resolve) => setTimeout(resolve, 1));
      }
      await exited;
      const files = await readdir(dir);
      if (killedWhileWriting) {
        expect(files.filter((f) => f === 'items.csv'), signal).toEqual([]);
        // SIGTERM is caught and the temporary file removed; SIGKILL cannot be, but leaves it hidden
        if (signal === 'SIGTERM') expect(files).toEqual([]);
      } else {
        // the run finished first: then the file is whole
        expect((await readFile(out, 'utf8')).endsWith('\r\n')).toBe(true);
      }
    }
  }, 30_000);
});
