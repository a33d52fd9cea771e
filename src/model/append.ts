/**
 * Adds every item to the end of `target`. `target.push(...items)` passes each item as an
 * argument, and a few hundred thousand of them (line items, a broken file's problems)
 * overflow the call stack.
 */
export function append<T>(target: T[], items: Iterable<T>): void {
  for (const item of items) target.push(item);
}
