/**
 * The AWS Price List as catalog rows, read from a bulk offer file
 * (`/offers/v1.0/aws/<offer>/current/<region>/index.json`: products by SKU, terms.OnDemand by SKU)
 * or from `aws pricing get-products` output (`{ PriceList: [<JSON text>, …] }`). Mapped:
 *
 *   AmazonBedrockFoundationModels  "Claude Sonnet 4.6 (Amazon Bedrock Edition)",
 *     usagetype USE1-MP:USE1_InputTokenCount_Global-Units, …_cache_write_tokens_1h_standard-Units   models.csv
 *   AmazonBedrock                  model "Nova Micro", inferenceType "Input tokens", feature "Batch Inference"  models.csv
 *   data transfer                  transferType "AWS Outbound" / "InterRegion Outbound", tiered by GB  egress.csv
 *   NAT gateways                   usagetype NatGateway-Hours / NatGateway-Bytes                      services.csv
 *
 * On Bedrock, SKUs marked Global bill the `global.` cross-region profile; the others bill
 * in-region and geographic (`us.`, `eu.`) calls alike, so they become `in-region` rows. Reserved
 * capacity (per 1K tokens a minute per hour) and provisioned model units (no published throughput)
 * are listed as unmapped, with everything else, each with its reason.
 */
import type { Tier } from './cloud.js';
import type { ImportedPrice, Unmapped } from './litellm.js';
import { dec, type Decimal } from './money.js';
import { feedPrice } from './quantity.js';
import { quoted } from './safe-text.js';

export interface PriceListRecord {
  serviceCode: string;
  sku: string;
  attributes: Record<string, string>;
  dimensions: { unit: string; price: string; beginRange: string; endRange: string; description: string }[];
  effectiveDate: string;
}

export interface ImportedEgress {
  region: string;
  destination: 'internet' | 'inter-region';
  toRegion: string | undefined;
  tierFrom: Decimal | undefined;
  tierTo: Decimal | undefined;
  price: Decimal;
  effectiveFrom: string;
  note: string;
}

export interface ImportedAwsService {
  region: string;
  service: string;
  meter: string;
  unit: string;
  price: Decimal;
  effectiveFrom: string;
  note: string;
}

export interface PriceListImport {
  models: ImportedPrice[];
  egress: ImportedEgress[];
  services: ImportedAwsService[];
  unmapped: Unmapped[];
  records: number;
}

/** Records from either layout; anything else yields none (the caller says what it expected). */
export function priceListRecords(document: unknown): PriceListRecord[] {
  if (typeof document !== 'object' || document === null) return [];
  const doc = document as Record<string, unknown>;
  if (Array.isArray(doc.PriceList)) {
    return doc.PriceList.flatMap((entry) => {
      const item = (typeof entry === 'string' ? safeParse(entry) : entry) as Record<string, unknown> | undefined;
      const product = item?.product as Record<string, unknown> | undefined;
      if (product === undefined) return [];
      const terms = ((item!.terms as Record<string, unknown> | undefined)?.OnDemand ?? {}) as Record<string, unknown>;
      return [record(String(item!.serviceCode ?? ''), product, Object.values(terms))];
    });
  }
  if (typeof doc.products === 'object' && doc.products !== null) {
    const onDemand = ((doc.terms as Record<string, unknown> | undefined)?.OnDemand ?? {}) as Record<string, Record<string, unknown>>;
    return Object.entries(doc.products as Record<string, Record<string, unknown>>).map(([sku, product]) => record(String(doc.offerCode ?? ''), product, Object.values(onDemand[sku] ?? {})));
  }
  return [];
}

function record(serviceCode: string, product: Record<string, unknown>, terms: unknown[]): PriceListRecord {
  const term = terms[0] as Record<string, unknown> | undefined;
  const dims = Object.values((term?.priceDimensions ?? {}) as Record<string, Record<string, unknown>>).map((d) => ({
    unit: String(d.unit ?? ''),
    price: String((d.pricePerUnit as Record<string, unknown> | undefined)?.USD ?? ''),
    beginRange: String(d.beginRange ?? '0'),
    endRange: String(d.endRange ?? 'Inf'),
    description: String(d.description ?? ''),
  }));
  const attributes = Object.fromEntries(Object.entries((product.attributes ?? {}) as Record<string, unknown>).map(([k, v]) => [k, String(v)]));
  return { serviceCode, sku: String(product.sku ?? ''), attributes, dimensions: dims, effectiveDate: String(term?.effectiveDate ?? '').slice(0, 10) };
}

function safeParse(text: string): unknown {
  try {
    return JSON.parse(text, (_key, value: unknown) => value);
  } catch {
    return undefined;
  }
}

type Kind = 'input' | 'cachedInput' | 'cacheWrite' | 'cacheWrite1h' | 'output';

