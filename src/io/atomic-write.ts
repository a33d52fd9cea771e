/**
 * Writes a report to the file `--out` names, whole or not at all, and without harming what is
 * already there:
 *
 *   a regular file (or none)  the content goes to a temporary file beside it, is flushed to disk,
 *                             takes the old file's mode (and, as root, its owner), then is renamed
 *                             over it: a run killed midway leaves the old file, never half a report
 *   a symbolic link           is followed: the file it points to is replaced, the link stays
 *   a terminal, /dev/null, a named pipe
 *                             is written through, as a shell's `>` would; renaming over a device
 *                             node would replace it with a regular file
 *   anything else             is refused: a directory, a block device, a socket, a read-only
 *                             file, and any file this run reads (its scenario, catalog, baseline)
 *
 * Interrupted (Ctrl-C, a cancelled CI job: SIGINT, SIGTERM), it removes its temporary file; only
 * SIGKILL, which no process can catch, can leave that behind, hidden (`.report.csv.1a2b3c.tmp`)
 * and never under the target's name.
 */
import { randomBytes } from 'node:crypto';
import { constants, rmSync, type Stats } from 'node:fs';
import { access, chmod, chown, lstat, mkdir, open, readlink, rename, rm, stat, type FileHandle } from 'node:fs/promises';
import path from 'node:path';
import { OutputError } from './output-error.js';
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

/**
 * Writes `content` to `file`. `inputs` are the files this run read: writing over one of them
 * would destroy what the report was made from.
 */
export async function writeFileAtomic(file: string, content: string | Iterable<string>, shownAs = file, inputs: readonly string[] = []): Promise<void> {
  const refuse = (reason: string) => new InputError([{ file: shownAs, message: `cannot write: ${reason}` }]);
  try {
    const target = await targetOf(file, inputs);
    if ('refused' in target) throw refuse(target.refused);
    if (target.stream) await writeThrough(file, content);
    else await replace(target.path, target.existing, content);
  } catch (error) {
    if (error instanceof InputError) throw error;
    const code = (error as NodeJS.ErrnoException).code ?? '';
    const mistake = USER_MISTAKES[code];
    if (mistake !== undefined) throw refuse(mistake);
    const failure = WRITE_FAILURES[code];
    if (failure !== undefined) throw new OutputError(`cannot write ${shownAs}: ${failure}`);
    throw error;
  }
}

/**
 * Makes the directory a command writes several files into, if it is not there: its parent must
 * be (no tree of directories is made for a mistyped path), and a file of that name is refused.
 */
export async function ensureDirectory(dir: string, shownAs = dir): Promise<void> {
  const refuse = (reason: string) => new InputError([{ file: shownAs, message: `cannot write into it: ${reason}` }]);
  const existing = await stat(dir).catch(() => undefined); // through a link to a directory too
  if (existing?.isDirectory()) return;
  if (existing !== undefined) throw refuse('it is a file, not a directory');
  try {
    await mkdir(dir);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? '';
    if (code === 'EEXIST') return ensureDirectory(dir, shownAs);
    const mistake = USER_MISTAKES[code];
    if (mistake !== undefined) throw refuse(code === 'ENOENT' ? 'its parent directory does not exist' : mistake);
    const failure = WRITE_FAILURES[code];
    if (failure !== undefined) throw new OutputError(`cannot make ${shownAs}: ${failure}`);
    throw error;
  }
}

type Target = { path: string; existing: Stats | undefined; stream: boolean } | { refused: string };

