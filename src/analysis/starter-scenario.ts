/**
 * The starter scenario `cloudtco init` writes: one workload of a model the catalog prices, and an
 * option on each cloud asked for that sells it, placed where the catalog has its price (its own
 * region, or a usual one where a row prices every region), every line commented so it can be
 * edited without the docs. Pure: the catalog and today are given.
 */
import { ANY_REGION, inEffect, type Catalog } from '../model/catalog.js';
import type { Cloud } from '../model/cloud.js';
import { knownRegions } from '../engine/regions.js';
import { addMonths, type Period } from '../model/period.js';

export interface StarterRequest {
  /** The file it is written to, as shown, for its first comment. */
  file: string;
  model: string;
  clouds: readonly Cloud[];
  sessionsPerMonth: string;
  today: string;
}

/** Where a row that prices every region is placed, when the catalog knows the region. */
const USUAL_REGION: Partial<Record<Cloud, string>> = { azure: 'eastus2', aws: 'us-east-1', gcp: 'us-central1', oci: 'us-ashburn-1' };
/** The deployment tried first on each cloud: the one most buy. */
const USUAL_DEPLOYMENT: Partial<Record<Cloud, string>> = { azure: 'global', aws: 'in-region', gcp: 'global' };

export interface Placement {
  cloud: Cloud;
  region: string;
  deployment: string;
  /** Whether the row prices cached input (else the starter caches nothing). */
  caches: boolean;
}

/** Where each cloud sells the model today at its standard tier; clouds that do not are listed apart. */
export function placementsFor(catalog: Catalog, model: string, clouds: readonly Cloud[], today: string): { placed: Placement[]; unsold: Cloud[] } {
  const regions = knownRegions(catalog);
  const placed: Placement[] = [];
  const unsold: Cloud[] = [];
  for (const cloud of clouds) {
    const rows = catalog.models.filter((r) => r.model === model && r.cloud === cloud && r.tier === 'standard' && r.promptOver === undefined && inEffect(r, today));
    const usual = USUAL_DEPLOYMENT[cloud];
    const row = rows.find((r) => r.deployment === usual) ?? rows[0];
    if (row === undefined) {
      unsold.push(cloud);
      continue;
    }
    const known = [...(regions.get(cloud) ?? [])].sort();
    const region = row.region !== ANY_REGION ? row.region : (known.includes(USUAL_REGION[cloud] ?? '') ? USUAL_REGION[cloud]! : (known[0] ?? 'global'));
    placed.push({ cloud, region, deployment: row.deployment, caches: row.cachedInput !== undefined });
  }
  return { placed, unsold };
}

export function starterScenario(catalog: Catalog, request: StarterRequest): { text: string; unsold: Cloud[] } {
  const { placed, unsold } = placementsFor(catalog, request.model, request.clouds, request.today);
  const start: Period = addMonths(request.today.slice(0, 7), 1);
  const options = placed.flatMap((p) => [`  - id: ${p.cloud}`, `    model: { cloud: ${p.cloud}, region: ${p.region}, deployment: ${p.deployment} }`]);
  const text = `# A starter scenario written by \`cloudtco init\`: edit the numbers, then
#   cloudtco compare ${request.file}
# Every field is explained in the README ("File formats") and docs/cost-model.md.
name: ${request.model} on ${placed.map((p) => p.cloud).join(', ')}
currency: USD
horizon:
  start: ${start}            # the first month priced
  months: 12

workloads:
  - id: assistant
    model: ${request.model}          # \`cloudtco catalog models\` lists what the catalog prices
    sessions_per_month: ${request.sessionsPerMonth}
    growth: 3%                # compound, per month
    turns_per_session: 4      # a user's messages in a session
    calls_per_turn: 1         # model calls per message
    tokens_per_call:
      input: 4k               # prompt: instructions, retrieved text, the conversation so far
${placed.every((p) => p.caches) ? '      cached_share: 50%       # the part of the prompt the seller\'s prompt cache answers\n' : ''}      output: 400

# One option per place the model is bought; \`cloudtco catalog regions\` lists the regions.
options:
${options.join('\n')}
`;
  return { text, unsold };
}
