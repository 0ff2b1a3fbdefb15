/**
 * Requests a client is waiting on that take corpus-wide work (the Timeline view's rows, the Boilerplate view's
 * listing), counted so that background work in slices (the preparation for edits, the timeline's boilerplate pass) can
 * stand aside while they run: they shared the thread turn by turn, and a reopened corpus's first timeline rows came a
 * second later for it, its boilerplate listing several.
 *
 * Background work only waits so long (`MAX_WAIT_MS` at a time), so that requests following one another cannot hold it
 * off for good; and it stops waiting when it says so (`idle(giveUp)`), for work that a waiting request may itself wait on.
 */
const MAX_WAIT_MS = 5000;
const GIVE_UP_POLL_MS = 20;

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

  /**
   * Resolves when no request is waited on (at once when none is), after `MAX_WAIT_MS`, or as soon as `giveUp()` says
   * so (looked at every `GIVE_UP_POLL_MS`): work that a waiting request may itself wait for (an update due) stops
   * standing aside.
   */
  idle(giveUp?: () => boolean): Promise<void> {
    if (this.running === 0 || giveUp?.()) return Promise.resolve();
    return new Promise<void>((resolve) => {
      const started = Date.now();
      const done = () => {
        clearInterval(timer);
        this.waiters = this.waiters.filter((w) => w !== done);
        resolve();
      };
      const timer = setInterval(() => {
        if (Date.now() - started >= MAX_WAIT_MS || giveUp?.()) done();
      }, giveUp ? GIVE_UP_POLL_MS : MAX_WAIT_MS);
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
