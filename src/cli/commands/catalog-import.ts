/**
 * `cloudtco catalog import litellm <file> --out <file.csv>`: LiteLLM's price map as a
 * models.csv to review and add to a catalog.
 *
 * `cloudtco catalog import azure-retail <page.json…> --out <dir>` (the Azure Retail Prices API's
 * JSON pages) and `catalog import aws-pricelist <offer.json…> --out <dir>` (AWS Price List offer
 * files or `aws pricing get-products` output): the clouds' own price feeds as catalog tables in a
 * directory, to layer over the bundled catalog. `--fetch` downloads the feeds instead of reading
 * files (the only command that uses the network).
 *
 * Entries that do not map are counted and listed with their reason on stderr (all of them with
 * --unmapped FILE), never dropped silently.
 */
import path from 'node:path';
import { stringify } from 'csv-stringify/sync';
import { ensureDirectory, writeFileAtomic } from '../../io/atomic-write.js';
import { displayPath, readText } from '../../io/read-text.js';
import { readYaml } from '../../io/yaml-document.js';
import { InputError } from '../../model/diagnostic.js';
import { LIMITS } from '../../model/limits.js';
import { groupBy } from '../../model/group-by.js';
import { fromLiteLlm, type LiteLlmEntry, type Unmapped } from '../../model/litellm.js';
import { fromAzureRetail, type RetailItem } from '../../model/azure-retail.js';
import { fromAwsPriceList, priceListRecords } from '../../model/aws-pricelist.js';
import { renderEgressCsv, renderProvisionedCsv, renderServicesCsv } from '../../report/imported-tables.js';
import { isIsoDate } from '../../model/period.js';
import { renderModelsCsv } from '../../report/models-csv.js';
import { EXIT, todayOf, type CliIo } from '../cli-io.js';
import { visible } from '../../model/safe-text.js';

export const LITELLM_SOURCE = 'https://github.com/BerriAI/litellm/blob/main/model_prices_and_context_window.json';

export interface ImportOptions {
  out: string;
  asOf?: string;
  unmapped?: string;
  fetch?: boolean;
}

const KINDS = ['litellm', 'azure-retail', 'aws-pricelist'];
export const AZURE_RETAIL_SOURCE = 'https://prices.azure.com/api/retail/prices';
export const AWS_PRICELIST_SOURCE = 'https://pricing.us-east-1.amazonaws.com/offers/v1.0/aws/index.json';

export async function catalogImport(kind: string, files: readonly string[], options: ImportOptions, io: CliIo): Promise<number> {
  if (!KINDS.includes(kind)) throw new InputError([{ message: `cannot import "${kind}": the formats are ${KINDS.join(', ')}` }]);
  const asOf = options.asOf ?? todayOf(io);
  if (!isIsoDate(asOf)) throw new InputError([{ message: `--as-of: expected a date like 2026-07-24, got "${asOf}"` }]);
  if (kind !== 'litellm') return importFeed(kind as 'azure-retail' | 'aws-pricelist', files, { ...options, asOf }, io);
  if (files.length !== 1) throw new InputError([{ message: `catalog import litellm takes one file, got ${files.length}` }]);
  const file = files[0]!;
  const shown = displayPath(file, io.cwd);
  // read as YAML, a superset of JSON, to keep every number's text: 3e-06 must not become a float
  const doc = readYaml(await readText(path.resolve(io.cwd, file), shown, LIMITS.priceMapBytes), shown);
  if (doc.errors.length > 0) throw new InputError(doc.errors);
  if (typeof doc.data !== 'object' || doc.data === null || Array.isArray(doc.data)) {
    throw new InputError([{ file: shown, line: 1, col: 1, message: 'expected a JSON object of model entries, as in model_prices_and_context_window.json' }]);
  }
  const entries = Object.entries(doc.data as Record<string, unknown>).filter((e): e is [string, LiteLlmEntry] => typeof e[1] === 'object' && e[1] !== null);
  const { prices, unmapped, entries: total, mapped } = fromLiteLlm(Object.fromEntries(entries));
  if (mapped === 0) {
    throw new InputError([{ file: shown, message: `none of its ${total} entries is a LiteLLM token price (${unmapped[0]?.reason ?? 'no entries'}); expected model_prices_and_context_window.json` }]);
  }

  const inputs = [path.resolve(io.cwd, file)];
  await writeFileAtomic(path.resolve(io.cwd, options.out), renderModelsCsv({ prices, currency: 'USD', source: LITELLM_SOURCE, asOf }), displayPath(options.out, io.cwd), inputs);
  if (options.unmapped !== undefined) {
    const table = stringify([['key', 'reason'], ...unmapped.map((u) => [u.key, u.reason])], { record_delimiter: 'unix' });
    await writeFileAtomic(path.resolve(io.cwd, options.unmapped), table, displayPath(options.unmapped, io.cwd), [...inputs, path.resolve(io.cwd, options.out)]);
  }
  io.stderr.write(`Imported ${prices.length} prices from ${mapped} of ${total} entries into ${displayPath(options.out, io.cwd)}.\n${describeUnmapped(unmapped, options.unmapped)}`);
  return EXIT.ok;
}