const CAMEL: [RegExp, Kind][] = [
  [/^InputTokenCount/, 'input'],
  [/^OutputTokenCount/, 'output'],
  [/^CacheReadInputTokenCount/, 'cachedInput'],
  [/^CacheWrite1hInputTokenCount/, 'cacheWrite1h'],
  [/^CacheWriteInputTokenCount/, 'cacheWrite'],
];
const SNAKE: [RegExp, Kind][] = [
  [/^input_tokens_/, 'input'],
  [/^output_tokens_/, 'output'],
  [/^cache_read_tokens_/, 'cachedInput'],
  [/^cache_write_tokens_1h_/, 'cacheWrite1h'],
  [/^cache_write_tokens_/, 'cacheWrite'],
];
const INFERENCE: Record<string, Kind> = { 'Input tokens': 'input', 'Output tokens': 'output', 'Prompt cache read input tokens': 'cachedInput', 'Prompt cache write input tokens': 'cacheWrite' };
const FEATURE: Record<string, Tier> = { 'On-demand Inference': 'standard', 'Batch Inference': 'batch' };

interface TokenPrice {
  model: string;
  region: string;
  deployment: string;
  tier: Tier;
  kind: Kind;
  price: Decimal;
  from: string;
  what: string;
}

export function fromAwsPriceList(records: readonly PriceListRecord[]): PriceListImport {
  const result: PriceListImport = { models: [], egress: [], services: [], unmapped: [], records: records.length };
  const tokens: TokenPrice[] = [];
  for (const r of records) {
    const a = r.attributes;
    const key = `${r.serviceCode} ${a.usagetype ?? r.sku} (${a.regionCode ?? a.fromRegionCode ?? 'no region'})`;
    const unmapped = (reason: string) => result.unmapped.push({ key, reason });
    const region = a.regionCode ?? a.fromRegionCode ?? '';
    if (!/^[a-z]{2}(-[a-z]+)+-\d+$/.test(region)) {
      unmapped('no region code a catalog row can hold');
      continue;
    }
    if (!/^\d{4}-\d\d-\d\d$/.test(r.effectiveDate) || r.dimensions.length === 0) {
      unmapped('no on-demand price with an effective date');
      continue;
    }
    if (r.serviceCode === 'AmazonBedrockFoundationModels') {
      const mapped = foundationModel(r, region);
      if ('reason' in mapped) unmapped(mapped.reason);
      else tokens.push(mapped);
    } else if (r.serviceCode === 'AmazonBedrock') {
      const mapped = bedrockModel(r, region);
      if ('reason' in mapped) unmapped(mapped.reason);
      else tokens.push(mapped);
    } else if (a.transferType === 'AWS Outbound' || a.transferType === 'InterRegion Outbound') {
      const mapped = dataTransfer(r, region);
      if ('reason' in mapped) unmapped(mapped.reason);
      else result.egress.push(...mapped);
    } else if (/NatGateway-(Hours|Bytes)$/.test(a.usagetype ?? '') && !/Regional/.test(a.usagetype ?? '')) {
      const dim = r.dimensions[0]!;
      const price = feedPrice(dim.price);
      const hours = /Hours$/.test(a.usagetype!);
      if (price === undefined || (hours ? !/^Hrs$/i.test(dim.unit) : dim.unit !== 'GB')) unmapped(`unit ${quoted(dim.unit)} or price ${quoted(dim.price)} not as expected for a NAT gateway`);
      else result.services.push({ region, service: 'nat-gateway', meter: hours ? 'gateway' : 'processed', unit: hours ? 'gateway-hour' : 'gb', price, effectiveFrom: r.effectiveDate, note: `usagetype ${a.usagetype}` });
    } else unmapped(`not a price cloudtco maps (${a.productFamily ?? r.serviceCode})`);
  }
  result.models = joined(tokens, result.unmapped);
  return result;
}

/** "Claude Sonnet 4.6 (Amazon Bedrock Edition)" and its usagetype → one token price. */
function foundationModel(r: PriceListRecord, region: string): TokenPrice | { reason: string } {
  const name = /^(.+) \(Amazon Bedrock Edition\)$/.exec(r.attributes.servicename ?? '');
  if (name === null) return { reason: `servicename ${quoted(r.attributes.servicename ?? '')} does not name a model` };
  const usage = /MP:[A-Z0-9]+_(.+)-Units$/.exec(r.attributes.usagetype ?? '');
  if (usage === null) return { reason: 'usagetype is not a marketplace token meter' };
  const meter = usage[1]!;
  if (/^Reserved_/.test(meter)) return { reason: 'reserved capacity, priced per hour per 1K tokens a minute: not a token price' };
  if (/long_ctx/.test(meter)) return { reason: 'a long-context tier whose threshold the price list does not state' };
  const kind = (/_/.test(meter) && /^[a-z]/.test(meter) ? SNAKE : CAMEL).find(([pattern]) => pattern.test(meter))?.[1];
  if (kind === undefined) return { reason: `usagetype meter ${quoted(meter)} is not a token kind cloudtco knows` };
  const dim = r.dimensions[0]!;
  // marketplace token SKUs are priced per million tokens: some descriptions say "Million …", others only "Input Tokens"
  if (/per hour|thousand|\b1K\b/i.test(dim.description)) return { reason: `description ${quoted(dim.description)} is not a price per million tokens` };
  const price = feedPrice(dim.price);
  if (price === undefined) return { reason: `price ${quoted(dim.price)} is not one a catalog can hold` };
  const global = /_Global|global_/.test(meter);
  const batch = /_Batch|_batch/.test(meter);
  const model = name[1]!.toLowerCase().replace(/[ .]+/g, '-');
  return { model, region, deployment: global ? 'global' : 'in-region', tier: batch ? 'batch' : 'standard', kind, price, from: r.effectiveDate, what: r.attributes.usagetype! };
}

