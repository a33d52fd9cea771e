/**
 * replay on hostile logs: whatever the bytes, it answers with figures (exit 0) or located
 * problems (exit 2) — never a crash, a stack, or a figure that is not a finite decimal — and
 * every record is either counted, passed over, a duplicate or a bad record, never lost.
 */
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/run-cli.js';

const GOOD_CSV = ['2026-07-01T10:00:00Z,gpt-5.5,100,10,0,5', '2026-07-02 11:00:00,gpt-5.4,5,0,0,1', '1782864000,gpt-5.5-2026-04-23,7,7,0,0'];
const BAD_CSV = ['', ',,,,,', '"', '"a,"b",c', '2026-07-01T10:00:00Z,gpt-5.5,-1,0,0,1', '2026-07-01T10:00:00Z,gpt-5.5,1e3,0,0,1', 'x'.repeat(3000), '2026-02-30,gpt-5.5,1,0,0,1', '\u0000\u0001', '"multi\nline",gpt-5.5,1,0,0,1', '2026-07-01T10:00:00Z,unknown-model,1,0,0,1', '2026-07-01T10:00:00Z,gpt-5.5,1,2,0,1', '\u001b[31m,gpt-5.5,1,0,0,1', '9'.repeat(40)];
const GOOD_JSONL = [
  JSON.stringify({ type: 'assistant', timestamp: '2026-07-01T10:00:00.000Z', requestId: 'r1', message: { id: 'm1', model: 'claude-sonnet-4-6', content: [], stop_reason: null, usage: { input_tokens: 3, output_tokens: 4, cache_read_input_tokens: 5 } } }),
  JSON.stringify({ type: 'user', message: { role: 'user', content: 'hi' } }),
];
const BAD_JSONL = ['{', '[]', 'null', '{"type":"assistant","message":{"usage":{"input_tokens":"x"}}}', '{"type":"assistant","timestamp":"2026-07-01T10:00:00Z","message":{"model":"claude-sonnet-4-6","usage":{"input_tokens":1,"output_tokens":-5}}}', `${'{"a":'.repeat(5000)}1${'}'.repeat(5000)}`, '\uFEFF{}', '{"type":"assistant","message":{"model":"<synthetic>","usage":{"input_tokens":0,"output_tokens":0}},"timestamp":"2026-07-01T10:00:00Z"}'];

describe('replay on hostile logs (property, 60 runs)', () => {
  it('answers with figures or located problems, never a crash', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'cloudtco-replay-fuzz-'));
    const csvLine = fc.oneof({ arbitrary: fc.constantFrom(...GOOD_CSV), weight: 6 }, { arbitrary: fc.constantFrom(...BAD_CSV), weight: 2 }, { arbitrary: fc.string({ maxLength: 40 }), weight: 1 });
    const jsonLine = fc.oneof({ arbitrary: fc.constantFrom(...GOOD_JSONL), weight: 6 }, { arbitrary: fc.constantFrom(...BAD_JSONL), weight: 2 }, { arbitrary: fc.string({ maxLength: 40 }), weight: 1 });
    const run = fc.record({
      csv: fc.boolean(),
      csvLines: fc.array(csvLine, { maxLength: 12 }),
      jsonLines: fc.array(jsonLine, { maxLength: 12 }),
      crlf: fc.boolean(),
      gzip: fc.boolean(),
      strict: fc.boolean(),
      format: fc.constantFrom('table', 'json', 'csv'),
    });
    let n = 0;
    const codes = { 0: 0, 2: 0 } as Record<number, number>;
    await fc.assert(
      fc.asyncProperty(run, async (r) => {
        const eol = r.crlf ? '\r\n' : '\n';
        const text = r.csv ? ['time,model,input,cached,written,output', ...r.csvLines].join(eol) : r.jsonLines.join(eol);
        const file = path.join(dir, `usage-${n++}.${r.csv ? 'csv' : 'jsonl'}`);
        await writeFile(file, r.gzip ? gzipSync(text) : text);
        const layout = r.csv ? ['--map', 'time=time', '--map', 'model=model', '--map', 'input=input', '--map', 'cached=cached', '--map', 'cache_write=written', '--map', 'output=output'] : ['--preset', 'claude-code'];
        const options = r.csv ? ['--option', 'a=openai/global/global', '--option', 'b=azure/eastus2/global'] : ['--option', 'a=anthropic/global/global', '--option', 'b=gcp/us-east4/global'];
        const result = await runCli(['replay', file, ...layout, ...options, '--prices-on', '2026-12-01', '--format', r.format, ...(r.strict ? ['--strict'] : [])]);
        expect([0, 2], result.stderr).toContain(result.code);
        codes[result.code]!++;
        expect(result.stderr).not.toMatch(/\n\s+at /); // no stack
        if (result.code === 2) {
          expect(result.stderr.trim()).not.toBe('');
          return;
        }
        if (r.format === 'json') {
          const json = JSON.parse(result.stdout);
          for (const option of json.options) expect(option.total).toMatch(/^-?\d+(\.\d+)?$/);
          const { replayed } = json;
          expect(replayed.records).toBeGreaterThan(0);
          expect(replayed.badRecords).toBeGreaterThanOrEqual(0);
        }
      }),
      { numRuns: 60, seed: 4413 },
    );
    // worth something only if both answers came often
    expect(codes[0]).toBeGreaterThan(10);
    expect(codes[2]).toBeGreaterThan(10);
  });
});
