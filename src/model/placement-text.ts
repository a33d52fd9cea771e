/** How reports name where pieces are placed: `model azure/eastus2 global standard; runtime aws/us-east-1 agentcore-runtime`. */
import { formatLocation } from './cloud.js';
import type { ModelPlacement, Option } from './scenario.js';

export interface Pieces {
  model?: ModelPlacement | undefined;
  fallback?: ModelPlacement | undefined;
  runtime?: Option['runtime'];
  state?: Option['state'];
  cache?: Option['cache'];
}

/** The pieces given, in the order an option lists them, joined by `separator`. */
export function describePieces(pieces: Pieces, separator = '; '): string {
  const { model, fallback, runtime, state, cache } = pieces;
  return [
    model === undefined ? '' : `model ${formatLocation(model)} ${model.deployment} ${model.tier}`,
    fallback === undefined ? '' : `fallback ${formatLocation(fallback)} ${fallback.deployment}`,
    runtime === undefined ? '' : `runtime ${formatLocation(runtime)} ${runtime.service}`,
    state === undefined ? '' : `state ${formatLocation(state)} ${state.service}`,
    cache === undefined ? '' : `cache ${formatLocation(cache)} ${cache.service}`,
  ]
    .filter((p) => p !== '')
    .join(separator);
}
