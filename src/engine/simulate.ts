/**
 * The simulation: (scenario, catalog) → line items, for every option, workload and month of
 * the horizon. Pure: no files, clock, environment or console. Every problem (a missing price,
 * a model not available, a placement a workload needs) is collected and thrown together as one
 * InputError whose diagnostics carry paths into the scenario; the caller adds file positions.
 *
 * Per option and workload: where the model runs each month (placements.ts), tokens
 * (token-usage.ts, tokens.ts), and the agent's bytes, state and runtime (agent-usage.ts); per
 * option: cache capacity, ports, gateways and datasets (shared-usage.ts). All metered usage is
 * then priced together, so volume tiers see each month's total (metered.ts); commitments and
 * support plans follow, as shares of that spend.
 */
import type { Catalog } from '../model/catalog.js';
import { suggestion } from '../model/did-you-mean.js';
import { InputError, type Diagnostic } from '../model/diagnostic.js';
import { CATEGORIES, ChargedLineItem, type LineItem } from '../model/line-item.js';
import { countText, LIMITS } from '../model/limits.js';
import { Decimal, finite, sum, ZERO } from '../model/money.js';
import { daysInMonth, periodsFrom, type Period } from '../model/period.js';
import { groupBy } from '../model/group-by.js';
import type { ModelPlacement, Option, Scenario, Workload } from '../model/scenario.js';
import { workloadActivity, type Activity } from './activity.js';
import { agentUsage, hitRate, missingPlacements } from './agent-usage.js';
import { commitmentItems, type UnassessedPeriod } from './commitments.js';
import { contractProblems, moneyFlows, type Flow } from './flows.js';
import { exchange, type Exchange } from './fx.js';
import { oneTimeItems } from './one-time.js';
import { combineEstimates, estimateLatency, indexRoundTrips, type LatencyEstimate, type RoundTrips } from './latency.js';
import { MeteredCache, priceMetered, type MeteredUsage } from './metered.js';
import { monthPlacements, type MonthPlacement } from './placements.js';
import { catalogIndexes } from './catalog-indexes.js';
import { priceChanges } from './price-changes.js';
import { Problems } from './problems.js';
import { supportItems } from './support.js';
import { provision, type Deferred, type ProvisionedUse } from './provisioned.js';
import { regionProblems } from './regions.js';
import { cacheProblems, sharedUsage } from './shared-usage.js';
import { tokenUsage, type TokenUsage } from './token-usage.js';
import { buyerOf, priceTokens } from './tokens.js';
import { append } from '../model/append.js';
import { placedFor } from './workload-placement.js';

/** Months a workload's model ran on its option's fallback placement. */
export interface FallbackUse {
  option: string;
  workload: string;
  placement: ModelPlacement;
  months: Period[];
}

export interface Simulation {
  periods: Period[];
  lineItems: LineItem[];
  /**
   * Money moving between parties behind the bills: channel pass-through and revenue shares.
   * Worked out on request: only `flows` shows it, and it is a pass over every line item.
   */
  flows: () => Flow[];
  fallbacks: FallbackUse[];
  latency: LatencyEstimate[];
  /** Provisioned throughput each month: units, capacity, and the demand they served. */
  provisioned: ProvisionedUse[];
  /** Commitment periods the horizon cuts: discounted, but their shortfall not assessed. */
  unassessed: UnassessedPeriod[];
}

/** What pricing any workload at any option needs, looked up once per run. */
interface Pricing {
  scenario: Scenario;
  catalog: Catalog;
  periods: Period[];
  indexes: ReturnType<typeof catalogIndexes>;
  rates: Exchange;
  roundTrips: RoundTrips;
  adjust: ReturnType<typeof priceChanges>['adjust'];
}

/** What an option gathers from its workloads before its shared costs are priced. */
interface OptionState {
  option: Option;
  optionIndex: number;
  found: Diagnostic[];
  lineItems: LineItem[];
  metered: MeteredUsage[];
  fallbacks: FallbackUse[];
  latency: LatencyEstimate[];
  modelsByMonth: Map<Period, ModelPlacement[]>;
  deferred: Deferred[];
  provisioned: ProvisionedUse[];
}

/** A workload's months, worked out once for every option it is priced at. */
interface WorkloadRun {
  workload: Workload;
  workloadIndex: number;
  activity: Activity[];
  turns: WorkloadTurns;
  /** Its tokens by response-cache hit rate: they differ between options only by what a cache answers. */
  usage: Map<string, TokenUsage[]>;
}

