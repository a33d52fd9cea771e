/**
 * Reads what a request costs from a line of a Claude Code session log without parsing the line.
 * An answer's line is mostly its content (text, tool calls, a few KB); the figures sit at its
 * two ends, in the layout Claude Code writes with JSON.stringify:
 *
 *   {"parentUuid":…,"sessionId":…,"message":{"model":"claude-…","id":"msg_…",…,"content":[ … ],
 *    "stop_reason":…,"stop_sequence":…,"usage":{"input_tokens":3,…}},"requestId":"req_…",
 *    "type":"assistant","uuid":…,"timestamp":"2026-…Z"}
 *
 * The top-level keys are read forward up to `message`, and the message's own up to its content;
 * then backward from the line's end: the top-level keys after the message, the message's `usage`
 * (its last key) and the keys before it back to the content. The content is stepped over
 * string by string (one indexOf each), never decoded, and must close exactly where the keys
 * read backward begin: so the usage read is the message's own. A line is a request when its
 * top-level type is "assistant" and its message has usage; a user's line (its type before the
 * message) is not. Anything else — whitespace, an escaped key, an object where a plain value was
 * expected, a layout this does not know — is `parse`: the caller parses the line whole, so the
 * answer is always JSON.parse's. (A line repeating the top-level key "type" is read by its first
 * here; JSON.stringify never repeats a key.)
 *
 * Strings can be stepped over backward as well as forward: a quote preceded by an even number of
 * backslashes is a string's delimiter whichever way one reads.
 */

import { daysInMonthOf, utcMs } from '../model/timestamp.js';

export type ClaudeCodeLine =
  | {
      kind: 'request';
      /** ms since 1970 when the timestamp is in JSON's own form (2026-07-14T09:12:33.417Z), else its text. */
      time: number | string;
      model: string;
      id: string | undefined;
      input: number;
      cached: number | undefined;
      written: number | undefined;
      written1h: number | undefined;
      output: number;
    }
  | { kind: 'other' }
  | { kind: 'parse' };

const QUOTE = 34;
const BACKSLASH = 92;
const COLON = 58;
const COMMA = 44;
const OPEN_BRACE = 123;
const CLOSE_BRACE = 125;
const OPEN_BRACKET = 91;
const CLOSE_BRACKET = 93;

const PARSE: ClaudeCodeLine = { kind: 'parse' };
const OTHER: ClaudeCodeLine = { kind: 'other' };

/** The keys read, each a number; every other key is 0 (UNKNOWN). */
const KEYS = ['type', 'message', 'content', 'model', 'id', 'requestId', 'timestamp', 'stop_reason', 'usage', 'input_tokens', 'cache_read_input_tokens', 'cache_creation_input_tokens', 'cache_creation', 'ephemeral_1h_input_tokens', 'output_tokens'] as const;
const UNKNOWN = 0;
const [TYPE, MESSAGE, CONTENT, MODEL, ID, REQUEST_ID, TIMESTAMP, STOP_REASON, USAGE, INPUT, CACHE_READ, CACHE_CREATION, CACHE_CREATION_OBJECT, EPHEMERAL_1H, OUTPUT] = KEYS.map((_, i) => i + 1) as number[] as [number, number, number, number, number, number, number, number, number, number, number, number, number, number, number];
const KEY_BYTES = KEYS.map((k) => Buffer.from(k, 'latin1'));
const ESCAPED = -1;
/** `,"usage":{`, the usage key as Claude Code writes it. */
const USAGE_KEY = Buffer.from(',"usage":{', 'latin1');

/** KEYS by length: a key of another length is no key read, found without comparing a byte. */
const KEYS_BY_LENGTH: number[][] = [];
KEY_BYTES.forEach((name, k) => (KEYS_BY_LENGTH[name.length] ??= []).push(k));

