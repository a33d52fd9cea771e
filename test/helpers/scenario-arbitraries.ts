/**
 * Generated scenarios for the engine-wide property tests: one to three workloads (tokens with
 * cached and batch shares, payloads, state, runtimes, caches), one to three options placing the
 * model, runtime, state store, cache and interconnect on different clouds and regions, datasets,
 * commitments, one-time costs and channel takes, against a generated catalog (prices changing
 * mid-month, tiered egress and services) that prices everything such a scenario can place.
 *
 * A scenario is generated as data — the text values a YAML file holds ("1.5", "25%", "24576")
 * — and read through the scenario's zod schema, as a loaded file is.
 */
import fc from 'fast-check';
import { scenarioSchema, type Scenario } from '../../src/model/scenario.js';
import { addMonths, type Period } from '../../src/model/period.js';
import { InputError } from '../../src/model/diagnostic.js';
import { simulate, type Simulation } from '../../src/engine/simulate.js';
import type { Catalog } from '../../src/model/catalog.js';
import { buildCatalog, catalogSpec, INFRASTRUCTURE, LOCATIONS, MODEL_PLACEMENTS, MODELS, type CatalogSpec } from './catalog-arbitraries.js';
import { decimalText, percentText } from './property.js';

export interface WorkloadData {
  id: string;
  model: string;
  sessions_per_month: string;
  growth: string;
  turns_per_session: string;
  calls_per_turn: string;
  tokens_per_call: { input: string; cached_share: string; output: string };
  batch_share: string;
  payload?: { request: string; request_growth: string; response: string };
  state?: { read_per_turn: string; write_per_turn: string; reads_per_turn: string; writes_per_turn: string; stored_per_session: string; retention: string };
  runtime?: { active_seconds_per_turn?: string; vcpus?: string; memory?: string; session_hours?: string };
  cache?: { hit_rate: string };
}

export interface ScenarioData {
  name: string;
  currency?: string;
  fx?: { from: string; rate: string; as_of: string }[];
  horizon: { start: Period; months: string };
  channel_take: Record<string, string>;
  datasets: unknown[];
  workloads: WorkloadData[];
  options: Record<string, unknown>[];
  commitments: Record<string, unknown>[];
  one_time: Record<string, unknown>[];
  contracts?: Record<string, unknown>[];
}

export interface GeneratedCase {
  data: ScenarioData;
  catalog: CatalogSpec;
}

/** Horizons starting in a 30-, 31- and (leap) 29-day month and crossing a year end. */
export const HORIZON_STARTS = ['2027-11', '2028-01', '2028-02'] as const;

type ValueOf<A> = A extends fc.Arbitrary<infer T> ? T : never;

const location = fc.constantFrom(...LOCATIONS);

/** Bytes a model call sends and receives. */
export const payload = fc.record({ request: decimalText(0, 200_000), request_growth: decimalText(0, 20_000), response: decimalText(0, 60_000) });

/** Where an option's response cache sits, and how big it is (GB, or nodes). */
export const cachePlacement = fc.record({ where: location, size: fc.option(decimalText(1, 20), { nil: undefined }), nodes: decimalText(1, 3) });

/** An option's cache as the scenario states it. */
export function cacheData(cache: ValueOf<typeof cachePlacement>): Record<string, unknown> {
  return { ...cache.where, service: 'kc', ...(cache.size === undefined ? { nodes: cache.nodes } : { size: `${cache.size}GB` }) };
}

const workload = fc.record(
  {
    model: fc.constantFrom(...MODELS),
    sessions_per_month: fc.oneof(decimalText(0, 3000), decimalText(0, 30_000, 1)),
    growth: percentText(-200, 200, 1),
    turns_per_session: fc.oneof(decimalText(1, 8), decimalText(1, 80, 1)),
    calls_per_turn: decimalText(1, 3),
    tokens_per_call: fc.record({ input: decimalText(0, 20_000), cached_share: percentText(0, 1000, 1), output: decimalText(0, 3000) }),
    batch_share: fc.oneof(fc.constant('0%'), percentText(0, 100)),
    payload: fc.option(payload, { nil: undefined }),
    state: fc.option(
      fc.record({
        read_per_turn: decimalText(0, 50_000),
        write_per_turn: decimalText(0, 20_000),
        reads_per_turn: decimalText(0, 4),
        writes_per_turn: decimalText(0, 3),
        stored_per_session: decimalText(0, 5_000_000),
        retention: decimalText(1, 60).map((d) => `${d}d`),
      }),
      { nil: undefined },
    ),
    runtime: fc.option(
      fc.oneof(
        fc.record({ active_seconds_per_turn: decimalText(0, 100, 1), vcpus: decimalText(1, 8, 1), memory: decimalText(0, 4_000_000_000) }),
        fc.record({ session_hours: decimalText(0, 100, 2) }),
        fc.record({ active_seconds_per_turn: decimalText(0, 100, 1), session_hours: decimalText(0, 100, 2) }),
      ),
      { nil: undefined },
    ),
    cache: fc.option(fc.record({ hit_rate: percentText(0, 100) }), { nil: undefined }),
  },
  { requiredKeys: ['model', 'sessions_per_month', 'growth', 'turns_per_session', 'calls_per_turn', 'tokens_per_call', 'batch_share'] },
);

