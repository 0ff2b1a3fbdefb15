/** Items grouped by `key`, the groups in the order of their first item: each group's first item, and the others. Pure. */
export function groupInOrder<T>(items: readonly T[], key: (item: T) => string): { first: T; same: T[] }[] {
  const groups = new Map<string, { first: T; same: T[] }>();
  for (const item of items) {
    const k = key(item);
    const g = groups.get(k);
    if (g) g.same.push(item);
    else groups.set(k, { first: item, same: [] });
  }
  return [...groups.values()];
}
