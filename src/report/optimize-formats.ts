/** The formats `cloudtco optimize` writes; kept apart so the CLI can list them without loading the renderers. */
export const OPTIMIZE_FORMATS = ['table', 'json', 'csv', 'markdown', 'html'] as const;
export type OptimizeFormat = (typeof OPTIMIZE_FORMATS)[number];