function pricingOf(scenario: Scenario, catalog: Catalog, adjust: Pricing['adjust']): Pricing {
  return { scenario, catalog, periods: periodsFrom(scenario.horizon.start, scenario.horizon.months), indexes: catalogIndexes(catalog), rates: exchange(scenario), roundTrips: indexRoundTrips(scenario, catalog), adjust };
}

function optionState(option: Option, optionIndex: number, periods: readonly Period[]): OptionState {
  return { option, optionIndex, found: cacheProblems(option, optionIndex), lineItems: [], metered: [], fallbacks: [], latency: [], modelsByMonth: new Map(periods.map((p) => [p, []])), deferred: [], provisioned: [] };
}

function workloadRun(workload: Workload, workloadIndex: number, periods: readonly Period[]): WorkloadRun {
  const activity = workloadActivity(workload, periods);
  return { workload, workloadIndex, activity, turns: turnsOf(activity), usage: new Map() };
}

/**
 * One workload at one option, into the option's state: where its model runs, its tokens priced
 * (deferred at a provisioned option), its agent's metered usage, fallbacks and latency. Returns
 * how many items it added.
 */
function addWorkload(p: Pricing, o: OptionState, run: WorkloadRun, problems: Problems): number {
  const { scenario, periods, rates, adjust } = p;
  const { prices, promptTiers, availability } = p.indexes;
  const { workload, workloadIndex, activity } = run;
  const { optionIndex } = o;
  const option = placedFor(o.option, workload.id);
  const context = { scenario, option, optionIndex, workload, workloadIndex };
  const missing = missingPlacements(context);
  append(o.found, missing);
  const placed = monthPlacements(option, optionIndex, workload, periods, availability);
  append(o.found, placed.problems);
  const placements = groupBy(placed.months, (m) => m.period);
  const hits = hitRate(option, workload);
  const tokens = run.usage.get(hits.toFixed()) ?? tokenUsage(workload, activity, hits);
  run.usage.set(hits.toFixed(), tokens);
  // at a provisioned option, what the units serve depends on every workload's demand: priced after them all
  const priced = option.provisioned === undefined ? priceTokens({ option, workload: buyerOf(workload), currency: scenario.currency, exchange: rates, prices, promptTiers, placements, adjust }, tokens, problems) : [];
  if (option.provisioned !== undefined) o.deferred.push({ workload, usage: tokens, placements });
  append(o.lineItems, priced);
  const meteredBefore = o.metered.length;
  if (missing.length === 0) {
    for (const month of activity) {
      const parts = placements.get(month.period);
      if (parts !== undefined) append(o.metered, agentUsage(context, month, parts));
    }
  }
  for (const m of placed.months) o.modelsByMonth.get(m.period)!.push(m.model);
  const fallbackMonths = placed.months.filter((m) => m.fallback).map((m) => m.period); // whole months, or the days before a launch
  if (fallbackMonths.length > 0) o.fallbacks.push({ option: option.id, workload: workload.id, placement: option.fallback!.model, months: fallbackMonths });
  const estimate = workloadLatency(context, placed.months, run.turns, p.roundTrips);
  if (estimate !== undefined) o.latency.push(estimate);
  return priced.length + o.metered.length - meteredBefore;
}

/** Each option's shared usage and provisioned units; returns the token items the units' pricing added. */
function addShared(p: Pricing, o: OptionState, problems: Problems): number {
  const { scenario, periods, rates, adjust, catalog } = p;
  const { prices, promptTiers } = p.indexes;
  for (const period of periods) append(o.metered, sharedUsage(scenario, o.option, o.optionIndex, period, o.modelsByMonth.get(period)!));
  if (o.deferred.length === 0) return 0;
  let added = 0;
  const provisioning = provision({ option: o.option, optionIndex: o.optionIndex, periods, catalog, currency: scenario.currency, rates }, o.deferred);
  append(o.found, provisioning.problems);
  append(o.lineItems, provisioning.lineItems);
  append(o.provisioned, provisioning.uses);
  for (const d of o.deferred) {
    const priced = priceTokens({ option: o.option, workload: buyerOf(d.workload), currency: scenario.currency, exchange: rates, prices, promptTiers, placements: d.placements, adjust }, provisioning.usage(d), problems);
    append(o.lineItems, priced);
    added += priced.length;
  }
  o.deferred = [];
  return added;
}

/** The options' items together: metered usage priced (tiers see each month's total), one-time costs, commitments, support. */
/**
 * `plan`: a plan engine's pricing, whose figures only choose between plans (the plan chosen is
 * priced again by `simulate`): the cache of metered groups is used, and the report's order and
 * the checks of digits and finiteness are left to that pricing.
 */
