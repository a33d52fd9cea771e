/**
 * Byte-level mutations any text input suffers on its way to a CLI: an editor's BOM or CRLF
 * line ends, a UTF-16 export, a truncated download, binary junk, invalid UTF-8, control
 * characters, a line twice (a duplicate key, a repeated row), very long lines, an empty file.
 * They work on bytes, not strings, so invalid UTF-8 reaches the file as it would from disk.
 */
import type { Random } from './random.js';

export type TextMutation = (bytes: Buffer, random: Random) => { bytes: Buffer; note: string };

const text = (bytes: Buffer) => bytes.toString('latin1');
const bytesOf = (latin1: string) => Buffer.from(latin1, 'latin1');

/** Offsets of the starts of lines. */
function lineStarts(bytes: Buffer): number[] {
  const starts = [0];
  bytes.forEach((b, i) => {
    if (b === 0x0a && i + 1 < bytes.length) starts.push(i + 1);
  });
  return starts;
}

/** Splits into lines keeping their ends, so joining gives the input back. */
function lines(bytes: Buffer): string[] {
  return text(bytes).split(/(?<=\n)/);
}

/** A random offset, preferring the value part of a line (after `: ` or `,`) where input is read. */
function offsetInValue(bytes: Buffer, random: Random): number {
  const starts = lineStarts(bytes);
  const start = random.pick(starts);
  const line = text(bytes.subarray(start, bytes.indexOf(0x0a, start) < 0 ? bytes.length : bytes.indexOf(0x0a, start)));
  const colon = line.search(/: |,/);
  return start + (colon >= 0 ? colon + 2 + random.int(Math.max(1, line.length - colon - 2)) : random.int(line.length + 1));
}

const insertAt = (bytes: Buffer, at: number, inserted: Buffer) => Buffer.concat([bytes.subarray(0, at), inserted, bytes.subarray(at)]);

const INVALID_UTF8: readonly number[][] = [[0xff], [0xfe, 0xff], [0xc3, 0x28], [0xe2, 0x82], [0xed, 0xa0, 0x80], [0xc0, 0xaf], [0xf8, 0x88, 0x80, 0x80, 0x80], [0x80], [0xf4, 0x90, 0x80, 0x80]];
const CONTROLS = ['\x1b[31m', '\x1b]0;x\x07', '\x07', '\r', '\x00', '\x0b', '\x0c', '\x7f', '\x08', '\x1b', '\n::warning::INJECTED\n', '\xc2\x9b31m', '\xe2\x80\xa8', '\xe2\x80\xae'];

export const addBom: TextMutation = (bytes) => ({ bytes: Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), bytes]), note: 'UTF-8 BOM' });
export const crlf: TextMutation = (bytes) => ({ bytes: bytesOf(text(bytes).replace(/\r?\n/g, '\r\n')), note: 'CRLF line ends' });
export const loneCr: TextMutation = (bytes) => ({ bytes: bytesOf(text(bytes).replace(/\r?\n/g, '\r')), note: 'CR line ends (classic Mac)' });

export const utf16: TextMutation = (bytes, random) => {
  const le = random.chance(0.5);
  const body = Buffer.from(bytes.toString('utf8'), 'utf16le');
  if (!le) body.swap16();
  return { bytes: Buffer.concat([Buffer.from(le ? [0xff, 0xfe] : [0xfe, 0xff]), body]), note: `UTF-16${le ? 'LE' : 'BE'} with BOM` };
};

export const truncate: TextMutation = (bytes, random) => {
  const at = random.int(bytes.length + 1);
  return { bytes: bytes.subarray(0, at), note: `truncated at byte ${at} of ${bytes.length}` };
};

export const binaryJunk: TextMutation = (bytes, random) => {
  const junk = Buffer.from(Array.from({ length: random.between(1, 64) }, () => random.int(256)));
  const at = random.int(bytes.length + 1);
  return { bytes: insertAt(bytes, at, junk), note: `${junk.length} random bytes at byte ${at}` };
};

export const invalidUtf8: TextMutation = (bytes, random) => {
  const seq = random.pick(INVALID_UTF8);
  const at = offsetInValue(bytes, random);
  return { bytes: insertAt(bytes, at, Buffer.from(seq)), note: `invalid UTF-8 ${seq.map((b) => b.toString(16)).join(' ')} at byte ${at}` };
};

export const controlChars: TextMutation = (bytes, random) => {
  const seq = random.pick(CONTROLS);
  const at = offsetInValue(bytes, random);
  return { bytes: insertAt(bytes, at, bytesOf(seq)), note: `control characters ${JSON.stringify(seq)} at byte ${at}` };
};

export const duplicateLine: TextMutation = (bytes, random) => {
  const all = lines(bytes);
  const i = random.int(all.length);
  const copies = random.chance(0.8) ? 1 : 3;
  all.splice(i + 1, 0, ...Array.from({ length: copies }, () => (all[i]!.endsWith('\n') ? all[i]! : `\n${all[i]!}`)));
  return { bytes: bytesOf(all.join('')), note: `line ${i + 1} repeated ${copies} time${copies === 1 ? '' : 's'}` };
};

export const deleteLine: TextMutation = (bytes, random) => {
  const all = lines(bytes);
  const i = random.int(all.length);
  all.splice(i, 1);
  return { bytes: bytesOf(all.join('')), note: `line ${i + 1} deleted` };
};

export const swapLines: TextMutation = (bytes, random) => {
  const all = lines(bytes);
  const [i, j] = [random.int(all.length), random.int(all.length)];
  [all[i], all[j]] = [all[j]!, all[i]!];
  return { bytes: bytesOf(all.join('')), note: `lines ${i + 1} and ${j + 1} swapped` };
};

export const longLine: TextMutation = (bytes, random) => {
  const length = random.pick([10_000, 100_000]);
  const at = offsetInValue(bytes, random);
  return { bytes: insertAt(bytes, at, Buffer.alloc(length, random.pick(['x', '9', ' ', ',', '"']))), note: `${length} characters inserted at byte ${at}` };
};

export const emptyContent: TextMutation = (_, random) => {
  const content = random.pick(['', ' ', '\n', '\n\n\n', '\ufeff', '\r\n', '# only a comment\n', '---\n', '...\n', '\x00']);
  return { bytes: Buffer.from(content, 'utf8'), note: `the whole file is ${JSON.stringify(content)}` };
};

export const repeatAll: TextMutation = (bytes) => ({ bytes: Buffer.concat([bytes, bytes]), note: 'the whole file twice' });

export const GENERIC_TEXT_MUTATIONS: readonly (readonly [number, TextMutation])[] = [
  [3, addBom],
  [3, crlf],
  [1, loneCr],
  [1, utf16],
  [3, truncate],
  [2, binaryJunk],
  [3, invalidUtf8],
  [4, controlChars],
  [3, duplicateLine],
  [2, deleteLine],
  [1, swapLines],
  [2, longLine],
  [1, emptyContent],
  [1, repeatAll],
];

/** Applies `count` text mutations drawn by weight. */
export function mutateText(bytes: Buffer, random: Random, count: number, mutations: readonly (readonly [number, TextMutation])[], notes: string[]): Buffer {
  let out = bytes;
  for (let i = 0; i < count; i++) {
    const result = random.weighted(mutations)(out, random);
    out = result.bytes;
    notes.push(result.note);
  }
  return out;
}
