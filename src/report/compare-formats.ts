/** The formats `cloudtco compare` writes; kept apart so the CLI can list them without loading the renderers. */
export const COMPARE_FORMATS = ['table', 'json', 'csv', 'markdown', 'html'] as const;
export type CompareFormat = (typeof COMPARE_FORMATS)[number];
