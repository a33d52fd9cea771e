/**
 * Round-trip times between two places (latency.csv), symmetric, in milliseconds:
 *
 *   cloud_a,region_a,cloud_b,region_b,rtt_ms,statistic,source,as_of,note
 *   azure,eastus,azure,eastus2,11,p95,https://learn.microsoft.com/azure/networking/azure-network-latency,2026-07-30,
 *
 * Latency is reported, not priced; a pair without a row is shown as unknown, and a scenario may
 * state its own assumption for it.
 */
import * as z from 'zod';
import { dateColumns, toSourced, type RowRef, type Sourced } from './catalog.js';
import { CLOUD_IDS, type Location } from './cloud.js';
import { id, oneOf, price, text } from './fields.js';
import type { Decimal } from './money.js';

export interface Latency extends Omit<Sourced, 'effectiveFrom' | 'effectiveTo'> {
  between: [Location, Location];
  rttMs: Decimal;
  statistic: string;
}

export const latencyRowSchema = z.strictObject({
  cloud_a: oneOf(CLOUD_IDS),
  region_a: id('a region such as eastus'),
  cloud_b: oneOf(CLOUD_IDS),
  region_b: id('a region such as eastus2'),
  rtt_ms: price(),
  statistic: text('a statistic such as p50 or p95'),
  ...dateColumns,
});

export function toLatency(row: z.output<typeof latencyRowSchema>, ref: RowRef): Latency {
  const { source, asOf, checked, note } = toSourced(row, ref);
  return {
    between: [
      { cloud: row.cloud_a, region: row.region_a },
      { cloud: row.cloud_b, region: row.region_b },
    ],
    rttMs: row.rtt_ms,
    statistic: row.statistic,
    source,
    asOf,
    checked,
    note,
    ref,
  };
}

/** `aws/us-east-1 ↔ azure/eastus2`, the same whichever way round. */
export function pairKey(a: Location, b: Location): string {
  const [x, y] = [`${a.cloud}/${a.region}`, `${b.cloud}/${b.region}`].sort();
  return `${x} ↔ ${y}`;
}
