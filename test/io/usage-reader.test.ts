import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { layoutOf } from '../../src/io/usage-layouts.js';
import { readUsage, type UsageReadSummary } from '../../src/io/usage-reader.js';
import { InputError } from '../../src/model/diagnostic.js';
import type { UsageRecord } from '../../src/model/usage-record.js';

const FIXTURES = path.resolve(__dirname, '../fixtures/usage');

async function read(inputs: string[], preset: string | undefined, maps: string[] = [], extra: { model?: string; strict?: boolean; cwd?: string } = {}): Promise<{ records: UsageRecord[]; summary: UsageReadSummary }> {
  const { layout, problems } = layoutOf(preset, maps);
  if (problems.length > 0) throw new InputError(problems);
  const records: UsageRecord[] = [];
  const summary = await readUsage(inputs, { layout, model: extra.model, strict: extra.strict ?? false, cwd: extra.cwd ?? FIXTURES }, { add: (r) => records.push(r), addTotals: () => undefined });
  return { records, summary };
}

async function problemOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof InputError) return error.message;
    throw error;
  }
  throw new Error('expected an InputError');
}

function tempDir(): string {
  return mkdtempSync(path.join(tmpdir(), 'cloudtco-usage-'));
}

describe('readUsage: presets on real layouts', () => {
  it('reads the Azure trace: whole prompts as uncached input, the model from --model, times as UTC', async () => {
    const { records, summary } = await read(['azure-trace-head.csv'], 'azure-trace', [], { model: 'gpt-5.5' });
    // 20 requests; Σ ContextTokens = 54 393, Σ GeneratedTokens = 289 (awk over the file)
    expect(summary.records).toBe(20);
    expect(records.reduce((s, r) => s + r.input, 0)).toBe(54393);
    expect(records.reduce((s, r) => s + r.output, 0)).toBe(289);
    expect(records[0]).toMatchObject({ period: '2023-11', model: 'gpt-5.5', input: 4808, cachedInput: 0, output: 10, requests: 1, batch: false });
    // 2023-11-16 18:17:03.9799600 read as UTC, fractions past the millisecond dropped
    expect(records[0]!.time).toBe(Date.UTC(2023, 10, 16, 18, 17, 3, 979));
  });

  it('needs a model for a log that names none', async () => {
    const { summary } = await read(['azure-trace-head.csv'], 'azure-trace');
    expect(summary.records).toBe(0);
    expect(summary.bad).toBe(20);
    expect(summary.firstBad).toHaveLength(10);
    expect(summary.firstBad[0]).toMatchObject({ file: 'azure-trace-head.csv', line: 2 });
    expect(summary.firstBad[0]!.message).toContain('--model');
  });

  it('reads Claude Code logs in a directory: one request per message and request id, user lines and notices passed over', async () => {
    const { records, summary } = await read(['claude-code'], 'claude-code');
    expect(summary.files).toEqual([path.join('claude-code', 'project-a', 'session-1.jsonl')]);
    // 8 lines: 2 user, 1 summary and 1 "<synthetic>" notice passed over; msg_001/req_001 twice, counted once
    expect(summary).toMatchObject({ records: 3, duplicates: 1, passedOver: 4, bad: 0 });
    expect(records[0]).toMatchObject({ period: '2026-07', model: 'claude-sonnet-4-6', input: 3, cachedInput: 11442, cacheWrite5m: 15005, cacheWrite1h: 0, output: 9 });
    // 2 000 written, 1 500 of them for an hour: 500 for 5 minutes
    expect(records[1]).toMatchObject({ period: '2026-07', model: 'claude-opus-4-7', input: 120, cachedInput: 26447, cacheWrite5m: 500, cacheWrite1h: 1500, output: 640 });
    // an older line without the 5m/1h split: all writes at the standard time; the first second of August is August
    expect(records[2]).toMatchObject({ period: '2026-08', input: 10, cachedInput: 1000, cacheWrite5m: 100, cacheWrite1h: 0, output: 20 });
  });

  it("reads OpenAI's usage export: input_tokens less the cached, requests written as floats, the batch column", async () => {
    const { records } = await read(['openai-usage.csv'], 'openai-usage');
    expect(records.map((r) => [r.period, r.model, r.input, r.cachedInput, r.output, r.requests, r.batch])).toEqual([
      ['2026-07', 'gpt-5.5-2026-04-23', 200, 800, 500, 3, false], // 1 000 − 800 cached
      ['2026-07', 'gpt-5.5-2026-04-23', 250000, 0, 90000, 40, true],
      ['2026-07', 'gpt-5.4-mini', 35000, 35000, 7000, 7, false], // 70 000 − 35 000
    ]);
  });

  it("reads LiteLLM's spend logs, both of their time layouts, each request id once", async () => {
    const { records, summary } = await read(['litellm-spend.csv'], 'litellm-spend');
    expect(summary).toMatchObject({ records: 2, duplicates: 1 });
    expect(records.map((r) => [r.time, r.input, r.output])).toEqual([
      [Date.UTC(2026, 8, 1, 10, 0, 0, 123), 100, 30],
      [Date.UTC(2026, 8, 1, 10, 5, 0, 0), 200, 60],
    ]);
  });
});

