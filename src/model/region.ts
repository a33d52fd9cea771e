/**
 * The regions a catalog knows (regions.csv), beyond those its price rows name. A row priced for
 * every region (`*`) does not say which regions exist, so a scenario's `region: eastus-2` could
 * otherwise price silently; regions.csv lists real ones, each with where it was read:
 *
 *   cloud,region,source,as_of,note
 *   azure,westus3,https://prices.azure.com/api/retail/prices,2026-07-31,Regional Standard meter region
 *
 * A company's own catalog can add the regions it uses.
 */
import * as z from 'zod';
import { dateColumns, toSourced, type RowRef, type Sourced } from './catalog.js';
import { CLOUD_IDS, type Cloud } from './cloud.js';
import { id, oneOf } from './fields.js';

export interface KnownRegion extends Omit<Sourced, 'effectiveFrom' | 'effectiveTo'> {
  cloud: Cloud;
  region: string;
}

export const regionRowSchema = z.strictObject({
  cloud: oneOf(CLOUD_IDS),
  region: id('a region such as westus3'),
  ...dateColumns,
});

export function toKnownRegion(row: z.output<typeof regionRowSchema>, ref: RowRef): KnownRegion {
  const { source, asOf, checked, note } = toSourced(row, ref);
  return { cloud: row.cloud, region: row.region, source, asOf, checked, note, ref };
}
