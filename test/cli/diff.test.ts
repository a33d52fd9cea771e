/**
 * `cloudtco diff`. The worked example (expected.ts) without its 20 % batch share: the cloud
 * option pays the standard price for every token, 17.65885 instead of 15.892965 — a change of
 * +1.765885, +11.11 % (batch costs half: 0.8 + 0.2 × 0.5 = 0.9 of standard, and 1 ÷ 0.9 = 1.1111).
 */
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
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

describe('saved results', () => {
  it('name each option once', async () => {
    const file = path.join(await mkdtemp(path.join(tmpdir(), 'cloudtco-dup-')), 'dup.json');
    await writeFile(file, '{"schemaVersion":1,"scenario":{"name":"x"},"currency":"USD","options":[{"id":"a","total":"1","byCategory":{}},{"id":"a","total":"2","byCategory":{}}]}');
    const result = await runCli(['diff', file, file]);
    expect(result.stderr).toBe(`${file}:1:117 options[1].id: "a" is already the id of options[0]; a result names each option once\n`);
    expect(result.code).toBe(2);
  });
});
