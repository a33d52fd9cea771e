/**
 * Prompt-cache writes and long-context tiers, priced end to end against hand arithmetic.
 * Catalog: Claude-like prices per 1M, with a tier for prompts over 200 000 tokens.
 */
import { describe, expect, it } from 'vitest';
import { simulate } from '../../src/engine/simulate.js';
import { InputError } from '../../src/model/diagnostic.js';
import { sum } from '../../src/model/money.js';
import { scenario, tieredCatalog } from '../helpers/inline.js';

const prices = tieredCatalog`
  anthropic,*,global,standard,m,3,0.30,15,USD,,,https://example.com/p,2026-06-01,,3.75,6,
  anthropic,*,global,standard,m,6,0.60,22.50,USD,,,https://example.com/p,2026-06-01,,7.50,12,200000
`;

function run(tokens: string, long: string, catalog = prices) {
  const s = scenario`
    name: tiers
    horizon: { start: 2026-09, months: 1 }
    workloads:
      - id: w
        model: m
        sessions_per_month: 1000
        turns_per_session: 1
        tokens_per_call: ${tokens}
        ${long}
    options:
      - id: direct
        model: { cloud: anthropic, region: global, deployment: global }
  `;
  return simulate(s, catalog);
}

const byCategory = (items: ReturnType<typeof run>['lineItems']) =>
  Object.fromEntries([...new Set(items.map((i) => i.category))].map((c) => [c, sum(items.filter((i) => i.category === c).map((i) => i.cost)).toFixed()]));

describe('prompt-cache writes and long-context tiers', () => {
  it('bills writes at the write price and long prompts at the long-context tier, whole requests', () => {
    const { lineItems } = run('{ input: 10k, cached_share: 50%, cache_write_share: 20%, output: 1k }', 'long_context: { share: 10%, input: 400k, output: 2k }');
    // ordinary 900 calls: 2.7M × 3 = 8.10, 4.5M × 0.30 = 1.35, written 1.8M × 3.75 = 6.75, 0.9M × 15 = 13.50
    // long 100 calls (400k > 200k): 12M × 6 = 72, 20M × 0.60 = 12, 8M × 7.50 = 60, 0.2M × 22.50 = 4.50
    expect(byCategory(lineItems)).toEqual({ 'tokens.input': '80.1', 'tokens.cached': '13.35', 'tokens.cache-write': '66.75', 'tokens.output': '18' });
    expect(sum(lineItems.map((i) => i.cost)).toFixed()).toBe('178.2');
    const longWrite = lineItems.find((i) => i.category === 'tokens.cache-write' && i.meter.includes('over'))!;
    expect(longWrite.meter).toBe('m cache write tokens (5m), global standard, prompts over 200000');
    expect(longWrite.priceRef?.line).toBe(3);
  });

  it('bills 1-hour writes at the 1-hour price', () => {
    const { lineItems } = run('{ input: 10k, cached_share: 50%, cache_write_share: 20%, cache_ttl: 1h, output: 1k }', 'long_context: { share: 10%, input: 400k, output: 2k }');
    // writes: 1.8M × 6 = 10.80 and 8M × 12 = 96 instead of 6.75 and 60: 178.20 − 66.75 + 106.80 = 218.25
    expect(sum(lineItems.filter((i) => i.category === 'tokens.cache-write').map((i) => i.cost)).toFixed()).toBe('106.8');
    expect(sum(lineItems.map((i) => i.cost)).toFixed()).toBe('218.25');
  });

  it('bills a prompt at the threshold, not over it, at the ordinary prices', () => {
    const { lineItems } = run('{ input: 10k, cached_share: 50%, cache_write_share: 20%, output: 1k }', 'long_context: { share: 10%, input: 200k, output: 2k }');
    // long 100 calls × 200 000 = 20M in: cached 10M × 0.30 = 3, written 4M × 3.75 = 15, uncached 6M × 3 = 18, 0.2M out × 15 = 3 → 39
    // plus the ordinary 29.70
    expect(sum(lineItems.map((i) => i.cost)).toFixed()).toBe('68.7');
    expect(lineItems.some((i) => i.meter.includes('over'))).toBe(false);
  });

  it('picks the highest threshold below the prompt', () => {
    const tiers = tieredCatalog`
      anthropic,*,global,standard,m,1,0.1,2,USD,,,https://example.com/p,2026-06-01,,,,
      anthropic,*,global,standard,m,10,1,20,USD,,,https://example.com/p,2026-06-01,,,,128000
      anthropic,*,global,standard,m,100,10,200,USD,,,https://example.com/p,2026-06-01,,,,256000
    `;
    const { lineItems } = run('{ input: 1k, output: 0 }', 'long_context: { share: 100%, input: 150k, output: 0 }', tiers);
    // 1 000 calls × 150 000 = 150M input at the 128k tier's 10 per 1M = 1 500
    expect(lineItems.map((i) => [i.quantity.toFixed(), i.cost.toFixed(), i.priceRef?.line])).toEqual([['150000000', '1500', 3]]);
  });

  it('names the key and the missing column when a write or a tier has no price', () => {
    const gaps = tieredCatalog`
      anthropic,*,global,standard,m,3,0.30,15,USD,,,https://example.com/p,2026-06-01,,,,
      anthropic,*,global,standard,m,6,0.60,22.50,USD,2026-09-16,,https://example.com/p,2026-06-01,,7.50,,200000
    `;
    const error = (() => {
      try {
        run('{ input: 10k, cache_write_share: 20%, cache_ttl: 1h, output: 1k }', 'long_context: { share: 10%, input: 400k, output: 2k }', gaps);
      } catch (e) {
        return e as InputError;
      }
      throw new Error('expected an error');
    })();
    expect(error.diagnostics.map((d) => d.message)).toEqual([
      'inline.csv:2 has no cache_write_1h price for m on anthropic, but workload "w" writes part of its input to the prompt cache (set its cache_write_share to 0%, choose another cache_ttl, or price cache writes)',
      'no price for anthropic/global/global/standard/m/over-200000 in 2026-09 (only 15 of its 30 days are priced; catalog rows cover 2026-09-16 to … at inline.csv:3), needed by workload "w" for its calls with 400000-token prompts',
    ]);
  });
});

describe('long-context rows in models.csv', () => {
  it('takes prompt_over as a whole number of tokens above 0', () => {
    expect(() => tieredCatalog`
      anthropic,*,global,standard,m,6,0.60,22.50,USD,,,https://example.com/p,2026-06-01,,,,0
    `).toThrow('must be at least 1, got 0');
    expect(() => tieredCatalog`
      anthropic,*,global,standard,m,6,0.60,22.50,USD,,,https://example.com/p,2026-06-01,,,,272000.5
    `).toThrow('expected a whole number of tokens, got 272000.5');
    expect(tieredCatalog`
      anthropic,*,global,standard,m,6,0.60,22.50,USD,,,https://example.com/p,2026-06-01,,,,272k
    `.models[0]!.promptOver?.toFixed()).toBe('272000');
  });
});
