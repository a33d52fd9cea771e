/**
 * Who bills a line item. `openai` and `anthropic` are the model vendors sold direct; the rest
 * are clouds. The token service is what a bill calls the model API on that cloud.
 *
 * `infrastructure` is false for the vendors: their price lists carry tokens and tools only, so
 * they bill no data transfer for what they send, and a scenario cannot keep state, caches,
 * dataset copies or private links there (a vendor-hosted agent runtime is fine). Traffic to
 * them is billed by the cloud that sends it.
 */
export const CLOUDS = {
  azure: { tokenService: 'azure-openai', infrastructure: true },
  aws: { tokenService: 'bedrock', infrastructure: true },
  gcp: { tokenService: 'vertex-ai', infrastructure: true },
  oci: { tokenService: 'oci-generative-ai', infrastructure: true },
  openai: { tokenService: 'openai-api', infrastructure: false },
  anthropic: { tokenService: 'anthropic-api', infrastructure: false },
} as const;

export type Cloud = keyof typeof CLOUDS;
export const CLOUD_IDS = Object.keys(CLOUDS) as [Cloud, ...Cloud[]];
/** Clouds that can hold state, caches, data and private links; the vendors can only serve models and their own agents. */
export const INFRASTRUCTURE_CLOUDS = CLOUD_IDS.filter((cloud) => CLOUDS[cloud].infrastructure) as [Cloud, ...Cloud[]];

/**
 * How a request is served, which sets its price: `standard` on-demand, `batch` (asynchronous,
 * about half price), `priority` (paid latency guarantee), `flex` (slower, discounted).
 */
export const TIERS = ['standard', 'batch', 'priority', 'flex'] as const;
export type Tier = (typeof TIERS)[number];

/** Where something runs: a cloud and one of its regions. */
export interface Location {
  cloud: Cloud;
  region: string;
}

export function sameLocation(a: Location, b: Location): boolean {
  return a.cloud === b.cloud && a.region === b.region;
}

/** `aws/us-east-1` */
export function formatLocation(location: Location): string {
  return `${location.cloud}/${location.region}`;
}
