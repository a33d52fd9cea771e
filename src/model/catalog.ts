/**
 * The pricing catalog: token prices per 1M tokens, one row per (cloud, region, deployment,
 * tier, model) and validity window. A row prices a month's usage for the days it is in
 * effect, so a price cut dated mid-horizon shows up from its day on.
 *
 *   cloud,region,deployment,tier,model,input,cached_input,output,currency,effective_from,effective_to,source,as_of,note
 *   openai,*,global,standard,gpt-5.5,5.00,0.50,30.00,USD,,,https://developers.openai.com/api/docs/pricing,2026-07-24,
 *
 * `region` may be `*`: the price holds in every region of that cloud and deployment, unless
 * rows for the exact region exist. effective_from and effective_to are dates; the window is
 * [effective_from, effective_to), empty meaning unbounded on that side.
 */
import * as z from 'zod';
import { CLOUD_IDS, TIERS, type Cloud, type Tier } from './cloud.js';
import type { Diagnostic } from './diagnostic.js';
import { id, isoDate, matching, oneOf, optional, price, url } from './fields.js';
import type { Decimal } from './money.js';
import type { IsoDate } from './period.js';

export const ANY_REGION = '*';

export interface PriceKey {
  cloud: Cloud;
  region: string;
  deployment: string;
  tier: Tier;
  model: string;
}

export interface RowRef {
  file: string;
  line: number;
}

export interface ModelPrice extends PriceKey {
  /** Per 1M tokens, in `currency`. */
  input: Decimal;
  /** Per 1M cached input tokens; undefined where the seller offers no prompt caching. */
  cachedInput: Decimal | undefined;
  output: Decimal;
  currency: string;
  effectiveFrom: IsoDate | undefined;
  effectiveTo: IsoDate | undefined;
  source: string;
  asOf: IsoDate;
  note: string | undefined;
  ref: RowRef;
}

export interface Catalog {
  /** The files it was read from, as shown to the user. */
  files: string[];
  models: ModelPrice[];
}

/** One models.csv row, all cells as text. Column order in the file is free. */
export const modelRowSchema = z
  .strictObject({
    cloud: oneOf(CLOUD_IDS),
    region: matching('a region such as eastus2, or * for every region', /^(\*|[A-Za-z0-9][A-Za-z0-9._-]*)$/),
    deployment: id('a deployment such as global or data-zone'),
    tier: oneOf(TIERS),
    model: id('a model id such as gpt-5.5'),
    input: price(),
    cached_input: optional(price()),
    output: price(),
    currency: matching('a three-letter currency code such as USD', /^[A-Z]{3}$/),
    effective_from: optional(isoDate()),
    effective_to: optional(isoDate()),
    source: url(),
    as_of: isoDate(),
    note: optional(z.string()),
  })
  .superRefine((row, ctx) => {
    if (row.effective_from && row.effective_to && row.effective_to <= row.effective_from) {
      ctx.addIssue({
        code: 'custom',
        path: ['effective_to'],
        message: `must be after effective_from (${row.effective_from}), got ${row.effective_to}`,
      });
    }
  });

export const MODEL_COLUMNS = Object.keys(modelRowSchema.shape) as (keyof typeof modelRowSchema.shape)[];
export const REQUIRED_MODEL_COLUMNS = MODEL_COLUMNS.filter((c) => c !== 'note');

export function toModelPrice(row: z.output<typeof modelRowSchema>, ref: RowRef): ModelPrice {
  return {
    cloud: row.cloud,
    region: row.region,
    deployment: row.deployment,
    tier: row.tier,
    model: row.model,
    input: row.input,
    cachedInput: row.cached_input,
    output: row.output,
    currency: row.currency,
    effectiveFrom: row.effective_from,
    effectiveTo: row.effective_to,
    source: row.source,
    asOf: row.as_of,
    note: row.note,
    ref,
  };
}

/** `azure/eastus2/global/standard/gpt-5.5`, the way errors and reports name a key. */
export function formatKey(key: PriceKey): string {
  return `${key.cloud}/${key.region}/${key.deployment}/${key.tier}/${key.model}`;
}

/**
 * Two rows for the same key whose windows overlap would make a price ambiguous; each such
 * row is reported at its own line, naming the earlier one.
 */
export function findOverlaps(prices: readonly ModelPrice[]): Diagnostic[] {
  const byKey = new Map<string, ModelPrice[]>();
  for (const p of prices) {
    const key = formatKey(p);
    byKey.set(key, [...(byKey.get(key) ?? []), p]);
  }
  const problems: Diagnostic[] = [];
  for (const [key, rows] of byKey) {
    const sorted = [...rows].sort((a, b) => (a.effectiveFrom ?? '').localeCompare(b.effectiveFrom ?? ''));
    sorted.forEach((row, i) => {
      const earlier = sorted.slice(0, i).find((other) => other.effectiveTo === undefined || row.effectiveFrom === undefined || row.effectiveFrom < other.effectiveTo);
      if (earlier === undefined) return;
      problems.push({
        file: row.ref.file,
        line: row.ref.line,
        path: ['effective_from'],
        message: `${key} is already priced for ${window(earlier)} by line ${earlier.ref.line}; windows for one key must not overlap`,
      });
    });
  }
  return problems;
}

function window(p: ModelPrice): string {
  if (p.effectiveFrom === undefined && p.effectiveTo === undefined) return 'all dates';
  if (p.effectiveTo === undefined) return `dates from ${p.effectiveFrom}`;
  if (p.effectiveFrom === undefined) return `dates before ${p.effectiveTo}`;
  return `${p.effectiveFrom} to ${p.effectiveTo}`;
}
