/**
 * Every region a scenario names must be one the catalog knows for that cloud. A price row for
 * every region (`*`, Azure Global Standard) matches any name at all, so without this check
 * `region: mars-north-9` would price silently and `eastus-2` would get no did-you-mean.
 *
 * The regions a catalog knows for a cloud are those any of its tables name (prices, egress,
 * services, latency) and those regions.csv lists; a model vendor sold direct also has `global`,
 * the one endpoint its price list is for. A cloud the catalog names no region of at all cannot
 * be checked, and is not.
 */
import type { Catalog } from '../model/catalog.js';
import { CLOUDS, type Cloud, type Location } from '../model/cloud.js';
import { suggestion } from '../model/did-you-mean.js';
import type { Diagnostic, PathSegment } from '../model/diagnostic.js';
import { ANY_REGION } from '../model/catalog.js';
import type { Scenario } from '../model/scenario.js';

/** The one region of a model vendor's own API. */
export const VENDOR_REGION = 'global';

export function knownRegions(catalog: Catalog): Map<Cloud, Set<string>> {
  const known = new Map<Cloud, Set<string>>();
  const add = (cloud: Cloud, region: string | undefined) => {
    if (region === undefined || region === ANY_REGION) return;
    let regions = known.get(cloud);
    if (regions === undefined) known.set(cloud, (regions = new Set()));
    regions.add(region);
  };
  for (const row of catalog.models) add(row.cloud, row.region);
  for (const row of catalog.services) add(row.cloud, row.region);
  // an egress row's item is its destination kind and to_region
  for (const row of catalog.egress) {
    add(row.cloud, row.region);
    add(row.cloud, row.item[1]);
  }
  for (const row of catalog.latency) for (const place of row.between) add(place.cloud, place.region);
  for (const row of catalog.regions) add(row.cloud, row.region);
  for (const cloud of Object.keys(CLOUDS) as Cloud[]) if (!CLOUDS[cloud].infrastructure) add(cloud, VENDOR_REGION);
  return known;
}

/** Each place a scenario names a region, with the path to it. */
function placesOf(scenario: Scenario): { place: Location; path: PathSegment[] }[] {
  const places: { place: Location; path: PathSegment[] }[] = [];
  const at = (place: Location | undefined, path: PathSegment[]) => {
    if (place !== undefined) places.push({ place, path });
  };
  scenario.options.forEach((option, o) => {
    at(option.model, ['options', o, 'model', 'region']);
    at(option.fallback?.model, ['options', o, 'fallback', 'model', 'region']);
    at(option.runtime, ['options', o, 'runtime', 'region']);
    at(option.state, ['options', o, 'state', 'region']);
    at(option.cache, ['options', o, 'cache', 'region']);
    for (const [workload, own] of Object.entries(option.workloads)) {
      for (const piece of ['model', 'runtime', 'state', 'cache'] as const) at(own[piece], ['options', o, 'workloads', workload, piece, 'region']);
      at(own.fallback?.model, ['options', o, 'workloads', workload, 'fallback', 'model', 'region']);
    }
    option.interconnect?.ports.forEach((port, p) => at(port, ['options', o, 'interconnect', 'ports', p, 'region']));
    option.gateways.forEach((gateway, g) => at(gateway, ['options', o, 'gateways', g, 'region']));
  });
  // optimize's candidates, so a misspelt one is named where it is written, not when a plan picks it
  const candidates = scenario.optimize;
  candidates?.models.forEach((m, i) => {
    at(m, ['optimize', 'models', i, 'region']);
    at(m.fallback, ['optimize', 'models', i, 'fallback', 'region']);
  });
  for (const list of ['runtimes', 'states', 'caches'] as const) candidates?.[list].forEach((piece, i) => at(piece, ['optimize', list, i, 'region']));
  scenario.datasets.forEach((dataset, d) => at(dataset.home, ['datasets', d, 'home', 'region']));
  scenario.latency.forEach((assumption, l) => assumption.between.forEach((place, k) => at(place, ['latency', l, 'between', k])));
  return places;
}

const LISTED = 12;

export function regionProblems(scenario: Scenario, catalog: Catalog): Diagnostic[] {
  const known = knownRegions(catalog);
  return placesOf(scenario).flatMap(({ place, path }): Diagnostic[] => {
    const regions = known.get(place.cloud);
    if (regions === undefined || regions.has(place.region)) return [];
    const names = [...regions].sort();
    const listed = names.length > LISTED ? `${names.slice(0, LISTED).join(', ')}, … ${names.length - LISTED} more` : names.join(', ');
    return [{ path, message: `"${place.region}" is not a region the catalog knows for ${place.cloud}${suggestion(place.region, names)}; it knows ${listed} (\`cloudtco catalog regions --cloud ${place.cloud}\` lists them; a catalog's regions.csv can add more)` }];
  });
}
