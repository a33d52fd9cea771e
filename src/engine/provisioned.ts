/**
 * Provisioned throughput (an option's `provisioned`): units of capacity for the option's model,
 * bought by the hour or reserved by the month or year, serving the workloads' standard calls;
 * what they cannot serve spills over to pay-as-you-go at the option's own token prices.
 *
 * Capacity is counted in input tokens a minute. A call weighs its uncached input and cache
 * writes, plus its output times the model's output weight; cached reads weigh nothing (Azure:
 * "cached tokens are deducted 100% from the utilization calculation"):
 *
 *   demand   = Σ (uncached input + cache writes + output × output_weight)   the month's standard calls
 *   units    = given, or sized for the peak: demand ÷ minutes × peak_to_average ÷ input_tpm_per_unit,
 *              rounded up to the minimum deployment and then whole increments
 *   capacity = units × input_tpm_per_unit × minutes in the month
 *   spilled  = max(0, demand − capacity); each workload's standard tokens × spilled ÷ demand are
 *              billed at the option's token prices, the rest only through the units
 *
 * Worked example: gpt-5.5 (1 200 TPM a unit, output × 6, 15 units at least, steps of 5), a
 * 30-day month (43 200 minutes) of 2 000M input and 100M output tokens: demand 2 600M; at a
 * peak 3× the average, 2 600M ÷ 43 200 × 3 ÷ 1 200 = 150.46 units → 155. Capacity 155 × 1 200 ×
 * 43 200 = 8 035.2M, utilisation 32 %, nothing spills. With 40 units: capacity 2 073.6M, so
 * 526.4M of 2 600M (20.25 %) spills, and 20.25 % of each workload's tokens bill at list price.
 *
 * The month's load is taken as spread evenly for spill-over (bursts within a month are not
 * modelled: size units with peak_to_average instead). Units are billed every month of the
 * horizon: by the hour for every hour of the month, a month's reservation each month, a year's up
 * front in the first month of each year from the horizon's start. Batch calls, and months the
 * model runs on its fallback even in part, do not use the units.
 */
import { ANY_REGION, inEffect, type Catalog } from '../model/catalog.js';
import { suggestion } from '../model/did-you-mean.js';
import type { Diagnostic, PathSegment } from '../model/diagnostic.js';
import { SHARED, type LineItem } from '../model/line-item.js';
import { Decimal, ONE, ZERO } from '../model/money.js';
import { vendorOf } from '../model/party.js';
import { daysInMonth, firstDay, type Period } from '../model/period.js';
import { provisionedKey, throughputKey, type ProvisionedPrice, type Throughput } from '../model/provisioned.js';
import type { Option, Workload } from '../model/scenario.js';
import { whole } from './activity.js';
import { missingRate, type Exchange } from './fx.js';
import type { MonthPlacement } from './placements.js';
import type { TokenUsage } from './token-usage.js';

/** A workload's tokens at a provisioned option, held until every workload's demand is known. */
export interface Deferred {
  workload: Workload;
  usage: TokenUsage[];
  placements: ReadonlyMap<Period, readonly MonthPlacement[]>;
}

/** One model's units in one month: what they could serve, and what they did. */
export interface ProvisionedUse {
  option: string;
  model: string;
  period: Period;
  units: Decimal;
  /** In weighted input tokens. */
  capacity: Decimal;
  demand: Decimal;
  served: Decimal;
}

export interface Provisioning {
  /** The usage to price per token: standard calls in provisioned months cut to their spilled share. */
  usage: (deferred: Deferred) => TokenUsage[];
  lineItems: LineItem[];
  uses: ProvisionedUse[];
  problems: Diagnostic[];
}

interface ProvisionContext {
  option: Option;
  optionIndex: number;
  periods: readonly Period[];
  catalog: Catalog;
  currency: string;
  rates: Exchange;
}

