/**
 * Items grouped by a key, keys in the order first seen and items in input order within each
 * group. Linear: rebuilding a group's array for every item, the obvious one-liner, is quadratic
 * in the size of a group, and a catalog may give one key a thousand rows.
 */
export function groupBy<T, K>(items: Iterable<T>, keyOf: (item: T) => K): Map<K, T[]> {
  const groups = new Map<K, T[]>();
  for (const item of items) {
    const key = keyOf(item);
    const group = groups.get(key);
    if (group === undefined) groups.set(key, [item]);
    else group.push(item);
  }
  return groups;
}
