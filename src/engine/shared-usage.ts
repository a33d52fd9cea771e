/**
 * What an option pays for once, whatever its workloads do: the response cache's capacity, the
 * interconnect's ports, its gateways' hours, and the datasets every cloud it uses needs a copy of.
 *
 * Datasets (a knowledge base, a vector index) live at home and are copied to every other cloud
 * the option uses that month, into the region of the option's first piece there (runtime,
 * state, cache, then model). Each copy is stored, and each month's changes travel from home
 * to every copy as data transfer: the "data and policy duplication" of going multi-cloud. The
 * first full copy is a one-time cost, not modelled here.
 *
 * Hours in a month are its calendar hours: 744 in a 31-day month, priced per node-hour.
 */
import { CLOUDS, type Location } from '../model/cloud.js';
import type { Diagnostic } from '../model/diagnostic.js';
import { dec } from '../model/money.js';
import { daysInMonth, type Period } from '../model/period.js';
import type { Option, Scenario } from '../model/scenario.js';
import type { MeteredUsage } from './metered.js';
import { transferUsage } from './network.js';
import { append } from '../model/append.js';
import { SHARED } from '../model/line-item.js';
import { cachesOf, piecesOf } from './workload-placement.js';


export const OBJECT_STORAGE = 'object-storage';

export function cacheProblems(option: Option, optionIndex: number): Diagnostic[] {
  const unsized = (cache: Option['cache']) => cache !== undefined && cache.size === undefined && cache.nodes === undefined;
  const message = 'say how big the cache is: size (for caches billed per GB-hour) or nodes (per node-hour)';
  return [
    ...(unsized(option.cache) ? [{ path: ['options', optionIndex, 'cache'], message }] : []),
    ...Object.entries(option.workloads).flatMap(([workload, own]) => (unsized(own.cache) ? [{ path: ['options', optionIndex, 'workloads', workload, 'cache'], message }] : [])),
  ];
}

export function sharedUsage(scenario: Scenario, option: Option, optionIndex: number, period: Period, models: readonly Location[]): MeteredUsage[] {
  const seconds = dec(String(daysInMonth(period) * 86_400));
  const usages: MeteredUsage[] = [];
  const at = (location: Location, item: [string, string], rest: Pick<MeteredUsage, 'category' | 'dimension' | 'quantity' | 'meter' | 'path'>): MeteredUsage => ({
    option: option.id,
    workload: SHARED,
    period,
    table: 'services',
    location,
    item,
    ...rest,
  });

  // one capacity per cache: workloads placed apart may run their own
  for (const cache of cachesOf(option)) {
    if (cache.size !== undefined) {
      usages.push(at(cache, [cache.service, 'storage'], { category: 'cache', dimension: 'byte-seconds', quantity: cache.size.times(seconds), meter: `cache capacity, ${cache.service}`, path: ['options', optionIndex, 'cache'] }));
    }
    if (cache.nodes !== undefined) {
      usages.push(at(cache, [cache.service, 'node'], { category: 'cache', dimension: 'instance-seconds', quantity: cache.nodes.times(seconds), meter: `cache nodes, ${cache.service}`, path: ['options', optionIndex, 'cache'] }));
    }
  }

  option.interconnect?.ports.forEach((port, i) => {
    const path = ['options', optionIndex, 'interconnect', 'ports', i];
    usages.push(at(port, [port.service, 'port'], { category: 'interconnect', dimension: 'instance-seconds', quantity: port.count.times(seconds), meter: `interconnect ports, ${port.service}`, path }));
  });

  option.gateways.forEach((gateway, g) => {
    const path = ['options', optionIndex, 'gateways', g];
    usages.push(at(gateway, [gateway.service, 'gateway'], { category: 'gateway', dimension: 'instance-seconds', quantity: gateway.count.times(seconds), meter: `${gateway.service} hours`, path }));
  });

  const pieces = [...piecesOf(option), ...models].filter((p): p is Location => p !== undefined && CLOUDS[p.cloud].infrastructure);
  scenario.datasets.forEach((dataset, d) => {
    const path = ['datasets', d];
    const copies = [dataset.home, ...uniqueBy(pieces.filter((p) => p.cloud !== dataset.home.cloud), (p) => p.cloud)];
    copies.forEach((copy, i) => {
      const role = i === 0 ? 'home copy' : 'copy';
      usages.push(at(copy, [OBJECT_STORAGE, 'storage'], { category: 'data.storage', dimension: 'byte-months', quantity: dataset.size, meter: `dataset ${dataset.id}, ${role} on ${copy.cloud}`, path }));
      if (i === 0) return;
      const change = { from: dataset.home, to: copy, bytes: dataset.monthly_change, what: `dataset ${dataset.id} changes`, traffic: 'datasets' } as const;
      append(usages, transferUsage({ option: option.id, workload: SHARED, period, path }, change, option, optionIndex));
    });
  });
  return usages;
}

function uniqueBy<T>(items: readonly T[], keyOf: (item: T) => string): T[] {
  const seen = new Set<string>();
  return items.filter((item) => !seen.has(keyOf(item)) && seen.add(keyOf(item)));
}
