/**
 * A map keyed by a few values at once (a table, a cloud, a region, a month), one Map per level.
 * Joining the values into one string key makes a new string, and hashes it, on every lookup;
 * the values themselves (the scenario's ids and months, catalog rows) are the same objects each
 * time, their hashes kept, so the engine's lookups for every usage of every month cost less.
 * Every key given to one map must have the same number of parts.
 */
export class NestedMap<V> {
  private readonly root = new Map<unknown, unknown>();

  get(keys: readonly unknown[]): V | undefined {
    let level = this.root;
    const last = keys.length - 1;
    for (let i = 0; i < last; i++) {
      const next = level.get(keys[i]) as Map<unknown, unknown> | undefined;
      if (next === undefined) return undefined;
      level = next;
    }
    return level.get(keys[last]) as V | undefined;
  }

  set(keys: readonly unknown[], value: V): void {
    let level = this.root;
    const last = keys.length - 1;
    for (let i = 0; i < last; i++) {
      let next = level.get(keys[i]) as Map<unknown, unknown> | undefined;
      if (next === undefined) level.set(keys[i], (next = new Map()));
      level = next;
    }
    level.set(keys[last], value);
  }
}
