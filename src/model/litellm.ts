/**
 * LiteLLM's price map (model_prices_and_context_window.json) as models.csv rows. LiteLLM keys
 * a price by a channel prefix and the channel's own model id; cloudtco keys it by cloud, region,
 * deployment, tier and one model id for every channel:
 *
 *   gpt-5.5 (openai)                       openai / * / global
 *   azure/gpt-5.5, azure/global/…          azure / * / global
 *   azure/us/gpt-5.5, azure/eu/…           azure / * / data-zone
 *   azure_ai/gpt-5.5                       azure / * / global (Foundry)
 *   anthropic.claude-sonnet-4-6 (bedrock)  aws / * / in-region        US rates in LiteLLM
 *   us.anthropic.…, eu.…, global.…         aws / * / geo-us, geo-eu, global
 *   bedrock/us-gov-west-1/anthropic.…      aws / us-gov-west-1 / in-region
 *   bedrock_mantle/openai.gpt-5.5          aws / * / in-region        Mantle endpoint
 *   vertex_ai/claude-…@default, gemini-…   gcp / * / global
 *   claude-opus-4-7 (anthropic)            anthropic / * / global
 *
 * Each entry yields a row per service tier it prices: standard, and batch, flex and priority
 * from the `*_batches`, `*_flex` and `*_priority` fields. Prices are per token in LiteLLM and
 * per 1M here, converted exactly from the JSON text (3e-06 → 3). Anything that does not fit is
 * returned with the reason, never dropped.
 */
import type { Cloud, Tier } from './cloud.js';
import { dec, type Decimal } from './money.js';
import { LIMITS } from './limits.js';
import { outOfRange } from './quantity.js';
import { quoted } from './safe-text.js';

export interface ImportedPrice {
  cloud: Cloud;
  region: string;
  deployment: string;
  tier: Tier;
  model: string;
  input: Decimal;
  cachedInput: Decimal | undefined;
  cacheWrite?: Decimal | undefined;
  cacheWrite1h?: Decimal | undefined;
  output: Decimal;
  promptOver?: Decimal | undefined;
  effectiveFrom?: string | undefined;
  effectiveTo?: string | undefined;
  note: string;
}

export interface Unmapped {
  key: string;
  reason: string;
}

/** A LiteLLM entry as read: numbers are kept as their JSON text. */
export type LiteLlmEntry = Record<string, unknown>;

const MILLION = dec('1000000');
const CHAT_MODES = new Set(['chat', 'responses', 'completion']);
const MODEL_ID = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;

const TIER_SUFFIXES: [Tier, string][] = [
  ['standard', ''],
  ['batch', '_batches'],
  ['flex', '_flex'],
  ['priority', '_priority'],
];

interface Channel {
  cloud: Cloud;
  region: string;
  deployment: string;
  model: string;
  note?: string;
}

export function fromLiteLlm(map: Record<string, LiteLlmEntry>): { prices: ImportedPrice[]; unmapped: Unmapped[]; entries: number; mapped: number } {
  const prices = new Map<string, ImportedPrice & { key: string }>();
  const unmapped: Unmapped[] = [];
  const mapped = new Set<string>();
  for (const [key, entry] of Object.entries(map)) {
    if (key === 'sample_spec' || key === 'fallback_generalizations') continue;
    const found = mapEntry(key, entry);
    if ('reason' in found) {
      unmapped.push({ key, reason: found.reason });
      continue;
    }
    for (const price of found.prices) {
      const id = [price.cloud, price.region, price.deployment, price.tier, price.model].join('/');
      const earlier = prices.get(id);
      if (earlier === undefined) prices.set(id, { ...price, key });
      else if (samePrices(earlier, price)) earlier.note += `; same as ${key}`;
      else {
        unmapped.push({ key, reason: `${price.tier} prices differ from ${earlier.key}, which maps to the same ${id}` });
        continue;
      }
      mapped.add(key);
    }
  }
  const entries = Object.keys(map).filter((key) => key !== 'sample_spec' && key !== 'fallback_generalizations').length;
  return { prices: [...prices.values()].map(({ key: _, ...price }) => price), unmapped, entries, mapped: mapped.size };
}

function mapEntry(key: string, entry: LiteLlmEntry): { prices: ImportedPrice[] } | { reason: string } {
  const mode = entry.mode;
  if (typeof mode === 'string' && !CHAT_MODES.has(mode)) return { reason: `mode ${mode}: not priced per chat token` };
  const channel = channelOf(key, String(entry.litellm_provider ?? ''));
  if ('reason' in channel) return channel;
  if (!MODEL_ID.test(channel.model)) return { reason: `model id ${quoted(channel.model)} has characters a catalog id cannot hold` };
  if (channel.model.length > LIMITS.idLength) return { reason: `model id ${quoted(channel.model)} is longer than the ${LIMITS.idLength} characters a catalog id may have` };
  const prices: ImportedPrice[] = [];
  for (const [tier, suffix] of TIER_SUFFIXES) {
    const fields = [`input_cost_per_token${suffix}`, `output_cost_per_token${suffix}`, `cache_read_input_token_cost${suffix}`];
    const values = fields.map((field) => perMillion(entry[field]));
    const unreadable = fields.find((_, i) => values[i] === OUT_OF_RANGE);
    if (unreadable !== undefined) return { reason: `${unreadable} ${quoted(String(entry[unreadable]))} is outside the prices a catalog can hold` };
    const [input, output, cachedInput] = values as (Decimal | undefined)[];
    if (input === undefined || output === undefined) continue;
    const note = [`LiteLLM key ${key}`, channel.note].filter(Boolean).join('; ');
    prices.push({ cloud: channel.cloud, region: channel.region, deployment: channel.deployment, tier, model: channel.model, input, cachedInput, output, note });
  }
  if (prices.length === 0) return { reason: 'no input and output price per token' };
  return { prices };
}

