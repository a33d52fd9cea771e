/**
 * Files read as chunks of bytes and lines of bytes, for logs of any size: a plain file in 1 MiB
 * chunks of one reused buffer, read in this thread (a read awaited from libuv's pool cost more than
 * the read); a gzipped one (known by its magic number, whatever its name) through zlib.
 */
import { createReadStream, readSync } from 'node:fs';
import { open } from 'node:fs/promises';
import { createGunzip } from 'node:zlib';
import { InputError } from '../model/diagnostic.js';

/** The longest line read: a Claude Code line with a long tool result runs to a few MB. */
export const MAX_LINE_BYTES = 64 * 1024 * 1024;

const CHUNK_BYTES = 1024 * 1024;

/**
 * The file's bytes in chunks, unzipped when they start with gzip's magic number (whatever the
 * name says). A plain file is read into one buffer, reused: a stream would allocate every chunk.
 */
export async function* chunksOf(file: string, shown: string): AsyncIterable<Buffer> {
  const handle = await open(file, 'r').catch((error: NodeJS.ErrnoException) => {
    throw new InputError([{ file: shown, message: `cannot read: ${error.code ?? error.message}` }]);
  });
  try {
    const buffer = Buffer.allocUnsafe(CHUNK_BYTES);
    const { bytesRead } = await handle.read(buffer, 0, CHUNK_BYTES, 0);
    if (bytesRead >= 2 && buffer[0] === 0x1f && buffer[1] === 0x8b) {
      const gunzip = createGunzip();
      const stream = createReadStream(file, { highWaterMark: CHUNK_BYTES });
      stream.on('error', (error) => gunzip.destroy(error));
      yield* stream.pipe(gunzip) as AsyncIterable<Buffer>;
      return;
    }
    // read in this thread: a read handed to libuv's pool and awaited costs more than it takes
    let read = bytesRead;
    let position = 0;
    while (read > 0) {
      yield buffer.subarray(0, read);
      position += read;
      read = readSync(handle.fd, buffer, 0, CHUNK_BYTES, position);
    }
  } finally {
    await handle.close();
  }
}

export function streamProblem(shown: string, error: unknown): InputError {
  const code = (error as NodeJS.ErrnoException).code;
  const why = code === 'Z_DATA_ERROR' || code === 'Z_BUF_ERROR' ? 'it is not valid gzip (damaged or cut short)' : (error as Error).message;
  return new InputError([{ file: shown, message: `cannot read: ${why}` }]);
}

/**
 * Each line of a file as a range of bytes (its line break, and a CR before it, left out); a line
 * longer than MAX_LINE_BYTES is dropped and reported. Lines are handed over in the chunk they
 * were read into, which is reused: a handler copies what it keeps.
 */
export async function eachLine(chunks: AsyncIterable<Buffer>, onLine: (buf: Buffer, start: number, end: number) => void, onTooLong: () => void): Promise<void> {
  let pending: Buffer[] = [];
  let pendingBytes = 0;
  let tooLong = false;
  const line = (buf: Buffer, start: number, end: number) => onLine(buf, start, end > start && buf[end - 1] === 13 ? end - 1 : end);
  for await (const chunk of chunks) {
    let start = 0;
    for (;;) {
      const end = chunk.indexOf(10, start);
      if (end === -1) break;
      if (tooLong) {
        tooLong = false;
        onTooLong();
      } else if (pendingBytes + end - start > MAX_LINE_BYTES) onTooLong();
      else if (pending.length === 0) line(chunk, start, end);
      else {
        const whole = Buffer.concat([...pending, chunk.subarray(start, end)]);
        line(whole, 0, whole.length);
      }
      pending = [];
      pendingBytes = 0;
      start = end + 1;
    }
    if (start === chunk.length || tooLong) continue;
    if (pendingBytes + chunk.length - start > MAX_LINE_BYTES) {
      tooLong = true;
      pending = [];
      pendingBytes = 0;
    } else {
      pending.push(Buffer.from(chunk.subarray(start)));
      pendingBytes += chunk.length - start;
    }
  }
  if (tooLong) onTooLong();
  else if (pendingBytes > 0) {
    const whole = Buffer.concat(pending);
    line(whole, 0, whole.length);
  }
}
