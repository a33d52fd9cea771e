/**
 * What one workload's agent uses besides tokens, in one month, at one option: the bytes its
 * model calls and state move between places, its state store's operations and storage, and
 * its runtime's compute.
 *
 * Model calls go from the runtime R to the model M. With a response cache C (an option's
 * cache, for a workload that declares a hit rate) every call goes through the cache, and only
 * misses continue to the model:
 *
 *   no cache:    R → M requests, M → R responses
 *   with cache:  R → C requests, C → R responses (all calls); C → M, M → C (misses only)
 *
 * so a cache beside the runtime saves the cross-cloud hop on every hit, while a cache beside
 * the model saves tokens but no bytes. Request size grows with the state carried into the
 * prompt: on average request + request_growth × (turns − 1) / 2 per call.
 *
 * Worked example: 1 000 calls a month, request 10 KB, growth 2 KB, 3 turns a session, response
 * 1 KB, runtime on AWS and model on Azure, no cache: requests 1 000 × (10 + 2 × 2 / 2) KB =
 * 12 MB billed by AWS, responses 1 MB billed by Azure.
 */
import type { Location } from '../model/cloud.js';
import type { PathSegment } from '../model/diagnostic.js';
import { Decimal, ONE, ZERO } from '../model/money.js';
import { daysInMonth } from '../model/period.js';
import type { Option, Scenario, Workload } from '../model/scenario.js';
import { whole, type Activity } from './activity.js';
import { meteredUsage, type MeteredUsage } from './metered.js';
import { transferUsage, type Transfer } from './network.js';
import { append } from '../model/append.js';
import type { MonthPlacement } from './placements.js';
import { splitByDays } from './day-split.js';

export interface AgentContext {
  scenario: Scenario;
  option: Option;
  optionIndex: number;
  workload: Workload;
  workloadIndex: number;
}

/** The share of calls a cache answers at this option: only where the option has a cache. */
export function hitRate(option: Option, workload: Workload): Decimal {
  return option.cache !== undefined && workload.cache !== undefined ? workload.cache.hit_rate : ZERO;
}

/** A workload with an agent (payloads on the wire, state, compute) needs a runtime placed. */
export function needsRuntime(workload: Workload): boolean {
  return workload.payload !== undefined || workload.state !== undefined || workload.runtime !== undefined;
}

/** Placements a workload needs from the option; missing ones are reported once, at the option. */
export function missingPlacements({ option, optionIndex, workload }: AgentContext): { path: PathSegment[]; message: string }[] {
  const needs: [keyof Option, string][] = [];
  if (needsRuntime(workload)) needs.push(['runtime', 'its agent runtime']);
  if (workload.state !== undefined) needs.push(['state', 'its state store']);
  return needs
    .filter(([key]) => option[key] === undefined)
    .map(([key, what]) => ({ path: ['options', optionIndex], message: `workload "${workload.id}" needs ${what} placed, but option "${option.id}" has no ${key}: placement` }));
}

