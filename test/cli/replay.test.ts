/**
 * replay by hand, on a catalog of one model `m`:
 *   openai standard  4 / 0.4 / 5 / 8 / 20 per 1M (input / cached / write 5m / write 1h / output) until 2027-01-15,
 *                    then 2 / 0.2 / 2.5 / 4 / 10 (a cut on the 15th, mid-month)
 *   openai standard, prompts over 1 000 tokens: 8 / 0.8 / 10 / 16 / 40
 *   openai batch     1 / 0.1 / – / – / 5
 *   azure  standard  3 / 0.3 / 3 / 6 / 15 (no long-context tier), batch 1.5 / 0.15 / – / – / 7.5;
 *                    sold from 2027-01-10 (before, option b's fallback, OpenAI, serves)
 *
 * Four requests (input is uncached; prompt = input + cached + writes):
 *   r1 2027-01-05  100 in, 10 out                                   prompt 100
 *   r2 2027-01-20  200 in, 50 cached, 30 written (10 for 1h), 20 out prompt 280
 *   r3 2027-01-20  900 in, 200 cached, 30 out                       prompt 1 100: long
 *   r4 2027-02-01  1 000 in, 100 out, batch
 *
 * Option a (OpenAI):
 *   r1 at the old price: 100 × 4e-6 + 10 × 20e-6 = 0.0004 + 0.0002 = 0.0006
 *   r2 at the cut: 200 × 2e-6 + 50 × 0.2e-6 + 20 × 2.5e-6 + 10 × 4e-6 + 20 × 10e-6
 *      = 0.0004 + 0.00001 + 0.00005 + 0.00004 + 0.0002 = 0.0007
 *   r3 long: 900 × 8e-6 + 200 × 0.8e-6 + 30 × 40e-6 = 0.0072 + 0.00016 + 0.0012 = 0.00856
 *   r4 batch: 1 000 × 1e-6 + 100 × 5e-6 = 0.0015
 *   January 0.0006 + 0.0007 + 0.00856 = 0.00986; February 0.0015; total 0.01136
 * Option b (Azure, OpenAI before the 10th):
 *   r1 on the fallback: 0.0006
 *   r2: 200 × 3e-6 + 50 × 0.3e-6 + 20 × 3e-6 + 10 × 6e-6 + 20 × 15e-6 = 0.0006 + 0.000015 + 0.00006 + 0.00006 + 0.0003 = 0.001035
 *   r3 at ordinary prices (Azure has no tier): 900 × 3e-6 + 200 × 0.3e-6 + 30 × 15e-6 = 0.0027 + 0.00006 + 0.00045 = 0.00321
 *   r4: 1 000 × 1.5e-6 + 100 × 7.5e-6 = 0.0015 + 0.00075 = 0.00225
 *   January 0.0006 + 0.001035 + 0.00321 = 0.004845; February 0.00225; total 0.007095
 */
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Decimal } from '../../src/model/money.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/run-cli.js';

const SOURCE = 'https://example.com/p,2026-01-01,,';
const MODELS = `cloud,region,deployment,tier,model,input,cached_input,cache_write,cache_write_1h,output,prompt_over,currency,effective_from,effective_to,source,as_of,checked,note
openai,*,global,standard,m,4,0.4,5,8,20,,USD,,2027-01-15,${SOURCE}
openai,*,global,standard,m,2,0.2,2.5,4,10,,USD,2027-01-15,,${SOURCE}
openai,*,global,standard,m,8,0.8,10,16,40,1000,USD,,,${SOURCE}
openai,*,global,batch,m,1,0.1,,,5,,USD,,,${SOURCE}
azure,*,global,standard,m,3,0.3,3,6,15,,USD,,,${SOURCE}
azure,*,global,batch,m,1.5,0.15,,,7.5,,USD,,,${SOURCE}
`;
const AVAILABILITY = `cloud,model,api,available_from,available_until,source,as_of,checked,note
azure,m,stateless,2027-01-10,,https://example.com/a,2026-01-01,,
`;
const HEADER = 'time,model,input,cached,written,written_1h,output,batch\n';
const REQUESTS = `2027-01-05T10:00:00Z,m,100,0,0,0,10,false
2027-01-20T10:00:00Z,m,200,50,30,10,20,false
2027-01-20T11:00:00Z,m,900,200,0,0,30,false
2027-02-01T00:00:00Z,m,1000,0,0,0,100,true
`;
const MAPS = ['--map', 'time=time', '--map', 'model=model', '--map', 'input=input', '--map', 'cached=cached', '--map', 'cache_write=written', '--map', 'cache_write_1h=written_1h', '--map', 'output=output', '--map', 'batch=batch'];
const OPTIONS = ['--option', 'a=openai/global/global', '--option', 'b=azure/eastus2/global'];

