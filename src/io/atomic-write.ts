/**
 * Writes a whole file or nothing: the content goes to a temporary file beside the target, is
 * flushed to disk, then renamed over it. A run killed midway leaves the old file (or none),
 * never half a report. Interrupted (Ctrl-C, a cancelled CI job: SIGINT, SIGTERM), it also
 * removes its temporary file; only SIGKILL, which no process can catch, can leave that behind,
 * hidden (`.report.csv.1a2b3c.tmp`) and never under the target's name.
 */
import { randomBytes } from 'node:crypto';
import { rmSync } from 'node:fs';
import { open, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import { InputError } from '../model/diagnostic.js';

const pending = new Set<string>();
const SIGNALS = { SIGINT: 130, SIGTERM: 143 } as const;

function interrupted(signal: keyof typeof SIGNALS): void {
  for (const file of pending) rmSync(file, { force: true });
  process.exit(SIGNALS[signal]);
}

function track(temporary: string): void {
  if (pending.size === 0) for (const signal of Object.keys(SIGNALS) as (keyof typeof SIGNALS)[]) process.on(signal, interrupted);
  pending.add(temporary);
}

function untrack(temporary: string): void {
  pending.delete(temporary);
  if (pending.size === 0) for (const signal of Object.keys(SIGNALS) as (keyof typeof SIGNALS)[]) process.off(signal, interrupted);
}

export async function writeFileAtomic(file: string, content: string, shownAs = file): Promise<void> {
  const temporary = path.join(path.dirname(file), `.${path.basename(file)}.${randomBytes(6).toString('hex')}.tmp`);
  track(temporary);
  try {
    const handle = await open(temporary, 'wx');
    try {
      await handle.writeFile(content, 'utf8');
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temporary, file);
  } catch (error) {
    await rm(temporary, { force: true }).catch(() => undefined);
    const reason = WRITE_FAILURES[(error as NodeJS.ErrnoException).code ?? ''];
    if (reason !== undefined) throw new InputError([{ file: shownAs, message: `cannot write: ${reason}` }]);
    throw error;
  } finally {
    untrack(temporary);
  }
}

const WRITE_FAILURES: Record<string, string> = {
  ENOENT: 'its directory does not exist',
  ENOTDIR: 'a part of the path is a file, not a directory',
  EISDIR: 'is a directory',
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  EROFS: 'the file system is read-only',
  ENOSPC: 'no space left on the device',
  EDQUOT: 'disk quota exceeded',
};
