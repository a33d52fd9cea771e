/**
 * Token prices (models.csv): per 1M tokens, one row per (cloud, region, deployment, tier,
 * model) and validity window. A row prices a month's usage for the days it is in effect, so a
 * price cut dated mid-horizon shows up from its day on.
 *
 *   cloud,region,deployment,tier,model,input,cached_input,output,currency,effective_from,effective_to,source,as_of,note
 *   openai,*,global,standard,gpt-5.5,5.00,0.50,30.00,USD,,,https://developers.openai.com/api/docs/pricing,2026-07-24,
 *
 * `region` may be `*`: the price holds in every region of that cloud and deployment, unless
 * rows for the exact region exist.
 */
import * as z from 'zod';
import { CLOUD_IDS, TIERS, type Cloud, type Tier } from './cloud.js';
import { sourcedColumns, toSourced, windowProblem, type RowRef, type Sourced } from './catalog.js';
import { currency, id, oneOf, optional, price, region } from './fields.js';
import type { Decimal } from './money.js';

export interface PriceKey {
  cloud: Cloud;
  region: string;
  deployment: string;
  tier: Tier;
  model: string;
}

export interface ModelPrice extends PriceKey, Sourced {
  /** Per 1M tokens, in `currency`. */
  input: Decimal;
  /** Per 1M cached input tokens; undefined where the seller offers no prompt caching. */
  cachedInput: Decimal | undefined;
  output: Decimal;
  currency: string;
}

/** One models.csv row, all cells as text. Column order in the file is free. */
export const modelRowSchema = z
  .strictObject({
    cloud: oneOf(CLOUD_IDS),
    region: region(),
    deployment: id('a deployment such as global or data-zone'),
    tier: oneOf(TIERS),
    model: id('a model id such as gpt-5.5'),
    input: price(),
    cached_input: optional(price()),
    output: price(),
    currency: currency(),
    ...sourcedColumns,
  })
  .superRefine((row, ctx) => {
    const problem = windowProblem(row);
    if (problem !== undefined) ctx.addIssue({ code: 'custom', path: ['effective_to'], message: problem });
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
    ...toSourced(row, ref),
  };
}

/** `azure/eastus2/global/standard/gpt-5.5`, the way errors and reports name a key. */
export function formatKey(key: PriceKey): string {
  return `${key.cloud}/${key.region}/${key.deployment}/${key.tier}/${key.model}`;
}
