/**
 * Every renderer turns a finished report into text, the same way: `(report, options) => Rendered`.
 * A report is text, whole, or (for the ones that list every line item, which can run to hundreds
 * of megabytes) its pieces in order, written as they come, never held as one string.
 */
export interface RenderOptions {
  /** ANSI colour in terminal tables; never in files or machine formats. */
  color: boolean;
  /** Include every line item (JSON). */
  lineItems: boolean;
  /** Start CSV with a UTF-8 byte order mark, which Excel needs to read UTF-8. */
  bom?: boolean;
  /** Draw charts (bars, sparklines, a tornado) in a table: only on a terminal, and not with --no-chart. */
  charts?: boolean;
}

export type Rendered = string | Iterable<string>;

export type Renderer<Report> = (report: Report, options: RenderOptions) => Rendered;

/** A rendered report as one string, for tests and for the few callers that need it whole. */
export function wholeText(rendered: Rendered): string {
  return typeof rendered === 'string' ? rendered : [...rendered].join('');
}

export const FORMATS = ['table', 'json', 'csv'] as const;
export type Format = (typeof FORMATS)[number];

/** The formats of reports that draw charts: the three above, and a self-contained HTML page. */
export const REPORT_FORMATS = [...FORMATS, 'html'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];
