/**
 * Who bills a line item. `openai` and `anthropic` are the model vendors sold direct; the rest
 * are clouds. The token service is what a bill calls the model API on that cloud.
 */
export const CLOUDS = {
  azure: { tokenService: 'azure-openai' },
  aws: { tokenService: 'bedrock' },
  gcp: { tokenService: 'vertex-ai' },
  oci: { tokenService: 'oci-generative-ai' },
  openai: { tokenService: 'openai-api' },
  anthropic: { tokenService: 'anthropic-api' },
} as const;

export type Cloud = keyof typeof CLOUDS;
export const CLOUD_IDS = Object.keys(CLOUDS) as [Cloud, ...Cloud[]];

/**
 * How a request is served, which sets its price: `standard` on-demand, `batch` (asynchronous,
 * about half price), `priority` (paid latency guarantee), `flex` (slower, discounted).
 */
export const TIERS = ['standard', 'batch', 'priority', 'flex'] as const;
export type Tier = (typeof TIERS)[number];