/** AmazonBedrock: model "Nova Micro", inferenceType, feature, per 1K or 1M tokens. */
function bedrockModel(r: PriceListRecord, region: string): TokenPrice | { reason: string } {
  const a = r.attributes;
  const tier = FEATURE[a.feature ?? ''];
  if (tier === undefined) return { reason: `feature ${quoted(a.feature ?? '')}: ${/Provisioned/.test(a.feature ?? '') ? 'model units, whose throughput AWS does not publish' : 'not a token price'}` };
  const kind = INFERENCE[a.inferenceType ?? ''];
  if (kind === undefined) return { reason: `inferenceType ${quoted(a.inferenceType ?? '')} is not a token kind cloudtco knows` };
  const dim = r.dimensions[0]!;
  const scale = { '1K tokens': dec('1000'), '1M tokens': dec('1') }[dim.unit];
  const price = feedPrice(dim.price);
  if (scale === undefined || price === undefined) return { reason: `unit ${quoted(dim.unit)} or price ${quoted(dim.price)} is not a token price` };
  const model = (a.model ?? '').toLowerCase().replace(/[ .]+/g, '-');
  if (!/^[a-z0-9][a-z0-9._-]*$/.test(model)) return { reason: `model ${quoted(a.model ?? '')} is not a catalog model id` };
  return { model, region, deployment: 'in-region', tier, kind, price: price.times(scale), from: r.effectiveDate, what: a.usagetype ?? r.sku };
}

/** Outbound data transfer: one row per tier (begin and end ranges in GB). */
function dataTransfer(r: PriceListRecord, region: string): ImportedEgress[] | { reason: string } {
  const a = r.attributes;
  const inter = a.transferType === 'InterRegion Outbound';
  if (inter && !/^[a-z]{2}(-[a-z]+)+-\d+$/.test(a.toRegionCode ?? '')) return { reason: 'an inter-region transfer without a destination region code' };
  if (!inter && a.toLocation !== 'External') return { reason: `outbound to ${quoted(a.toLocation ?? '')}, not the internet` };
  const rows: ImportedEgress[] = [];
  for (const dim of [...r.dimensions].sort((x, y) => Number(x.beginRange) - Number(y.beginRange))) {
    const price = feedPrice(dim.price);
    if (dim.unit !== 'GB' || price === undefined) return { reason: `unit ${quoted(dim.unit)} or price ${quoted(dim.price)} is not a price per GB` };
    const from = feedPrice(dim.beginRange);
    const to = dim.endRange === 'Inf' ? undefined : feedPrice(dim.endRange);
    if (from === undefined || (dim.endRange !== 'Inf' && to === undefined)) return { reason: `tier ${dim.beginRange} to ${dim.endRange} is not a range of GB` };
    rows.push({ region, destination: inter ? 'inter-region' : 'internet', toRegion: inter ? a.toRegionCode : undefined, tierFrom: from.isZero() && to === undefined ? undefined : from, tierTo: to, price, effectiveFrom: r.effectiveDate, note: `usagetype ${a.usagetype ?? r.sku}` });
  }
  return rows;
}

/** Token prices joined into rows per model, region, deployment, tier and start date. */
function joined(tokens: readonly TokenPrice[], unmapped: Unmapped[]): ImportedPrice[] {
  const rows = new Map<string, Partial<Record<Kind, Decimal>> & { t: TokenPrice; what: string[] }>();
  for (const t of tokens) {
    const key = [t.model, t.region, t.deployment, t.tier, t.from].join(' ');
    const row = rows.get(key) ?? { t, what: [] };
    row[t.kind] = t.price;
    row.what.push(t.what);
    rows.set(key, row);
  }
  const out: ImportedPrice[] = [];
  for (const row of rows.values()) {
    const { t } = row;
    if (row.input === undefined || row.output === undefined) {
      unmapped.push({ key: `${t.model} ${t.deployment} ${t.tier} in ${t.region} from ${t.from}`, reason: `no ${row.input === undefined ? 'input' : 'output'} price beside ${row.what.join(', ')}` });
      continue;
    }
    out.push({ cloud: 'aws', region: t.region, deployment: t.deployment, tier: t.tier, model: t.model, input: row.input, cachedInput: row.cachedInput, cacheWrite: row.cacheWrite, cacheWrite1h: row.cacheWrite1h, output: row.output, effectiveFrom: t.from, note: `usagetypes ${row.what.join(', ')}` });
  }
  return out;
}
