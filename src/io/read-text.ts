import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { InputError } from '../model/diagnostic.js';

const REASONS: Record<string, string> = {
  ENOENT: 'no such file',
  EACCES: 'permission denied',
  EISDIR: 'is a directory, expected a file',
  ENOTDIR: 'a part of the path is a file, not a directory',
};

/** A UTF-8 text file; a file that cannot be read is bad input, reported at its name. */
export async function readText(file: string, shownAs: string): Promise<string> {
  try {
    return await readFile(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? '';
    throw new InputError([{ file: shownAs, message: `cannot read: ${REASONS[code] ?? code}` }]);
  }
}

/** How a path is shown: relative to the working directory when inside it, else absolute. */
export function displayPath(file: string, cwd: string): string {
  const absolute = path.resolve(cwd, file);
  const relative = path.relative(cwd, absolute);
  return relative !== '' && !relative.startsWith('..') && !path.isAbsolute(relative) ? relative : absolute;
}