function finish(p: Pricing, options: OptionState[], problems: Problems, found: Diagnostic[], unused: (() => Diagnostic[]) | undefined, plan?: { cache: MeteredCache | undefined }): Simulation {
  const { scenario, catalog, periods, rates } = p;
  const lineItems: LineItem[] = [];
  const metered: MeteredUsage[] = [];
  const fallbacks: FallbackUse[] = [];
  const latency: LatencyEstimate[] = [];
  const provisioned: ProvisionedUse[] = [];
  for (const o of options) {
    append(found, o.found);
    append(provisioned, o.provisioned);
    append(lineItems, o.lineItems);
    o.lineItems = []; // held once, not twice, from here on
    append(metered, o.metered);
    append(fallbacks, o.fallbacks);
    append(latency, o.latency);
  }

  append(lineItems, priceMetered(metered, p.indexes.metered, scenario.currency, rates, problems, plan?.cache));
  const oneTime = oneTimeItems(scenario, periods, rates);
  append(lineItems, oneTime.lineItems);
  const committed = commitmentItems(scenario, lineItems, periods, rates);
  append(lineItems, committed.lineItems);
  // a share of the spend before commitments' discounts, so worked out from the same items they were
  const supported = supportItems(scenario, catalog, lineItems, periods, rates);
  append(lineItems, supported.lineItems);
  append(found, [...problems.list(), ...oneTime.problems, ...committed.problems, ...supported.problems, ...(plan === undefined ? beyondPrecision(scenario, lineItems) : [])]);
  // contracts are checked against the spend, so only once all of it could be priced; not for a
  // variant (`unused` undefined), whose placements may avoid the spend a contract names
  if (found.length === 0 && scenario.contracts.length > 0 && unused !== undefined) append(found, contractProblems(scenario, lineItems, periods, rates));
  append(found, unknownBaseline(scenario));
  if (found.length === 0 && unused !== undefined) append(found, unused());
  if (found.length > 0) throw new InputError(found);
  const ordered = plan === undefined ? inReportOrder(scenario, periods, lineItems) : lineItems;
  if (plan === undefined) assertFinite(ordered);
  return { periods: [...periods], lineItems: ordered, fallbacks, latency, provisioned, unassessed: committed.unassessed, flows: flowsLater(scenario, ordered, periods, rates) };
}

/**
 * `maxLineItems` is LIMITS.lineItems unless a test needs a smaller one. `unusedChanges: false`
 * skips the checks that every price change and contract applies to some spend: optimize prices
 * variants of a scenario already checked, whose placements may avoid the clouds they name.
 */
export function simulate(scenario: Scenario, catalog: Catalog, { maxLineItems = LIMITS.lineItems, unusedChanges = true }: { maxLineItems?: number; unusedChanges?: boolean } = {}): Simulation {
  // a misspelt region or model would also fail every price looked up for it: say the cause once
  const typos = [...regionProblems(scenario, catalog), ...unknownModels(scenario, catalog)];
  const changes = priceChanges(scenario, new Set(catalog.models.map((row) => row.model)));
  if (typos.some((p) => p.path?.[0] !== 'workloads')) throw new InputError(typos);
  const p = pricingOf(scenario, catalog, changes.adjust);
  const problems = new Problems();
  const unpriceable = new Set(typos.map((d) => d.path?.[1]));
  // what each option gathers; read out in option order, so reports list options as the scenario does
  const options = scenario.options.map((option, optionIndex) => optionState(option, optionIndex, p.periods));
  let counted = 0;
  // workload by workload, every option: a workload's activity and tokens, worked out once, are
  // dropped before the next workload's (a thousand workloads' would stay in memory otherwise)
  scenario.workloads.forEach((workload, workloadIndex) => {
    if (unpriceable.has(workloadIndex)) return;
    const run = workloadRun(workload, workloadIndex, p.periods);
    for (const o of options) {
      counted += addWorkload(p, o, run, problems);
      if (counted > maxLineItems) throw tooManyLineItems(maxLineItems);
    }
  });
  for (const o of options) {
    counted += addShared(p, o, problems);
    if (counted > maxLineItems) throw tooManyLineItems(maxLineItems);
  }
  return finish(p, options, problems, [...typos], unusedChanges ? changes.unused : undefined);
}

/** One workload priced at one placement, before anything shared: what a plan is made of. */
export interface PlanPart {
  workload: string;
  found: Diagnostic[];
  lineItems: LineItem[];
  metered: MeteredUsage[];
  fallbacks: FallbackUse[];
  latency: LatencyEstimate[];
  models: [Period, ModelPlacement][];
}