async function setUp(requests = REQUESTS, extra: Record<string, string> = {}): Promise<{ dir: string; usage: string; scenario: string }> {
  const dir = await mkdtemp(path.join(tmpdir(), 'cloudtco-replay-'));
  await writeFile(path.join(dir, 'models.csv'), MODELS);
  await writeFile(path.join(dir, 'availability.csv'), AVAILABILITY);
  await writeFile(path.join(dir, 'usage.csv'), HEADER + requests);
  const scenario = path.join(dir, 'scenario.yaml');
  await writeFile(
    scenario,
    `name: replay by hand
horizon: { start: 2027-01, months: 12 }
workloads:
  - { id: w, model: m, sessions_per_month: 1k, turns_per_session: 1, tokens_per_call: { input: 1k, output: 0 } }
options:
  - { id: a, model: { cloud: openai, region: global, deployment: global } }
  - { id: b, model: { cloud: azure, region: eastus2, deployment: global }, fallback: { model: { cloud: openai, region: global, deployment: global } } }
`,
  );
  for (const [name, text] of Object.entries(extra)) await writeFile(path.join(dir, name), text);
  return { dir, usage: path.join(dir, 'usage.csv'), scenario };
}

interface JsonItem {
  period: string;
  category: string;
  quantity: string;
  unitPrice: string;
  cost: string;
  meter: string;
}

