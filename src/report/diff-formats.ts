/** The formats `cloudtco diff` writes; kept apart so the CLI can list them without loading the renderers. */
export const DIFF_FORMATS = ['table', 'json', 'csv', 'markdown'] as const;
export type DiffFormat = (typeof DIFF_FORMATS)[number];
