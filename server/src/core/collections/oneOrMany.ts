/**
 * A map from keys to sets of values where most keys have one value: that value is held as it is, and a set is made only
 * for a second (a corpus's indexes of names have hundreds of thousands of keys, most of one name; a set each was most
 * of their memory). Values must not themselves be sets.
 */
export type OneOrMany<K, V> = Map<K, V | Set<V>>;

export function addOne<K, V>(map: OneOrMany<K, V>, key: K, value: V): void {
  const had = map.get(key);
  if (had === undefined) map.set(key, value);
  else if (had instanceof Set) had.add(value);
  else if (had !== value) map.set(key, new Set([had, value]));
}

export function removeOne<K, V>(map: OneOrMany<K, V>, key: K, value: V): void {
  const had = map.get(key);
  if (had === value) map.delete(key);
  else if (had instanceof Set) {
    had.delete(value);
    if (had.size === 1) map.set(key, had.values().next().value as V);
  }
}

const NONE: readonly never[] = [];

/** The values of a key (none for a key not held). */
export function valuesOf<K, V>(map: OneOrMany<K, V>, key: K): Iterable<V> {
  const had = map.get(key);
  return had === undefined ? NONE : had instanceof Set ? had : [had];
}

/** How many values a key has. */
export function countOf<K, V>(map: OneOrMany<K, V>, key: K): number {
  const had = map.get(key);
  return had === undefined ? 0 : had instanceof Set ? had.size : 1;
}
