/** Where a command's report goes: stdout, or a file written whole (`--out`), coloured only on a terminal. */
import path from 'node:path';
import { writeFileAtomic } from '../io/atomic-write.js';
import { displayPath } from '../io/read-text.js';
import type { Format, Renderer } from '../report/renderer.js';
import { colorEnabled } from '../report/style.js';
import type { CliIo } from './cli-io.js';

export interface OutputOptions<F extends string = Format> {
  format: F;
  out?: string;
  color: boolean;
  lineItems?: boolean;
  bom?: boolean;
}

export async function emit<R>(renderer: Renderer<R>, report: R, options: OutputOptions<string>, io: CliIo): Promise<void> {
  const toFile = options.out !== undefined;
  const color = !toFile && options.format === 'table' && colorEnabled({ flag: options.color, env: io.env, isTTY: io.stdout.isTTY === true });
  const text = renderer(report, { color, lineItems: options.lineItems === true, bom: options.bom === true });
  if (options.out === undefined) io.stdout.write(text);
  else await writeFileAtomic(path.resolve(io.cwd, options.out), text, displayPath(options.out, io.cwd));
}
