import type { Cloud } from './cloud.js';
import type { Decimal } from './money.js';
import type { Period } from './period.js';

/** What a cost is for. Issues to come add egress, state, cache, runtime, commitments. */
export const CATEGORIES = ['tokens.input', 'tokens.cached', 'tokens.output'] as const;
export type Category = (typeof CATEGORIES)[number];

/** Which catalog row priced a line item, so every cost can be traced to its source. */
export interface PriceRef {
  file: string;
  line: number;
  source: string;
  asOf: string;
}

/**
 * The unit every report is built from: one cost, for one option, workload, month and
 * category. cost = quantity × unitPrice exactly; reports only ever add these up.
 */
export interface LineItem {
  option: string;
  workload: string;
  period: Period;
  cloud: Cloud;
  region: string;
  category: Category;
  service: string;
  model: string;
  quantity: Decimal;
  unit: string;
  unitPrice: Decimal;
  cost: Decimal;
  priceRef: PriceRef;
}
