/**
 * Metered prices: data transfer (egress.csv) and the services around a model (services.csv).
 * Both price a quantity in a unit, optionally in volume tiers that apply to a month's total:
 *
 *   egress.csv    cloud,region,destination,to_region,unit,tier_from,tier_to,price,currency,…
 *                 aws,us-east-1,internet,,gb,0,100,0.00,USD,…     the free allowance
 *                 aws,us-east-1,internet,,gb,100,10240,0.09,USD,…
 *   services.csv  cloud,region,service,meter,unit,tier_from,tier_to,price,currency,…
 *                 aws,us-east-1,dynamodb,read,million-requests,,,0.125,USD,…
 *
 * Tier bounds are in the row's unit; empty tier_from means 0 and empty tier_to means no upper
 * bound. The rows of one key and window form a schedule: it starts at 0 and each tier starts
 * where the previous one ends.
 *
 * A free allowance is a first tier at price 0. Its `allowance_scope` says what shares it:
 * `region` (the default: each region's schedule has its own) or `account` (one allowance for all
 * the regions of the cloud that list it, as AWS grants its 100 GB of internet egress).
 *
 * Egress `destination` is where the bytes go: `internet` (another cloud, or a vendor's API),
 * `inter-region` (the same cloud, another region) or `interconnect` (a private link the option
 * declares). `to_region` narrows an inter-region row to one destination region.
 */
import * as z from 'zod';
import { groupBy } from './group-by.js';
import { ANY_REGION, findOverlaps, sourcedColumns, toSourced, windowProblem, type RowRef, type Sourced } from './catalog.js';
import { CLOUD_IDS, type Cloud } from './cloud.js';
import type { Diagnostic } from './diagnostic.js';
import { currency, id, oneOf, optional, price, region } from './fields.js';
import { dec, type Decimal } from './money.js';
import { UNIT_IDS, type Unit } from './units.js';
import { append } from './append.js';

export const DESTINATIONS = ['internet', 'inter-region', 'interconnect'] as const;
export type Destination = (typeof DESTINATIONS)[number];

export interface MeteredPrice extends Sourced {
  table: 'egress' | 'services';
  cloud: Cloud;
  region: string;
  /** egress: destination kind and to_region (`*` for any); services: service and meter */
  item: [string, string];
  unit: Unit;
  tierFrom: Decimal;
  tierTo: Decimal | undefined;
  price: Decimal;
  currency: string;
  /** On a free first tier: whether each region has it, or the regions of the account share it. */
  allowanceScope: AllowanceScope;
}

export const ALLOWANCE_SCOPES = ['region', 'account'] as const;
export type AllowanceScope = (typeof ALLOWANCE_SCOPES)[number];

/** Columns a metered table may leave out of its header. */
export const OPTIONAL_TIER_COLUMNS = ['tier_from', 'tier_to', 'allowance_scope'];

const tierColumns = {
  tier_from: optional(price()),
  tier_to: optional(price()),
  allowance_scope: optional(oneOf(ALLOWANCE_SCOPES)),
  price: price(),
  currency: currency(),
  ...sourcedColumns,
};

function checked<T extends z.ZodRawShape>(shape: T) {
  return z.strictObject(shape).superRefine((row, ctx) => {
    const r = row as { tier_from?: Decimal; tier_to?: Decimal; price: Decimal; allowance_scope?: AllowanceScope; effective_from?: string; effective_to?: string };
    const window = windowProblem(r);
    if (r.allowance_scope === 'account' && (!(r.tier_from ?? dec('0')).isZero() || r.tier_to === undefined || !r.price.isZero())) {
      ctx.addIssue({ code: 'custom', path: ['allowance_scope'], message: 'an allowance shared by the account is a free first tier: tier_from 0, a tier_to, price 0' });
    }
    if (window !== undefined) ctx.addIssue({ code: 'custom', path: ['effective_to'], message: window });
    if (r.tier_to !== undefined && r.tier_to.lte(r.tier_from ?? 0)) {
      ctx.addIssue({ code: 'custom', path: ['tier_to'], message: `must be above tier_from (${(r.tier_from ?? dec('0')).toFixed()}), got ${r.tier_to.toFixed()}` });
    }
  });
}

