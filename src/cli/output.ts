/** Where a command's report goes: stdout, or a file written whole (`--out`), coloured only on a terminal. */
import path from 'node:path';
import { WRITE_FAILURES, writeFileAtomic } from '../io/atomic-write.js';
import { OutputError } from '../io/output-error.js';
import { displayPath } from '../io/read-text.js';
import { withoutWorkflowCommands } from '../model/safe-text.js';
import type { Format, Renderer } from '../report/renderer.js';
import { colorEnabled } from '../report/style.js';
import type { CliIo } from './cli-io.js';

export interface OutputOptions<F extends string = Format> {
  format: F;
  out?: string;
  color: boolean;
  lineItems?: boolean;
  bom?: boolean;
  /** false with --no-chart. */
  chart?: boolean;
}

/** Formats people read in CI logs; the others are data, escaped by their own rules. */
const FOR_PEOPLE = new Set(['table', 'markdown']);

/**
 * Renders the report and writes it. `inputs` are the files the report was made from, which
 * `--out` must not overwrite.
 */
export async function emit<R>(renderer: Renderer<R>, report: R, options: OutputOptions<string>, io: CliIo, inputs: readonly string[] = []): Promise<void> {
  const toFile = options.out !== undefined;
  const color = !toFile && options.format === 'table' && colorEnabled({ flag: options.color, env: io.env, isTTY: io.stdout.isTTY === true });
  // charts are for people at a terminal: piped or saved output stays plain
  const charts = !toFile && options.format === 'table' && io.stdout.isTTY === true && options.chart !== false;
  const rendered = renderer(report, { color, lineItems: options.lineItems === true, bom: options.bom === true, charts });
  // text for people may begin a line with a name; CI runners read `::` at a line's start as a command
  const text = typeof rendered === 'string' && FOR_PEOPLE.has(options.format) ? withoutWorkflowCommands(rendered) : rendered;
  if (options.out === undefined) {
    for (const piece of typeof text === 'string' ? [text] : text) if (!(await writeStdout(io, piece))) return;
  } else {
    await writeFileAtomic(path.resolve(io.cwd, options.out), text, displayPath(options.out, io.cwd), inputs);
  }
}

/**
 * Writes to standard output and waits until it is written: true, or false when the reader has
 * stopped reading (`cloudtco … | head -1`: EPIPE), which ends the output quietly while the
 * command's own exit code stands. Any other failure (a full disk) is an OutputError.
 */
export function writeStdout(io: CliIo, text: string): Promise<boolean> {
  return new Promise((resolve, reject) => {
    const done = (error?: Error | null) => {
      const code = (error as NodeJS.ErrnoException | null | undefined)?.code;
      if (error === undefined || error === null) resolve(true);
      else if (code === 'EPIPE') resolve(false);
      else reject(new OutputError(`cannot write to standard output: ${WRITE_FAILURES[code ?? ''] ?? code ?? error.message}`));
    };
    try {
      io.stdout.write(text, done);
    } catch (error) {
      done(error as Error);
    }
  });
}
