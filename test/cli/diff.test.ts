/**
 * `cloudtco diff`. The worked example (expected.ts) without its 20 % batch share: the cloud
 * option pays the standard price for every token, 17.65885 instead of 15.892965 — a change of
 * +1.765885, +11.11 % (batch costs half: 0.8 + 0.2 × 0.5 = 0.9 of standard, and 1 ÷ 0.9 = 1.1111).
 */
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { dec } from '../../src/model/money.js';
import { runCli } from '../helpers/run-cli.js';

const SCENARIO = 'test/fixtures/worked-example/scenario.yaml';
const CATALOG = ['--catalog', 'test/fixtures/worked-example/catalog'];
const NO_BATCH = ['--set', 'workloads.helpdesk.batch_share=0%'];

async function savedResult(): Promise<string> {
  const file = path.join(await mkdtemp(path.join(tmpdir(), 'cloudtco-diff-')), 'main.json');
  await runCli(['compare', SCENARIO, ...CATALOG, '--format', 'json', '--out', file]);
  return file;
}

describe('cloudtco diff', () => {
  it('gives before, after, change and percent per option and category, from a saved result to a what-if', async () => {
    const result = await runCli(['diff', await savedResult(), SCENARIO, ...CATALOG, ...NO_BATCH, '--format', 'json']);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const cloud = JSON.parse(result.stdout).options.find((o: { id: string }) => o.id === 'cloud');
    expect(cloud).toMatchObject({ before: '15.892965', after: '17.65885', change: '1.765885', percent: '11.11', exceeds: false });
    // input: 9.8307 → 10.923 (expected.ts; compare.test.ts works out the what-if)
    expect(cloud.byCategory[0]).toEqual({ category: 'tokens.input', before: '9.8307', after: '10.923', change: '1.0923', percent: '11.11' });
  });

  it('writes markdown for a pull-request comment', async () => {
    const result = await runCli(['diff', SCENARIO, SCENARIO, ...CATALOG, ...NO_BATCH, '--format', 'markdown', '--fail-on-increase', '10%']);
    await expect(result.stdout).toMatchFileSnapshot('golden/diff.md');
  });

  it('exits 1 only when --fail-on-increase is given and exceeded', async () => {
    const diff = (...more: string[]) => runCli(['diff', SCENARIO, SCENARIO, ...CATALOG, ...NO_BATCH, ...more]);
    expect((await diff()).code).toBe(0);
    expect((await diff('--fail-on-increase', '11.12%')).code).toBe(0);
    expect((await diff('--fail-on-increase', '11.11%')).code).toBe(1);
    // by amount: the cloud option grew by 1.765885
    expect((await diff('--fail-on-increase', '1.76')).code).toBe(1);
    expect((await diff('--fail-on-increase', '1.77')).code).toBe(0);
  });

  it('exits 2 for bad input: results in two currencies, --set on a saved result, a bad threshold', async () => {
    const saved = await savedResult();
    const euro = path.join(path.dirname(saved), 'eur.json');
    await writeFile(euro, JSON.stringify({ schemaVersion: 1, scenario: { name: 'x' }, currency: 'EUR', options: [{ id: 'cloud', total: '1', byCategory: {} }] }));
    const currencies = await runCli(['diff', saved, euro]);
    expect(currencies.stderr).toBe(`${euro}: reports in EUR, ${saved} in USD; compare results in one currency\n`);
    expect(currencies.code).toBe(2);
    const set = await runCli(['diff', saved, saved, '--set', 'horizon.months=2']);
    expect(set.stderr).toBe(`${saved}: --set changes a scenario, and this is a saved result\n`);
    expect(set.code).toBe(2);
    const threshold = await runCli(['diff', saved, saved, '--fail-on-increase', '-5%']);
    expect(threshold.code).toBe(2);
  });
});

/** A saved result written by hand: options with their totals and categories, exact. */
async function result(name: string, options: Record<string, Record<string, string>>): Promise<string> {
  const file = path.join(await mkdtemp(path.join(tmpdir(), 'cloudtco-diff-')), name);
  const sum = (byCategory: Record<string, string>) => Object.values(byCategory).reduce((a, b) => a.plus(b), dec('0')).toFixed();
  await writeFile(file, JSON.stringify({ schemaVersion: 1, scenario: { name: 'x' }, currency: 'USD', options: Object.entries(options).map(([id, byCategory]) => ({ id, total: sum(byCategory), byCategory })) }));
  return file;
}

