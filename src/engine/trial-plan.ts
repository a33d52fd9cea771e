/**
 * The fast path of a simulation: a scenario compiled, once, into float64 arithmetic that prices
 * a trial in microseconds instead of the exact engine's tens of milliseconds.
 *
 * It covers what most ranges are about: a token workload's volumes and shares (sessions,
 * growth, turns, calls, tokens per call, cached, cache-write and batch shares) and one-time
 * amounts; fixed price changes are in the prices it reads, drawn ones go to the exact engine. Everything a trial does not change is the exact engine's figures at the mode,
 * summed per option and month once. A drawn workload's tokens are worked out as token-usage.ts
 * does (whole tokens, half to even, per class) and priced at the catalog rows the exact engine
 * finds for each month (tokens.ts `monthSegments`, so fallbacks, launches and mid-month price
 * changes are the same), a month split between rows by its days as day-split.ts deals them. A
 * one-time amount is its drawn value at its rate.
 *
 * Anything a drawn value could reach beyond that — an agent's bytes, state and runtime,
 * a response cache, long prompts, spend-based commitments and support, provisioned units, an
 * input elsewhere — makes the plan decline, with the reason, and the exact engine prices every
 * trial. Its totals agree with the exact engine's on the same draws to within float64's
 * rounding (docs/cost-model.md, "Uncertainty").
 */
import type { Catalog } from '../model/catalog.js';
import type { PathSegment } from '../model/diagnostic.js';
import type { LineItem } from '../model/line-item.js';
import { ONE, ZERO, type Decimal } from '../model/money.js';
import type { Period } from '../model/period.js';
import { needsRuntime } from './agent-usage.js';
import { splitByDays } from './day-split.js';
import { groupBy } from '../model/group-by.js';
import type { Scenario, Workload } from '../model/scenario.js';
import { exchange, statedAmount } from './fx.js';
import { catalogIndexes } from './catalog-indexes.js';
import { changesFor, priceChanges } from './price-changes.js';
import { monthPlacements } from './placements.js';
import { Problems } from './problems.js';
import type { Processing } from './token-usage.js';
import { buyerOf, keysOf, monthSegments, tokenUnitPrice, type TokenPricing } from './tokens.js';

/** A workload's drawn fields, in the order a trial reads them. */
const FIELDS = ['sessions_per_month', 'growth', 'turns_per_session', 'calls_per_turn', 'batch_share', 'input', 'output', 'cached_share', 'cache_write_share'] as const;
type Field = (typeof FIELDS)[number];
const TOKEN_FIELDS = new Set<string>(['input', 'output', 'cached_share', 'cache_write_share']);

/** One catalog row's share of a month: its days, and its price per token of each class. */
interface PricedSpan {
  days: number;
  /** Drawn price changes that apply (their input numbers): the prices × (1 + each). */
  changes: number[];
  input: number;
  cached: number;
  write: number;
  output: number;
}

interface PlannedWorkload {
  /** Each field's value at the mode, or NaN where a trial draws it. */
  fixed: number[];
  /** Each field's input number, or −1. */
  drawn: number[];
  /** [option][month]: the rows pricing standard and batch tokens (empty where the workload has none of them). */
  standard: PricedSpan[][][];
  batch: PricedSpan[][][];
}

interface PlannedOneTime {
  input: number;
  option: number;
  month: number;
  rate: number;
}

/** Plain data: handed to worker threads as it is. */
export interface TrialPlan {
  options: number;
  months: number;
  /** [option × months + month]: what no trial changes, exact at the mode and then a float64. */
  base: number[];
  workloads: PlannedWorkload[];
  oneTime: PlannedOneTime[];
}

export interface PlanInput {
  path: readonly PathSegment[];
  /** Lowest and highest values a draw can take. */
  low: number;
  high: number;
}

