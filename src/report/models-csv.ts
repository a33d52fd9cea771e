/** Token prices written as a models.csv table, columns in the catalog's own order. */
import { stringify } from 'csv-stringify/sync';
import { MODEL_COLUMNS } from '../model/model-price.js';
import type { ImportedPrice } from '../model/litellm.js';
import { plain, type Decimal } from '../model/money.js';

export interface PriceTable {
  prices: ImportedPrice[];
  currency: string;
  source: string;
  asOf: string;
}

export function renderModelsCsv({ prices, currency, source, asOf }: PriceTable): string {
  const rows = prices.map((p) => {
    const cells: Record<string, string> = {
      cloud: p.cloud,
      region: p.region,
      deployment: p.deployment,
      tier: p.tier,
      model: p.model,
      input: plain(p.input),
      cached_input: optionalPrice(p.cachedInput),
      cache_write: optionalPrice(p.cacheWrite),
      cache_write_1h: optionalPrice(p.cacheWrite1h),
      output: plain(p.output),
      prompt_over: optionalPrice(p.promptOver),
      currency,
      effective_from: p.effectiveFrom ?? '',
      effective_to: p.effectiveTo ?? '',
      source,
      as_of: asOf,
      note: p.note,
    };
    return MODEL_COLUMNS.map((column) => cells[column] ?? '');
  });
  return stringify([[...MODEL_COLUMNS], ...rows], { record_delimiter: 'unix', quoted_match: /[\r\n]/ });
}

const optionalPrice = (price: Decimal | undefined) => (price === undefined ? '' : plain(price));