export function agentUsage(context: AgentContext, activity: Activity, placements: readonly MonthPlacement[]): MeteredUsage[] {
  const { scenario, option, workload } = context;
  // problems with these prices are the option's placements', so they are located there
  const at = (component?: string) => ['options', context.optionIndex, ...(component === undefined ? [] : [component])];
  const base = { option: option.id, workload: workload.id, period: activity.period, path: at() };
  const usages: MeteredUsage[] = [];
  const transfer = (t: Transfer) => append(usages, transferUsage(base, t, option, context.optionIndex));
  // bytes to and from the model, split by days where a fallback serves part of the month
  const withModel = (other: Location, direction: 'to' | 'from', bytes: Decimal, what: string) => {
    const shares = placements.length === 1 ? [bytes] : splitByDays(BigInt(bytes.toFixed()), placements).map((b) => new Decimal(b.toString()));
    placements.forEach(({ model }, i) =>
      transfer(direction === 'to' ? { from: other, to: model, bytes: shares[i]!, what, traffic: 'model' } : { from: model, to: other, bytes: shares[i]!, what, traffic: 'model' }),
    );
  };
  const runtime = option.runtime;

  if (workload.payload !== undefined && runtime !== undefined) {
    const { request, request_growth, response } = workload.payload;
    const laterTurns = Decimal.max(workload.turns_per_session.minus(ONE), ZERO);
    const perRequest = request.plus(request_growth.times(laterTurns).div(2));
    const calls = activity.calls;
    const misses = calls.times(ONE.minus(hitRate(option, workload)));
    const billResponses = scenario.network.bill_model_responses;
    const cache = workload.cache === undefined ? undefined : option.cache;
    if (cache === undefined) {
      withModel(runtime, 'to', whole(calls.times(perRequest)), 'model requests');
      if (billResponses) withModel(runtime, 'from', whole(calls.times(response)), 'model responses');
    } else {
      transfer({ from: runtime, to: cache, bytes: whole(calls.times(perRequest)), what: 'requests to the cache', traffic: 'cache' });
      transfer({ from: cache, to: runtime, bytes: whole(calls.times(response)), what: 'responses from the cache', traffic: 'cache' });
      withModel(cache, 'to', whole(misses.times(perRequest)), 'cache misses to the model');
      if (billResponses) withModel(cache, 'from', whole(misses.times(response)), 'model responses to the cache');
    }
  }

  if (workload.state !== undefined && option.state !== undefined && runtime !== undefined) {
    const state = workload.state;
    const store = option.state;
    const turns = activity.turns;
    transfer({ from: store, to: runtime, bytes: whole(turns.times(state.read_per_turn)), what: 'state reads', traffic: 'state' });
    transfer({ from: runtime, to: store, bytes: whole(turns.times(state.write_per_turn)), what: 'state writes', traffic: 'state' });
    const service = (meter: string, category: MeteredUsage['category'], dimension: MeteredUsage['dimension'], quantity: Decimal, what: string): MeteredUsage =>
      meteredUsage(base, { path: at('state'), category, table: 'services', location: store, item: [store.service, meter], dimension, quantity, meter: what });
    usages.push(service('read', 'state.ops', 'requests', whole(turns.times(state.reads_per_turn).times(store.read_units)), `state reads, ${store.service}`));
    usages.push(service('write', 'state.ops', 'requests', whole(turns.times(state.writes_per_turn).times(store.write_units)), `state writes, ${store.service}`));
    // sessions of the last `retention` days kept at once: sessions per day × retention days
    const stored = state.stored_per_session.times(activity.sessions).times(state.retention).div(daysInMonth(activity.period));
    usages.push(service('storage', 'state.storage', 'byte-months', stored, `state kept ${state.retention.toFixed()} days, ${store.service}`));
  }

  if (workload.runtime !== undefined && runtime !== undefined) {
    const { active_seconds_per_turn: active, vcpus, memory, session_hours: sessionHours } = workload.runtime;
    const compute = (meter: string, dimension: MeteredUsage['dimension'], quantity: Decimal, what: string): MeteredUsage =>
      meteredUsage(base, { path: at('runtime'), category: 'runtime', table: 'services', location: runtime, item: [runtime.service, meter], dimension, quantity, meter: what });
    if (active !== undefined) {
      const seconds = activity.turns.times(active);
      usages.push(compute('vcpu', 'vcpu-seconds', seconds.times(vcpus), `runtime vCPU, ${runtime.service}`));
      if (memory !== undefined) usages.push(compute('memory', 'byte-seconds', seconds.times(memory), `runtime memory, ${runtime.service}`));
    }
    if (sessionHours !== undefined) {
      usages.push(compute('session', 'instance-seconds', activity.sessions.times(sessionHours).times(3600), `runtime sessions, ${runtime.service}`));
    }
  }
  return usages;
}
