import { describe, expect, it } from 'vitest';
import { indexPrices } from '../../src/engine/price-lookup.js';
import { catalog } from '../helpers/inline.js';

const prices = indexPrices(catalog`
  openai,*,global,standard,m,2.50,0.25,15.00,USD,,2026-07-30,https://example.com/p,2026-07-01,
  openai,*,global,standard,m,2.00,0.20,12.00,USD,2026-07-30,,https://example.com/p,2026-08-01,
  azure,*,global,standard,m,5.00,0.50,30.00,USD,2026-05-01,,https://example.com/p,2026-07-31,
  azure,westeurope,global,standard,m,6.00,0.60,36.00,USD,2026-05-01,2026-09-01,https://example.com/p,2026-07-31,
`);
const key = { cloud: 'openai', region: 'global', deployment: 'global', tier: 'standard', model: 'm' } as const;

const segments = (found: ReturnType<typeof prices>) =>
  'missing' in found ? found.missing : found.segments.map((s) => [s.price.input.toFixed(), s.days, s.price.ref.line]);

describe('price lookup', () => {
  it('splits a month where a price changes within it, by days', () => {
    // 2026-07-30 cut: July 1–29 at 2.50 (29 days), July 30–31 at 2.00 (2 days)
    expect(segments(prices(key, '2026-07'))).toEqual([
      ['2.5', 29, 2],
      ['2', 2, 3],
    ]);
    expect(segments(prices(key, '2026-06'))).toEqual([['2.5', 30, 2]]);
    expect(segments(prices(key, '2026-08'))).toEqual([['2', 31, 3]]);
  });

  it('uses * rows for any region, and exact-region rows over them', () => {
    expect(segments(prices({ ...key, cloud: 'azure', region: 'eastus2' }, '2026-05'))).toEqual([['5', 31, 4]]);
    expect(segments(prices({ ...key, cloud: 'azure', region: 'westeurope' }, '2026-05'))).toEqual([['6', 31, 5]]);
  });

  it('names the key and month when no row prices it', () => {
    expect(segments(prices({ ...key, tier: 'batch' }, '2026-07'))).toBe(
      'no price for openai/global/global/batch/m in 2026-07 (the catalog has m on openai as openai/*/global/standard/m)',
    );
    expect(segments(prices({ ...key, model: 'n' }, '2026-07'))).toBe('no price for openai/global/global/standard/n in 2026-07 (the catalog has no n price on openai)');
    expect(segments(prices({ ...key, cloud: 'azure', region: 'eastus2' }, '2026-04'))).toBe(
      'no price for azure/eastus2/global/standard/m in 2026-04 (no day of it is priced; catalog rows cover 2026-05-01 to … at inline.csv:4)',
    );
  });

  it('reports a month that is only partly priced', () => {
    expect(segments(prices({ ...key, cloud: 'azure', region: 'westeurope' }, '2026-09'))).toBe(
      'no price for azure/westeurope/global/standard/m in 2026-09 (no day of it is priced; catalog rows cover 2026-05-01 to 2026-09-01 at inline.csv:5)',
    );
    const late = indexPrices(catalog`
      aws,*,in-region,standard,m,1,,1,USD,2026-06-10,,https://example.com/p,2026-06-10,
    `);
    expect(segments(late({ ...key, cloud: 'aws', region: 'us-east-2', deployment: 'in-region' }, '2026-06'))).toBe(
      'no price for aws/us-east-2/in-region/standard/m in 2026-06 (only 21 of its 30 days are priced; catalog rows cover 2026-06-10 to … at inline.csv:2)',
    );
  });
});
