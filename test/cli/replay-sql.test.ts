/**
 * `replay sql`: the query run by the real DuckDB engine on a table of raw requests gives the
 * aggregated usage whose replay equals the replay of the raw requests, to the last digit; and
 * the query each dialect prints, as golden files.
 */
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/run-cli.js';

const RAW_MAPS = ['--map', 'time=time', '--map', 'model=model', '--map', 'input=input', '--map', 'cached=cached', '--map', 'cache_write=cache_write', '--map', 'cache_write_1h=cache_write_1h', '--map', 'output=output', '--map', 'batch=batch'];

/**
 * 600 requests over two months of gpt-5.5 and gpt-5.4 (a dated snapshot id), some with prompts
 * past 200k and 272k, some gpt-5.5 ones batched, some writing to the cache; the same every run.
 * (OpenAI and Azure sell no hour-long cache writes, nor gpt-5.4 in batch on Azure.)
 */
function rawRequests(): string {
  let seed = 20261203;
  const next = (n: number) => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed % n;
  };
  const lines = ['time,model,input,cached,cache_write,cache_write_1h,output,batch'];
  for (let i = 0; i < 600; i++) {
    const day = 1 + next(61); // 2026-07-01 .. 2026-08-30
    const time = new Date(Date.UTC(2026, 6, day, next(24), next(60), next(60), next(1000))).toISOString();
    const model = next(3) === 0 ? 'gpt-5.4-2026-03-05' : 'gpt-5.5';
    const long = next(10);
    const input = long === 0 ? 271_000 + next(5000) : long === 1 ? 199_000 + next(5000) : next(20_000);
    const batch = model === 'gpt-5.5' && next(5) === 0;
    const cached = next(4000);
    const written = batch ? 0 : next(500);
    const written1h = 0;
    lines.push(`${time},${model},${input},${cached},${written},${written1h},${next(3000)},${batch}`);
  }
  return `${lines.join('\n')}\n`;
}

describe('replay sql', () => {
  it('aggregates in DuckDB to usage whose replay equals the raw replay', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'cloudtco-sql-'));
    const raw = path.join(dir, 'raw.csv');
    const aggregated = path.join(dir, 'aggregated.csv');
    await writeFile(raw, rawRequests());
    const sql = await runCli(['replay', 'sql', '--dialect', 'duckdb', '--table', 'requests', ...RAW_MAPS]);
    expect(sql.stderr).toBe('');
    const statements = sql.stdout
      .split('\n')
      .filter((line) => !line.startsWith('--'))
      .join('\n')
      .split(';')
      .map((s) => s.trim())
      .filter((s) => s !== '');
    expect(statements).toHaveLength(2); // SET TimeZone, then the SELECT
    const db = await DuckDBInstance.create(':memory:');
    const connection = await db.connect();
    await connection.run(`CREATE TABLE requests AS SELECT * FROM read_csv('${raw}', header = true, columns = {'time': 'TIMESTAMPTZ', 'model': 'VARCHAR', 'input': 'BIGINT', 'cached': 'BIGINT', 'cache_write': 'BIGINT', 'cache_write_1h': 'BIGINT', 'output': 'BIGINT', 'batch': 'BOOLEAN'})`);
    await connection.run(statements[0]!);
    await connection.run(`COPY (${statements[1]}) TO '${aggregated}' (HEADER)`);
    connection.closeSync();
    const rows = (await readFile(aggregated, 'utf8')).trim().split('\n');
    expect(rows[0]).toBe('period,model,tier,prompt_over,requests,input_tokens,cached_input_tokens,cache_write_tokens,cache_write_1h_tokens,output_tokens');
    expect(rows.length).toBeLessThan(600); // added up, not copied

    const common = ['--option', 'openai=openai/global/global', '--option', 'azure=azure/eastus2/global', '--by', 'month', '--format', 'json', '--line-items'];
    const fromRaw = await runCli(['replay', raw, ...RAW_MAPS, ...common]);
    const fromAggregated = await runCli(['replay', aggregated, '--preset', 'aggregated', ...common]);
    expect(fromRaw.stderr).toBe('');
    expect(fromAggregated.stderr).toBe('');
    const a = JSON.parse(fromRaw.stdout);
    const b = JSON.parse(fromAggregated.stdout);
    expect(b.options.map((o: { total: string }) => o.total)).toEqual(a.options.map((o: { total: string }) => o.total));
    expect(b.options.map((o: { lineItems: unknown[] }) => o.lineItems)).toEqual(a.options.map((o: { lineItems: unknown[] }) => o.lineItems));
    expect(b.replayed.requests).toBe('600');
    // long prompts were priced at their tier: some line item cites a prompts-over-272k row
    expect(a.options[0].lineItems.some((i: { meter: string }) => i.meter.includes('prompts over 272000'))).toBe(true);
  });

  it.each(['duckdb', 'bigquery', 'spark'])('prints the %s query', async (dialect) => {
    const result = await runCli(['replay', 'sql', '--dialect', dialect, '--table', 'logs.requests', '--map', 'time=startTime', '--map', 'input_total=prompt_tokens', '--map', 'cached=cache_read', '--map', 'output=completion_tokens', '--map', 'batch=is_batch', '--map', 'requests=n']);
    expect(result.stderr).toBe('');
    await expect(result.stdout).toMatchFileSnapshot(`golden/replay-sql-${dialect}.sql`);
  });

  it('refuses names the query cannot quote, and an id column', async () => {
    const bad = await runCli(['replay', 'sql', '--dialect', 'duckdb', '--table', 'x; DROP TABLE y', '--map', 'model=a b']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('"x; DROP TABLE y" is not a column or table name the query can use');
    expect(bad.stderr).toContain('"a b" is not a column or table name');
    const id = await runCli(['replay', 'sql', '--dialect', 'duckdb', '--map', 'id=request_id']);
    expect(id.stderr).toContain('drop duplicate requests from the table first');
    const noDialect = await runCli(['replay', 'sql']);
    expect(noDialect.code).toBe(2);
  });
});

