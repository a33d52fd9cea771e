/** The names replay's choices take; kept apart so the CLI can list them without loading the readers. */
export const PRESET_NAMES = ['azure-trace', 'claude-code', 'openai-usage', 'litellm-spend', 'aggregated'] as const;
export type PresetName = (typeof PRESET_NAMES)[number];

export const SQL_DIALECTS = ['duckdb', 'bigquery', 'spark'] as const;
export type SqlDialect = (typeof SQL_DIALECTS)[number];
