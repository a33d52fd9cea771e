/**
 * The version of cloudtco's JSON results (compare, flows, export, check, diff). It changes only
 * when a field is removed or changes meaning, so CI scripts and saved baselines keep working.
 */
export const SCHEMA_VERSION = 1;
