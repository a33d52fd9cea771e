/**
 * The round-trip time an option's hops add to each turn of a workload, from latency.csv and
 * the scenario's own stated assumptions (which win). Within one region a hop adds nothing.
 *
 *   per turn = calls_per_turn × (no cache:   rtt(R, M)
 *                                with cache: rtt(R, C) + (1 − hit rate) × rtt(C, M))
 *            + (reads + writes per turn) × rtt(R, S)
 *
 * Worked example: 2 calls a turn, runtime on AWS and model on Azure 10 ms apart, state beside
 * the runtime: 2 × 10 = 20 ms added per turn. It is reported, not priced: a pair with no
 * known round-trip time makes the estimate unknown, and the report names the pair.
 */
import { formatLocation, sameLocation, type Location } from '../model/cloud.js';
import type { Catalog } from '../model/catalog.js';
import { pairKey } from '../model/latency.js';
import { ONE, sum, ZERO, type Decimal } from '../model/money.js';
import type { ModelPlacement, Option, Scenario, Workload } from '../model/scenario.js';
import { hitRate } from './agent-usage.js';

export interface LatencyEstimate {
  option: string;
  workload: string;
  /** undefined when a hop's round-trip time is unknown, or the option places no runtime */
  msPerTurn: Decimal | undefined;
  /** Pairs with no round-trip time: "aws/us-east-1 ↔ azure/eastus2". */
  unknownPairs: string[];
  /** The workload's turns over the horizon, to weigh estimates by. */
  turns: Decimal;
}

export type RoundTrips = (a: Location, b: Location) => Decimal | undefined;

/**
 * One workload's estimate over the horizon from its monthly ones (a fallback month has other
 * hops), weighted by each month's turns: Σ(ms × turns) ÷ Σ turns.
 */
export function combineEstimates(estimates: readonly LatencyEstimate[]): LatencyEstimate {
  const first = estimates[0]!;
  const unknownPairs = [...new Set(estimates.flatMap((e) => e.unknownPairs))];
  const turns = sum(estimates.map((e) => e.turns));
  return { option: first.option, workload: first.workload, msPerTurn: weightedMs(estimates), unknownPairs, turns };
}

/** Σ(ms × turns) ÷ Σ turns, or the plain mean when there are no turns; undefined if any is unknown. */
export function weightedMs(estimates: readonly Pick<LatencyEstimate, 'msPerTurn' | 'turns'>[]): Decimal | undefined {
  if (estimates.length === 0 || estimates.some((e) => e.msPerTurn === undefined)) return undefined;
  const turns = sum(estimates.map((e) => e.turns));
  if (turns.isZero()) return sum(estimates.map((e) => e.msPerTurn!)).div(estimates.length);
  return sum(estimates.map((e) => e.msPerTurn!.times(e.turns))).div(turns);
}

export function indexRoundTrips(scenario: Scenario, catalog: Catalog): RoundTrips {
  const known = new Map<string, Decimal>();
  for (const row of catalog.latency) known.set(pairKey(...row.between), row.rttMs);
  for (const assumption of scenario.latency) known.set(pairKey(...assumption.between), assumption.rtt_ms);
  return (a, b) => (sameLocation(a, b) ? ZERO : known.get(pairKey(a, b)));
}

export function estimateLatency(option: Option, workload: Workload, model: ModelPlacement, rtt: RoundTrips, turns: Decimal): LatencyEstimate {
  const estimate = { option: option.id, workload: workload.id, turns };
  const runtime = option.runtime;
  if (runtime === undefined) return { ...estimate, msPerTurn: undefined, unknownPairs: [] };
  const unknownPairs: string[] = [];
  const trip = (a: Location, b: Location): Decimal => {
    const ms = rtt(a, b);
    if (ms === undefined) unknownPairs.push(`${formatLocation(a)} ↔ ${formatLocation(b)}`);
    return ms ?? ZERO;
  };
  const cache = workload.cache === undefined ? undefined : option.cache;
  const perCall = cache === undefined ? trip(runtime, model) : trip(runtime, cache).plus(ONE.minus(hitRate(option, workload)).times(trip(cache, model)));
  let ms = workload.calls_per_turn.times(perCall);
  if (workload.state !== undefined && option.state !== undefined) {
    ms = ms.plus(workload.state.reads_per_turn.plus(workload.state.writes_per_turn).times(trip(runtime, option.state)));
  }
  return { ...estimate, msPerTurn: unknownPairs.length > 0 ? undefined : ms, unknownPairs: [...new Set(unknownPairs)] };
}