/** Which of KEYS the key between quotes `open` and `close` is; UNKNOWN, or ESCAPED when it holds a backslash. */
function keyOf(buf: Buffer, open: number, close: number): number {
  const length = close - open - 1;
  const candidates = KEYS_BY_LENGTH[length];
  if (candidates !== undefined) {
    for (const k of candidates) {
      const name = KEY_BYTES[k]!;
      let i = 0;
      while (i < length && buf[open + 1 + i] === name[i]) i++;
      if (i === length) return k + 1;
    }
  }
  return hasEscape(buf, open, close) ? ESCAPED : UNKNOWN;
}

/**
 * The next quote at or after `from`, before `end`, or −1: keys and short values end within a few
 * bytes, found by a loop here; a long text by indexOf, whose call costs more than a short loop.
 */
function nextQuote(buf: Buffer, from: number, end: number): number {
  const near = Math.min(from + 24, end);
  for (let i = from; i < near; i++) if (buf[i] === QUOTE) return i;
  if (near === end) return -1;
  const quote = buf.indexOf(QUOTE, near);
  return quote >= end ? -1 : quote;
}

/** The previous quote at or before `from`, not before `start`, or −1. */
function previousQuote(buf: Buffer, from: number, start: number): number {
  const near = Math.max(from - 24, start);
  for (let i = from; i >= near; i--) if (buf[i] === QUOTE) return i;
  if (near === start) return -1;
  const quote = buf.lastIndexOf(QUOTE, near - 1);
  return quote < start ? -1 : quote;
}

/** The position of the quote closing a string whose content starts at `from`, or −1. */
function closingQuote(buf: Buffer, from: number, end: number): number {
  let at = from;
  for (;;) {
    const quote = nextQuote(buf, at, end);
    if (quote === -1 || quote >= end) return -1;
    let slashes = 0;
    while (quote - 1 - slashes >= from && buf[quote - 1 - slashes] === BACKSLASH) slashes++;
    if ((slashes & 1) === 0) return quote;
    at = quote + 1;
  }
}

/** The position of the quote opening a string whose closing quote is at `close`, or −1. */
function openingQuote(buf: Buffer, close: number, start: number): number {
  let at = close - 1;
  for (;;) {
    if (at < start) return -1;
    const quote = previousQuote(buf, at, start);
    if (quote === -1 || quote < start) return -1;
    let slashes = 0;
    while (quote - 1 - slashes >= start && buf[quote - 1 - slashes] === BACKSLASH) slashes++;
    if ((slashes & 1) === 0) return quote;
    at = quote - 1;
  }
}

/** Where a number, true, false or null starting at `from` ends. */
function plainEnd(buf: Buffer, from: number, end: number): number {
  let i = from;
  while (i < end) {
    const c = buf[i];
    if (c === COMMA || c === CLOSE_BRACE || c === CLOSE_BRACKET) break;
    i++;
  }
  return i;
}

/** Where the object or array opening at `open` closes, or −1. */
function closingBracket(buf: Buffer, open: number, end: number): number {
  let depth = 0;
  for (let i = open; i < end; i++) {
    const c = buf[i];
    if (c === QUOTE) {
      i = closingQuote(buf, i + 1, end);
      if (i === -1) return -1;
    } else if (c === OPEN_BRACE || c === OPEN_BRACKET) depth++;
    else if (c === CLOSE_BRACE || c === CLOSE_BRACKET) {
      depth--;
      if (depth === 0) return i;
    }
  }
  return -1;
}

/**
 * Plain values of the KEYS read in one object, by key number: value k spans [v[2k], v[2k + 1])
 * (a string's with its quotes), v[2k] = −1 when not read. Five are reused for every line.
 */
type Values = Int32Array;
const SLOTS = 2 * (KEYS.length + 1);
const ALL_VALUES = new Int32Array(5 * SLOTS);
const [HEAD, MESSAGE_HEAD, TAIL, MESSAGE_TAIL, USAGE_VALUES] = Array.from({ length: 5 }, (_, i) => ALL_VALUES.subarray(i * SLOTS, (i + 1) * SLOTS)) as [Values, Values, Values, Values, Values];