/** A cloud's price feed, read from files or fetched, written as catalog tables into `--out`. */
async function importFeed(kind: 'azure-retail' | 'aws-pricelist', files: readonly string[], options: ImportOptions & { asOf: string }, io: CliIo): Promise<number> {
  if (options.fetch === true && files.length > 0) throw new InputError([{ message: '--fetch downloads the feed: give it no files' }]);
  if (options.fetch !== true && files.length === 0) throw new InputError([{ message: `catalog import ${kind} needs the feed's files, or --fetch to download it` }]);
  const documents = options.fetch === true ? await fetchFeed(kind, io) : await Promise.all(files.map((file) => readDocument(file, io)));
  const out = path.resolve(io.cwd, options.out);
  const inputs = files.map((file) => path.resolve(io.cwd, file));
  const tables: [string, string][] = [];
  let unmapped: Unmapped[];
  let summary: string;
  if (kind === 'azure-retail') {
    const items = documents.flatMap(({ data, shown }) => retailItems(data, shown));
    const imported = fromAzureRetail(items);
    const currency = oneCurrency(imported.currencies);
    const provenance = { currency, source: AZURE_RETAIL_SOURCE, asOf: options.asOf };
    tables.push(['models.csv', renderModelsCsv({ prices: imported.models, ...provenance })]);
    if (imported.provisioned.length > 0) tables.push(['provisioned.csv', renderProvisionedCsv(imported.provisioned, provenance)]);
    if (imported.services.length > 0) tables.push(['services.csv', renderServicesCsv(imported.services, provenance)]);
    unmapped = imported.unmapped;
    summary = `${imported.items} meters`;
  } else {
    const records = documents.flatMap(({ data, shown }) => {
      const found = priceListRecords(data);
      if (found.length === 0) throw new InputError([{ file: shown, line: 1, col: 1, message: 'expected an AWS Price List offer file (products, terms) or aws pricing get-products output (PriceList)' }]);
      return found;
    });
    const imported = fromAwsPriceList(records);
    const provenance = { currency: 'USD', source: AWS_PRICELIST_SOURCE, asOf: options.asOf };
    tables.push(['models.csv', renderModelsCsv({ prices: imported.models, ...provenance })]);
    if (imported.egress.length > 0) tables.push(['egress.csv', renderEgressCsv(imported.egress, provenance)]);
    if (imported.services.length > 0) tables.push(['services.csv', renderServicesCsv(imported.services.map((s) => ({ ...s, cloud: 'aws' })), provenance)]);
    unmapped = imported.unmapped;
    summary = `${imported.records} price list records`;
  }
  // models.csv is written even when empty, so the directory is a catalog to layer with --catalog
  if (tables.every(([, text]) => text.trimEnd().split('\n').length === 1)) throw new InputError([{ message: `none of the ${summary} is a price cloudtco maps (${unmapped[0]?.reason ?? 'no entries'})` }]);
  await ensureDirectory(out, displayPath(out, io.cwd));
  for (const [name, text] of tables) await writeFileAtomic(path.join(out, name), text, displayPath(path.join(out, name), io.cwd), inputs);
  if (options.unmapped !== undefined) {
    const table = stringify([['key', 'reason'], ...unmapped.map((u) => [u.key, u.reason])], { record_delimiter: 'unix' });
    await writeFileAtomic(path.resolve(io.cwd, options.unmapped), table, displayPath(options.unmapped, io.cwd), [...inputs, ...tables.map(([name]) => path.join(out, name))]);
  }
  const written = tables.map(([name, text]) => `${name} (${text.trimEnd().split('\n').length - 1} rows)`).join(', ');
  io.stderr.write(`Imported ${summary} into ${displayPath(out, io.cwd)}: ${written}.\n${describeUnmapped(unmapped, options.unmapped)}`);
  return EXIT.ok;
}