export function provision({ option, optionIndex, periods, catalog, currency, rates }: ProvisionContext, deferred: readonly Deferred[]): Provisioning {
  const settings = option.provisioned!;
  const path: PathSegment[] = ['options', optionIndex, 'provisioned'];
  const deployment = settings.deployment ?? option.model.deployment;
  const problems: Diagnostic[] = [];
  const lineItems: LineItem[] = [];
  const uses: ProvisionedUse[] = [];
  const spilledShare = new Map<string, Decimal>(); // `${model} ${period}` → spilled ÷ demand

  const models = [...new Set(deferred.map((d) => d.workload.model))];
  for (const model of models) {
    const throughput = catalog.throughput.find((t) => t.cloud === option.model.cloud && t.deployment === deployment && t.model === model);
    if (throughput === undefined) {
      problems.push({ path, message: `no throughput figure for ${throughputKey({ cloud: option.model.cloud, deployment, model })} (${knownThroughput(catalog, option.model.cloud, deployment, model)}); add it to throughput.csv` });
      continue;
    }
    const demand = new Map(periods.map((p) => [p, ZERO]));
    for (const d of deferred) {
      if (d.workload.model !== model) continue;
      for (const u of d.usage) {
        if (!usesUnits(u, d.placements)) continue;
        demand.set(u.period, demand.get(u.period)!.plus(weighted(u, throughput)));
      }
    }
    const units = unitsByMonth(settings, throughput, periods, demand);
    let overflow: Period | undefined;
    for (const period of periods) {
      const wanted = demand.get(period)!;
      const capacity = units.get(period)!.times(throughput.inputTpmPerUnit).times(minutesIn(period));
      const served = Decimal.min(wanted, capacity);
      if (wanted.gt(capacity)) overflow ??= period;
      spilledShare.set(`${model} ${period}`, wanted.isZero() ? ZERO : wanted.minus(served).div(wanted));
      uses.push({ option: option.id, model, period, units: units.get(period)!, capacity, demand: wanted, served });
    }
    if (overflow !== undefined && !settings.spillover) {
      const use = uses.find((u) => u.model === model && u.period === overflow)!;
      problems.push({ path: [...path, 'spillover'], message: `${model}'s calls need ${use.demand.toFixed(0)} weighted tokens in ${overflow} and ${use.units.toFixed()} units serve ${use.capacity.toFixed(0)}; with spillover off the rest would be refused: give more units, or spillover: true` });
    }
    const billed = bill({ option, path, deployment, model, periods, catalog, currency, rates, settings, units });
    problems.push(...billed.problems);
    lineItems.push(...billed.lineItems);
  }

  const usage = (d: Deferred): TokenUsage[] =>
    d.usage.map((u) => {
      const share = spilledShare.get(`${d.workload.model} ${u.period}`);
      if (share === undefined || share.eq(ONE) || !usesUnits(u, d.placements)) return u;
      const cut = (tokens: bigint) => (share.isZero() ? 0n : BigInt(whole(new Decimal(tokens.toString()).times(share)).toFixed()));
      return { ...u, uncachedInput: cut(u.uncachedInput), cachedInput: cut(u.cachedInput), cacheWrite: cut(u.cacheWrite), output: cut(u.output) };
    });
  return { usage, lineItems, uses, problems };
}

/** Standard calls in a month the option's own placement serves whole. */
function usesUnits(usage: TokenUsage, placements: ReadonlyMap<Period, readonly MonthPlacement[]>): boolean {
  const parts = placements.get(usage.period);
  return usage.processing === 'standard' && parts !== undefined && parts.length === 1 && !parts[0]!.fallback;
}

function weighted(u: TokenUsage, throughput: Throughput): Decimal {
  return new Decimal((u.uncachedInput + u.cacheWrite).toString()).plus(new Decimal(u.output.toString()).times(throughput.outputWeight));
}

const minutesIn = (period: Period) => new Decimal(daysInMonth(period) * 1440);

/**
 * Units each month: as given, or sized for the month's peak; a year's reservation holds its
 * largest month's units for all twelve (years counted from the horizon's start).
 */
function unitsByMonth(settings: NonNullable<Option['provisioned']>, throughput: Throughput, periods: readonly Period[], demand: ReadonlyMap<Period, Decimal>): Map<Period, Decimal> {
  const units = new Map<Period, Decimal>();
  for (const period of periods) {
    if (settings.units !== undefined) {
      units.set(period, settings.units);
      continue;
    }
    const wanted = demand.get(period)!;
    const need = wanted.div(minutesIn(period)).times(settings.peak_to_average).div(throughput.inputTpmPerUnit);
    units.set(period, wanted.isZero() ? ZERO : deployable(need, throughput));
  }
  if (settings.term === 'year' && settings.units === undefined) {
    for (let start = 0; start < periods.length; start += 12) {
      const year = periods.slice(start, start + 12);
      const most = Decimal.max(...year.map((p) => units.get(p)!));
      for (const p of year) units.set(p, most);
    }
  }
  return units;
}

