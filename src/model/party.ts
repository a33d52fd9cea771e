/**
 * Who ends up with the money. A customer pays the cloud that bills it; behind the price list,
 * money moves on between parties: a cloud passes a third-party model's revenue to the model's
 * vendor (less its take), and revenue-share contracts move part of it again.
 *
 * Parties are plain names. Each cloud belongs to one (azure → microsoft), each model to a vendor
 * (gpt-… → openai); a contract may name any other partner.
 */
import type { Cloud } from './cloud.js';

export const CLOUD_PARTY: Record<Cloud, string> = {
  azure: 'microsoft',
  aws: 'amazon',
  gcp: 'google',
  oci: 'oracle',
  openai: 'openai',
  anthropic: 'anthropic',
};

/**
 * Open-weight models: the cloud hosting one pays its maker nothing, so no vendor is paid
 * (gpt-oss is OpenAI's, under Apache 2.0, but Bedrock's gpt-oss revenue stays with AWS).
 */
const OPEN_WEIGHTS = /^gpt-oss([.-]|$)/;

/** How reports name a party: the company, as a bill shows it; partners go by their own name. */
const PROVIDER_NAMES: Record<string, string> = {
  microsoft: 'Microsoft',
  amazon: 'Amazon Web Services',
  google: 'Google Cloud',
  oracle: 'Oracle',
  openai: 'OpenAI',
  anthropic: 'Anthropic',
};

export function providerName(party: string): string {
  return PROVIDER_NAMES[party] ?? party;
}

/** Model ids by vendor, by the families each vendor names its models with. */
const VENDOR_PATTERNS: [RegExp, string][] = [
  [/^(gpt|chatgpt|codex|o\d)([.-]|$)/, 'openai'],
  [/^claude([.-]|$)/, 'anthropic'],
  [/^gemini([.-]|$)/, 'google'],
];

/** gpt-5.5 → openai, claude-opus-4-7 → anthropic, gemini-2.5-pro → google; undefined if unknown or open-weight. */
export function vendorOf(model: string): string | undefined {
  if (OPEN_WEIGHTS.test(model)) return undefined;
  return VENDOR_PATTERNS.find(([pattern]) => pattern.test(model))?.[1];
}