describe('replay --preset aggregated', () => {
  it('deals a month row to its days evenly, each day at its own price, and reports bad rows', async () => {
    // 3 100 000 input tokens of gpt-5.5 in July 2026 over 31 days: 100 000 a day, at Azure Global 5.00 per 1M = 15.50;
    // 2 batch output tokens on 2026-07-04 at 15.00 per 1M = 0.00003
    const dir = await mkdtemp(path.join(tmpdir(), 'cloudtco-aggregated-'));
    const file = path.join(dir, 'usage.csv');
    await writeFile(
      file,
      `period,model,tier,prompt_over,requests,input_tokens,cached_input_tokens,cache_write_tokens,cache_write_1h_tokens,output_tokens
2026-07,gpt-5.5,standard,,31,3100000,0,0,0,0
2026-07-04,gpt-5.5,batch,,1,0,0,0,0,2
2026-07-05,gpt-5.5,fast,,1,0,0,0,0,2
2026-7,gpt-5.5,standard,,1,1,0,0,0,0
2026-07-06,gpt-5.5,standard,x,1,-1,0,3,4,0
`,
    );
    const result = await runCli(['replay', file, '--preset', 'aggregated', '--option', 'azure=azure/eastus2/global', '--format', 'json', '--line-items']);
    expect(result.stderr).toBe('');
    const json = JSON.parse(result.stdout);
    expect(json.options[0].total).toBe('15.50003');
    expect(json.replayed).toMatchObject({ records: 2, requests: '32', badRecords: 3 });
    expect(json.replayed.firstBadRecords.map((b: { line: number; message: string }) => `${b.line}: ${b.message}`)).toEqual([
      '4: tier: expected standard or batch, got "fast"',
      '5: period: expected a day like 2026-07-14 or a month like 2026-07, got "2026-7"',
      '6: prompt_over: expected empty or a whole number of tokens, got "x"; input_tokens: expected a whole number from 0 to 24 digits, got "-1"; cache_write_1h_tokens: 4 tokens kept an hour, more than the 3 written',
    ]);
  });

  it('takes sums far past what one request holds, exactly', async () => {
    // 10^20 input tokens at OpenAI's 5.00 per 1M = 500 000 000 000 000 (5 × 10^14)
    const dir = await mkdtemp(path.join(tmpdir(), 'cloudtco-aggregated-'));
    const file = path.join(dir, 'usage.csv');
    await writeFile(file, `period,model,tier,prompt_over,requests,input_tokens,cached_input_tokens,cache_write_tokens,cache_write_1h_tokens,output_tokens\n2026-07-01,gpt-5.5,,,1000000000000,100000000000000000000,,,,\n`);
    const result = await runCli(['replay', file, '--preset', 'aggregated', '--option', 'o=openai/global/global', '--format', 'json']);
    expect(result.stderr).toBe('');
    expect(JSON.parse(result.stdout).options[0].total).toBe('500000000000000');
  });
});