const isSet = (v: Values, k: number) => v[2 * k] !== -1;

/** Keeps a value; false when the key was read already (JSON.parse keeps the last of a repeated key: parse the line). */
function keep(v: Values, k: number, from: number, to: number): boolean {
  if (v[2 * k] !== -1) return false;
  v[2 * k] = from;
  v[2 * k + 1] = to;
  return true;
}

/**
 * An object's pairs read forward from `from` (after its `{`): plain values kept by key number,
 * until a key whose value is an object or array; that key and where its value starts. A key met
 * twice, an escaped key or anything unexpected gives undefined.
 */
function forwardPairs(buf: Buffer, from: number, end: number, values: Values): { key: number; at: number } | undefined {
  let i = from;
  for (;;) {
    if (buf[i] !== QUOTE) return undefined;
    const close = closingQuote(buf, i + 1, end);
    if (close === -1 || buf[close + 1] !== COLON) return undefined;
    const key = keyOf(buf, i, close);
    if (key === ESCAPED) return undefined;
    const at = close + 2;
    const first = buf[at];
    if (first === OPEN_BRACE || first === OPEN_BRACKET) return { key, at };
    let to: number;
    if (first === QUOTE) {
      const valueClose = closingQuote(buf, at + 1, end);
      if (valueClose === -1) return undefined;
      to = valueClose + 1;
    } else to = plainEnd(buf, at, end);
    if (key !== UNKNOWN && !keep(values, key, at, to)) return undefined;
    if (buf[to] !== COMMA) return undefined;
    i = to + 1;
  }
}

/**
 * An object's pairs read backward from `last` (its `}`, or the `,` after a pair): plain values
 * kept by key number, until a pair whose value is an object or array; where that value ends.
 */
function backwardPairs(buf: Buffer, last: number, start: number, values: Values): number | undefined {
  let i = last - 1;
  for (;;) {
    const c = buf[i];
    if (c === CLOSE_BRACE || c === CLOSE_BRACKET) return i;
    let from: number;
    if (c === QUOTE) {
      from = openingQuote(buf, i, start);
      if (from === -1) return undefined;
    } else {
      from = i;
      while (from > start && buf[from - 1] !== COLON) from--;
    }
    if (buf[from - 1] !== COLON || buf[from - 2] !== QUOTE) return undefined;
    const keyOpen = openingQuote(buf, from - 2, start);
    if (keyOpen === -1) return undefined;
    const key = keyOf(buf, keyOpen, from - 2);
    if (key === ESCAPED) return undefined;
    if (key !== UNKNOWN && !keep(values, key, from, i + 1)) return undefined;
    if (buf[keyOpen - 1] !== COMMA) return undefined;
    i = keyOpen - 2;
  }
}

/** The last model read, and its bytes: a log names a handful of models, line after line. */
let lastModel = { bytes: Buffer.alloc(0), text: '' };

/** Value k's text, the last one's when the bytes are the same. */
function modelOf(buf: Buffer, v: Values, k: number): string | undefined {
  const from = v[2 * k]!;
  const to = v[2 * k + 1]!;
  if (from === -1 || buf[from] !== QUOTE) return undefined;
  const known = lastModel.bytes;
  if (known.length === to - from) {
    let i = 0;
    while (i < known.length && buf[from + i] === known[i]) i++;
    if (i === known.length) return lastModel.text;
  }
  const text = stringOf(buf, v, k);
  if (text !== undefined) lastModel = { bytes: Buffer.from(buf.subarray(from, to)), text };
  return text;
}

const ID_BYTES = Buffer.alloc(4096);
const PLUS = 43;

