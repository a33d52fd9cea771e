/**
 * Paths into parsed YAML/JSON data (plain objects, arrays, scalars), so mutations can pick a
 * random place in a scenario or saved result and change just that.
 */
export type TreePath = (string | number)[];
export type Tree = Record<string, unknown> | unknown[];

export const isMapping = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
export const isContainer = (value: unknown): value is Tree => typeof value === 'object' && value !== null;

/** Every path below the root, parents before children. */
export function allPaths(root: unknown): TreePath[] {
  const out: TreePath[] = [];
  const visit = (node: unknown, path: TreePath) => {
    if (Array.isArray(node)) node.forEach((child, i) => (out.push([...path, i]), visit(child, [...path, i])));
    else if (isMapping(node)) for (const key of Object.keys(node)) (out.push([...path, key]), visit(node[key], [...path, key]));
  };
  visit(root, []);
  return out;
}

export function getAt(root: unknown, path: readonly (string | number)[]): unknown {
  let node = root;
  for (const key of path) {
    if (!isContainer(node)) return undefined;
    node = (node as Record<string | number, unknown>)[key];
  }
  return node;
}

/** Sets a value; `__proto__` and friends become own keys, as a YAML parser would make them. */
export function setAt(root: unknown, path: readonly (string | number)[], value: unknown): void {
  const parent = getAt(root, path.slice(0, -1));
  if (!isContainer(parent)) return;
  Object.defineProperty(parent, path[path.length - 1]!, { value, enumerable: true, writable: true, configurable: true });
}

export function deleteAt(root: unknown, path: readonly (string | number)[]): void {
  const parent = getAt(root, path.slice(0, -1));
  const key = path[path.length - 1]!;
  if (Array.isArray(parent)) parent.splice(Number(key), 1);
  else if (isMapping(parent)) delete parent[key];
}

export const leafPaths = (root: unknown) => allPaths(root).filter((p) => !isContainer(getAt(root, p)));
export const listPaths = (root: unknown) => allPaths(root).filter((p) => Array.isArray(getAt(root, p)));
export const mappingPaths = (root: unknown) => [[], ...allPaths(root)].filter((p) => isMapping(getAt(root, p)));

/** The key a leaf sits under (its own key, or its list's key for list items): what it means. */
export function meaningOf(path: readonly (string | number)[]): string {
  for (let i = path.length - 1; i >= 0; i--) if (typeof path[i] === 'string') return path[i] as string;
  return '';
}

/** `workloads[0].growth`, as cloudtco's messages and `--set` write paths. */
export function pathText(path: readonly (string | number)[]): string {
  return path.map((k, i) => (typeof k === 'number' ? `[${k}]` : i === 0 ? k : `.${k}`)).join('');
}

export function deepCopy<T>(value: T): T {
  return structuredClone(value);
}
