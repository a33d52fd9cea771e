/**
 * The documented limits (model/limits.ts, docs/reliability.md): each input over one is a clear,
 * located error, found before the work (and memory) it would take.
 */
import { mkdtemp, readFile, writeFile, cp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { simulate } from '../../src/engine/simulate.js';
import { findOverlaps, type Sourced } from '../../src/model/catalog.js';
import { InputError } from '../../src/model/diagnostic.js';
import { LIMITS } from '../../src/model/limits.js';
import { REPO, workedExample } from '../helpers/fixtures.js';
import { runCli } from '../helpers/run-cli.js';

async function scratch(name: string, text: string): Promise<string> {
  const file = path.join(await mkdtemp(path.join(tmpdir(), 'cloudtco-limits-')), name);
  await writeFile(file, text);
  return file;
}

/** A scenario of `workloads` copies of one workload, `options` of one option and a horizon. */
function generated(workloads: number, options: number, months: number): string {
  const w = Array.from({ length: workloads }, (_, i) => `  - { id: w${i}, model: gpt-5.5, sessions_per_month: 1k, turns_per_session: 2, tokens_per_call: { input: 1k, output: 100 } }`);
  const o = Array.from({ length: options }, (_, i) => `  - { id: o${i}, model: { cloud: azure, region: eastus2, deployment: global } }`);
  return `name: generated\nhorizon: { start: 2027-01, months: ${months} }\nworkloads:\n${w.join('\n')}\noptions:\n${o.join('\n')}\n`;
}

describe('limits', () => {
  it(`refuses more than ${LIMITS.workloads} workloads at the list, before the schema reads them; 100 000 (which ran out of memory) by the file's size`, async () => {
    const file = await scratch('many.yaml', generated(1001, 1, 1));
    const result = await runCli(['compare', file]);
    expect(result.stderr).toBe(`${file}:3:1 workloads: has 1,001 entries; cloudtco takes at most 1,000 (docs/reliability.md)\n`);
    expect(result.code).toBe(2);
    // 100 000 workloads are some 14 MB
    const huge = await scratch('huge.yaml', generated(100_000, 1, 1));
    expect(await runCli(['compare', huge])).toEqual({ code: 2, stdout: '', stderr: `${huge}: is larger than 2 MiB, the most cloudtco reads from one file (docs/reliability.md)\n` });
  });

  it('refuses more options, and longer lists, at the list', async () => {
    const file = await scratch('options.yaml', generated(1, 101, 1));
    const result = await runCli(['compare', file]);
    expect(result.stderr).toBe(`${file}:5:1 options: has 101 entries; cloudtco takes at most 100 (docs/reliability.md)\n`);
  });

  it('refuses workloads × options × months beyond what one run prices', async () => {
    // 1 000 × 6 × 60 = 360 000 > 300 000
    const file = await scratch('wide.yaml', generated(1000, 6, 60));
    const result = await runCli(['compare', file]);
    expect(result.stderr).toMatch(/^.*wide\.yaml:4:3 workloads: 1,000 workloads × 6 options × 60 months is 360,000 workload-months to price; cloudtco prices at most 300,000 in one run \(docs\/reliability\.md\): split the scenario, or shorten the horizon\n$/);
    expect(result.code).toBe(2);
  });

  it('stops a run whose line items would outgrow memory, saying why', async () => {
    const { scenario, catalog } = await workedExample();
    // 2 options × 3 months × 6 token line items (3 categories, standard and batch), and June's
    // standard tokens on "vendor" priced in two parts: over 36 line items, so more than 10
    expect(() => simulate(scenario, catalog, { maxLineItems: 10 })).toThrow(InputError);
    expect(() => simulate(scenario, catalog, { maxLineItems: 10 })).toThrow('pricing this scenario takes more than 10 line items');
    expect(simulate(scenario, catalog, { maxLineItems: 100 }).lineItems.length).toBeGreaterThan(36);
  });

  it(`refuses a file larger than ${LIMITS.documentBytes / 1024 / 1024} MiB, and a device that never ends`, async () => {
    const text = (await readFile(path.join(REPO, 'scenarios/support-agents.yaml'), 'utf8')) + `# ${'x'.repeat(LIMITS.documentBytes)}\n`;
    const file = await scratch('big.yaml', text);
    expect(await runCli(['compare', file])).toEqual({ code: 2, stdout: '', stderr: `${file}: is larger than 2 MiB, the most cloudtco reads from one file (docs/reliability.md)\n` });
    expect(await runCli(['compare', '/dev/zero'])).toEqual({ code: 2, stdout: '', stderr: '/dev/zero: is larger than 2 MiB, the most cloudtco reads from one file (docs/reliability.md)\n' });
  });

  it(`refuses a catalog key with more than ${LIMITS.rowsPerKey} rows`, async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'cloudtco-rows-'));
    await cp(path.join(REPO, 'test/fixtures/worked-example/catalog'), dir, { recursive: true });
    // 1 001 consecutive one-day windows for one key, from 2020-01-01
    const day = (n: number) => new Date(Date.UTC(2020, 0, 1 + n)).toISOString().slice(0, 10);
    const rows = Array.from({ length: 1001 }, (_, i) => `aws,*,in-region,standard,many-rows,1,,1,USD,${day(i)},${day(i + 1)},https://example.com/prices,2026-01-01,`);
    const models = (await readFile(path.join(dir, 'models.csv'), 'utf8')).trimEnd();
    await writeFile(path.join(dir, 'models.csv'), `${models}\n${rows.join('\n')}\n`);
    const result = await runCli(['catalog', 'validate', dir]);
    expect(result.stderr).toMatch(/models\.csv:1007: aws\/\*\/in-region\/standard\/many-rows has 1,001 rows; a key may have at most 1,000 \(docs\/reliability\.md\)\n$/);
    expect(result.code).toBe(2);
  });
});

