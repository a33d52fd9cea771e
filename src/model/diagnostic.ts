/**
 * Bad input is data: a list of diagnostics, each pointing at a file position and a path
 * inside the document, so every problem in a file can be reported at once.
 *
 *   scenarios/x.yaml:14:7 workloads[0].sessions_per_month: expected a quantity like 2M, got "lots"
 *   pricing-data/models.csv:12 input: expected a price like 2.50, got "2,50"
 */
import { clipped, QUOTE_LIMIT, visible, withoutWorkflowCommands } from './safe-text.js';

export type PathSegment = string | number;

export interface Diagnostic {
  message: string;
  file?: string;
  line?: number;
  col?: number;
  /** Where in the document: `['workloads', 0, 'model']`, or a CSV column name. */
  path?: readonly PathSegment[];
}

/** The one error type for bad input: the CLI prints its diagnostics and exits 2. */
export class InputError extends Error {
  readonly diagnostics: readonly Diagnostic[];

  constructor(diagnostics: readonly Diagnostic[]) {
    super(diagnostics.map(formatDiagnostic).join('\n'));
    this.name = 'InputError';
    this.diagnostics = diagnostics;
  }
}

/** `workloads[0].tokens_per_call.input` */
export function formatPath(path: readonly PathSegment[]): string {
  let out = '';
  for (const segment of path) {
    if (typeof segment === 'number') out += `[${segment}]`;
    else out += out === '' ? segment : `.${segment}`;
  }
  return out;
}

/** The longest message printed: the longest real one (a list of a model's prices) is under 1000. */
const MESSAGE_LIMIT = 2000;

/**
 * One line, whatever the file name, path and message hold: control characters escaped, cut to
 * a readable length, and never a GitHub Actions workflow command (see safe-text.ts).
 */
export function formatDiagnostic(d: Diagnostic): string {
  let where = d.file === undefined ? '' : clipped(d.file, QUOTE_LIMIT * 4);
  if (d.file !== undefined && d.line !== undefined) {
    where += `:${d.line}`;
    if (d.col !== undefined) where += `:${d.col}`;
  }
  const path = d.path && d.path.length > 0 ? clipped(formatPath(d.path), QUOTE_LIMIT * 4) : '';
  const prefix = [where, path].filter((s) => s !== '').join(' ');
  const message = clipped(d.message, MESSAGE_LIMIT);
  return withoutWorkflowCommands(visible(prefix === '' ? message : `${prefix}: ${message}`));
}
