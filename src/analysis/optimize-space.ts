/**
 * What `cloudtco optimize` may choose from, workload by workload: every combination of a model
 * placement (with its fallback), a runtime, a state store and a cache that the scenario's options
 * place or its `optimize:` lists, less those a rule, the model's availability or a latency limit
 * rules out (each kept with the reason, to tell which constraints bind).
 *
 * A workload gets only the pieces it uses: a runtime if it sends payloads, keeps state or runs
 * compute; a state store if it keeps state; a cache (or none) if it declares a hit rate.
 */
import { needsRuntime } from '../engine/agent-usage.js';
import { catalogIndexes } from '../engine/catalog-indexes.js';
import { estimateLatency, indexRoundTrips } from '../engine/latency.js';
import { monthPlacements } from '../engine/placements.js';
import { placedFor } from '../engine/workload-placement.js';
import type { Catalog } from '../model/catalog.js';
import { formatLocation, type Location } from '../model/cloud.js';
import { InputError } from '../model/diagnostic.js';
import { countText } from '../model/limits.js';
import { ZERO, type Decimal } from '../model/money.js';
import { periodsFrom } from '../model/period.js';
import { describePieces } from '../model/placement-text.js';
import type { ModelPlacement, Option, OptimizeRule, Scenario, Workload } from '../model/scenario.js';

/** Choices per workload: each is priced with the workload alone before the search. */
export const MAX_CHOICES = 5000;

export interface Choice {
  model: ModelPlacement;
  fallback: ModelPlacement | undefined;
  runtime: Option['runtime'];
  state: Option['state'];
  cache: Option['cache'];
}

export interface Broken {
  /** What rules it out: `rules[0].clouds`, `availability`, `rules[1].max_added_latency_ms`. */
  constraint: string;
  why: string;
}

export interface Exclusion extends Broken {
  choice: Choice;
  /** Every constraint it breaks, the first (`constraint`, `why`) included: each may bind. */
  all: Broken[];
}

export interface WorkloadChoices {
  workload: Workload;
  allowed: Choice[];
  /** The round trip each allowed choice adds to a turn; undefined without a runtime. */
  addedMs: (Decimal | undefined)[];
  excluded: Exclusion[];
}

/** The scenario's pieces, each once, in the order the options list them, then `optimize:`'s. */
function pools(scenario: Scenario) {
  const settings = scenario.optimize;
  const own = scenario.options.flatMap((o) => [o, ...Object.keys(o.workloads).map((workload) => placedFor(o, workload))]);
  return {
    models: unique([...own.map((o) => ({ model: o.model, fallback: o.fallback?.model })), ...(settings?.models ?? []).map(({ fallback, ...model }) => ({ model, fallback }))]),
    runtimes: unique([...own.map((o) => o.runtime), ...(settings?.runtimes ?? [])].filter((p) => p !== undefined)),
    states: unique([...own.map((o) => o.state), ...(settings?.states ?? [])].filter((p) => p !== undefined)),
    caches: unique([...own.map((o) => o.cache), ...(settings?.caches ?? [])].filter((p) => p !== undefined)),
  };
}

export function optimizeSpace(scenario: Scenario, catalog: Catalog): WorkloadChoices[] {
  const { models, runtimes, states, caches } = pools(scenario);
  const periods = periodsFrom(scenario.horizon.start, scenario.horizon.months);
  const { availability } = catalogIndexes(catalog);
  const roundTrips = indexRoundTrips(scenario, catalog);
  const rules = scenario.optimize?.rules ?? [];
  return scenario.workloads.map((workload, w) => {
    const runtimeNeeded = needsRuntime(workload);
    const lacking = runtimeNeeded && runtimes.length === 0 ? 'runtime' : workload.state !== undefined && states.length === 0 ? 'state' : undefined;
    if (lacking !== undefined) throw new InputError([{ path: ['workloads', w], message: `workload "${workload.id}" needs a ${lacking} placed, and no option nor optimize.${lacking}s places one` }]);
    const count = models.length * (runtimeNeeded ? runtimes.length : 1) * (workload.state !== undefined ? states.length : 1) * (workload.cache !== undefined ? caches.length + 1 : 1);
    if (count > MAX_CHOICES) throw new InputError([{ path: ['workloads', w], message: `workload "${workload.id}" has ${countText(count)} placements to choose from (models × runtimes × state stores × caches); optimize takes at most ${countText(MAX_CHOICES)}: list fewer candidates, or fewer options` }]);
    const choices: Choice[] = [];
    for (const { model, fallback } of models) {
      for (const runtime of runtimeNeeded ? runtimes : [undefined]) {
        for (const state of workload.state !== undefined ? states : [undefined]) {
          for (const cache of workload.cache !== undefined ? [undefined, ...caches] : [undefined]) choices.push({ model, fallback, runtime, state, cache });
        }
      }
    }
    const mine = rules.map((rule, r) => ({ rule, r })).filter(({ rule }) => rule.workloads === undefined || rule.workloads.includes(workload.id));
    const result: WorkloadChoices = { workload, allowed: [], addedMs: [], excluded: [] };
    for (const choice of choices) {
      const option = choiceOption(choice, 'candidate');
      const latency = estimateLatency(option, workload, choice.model, roundTrips, ZERO);
      const broken: Broken[] = mine.flatMap(({ rule, r }) => brokenRules(rule, r, choice, latency));
      const unavailable = monthPlacements(option, 0, workload, periods, availability).problems[0];
      if (unavailable !== undefined) broken.push({ constraint: 'availability', why: unavailable.message });
      if (broken.length > 0) result.excluded.push({ choice, ...broken[0]!, all: broken });
      else {
        result.allowed.push(choice);
        result.addedMs.push(latency.msPerTurn);
      }
    }
    return result;
  });
}

