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

/**
 * `list` sorted by `compare`, less the items of `gone`, plus those of `added`: the same as `sortedUpdate` when the
 * caller knows what changed, without a pass over every item to find it (incrementalClustering.ts: a few entities of
 * 70,000 at each update). A new array.
 */
export function sortedReplace<T>(list: readonly T[], gone: readonly T[], added: readonly T[], compare: (a: T, b: T) => number): T[] {
  const changes = gone.length + added.length;
  if (changes > 16 && changes > MOST_NEW_SHARE * list.length) {
    const drop = new Set(gone);
    return [...list.filter((x) => !drop.has(x)), ...added].sort(compare);
  }
  const out = list.slice();
  for (const x of gone) {
    for (let at = firstPlaceNotBefore(out, (y) => compare(y, x) < 0); at < out.length && compare(out[at], x) === 0; at++) {
      if (out[at] === x) {
        out.splice(at, 1);
        break;
      }
    }
  }
  for (const x of added) out.splice(insertionPoint(out, x, compare), 0, x);
  return out;
}

/**
 * Binary search in a sorted list: the first place whose item is not `before` (`before` holds for a prefix of the list,
 * as `compare(item, x) < 0` does for a list sorted by `compare`).
 */
export function firstPlaceNotBefore<T>(list: readonly T[], before: (item: T) => boolean): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (before(list[mid])) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Where `x` goes in `list` (sorted by `compare`): after the items that come before it and those equal to it. */
function insertionPoint<T>(list: readonly T[], x: T, compare: (a: T, b: T) => number): number {
  return firstPlaceNotBefore(list, (y) => compare(y, x) <= 0);
}
