/**
 * Costs the scenario states rather than a catalog prices — commitment lines, one-time costs —
 * as line items: shared by the option's workloads, in no one region, traced to the scenario
 * entry (`basis`) instead of a catalog row.
 */
import { SHARED, type LineItem } from '../model/line-item.js';

type Stated = Pick<LineItem, 'option' | 'period' | 'cloud' | 'category' | 'service' | 'meter' | 'quantity' | 'unit' | 'unitPrice'> & {
  basis: string;
  payee?: string | undefined;
  fx?: LineItem['fx'];
};

export function statedCost(cost: Stated): LineItem {
  return {
    ...cost,
    workload: SHARED,
    region: '*',
    model: undefined,
    vendor: undefined,
    cost: cost.quantity.times(cost.unitPrice),
    priceRef: undefined,
    payee: cost.payee,
    fx: cost.fx,
  };
}
