/**
 * Structural mutations of a parsed document (a scenario or a saved result): one value
 * replaced by a hostile or an edge value, a key deleted or added, a list entry duplicated, two
 * values swapped. Each returns what it did, or undefined when the document has no place for it.
 */
import { allPaths, deepCopy, deleteAt, getAt, isContainer, isMapping, leafPaths, listPaths, mappingPaths, meaningOf, pathText, setAt, type TreePath } from './data-tree.js';
import { extremeValueFor, hasExtremeValues } from './extreme-values.js';
import { Raw, hostileKey, hostileStructureText, hostileValue } from './hostile-values.js';
import type { MutableDocument } from './mutable-document.js';
import type { Random } from './random.js';

export type DocumentMutation = (doc: MutableDocument, random: Random) => string | undefined;

const describe = (value: unknown) => {
  const text = value instanceof Raw ? value.text : JSON.stringify(value) ?? String(value);
  return text.length > 60 ? `${text.slice(0, 40)}… (${text.length} chars)` : text;
};

const pickPath = (paths: TreePath[], random: Random) => (paths.length === 0 ? undefined : random.pick(paths));

export const hostileLeaf: DocumentMutation = (doc, random) => {
  const path = pickPath(leafPaths(doc.data), random);
  if (path === undefined) return undefined;
  const value = hostileValue(random);
  setAt(doc.data, path, doc.value(value));
  return `${pathText(path)} = ${describe(value)}`;
};

/** An edge value the field accepts: these reach the engine and the reports. */
export const extremeLeaf: DocumentMutation = (doc, random) => {
  const path = pickPath(leafPaths(doc.data).filter((p) => hasExtremeValues(meaningOf(p))), random);
  if (path === undefined) return undefined;
  const value = extremeValueFor(meaningOf(path), random);
  setAt(doc.data, path, doc.value(value));
  return `${pathText(path)} = ${describe(value)} (edge value)`;
};

/** A whole mapping or list replaced by a scalar, a structure bomb, or the wrong kind of container. */
export const hostileNode: DocumentMutation = (doc, random) => {
  const path = pickPath(allPaths(doc.data).filter((p) => isContainer(getAt(doc.data, p))), random);
  if (path === undefined) return undefined;
  const was = Array.isArray(getAt(doc.data, path)) ? 'list' : 'mapping';
  const value = random.chance(0.5) ? new Raw(hostileStructureText(random)) : hostileValue(random);
  setAt(doc.data, path, doc.value(value));
  return `${pathText(path)} (a ${was}) = ${describe(value)}`;
};

export const deleteKey: DocumentMutation = (doc, random) => {
  const path = pickPath(allPaths(doc.data), random);
  if (path === undefined) return undefined;
  deleteAt(doc.data, path);
  return `deleted ${pathText(path)}`;
};

/** A list entry twice: duplicate ids, or (renamed) one more workload or option to price. */
export const duplicateEntry: DocumentMutation = (doc, random) => {
  const path = pickPath(listPaths(doc.data).filter((p) => (getAt(doc.data, p) as unknown[]).length > 0), random);
  if (path === undefined) return undefined;
  const list = getAt(doc.data, path) as unknown[];
  const index = random.int(list.length);
  const copy = deepCopy(list[index]);
  const renamed = isMapping(copy) && typeof copy.id === 'string' && random.chance(0.5);
  if (renamed) copy.id = `${String(copy.id)}-copy`;
  list.splice(random.int(list.length + 1), 0, copy);
  return `duplicated ${pathText([...path, index])}${renamed ? ' (new id)' : ' (same id)'}`;
};

export const addKey: DocumentMutation = (doc, random) => {
  const path = pickPath(mappingPaths(doc.data), random);
  if (path === undefined) return undefined;
  const key = hostileKey(random);
  const value = random.chance(0.5) ? { name: 'x' } : hostileValue(random);
  setAt(doc.data, [...path, key], doc.value(value));
  return `added key ${JSON.stringify(key.length > 40 ? `${key.slice(0, 20)}…` : key)} at ${pathText(path) || 'the top'}`;
};

export const swapLeaves: DocumentMutation = (doc, random) => {
  const leaves = leafPaths(doc.data);
  if (leaves.length < 2) return undefined;
  const [a, b] = random.sample(leaves, 2) as [TreePath, TreePath];
  const va = getAt(doc.data, a);
  setAt(doc.data, a, getAt(doc.data, b));
  setAt(doc.data, b, va);
  return `swapped ${pathText(a)} and ${pathText(b)}`;
};

export const emptyList: DocumentMutation = (doc, random) => {
  const path = pickPath(listPaths(doc.data), random);
  if (path === undefined) return undefined;
  setAt(doc.data, path, []);
  return `emptied ${pathText(path)}`;
};

/** Many copies of one list entry, each with its own id: a scenario larger than the examples. */
export const growList: DocumentMutation = (doc, random) => {
  const path = pickPath(listPaths(doc.data).filter((p) => (getAt(doc.data, p) as unknown[]).some(isMapping)), random);
  if (path === undefined) return undefined;
  const list = getAt(doc.data, path) as unknown[];
  const template = list.find(isMapping)!;
  const copies = random.between(5, 30);
  for (let i = 0; i < copies; i++) {
    const copy = deepCopy(template);
    if (typeof copy.id === 'string') copy.id = `${copy.id}-${i}`;
    if (typeof copy.name === 'string') copy.name = `${copy.name} ${i}`;
    list.push(copy);
  }
  return `${copies} more copies of an entry of ${pathText(path)}`;
};

/** The whole document as something other than a mapping. */
export const replaceRoot: DocumentMutation = (doc, random) => {
  const value = random.pick<unknown>([[doc.data], 'just text', new Raw('42'), new Raw('[]'), new Raw('null'), new Raw('true')]);
  doc.data = doc.value(value);
  return `the document is ${describe(value)}`;
};

export const GENERIC_MUTATIONS: readonly (readonly [number, DocumentMutation])[] = [
  [10, hostileLeaf],
  [8, extremeLeaf],
  [3, hostileNode],
  [4, deleteKey],
  [3, duplicateEntry],
  [3, addKey],
  [2, swapLeaves],
  [1, emptyList],
  [1, growList],
  [0.3, replaceRoot],
];

/** Applies `count` mutations drawn by weight; notes what each did. */
export function mutateDocument(doc: MutableDocument, random: Random, count: number, mutations: readonly (readonly [number, DocumentMutation])[]): void {
  for (let i = 0, tries = 0; i < count && tries < count * 5; tries++) {
    const note = random.weighted(mutations)(doc, random);
    if (note === undefined) continue;
    doc.notes.push(note);
    i++;
  }
}