const OUT_OF_RANGE = Symbol('out of range');

/**
 * A per-token price from its JSON text, per 1M tokens: "3e-06" → 3. A price the catalog could
 * not read back (1e400, 50 digits) is OUT_OF_RANGE: the import must never write what the
 * catalog then refuses, or an "Infinity".
 */
function perMillion(value: unknown): Decimal | undefined | typeof OUT_OF_RANGE {
  if (typeof value !== 'string' && typeof value !== 'number') return undefined;
  const text = String(value);
  if (!/^\d+(\.\d+)?([eE][+-]?\d+)?$/.test(text)) return undefined;
  const price = dec(text).times(MILLION);
  return outOfRange(price) === undefined ? price : OUT_OF_RANGE;
}

const GEO_PREFIXES: Record<string, string> = { us: 'geo-us', eu: 'geo-eu', apac: 'geo-apac', jp: 'geo-jp', au: 'geo-au', 'us-gov': 'geo-us-gov', global: 'global' };

function channelOf(key: string, provider: string): Channel | { reason: string } {
  const parts = key.split('/');
  const [head] = parts;
  if (head === 'azure' || head === 'azure_ai') {
    const zone = parts.length === 3 ? parts[1]! : undefined;
    const model = parts[parts.length - 1]!;
    if (zone === 'us' || zone === 'eu') return { cloud: 'azure', region: '*', deployment: 'data-zone', model, note: `Data Zone ${zone.toUpperCase()}; APAC data zones cost 1.2× Global and are not in LiteLLM` };
    if (zone === undefined || zone === 'global' || zone === 'global-standard') {
      return { cloud: 'azure', region: '*', deployment: 'global', model, note: head === 'azure_ai' ? 'Foundry model sold by Microsoft' : 'LiteLLM azure/ keys are usually Global Standard' };
    }
    return { reason: `azure deployment "${zone}" is not one cloudtco maps` };
  }
  if (head === 'bedrock_mantle') return { cloud: 'aws', region: '*', deployment: 'in-region', model: bedrockModel(parts.slice(1).join('/')), note: 'Bedrock Mantle (OpenAI-compatible) endpoint' };
  if (head === 'bedrock') {
    if (parts.length === 3) return { cloud: 'aws', region: parts[1]!, deployment: 'in-region', model: bedrockModel(parts[2]!) };
    return bedrockKey(parts.slice(1).join('/'));
  }
  if (head === 'vertex_ai') return { cloud: 'gcp', region: '*', deployment: 'global', model: vertexModel(parts.slice(1).join('/')) };
  if (parts.length > 1) return { reason: `channel "${head}" is not a cloud cloudtco prices` };
  if (provider === 'openai' || provider === 'text-completion-openai') return { cloud: 'openai', region: '*', deployment: 'global', model: key };
  if (provider === 'anthropic') return { cloud: 'anthropic', region: '*', deployment: 'global', model: key };
  if (provider.startsWith('bedrock')) return bedrockKey(key);
  if (provider.startsWith('vertex_ai')) return { cloud: 'gcp', region: '*', deployment: 'global', model: vertexModel(key) };
  return { reason: provider === '' ? 'no litellm_provider' : `provider "${provider}" is not a cloud cloudtco prices` };
}

/** `us.anthropic.claude-sonnet-4-6` (a cross-region profile) or `openai.gpt-oss-120b-1:0`. */
function bedrockKey(id: string): Channel | { reason: string } {
  const [prefix, ...rest] = id.split('.');
  const geo = GEO_PREFIXES[prefix ?? ''];
  if (geo !== undefined && rest.length >= 2) {
    return { cloud: 'aws', region: '*', deployment: geo, model: bedrockModel(rest.join('.')), note: 'Bedrock cross-region inference profile' };
  }
  return { cloud: 'aws', region: '*', deployment: 'in-region', model: bedrockModel(id), note: "LiteLLM's bare Bedrock keys carry US rates" };
}

/** `anthropic.claude-sonnet-4-5-20250929-v1:0` → `claude-sonnet-4-5-20250929` */
function bedrockModel(id: string): string {
  const withoutVendor = id.includes('.') ? id.slice(id.indexOf('.') + 1) : id;
  return withoutVendor.replace(/-v?\d+:\d+$/, '');
}

/** `openai/gpt-oss-120b-maas` → `gpt-oss-120b`; `claude-sonnet-4-6@default` → `claude-sonnet-4-6` */
function vertexModel(id: string): string {
  return id.replace(/@.*$/, '').replace(/^[a-z-]+\//, '').replace(/-maas$/, '');
}

function samePrices(a: ImportedPrice, b: ImportedPrice): boolean {
  const same = (x: Decimal | undefined, y: Decimal | undefined) => (x === undefined ? y === undefined : y !== undefined && x.eq(y));
  return a.input.eq(b.input) && a.output.eq(b.output) && same(a.cachedInput, b.cachedInput);
}

