/**
 * The Claude Code scanner against JSON.parse: whatever it reads from a line's ends must be what
 * parsing the whole line gives, and anything it cannot vouch for must go to the parser.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { scanClaudeCodeLine, type ClaudeCodeLine } from '../../src/io/claude-code-scan.js';
import { parseTimestamp, timeInRange } from '../../src/model/timestamp.js';

const scan = (line: string): ClaudeCodeLine => {
  // inside a larger buffer, as lines are read
  const buf = Buffer.from(`garbage\n${line}\nmore`, 'utf8');
  const start = Buffer.byteLength('garbage\n');
  return scanClaudeCodeLine(buf, start, start + Buffer.byteLength(line));
};

const get = (value: unknown, path: string): unknown => path.split('.').reduce<unknown>((node, key) => (typeof node === 'object' && node !== null && !Array.isArray(node) && Object.hasOwn(node, key) ? (node as Record<string, unknown>)[key] : undefined), value);

/** What the generic reader takes from the parsed line (usage-layouts.ts, the claude-code preset). */
function parsedView(line: string) {
  const value = JSON.parse(line) as unknown;
  const request = get(value, 'message.usage') !== undefined && get(value, 'type') === 'assistant';
  if (!request) return { kind: 'other' as const };
  const id = get(value, 'message.id');
  const requestId = get(value, 'requestId');
  const present = (v: unknown) => v !== undefined && v !== null && v !== '';
  return {
    kind: 'request' as const,
    time: get(value, 'timestamp'),
    model: get(value, 'message.model'),
    id: present(id) && present(requestId) ? `${String(id)}+${String(requestId)}` : undefined,
    input: get(value, 'message.usage.input_tokens'),
    cached: get(value, 'message.usage.cache_read_input_tokens'),
    written: get(value, 'message.usage.cache_creation_input_tokens'),
    written1h: get(value, 'message.usage.cache_creation.ephemeral_1h_input_tokens'),
    output: get(value, 'message.usage.output_tokens'),
  };
}

function agrees(line: string): ClaudeCodeLine['kind'] {
  const scanned = scan(line);
  if (scanned.kind === 'parse') return 'parse';
  const parsed = parsedView(line);
  expect(scanned.kind, line).toBe(parsed.kind);
  if (scanned.kind === 'request' && parsed.kind === 'request') {
    // the reader puts a time read as ms through the same range check parseTimestamp has
    expect(typeof scanned.time === 'number' ? timeInRange(scanned.time) : parseTimestamp(scanned.time), line).toBe(typeof parsed.time === 'string' ? parseTimestamp(parsed.time) : 'not text');
    expect({ ...scanned, time: undefined }, line).toEqual({ kind: 'request', time: undefined, model: parsed.model, id: parsed.id, input: parsed.input, cached: parsed.cached, written: parsed.written, written1h: parsed.written1h, output: parsed.output });
  }
  return scanned.kind;
}

const answer = (overrides: Record<string, unknown> = {}, message: Record<string, unknown> = {}, usage: Record<string, unknown> = {}) =>
  JSON.stringify({
    parentUuid: 'u1',
    isSidechain: false,
    cwd: '/home/dev/"quoted" \\ path',
    sessionId: 's1',
    message: {
      model: 'claude-sonnet-4-6',
      id: 'msg_01',
      type: 'message',
      role: 'assistant',
      content: [{ type: 'text', text: 'a "usage":{"input_tokens":999} ]}\\' }, { type: 'tool_use', id: 'toolu_1', name: 'Edit', input: { usage: { input_tokens: 7 }, old: '}}]]"' } }],
      stop_reason: 'tool_use',
      stop_sequence: null,
      ...message,
      usage: { input_tokens: 3, cache_creation_input_tokens: 15005, cache_read_input_tokens: 11442, cache_creation: { ephemeral_5m_input_tokens: 5, ephemeral_1h_input_tokens: 15000 }, output_tokens: 9, service_tier: 'standard', server_tool_use: { web_search_requests: 0 }, ...usage },
    },
    requestId: 'req_01',
    type: 'assistant',
    uuid: 'a1',
    timestamp: '2026-07-14T09:12:33.417Z',
    ...overrides,
  });