/** Each of a rule's limits the choice breaks. */
function brokenRules(rule: OptimizeRule, r: number, choice: Choice, latency: { msPerTurn: Decimal | undefined; unknownPairs: string[] }): Broken[] {
  const named = piecesOf(choice);
  const at = (field: string) => `rules[${r}].${field}`;
  const outside = (list: readonly Location[], pieces: typeof named) => pieces.find((p) => !list.some((l) => l.cloud === p.place.cloud && l.region === p.place.region));
  const broken: Broken[] = [];
  const offCloud = rule.clouds === undefined ? undefined : named.find((p) => !rule.clouds!.includes(p.place.cloud));
  if (offCloud !== undefined) broken.push({ constraint: at('clouds'), why: `its ${offCloud.role} is on ${offCloud.place.cloud}` });
  const offRegion = rule.regions === undefined ? undefined : outside(rule.regions, named);
  if (offRegion !== undefined) broken.push({ constraint: at('regions'), why: `its ${offRegion.role} is in ${formatLocation(offRegion.place)}` });
  const resident = rule.state_regions === undefined ? undefined : outside(rule.state_regions, named.filter((p) => p.role === 'state store' || p.role === 'cache'));
  if (resident !== undefined) broken.push({ constraint: at('state_regions'), why: `its ${resident.role} is in ${formatLocation(resident.place)}` });
  const most = rule.max_added_latency_ms;
  if (most !== undefined && choice.runtime !== undefined) {
    if (latency.msPerTurn === undefined) broken.push({ constraint: at('max_added_latency_ms'), why: `the round trip is unknown for ${latency.unknownPairs.join(', ')}` });
    else if (latency.msPerTurn.gt(most)) broken.push({ constraint: at('max_added_latency_ms'), why: `its hops add ${latency.msPerTurn.toDecimalPlaces(1).toFixed()} ms a turn` });
  }
  return broken;
}

function piecesOf(choice: Choice): { role: string; place: Location }[] {
  const pieces: { role: string; place: Location | undefined }[] = [
    { role: 'model', place: choice.model },
    { role: 'fallback', place: choice.fallback },
    { role: 'runtime', place: choice.runtime },
    { role: 'state store', place: choice.state },
    { role: 'cache', place: choice.cache },
  ];
  return pieces.filter((p): p is { role: string; place: Location } => p.place !== undefined);
}

/** A choice as an option of its own, to price or place it. */
export function choiceOption(choice: Choice, id: string): Option {
  return {
    id,
    description: undefined,
    model: choice.model,
    fallback: choice.fallback === undefined ? undefined : { model: choice.fallback },
    runtime: choice.runtime,
    state: choice.state,
    cache: choice.cache,
    workloads: {},
    gateways: [],
    provisioned: undefined,
    support: undefined,
    interconnect: undefined,
  };
}

/** `model azure/eastus2 global standard; runtime aws/us-east-1 agentcore-runtime; …` */
export function describeChoice(choice: Choice): string {
  return describePieces(choice);
}

/** A choice as a key: two choices are the same where every piece is. */
export function choiceKey(choice: Choice): string {
  return JSON.stringify(choice);
}

/** The pieces an option gives a workload, only those it uses, as the space offers them. */
export function choiceFor(option: Option, workload: Workload): Choice {
  return {
    model: option.model,
    fallback: option.fallback?.model,
    runtime: needsRuntime(workload) ? option.runtime : undefined,
    state: workload.state === undefined ? undefined : option.state,
    cache: workload.cache === undefined ? undefined : option.cache,
  };
}

function unique<T>(items: readonly T[]): T[] {
  const seen = new Set<string>();
  return items.filter((item) => {
    const key = JSON.stringify(item);
    return !seen.has(key) && seen.add(key) !== undefined;
  });
}
