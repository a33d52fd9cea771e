import type { Cloud } from './cloud.js';
import { Decimal } from './money.js';
import type { Period } from './period.js';

/**
 * What a cost is for, in report order: model tokens and provisioned throughput, then what placing the agent's pieces on
 * clouds adds (data transfer, private links, NAT gateways and private endpoints, runtime, state,
 * cache, dataset copies), support plans, then commitments and one-time costs.
 */
export const CATEGORIES = [
  'tokens.input',
  'tokens.cached',
  'tokens.cache-write',
  'tokens.output',
  'provisioned',
  'egress',
  'interconnect',
  'gateway',
  'runtime',
  'state.storage',
  'state.ops',
  'cache',
  'data.storage',
  'support',
  'commitment.discount',
  'commitment.shortfall',
  'one-time',
] as const;
export type Category = (typeof CATEGORIES)[number];

/** Line items not owed to one workload (cache capacity, ports, datasets, contracts) are filed under this name. */
export const SHARED = '(shared)';

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
  /** The model and its vendor, for token costs. */
  model: string | undefined;
  vendor: string | undefined;
  /** What exactly was metered, for people: "gpt-5.5 input tokens", "model requests to azure/eastus2". */
  meter: string;
  quantity: Decimal;
  unit: string;
  unitPrice: Decimal;
  cost: Decimal;
  /** The catalog row that priced it; undefined for costs the scenario states (commitments, one-time). */
  priceRef: PriceRef | undefined;
  /** For costs the scenario states: which entry, e.g. "commitments[0] azure-macc". */
  basis: string | undefined;
  /** Who receives the money, where not the billing cloud's party (a one-time cost paid to a partner). */
  payee: string | undefined;
  /** Set when the catalog row is in another currency: its currency and the scenario's rate. */
  fx: { currency: string; rate: Decimal } | undefined;
}

/** What line items of one meter share: everything but their month, quantity and cost. */
export type Charge = Omit<LineItem, 'period' | 'quantity' | 'cost'>;

/**
 * A charge whose line items count whole units at one exact unit price: unitPrice = priceUnits ×
 * 10^−scale, so an item's cost is its units × priceUnits × 10^−scale, an integer product.
 */
export interface UnitCharge extends Charge {
  priceUnits: bigint;
  scale: number;
}

/** A unit price as an integer and its scale: 0.0000025 = 25 × 10^−7. */
export function unitPriceParts(unitPrice: Decimal): { priceUnits: bigint; scale: number } {
  const scale = unitPrice.decimalPlaces();
  return { priceUnits: BigInt(unitPrice.times(new Decimal(10).pow(scale)).toFixed()), scale };
}

/**
 * A line item that counts whole units (tokens) of a shared charge: a scenario's 900 000 token
 * line items come from a few thousand charges, and an object of three fields (the charge, the
 * month, the units as a bigint) is what keeps them small and quick to make. Its quantity and
 * cost are exact decimals made when read; sums read `costUnits` instead (analysis/cost-sum.ts),
 * adding integers. Reads as any other LineItem.
 */
export class ChargedLineItem implements LineItem {
  constructor(
    readonly charge: UnitCharge,
    readonly period: Period,
    /** Whole units of the charge's unit, ≥ 0. */
    readonly units: bigint,
  ) {}
  get quantity(): Decimal { return new Decimal(this.units.toString()); }
  /** cost × 10^charge.scale, exactly. */
  get costUnits(): bigint { return this.units * this.charge.priceUnits; }
  get cost(): Decimal { return new Decimal(`${this.costUnits}e-${this.charge.scale}`); }
  get option() { return this.charge.option; }
  get workload() { return this.charge.workload; }
  get cloud() { return this.charge.cloud; }
  get region() { return this.charge.region; }
  get category() { return this.charge.category; }
  get service() { return this.charge.service; }
  get model() { return this.charge.model; }
  get vendor() { return this.charge.vendor; }
  get meter() { return this.charge.meter; }
  get unit() { return this.charge.unit; }
  get unitPrice() { return this.charge.unitPrice; }
  get priceRef() { return this.charge.priceRef; }
  get basis() { return this.charge.basis; }
  get payee() { return this.charge.payee; }
  get fx() { return this.charge.fx; }
}