/**
 * message.id + "+" + requestId, as the reader joins them, made as one flat string: the Set of ids
 * seen hashes it at once, where a joined (cons) string would be copied first. Undefined when
 * either is missing or empty.
 */
function idOf(buf: Buffer): string | undefined {
  const idFrom = MESSAGE_HEAD[2 * ID]!;
  const requestFrom = TAIL[2 * REQUEST_ID]!;
  if (idFrom === -1 || requestFrom === -1) return undefined;
  const idTo = MESSAGE_HEAD[2 * ID + 1]! - 1;
  const requestTo = TAIL[2 * REQUEST_ID + 1]! - 1;
  const idLength = idTo - idFrom - 1;
  const requestLength = requestTo - requestFrom - 1;
  if (idLength === 0 || requestLength === 0) return undefined;
  if (idLength + requestLength + 1 > ID_BYTES.length || hasEscape(buf, idFrom, idTo) || hasEscape(buf, requestFrom, requestTo)) {
    const id = stringOf(buf, MESSAGE_HEAD, ID)!;
    const requestId = stringOf(buf, TAIL, REQUEST_ID)!;
    return id && requestId ? `${id}+${requestId}` : undefined;
  }
  buf.copy(ID_BYTES, 0, idFrom + 1, idTo);
  ID_BYTES[idLength] = PLUS;
  buf.copy(ID_BYTES, idLength + 1, requestFrom + 1, requestTo);
  return ID_BYTES.toString('utf8', 0, idLength + 1 + requestLength);
}

/** Whether the string between quotes at `from` and `to` holds a backslash (an escape). */
function hasEscape(buf: Buffer, from: number, to: number): boolean {
  for (let i = from + 1; i < to; i++) if (buf[i] === BACKSLASH) return true;
  return false;
}

/** Whether value k is a string (else a number, true, false or null). */
const isText = (buf: Buffer, v: Values, k: number) => buf[v[2 * k]!] === QUOTE;

/** Value k's text, decoded as JSON would; undefined when it is not a string. */
function stringOf(buf: Buffer, v: Values, k: number): string | undefined {
  const from = v[2 * k]!;
  const to = v[2 * k + 1]!;
  if (from === -1 || buf[from] !== QUOTE) return undefined;
  return hasEscape(buf, from, to - 1) ? (JSON.parse(buf.toString('utf8', from, to)) as string) : buf.toString('utf8', from + 1, to - 1);
}

function isString(buf: Buffer, v: Values, k: number, text: string): boolean {
  const from = v[2 * k]!;
  if (from === -1 || v[2 * k + 1]! - from !== text.length + 2 || buf[from] !== QUOTE) return false;
  for (let i = 0; i < text.length; i++) if (buf[from + 1 + i] !== text.charCodeAt(i)) return false;
  return true;
}

const NOT_WHOLE = -1;

/** A whole number as JSON writes it (no sign, fraction or exponent, at most 16 digits), or NOT_WHOLE. */
function wholeOf(buf: Buffer, v: Values, k: number): number | undefined {
  const from = v[2 * k]!;
  if (from === -1) return undefined;
  const to = v[2 * k + 1]!;
  const length = to - from;
  if (length === 0 || length > 16 || (length > 1 && buf[from] === 48)) return NOT_WHOLE;
  let n = 0;
  for (let i = from; i < to; i++) {
    const digit = buf[i]! - 48;
    if (digit < 0 || digit > 9) return NOT_WHOLE;
    n = n * 10 + digit;
  }
  return n;
}