const option = fc.record({
  model: fc.constantFrom(...MODEL_PLACEMENTS),
  runtime: location,
  state: fc.record({ where: location, read_units: decimalText(1, 5), write_units: decimalText(1, 5) }),
  cache: fc.option(cachePlacement, { nil: undefined }),
  interconnect: fc.option(fc.record({ clouds: fc.shuffledSubarray([...INFRASTRUCTURE], { minLength: 2 }), port: location, count: decimalText(1, 2) }), { nil: undefined }),
});

const SPEND_CATEGORIES = ['tokens.input', 'tokens.cached', 'tokens.output', 'egress', 'interconnect', 'runtime', 'state.storage', 'state.ops', 'cache', 'data.storage'];

function commitments(start: Period, months: number) {
  const one = fc.record({
    amount: decimalText(0, 2_000_000, 2),
    period: fc.constantFrom('month', 'quarter', 'year'),
    // from may lie before the horizon (a contract year under way), never after its end
    from: fc.option(fc.integer({ min: -12, max: months - 1 }).map((m) => addMonths(start, m)), { nil: undefined }),
    discount: percentText(0, 300, 1),
    categories: fc.option(fc.subarray(SPEND_CATEGORIES, { minLength: 1 }), { nil: undefined }),
  });
  return fc.shuffledSubarray([...INFRASTRUCTURE], { maxLength: 2 }).chain((clouds) => fc.tuple(...clouds.map((cloud) => one.map((c) => ({ id: `commit-${cloud}`, cloud, ...c })))));
}

function oneTime(start: Period, months: number, options: number) {
  return fc.array(
    fc.record({
      options: fc.uniqueArray(fc.integer({ min: 0, max: options - 1 }), { minLength: 1, maxLength: options }).map((ids) => ids.map((i) => `o${i}`)),
      month: fc.integer({ min: 0, max: months - 1 }).map((m) => addMonths(start, m)),
      amount: decimalText(0, 10_000_000, 2),
      payee: fc.option(fc.constant('integrator'), { nil: undefined }),
    }),
    { maxLength: 2 },
  );
}

const dataset = fc.record({ size: decimalText(0, 500_000_000_000), monthly_change: decimalText(0, 50_000_000_000), home: location });

const channelTake = fc.record({ azure: percentText(0, 100), aws: percentText(0, 100), gcp: percentText(0, 100) }, { requiredKeys: [] });

/** A scenario and the catalog that prices it, as plain data (printed as such on a failure). */
export const generatedCase: fc.Arbitrary<GeneratedCase> = fc
  .record({ start: fc.constantFrom(...HORIZON_STARTS), months: fc.integer({ min: 1, max: 3 }), options: fc.integer({ min: 1, max: 3 }) })
  .chain(({ start, months, options }) =>
    fc.record({
      catalog: catalogSpec(start, months),
      data: fc
        .record({
          workloads: fc.array(workload, { minLength: 1, maxLength: 3 }),
          options: fc.array(option, { minLength: options, maxLength: options }),
          datasets: fc.array(dataset, { maxLength: 1 }),
          commitments: commitments(start, months),
          one_time: oneTime(start, months, options),
          channel_take: channelTake,
        })
        .map((parts) => scenarioData(start, months, parts)),
    }),
  );

interface Parts {
  workloads: ValueOf<typeof workload>[];
  options: ValueOf<typeof option>[];
  datasets: ValueOf<typeof dataset>[];
  commitments: Record<string, unknown>[];
  one_time: Record<string, unknown>[];
  channel_take: Record<string, string>;
}

function scenarioData(start: Period, months: number, parts: Parts): ScenarioData {
  return {
    name: 'property',
    horizon: { start, months: String(months) },
    channel_take: parts.channel_take,
    datasets: parts.datasets.map((d, i) => ({ id: `d${i}`, size: d.size, monthly_change: d.monthly_change, home: { ...d.home } })),
    workloads: parts.workloads.map((w, i) => ({ id: `w${i}`, ...w }) as WorkloadData),
    options: parts.options.map((o, i) => ({
      id: `o${i}`,
      model: { ...o.model },
      runtime: { ...o.runtime, service: 'rt' },
      state: { ...o.state.where, service: 'kv', read_units: o.state.read_units, write_units: o.state.write_units },
      ...(o.cache === undefined ? {} : { cache: cacheData(o.cache) }),
      ...(o.interconnect === undefined ? {} : { interconnect: { clouds: o.interconnect.clouds, ports: [{ ...o.interconnect.port, service: 'port', count: o.interconnect.count }] } }),
    })),
    commitments: parts.commitments,
    one_time: parts.one_time.map((c, i) => ({ id: `once${i}`, ...c })),
  };
}

/** Reads generated data through the scenario schema, as a loaded file is read. */
export function parseScenario(data: ScenarioData): Scenario {
  return scenarioSchema.parse(JSON.parse(JSON.stringify(data)));
}

export interface Built {
  scenario: Scenario;
  catalog: Catalog;
  simulation: Simulation;
}

/** Simulates a generated case; a generated case the engine rejects is a bug in the generator, said plainly. */
export function simulateCase(data: ScenarioData, spec: CatalogSpec): Built {
  const scenario = parseScenario(data);
  const catalog = buildCatalog(spec);
  return { scenario, catalog, simulation: simulateOrExplain(scenario, catalog) };
}

export function simulateOrExplain(scenario: Scenario, catalog: Catalog): Simulation {
  try {
    return simulate(scenario, catalog);
  } catch (error) {
    if (error instanceof InputError) throw new Error(`the engine rejected a generated scenario:\n${error.diagnostics.map((d) => `${d.path?.join('.')}: ${d.message}`).join('\n')}`);
    throw error;
  }
}
