/** The formats `cloudtco check` writes; kept apart so the CLI can list them without loading the renderers. */
export const CHECK_FORMATS = ['table', 'json', 'markdown', 'github', 'junit'] as const;
export type CheckFormat = (typeof CHECK_FORMATS)[number];
