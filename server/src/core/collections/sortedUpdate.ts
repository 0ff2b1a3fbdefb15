/**
 * A sorted list brought up to date with a new set of its items: the items kept stay in the order they had, and the new
 * ones are put in place by binary search. A listing of tens of thousands of items of which an edit changed a few is
 * not sorted again whole (a sort of the Boilerplate view's 26,000 clusters took 100 ms, on the server's thread, at
 * each listing).
 */

/** Past this share of new items, the list is sorted again whole. */
const MOST_NEW_SHARE = 1 / 8;

/**
 * `previous` sorted by `compare`, less the items not in `current`, plus those of `current` it lacked: the same as
 * `[...current].sort(compare)` for a total order (ties stay in the order `previous` had them). A new array.
 */
export function sortedUpdate<T>(previous: readonly T[], current: readonly T[], compare: (a: T, b: T) => number): T[] {
  const now = new Set(current);
  const out = previous.filter((x) => now.delete(x));
  // `now` holds the new items, in the order of `current`.
  if (now.size > 16 && now.size > MOST_NEW_SHARE * current.length) return [...out, ...now].sort(compare);
  for (const x of [...now].sort(compare)) out.splice(insertionPoint(out, x, compare), 0, x);
  return out;
}

/** Where `x` goes in `list` (sorted by `compare`): after the items that come before it and those equal to it. */
function insertionPoint<T>(list: readonly T[], x: T, compare: (a: T, b: T) => number): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (compare(list[mid], x) <= 0) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
