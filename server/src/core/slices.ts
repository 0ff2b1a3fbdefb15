/**
 * Corpus-wide work written as generators that yield between slices (a few milliseconds each), so that a host can
 * answer requests in between; `runToEnd` runs one at once, for hosts with nothing else to do.
 */
export function runToEnd<T>(steps: Iterator<void, T, void>): T {
  for (;;) {
    const r = steps.next();
    if (r.done) return r.value;
  }
}
