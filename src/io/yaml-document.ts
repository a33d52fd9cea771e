/**
 * Reads YAML (and JSON, which YAML 1.2 parses too) into plain data plus a way back from a
 * path in that data to a line and column in the text, so errors found later, by the schema
 * or the engine, can still point at the file.
 *
 * Numbers stay text: `price: 12345678901234567890.123` arrives as the string
 * "12345678901234567890.123", never as the float 12345678901234567000.
 */
import { Lexer, LineCounter, isMap, isPair, isScalar, isSeq, parseDocument, visit, type Document, type Node } from 'yaml';
import type { Diagnostic, PathSegment } from '../model/diagnostic.js';
import { countText, LIMITS } from '../model/limits.js';
import { quoted } from '../model/safe-text.js';

export interface Position {
  line: number;
  col: number;
}

/** Finds where a path's value (or, with `'key'`, its key) sits; falls back to the nearest ancestor. */
export type Locator = (path: readonly PathSegment[], at?: 'value' | 'key') => Position | undefined;

/** Where a problem at a path is reported: the file (or what else set the value) and the position. */
export type Where = (path: readonly PathSegment[], at?: 'value' | 'key') => Pick<Diagnostic, 'file' | 'line' | 'col'>;

export interface YamlDocument {
  data: unknown;
  locate: Locator;
  /** Syntax errors, located; data is unusable when there are any. */
  errors: Diagnostic[];
}

export function readYaml(text: string, file: string): YamlDocument {
  const tooLong = tooManyTokens(text, file);
  if (tooLong !== undefined) return { data: undefined, errors: [tooLong], locate: () => undefined };
  const lineCounter = new LineCounter();
  // `merge` allows `<<: *defaults`, a common way to share settings between workloads. Repeated
  // keys are found here, in one pass: yaml's own check compares every pair of a mapping's keys,
  // seconds for a few thousand
  const doc = withoutStacks(() => parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: false, merge: true }));
  const position = (offset: number): Position => lineCounter.linePos(offset);
  // after the first syntax error the parser is lost, and reports every token that follows
  const errors: Diagnostic[] = doc.errors.slice(0, SYNTAX_ERRORS_SHOWN).map((error) => ({
    file,
    ...position(error.pos[0]),
    message: firstLine(error.message),
  }));
  errors.push(...plainDataProblems(doc, file, position));
  errors.sort((a, b) => (a.line ?? 0) - (b.line ?? 0) || (a.col ?? 0) - (b.col ?? 0));
  return {
    data: errors.length > 0 ? undefined : toData(doc, file, errors),
    errors,
    locate: (path, at = 'value') => {
      const node = nodeAt(doc, path, at);
      return node?.range ? position(node.range[0]) : undefined;
    },
  };
}

/** A document of more tokens than LIMITS.documentTokens, found by the lexer (fast) before the parser (slow) runs. */
function tooManyTokens(text: string, file: string): Diagnostic | undefined {
  let tokens = 0;
  for (const _ of new Lexer().lex(text)) {
    if (++tokens > LIMITS.documentTokens) return { file, message: `has more than ${countText(LIMITS.documentTokens)} YAML tokens (keys, values, punctuation), more than cloudtco reads from one document (docs/reliability.md)` };
  }
  return undefined;
}

/**
 * Runs the parser with no stack traces captured: it makes an error object for every bad token,
 * and capturing each one's stack makes a broken file several times slower to report.
 */
function withoutStacks<T>(f: () => T): T {
  const limit = Error.stackTraceLimit;
  Error.stackTraceLimit = 0;
  try {
    return f();
  } finally {
    Error.stackTraceLimit = limit;
  }
}

/** Syntax errors reported of one document; the rest follow from the first. */
const SYNTAX_ERRORS_SHOWN = 10;

/** The tags a scenario's data may have: text, numbers, true/false, null, lists and mappings. */
const PLAIN_TAGS = new Set(['str', 'int', 'float', 'bool', 'null', 'seq', 'map'].map((t) => `tag:yaml.org,2002:${t}`));

/**
 * What plain data cannot hold, found before it is built: a key given twice in one mapping (which
 * value was meant?), and explicit tags such as `!!binary` or `!!set`, which would become a
 * Buffer or a Set that no field reads.
 */
function plainDataProblems(doc: Document, file: string, position: (offset: number) => Position): Diagnostic[] {
  const problems: Diagnostic[] = [];
  const at = (node: Node | null | undefined) => (node?.range ? position(node.range[0]) : {});
  // one visitor for every node: yaml calls only the most specific one a node has
  visit(doc, {
    Node(_, node) {
      if (node.tag !== undefined && !PLAIN_TAGS.has(node.tag)) problems.push({ file, ...at(node), message: `the tag ${quoted(node.tag.replace('tag:yaml.org,2002:', '!!'))} is not read; write plain text, numbers, lists and mappings` });
      if (!isMap(node)) return;
      const seen = new Set<string>();
      for (const pair of node.items) {
        const key = keyText(pair.key);
        if (key === '<<') continue;
        if (seen.has(key)) problems.push({ file, ...at(pair.key as Node), message: `the key ${quoted(key)} is given twice in this mapping; keys must be unique` });
        seen.add(key);
      }
    },
  });
  return problems.slice(0, SYNTAX_ERRORS_SHOWN * 10);
}

/** yaml's messages end with " at line 3, column 5:" and an excerpt; the location is ours to print. */
function firstLine(message: string): string {
  const first = message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
  // yaml reports its parser running out of stack as a syntax error at the place it gave up
  return /Maximum call stack size exceeded/.test(first) ? 'the document nests too deeply to read' : first;
}

/**
 * Plain data, with every number replaced by its source text. yaml's own toJS resolves
 * aliases and merge keys, and refuses alias bombs (a few lines that expand to millions of nodes).
 */
function toData(doc: Document, file: string, errors: Diagnostic[]): unknown {
  visit(doc, {
    Scalar(_, node) {
      if (typeof node.value === 'number' && node.source !== undefined) node.value = node.source;
    },
  });
  try {
    return doc.toJS({ maxAliasCount: 100 });
  } catch (error) {
    errors.push({ file, message: `cannot expand the document's aliases: ${(error as Error).message}` });
    return undefined;
  }
}

/** The deepest node along `path`; with `at: 'key'` the key node of the last step. */
function nodeAt(doc: Document, path: readonly PathSegment[], at: 'value' | 'key'): Node | undefined {
  let node = doc.contents as Node | null;
  let found: Node | undefined = node ?? undefined;
  for (const [i, segment] of path.entries()) {
    if (isMap(node)) {
      const pair = node.items.find((p) => isPair(p) && keyText(p.key) === String(segment));
      if (!pair) break;
      const last = i === path.length - 1;
      node = (last && at === 'key' ? pair.key : pair.value) as Node | null;
    } else if (isSeq(node) && typeof segment === 'number') {
      node = (node.items[segment] as Node | undefined) ?? null;
    } else {
      break;
    }
    if (!node) break;
    found = node;
  }
  return found;
}

function keyText(key: unknown): string {
  return isScalar(key) ? String(key.value) : String(key);
}