/**
 * For optimize, which prices thousands of plans of the same workloads: each workload at each
 * placement is priced once (`part`), and a plan is its parts put together with what they share
 * (`price`: metered tiers, caches, datasets, one-time costs, commitments, support), exactly as
 * `simulate` would price the plan's option. Every part and plan is priced as option `id`.
 * Price changes are not checked for use: a plan may avoid the clouds a change names.
 */
export function planEngine(scenario: Scenario, catalog: Catalog) {
  const p = pricingOf(scenario, catalog, priceChanges(scenario, new Set(catalog.models.map((row) => row.model))).adjust);
  const runs = new Map<number, WorkloadRun>();
  const metered = new MeteredCache();
  return {
    /** `placement`: an option placing the workload (its id is the plans'). */
    part(workloadIndex: number, placement: Option): PlanPart {
      let run = runs.get(workloadIndex);
      if (run === undefined) runs.set(workloadIndex, (run = workloadRun(scenario.workloads[workloadIndex]!, workloadIndex, p.periods)));
      const o = optionState(placement, 0, p.periods);
      const problems = new Problems();
      addWorkload(p, o, run, problems);
      const models = [...o.modelsByMonth].flatMap(([period, placed]) => placed.map((m): [Period, ModelPlacement] => [period, m]));
      return { workload: run.workload.id, found: [...o.found, ...problems.list()], lineItems: o.lineItems, metered: o.metered, fallbacks: o.fallbacks, latency: o.latency, models };
    },
    /**
     * The plan `option` made of `parts` (one per workload it places), priced with what they share;
     * `reuse: false` for a pricing whose metered groups will not recur (a workload alone).
     */
    price(option: Option, parts: readonly PlanPart[], { reuse = true }: { reuse?: boolean } = {}): Simulation {
      const o = optionState(option, 0, p.periods);
      for (const part of parts) {
        append(o.found, part.found);
        append(o.lineItems, part.lineItems);
        append(o.metered, part.metered);
        append(o.fallbacks, part.fallbacks);
        append(o.latency, part.latency);
        for (const [period, model] of part.models) o.modelsByMonth.get(period)!.push(model);
      }
      const problems = new Problems();
      const variant = { ...p, scenario: { ...scenario, options: [option], baseline: undefined } };
      addShared(variant, o, problems);
      return finish(variant, [o], problems, [], undefined, reuse ? { cache: metered } : { cache: undefined });
    },
  };
}

/**
 * Flows worked out when asked for. A closure made inside `simulate` would keep all of its
 * closures' variables alive (V8 gives them one context): the tokens of every workload, tens of
 * megabytes, for as long as the report takes.
 */
function flowsLater(scenario: Scenario, items: readonly LineItem[], periods: readonly Period[], rates: Exchange): () => Flow[] {
  return () => moneyFlows(scenario, items, periods, rates);
}

/** Each month's hops (a fallback's days have others), weighed by its turns; one estimate when no runtime is placed. */
function workloadLatency({ option, workload }: { option: Option; workload: Workload }, months: readonly MonthPlacement[], turns: WorkloadTurns, roundTrips: RoundTrips): LatencyEstimate | undefined {
  if (months.length === 0) return undefined;
  if (option.runtime === undefined) {
    const total = months.length === turns.byMonth.size ? turns.total : sum(months.map((m) => turnsOn(m, turns)));
    return estimateLatency(option, workload, months[0]!.model, roundTrips, total);
  }
  // months on one model placement have one estimate, weighed by each month's own turns
  const byModel = new Map<MonthPlacement['model'], LatencyEstimate>();
  return combineEstimates(
    months.map((m) => {
      let estimate = byModel.get(m.model);
      if (estimate === undefined) byModel.set(m.model, (estimate = estimateLatency(option, workload, m.model, roundTrips, ZERO)));
      return { ...estimate, turns: turnsOn(m, turns) };
    }),
  );
}

/** The month's turns on the days a placement serves. */
function turnsOn(placement: MonthPlacement, turns: WorkloadTurns): Decimal {
  const all = turns.byMonth.get(placement.period)!;
  const days = daysInMonth(placement.period);
  return placement.days === days ? all : all.times(placement.days).div(days);
}

interface WorkloadTurns {
  byMonth: Map<Period, Decimal>;
  total: Decimal;
}

function turnsOf(activity: readonly Activity[]): WorkloadTurns {
  return { byMonth: new Map(activity.map((a) => [a.period, a.turns])), total: sum(activity.map((a) => a.turns)) };
}

