/**
 * What the catalog can price, for writing a scenario without reading CSV files
 * (`cloudtco catalog models | regions | services`): each model's clouds, regions, deployments and
 * tiers; each cloud's regions and what is priced in them; each cloud's services with their meters
 * and units. Optionally for one cloud.
 */
import { ANY_REGION, type Catalog } from '../model/catalog.js';
import { CLOUD_IDS, TIERS, type Cloud } from '../model/cloud.js';
import { groupBy } from '../model/group-by.js';
import { knownRegions } from '../engine/regions.js';

export interface ModelPlaces {
  model: string;
  cloud: Cloud;
  /** Regions with their own rows; `*` where a row prices every region of the cloud. */
  regions: string[];
  deployments: string[];
  tiers: string[];
  /** Long-context thresholds (prompt_over), ascending. */
  longContext: string[];
}

export interface RegionUse {
  cloud: Cloud;
  region: string;
  /** Whether regions.csv lists it (others are known because a price row names them). */
  listed: boolean;
  /** What has rows for this region itself: models, egress, services. */
  priced: string[];
}

export interface ServiceMeters {
  cloud: Cloud;
  service: string;
  meter: string;
  unit: string;
  regions: string[];
  /** Price tiers (usage bands) of its schedule, in any region. */
  tiers: number;
}

const unique = <T>(values: readonly T[]): T[] => [...new Set(values)];
const sortedRegions = (regions: readonly string[]) => unique(regions).sort((a, b) => (a === ANY_REGION ? -1 : b === ANY_REGION ? 1 : a.localeCompare(b)));
const byCloud = (a: { cloud: Cloud }, b: { cloud: Cloud }) => CLOUD_IDS.indexOf(a.cloud) - CLOUD_IDS.indexOf(b.cloud);

export function catalogModels(catalog: Catalog, cloud?: Cloud): ModelPlaces[] {
  const rows = catalog.models.filter((r) => cloud === undefined || r.cloud === cloud);
  return [...groupBy(rows, (r) => `${r.model}\u0000${r.cloud}`).values()]
    .map((group) => ({
      model: group[0]!.model,
      cloud: group[0]!.cloud,
      regions: sortedRegions(group.map((r) => r.region)),
      deployments: unique(group.map((r) => r.deployment)).sort(),
      tiers: TIERS.filter((tier) => group.some((r) => r.tier === tier)),
      longContext: unique(group.flatMap((r) => (r.promptOver === undefined ? [] : [r.promptOver.toFixed()]))).sort((a, b) => Number(a) - Number(b)),
    }))
    .sort((a, b) => a.model.localeCompare(b.model) || byCloud(a, b));
}

export function catalogRegions(catalog: Catalog, cloud?: Cloud): RegionUse[] {
  const listed = new Set(catalog.regions.map((r) => `${r.cloud} ${r.region}`));
  const out: RegionUse[] = [];
  for (const [c, regions] of knownRegions(catalog)) {
    if (cloud !== undefined && c !== cloud) continue;
    for (const region of regions) {
      const priced = [
        catalog.models.some((r) => r.cloud === c && r.region === region) ? 'models' : '',
        catalog.egress.some((r) => r.cloud === c && r.region === region) ? 'egress' : '',
        catalog.services.some((r) => r.cloud === c && r.region === region) ? 'services' : '',
      ].filter((s) => s !== '');
      out.push({ cloud: c, region, listed: listed.has(`${c} ${region}`), priced });
    }
  }
  return out.sort((a, b) => byCloud(a, b) || a.region.localeCompare(b.region));
}

export function catalogServices(catalog: Catalog, cloud?: Cloud): ServiceMeters[] {
  const rows = catalog.services.filter((r) => cloud === undefined || r.cloud === cloud);
  return [...groupBy(rows, (r) => `${r.cloud}\u0000${r.item[0]}\u0000${r.item[1]}\u0000${r.unit}`).values()]
    .map((group) => ({
      cloud: group[0]!.cloud,
      service: group[0]!.item[0],
      meter: group[0]!.item[1],
      unit: group[0]!.unit,
      regions: sortedRegions(group.map((r) => r.region)),
      tiers: Math.max(...[...groupBy(group, (r) => `${r.region} ${r.effectiveFrom ?? ''}`).values()].map((g) => g.length)),
    }))
    .sort((a, b) => byCloud(a, b) || a.service.localeCompare(b.service) || a.meter.localeCompare(b.meter));
}