describe('replay', () => {
  it('prices each request at the row of its own day, prompt band and processing, at every option (hand-worked above)', async () => {
    const { dir, usage, scenario } = await setUp();
    const result = await runCli(['replay', usage, '--scenario', scenario, '--catalog', dir, ...MAPS, '--by', 'month', '--format', 'json', '--line-items']);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const json = JSON.parse(result.stdout);
    const [a, b] = json.options;
    expect(json.horizon).toEqual({ start: '2027-01', end: '2027-02', months: 2 });
    expect([a.total, b.total]).toEqual(['0.01136', '0.007095']);
    expect(a.byPeriod.map((p: { total: string }) => p.total)).toEqual(['0.00986', '0.0015']);
    expect(b.byPeriod.map((p: { total: string }) => p.total)).toEqual(['0.004845', '0.00225']);
    // one line item per month, row and category: January's input at three rows (old price, cut, long prompts)
    const januaryInput = a.lineItems.filter((i: JsonItem) => i.period === '2027-01' && i.category === 'tokens.input').map((i: JsonItem) => [i.quantity, i.unitPrice, i.cost]);
    expect(januaryInput).toEqual([
      ['100', '0.000004', '0.0004'],
      ['200', '0.000002', '0.0004'],
      ['900', '0.000008', '0.0072'],
    ]);
    // the hour-long cache writes at their own column, named in the meter
    const writes = a.lineItems.filter((i: JsonItem) => i.category === 'tokens.cache-write').map((i: JsonItem) => [i.quantity, i.cost, i.meter]);
    expect(writes).toEqual([
      ['20', '0.00005', 'm cache write tokens (5m), global standard'],
      ['10', '0.00004', 'm cache write tokens (1h), global standard'],
    ]);
    expect(json.replayed).toMatchObject({ records: 4, requests: '4', badRecords: 0, first: '2027-01-05T10:00:00.000Z', last: '2027-02-01T00:00:00.000Z', models: [{ logged: 'm', priced: 'm' }] });
  });

  it('says which months a fallback served, in the table', async () => {
    const { dir, usage, scenario } = await setUp();
    const result = await runCli(['replay', usage, '--scenario', scenario, '--catalog', dir, ...MAPS]);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('Replayed 4 requests from 1 file, 2027-01-05 10:00:00 to 2027-02-01 00:00:00 UTC; m');
    expect(result.stdout).toContain("b: m ran on openai/global (global) in 2027-01, when its model was not available at the option's own placement");
  });

  it('prices every request on one day with --prices-on: the old price, and at b the fallback for all of them', async () => {
    // a: r1 0.0006; r2 200 × 4e-6 + 50 × 0.4e-6 + 20 × 5e-6 + 10 × 8e-6 + 20 × 20e-6 = 0.0008 + 0.00002 + 0.0001 + 0.00008 + 0.0004 = 0.0014;
    // r3 0.00856; r4 0.0015: 0.01206. b: Azure does not sell m on 2027-01-05, so all at OpenAI: 0.01206
    const { dir, usage, scenario } = await setUp();
    const result = await runCli(['replay', usage, '--scenario', scenario, '--catalog', dir, ...MAPS, '--prices-on', '2027-01-05', '--format', 'json']);
    expect(result.stderr).toBe('');
    expect(JSON.parse(result.stdout).options.map((o: { total: string }) => o.total)).toEqual(['0.01206', '0.01206']);
  });

  it('totals the sum of every request priced alone, to the last digit (property, 150 runs)', async () => {
    const { dir, scenario } = await setUp();
    const request = fc.record({
      day: fc.integer({ min: 0, max: 58 }), // 2027-01-01 .. 2027-02-28
      input: fc.integer({ min: 0, max: 3000 }),
      cached: fc.integer({ min: 0, max: 500 }),
      write5m: fc.integer({ min: 0, max: 300 }),
      write1h: fc.integer({ min: 0, max: 300 }),
      output: fc.integer({ min: 0, max: 2000 }),
      batch: fc.boolean(),
    });
    await fc.assert(
      fc.asyncProperty(fc.array(request, { minLength: 1, maxLength: 40 }), async (requests) => {
        const rows = requests.map((r) => {
          const time = new Date(Date.UTC(2027, 0, 1 + r.day, 12)).toISOString();
          const [cached, w5, w1] = r.batch ? [r.cached, 0, 0] : [r.cached, r.write5m, r.write1h];
          return `${time},m,${r.input},${cached},${w5 + w1},${w1},${r.output},${r.batch}`;
        });
        await writeFile(path.join(dir, 'usage.csv'), HEADER + rows.join('\n'));
        const result = await runCli(['replay', path.join(dir, 'usage.csv'), '--scenario', scenario, '--catalog', dir, ...MAPS, '--format', 'json']);
        if (result.code !== 0) throw new Error(result.stderr);
        // option a, each request alone, by the rules of the catalog above
        let expected = new Decimal(0);
        for (const r of requests) {
          const [w5, w1] = r.batch ? [0, 0] : [r.write5m, r.write1h];
          const prompt = r.input + r.cached + w5 + w1;
          const per = r.batch ? [1, 0.1, 0, 0, 5] : prompt > 1000 ? [8, 0.8, 10, 16, 40] : r.day < 14 ? [4, 0.4, 5, 8, 20] : [2, 0.2, 2.5, 4, 10];
          const tokens = [r.input, r.cached, w5, w1, r.output];
          tokens.forEach((n, i) => (expected = expected.plus(new Decimal(n).times(new Decimal(String(per[i]))).div(1_000_000))));
        }
        expect(JSON.parse(result.stdout).options[0].total).toBe(expected.toFixed());
      }),
      { numRuns: 150, seed: 1303 },
    );
  });

  it('names a model the catalog lacks, and maps it on request', async () => {
    const { dir, usage, scenario } = await setUp(REQUESTS.replace(/,m,/g, ',m-2027-01-01,').replace('2027-02-01T00:00:00Z,m-2027-01-01', '2027-02-01T00:00:00Z,my-m'));
    const unknown = await runCli(['replay', usage, '--scenario', scenario, '--catalog', dir, ...MAPS]);
    expect(unknown.code).toBe(2);
    // the dated snapshot is m; my-m is unknown
    expect(unknown.stderr).toBe('error: the logs name model "my-m", which the catalog does not price; map it to one it does with --model-map "my-m=<catalog model>" (cloudtco catalog models lists them)\n');
    const mapped = await runCli(['replay', usage, '--scenario', scenario, '--catalog', dir, ...MAPS, '--model-map', 'my-m=m', '--format', 'json']);
    expect(mapped.stderr).toBe('');
    const json = JSON.parse(mapped.stdout);
    expect(json.options[0].total).toBe('0.01136');
    expect(json.replayed.models).toEqual([
      { logged: 'm-2027-01-01', priced: 'm' },
      { logged: 'my-m', priced: 'm' },
    ]);
  });

  it('says what a row lacks where the requests need it', async () => {
    const { dir, usage } = await setUp(REQUESTS, { 'models.csv': MODELS.replace('azure,*,global,standard,m,3,0.3,3,6,15', 'azure,*,global,standard,m,3,,3,,15') });
    const result = await runCli(['replay', usage, '--catalog', dir, ...MAPS, '--option', 'b=azure/eastus2/global', '--prices-on', '2027-03-01']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('has no cached_input price for m on azure, but the replayed requests have 250 such tokens');
    expect(result.stderr).toContain('has no cache_write_1h price for m on azure, but the replayed requests have 10 such tokens');
  });

  it('reports bad records beside the figures, and refuses them with --strict', async () => {
    const { dir, usage, scenario } = await setUp(`${REQUESTS}2027-02-01T00:00:00Z,m,lots,0,0,0,1,false\n`);
    const table = await runCli(['replay', usage, '--scenario', scenario, '--catalog', dir, ...MAPS]);
    expect(table.code).toBe(0);
    expect(table.stdout).toContain('1 bad record left out (--strict makes them an error):');
    expect(table.stdout).toContain('usage.csv:6: input: expected a whole number from 0 to 10,000,000,000, got "lots"');
    const csv = await runCli(['replay', usage, '--scenario', scenario, '--catalog', dir, ...MAPS, '--format', 'csv']);
    expect(csv.stderr).toContain('usage.csv:6: input');
    const strict = await runCli(['replay', usage, '--scenario', scenario, '--catalog', dir, ...MAPS, '--strict']);
    expect(strict.code).toBe(2);
    expect(strict.stderr).toContain('usage.csv:6: input: expected a whole number from 0 to 10,000,000,000, got "lots" (--strict makes any bad record an error)');
  });

  it('refuses a replay with no options, both kinds, or a malformed --option', async () => {
    const { dir, usage, scenario } = await setUp();
    const none = await runCli(['replay', usage, '--catalog', dir, ...MAPS]);
    expect(none.stderr).toBe('error: give the options to price the usage at: --scenario <file>, or one --option id=cloud/region/deployment[/tier] each\n');
    const both = await runCli(['replay', usage, '--scenario', scenario, ...OPTIONS, '--catalog', dir, ...MAPS]);
    expect(both.code).toBe(2);
    const bad = await runCli(['replay', usage, '--option', 'a=openai', '--catalog', dir, ...MAPS]);
    expect(bad.stderr).toBe('--option a=openai: expected id=cloud/region/deployment or id=cloud/region/deployment/tier, like bedrock=aws/us-east-1/in-region\n');
    const cloud = await runCli(['replay', usage, '--option', 'a=opnai/global/global', '--catalog', dir, ...MAPS]);
    expect(cloud.code).toBe(2);
    expect(cloud.stderr).toMatch(/^--option a=opnai\/global\/global options\[0\]\.model\.cloud: /);
  });

  it('refuses logs that hold no request', async () => {
    const { dir, usage, scenario } = await setUp('');
    const result = await runCli(['replay', usage, '--scenario', scenario, '--catalog', dir, ...MAPS]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('no requests read from');
  });

  it("prices Claude Code's logs at Anthropic's prices, hour-long writes at their own (models.csv:113, 119)", async () => {
    // claude-sonnet-4-6 3 / 0.3 / 3.75 / 6 / 15 per 1M; claude-opus-4-7 5 / 0.5 / 6.25 / 10 / 25
    //   msg_001 (sonnet, once): 3 × 3 + 11 442 × 0.3 + 15 005 × 3.75 + 9 × 15 = 59 845.35 → 0.05984535
    //   msg_002 (opus): 120 × 5 + 26 447 × 0.5 + 500 × 6.25 + 1 500 × 10 + 640 × 25 = 47 948.5 → 0.0479485
    //   msg_003 (sonnet): 10 × 3 + 1 000 × 0.3 + 100 × 3.75 + 20 × 15 = 1 005 → 0.001005
    //   total 0.10879885
    const result = await runCli(['replay', 'test/fixtures/usage/claude-code', '--preset', 'claude-code', '--option', 'direct=anthropic/global/global', '--by', 'model', '--format', 'json']);
    expect(result.stderr).toBe('');
    const [direct] = JSON.parse(result.stdout).options;
    expect(direct.total).toBe('0.10879885');
    expect(direct.byModel.map((m: { model: string; total: string }) => [m.model, m.total])).toEqual([
      ['claude-opus-4-7', '0.0479485'],
      ['claude-sonnet-4-6', '0.06085035'],
    ]);
  });

  it('survives hostile logs: binary bytes, a flood of bad lines, deep nesting, escapes in names', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'cloudtco-hostile-'));
    await writeFile(path.join(dir, 'models.csv'), MODELS);
    await writeFile(path.join(dir, 'binary.jsonl'), Buffer.from([0, 159, 146, 150, 10, 0xff, 0xfe, 10]));
    const flood = Array.from({ length: 5000 }, () => '{"t":"x"}').join('\n');
    const deep = `${'['.repeat(200_000)}${']'.repeat(200_000)}`;
    const named = JSON.stringify({ t: '2027-01-05T10:00:00Z', m: 'm\u001b[31m\nfake', i: 1, o: 1 });
    await writeFile(path.join(dir, 'flood.jsonl'), `${flood}\n${deep}\n${named}\n{"t":"2027-01-05T10:00:00Z","m":"m","i":1,"o":1}\n`);
    const maps = ['--map', 'time=t', '--map', 'model=m', '--map', 'input=i', '--map', 'output=o'];
    const result = await runCli(['replay', path.join(dir, 'binary.jsonl'), path.join(dir, 'flood.jsonl'), '--catalog', dir, '--option', 'a=openai/global/global', '--model-map', 'm\u001b[31m\nfake=m', ...maps]);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('bad records left out');
    expect(result.stdout).toMatch(/and 4,99\d more/);
    expect(result.stdout).not.toContain('\u001b[31m');
    // 5 000 + 2 binary lines + the nesting are bad; the two requests are priced: 2 × (1 × 4 + 1 × 20) ÷ 10^6
    const json = await runCli(['replay', path.join(dir, 'binary.jsonl'), path.join(dir, 'flood.jsonl'), '--catalog', dir, '--option', 'a=openai/global/global', '--model-map', 'm\u001b[31m\nfake=m', ...maps, '--format', 'json']);
    const parsed = JSON.parse(json.stdout);
    expect(parsed.replayed).toMatchObject({ records: 2, badRecords: 5003 });
    expect(parsed.options[0].total).toBe('0.000048');
  });

  it('refuses a directory without usage files, and a file that is not there', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'cloudtco-empty-'));
    const empty = await runCli(['replay', dir, '--option', 'a=openai/global/global', '--preset', 'claude-code']);
    expect(empty.code).toBe(2);
    expect(empty.stderr).toContain('holds no usage files (.csv, .jsonl, .ndjson, or those gzipped)');
    const missing = await runCli(['replay', path.join(dir, 'nope.jsonl'), '--option', 'a=openai/global/global', '--preset', 'claude-code']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('nope.jsonl: cannot read: no such file or directory');
  });

  it('refuses a line of ten thousand cells, a model id past 128 characters and logs spanning more than 600 months', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'cloudtco-limits-'));
    await writeFile(path.join(dir, 'models.csv'), MODELS);
    const maps = ['--map', 'time=time', '--map', 'model=model', '--map', 'input=input', '--map', 'output=output'];
    await writeFile(path.join(dir, 'wide.csv'), `time,model,input,output\n${','.repeat(20_000)}\n2027-01-05T10:00:00Z,${'m'.repeat(129)},1,1\n2027-01-05T10:00:00Z,m,1,1\n`);
    const wide = await runCli(['replay', path.join(dir, 'wide.csv'), '--catalog', dir, '--option', 'a=openai/global/global', ...maps, '--format', 'json']);
    expect(wide.stderr).toBe('');
    const json = JSON.parse(wide.stdout);
    expect(json.replayed.firstBadRecords.map((b: { line: number; message: string }) => `${b.line}: ${b.message}`)).toEqual([
      '2: has 20001 cells; a usage log has at most 10000',
      '3: model: a model id of 129 characters; ids have at most 128',
    ]);
    await writeFile(path.join(dir, 'long.csv'), 'time,model,input,output\n2000-01-05T10:00:00Z,m,1,1\n2199-01-05T10:00:00Z,m,1,1\n');
    const long = await runCli(['replay', path.join(dir, 'long.csv'), '--catalog', dir, '--option', 'a=openai/global/global', ...maps]);
    expect(long.code).toBe(2);
    expect(long.stderr).toBe('error: the logs span 2389 months, 2000-01 to 2199-01; replay takes at most 600 (docs/reliability.md)\n');
  });
});