/** The figures of a usage object ({ at `open`, } at `close`): by key number, cache_creation's 1h part in EPHEMERAL_1H. */
function usageOf(buf: Buffer, open: number, close: number, values: Values): boolean {
  let i = open + 1;
  let nested = false;
  let seenCacheCreation = false;
  if (buf[i] === CLOSE_BRACE) return true;
  for (;;) {
    if (buf[i] !== QUOTE) return false;
    const keyClose = closingQuote(buf, i + 1, close);
    if (keyClose === -1 || buf[keyClose + 1] !== COLON) return false;
    const key = keyOf(buf, i, keyClose);
    if (key === ESCAPED) return false;
    const at = keyClose + 2;
    const first = buf[at];
    let next: number;
    if (first === OPEN_BRACE || first === OPEN_BRACKET) {
      if (!nested && key === CACHE_CREATION_OBJECT && first === OPEN_BRACE) {
        // a repeated cache_creation: JSON.parse keeps the last, so parse
        if (seenCacheCreation) return false;
        seenCacheCreation = true;
        nested = true;
        if (buf[at + 1] === CLOSE_BRACE) {
          nested = false;
          next = at + 2;
        } else {
          i = at + 1;
          continue;
        }
      } else {
        // another object (server_tool_use…): stepped over
        const end = closingBracket(buf, at, close);
        if (end === -1) return false;
        next = end + 1;
      }
    } else {
      next = first === QUOTE ? closingQuote(buf, at + 1, close) + 1 : plainEnd(buf, at, close);
      if (next === 0) return false;
      // a key of cache_creation counts only as its 1h part; the top level's as themselves
      const counted = nested ? (key === EPHEMERAL_1H ? key : UNKNOWN) : key === EPHEMERAL_1H ? UNKNOWN : key;
      if (counted !== UNKNOWN && !keep(values, counted, at, next)) return false;
    }
    if (nested && buf[next] === CLOSE_BRACE) {
      nested = false;
      next++;
    }
    if (next === close) return !nested;
    if (buf[next] !== COMMA) return false;
    i = next + 1;
  }
}

/** Digits at `at`, `n` of them, as a number; NaN when one is not a digit. */
function digits(buf: Buffer, at: number, n: number): number {
  let v = 0;
  for (let k = 0; k < n; k++) {
    const digit = buf[at + k]! - 48;
    if (digit < 0 || digit > 9) return NaN;
    v = v * 10 + digit;
  }
  return v;
}

/** 2026-07-14T09:12:33.417Z, JSON's own form of a date, read to ms; NaN when the text is another form. */
function isoMs(buf: Buffer, v: Values, k: number): number {
  if (v[2 * k + 1]! - v[2 * k]! !== 26) return NaN;
  const at = v[2 * k]! + 1;
  if (buf[at + 4] !== 45 || buf[at + 7] !== 45 || buf[at + 10] !== 84 || buf[at + 13] !== 58 || buf[at + 16] !== 58 || buf[at + 19] !== 46 || buf[at + 23] !== 90) return NaN;
  const month = digits(buf, at + 5, 2);
  const day = digits(buf, at + 8, 2);
  const hour = digits(buf, at + 11, 2);
  const minute = digits(buf, at + 14, 2);
  const second = digits(buf, at + 17, 2);
  if (!(month >= 1 && month <= 12 && day >= 1 && hour <= 23 && minute <= 59 && second <= 59)) return NaN;
  const year = digits(buf, at, 4);
  if (day > daysInMonthOf(year, month)) return NaN;
  return utcMs(year, month, day, hour, minute, second, digits(buf, at + 20, 3));
}

