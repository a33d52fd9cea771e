/**
 * Provisioned throughput: capacity bought by the unit (Azure's PTUs) instead of by the token.
 *
 *   provisioned.csv  what a unit costs per term, per deployment type and region
 *     cloud,region,deployment,term,price,currency,effective_from,effective_to,source,as_of,note
 *     azure,*,global,hour,1.00,USD,…        per unit per hour, deployed
 *     azure,*,global,month,260,USD,…        a one-month reservation, per unit
 *
 *   throughput.csv   what a unit serves, per model: input tokens a minute, the input tokens one
 *                    output token counts as, and the smallest deployment and step
 *     cloud,deployment,model,input_tpm_per_unit,output_weight,minimum_units,increment,source,as_of,note
 *     azure,global,gpt-5.5,1200,6,15,5,…
 *
 * Units are model-independent (Azure: "You don't buy PTUs for a specific model"), so prices are
 * per deployment type; what a unit serves depends on the model.
 */
import * as z from 'zod';
import { sourcedColumns, toSourced, windowProblem, type RowRef, type Sourced } from './catalog.js';
import { CLOUD_IDS, type Cloud } from './cloud.js';
import { count, currency, id, oneOf, price, region } from './fields.js';
import type { Decimal } from './money.js';

/** How capacity is paid for: by the hour deployed, or reserved for a month or a year (paid up front). */
export const TERMS = ['hour', 'month', 'year'] as const;
export type Term = (typeof TERMS)[number];

export interface ProvisionedPrice extends Sourced {
  cloud: Cloud;
  region: string;
  deployment: string;
  term: Term;
  /** Per unit per term: an hour, a month, or a year. */
  price: Decimal;
  currency: string;
}

export interface Throughput extends Omit<Sourced, 'effectiveFrom' | 'effectiveTo'> {
  cloud: Cloud;
  deployment: string;
  model: string;
  inputTpmPerUnit: Decimal;
  outputWeight: Decimal;
  minimumUnits: Decimal;
  increment: Decimal;
}

export const provisionedRowSchema = z
  .strictObject({
    cloud: oneOf(CLOUD_IDS),
    region: region(),
    deployment: id('a provisioned deployment such as global or data-zone'),
    term: oneOf(TERMS),
    price: price(),
    currency: currency(),
    ...sourcedColumns,
  })
  .superRefine((row, ctx) => {
    const problem = windowProblem(row);
    if (problem !== undefined) ctx.addIssue({ code: 'custom', path: ['effective_to'], message: problem });
  });

const { effective_from: _from, effective_to: _to, ...undated } = sourcedColumns;

export const throughputRowSchema = z.strictObject({
  cloud: oneOf(CLOUD_IDS),
  deployment: id('a provisioned deployment such as global or data-zone'),
  model: id('a model id such as gpt-5.5'),
  input_tpm_per_unit: count('tokens a minute', '1200', { min: '1' }),
  output_weight: count('input tokens', '6', { min: '0' }),
  minimum_units: count('units', '15', { min: '1', integer: true }),
  increment: count('units', '5', { min: '1', integer: true }),
  ...undated,
});

export const OPTIONAL_PROVISIONED_COLUMNS = ['effective_from', 'effective_to', 'checked', 'note'];

export function toProvisionedPrice(row: z.output<typeof provisionedRowSchema>, ref: RowRef): ProvisionedPrice {
  return { cloud: row.cloud, region: row.region, deployment: row.deployment, term: row.term, price: row.price, currency: row.currency, ...toSourced(row, ref) };
}

export function toThroughput(row: z.output<typeof throughputRowSchema>, ref: RowRef): Throughput {
  const { source, asOf, checked, note } = toSourced(row, ref);
  return {
    cloud: row.cloud,
    deployment: row.deployment,
    model: row.model,
    inputTpmPerUnit: row.input_tpm_per_unit,
    outputWeight: row.output_weight,
    minimumUnits: row.minimum_units,
    increment: row.increment,
    source,
    asOf,
    checked,
    note,
    ref,
  };
}

/** `provisioned azure/* global month` */
export function provisionedKey(row: Pick<ProvisionedPrice, 'cloud' | 'region' | 'deployment' | 'term'>): string {
  return `provisioned ${row.cloud}/${row.region} ${row.deployment} ${row.term}`;
}

/** `throughput azure global gpt-5.5` */
export function throughputKey(row: Pick<Throughput, 'cloud' | 'deployment' | 'model'>): string {
  return `throughput ${row.cloud} ${row.deployment} ${row.model}`;
}
