/**
 * Line items as FOCUS-aligned rows: FOCUS 1.4 Cost and Usage column names and values where a
 * concept fits, cloudtco's own fields in `x_` columns. Aligned, not conformant: a projection has
 * no billing account or invoice, so FOCUS's mandatory account columns are left out.
 *
 * Choices (docs/architecture.md, "Export"):
 * - One row per line item; a month is both the billing and the charge period, as UTC
 *   timestamps `2027-01-01T00:00:00Z` to the next month's start (exclusive).
 * - Tokens are consumed in `Tokens` and priced per `1000000 Tokens`, so ListUnitPrice reads
 *   like a price list; PricingQuantity × ListUnitPrice = ListCost exactly. A tiered meter has no
 *   single unit price, so its ListUnitPrice is null rather than a rounded blend.
 * - FOCUS 1.3 replaced ProviderName with ServiceProviderName (who provides the service: the
 *   model's vendor for tokens, a partner for its own work) and HostProviderName (the cloud it
 *   runs on); InvoiceIssuerName is who bills the customer.
 * - A commitment discount is its own row (FOCUS would fold it into the rows it discounts), so it
 *   and a shortfall are `Adjustment`s; a one-time cost is a `Purchase`.
 * - Every cell is text: numbers are exact plain decimals, nulls are null (an empty CSV field).
 */
import type { ExportReport } from '../analysis/export.js';
import type { Category, LineItem } from '../model/line-item.js';
import { dec, plain } from '../model/money.js';
import { addMonths, type Period } from '../model/period.js';
import { CLOUD_PARTY, providerName } from '../model/party.js';

export const FOCUS_VERSION = '1.4';

export const FOCUS_COLUMNS = [
  'BillingPeriodStart',
  'BillingPeriodEnd',
  'ChargePeriodStart',
  'ChargePeriodEnd',
  'ChargeCategory',
  'ChargeFrequency',
  'ChargeDescription',
  'ServiceCategory',
  'ServiceSubcategory',
  'ServiceName',
  'ServiceProviderName',
  'HostProviderName',
  'InvoiceIssuerName',
  'RegionId',
  'ConsumedQuantity',
  'ConsumedUnit',
  'PricingQuantity',
  'PricingUnit',
  'ListUnitPrice',
  'ListCost',
  'BilledCost',
  'EffectiveCost',
  'BillingCurrency',
  'x_Option',
  'x_Workload',
  'x_Category',
  'x_Model',
  'x_PriceRef',
  'x_PriceSource',
  'x_PriceAsOf',
  'x_PriceCurrency',
  'x_ExchangeRate',
  'x_Basis',
  'x_WhatIf',
  'x_PointValues',
] as const;

export type FocusColumn = (typeof FOCUS_COLUMNS)[number];
export type FocusRow = Record<FocusColumn, string | null>;

/** Columns holding free text, which a spreadsheet could take for a formula. */
export const TEXT_COLUMNS: ReadonlySet<FocusColumn> = new Set<FocusColumn>(['ChargeDescription', 'ServiceName', 'ServiceProviderName', 'HostProviderName', 'InvoiceIssuerName', 'RegionId', 'x_Option', 'x_Workload', 'x_Model', 'x_PriceRef', 'x_PriceSource', 'x_Basis', 'x_WhatIf', 'x_PointValues']);

const SERVICE: Record<Category, [category: string, subcategory: string]> = {
  'tokens.input': ['AI and Machine Learning', 'Generative AI'],
  'tokens.cached': ['AI and Machine Learning', 'Generative AI'],
  'tokens.cache-write': ['AI and Machine Learning', 'Generative AI'],
  'tokens.output': ['AI and Machine Learning', 'Generative AI'],
  provisioned: ['AI and Machine Learning', 'Generative AI'],
  egress: ['Networking', 'Network Connectivity'],
  interconnect: ['Networking', 'Network Connectivity'],
  gateway: ['Networking', 'Network Connectivity'],
  runtime: ['Compute', 'Serverless Compute'],
  'state.storage': ['Databases', 'NoSQL Databases'],
  'state.ops': ['Databases', 'NoSQL Databases'],
  cache: ['Databases', 'Caching'],
  'data.storage': ['Storage', 'Object Storage'],
  support: ['Management and Governance', 'Support'],
  'commitment.discount': ['Other', 'Other (Other)'],
  'commitment.shortfall': ['Other', 'Other (Other)'],
  'one-time': ['Other', 'Other (Other)'],
};