export function planTrials(scenario: Scenario, catalog: Catalog, periods: readonly Period[], pointItems: readonly LineItem[], inputs: readonly PlanInput[]): TrialPlan | { declined: string } {
  const decline = (why: string) => ({ declined: why });
  if (scenario.commitments.length > 0) return decline('commitments are shares of spend');
  if (scenario.support.length > 0 || scenario.options.some((o) => o.support !== undefined)) return decline('support plans are shares of spend');
  if (scenario.options.some((o) => o.provisioned !== undefined)) return decline('provisioned units depend on every workload\'s demand');
  if (scenario.options.some((o) => Object.keys(o.workloads).length > 0)) return decline('an option places workloads apart');
  const drawnFields = new Map<number, Map<Field, number>>();
  const oneTimes: { input: number; entry: number }[] = [];
  const drawnChanges = new Map<number, number>();
  for (const [i, input] of inputs.entries()) {
    const [list, index, field, sub] = input.path;
    const name = sub === undefined ? field : field === 'tokens_per_call' ? sub : undefined;
    if (list === 'workloads' && typeof index === 'number' && FIELDS.includes(name as Field) && (sub === undefined) !== TOKEN_FIELDS.has(String(name)) && input.path.length <= 4) {
      const fields = drawnFields.get(index) ?? new Map<Field, number>();
      fields.set(name as Field, i);
      drawnFields.set(index, fields);
    } else if (list === 'one_time' && typeof index === 'number' && field === 'amount' && input.path.length === 3) oneTimes.push({ input: i, entry: index });
    else if (list === 'price_changes' && typeof index === 'number' && field === 'change' && input.path.length === 3) drawnChanges.set(index, i);
    else return decline(`${input.path.join('.')} is not among the inputs it draws`);
  }
  // a drawn price change can reach any workload's tokens: all of them are worked out in each trial
  if (drawnChanges.size > 0) scenario.workloads.forEach((_, w) => drawnFields.set(w, drawnFields.get(w) ?? new Map()));
  for (const [index, fields] of drawnFields) {
    const w = scenario.workloads[index]!;
    const highest = (field: Field) => (fields.has(field) ? inputs[fields.get(field)!]!.high : valueOf(w, field));
    // the schema refuses such a draw; the exact engine says so, naming the trial
    if (highest('cached_share') + highest('cache_write_share') > 1) return decline(`workload "${w.id}"'s cached and cache-write shares can add up to more than 100%`);
    if (fields.size > 0 && needsRuntime(w)) return decline(`workload "${w.id}" has an agent whose bytes and runtime follow its volumes`);
    if (w.cache !== undefined) return decline(`workload "${w.id}" uses a response cache`);
    if (w.long_context !== undefined) return decline(`workload "${w.id}" has long prompts`);
  }

  const months = periods.length;
  const optionIndex = new Map(scenario.options.map((o, i) => [o.id, i]));
  const monthIndex = new Map(periods.map((p, i) => [p, i]));
  const drawnWorkloads = new Set([...drawnFields.keys()].map((i) => scenario.workloads[i]!.id));
  const drawnOneTimes = new Set(oneTimes.map((o) => `one_time[${o.entry}] `));
  const base: Decimal[][] = scenario.options.map(() => periods.map(() => ZERO));
  for (const item of pointItems) {
    if (drawnWorkloads.has(item.workload) && item.category.startsWith('tokens.')) continue;
    if (item.basis !== undefined && [...drawnOneTimes].some((prefix) => item.basis!.startsWith(prefix))) continue;
    const row = base[optionIndex.get(item.option)!]!;
    const m = monthIndex.get(item.period)!;
    row[m] = row[m]!.plus(item.cost);
  }

  const rates = exchange(scenario);
  const { prices, promptTiers, availability } = catalogIndexes(catalog);
  const { adjust } = priceChanges(scenario, new Set(catalog.models.map((row) => row.model)));
  const workloads: PlannedWorkload[] = [];
  for (const [index, fields] of drawnFields) {
    const workload = scenario.workloads[index]!;
    const range = (field: Field) => {
      const drawn = fields.get(field);
      const at = valueOf(workload, field);
      return drawn === undefined ? { low: at, high: at } : inputs[drawn]!;
    };
    const processing: Processing[] = [...(range('batch_share').low < 1 ? ['standard' as const] : []), ...(range('batch_share').high > 0 ? ['batch' as const] : [])];
    const spans: Record<Processing, PricedSpan[][][]> = { standard: [], batch: [] };
    for (const [o, option] of scenario.options.entries()) {
      const placed = monthPlacements(option, o, workload, periods, availability);
      const pricing: TokenPricing = { option, workload: buyerOf(workload), currency: scenario.currency, exchange: rates, prices, promptTiers, placements: groupBy(placed.months, (m) => m.period), adjust };
      const keyOf = keysOf(pricing);
      const problems = new Problems();
      for (const kind of ['standard', 'batch'] as const) {
        spans[kind].push(
          periods.map((period) => {
            if (!processing.includes(kind)) return [];
            return monthSegments(pricing, { period, processing: kind, prompt: undefined }, keyOf, problems).map(({ key, price, days: billed }) => {
              // the changes no trial draws are in the prices; the drawn ones are applied per trial
              const applying = changesFor(scenario, key, period);
              const fixed = applying.filter((c) => !drawnChanges.has(c)).reduce((factor, c) => factor.times(ONE.plus(scenario.price_changes[c]!.change)), ONE);
              const adjustment = { factor: fixed, basis: '' };
              const unit = (category: Parameters<typeof tokenUnitPrice>[2], used: boolean) => {
                const found = tokenUnitPrice(pricing, price, category, adjustment);
                if (found === undefined && used) problems.add([], category, period, 'a price some draws need');
                return found?.toNumber() ?? 0;
              };
              const writes = range('cache_write_share').high > 0;
              return {
                days: billed,
                changes: applying.filter((c) => drawnChanges.has(c)).map((c) => drawnChanges.get(c)!),
                input: unit('tokens.input', true),
                cached: unit('tokens.cached', range('cached_share').high > 0),
                write: unit('tokens.cache-write', writes),
                output: unit('tokens.output', true),
              };
            });
          }),
        );
      }
      if (placed.problems.length > 0 || problems.list().length > 0) return decline(`some draws of workload "${workload.id}" need prices the mode does not (the exact engine names them)`);
    }
    workloads.push({ fixed: FIELDS.map((f) => (fields.has(f) ? Number.NaN : valueOf(workload, f))), drawn: FIELDS.map((f) => fields.get(f) ?? -1), standard: spans.standard, batch: spans.batch });
  }

  const oneTime: PlannedOneTime[] = [];
  for (const { input, entry } of oneTimes) {
    const cost = scenario.one_time[entry]!;
    const converted = statedAmount(ONE, cost.currency, scenario.currency, rates, []);
    if ('problem' in converted) return decline(`one_time[${entry}] has no rate`);
    for (const id of cost.options) oneTime.push({ input, option: optionIndex.get(id)!, month: monthIndex.get(cost.month)!, rate: converted.value.toNumber() });
  }
  return { options: scenario.options.length, months, base: base.flatMap((row) => row.map((cell) => cell.toNumber())), workloads, oneTime };
}

