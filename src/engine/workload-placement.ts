/**
 * An option as one workload sees it. An option places a model, runtime, state store and cache
 * for every workload, unless its `workloads:` places some workloads apart: then each piece that
 * workload's entry gives replaces the option's. A workload given its own model gets only its own
 * fallback (the option's was chosen for the option's model). Gateways, interconnect, support and
 * everything shared stay the option's.
 */
import type { Option } from '../model/scenario.js';

export function placedFor(option: Option, workload: string): Option {
  const own = option.workloads[workload];
  if (own === undefined) return option;
  return {
    ...option,
    model: own.model ?? option.model,
    fallback: own.model === undefined ? (own.fallback ?? option.fallback) : own.fallback,
    runtime: own.runtime ?? option.runtime,
    state: own.state ?? option.state,
    cache: own.cache ?? option.cache,
  };
}

/** Every cache the option runs: its own and those of workloads placed apart, each once. */
export function cachesOf(option: Option): NonNullable<Option['cache']>[] {
  const all = [option.cache, ...Object.values(option.workloads).map((w) => w.cache)].filter((c): c is NonNullable<Option['cache']> => c !== undefined);
  const seen = new Set<string>();
  return all.filter((cache) => {
    const key = JSON.stringify([cache.cloud, cache.region, cache.service, cache.size?.toFixed(), cache.nodes?.toFixed()]);
    return !seen.has(key) && seen.add(key) !== undefined;
  });
}

/**
 * Every place the option's pieces are, its workloads' own included, in the order datasets look
 * for a copy's region (engine/shared-usage.ts): runtimes, then state stores, then caches, so an
 * option and the same placement written under `workloads:` copy data to the same places.
 */
export function piecesOf(option: Option): NonNullable<Option['runtime'] | Option['state'] | Option['cache']>[] {
  const own = Object.values(option.workloads);
  return [option.runtime, ...own.map((w) => w.runtime), option.state, ...own.map((w) => w.state), ...cachesOf(option)].filter((p) => p !== undefined);
}
