/**
 * Token prices (models.csv): per 1M tokens, one row per (cloud, region, deployment, tier,
 * model, prompt_over) and validity window. A row prices a month's usage for the days it is in
 * effect, so a price cut dated mid-horizon shows up from its day on.
 *
 *   cloud,region,deployment,tier,model,input,cached_input,output,currency,effective_from,effective_to,source,as_of,note
 *   openai,*,global,standard,gpt-5.5,5.00,0.50,30.00,USD,,,https://developers.openai.com/api/docs/pricing,2026-07-24,
 *
 * `region` may be `*`: the price holds in every region of that cloud and deployment, unless
 * rows for the exact region exist. `prompt_over`, when set, makes the row a long-context tier:
 * it prices whole requests whose prompt is longer than that many tokens (GPT-5.5 over 272 000).
 * `cache_write` and `cache_write_1h` price input written to a prompt cache (5-minute and 1-hour
 * time to live); empty where the seller publishes no write price.
 */
import * as z from 'zod';
import { CLOUD_IDS, TIERS, type Cloud, type Tier } from './cloud.js';
import { sourcedColumns, toSourced, windowProblem, type RowRef, type Sourced } from './catalog.js';
import { count, currency, id, oneOf, optional, price, region } from './fields.js';
import type { Decimal } from './money.js';

/** How long a prompt-cache write is kept: the seller's standard time to live (5 minutes at Anthropic), or an hour. */
export const CACHE_TTLS = ['5m', '1h'] as const;
export type CacheTtl = (typeof CACHE_TTLS)[number];

export interface PriceKey {
  cloud: Cloud;
  region: string;
  deployment: string;
  tier: Tier;
  model: string;
  /** Set for a long-context tier: the prompt length, in tokens, above which the row applies. */
  promptOver?: Decimal | undefined;
}

export interface ModelPrice extends PriceKey, Sourced {
  /** Per 1M tokens, in `currency`. */
  input: Decimal;
  /** Per 1M cached input tokens; undefined where the seller offers no prompt caching. */
  cachedInput: Decimal | undefined;
  output: Decimal;
  /** Per 1M input tokens written to the prompt cache with the seller's standard time to live (5 minutes at Anthropic). */
  cacheWrite: Decimal | undefined;
  /** Per 1M input tokens written with a 1-hour time to live. */
  cacheWrite1h: Decimal | undefined;
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
    cache_write: optional(price()),
    cache_write_1h: optional(price()),
    output: price(),
    prompt_over: optional(count('tokens', '272000', { min: '1', integer: true })),
    currency: currency(),
    ...sourcedColumns,
  })
  .superRefine((row, ctx) => {
    const problem = windowProblem(row);
    if (problem !== undefined) ctx.addIssue({ code: 'custom', path: ['effective_to'], message: problem });
  });

export const MODEL_COLUMNS = Object.keys(modelRowSchema.shape) as (keyof typeof modelRowSchema.shape)[];
/** Columns a models.csv may leave out of its header: catalogs written before them still load. */
export const OPTIONAL_MODEL_COLUMNS = ['cache_write', 'cache_write_1h', 'prompt_over', 'effective_to', 'checked', 'note'];

export function toModelPrice(row: z.output<typeof modelRowSchema>, ref: RowRef): ModelPrice {
  return {
    cloud: row.cloud,
    region: row.region,
    deployment: row.deployment,
    tier: row.tier,
    model: row.model,
    promptOver: row.prompt_over,
    input: row.input,
    cachedInput: row.cached_input,
    cacheWrite: row.cache_write,
    cacheWrite1h: row.cache_write_1h,
    output: row.output,
    currency: row.currency,
    ...toSourced(row, ref),
  };
}

/** `azure/eastus2/global/standard/gpt-5.5` (`…/gpt-5.5/over-272000` for a long-context tier), the way errors and reports name a key. */
export function formatKey(key: PriceKey): string {
  const base = `${key.cloud}/${key.region}/${key.deployment}/${key.tier}/${key.model}`;
  return key.promptOver === undefined ? base : `${base}/over-${key.promptOver.toFixed()}`;
}