describe('readUsage: any layout through --map', () => {
  it('maps JSONL paths and CSV columns, gzipped or not', async () => {
    const dir = tempDir();
    writeFileSync(path.join(dir, 'log.jsonl.gz'), gzipSync('{"at":"2027-01-05T10:00:00Z","m":"gpt-5.4","u":{"in":100,"out":7}}\n{"at":"2027-02-05T10:00:00+01:00","m":"gpt-5.4","u":{"in":5,"out":1}}'));
    const { records } = await read(['log.jsonl.gz'], undefined, ['time=at', 'model=m', 'input=u.in', 'output=u.out'], { cwd: dir });
    expect(records.map((r) => [r.period, r.input, r.output, r.time])).toEqual([
      ['2027-01', 100, 7, Date.UTC(2027, 0, 5, 10)],
      ['2027-02', 5, 1, Date.UTC(2027, 1, 5, 9)], // 10:00 at +01:00 is 09:00 UTC
    ]);
  });

  it('reads a gzipped file whatever its name says, and CRLF lines', async () => {
    const dir = tempDir();
    writeFileSync(path.join(dir, 'usage.csv'), gzipSync('when,model,in,out\r\n2027-03-01 00:00:00,gpt-5.5,10,2\r\n'));
    const { records } = await read(['usage.csv'], undefined, ['time=when', 'model=model', 'input=in', 'output=out'], { cwd: dir });
    expect(records).toHaveLength(1);
    expect(records[0]).toMatchObject({ period: '2027-03', input: 10, output: 2 });
  });

  it('says what a layout lacks, and which preset a misspelt one meant', () => {
    expect(layoutOf(undefined, ['time=t']).problems[0]!.message).toBe('the usage layout has no input (or input_total), output; choose a --preset (azure-trace, claude-code, openai-usage, litellm-spend, aggregated) or map them with --map field=column');
    expect(layoutOf('claude_code', []).problems[0]!.message).toContain('did you mean "claude-code"');
    expect(layoutOf('azure-trace', ['cahced=x']).problems[0]!.message).toContain('did you mean "cached"');
    expect(layoutOf('azure-trace', ['cached']).problems[0]!.message).toContain('expected field=column');
  });

  it('refuses a mapped column the header lacks, naming the columns it has', async () => {
    const message = await problemOf(read(['azure-trace-head.csv'], 'azure-trace', ['cached=CachedTokens'], { model: 'gpt-5.5' }));
    expect(message).toBe('azure-trace-head.csv:1: has no column "CachedTokens"; its header has TIMESTAMP, ContextTokens, GeneratedTokens');
  });
});

