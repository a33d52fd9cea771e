/** Every renderer turns a finished report into text, the same way: `(report, options) => string`. */
export interface RenderOptions {
  /** ANSI colour in terminal tables; never in files or machine formats. */
  color: boolean;
  /** Include every line item (JSON). */
  lineItems: boolean;
  /** Start CSV with a UTF-8 byte order mark, which Excel needs to read UTF-8. */
  bom?: boolean;
}

export type Renderer<Report> = (report: Report, options: RenderOptions) => string;

export const FORMATS = ['table', 'json', 'csv'] as const;
export type Format = (typeof FORMATS)[number];
