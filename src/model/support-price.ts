/**
 * Support plans (support.csv): a monthly fee that is a share of the month's spend on the cloud,
 * in bands, with a minimum. One row per band of a plan and validity window:
 *
 *   cloud,plan,tier_from,tier_to,percent,minimum,currency,effective_from,effective_to,source,as_of,note
 *   aws,business-legacy,0,10000,10%,100,USD,,2027-01-01,https://aws.amazon.com/premiumsupport/pricing/,…
 *   aws,business-legacy,10000,80000,7%,100,USD,,2027-01-01,…
 *
 *   fee = max(minimum, Σ band percent × the month's spend within the band)
 *
 * AWS's own example: 85 000 of spend on Business is 10 % × 10 000 + 7 % × 70 000 + 5 % × 5 000
 * = 6 150. A plan of flat fee has one band at 0 % and the fee as its minimum. Bands, like tiers,
 * start at 0 and each starts where the previous ends; one plan has one minimum.
 */
import * as z from 'zod';
import { findOverlaps, sourcedColumns, toSourced, windowProblem, type RowRef, type Sourced } from './catalog.js';
import type { Diagnostic } from './diagnostic.js';
import { groupBy } from './group-by.js';
import { INFRASTRUCTURE_CLOUDS, type Cloud } from './cloud.js';
import { count, currency, id, oneOf, optional, percent } from './fields.js';
import { dec, type Decimal } from './money.js';

export interface SupportPrice extends Sourced {
  cloud: Cloud;
  plan: string;
  /** The band's bounds in monthly spend, in `currency`. */
  tierFrom: Decimal;
  tierTo: Decimal | undefined;
  /** The band's share of spend, as a fraction (0.07 for 7 %). */
  percent: Decimal;
  minimum: Decimal;
  currency: string;
}

export const supportRowSchema = z
  .strictObject({
    cloud: oneOf(INFRASTRUCTURE_CLOUDS),
    plan: id('a support plan such as business-support-plus'),
    tier_from: optional(count('money', '10000')),
    tier_to: optional(count('money', '80000')),
    percent: percent('7%'),
    minimum: count('money', '100').default(dec('0')),
    currency: currency(),
    ...sourcedColumns,
  })
  .superRefine((row, ctx) => {
    const window = windowProblem(row);
    if (window !== undefined) ctx.addIssue({ code: 'custom', path: ['effective_to'], message: window });
    if (row.tier_to !== undefined && row.tier_to.lte(row.tier_from ?? 0)) {
      ctx.addIssue({ code: 'custom', path: ['tier_to'], message: `must be above tier_from (${(row.tier_from ?? dec('0')).toFixed()}), got ${row.tier_to.toFixed()}` });
    }
  });

export const OPTIONAL_SUPPORT_COLUMNS = ['tier_from', 'tier_to', 'minimum', 'effective_from', 'effective_to', 'checked', 'note'];

export function toSupportPrice(row: z.output<typeof supportRowSchema>, ref: RowRef): SupportPrice {
  return {
    cloud: row.cloud,
    plan: row.plan,
    tierFrom: row.tier_from ?? dec('0'),
    tierTo: row.tier_to,
    percent: row.percent,
    minimum: row.minimum,
    currency: row.currency,
    ...toSourced(row, ref),
  };
}

/** `support aws business-legacy` */
export function supportKey(row: Pick<SupportPrice, 'cloud' | 'plan'>): string {
  return `support ${row.cloud} ${row.plan}`;
}

/**
 * A plan's integrity: no two rows for one band overlap in time, and each schedule (the bands of
 * one plan and window) starts at 0, has no gaps, one currency and one minimum.
 */
export function supportProblems(rows: readonly SupportPrice[]): Diagnostic[] {
  const problems = findOverlaps(rows, (row) => `${supportKey(row)} band from ${row.tierFrom.toFixed()}`);
  for (const schedule of groupBy(rows, (row) => `${supportKey(row)} ${row.effectiveFrom ?? ''} ${row.effectiveTo ?? ''}`).values()) {
    const sorted = [...schedule].sort((a, b) => a.tierFrom.comparedTo(b.tierFrom));
    const first = sorted[0]!;
    let expected = dec('0');
    for (const row of sorted) {
      const at = { file: row.ref.file, line: row.ref.line };
      if (!row.tierFrom.eq(expected)) problems.push({ ...at, path: ['tier_from'], message: `${supportKey(row)}: expected the band to start at ${expected.toFixed()}, got ${row.tierFrom.toFixed()}` });
      if (row.tierTo === undefined && row !== sorted[sorted.length - 1]) problems.push({ ...at, path: ['tier_to'], message: `${supportKey(row)}: only the last band may be open-ended` });
      if (row.currency !== first.currency) problems.push({ ...at, path: ['currency'], message: `${supportKey(row)} is in ${first.currency} at line ${first.ref.line}; one plan needs one currency` });
      if (!row.minimum.eq(first.minimum)) problems.push({ ...at, path: ['minimum'], message: `${supportKey(row)} has minimum ${first.minimum.toFixed()} at line ${first.ref.line}; one plan has one minimum` });
      expected = row.tierTo ?? expected;
    }
  }
  return problems;
}
