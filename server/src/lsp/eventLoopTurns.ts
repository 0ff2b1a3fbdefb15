/** Runs corpus-wide work written in slices (core/slices.ts) one slice a turn of the event loop: requests are answered in between. */
export async function runInTurns<T>(steps: Iterator<void, T, void>): Promise<T> {
  let step = steps.next();
  while (!step.done) {
    await new Promise((r) => setImmediate(r));
    step = steps.next();
  }
  return step.value;
}

/**
 * Resolves on the next turn of the event loop, after what was queued for this one: a message sent meanwhile (the
 * connection encodes and writes it in a turn of its own) is on its way before the caller goes on.
 */
export function nextTurn(): Promise<void> {
  return new Promise((r) => setImmediate(r));
}