export const egressRowSchema = checked({
  cloud: oneOf(CLOUD_IDS),
  region: region(),
  destination: oneOf(DESTINATIONS),
  to_region: optional(id('a region such as us-east-2')),
  unit: oneOf(UNIT_IDS),
  ...tierColumns,
});

export const serviceRowSchema = checked({
  cloud: oneOf(CLOUD_IDS),
  region: region(),
  service: id('a service such as dynamodb'),
  meter: id('a meter such as read or storage'),
  unit: oneOf(UNIT_IDS),
  ...tierColumns,
});

type TierRow = {
  cloud: Cloud;
  region: string;
  unit: Unit;
  tier_from?: Decimal | undefined;
  tier_to?: Decimal | undefined;
  allowance_scope?: AllowanceScope | undefined;
  price: Decimal;
  currency: string;
} & Parameters<typeof toSourced>[0];

function toMetered(table: MeteredPrice['table'], item: [string, string], row: TierRow, ref: RowRef): MeteredPrice {
  return {
    table,
    cloud: row.cloud,
    region: row.region,
    item,
    unit: row.unit,
    tierFrom: row.tier_from ?? dec('0'),
    tierTo: row.tier_to,
    price: row.price,
    currency: row.currency,
    allowanceScope: row.allowance_scope ?? 'region',
    ...toSourced(row, ref),
  };
}

export function toEgressPrice(row: z.output<typeof egressRowSchema>, ref: RowRef): MeteredPrice {
  return toMetered('egress', [row.destination, row.to_region ?? ANY_REGION], row, ref);
}

export function toServicePrice(row: z.output<typeof serviceRowSchema>, ref: RowRef): MeteredPrice {
  return toMetered('services', [row.service, row.meter], row, ref);
}

/** `egress aws/us-east-1 internet` or `services aws/us-east-1 dynamodb read` */
export function meteredKey(row: Pick<MeteredPrice, 'table' | 'cloud' | 'region' | 'item'>): string {
  const item = row.table === 'egress' && row.item[1] === ANY_REGION ? row.item[0] : row.item.join(' ');
  return `${row.table} ${row.cloud}/${row.region} ${item}`;
}

/**
 * A table's integrity: no two rows for one key and tier overlap in time, and each schedule
 * (the rows of one key sharing a window) starts at 0, has no gaps and one unit.
 */
export function meteredProblems(rows: readonly MeteredPrice[]): Diagnostic[] {
  const problems = findOverlaps(rows, (row) => `${meteredKey(row)} tier from ${row.tierFrom.toFixed()}`);
  const schedules = groupBy(rows, (row) => `${meteredKey(row)} ${row.effectiveFrom ?? ''} ${row.effectiveTo ?? ''}`);
  for (const schedule of schedules.values()) append(problems, scheduleProblems(schedule));
  return problems;
}

export function scheduleProblems(schedule: readonly MeteredPrice[]): Diagnostic[] {
  const sorted = [...schedule].sort((a, b) => a.tierFrom.comparedTo(b.tierFrom));
  const problems: Diagnostic[] = [];
  let expected = dec('0');
  for (const row of sorted) {
    const at = { file: row.ref.file, line: row.ref.line };
    if (row.unit !== sorted[0]!.unit) problems.push({ ...at, path: ['unit'], message: `${meteredKey(row)} is priced per ${sorted[0]!.unit} at line ${sorted[0]!.ref.line}; one schedule needs one unit` });
    if (!row.tierFrom.eq(expected)) {
      const message = expected.isZero() ? 'the first tier must start at 0' : `expected the tier to start at ${expected.toFixed()}, where line ${sorted[sorted.indexOf(row) - 1]!.ref.line} ends`;
      problems.push({ ...at, path: ['tier_from'], message: `${meteredKey(row)}: ${message}, got ${row.tierFrom.toFixed()}` });
    }
    if (row.tierTo === undefined && row !== sorted[sorted.length - 1]) {
      problems.push({ ...at, path: ['tier_to'], message: `${meteredKey(row)}: only the last tier may be open-ended` });
    }
    expected = row.tierTo ?? expected;
  }
  return problems;
}
