/**
 * The Azure Retail Prices API (prices.azure.com/api/retail/prices) as catalog rows. Its pages
 * are `{ BillingCurrency, Items: [...], NextPageLink, Count }`; each item is one meter's price in
 * one region from its effectiveStartDate. Mapped:
 *
 *   Foundry Models token meters       "5.5 ShortCo cd inp Gl 1M Tokens"       models.csv
 *     <version> [variant] ShortCo|LongCo [Batch|PP|Std|Flex] [cd|Cd Wr] inp|opt Gl|Dz|regnl
 *   provisioned throughput units      "Provisioned Managed Global Unit"       provisioned.csv
 *     Consumption by the hour; Reservation for 1 Month or 1 Year (the price of the whole term)
 *   Cosmos DB serverless request units "1M RUs"                                services.csv read, write
 *   Blob Storage Hot LRS data stored  "Hot LRS Data Stored", tiered by tierMinimumUnits  object-storage
 *
 * Meter names change spelling from one model generation to the next ("inp", "Inpt", "input"),
 * so every word must be known: a meter with an unknown word is listed as unmapped with that
 * word, never guessed. A meter whose price changed appears once per effectiveStartDate; the rows
 * become consecutive windows. A Global meter priced alike in every region it is listed in is the
 * `*` row's; Data Zone and Regional prices differ by region (APAC zones cost more) and stay apart.
 * Anything else is returned with its reason.
 */
import type { ImportedPrice, Unmapped } from './litellm.js';
import { dec, type Decimal } from './money.js';
import { feedPrice } from './quantity.js';
import type { Tier } from './cloud.js';
import type { Term } from './provisioned.js';
import { quoted } from './safe-text.js';

/** An item as read: numbers kept as their JSON text. */
export type RetailItem = Record<string, unknown>;

export interface ImportedProvisioned {
  cloud: 'azure';
  region: string;
  deployment: string;
  term: Term;
  price: Decimal;
  effectiveFrom: string;
  effectiveTo: string | undefined;
  note: string;
}

export interface ImportedService {
  cloud: 'azure';
  region: string;
  service: string;
  meter: string;
  unit: string;
  tierFrom: Decimal | undefined;
  tierTo: Decimal | undefined;
  price: Decimal;
  effectiveFrom: string;
  effectiveTo: string | undefined;
  note: string;
}

export interface RetailImport {
  models: ImportedPrice[];
  provisioned: ImportedProvisioned[];
  services: ImportedService[];
  unmapped: Unmapped[];
  items: number;
  currencies: Set<string>;
}

/** The prompt length above which a LongCo meter prices the whole request (GPT-5.4 and later). */
export const LONG_CONTEXT = dec('272000');

const DEPLOYMENTS: Record<string, string> = { gl: 'global', glbl: 'global', global: 'global', dz: 'data-zone', dzone: 'data-zone', dzn: 'data-zone', regnl: 'regional', rgnl: 'regional' };
const TIERS: Record<string, Tier> = { batch: 'batch', pp: 'priority', std: 'standard', flex: 'flex' };
const INPUT = new Set(['inp', 'inpt', 'input', 'in']);
const OUTPUT = new Set(['opt', 'outp', 'outpt', 'output', 'out']);
const CACHED = new Set(['cd', 'cchd', 'cached']);
const CONTEXT = new Set(['shortco', 'longco']);
const VARIANT = /^[a-z]+$/;

type Kind = 'input' | 'cachedInput' | 'cacheWrite' | 'output';

interface TokenMeter {
  model: string;
  deployment: string;
  tier: Tier;
  long: boolean;
  kind: Kind;
}