describe('readUsage: bad records are counted and located, never skipped silently', () => {
  const header = 'time,model,input,output\n';
  it('reports each kind of bad record at its line', async () => {
    const dir = tempDir();
    const rows = [
      '2027-01-01T00:00:00Z,gpt-5.5,10,2', // line 2: good
      'yesterday,gpt-5.5,10,2', // 3: time
      '2027-02-30T00:00:00Z,gpt-5.5,10,2', // 4: no such day
      '2027-01-01T00:00:00Z,gpt-5.5,-1,2', // 5: negative
      '2027-01-01T00:00:00Z,gpt-5.5,1.5,2', // 6: not whole
      '2027-01-01T00:00:00Z,gpt-5.5,99999999999999999999,2', // 7: beyond the most a request holds
      '2027-01-01T00:00:00Z,gpt-5.5,10', // 8: a cell short
      '2027-01-01T00:00:00Z,,10,2', // 9: no model
      '2027-01-01T00:00:00Z,gpt-5.5,,2', // 10: no input
    ];
    writeFileSync(path.join(dir, 'u.csv'), header + rows.join('\n'));
    const { records, summary } = await read(['u.csv'], undefined, ['time=time', 'model=model', 'input=input', 'output=output'], { cwd: dir });
    expect(records).toHaveLength(1);
    expect(summary.bad).toBe(8);
    expect(summary.firstBad.map((p) => `${p.line}: ${p.message}`)).toEqual([
      '3: time: expected a time such as 2026-07-14T09:12:33Z, got "yesterday"',
      '4: time: expected a time such as 2026-07-14T09:12:33Z, got "2027-02-30T00:00:00Z"',
      '5: input: expected a whole number from 0 to 10,000,000,000, got "-1"',
      '6: input: expected a whole number from 0 to 10,000,000,000, got "1.5"',
      '7: input: expected a whole number from 0 to 10,000,000,000, got "99999999999999999999"',
      '8: has 3 cells; the header has 4',
      '9: model: missing; expected a model id (or give --model)',
      '10: input: missing; expected a whole number of tokens',
    ]);
  });

  it('stops at the first with --strict, naming it', async () => {
    const dir = tempDir();
    writeFileSync(path.join(dir, 'u.csv'), header + '2027-01-01T00:00:00Z,gpt-5.5,10,2\n2027-01-01T00:00:00Z,gpt-5.5,ten,2\n');
    const message = await problemOf(read(['u.csv'], undefined, ['time=time', 'model=model', 'input=input', 'output=output'], { cwd: dir, strict: true }));
    expect(message).toBe('u.csv:3: input: expected a whole number from 0 to 10,000,000,000, got "ten" (--strict makes any bad record an error)');
  });

  it('counts lines that are not JSON, and writes fewer cached tokens than the total as bad', async () => {
    const dir = tempDir();
    writeFileSync(
      path.join(dir, 'u.jsonl'),
      ['{"t":"2027-01-01T00:00:00Z","m":"gpt-5.5","in":10,"c":2,"out":1}', '{"t":"2027-01-01T00:00:00Z","m":"gpt-5.5","in":10,"c":20,"out":1}', 'not json at all', '', '[1,2]'].join('\n'),
    );
    const { records, summary } = await read(['u.jsonl'], undefined, ['time=t', 'model=m', 'input_total=in', 'cached=c', 'output=out'], { cwd: dir });
    expect(records.map((r) => [r.input, r.cachedInput])).toEqual([[8, 2]]);
    expect(summary.firstBad.map((p) => `${p.line}: ${p.message}`)).toEqual([
      '2: in: 10 input tokens in all, fewer than the 20 cached and written',
      '3: is not JSON: not json at all',
      // [1,2] has none of the mapped paths: each is named, cached too, since the user mapped it
      '5: t: expected a time such as 2026-07-14T09:12:33Z, got nothing; c: missing; expected a whole number of tokens; out: missing; expected a whole number of tokens; in: missing; expected a whole number of tokens; m: missing; expected a model id (or give --model)',
    ]);
  });

  it('passes over a line longer than 64 MiB, saying so, and reads the next', async () => {
    const dir = tempDir();
    const long = `{"pad":"${'x'.repeat(64 * 1024 * 1024)}"}`;
    writeFileSync(path.join(dir, 'u.jsonl'), `${long}\n{"t":"2027-01-01T00:00:00Z","m":"gpt-5.5","in":1,"out":1}\n`);
    const { records, summary } = await read(['u.jsonl'], undefined, ['time=t', 'model=m', 'input=in', 'output=out'], { cwd: dir });
    expect(records).toHaveLength(1);
    expect(summary.firstBad.map((p) => `${p.line}: ${p.message}`)).toEqual(['1: is longer than 64 MiB; passed over']);
  });

  it('refuses damaged gzip, a missing file, an empty CSV and a name that tells no format', async () => {
    const dir = tempDir();
    writeFileSync(path.join(dir, 'cut.jsonl.gz'), gzipSync('{"a":1}\n'.repeat(1000)).subarray(0, 30));
    writeFileSync(path.join(dir, 'empty.csv'), '');
    writeFileSync(path.join(dir, 'usage.txt'), 'x');
    const maps = ['time=t', 'input=in', 'output=out'];
    expect(await problemOf(read(['cut.jsonl.gz'], undefined, maps, { cwd: dir, model: 'm' }))).toBe('cut.jsonl.gz: cannot read: it is not valid gzip (damaged or cut short)');
    expect(await problemOf(read(['nowhere.csv'], undefined, maps, { cwd: dir }))).toBe('nowhere.csv: cannot read: no such file or directory');
    expect(await problemOf(read(['empty.csv'], undefined, maps, { cwd: dir }))).toBe('empty.csv:1: is empty; expected a header row and one row per request');
    expect(await problemOf(read(['usage.txt'], undefined, maps, { cwd: dir }))).toContain('usage.txt: cannot tell its format from its name');
  });
});
