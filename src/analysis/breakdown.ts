/** The ways a report can break totals down (`--by`), kept free of imports so the CLI can list them cheaply. */
export const TIME_BREAKDOWNS = ['month', 'quarter', 'year'] as const;
export const BREAKDOWNS = [...TIME_BREAKDOWNS, 'category', 'cloud', 'workload', 'model'] as const;

/** Costs that are not a model's tokens (data transfer, runtime, state), under `--by model`. */
export const NOT_MODEL_TOKENS = '(other costs)';
export type Breakdown = (typeof BREAKDOWNS)[number];
