/**
 * Short arrays kept at their length. An array grown by `push` or `splice` keeps room for 16 more elements, and the
 * clustering holds tens of thousands of short lists (an entity's articles, a node's articles): below `GROWN_FROM`
 * elements they are made again at their length instead.
 */

/** From how many elements a list is grown in place (below, it is made again at its length). */
export const GROWN_FROM = 32;

/** `list` with `value` at `at`, in an array of its length (no room to grow). */
export function insertedAt<T>(list: readonly T[], at: number, value: T): T[] {
  const out = new Array<T>(list.length + 1);
  for (let i = 0; i < at; i++) out[i] = list[i];
  out[at] = value;
  for (let i = at; i < list.length; i++) out[i + 1] = list[i];
  return out;
}