describe('scanClaudeCodeLine', () => {
  it('reads an answer from its ends, whatever its content holds', () => {
    const line = answer();
    expect(scan(line)).toEqual({ kind: 'request', time: Date.UTC(2026, 6, 14, 9, 12, 33, 417), model: 'claude-sonnet-4-6', id: 'msg_01+req_01', input: 3, cached: 11442, written: 15005, written1h: 15000, output: 9 });
    expect(agrees(line)).toBe('request');
  });

  it("passes over a user's line at once, and one whose type after the message is not assistant", () => {
    expect(agrees(JSON.stringify({ type: 'user', message: { role: 'user', content: 'hi' }, uuid: 'u', timestamp: '2026-07-14T09:12:33.417Z' }))).toBe('other');
    expect(agrees(answer({ type: 'progress' }))).toBe('other');
  });

  it('hands the parser what it cannot vouch for', () => {
    const cases = [
      JSON.stringify(JSON.parse(answer()), null, 1), // whitespace
      answer({}, {}, { input_tokens: 3.5 }), // not whole
      answer({}, {}, { input_tokens: -3 }),
      answer({}, {}, { output_tokens: null }),
      answer({}, {}, { input_tokens: '3' }),
      answer({}, {}, { input_tokens: 12345678901234567 }), // 17 digits
      answer({ timestamp: 1752484353417 }), // not text
      answer({}, { container: { id: 'c' } }), // an object between content and usage
      answer({ toolUseResult: { usage: { input_tokens: 1, output_tokens: 1 } } }), // an object after the message
      answer().replace('"requestId"', '"request\\u0049d"'), // an escaped key
      answer().replace('"stop_reason":"tool_use",', ''), // no stop_reason: not the layout known
      answer().replace('"cache_read_input_tokens":11442', '"cache_read_input_tokens":11442,"cache_read_input_tokens":1'), // a repeated key
      answer().replace('"cache_creation":{', '"cache_creation":{"x":1},"cache_creation":{'),
    ];
    for (const line of cases) expect(scan(line).kind, line).toBe('parse');
  });

  it('is not fooled by an object after the message that ends in usage', () => {
    // the message has no usage; a later top-level object does: JSON.parse says not a request
    const line = '{"message":{"model":"m","id":"a","content":[],"stop_reason":null},"other":{"content":[],"stop_reason":null,"usage":{"input_tokens":5,"output_tokens":1}},"type":"assistant","timestamp":"2026-07-14T09:12:33.417Z"}';
    expect(scan(line).kind).not.toBe('request');
    agrees(line);
  });

  it('reads a timestamp in another form as its text, and a day that does not exist as no time', () => {
    const other = scan(answer({ timestamp: '2026-07-14T11:12:33+02:00' }));
    expect(other).toMatchObject({ kind: 'request', time: '2026-07-14T11:12:33+02:00' });
    const impossible = scan(answer({ timestamp: '2026-02-30T09:12:33.417Z' }));
    expect(impossible).toMatchObject({ kind: 'request', time: '2026-02-30T09:12:33.417Z' });
    expect(parseTimestamp('2026-02-30T09:12:33.417Z')).toBeUndefined();
  });

  it('agrees with JSON.parse on lines of every shape (property, 3 000 runs)', () => {
    const text = fc.string({ unit: fc.constantFrom('a', '"', '\\', '}', ']', '{', '[', ',', ':', 'é', '😀', '\n', ' ') });
    const json = fc.jsonValue({ maxDepth: 3 });
    const maybe = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: undefined });
    const count = fc.oneof({ arbitrary: fc.nat(), weight: 12 }, { arbitrary: fc.constantFrom(0, 1.5, -1, null, '7', 1e17), weight: 1 });
    const mostly = (p: number) => fc.integer({ min: 1, max: 100 }).map((n) => n <= p);
    const plain = fc.oneof({ arbitrary: text, weight: 8 }, { arbitrary: fc.constant(null), weight: 2 }, { arbitrary: json, weight: 1 });
    const line = fc
      .record({
        extraHead: fc.dictionary(fc.constantFrom('parentUuid', 'cwd', 'version', 'slug', 'usage', 'content'), fc.oneof(text, fc.boolean(), fc.constant(null))),
        typeFirst: mostly(30),
        type: fc.constantFrom('assistant', 'assistant', 'assistant', 'user', 'summary'),
        model: fc.oneof(fc.constantFrom('claude-sonnet-4-6', '<synthetic>'), text),
        id: maybe(fc.oneof(text, fc.nat())),
        content: fc.array(fc.oneof(fc.record({ type: fc.constant('text'), text }), fc.record({ type: fc.constant('tool_use'), input: json })), { maxLength: 3 }),
        stop: mostly(90),
        afterContent: fc.dictionary(fc.constantFrom('stop_sequence', 'stop_details', 'x'), plain),
        usage: fc.record({ input_tokens: count, output_tokens: count }, { requiredKeys: [] }),
        cacheRead: maybe(count),
        cacheWrite: maybe(count),
        cacheCreation: maybe(fc.record({ ephemeral_5m_input_tokens: count, ephemeral_1h_input_tokens: count }, { requiredKeys: [] })),
        hasUsage: mostly(85),
        requestId: maybe(text),
        timestamp: fc.oneof({ arbitrary: fc.constantFrom('2026-07-14T09:12:33.417Z', '2026-07-14T09:12:33Z', '2026-13-01T00:00:00.000Z', '1999-01-01T00:00:00.000Z', '2028-02-29T23:59:59.999Z'), weight: 5 }, { arbitrary: text, weight: 1 }),
        tail: fc.dictionary(fc.constantFrom('uuid', 'toolUseResult', 'isMeta'), plain),
      })
      .map((r) => {
        const usage: Record<string, unknown> = { ...r.usage };
        if (r.cacheRead !== undefined) usage.cache_read_input_tokens = r.cacheRead;
        if (r.cacheWrite !== undefined) usage.cache_creation_input_tokens = r.cacheWrite;
        if (r.cacheCreation !== undefined) usage.cache_creation = r.cacheCreation;
        const message: Record<string, unknown> = { model: r.model, ...(r.id === undefined ? {} : { id: r.id }), type: 'message', content: r.content, ...(r.stop ? { stop_reason: 'end_turn' } : {}), ...r.afterContent, ...(r.hasUsage ? { usage } : {}) };
        const line: Record<string, unknown> = { ...r.extraHead, ...(r.typeFirst ? { type: r.type } : {}), message, ...(r.requestId === undefined ? {} : { requestId: r.requestId }), ...(r.typeFirst ? {} : { type: r.type }), timestamp: r.timestamp, ...r.tail };
        return JSON.stringify(line);
      });
    const kinds = { request: 0, other: 0, parse: 0 };
    fc.assert(
      fc.property(line, (l) => {
        kinds[agrees(l)]++;
      }),
      { numRuns: 3000, seed: 20261203 },
    );
    // the property is worth something only if the scanner answered often
    expect(kinds.request).toBeGreaterThan(150);
    expect(kinds.other).toBeGreaterThan(300);
  });
});