/** "5.6 sol ShortCo Cd Wr Std Gl" → gpt-5.6-sol, global, standard, short, cache write; or why not. */
export function parseTokenMeter(meterName: string): TokenMeter | { reason: string } {
  const words = meterName.replace(/\s+1[MK] Tokens$|\s+Tokens$/, '').trim().split(/\s+/).map((w) => w.toLowerCase());
  if (words[0] === 'gpt') words.shift();
  const version = words.shift();
  if (version === undefined || !/^\d+(\.\d+)?$/.test(version)) return { reason: 'not a GPT-5-style token meter (no version first)' };
  const variant: string[] = [];
  while (words.length > 0 && VARIANT.test(words[0]!) && !isGrammarWord(words[0]!)) variant.push(words.shift()!);
  let long = false;
  let tier: Tier = 'standard';
  let kind: Kind | undefined;
  let deployment: string | undefined;
  let cached = false;
  for (let i = 0; i < words.length; i++) {
    const word = words[i]!;
    if (CONTEXT.has(word)) long = word === 'longco';
    else if (word in TIERS) tier = TIERS[word]!;
    else if (CACHED.has(word) && words[i + 1] === 'wr') {
      kind = 'cacheWrite';
      i++;
    } else if (CACHED.has(word)) cached = true;
    else if (INPUT.has(word)) kind = cached ? 'cachedInput' : 'input';
    else if (OUTPUT.has(word)) kind = 'output';
    else if (word in DEPLOYMENTS) deployment = DEPLOYMENTS[word];
    else if (word === 'data' && words[i + 1] === 'zone') {
      deployment = 'data-zone';
      i++;
    } else return { reason: `unknown word ${quoted(word)} in the meter name` };
  }
  if (kind === undefined) return { reason: 'no token kind (inp, opt, cd inp, cd wr) in the meter name' };
  if (deployment === undefined) return { reason: 'no deployment (Gl, Dz, regnl) in the meter name' };
  return { model: ['gpt', version, ...variant].join('-'), deployment, tier, long, kind };
}

function isGrammarWord(word: string): boolean {
  return CONTEXT.has(word) || word in TIERS || CACHED.has(word) || INPUT.has(word) || OUTPUT.has(word) || word in DEPLOYMENTS || word === 'data' || word === 'wr';
}

const PER_UNIT: Record<string, Decimal> = { '1M': dec('1'), '1K': dec('1000') };

