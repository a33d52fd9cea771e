/** The formats `cloudtco export` writes; kept apart so the CLI can list them without loading the renderers. */
export const EXPORT_FORMATS = ['csv', 'json'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];
