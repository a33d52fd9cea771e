/**
 * Reads YAML (and JSON, which YAML 1.2 parses too) into plain data plus a way back from a
 * path in that data to a line and column in the text, so errors found later, by the schema
 * or the engine, can still point at the file.
 *
 * Numbers stay text: `price: 12345678901234567890.123` arrives as the string
 * "12345678901234567890.123", never as the float 12345678901234567000.
 */
import { LineCounter, isAlias, isMap, isPair, isScalar, isSeq, parseDocument, type Document, type Node } from 'yaml';
import type { Diagnostic, PathSegment } from '../model/diagnostic.js';

export interface Position {
  line: number;
  col: number;
}

/** Finds where a path's value (or, with `'key'`, its key) sits; falls back to the nearest ancestor. */
export type Locator = (path: readonly PathSegment[], at?: 'value' | 'key') => Position | undefined;

export interface YamlDocument {
  data: unknown;
  locate: Locator;
  /** Syntax errors, located; data is unusable when there are any. */
  errors: Diagnostic[];
}

export function readYaml(text: string, file: string): YamlDocument {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const position = (offset: number): Position => lineCounter.linePos(offset);
  const errors: Diagnostic[] = doc.errors.map((error) => ({
    file,
    ...position(error.pos[0]),
    message: firstLine(error.message),
  }));
  return {
    data: toData(doc.contents, doc),
    errors,
    locate: (path, at = 'value') => {
      const node = nodeAt(doc, path, at);
      return node?.range ? position(node.range[0]) : undefined;
    },
  };
}

/** yaml's messages end with " at line 3, column 5:" and an excerpt; the location is ours to print. */
function firstLine(message: string): string {
  return message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
}

function toData(node: unknown, doc: Document): unknown {
  if (isAlias(node)) return toData(node.resolve(doc), doc);
  if (isMap(node)) {
    return Object.fromEntries(node.items.map((pair) => [String(toData(pair.key, doc)), toData(pair.value, doc)]));
  }
  if (isSeq(node)) return node.items.map((item) => toData(item, doc));
  if (isScalar(node)) {
    return typeof node.value === 'number' && node.source !== undefined ? node.source : node.value;
  }
  return node ?? null;
}

/** The deepest node along `path`; with `at: 'key'` the key node of the last step. */
function nodeAt(doc: Document, path: readonly PathSegment[], at: 'value' | 'key'): Node | undefined {
  let node = doc.contents as Node | null;
  let found: Node | undefined = node ?? undefined;
  for (const [i, segment] of path.entries()) {
    if (isMap(node)) {
      const pair = node.items.find((p) => isPair(p) && String(toData(p.key, doc)) === String(segment));
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