/** Bounded inputs give finite figures; a NaN or infinity here is a bug, never a result (model/money.ts `finite`). */
function assertFinite(items: readonly LineItem[]): void {
  for (const item of items) {
    if (item instanceof ChargedLineItem) continue; // whole units at a unit price checked finite when its charge was made
    if (item.quantity.isFinite() && item.unitPrice.isFinite() && item.cost.isFinite()) continue;
    for (const value of [item.quantity, item.unitPrice, item.cost]) finite(value, `figure in ${item.option} ${item.workload} ${item.period} ${item.category}`);
  }
}

/**
 * Option, workload (shared costs last), month, then category order; stable within. Token items
 * arrive in that order already, so most runs only check it; otherwise one sort on a number per
 * item (the four ranks in one integer: at most 101 × 1 001 × 601 × 15 < 2^53; room for many more categories).
 */
function inReportOrder(scenario: Scenario, periods: readonly Period[], items: LineItem[]): LineItem[] {
  const ranks = <T>(list: readonly T[]) => new Map(list.map((entry, i) => [entry, i]));
  const options = ranks(scenario.options.map((o) => o.id));
  const workloads = ranks(scenario.workloads.map((w) => w.id));
  const months = ranks(periods);
  const categories = ranks(CATEGORIES);
  const rank = <T>(ranked: Map<T, number>, value: T) => ranked.get(value) ?? ranked.size;
  const keyOf = (item: LineItem) =>
    ((rank(options, item.option) * (workloads.size + 1) + rank(workloads, item.workload)) * (months.size + 1) + rank(months, item.period)) * (categories.size + 1) + rank(categories, item.category);
  let previous = -1;
  let sorted = true;
  for (const item of items) {
    const key = keyOf(item);
    if (key < previous) {
      sorted = false;
      break;
    }
    previous = key;
  }
  if (sorted) return items;
  const keys = items.map(keyOf);
  const order = items.map((_, i) => i).sort((a, b) => keys[a]! - keys[b]! || a - b);
  return order.map((i) => items[i]!);
}

/**
 * Usage grown past what can be priced exactly (LIMITS.largestUsage), reported once per workload
 * at the workload, with the first month and category it happens in.
 */
function beyondPrecision(scenario: Scenario, items: readonly LineItem[]): Diagnostic[] {
  const largest = new Decimal(LIMITS.largestUsage);
  const largestUnits = BigInt(largest.toFixed());
  const beyond = (item: LineItem) => (item instanceof ChargedLineItem ? item.units > largestUnits : item.quantity.gt(largest));
  const first = new Map<string, LineItem>();
  for (const item of items) if (!first.has(item.workload) && beyond(item)) first.set(item.workload, item);
  return [...first].map(([workload, item]) => {
    const index = scenario.workloads.findIndex((w) => w.id === workload);
    const what = `${item.quantity.toExponential(2)} ${item.unit} of ${item.category} in ${item.period}`;
    return {
      path: index === -1 ? [] : ['workloads', index],
      message: `${index === -1 ? 'shared usage' : 'its usage'} grows to ${what}, past the ${LIMITS.largestUsage} a line item can price exactly (docs/reliability.md): check growth, volumes and the horizon`,
    };
  });
}

/** Memory is bounded by the line items held; a scenario needing more is refused before it runs out. */
function tooManyLineItems(maxLineItems: number): InputError {
  const limit = countText(maxLineItems);
  return new InputError([{ path: [], message: `pricing this scenario takes more than ${limit} line items (workloads × options × months × what each placement bills); cloudtco holds at most ${limit} in one run (docs/reliability.md): split the scenario, or shorten the horizon` }]);
}

function unknownBaseline(scenario: Scenario): Diagnostic[] {
  const ids = scenario.options.map((o) => o.id);
  if (scenario.baseline === undefined || ids.includes(scenario.baseline)) return [];
  return [{ path: ['baseline'], message: `no option "${scenario.baseline}"${suggestion(scenario.baseline, ids)}` }];
}

/** A model no catalog row knows is a typo in the workload, not a gap in one option's prices. */
function unknownModels(scenario: Scenario, catalog: Catalog): Diagnostic[] {
  const known = new Set(catalog.models.map((row) => row.model));
  return scenario.workloads.flatMap((workload, w) =>
    known.has(workload.model)
      ? []
      : [{ path: ['workloads', w, 'model'], message: `no catalog row prices model "${workload.model}"${suggestion(workload.model, known)}` }],
  );
}