async function readDocument(file: string, io: CliIo): Promise<{ data: unknown; shown: string }> {
  const shown = displayPath(file, io.cwd);
  // read as YAML, a superset of JSON, to keep every number's text: 0.00123 must not become a float
  const doc = readYaml(await readText(path.resolve(io.cwd, file), shown, LIMITS.priceMapBytes), shown);
  if (doc.errors.length > 0) throw new InputError(doc.errors);
  return { data: doc.data, shown };
}

function retailItems(data: unknown, shown: string): RetailItem[] {
  const items = (data as { Items?: unknown } | null)?.Items;
  if (!Array.isArray(items)) throw new InputError([{ file: shown, line: 1, col: 1, message: 'expected a page of the Azure Retail Prices API: { "BillingCurrency", "Items": [...], "NextPageLink" }' }]);
  return items.filter((item): item is RetailItem => typeof item === 'object' && item !== null);
}

function oneCurrency(currencies: ReadonlySet<string>): string {
  if (currencies.size > 1) throw new InputError([{ message: `the pages are priced in ${[...currencies].join(' and ')}; import one currency at a time` }]);
  return [...currencies][0] ?? 'USD';
}

/** The feeds cloudtco prices from, downloaded: Foundry token meters and units, and Bedrock's offers. */
async function fetchFeed(kind: 'azure-retail' | 'aws-pricelist', io: CliIo): Promise<{ data: unknown; shown: string }[]> {
  const urls =
    kind === 'azure-retail'
      ? [`${AZURE_RETAIL_SOURCE}?$filter=${encodeURIComponent("serviceName eq 'Foundry Models'")}`]
      : ['AmazonBedrock', 'AmazonBedrockFoundationModels'].map((offer) => `https://pricing.us-east-1.amazonaws.com/offers/v1.0/aws/${offer}/current/us-east-1/index.json`);
  const pages: { data: unknown; shown: string }[] = [];
  for (let next: string | undefined = urls.shift(); next !== undefined; next = urls.shift()) {
    io.stderr.write(`fetching ${next}\n`);
    let response: Response;
    try {
      response = await fetch(next);
    } catch (error) {
      throw new InputError([{ message: `could not fetch ${next}: ${(error as Error).message}` }]);
    }
    if (!response.ok) throw new InputError([{ message: `${next} answered ${response.status} ${response.statusText}` }]);
    const data = readYaml(await response.text(), next).data;
    pages.push({ data, shown: next });
    const link = (data as { NextPageLink?: unknown } | null)?.NextPageLink;
    if (typeof link === 'string' && link !== '') urls.push(link);
  }
  return pages;
}

/** Unmapped entries grouped by reason, the first keys of each, and where the whole list went. */
function describeUnmapped(unmapped: readonly Unmapped[], file: string | undefined): string {
  if (unmapped.length === 0) return '';
  const groups = new Map([...groupBy(unmapped, (u) => u.reason)].map(([reason, entries]) => [reason, entries.map((u) => u.key)]));
  const shown = 10;
  // keys come from the feed, and may hold anything: shown escaped, each cut short
  const lines = [...groups].map(([reason, keys]) => `  ${keys.length} × ${visible(reason)}: ${keys.slice(0, shown).map((k) => visible(k.length > 200 ? `${k.slice(0, 200)}…` : k)).join(', ')}${keys.length > shown ? `, … ${keys.length - shown} more` : ''}`);
  const all = file === undefined ? ' (all of them with --unmapped FILE)' : ` (all of them in ${file})`;
  return `${unmapped.length} entries not mapped${all}:\n${lines.join('\n')}\n`;
}