/** catalog units in FOCUS UnitFormat */
const UNIT_NAMES: Record<string, string> = {
  tokens: 'Tokens',
  gb: 'GB',
  gib: 'GiB',
  'gb-month': 'GB-Months',
  'gib-month': 'GiB-Months',
  'gb-second': 'GB-Seconds',
  'gib-second': 'GiB-Seconds',
  'gb-hour': 'GB-Hours',
  'gib-hour': 'GiB-Hours',
  'vcpu-second': 'vCPU-Seconds',
  'vcpu-hour': 'vCPU-Hours',
  'node-hour': 'Node-Hours',
  'port-hour': 'Port-Hours',
  'session-hour': 'Session-Hours',
  'gateway-hour': 'Gateway-Hours',
  'endpoint-hour': 'Endpoint-Hours',
  'vm-hour': 'VM-Hours',
  'thousand-requests': '1000 Requests',
  'million-requests': '1000000 Requests',
};

const MILLION = dec('1000000');

/** One row per line item, made as they are written rather than all at once. */
export function* focusRows(report: ExportReport): Iterable<FocusRow> {
  // a what-if's rows say so on every row, so a copied or filtered sheet still does
  const whatIf = report.provenance.whatIf.length === 0 ? null : report.provenance.whatIf.join('; ');
  const pointValues = report.provenance.pointValues.length === 0 ? null : report.provenance.pointValues.join('; ');
  for (const item of report.lineItems) yield focusRow(item, report.currency, whatIf, pointValues);
}

function focusRow(item: LineItem, currency: string, whatIf: string | null, pointValues: string | null): FocusRow {
  const start = timestamp(item.period);
  const end = timestamp(addMonths(item.period, 1));
  const [serviceCategory, serviceSubcategory] = SERVICE[item.category];
  const stated = item.priceRef === undefined;
  const tokens = item.unit === 'tokens';
  const host = CLOUD_PARTY[item.cloud];
  // a token line item makes its quantity and cost when read (model/line-item.ts): read each once
  const quantity = item.quantity;
  const cost = plain(item.cost);
  const pricing = stated ? undefined : tokens ? { quantity: quantity.div(MILLION), unit: '1000000 Tokens', price: item.unitPrice.times(MILLION) } : { quantity, unit: UNIT_NAMES[item.unit] ?? item.unit, price: item.unitPrice };
  const exactPrice = pricing !== undefined && plain(pricing.quantity.times(pricing.price)) === cost;
  return {
    BillingPeriodStart: start,
    BillingPeriodEnd: end,
    ChargePeriodStart: start,
    ChargePeriodEnd: end,
    ChargeCategory: item.category === 'one-time' ? 'Purchase' : item.category.startsWith('commitment.') ? 'Adjustment' : 'Usage',
    ChargeFrequency: item.category === 'one-time' ? 'One-Time' : item.category.startsWith('commitment.') ? 'Recurring' : 'Usage-Based',
    ChargeDescription: item.meter,
    ServiceCategory: serviceCategory,
    ServiceSubcategory: serviceSubcategory,
    ServiceName: item.service,
    ServiceProviderName: providerName(item.payee ?? (tokens && item.vendor !== undefined ? item.vendor : host)),
    // a partner's service (an integrator's migration) runs on no cloud
    HostProviderName: item.payee === undefined ? providerName(host) : null,
    InvoiceIssuerName: providerName(item.payee ?? host),
    RegionId: item.region === '*' ? null : item.region,
    ConsumedQuantity: stated ? null : plain(quantity),
    ConsumedUnit: stated ? null : (UNIT_NAMES[item.unit] ?? item.unit),
    PricingQuantity: pricing === undefined ? null : plain(pricing.quantity),
    PricingUnit: pricing?.unit ?? null,
    ListUnitPrice: pricing !== undefined && exactPrice ? plain(pricing.price) : null,
    // a discount is not part of the list price; everything else is billed as listed
    ListCost: item.category === 'commitment.discount' ? '0' : cost,
    BilledCost: cost,
    EffectiveCost: cost,
    BillingCurrency: currency,
    x_Option: item.option,
    x_Workload: item.workload,
    x_Category: item.category,
    x_Model: item.model ?? null,
    x_PriceRef: item.priceRef === undefined ? null : `${item.priceRef.file}:${item.priceRef.line}`,
    x_PriceSource: item.priceRef?.source ?? null,
    x_PriceAsOf: item.priceRef?.asOf ?? null,
    x_PriceCurrency: item.fx?.currency ?? null,
    x_ExchangeRate: item.fx === undefined ? null : plain(item.fx.rate),
    x_Basis: item.basis ?? null,
    x_WhatIf: whatIf,
    x_PointValues: pointValues,
  };
}

/** A month's first instant in FOCUS's DateTimeFormat: `2027-01-01T00:00:00Z`. */
function timestamp(period: Period): string {
  return `${period}-01T00:00:00Z`;
}
