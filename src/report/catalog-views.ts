/**
 * Renderers for `cloudtco catalog list | show | stale | models | regions | services`. Prices print as the catalog states
 * them, never rounded: these are reference tables, not bills.
 */
import Table from 'cli-table3';
import { csvText as csv, jsonText as json } from './text-formats.js';
import type { ModelListing, PriceView, StaleRow } from '../analysis/catalog-views.js';
import type { ModelPlaces, RegionUse, ServiceMeters } from '../analysis/catalog-discovery.js';
import { windowText } from '../model/catalog.js';
import { plain, type Decimal } from '../model/money.js';
import { visible } from '../model/safe-text.js';
import type { Format, Renderer } from './renderer.js';
import { createStyle, ROWS_WITHOUT_RULES } from './style.js';

export interface ModelList {
  listings: ModelListing[];
}

export interface ModelShow {
  model: string;
  today: string;
  views: PriceView[];
}

export interface StaleReport {
  today: string;
  maxAgeDays: number;
  /** The scenario whose rows were checked, or undefined for the whole catalog. */
  scenario: string | undefined;
  rows: StaleRow[];
}

function table(head: string[], rows: string[][], style: ReturnType<typeof createStyle>, aligns?: ('left' | 'right')[]): string {
  const t = new Table({ head: head.map(style.bold), style: { head: [], border: [] }, chars: ROWS_WITHOUT_RULES, ...(aligns ? { colAligns: aligns } : {}) });
  t.push(...rows);
  return t.toString();
}


const soldOn = (l: ModelListing) => l.clouds.map((c) => `${c.cloud}: ${c.deployments.join(', ')}`);

export const modelListRenderers: Record<Format, Renderer<ModelList>> = {
  table: ({ listings }, options) => {
    const style = createStyle(options.color);
    return `${table(['model', 'sold on', 'rows', 'newest as_of'], listings.map((l) => [l.model, soldOn(l).join('\n'), String(l.rows), l.newestAsOf]), style, ['left', 'left', 'right', 'left'])}\n`;
  },
  json: ({ listings }) => json({ models: listings }),
  csv: ({ listings }) => csv(['model', 'sold_on', 'rows', 'newest_as_of'], listings.map((l) => [l.model, soldOn(l).join('; '), String(l.rows), l.newestAsOf])),
};

/** A listed price as people write them: at least two decimals, every digit kept (0.075, 2.50, 30.00). */
const price = (value: Decimal | undefined) => (value === undefined ? '' : value.decimalPlaces() < 2 ? value.toFixed(2) : plain(value));

export const modelShowRenderers: Record<Format, Renderer<ModelShow>> = {
  table: ({ model, today, views }, options) => {
    const style = createStyle(options.color);
    const mark = (text: string, cheapest: boolean) => (cheapest ? style.good(`${text} *`) : text);
    const rows = views.map(({ row, current, cheapest }) => {
      const cells = [
        row.cloud,
        row.region,
        row.deployment,
        row.promptOver === undefined ? row.tier : `${row.tier}\nprompts > ${row.promptOver.toFixed()}`,
        mark(price(row.input), cheapest.input),
        mark(price(row.cachedInput), cheapest.cachedInput),
        row.cacheWrite1h === undefined ? price(row.cacheWrite) : `${price(row.cacheWrite)}\n1h ${price(row.cacheWrite1h)}`,
        mark(price(row.output), cheapest.output),
        row.currency,
        windowText(row),
        row.asOf,
        `${row.source}\n${visible(row.ref.file)}:${row.ref.line}`,
      ];
      return current ? cells : cells.map(style.dim);
    });
    const heading = `${style.bold(model)}: prices per 1M tokens. * lowest standard-tier price in effect on ${today}; dimmed rows are not in effect then.`;
    return `${heading}\n${table(['cloud', 'region', 'deployment', 'tier', 'input', 'cached input', 'cache write', 'output', 'currency', 'in effect', 'as of', 'source'], rows, style, ['left', 'left', 'left', 'left', 'right', 'right', 'right', 'right', 'left', 'left', 'left', 'left'])}\n`;
  },
  json: ({ model, today, views }) =>
    json({
      model,
      on: today,
      prices: views.map(({ row, current, cheapest }) => ({
        cloud: row.cloud,
        region: row.region,
        deployment: row.deployment,
        tier: row.tier,
        promptOver: row.promptOver === undefined ? null : plain(row.promptOver),
        input: plain(row.input),
        cachedInput: row.cachedInput === undefined ? null : plain(row.cachedInput),
        cacheWrite: row.cacheWrite === undefined ? null : plain(row.cacheWrite),
        cacheWrite1h: row.cacheWrite1h === undefined ? null : plain(row.cacheWrite1h),
        output: plain(row.output),
        currency: row.currency,
        effectiveFrom: row.effectiveFrom ?? null,
        effectiveTo: row.effectiveTo ?? null,
        current,
        cheapest,
        source: row.source,
        asOf: row.asOf,
        ...(row.note === undefined ? {} : { note: row.note }),
        row: `${row.ref.file}:${row.ref.line}`,
      })),
    }),
  csv: ({ views }) =>
    csv(
      ['cloud', 'region', 'deployment', 'tier', 'prompt_over', 'input', 'cached_input', 'cache_write', 'cache_write_1h', 'output', 'currency', 'effective_from', 'effective_to', 'current', 'source', 'as_of', 'row'],
      views.map(({ row, current }) => [
        row.cloud,
        row.region,
        row.deployment,
        row.tier,
        row.promptOver === undefined ? '' : plain(row.promptOver),
        plain(row.input),
        row.cachedInput === undefined ? '' : plain(row.cachedInput),
        row.cacheWrite === undefined ? '' : plain(row.cacheWrite),
        row.cacheWrite1h === undefined ? '' : plain(row.cacheWrite1h),
        plain(row.output),
        row.currency,
        row.effectiveFrom ?? '',
        row.effectiveTo ?? '',
        String(current),
        row.source,
        row.asOf,
        `${row.ref.file}:${row.ref.line}`,
      ]),
    ),
};

