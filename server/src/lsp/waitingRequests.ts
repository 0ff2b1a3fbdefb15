/**
 * Requests a client is waiting on that take corpus-wide work (the Timeline view's first rows), counted so that
 * background work written in slices (the preparation for edits after indexing) can stand aside while they run:
 * the two shared the thread turn by turn, and the view's first rows of a reopened corpus came a second later for it.
 *
 * Background work only waits so long (`MAX_WAIT_MS` at a time), so that requests following one another cannot hold it
 * off for good.
 */
const MAX_WAIT_MS = 5000;

export class WaitingRequests {
  private running = 0;
  private waiters: (() => void)[] = [];

  /** Runs `work` as a request a client waits on. */
  async during<T>(work: () => Promise<T>): Promise<T> {
    this.running++;
    try {
      return await work();
    } finally {
      if (--this.running === 0) this.wake();
    }
  }

  /** Whether a request is waited on now. */
  get busy(): boolean {
    return this.running > 0;
  }

  /** Resolves when no request is waited on (at once when none is), or after `MAX_WAIT_MS`. */
  idle(): Promise<void> {
    if (this.running === 0) return Promise.resolve();
    return new Promise<void>((resolve) => {
      const done = () => {
        clearTimeout(timer);
        resolve();
      };
      const timer = setTimeout(() => {
        this.waiters = this.waiters.filter((w) => w !== done);
        resolve();
      }, MAX_WAIT_MS);
      timer.unref?.();
      this.waiters.push(done);
    });
  }

  private wake(): void {
    const waiters = this.waiters;
    this.waiters = [];
    for (const w of waiters) w();
  }
}
