/** The ways a report can break totals down (`--by`), kept free of imports so the CLI can list them cheaply. */
export const TIME_BREAKDOWNS = ['month', 'quarter', 'year'] as const;
export const BREAKDOWNS = [...TIME_BREAKDOWNS, 'category', 'cloud', 'workload'] as const;
export type Breakdown = (typeof BREAKDOWNS)[number];