describe('cloudtco diff, options on one side only', () => {
  it('fails --fail-on-increase when the two sides share no option (renamed in a pull request), exit 2', async () => {
    const before = await result('main.json', { 'azure-global': { 'tokens.input': '100' } });
    const after = await result('pr.json', { 'azure-global-v2': { 'tokens.input': '1000000' } });
    const gated = await runCli(['diff', before, after, '--fail-on-increase', '5%']);
    expect(gated.stderr).toBe(`${after}: shares no option with ${before} (it has azure-global-v2; ${before} has azure-global), so --fail-on-increase has nothing to compare\n`);
    expect(gated.code).toBe(2);
    // without a gate it is a report like any other
    expect((await runCli(['diff', before, after])).code).toBe(0);
  });

  it('lists options on one side only in every format', async () => {
    const before = await result('main.json', { kept: { 'tokens.input': '100' }, dropped: { 'tokens.input': '5' } });
    const after = await result('pr.json', { kept: { 'tokens.input': '100' }, added: { 'tokens.input': '7' } });
    const table = await runCli(['diff', before, after, '--fail-on-increase', '0']);
    expect(table.code).toBe(0);
    expect(table.stdout).toContain('Only before (dropped or renamed), not compared: dropped. Only after (new or renamed), not compared: added.');
    const markdown = await runCli(['diff', before, after, '--format', 'markdown']);
    expect(markdown.stdout).toContain('⚠️ Only before (dropped or renamed), not compared: dropped. Only after (new or renamed), not compared: added.');
    const json = JSON.parse((await runCli(['diff', before, after, '--format', 'json'])).stdout) as { onlyBefore: string[]; onlyAfter: string[] };
    expect([json.onlyBefore, json.onlyAfter]).toEqual([['dropped'], ['added']]);
    const rows = parse((await runCli(['diff', before, after, '--format', 'csv'])).stdout, { columns: true }) as Record<string, string>[];
    expect(rows.filter((r) => r.category === 'total').map((r) => [r.option, r.present, r.before, r.after])).toEqual([
      ['kept', 'both', '100', '100'],
      ['added', 'after', '', '7'],
      ['dropped', 'before', '5', ''],
    ]);
  });
});

describe('cloudtco diff shows exact changes, rounded once', () => {
  it('shows no change where there is none, even when the categories round differently on each side', async () => {
    // before: runtime 4 022.505 + egress 1.004 = 4 023.509 → 4 023.51; floors 4 022.50 + 1.00, the missing
    //   cent to the larger remainder, runtime's 0.005 → runtime 4 022.51, egress 1.00
    // after:  runtime 4 022.505 + egress 1.006 = 4 023.511 → 4 023.51; the cent to egress's 0.006 →
    //   runtime 4 022.50, egress 1.01
    // runtime's exact change is 0: it must read 0.00, not the -0.01 of 4 022.50 − 4 022.51
    const before = await result('main.json', { a: { runtime: '4022.505', egress: '1.004' } });
    const after = await result('pr.json', { a: { runtime: '4022.505', egress: '1.006' } });
    const lines = (await runCli(['diff', before, after])).stdout.split('\n');
    const runtime = lines.find((l) => l.includes(' runtime '))!.split('│').map((c) => c.trim());
    expect(runtime.slice(1, 6)).toEqual(['runtime', '4,022.51', '4,022.50', '0.00', '0.00%']);
    // egress: 1.004 → 1.006 is +0.002, +0.20 %: rounded once, 0.00, not the +0.01 of 1.01 − 1.00
    const egress = lines.find((l) => l.includes(' egress '))!.split('│').map((c) => c.trim());
    expect(egress.slice(1, 6)).toEqual(['egress', '1.00', '1.01', '0.00', '+0.20%']);
  });

  it('says a change too small for two decimals of a percent is one: +<0.01%, not +0.00%', async () => {
    // 197.90 more on 10 000 000 000: +0.000002 %
    const before = await result('main.json', { a: { 'tokens.input': '10000000000' } });
    const after = await result('pr.json', { a: { 'tokens.input': '10000000197.90' } });
    const total = (await runCli(['diff', before, after])).stdout.split('\n').find((l) => l.includes(' a '))!;
    expect(total).toMatch(/\+197\.90 │\s+\+<0\.01% │$/);
  });
});

describe('saved results', () => {
  it('name each option once', async () => {
    const file = path.join(await mkdtemp(path.join(tmpdir(), 'cloudtco-dup-')), 'dup.json');
    await writeFile(file, '{"schemaVersion":1,"scenario":{"name":"x"},"currency":"USD","options":[{"id":"a","total":"1","byCategory":{}},{"id":"a","total":"2","byCategory":{}}]}');
    const result = await runCli(['diff', file, file]);
    expect(result.stderr).toBe(`${file}:1:117 options[1].id: "a" is already the id of options[0]; a result names each option once\n`);
    expect(result.code).toBe(2);
  });
});

describe('cloudtco diff of saved results holding anything', () => {
  it('shows control characters in their categories escaped, in the table and markdown (fuzz seed 20261203 case 83049)', async () => {
    // a saved result is a file anyone can edit (ids are checked when it is read; category names
    // are not): here a category with a unit separator, a vertical tab and an escape sequence
    const category = '\u001f\u000b\u001b[31mtokens.input';
    const before = await result('main.json', { a: { [category]: '100' }, gone: { 'tokens.input': '5' } });
    const after = await result('pr.json', { a: { [category]: '150' } });
    const table = await runCli(['diff', before, after, '--fail-on-increase', '10%', '--no-color']);
    expect(table.stdout).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f]/);
    expect(table.stdout).toContain('\\x1f\\x0b\\x1b[31mtokens.input');
    expect(table.stdout).toContain('Only before (dropped or renamed), not compared: gone.');
    expect(table.stdout).toContain('Grew by more than 10.00%: a.');
    const markdown = await runCli(['diff', before, after, '--format', 'markdown', '--fail-on-increase', '10%']);
    expect(markdown.stdout).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f]/);
    expect(markdown.stdout).toContain('\\x1f\\x0b\\x1b[31mtokens.input');
  });
});