export function scanClaudeCodeLine(buf: Buffer, start: number, end: number): ClaudeCodeLine {
  if (buf[start] !== OPEN_BRACE || buf[end - 1] !== CLOSE_BRACE) return PARSE;
  ALL_VALUES.fill(-1);
  // forward: the top-level keys before the message
  const message = forwardPairs(buf, start + 1, end, HEAD);
  if (isSet(HEAD, TYPE)) return isText(buf, HEAD, TYPE) && !isString(buf, HEAD, TYPE, 'assistant') ? OTHER : PARSE;
  if (message === undefined || message.key !== MESSAGE || buf[message.at] !== OPEN_BRACE || isSet(HEAD, REQUEST_ID) || isSet(HEAD, TIMESTAMP)) return PARSE;
  // forward: the message's keys before its content
  const content = forwardPairs(buf, message.at + 1, end, MESSAGE_HEAD);
  if (content === undefined || content.key !== CONTENT || buf[content.at] !== OPEN_BRACKET) return PARSE;
  // backward: the top-level keys after the message, to the message's closing brace
  const messageClose = backwardPairs(buf, end - 1, content.at, TAIL);
  if (messageClose === undefined || buf[messageClose] !== CLOSE_BRACE || isSet(TAIL, MESSAGE) || !isSet(TAIL, TYPE)) return PARSE;
  if (!isString(buf, TAIL, TYPE, 'assistant')) return isText(buf, TAIL, TYPE) ? OTHER : PARSE;
  // the message's last key, usage: the last `,"usage":{` before the message's end (a quote
  // followed by usage": cannot be inside a string, whose quotes are escaped), whose object, read
  // forward by usageOf, must end exactly at the message's end
  const usageClose = messageClose - 1;
  if (buf[usageClose] !== CLOSE_BRACE) return PARSE;
  const usageKey = buf.lastIndexOf(USAGE_KEY, usageClose) + 1;
  if (usageKey <= content.at) return PARSE;
  const usageOpen = usageKey + USAGE_KEY.length - 2;
  // backward: the message's keys before usage, to its content's end; the content, forward, must close there
  const contentClose = backwardPairs(buf, usageKey - 1, content.at, MESSAGE_TAIL);
  if (contentClose === undefined || buf[contentClose] !== CLOSE_BRACKET || !isSet(MESSAGE_TAIL, STOP_REASON)) return PARSE;
  if (closingBracket(buf, content.at, contentClose + 1) !== contentClose) return PARSE;
  // a key of the message read on both sides is repeated: JSON.parse keeps the last, so parse
  for (const key of [TYPE, MODEL, ID, STOP_REASON, USAGE, CONTENT]) if (isSet(MESSAGE_HEAD, key) && isSet(MESSAGE_TAIL, key)) return PARSE;
  if (isSet(MESSAGE_HEAD, USAGE) || isSet(MESSAGE_TAIL, USAGE) || isSet(MESSAGE_TAIL, MODEL) || isSet(MESSAGE_TAIL, ID)) return PARSE;
  if (!usageOf(buf, usageOpen, usageClose, USAGE_VALUES)) return PARSE;
  const input = wholeOf(buf, USAGE_VALUES, INPUT);
  const output = wholeOf(buf, USAGE_VALUES, OUTPUT);
  const cached = wholeOf(buf, USAGE_VALUES, CACHE_READ);
  const written = wholeOf(buf, USAGE_VALUES, CACHE_CREATION);
  const written1h = wholeOf(buf, USAGE_VALUES, EPHEMERAL_1H);
  if (input === undefined || output === undefined || input === NOT_WHOLE || output === NOT_WHOLE || cached === NOT_WHOLE || written === NOT_WHOLE || written1h === NOT_WHOLE) return PARSE;
  const model = modelOf(buf, MESSAGE_HEAD, MODEL);
  if (model === undefined || !isSet(TAIL, TIMESTAMP) || !isText(buf, TAIL, TIMESTAMP)) return PARSE;
  if ((isSet(MESSAGE_HEAD, ID) && !isText(buf, MESSAGE_HEAD, ID)) || (isSet(TAIL, REQUEST_ID) && !isText(buf, TAIL, REQUEST_ID))) return PARSE;
  const ms = isoMs(buf, TAIL, TIMESTAMP);
  return {
    kind: 'request',
    time: Number.isNaN(ms) ? stringOf(buf, TAIL, TIMESTAMP)! : ms,
    model,
    id: idOf(buf),
    input,
    cached,
    written,
    written1h,
    output,
  };
}