/** The smallest deployable number of units at least `need`: the minimum, then whole increments. */
export function deployable(need: Decimal, throughput: Pick<Throughput, 'minimumUnits' | 'increment'>): Decimal {
  if (need.lte(throughput.minimumUnits)) return throughput.minimumUnits;
  return throughput.minimumUnits.plus(need.minus(throughput.minimumUnits).div(throughput.increment).ceil().times(throughput.increment));
}

interface BillContext {
  option: Option;
  path: PathSegment[];
  deployment: string;
  model: string;
  periods: readonly Period[];
  catalog: Catalog;
  currency: string;
  rates: Exchange;
  settings: NonNullable<Option['provisioned']>;
  units: ReadonlyMap<Period, Decimal>;
}

/** The units' line items: every hour of each month, each month's reservation, or each year's up front. */
function bill({ option, path, deployment, model, periods, catalog, currency, rates, settings, units }: BillContext): { lineItems: LineItem[]; problems: Diagnostic[] } {
  const lineItems: LineItem[] = [];
  const { cloud, region } = option.model;
  const key = { cloud, region, deployment, term: settings.term };
  const rows = catalog.provisioned.filter((r) => r.cloud === cloud && r.deployment === deployment && r.term === settings.term);
  const exact = rows.filter((r) => r.region === region);
  const candidates = exact.length > 0 ? exact : rows.filter((r) => r.region === ANY_REGION);
  for (const [i, period] of periods.entries()) {
    const count = units.get(period)!;
    if (count.isZero() || (settings.term === 'year' && i % 12 !== 0)) continue;
    const row = candidates.find((r) => inEffect(r, firstDay(period)));
    if (row === undefined) {
      const known = [...new Set(catalog.provisioned.filter((r) => r.cloud === cloud).map((r) => `${r.deployment} ${r.term}${r.region === ANY_REGION ? '' : ` in ${r.region}`}`))];
      return { lineItems: [], problems: [{ path, message: `no price for ${provisionedKey(key)} in ${period} (${known.length === 0 ? `provisioned.csv prices no ${cloud} units` : `provisioned.csv has ${known.join(', ')}`})` }] };
    }
    const rate = rates(row.currency);
    if (rate === undefined) return { lineItems: [], problems: [{ path, message: missingRate(`${row.ref.file}:${row.ref.line}`, row.currency, currency) }] };
    const quantity = settings.term === 'hour' ? count.times(daysInMonth(period) * 24) : count;
    lineItems.push(unitLine(option, model, period, row, quantity, rate, currency, `${model} provisioned throughput, ${deployment}: ${count.toFixed()} units ${TERM_WORDS[settings.term]}`));
  }
  return { lineItems, problems: [] };
}

const TERM_WORDS = { hour: 'by the hour', month: 'reserved for the month', year: 'reserved for the year, paid up front' } as const;

function unitLine(option: Option, model: string, period: Period, row: ProvisionedPrice, quantity: Decimal, rate: Decimal, currency: string, meter: string): LineItem {
  const unitPrice = row.price.times(rate);
  return {
    option: option.id,
    workload: SHARED,
    period,
    cloud: row.cloud,
    region: option.model.region,
    category: 'provisioned',
    service: 'provisioned-throughput',
    model,
    vendor: vendorOf(model),
    meter,
    quantity,
    unit: `unit-${row.term}`,
    unitPrice,
    cost: quantity.times(unitPrice),
    priceRef: { file: row.ref.file, line: row.ref.line, source: row.source, asOf: row.asOf },
    fx: row.currency === currency ? undefined : { currency: row.currency, rate },
    basis: undefined,
    payee: undefined,
  };
}

function knownThroughput(catalog: Catalog, cloud: string, deployment: string, model: string): string {
  const here = catalog.throughput.filter((t) => t.cloud === cloud && t.deployment === deployment).map((t) => t.model);
  if (here.length === 0) return `throughput.csv has no ${cloud} ${deployment} rows`;
  return `throughput.csv has ${here.join(', ')}${suggestion(model, here)}`;
}
