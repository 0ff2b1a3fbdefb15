import type { WaitingRequests } from './waitingRequests';

/**
 * Runs corpus-wide work written in slices (core/slices.ts) one slice a turn of the event loop: requests are answered in
 * between. With `standAsideFor`, no slice runs while a request a client waits on does (background work only).
 */
export async function runInTurns<T>(steps: Iterator<void, T, void>, standAsideFor?: WaitingRequests): Promise<T> {
  let step = steps.next();
  while (!step.done) {
    await new Promise((r) => setImmediate(r));
    if (standAsideFor?.busy) await standAsideFor.idle();
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

/**
 * Resolves once the messages sent in this turn, and in the promise callbacks that follow it, have been written: the
 * connection writes each in an immediate of its own (vscode-jsonrpc's write queue), set after any set before the send.
 * Two turns: one set now runs first, and sets the second after them.
 */
export async function afterMessagesSent(): Promise<void> {
  await nextTurn();
  await nextTurn();
}

/**
 * Whether `count` changes within the next two turns of the event loop: whether a message that reached the server while
 * it was busy (a keystroke) is waiting. Such a message is read in the first turn (the poll that follows the caller, a
 * timer that came due meanwhile) and handled in the second (the connection handles one queued message a turn, in an
 * immediate set when it read it, which runs after one set before the read).
 */
export async function changedWithinTurns(count: () => number): Promise<boolean> {
  const before = count();
  await nextTurn();
  if (count() !== before) return true;
  await nextTurn();
  return count() !== before;
}
