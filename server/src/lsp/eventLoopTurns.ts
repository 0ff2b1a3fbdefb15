/** Runs corpus-wide work written in slices (core/slices.ts) one slice a turn of the event loop: requests are answered in between. */
export async function runInTurns<T>(steps: Iterator<void, T, void>): Promise<T> {
  let step = steps.next();
  while (!step.done) {
    await new Promise((r) => setImmediate(r));
    step = steps.next();
  }
  return step.value;
}
