/**
 * Small generated catalogs for the property tests: token price schedules that change on any
 * day (mid-month included), egress tier tables, and a price for every service a generated
 * scenario can place. Catalogs are generated as CSV text, as catalog files state them, and read
 * through the catalog tables' own parser (test/helpers/inline.ts).
 */
import fc from 'fast-check';
import type { Catalog } from '../../src/model/catalog.js';
import type { Period } from '../../src/model/period.js';
import { catalogOf } from './inline.js';
import { dateAfter, decimalText, horizonDays, plus, priceText, SOURCE } from './property.js';

/** One row of a token price schedule: prices per 1M tokens, in force from `from` (a day offset) on. */
export interface TokenPriceRow {
  from: number | undefined;
  input: string;
  cached: string;
  output: string;
}

/**
 * A token price schedule over a horizon of `days` days: up to `changes` price changes on any
 * day after the first, so a month can hold several prices. Rows cover every day, back to back.
 */
export function tokenSchedule(days: number, changes: number): fc.Arbitrary<TokenPriceRow[]> {
  const changeDays = days < 2 ? fc.constant<number[]>([]) : fc.uniqueArray(fc.integer({ min: 1, max: days - 1 }), { maxLength: changes });
  return scheduleOn(changeDays, changes);
}

/** A token price schedule changing on the given day offsets (at most `changes` of them). */
export function scheduleOn(changeDays: fc.Arbitrary<number[]>, changes: number): fc.Arbitrary<TokenPriceRow[]> {
  return fc.tuple(changeDays, fc.array(tokenPrices, { minLength: changes + 1, maxLength: changes + 1 })).map(([offsets, rows]) => {
    const starts = [undefined, ...[...offsets].sort((a, b) => a - b)];
    return starts.map((from, i) => ({ from, ...rows[i]! }));
  });
}

/** Input, cached input and output prices per 1M tokens. */
export const tokenPrices = fc.record({ input: priceText, cached: priceText, output: priceText });

/** models.csv rows for one schedule: each row in force until the next one starts. */
export function tokenRows(start: Period, key: string, schedule: readonly TokenPriceRow[]): string[] {
  return schedule.map((row, i) => {
    const from = row.from === undefined ? '' : dateAfter(start, row.from);
    const next = schedule[i + 1]?.from;
    const to = next === undefined ? '' : dateAfter(start, next);
    return `${key},${row.input},${row.cached},${row.output},USD,${from},${to},${SOURCE}`;
  });
}

/** One tier: `width` units wide (the last tier is open-ended whatever its width), at `price`. */
export interface Tier {
  width: string;
  price: string;
}

/** A tier table of one to four tiers; widths in the price's unit, with up to three decimals. */
export const tierTable: fc.Arbitrary<Tier[]> = fc.array(fc.record({ width: decimalText(1, 20_000, 3), price: priceText }), { minLength: 1, maxLength: 4 });

/** The tiers' bounds: [from, to) in the unit, `to` undefined for the last, open-ended tier. */
export function tierBounds(tiers: readonly Tier[]): { from: string; to: string | undefined; price: string }[] {
  let from = '0';
  return tiers.map((tier, i) => {
    const to = i === tiers.length - 1 ? undefined : plus(from, tier.width);
    const bound = { from, to, price: tier.price };
    if (to !== undefined) from = to;
    return bound;
  });
}

/** egress.csv / services.csv rows of a tier table for one key and unit, e.g. `aws,*,internet,,gb`. */
export function tierRows(keyAndUnit: string, tiers: readonly Tier[]): string[] {
  return tierBounds(tiers).map((t) => `${keyAndUnit},${t.from},${t.to ?? ''},${t.price},USD,,,${SOURCE}`);
}

export const INFRASTRUCTURE = ['azure', 'aws', 'gcp'] as const;
export type Infrastructure = (typeof INFRASTRUCTURE)[number];