export const staleRenderers: Record<Format, Renderer<StaleReport>> = {
  table: ({ today, maxAgeDays, scenario, rows }, options) => {
    const style = createStyle(options.color);
    const which = scenario === undefined ? 'catalog' : `${visible(scenario)} uses`;
    if (rows.length === 0) return `No row ${scenario === undefined ? 'of the catalog' : `that ${which}`} is older than ${maxAgeDays} days on ${today}.\n`;
    const rowsText = rows.length === 1 ? 'row' : 'rows';
    const subject = scenario === undefined ? `${rows.length} catalog ${rowsText}` : `${rows.length} ${rowsText} that ${which}`;
    const heading = style.worse(`${subject} ${rows.length === 1 ? 'is' : 'are'} older than ${maxAgeDays} days on ${today}:`);
    return `${heading}\n${table(['row', 'key', 'as of', 'checked', 'age (days)'], rows.map((r) => [`${visible(r.ref.file)}:${r.ref.line}`, r.key, r.asOf, r.checked ?? '', String(r.ageDays)]), style, ['left', 'left', 'left', 'left', 'right'])}\n`;
  },
  json: ({ today, maxAgeDays, rows }) => json({ on: today, maxAgeDays, stale: rows.map((r) => ({ row: `${r.ref.file}:${r.ref.line}`, key: r.key, asOf: r.asOf, checked: r.checked ?? null, ageDays: r.ageDays })) }),
  csv: ({ rows }) => csv(['row', 'key', 'as_of', 'checked', 'age_days'], rows.map((r) => [`${r.ref.file}:${r.ref.line}`, r.key, r.asOf, r.checked ?? '', String(r.ageDays)])),
};

export interface Discovery<Row> {
  /** The cloud asked for, or undefined for all. */
  cloud: string | undefined;
  rows: Row[];
}

/** `catalog models`: where each model is sold and how. */
export const catalogModelsRenderers: Record<Format, Renderer<Discovery<ModelPlaces>>> = {
  table: ({ rows }, options) => {
    const style = createStyle(options.color);
    return `${table(['model', 'cloud', 'regions', 'deployments', 'tiers', 'long context over'], rows.map((r) => [visible(r.model), r.cloud, r.regions.join(', '), r.deployments.join(', '), r.tiers.join(', '), r.longContext.join(', ')]), style)}\n`;
  },
  json: ({ cloud, rows }) => json({ cloud: cloud ?? null, models: rows }),
  csv: ({ rows }) => csv(['model', 'cloud', 'regions', 'deployments', 'tiers', 'long_context_over'], rows.map((r) => [r.model, r.cloud, r.regions.join(' '), r.deployments.join(' '), r.tiers.join(' '), r.longContext.join(' ')])),
};

/** `catalog regions`: each cloud's regions, and what is priced in them. */
export const catalogRegionsRenderers: Record<Format, Renderer<Discovery<RegionUse>>> = {
  table: ({ rows }, options) => {
    const style = createStyle(options.color);
    return `${table(['cloud', 'region', 'in regions.csv', 'own prices for'], rows.map((r) => [r.cloud, visible(r.region), r.listed ? 'yes' : '', r.priced.join(', ')]), style)}\n`;
  },
  json: ({ cloud, rows }) => json({ cloud: cloud ?? null, regions: rows }),
  csv: ({ rows }) => csv(['cloud', 'region', 'listed', 'priced'], rows.map((r) => [r.cloud, r.region, String(r.listed), r.priced.join(' ')])),
};

/** `catalog services`: each cloud's services, their meters and units. */
export const catalogServicesRenderers: Record<Format, Renderer<Discovery<ServiceMeters>>> = {
  table: ({ rows }, options) => {
    const style = createStyle(options.color);
    return `${table(['cloud', 'service', 'meter', 'unit', 'regions', 'tiers'], rows.map((r) => [r.cloud, visible(r.service), visible(r.meter), r.unit, r.regions.join(', '), String(r.tiers)]), style, ['left', 'left', 'left', 'left', 'left', 'right'])}\n`;
  },
  json: ({ cloud, rows }) => json({ cloud: cloud ?? null, services: rows }),
  csv: ({ rows }) => csv(['cloud', 'service', 'meter', 'unit', 'regions', 'tiers'], rows.map((r) => [r.cloud, r.service, r.meter, r.unit, r.regions.join(' '), String(r.tiers)])),
};