async function targetOf(file: string, inputs: readonly string[]): Promise<Target> {
  const existing = await statIfAny(file);
  if (existing === undefined) return { path: await linkTarget(file), existing: undefined, stream: false };
  const kind = refusedKind(existing);
  if (kind !== undefined) return { refused: kind };
  for (const input of inputs) {
    const read = await statIfAny(input);
    if (read !== undefined && read.dev === existing.dev && read.ino === existing.ino) {
      return { refused: `it is an input of this run (${input === file ? 'the same path' : path.basename(input)}), and the report would replace it` };
    }
  }
  if (existing.isCharacterDevice() || existing.isFIFO()) return { path: file, existing, stream: true };
  if ((existing.mode & 0o222) === 0) return { refused: `it is read-only (mode ${(existing.mode & 0o777).toString(8).padStart(4, '0')}); make it writable, or write elsewhere` };
  await access(file, constants.W_OK);
  return { path: await linkTarget(file), existing, stream: false };
}

function refusedKind(stats: Stats): string | undefined {
  if (stats.isDirectory()) return 'it is a directory';
  if (stats.isBlockDevice()) return 'it is a block device; reports go to files, terminals or pipes';
  if (stats.isSocket()) return 'it is a socket; reports go to files, terminals or pipes';
  return undefined;
}

/** The file a path ends at once symbolic links are followed, whether or not that file exists yet. */
async function linkTarget(file: string): Promise<string> {
  let current = path.resolve(file);
  for (let hop = 0; hop < 40; hop++) {
    const link = await lstat(current).catch(() => undefined);
    if (link === undefined || !link.isSymbolicLink()) return current;
    current = path.resolve(path.dirname(current), await readlink(current));
  }
  throw Object.assign(new Error('too many symbolic links'), { code: 'ELOOP' });
}

async function statIfAny(file: string): Promise<Stats | undefined> {
  try {
    return await stat(file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

/** A terminal, /dev/null or a pipe: written in place, as `>` would. */
async function writeThrough(file: string, content: string | Iterable<string>): Promise<void> {
  const handle = await open(file, 'w');
  try {
    await writePieces(handle, content);
  } finally {
    await handle.close();
  }
}

/** The content, whole or piece by piece (a report of every line item is never one string). */
async function writePieces(handle: FileHandle, content: string | Iterable<string>): Promise<void> {
  for (const piece of typeof content === 'string' ? [content] : content) await handle.writeFile(piece, 'utf8');
}

async function replace(file: string, existing: Stats | undefined, content: string | Iterable<string>): Promise<void> {
  const temporary = path.join(path.dirname(file), `.${path.basename(file)}.${randomBytes(6).toString('hex')}.tmp`);
  track(temporary);
  try {
    const handle = await open(temporary, 'wx');
    try {
      await writePieces(handle, content);
      await handle.sync();
    } finally {
      await handle.close();
    }
    if (existing !== undefined) await keepOwnership(temporary, existing);
    await rename(temporary, file);
  } catch (error) {
    await rm(temporary, { force: true }).catch(() => undefined);
    throw error;
  } finally {
    untrack(temporary);
  }
}

/** The new file keeps the old one's permissions, and as root its owner: replacing is not re-creating. */
async function keepOwnership(file: string, existing: Stats): Promise<void> {
  await chmod(file, existing.mode & 0o7777);
  if (process.getuid?.() === 0 && (existing.uid !== 0 || existing.gid !== 0)) await chown(file, existing.uid, existing.gid);
}

/** Write failures that are a path's fault: the user can fix them (exit 2). */
const USER_MISTAKES: Record<string, string> = {
  ENOENT: 'its directory does not exist',
  ENOTDIR: 'a part of the path is a file, not a directory',
  EISDIR: 'it is a directory',
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  EROFS: 'the file system is read-only',
  ELOOP: 'too many symbolic links',
  ENAMETOOLONG: 'the name is too long',
  ENXIO: 'no process is reading that pipe or device',
};

/** Write failures of the machine, not the input (exit 3). */
export const WRITE_FAILURES: Record<string, string> = {
  ENOSPC: 'no space left on the device',
  EDQUOT: 'disk quota exceeded',
  EIO: 'an input/output error',
  EFBIG: 'the file is too large for the file system',
  EPIPE: 'the reader has gone',
};