/** Where a generated scenario can put runtimes, state, caches, ports and datasets. */
export const LOCATIONS = [
  { cloud: 'azure', region: 'eastus2' },
  { cloud: 'azure', region: 'westeurope' },
  { cloud: 'aws', region: 'us-east-1' },
  { cloud: 'aws', region: 'us-west-2' },
  { cloud: 'gcp', region: 'us-central1' },
] as const;

/** Where a generated option can run its model; every model is priced at each of them. */
export const MODEL_PLACEMENTS = [
  { cloud: 'azure', region: 'eastus2', deployment: 'global' },
  { cloud: 'aws', region: 'us-east-1', deployment: 'in-region' },
  { cloud: 'openai', region: 'global', deployment: 'global' },
  { cloud: 'gcp', region: 'us-central1', deployment: 'global' },
] as const;

/** An OpenAI model, an Anthropic one and an open-weight one (no vendor paid). */
export const MODELS = ['gpt-t', 'claude-t', 'oss-t'] as const;

/** The services a generated option can use, by service and meter, with the unit each is priced in. */
export const SERVICE_METERS = [
  ['rt', 'vcpu', 'vcpu-hour'],
  ['rt', 'memory', 'gb-hour'],
  ['rt', 'session', 'session-hour'],
  ['kv', 'read', 'million-requests'],
  ['kv', 'write', 'million-requests'],
  ['kv', 'storage', 'gb-month'],
  ['kc', 'storage', 'gb-hour'],
  ['kc', 'node', 'node-hour'],
  ['port', 'port', 'port-hour'],
  ['object-storage', 'storage', 'gb-month'],
] as const;

export interface CloudPrices {
  internet: Tier[];
  interRegion: string;
  interconnect: string;
  /** One tier table per SERVICE_METERS entry, in its order. */
  services: Tier[][];
}

export const cloudPrices: fc.Arbitrary<CloudPrices> = fc.record({
  internet: tierTable,
  interRegion: priceText,
  interconnect: priceText,
  services: fc.tuple(...SERVICE_METERS.map(() => tierTable)),
});

export interface CatalogSpec {
  start: Period;
  months: number;
  /** Per model placement and tier (standard, batch), in MODEL_PLACEMENTS order. */
  tokens: { standard: TokenPriceRow[]; batch: TokenPriceRow[] }[];
  clouds: Record<Infrastructure, CloudPrices>;
}

export function catalogSpec(start: Period, months: number, changes = 2): fc.Arbitrary<CatalogSpec> {
  const days = horizonDays(start, months);
  const schedule = tokenSchedule(days, changes);
  return fc.record({
    start: fc.constant(start),
    months: fc.constant(months),
    tokens: fc.tuple(...MODEL_PLACEMENTS.map(() => fc.record({ standard: schedule, batch: schedule }))),
    clouds: fc.record({ azure: cloudPrices, aws: cloudPrices, gcp: cloudPrices }),
  });
}

/** The catalog a spec states, read through the catalog tables' parser. */
export function buildCatalog(spec: CatalogSpec): Catalog {
  const models = MODEL_PLACEMENTS.flatMap((p, i) =>
    MODELS.flatMap((model) => [
      ...tokenRows(spec.start, `${p.cloud},*,${p.deployment},standard,${model}`, spec.tokens[i]!.standard),
      ...tokenRows(spec.start, `${p.cloud},*,${p.deployment},batch,${model}`, spec.tokens[i]!.batch),
    ]),
  );
  const egress = INFRASTRUCTURE.flatMap((cloud) => {
    const prices = spec.clouds[cloud];
    return [
      ...tierRows(`${cloud},*,internet,,gb`, prices.internet),
      `${cloud},*,inter-region,,gb,,,${prices.interRegion},USD,,,${SOURCE}`,
      `${cloud},*,interconnect,,gb,,,${prices.interconnect},USD,,,${SOURCE}`,
    ];
  });
  const services = INFRASTRUCTURE.flatMap((cloud) => SERVICE_METERS.flatMap(([service, meter, unit], i) => tierRows(`${cloud},*,${service},${meter},${unit}`, spec.clouds[cloud].services[i]!)));
  return catalogOf({ models: models.join('\n'), egress: egress.join('\n'), services: services.join('\n') });
}