function valueOf(workload: Workload, field: Field): number {
  const t = workload.tokens_per_call;
  const values: Record<Field, Decimal> = {
    sessions_per_month: workload.sessions_per_month,
    growth: workload.growth,
    turns_per_session: workload.turns_per_session,
    calls_per_turn: workload.calls_per_turn,
    batch_share: workload.batch_share,
    input: t.input,
    output: t.output,
    cached_share: t.cached_share,
    cache_write_share: t.cache_write_share,
  };
  return values[field].toNumber();
}

/** One trial's cost per option and month, into `out` (option × months + month), from its drawn `values`. */
export function runTrial(plan: TrialPlan, values: Float64Array, out: Float64Array): void {
  // no closures made in here: it runs a million times
  const { months } = plan;
  for (let i = 0; i < out.length; i++) out[i] = plan.base[i]!;
  const standard = new Float64Array(4);
  const batch = new Float64Array(4);
  for (const w of plan.workloads) {
    const sessions = fieldOf(w, values, 0);
    const growth = fieldOf(w, values, 1);
    const turns = fieldOf(w, values, 2);
    const perTurn = fieldOf(w, values, 3);
    const batchShare = fieldOf(w, values, 4);
    const input = fieldOf(w, values, 5);
    const output = fieldOf(w, values, 6);
    const cachedShare = fieldOf(w, values, 7);
    const writeShare = fieldOf(w, values, 8);
    for (let m = 0; m < months; m++) {
      // as activity.ts and token-usage.ts: calls, then whole tokens per class, batch, cached, written
      const calls = sessions * Math.pow(1 + growth, m) * turns * perTurn;
      const classInput = halfEven(calls * input);
      const classOutput = halfEven(calls * output);
      const batchInput = batchShare > 0 ? halfEven(classInput * batchShare) : 0;
      const batchOutput = batchShare > 0 ? halfEven(classOutput * batchShare) : 0;
      splitInput(classInput - batchInput, classOutput - batchOutput, cachedShare, writeShare, standard);
      splitInput(batchInput, batchOutput, cachedShare, writeShare, batch);
      for (let o = 0; o < plan.options; o++) {
        out[o * months + m]! += priced(w.standard[o]![m]!, standard, values) + priced(w.batch[o]![m]!, batch, values);
      }
    }
  }
  for (const t of plan.oneTime) out[t.option * months + t.month]! += values[t.input]! * t.rate;
}

