/**
 * What a request that needs the whole corpus waits for: the end of the indexing running (half a minute for 10,000 new
 * articles), unless the client cancels it first, as VS Code does at each move of the cursor or keystroke in a
 * picker. A cancelled request then stops waiting at once (CancelledError: its handler answers empty, or with
 * RequestCancelled), instead of holding its answer, and the client's queue, until the indexing ends.
 */
import type { CancellationToken as RequestToken } from 'vscode-languageserver';
import { CancelledError } from '../core/index';

/** Resolves to true once `ready` has, or to false as soon as `token` is cancelled. */
export function readyOrCancelled(ready: Promise<void>, token: RequestToken): Promise<boolean> {
  if (token.isCancellationRequested) return Promise.resolve(false);
  let listener: { dispose(): void } | undefined;
  const cancelled = new Promise<boolean>((resolve) => (listener = token.onCancellationRequested(() => resolve(false))));
  return Promise.race([ready.then(() => true), cancelled]).finally(() => listener?.dispose());
}

/** Waits for `ready`; throws CancelledError as soon as `token` is cancelled. */
export async function untilIndexed(ready: Promise<void>, token: RequestToken): Promise<void> {
  if (!(await readyOrCancelled(ready, token))) throw new CancelledError();
}