export function fromAzureRetail(items: readonly RetailItem[]): RetailImport {
  const result: RetailImport = { models: [], provisioned: [], services: [], unmapped: [], items: items.length, currencies: new Set() };
  const tokens: { meter: TokenMeter; region: string; from: string; price: Decimal; name: string }[] = [];
  const units: Omit<ImportedProvisioned, 'effectiveTo' | 'note'>[] = [];
  const services: Omit<ImportedService, 'effectiveTo'>[] = [];
  for (const item of items) {
    const name = text(item.meterName);
    const key = `${name} (${text(item.productName)}, ${text(item.armRegionName)}${item.reservationTerm === undefined ? '' : `, ${text(item.reservationTerm)}`})`;
    const unmapped = (reason: string) => result.unmapped.push({ key, reason });
    const price = feedPrice(item.retailPrice);
    const region = text(item.armRegionName);
    const from = text(item.effectiveStartDate).slice(0, 10);
    if (price === undefined) {
      unmapped(`retailPrice ${quoted(String(item.retailPrice))} is not a price the catalog can hold`);
      continue;
    }
    if (!/^[a-z0-9]+$/.test(region) || !/^\d{4}-\d\d-\d\d$/.test(from)) {
      unmapped('no armRegionName or effectiveStartDate a catalog row can hold');
      continue;
    }
    result.currencies.add(text(item.currencyCode));
    const type = text(item.type);
    const provisioned = /^Provisioned Managed (Global|Data Zone|Regional) Unit$/.exec(name);
    if (provisioned !== null) {
      const deployment = { Global: 'global', 'Data Zone': 'data-zone', Regional: 'regional' }[provisioned[1]!]!;
      const term = type === 'Consumption' ? 'hour' : type === 'Reservation' ? { '1 Month': 'month', '1 Year': 'year' }[text(item.reservationTerm)] : undefined;
      if (term === undefined) unmapped(`a provisioned unit of type ${type} ${text(item.reservationTerm)}: only hourly use and 1-month or 1-year reservations are terms cloudtco prices`);
      else units.push({ cloud: 'azure', region, deployment, term: term as Term, price, effectiveFrom: from });
      continue;
    }
    if (type !== 'Consumption') {
      unmapped(`type ${type}: only pay-as-you-go (Consumption) prices are imported`);
      continue;
    }
    if (text(item.productName) === 'Azure Cosmos DB serverless' && name === '1M RUs') {
      for (const meter of ['read', 'write']) services.push({ cloud: 'azure', region, service: 'cosmosdb-serverless', meter, unit: 'million-requests', tierFrom: undefined, tierTo: undefined, price, effectiveFrom: from, note: "'1M RUs' serverless request units: set the option's read_units and write_units" });
      continue;
    }
    if (/Block Blob/.test(text(item.productName)) && name === 'Hot LRS Data Stored' && text(item.unitOfMeasure) === '1 GB/Month') {
      services.push({ cloud: 'azure', region, service: 'object-storage', meter: 'storage', unit: 'gb-month', tierFrom: feedPrice(item.tierMinimumUnits), tierTo: undefined, price, effectiveFrom: from, note: `'Hot LRS Data Stored' (${text(item.productName)})` });
      continue;
    }
    if (text(item.serviceName) !== 'Foundry Models') {
      unmapped(`service ${quoted(text(item.serviceName))}: not a meter cloudtco maps`);
      continue;
    }
    const perUnit = PER_UNIT[text(item.unitOfMeasure)];
    if (perUnit === undefined) {
      unmapped(`unit ${quoted(text(item.unitOfMeasure))}: not tokens by the thousand or million`);
      continue;
    }
    const meter = parseTokenMeter(name);
    if ('reason' in meter) unmapped(meter.reason);
    else tokens.push({ meter, region, from, price: price.times(perUnit), name });
  }
  result.models = tokenRows(tokens, result.unmapped);
  result.provisioned = chained(units, (u) => `${u.deployment} ${u.term}`, (u) => u.price.toFixed()).map((u) => ({
    ...u,
    note: `'Provisioned Managed ${{ global: 'Global', 'data-zone': 'Data Zone', regional: 'Regional' }[u.deployment]} Unit'${u.term === 'hour' ? ', by the hour' : `, reservation for 1 ${u.term === 'month' ? 'Month' : 'Year'} (the whole term's price)`}`,
  }));
  result.services = tiered(chained(services, (s) => `${s.service} ${s.meter} ${s.tierFrom?.toFixed() ?? ''}`, (s) => s.price.toFixed()));
  return result;
}

/**
 * Token meters joined into rows: one per model, deployment, tier, context, region and start
 * date. A Global deployment costs the same everywhere, and the feed repeats its meters per
 * region: where every region lists the same price for a meter, that meter is the `*` row's.
 */
function tokenRows(tokens: readonly { meter: TokenMeter; region: string; from: string; price: Decimal; name: string }[], unmapped: Unmapped[]): ImportedPrice[] {
  type Row = Omit<ImportedPrice, 'note'> & { effectiveFrom: string; meters: string[] };
  const byMeter = new Map<string, typeof tokens[number][]>();
  for (const t of tokens) {
    const key = [t.meter.model, t.meter.deployment, t.meter.tier, t.meter.long, t.meter.kind, t.from].join(' ');
    byMeter.set(key, [...(byMeter.get(key) ?? []), t]);
  }
  const rows = new Map<string, Row>();
  for (const listed of byMeter.values()) {
    const { meter } = listed[0]!;
    const everywhere = meter.deployment === 'global' && listed.every((t) => t.price.eq(listed[0]!.price));
    for (const t of everywhere ? [{ ...listed[0]!, region: '*' }] : listed) {
      const key = [meter.model, meter.deployment, meter.tier, meter.long, t.region, t.from].join(' ');
      const row = rows.get(key) ?? { cloud: 'azure' as const, region: t.region, deployment: meter.deployment, tier: meter.tier, model: meter.model, input: undefined as unknown as Decimal, cachedInput: undefined, output: undefined as unknown as Decimal, promptOver: meter.long ? LONG_CONTEXT : undefined, effectiveFrom: t.from, meters: [] };
      row[meter.kind] = t.price;
      row.meters.push(t.name);
      rows.set(key, row);
    }
  }
  const complete: Row[] = [];
  for (const row of rows.values()) {
    if (row.input === undefined || row.output === undefined) {
      unmapped.push({ key: `${row.model} ${row.deployment} ${row.tier}${row.promptOver === undefined ? '' : ' long context'} in ${row.region} from ${row.effectiveFrom}`, reason: `no ${row.input === undefined ? 'input' : 'output'} meter beside ${[...new Set(row.meters)].join(', ')}` });
      continue;
    }
    complete.push(row);
  }
  return chained(complete, (r) => `${r.model} ${r.deployment} ${r.tier} ${r.promptOver?.toFixed() ?? ''}`, (r) => [r.input, r.cachedInput, r.cacheWrite, r.output].map((p) => p?.toFixed() ?? '').join('/')).map(({ meters, ...row }) => ({
    ...row,
    note: `meters ${[...new Set(meters)].map((m) => `'${m}'`).join(', ')}`,
  }));
}

/**
 * Rows of one key (`keyOf`, per region) as consecutive windows by start date; a key whose
 * windows and prices are the same in every region it is sold in becomes one `*` row.
 */
function chained<T extends { region: string; effectiveFrom: string }>(rows: readonly T[], keyOf: (row: T) => string, priceOf: (row: T) => string): (T & { effectiveTo: string | undefined })[] {
  const byKey = new Map<string, Map<string, T[]>>();
  for (const row of rows) {
    const regions = byKey.get(keyOf(row)) ?? new Map<string, T[]>();
    byKey.set(keyOf(row), regions);
    regions.set(row.region, [...(regions.get(row.region) ?? []), row]);
  }
  const out: (T & { effectiveTo: string | undefined })[] = [];
  for (const regions of byKey.values()) {
    const windows = [...regions].map(([region, list]) => {
      const sorted = [...new Map(list.map((r) => [r.effectiveFrom, r])).values()].sort((a, b) => a.effectiveFrom.localeCompare(b.effectiveFrom));
      return { region, rows: sorted.map((r, i) => ({ ...r, effectiveTo: sorted[i + 1]?.effectiveFrom })) };
    });
    const signature = (w: (typeof windows)[number]) => w.rows.map((r) => `${r.effectiveFrom} ${priceOf(r)}`).join(';');
    const alike = windows.length > 1 && windows.every((w) => signature(w) === signature(windows[0]!));
    if (alike) out.push(...windows[0]!.rows.map((r) => ({ ...r, region: '*' })));
    else for (const w of windows) out.push(...w.rows);
  }
  return out;
}

/** Tiered service rows of one window and region: each tier ends where the next starts. */
function tiered(rows: (Omit<ImportedService, 'effectiveTo'> & { effectiveTo: string | undefined })[]): ImportedService[] {
  const groups = new Map<string, ImportedService[]>();
  for (const row of rows) {
    const key = `${row.service} ${row.meter} ${row.region} ${row.effectiveFrom}`;
    groups.set(key, [...(groups.get(key) ?? []), row]);
  }
  return [...groups.values()].flatMap((group) => {
    const sorted = [...group].sort((a, b) => (a.tierFrom ?? dec('0')).comparedTo(b.tierFrom ?? dec('0')));
    if (sorted.length === 1 && (sorted[0]!.tierFrom === undefined || sorted[0]!.tierFrom.isZero())) return [{ ...sorted[0]!, tierFrom: undefined }];
    return sorted.map((row, i) => ({ ...row, tierTo: sorted[i + 1]?.tierFrom }));
  });
}

function text(value: unknown): string {
  return typeof value === 'string' || typeof value === 'number' ? String(value) : '';
}