describe('overlapping windows, found by one sort per key', () => {
  const row = (line: number, from?: string, to?: string) => ({ effectiveFrom: from, effectiveTo: to, source: 'https://example.com', asOf: '2026-01-01', note: undefined, ref: { file: 'models.csv', line } }) as Sourced;
  const overlaps = (rows: Sourced[]) => findOverlaps(rows, () => 'k').map((d) => `${d.line}: ${d.message}`);

  it('finds each row that starts before an earlier one ends, naming the one reaching furthest', () => {
    // [01-01, 03-01) and [02-01, 04-01) overlap; [04-01, …) starts where the second ends
    expect(overlaps([row(2, '2026-01-01', '2026-03-01'), row(3, '2026-02-01', '2026-04-01'), row(4, '2026-04-01')])).toEqual([
      '3: k is already priced for 2026-01-01 to 2026-03-01 by line 2; windows for one key must not overlap',
    ]);
    // an open start overlaps everything before it; a row inside a long one overlaps it
    expect(overlaps([row(2), row(3, undefined, '2026-01-01')])).toEqual(['3: k is already priced for all dates by line 2; windows for one key must not overlap']);
    expect(overlaps([row(2, '2026-01-01', '2027-01-01'), row(3, '2026-02-01', '2026-03-01'), row(4, '2026-05-01', '2026-06-01')])).toHaveLength(2);
    // back to back, any order of rows: none
    expect(overlaps([row(3, '2026-02-01', '2026-03-01'), row(2, '2026-01-01', '2026-02-01')])).toEqual([]);
  });

  it('handles a thousand rows a key across a hundred keys (100 000 rows) in one pass each', () => {
    const rows = Array.from({ length: 100_000 }, (_, i) => ({ ...row(i + 2, `${2000 + (i % 1000)}-01-01`, `${2001 + (i % 1000)}-01-01`), key: `k${Math.floor(i / 1000)}` }));
    expect(findOverlaps(rows, (r) => r.key)).toEqual([]);
  });
});

describe('a document of too many tokens', () => {
  it('is refused by counting them, before the slow parser runs (a megabyte of commas took seconds per copy read)', async () => {
    // 600 000 commas in a flow mapping: 600 000 tokens, each an error to the parser
    const file = await scratch('commas.json', `{"name": "x"${','.repeat(600_000)}}`);
    expect(await runCli(['compare', file])).toEqual({ code: 2, stdout: '', stderr: `${file}: has more than 500,000 YAML tokens (keys, values, punctuation), more than cloudtco reads from one document (docs/reliability.md)\n` });
  });
});

describe('usage past exact pricing', () => {
  it('is a located error at the workload, not a sum that has lost its digits (1000 % a month for 55 months is ×10^57)', async () => {
    const result = await runCli(['compare', 'scenarios/support-agents.yaml', '--set', 'workloads.0.growth=1000%', '--set', 'horizon.months=55']);
    expect(result.code).toBe(2);
    // credited to the --set that changed the workload
    expect(result.stderr).toMatch(/^--set workloads\.0\.growth=1000% workloads\[0\]: its usage grows to \d\.\d\de\+\d+ tokens of tokens\.\w+ in \d{4}-\d\d, past the 1e36 a line item can price exactly \(docs\/reliability\.md\): check growth, volumes and the horizon\n$/);
  });
});