/** A workload's field in this trial: drawn, or its value at the mode. */
function fieldOf(w: PlannedWorkload, values: Float64Array, f: number): number {
  const drawn = w.drawn[f]!;
  return drawn < 0 ? w.fixed[f]! : values[drawn]!;
}

/** Uncached, cached, written and output tokens of a part. */
function splitInput(input: number, output: number, cachedShare: number, writeShare: number, into: Float64Array): void {
  const cached = halfEven(input * cachedShare);
  const written = writeShare === 0 ? 0 : halfEven(input * (cachedShare + writeShare)) - cached;
  into[0] = input - cached - written;
  into[1] = cached;
  into[2] = written;
  into[3] = output;
}

function priced(spans: readonly PricedSpan[], tokens: Float64Array, values: Float64Array): number {
  if (spans.length === 1) {
    const s = spans[0]!;
    return (tokens[0]! * s.input + tokens[1]! * s.cached + tokens[2]! * s.write + tokens[3]! * s.output) * changed(s, values);
  }
  // a month split between rows: whole tokens dealt by days, as the exact engine deals them (rare, so bigints will do)
  let cost = 0;
  const prices = (s: PricedSpan) => [s.input, s.cached, s.write, s.output];
  for (let c = 0; c < 4; c++) {
    if (tokens[c] === 0) continue;
    const shares = splitByDays(BigInt(tokens[c]!), spans);
    spans.forEach((s, i) => (cost += Number(shares[i]!) * prices(s)[c]! * changed(s, values)));
  }
  return cost;
}

/** What a span's drawn price changes multiply its prices by in this trial. */
function changed(span: PricedSpan, values: Float64Array): number {
  let factor = 1;
  for (let i = 0; i < span.changes.length; i++) factor *= 1 + values[span.changes[i]!]!;
  return factor;
}

/** Whole tokens, half to even, as activity.ts `whole` rounds. */
function halfEven(x: number): number {
  const r = Math.round(x);
  return r - x === 0.5 && r % 2 !== 0 ? r - 1 : r;
}
