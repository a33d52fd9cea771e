import { open } from 'node:fs/promises';
import path from 'node:path';
import { InputError } from '../model/diagnostic.js';
import { bytesText, LIMITS } from '../model/limits.js';

const REASONS: Record<string, string> = {
  ENOENT: 'no such file',
  EACCES: 'permission denied',
  EISDIR: 'is a directory, expected a file',
  ENOTDIR: 'a part of the path is a file, not a directory',
};

/**
 * A UTF-8 text file of at most `limit` bytes; a file that cannot be read, or is larger (also
 * `/dev/zero`, or a pipe that never ends), is bad input, reported at its name.
 */
export async function readText(file: string, shownAs: string, limit: number = LIMITS.documentBytes): Promise<string> {
  const cannotRead = (reason: string) => new InputError([{ file: shownAs, message: `cannot read: ${reason}` }]);
  let handle;
  try {
    handle = await open(file, 'r');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? '';
    throw cannotRead(REASONS[code] ?? code);
  }
  try {
    const chunks: Buffer[] = [];
    let size = 0;
    // read by chunks rather than trust stat: a device or a pipe has no size to trust
    for (;;) {
      const { bytesRead, buffer } = await handle.read({ buffer: Buffer.alloc(Math.min(1024 * 1024, limit + 1 - size)) });
      if (bytesRead === 0) break;
      chunks.push(buffer.subarray(0, bytesRead));
      size += bytesRead;
      if (size > limit) throw new InputError([{ file: shownAs, message: `is larger than ${bytesText(limit)}, the most cloudtco reads from one file (docs/reliability.md)` }]);
    }
    const bytes = Buffer.concat(chunks);
    // no UTF-8 text holds a NUL byte: UTF-16 (what some editors save) and binary files do
    if (bytes.includes(0)) throw new InputError([{ file: shownAs, message: 'cannot read: it holds NUL bytes, so it is binary or UTF-16 text; cloudtco reads UTF-8 text' }]);
    return bytes.toString('utf8');
  } catch (error) {
    if (error instanceof InputError) throw error;
    const code = (error as NodeJS.ErrnoException).code ?? '';
    throw cannotRead(REASONS[code] ?? code);
  } finally {
    await handle.close();
  }
}

/** How a path is shown: relative to the working directory when inside it, else absolute. */
export function displayPath(file: string, cwd: string): string {
  const absolute = path.resolve(cwd, file);
  const relative = path.relative(cwd, absolute);
  return relative !== '' && !relative.startsWith('..') && !path.isAbsolute(relative) ? relative : absolute;
}
