/**
 * When a client model of the server's data fetches again (timelineOutline.ts, timelineModel.ts): a change
 * notification marks it stale; while somebody looks it fetches after a quiet spell (one fetch for a burst of
 * notifications, as while typing), otherwise on the next look.
 */
export class Staleness {
  stale = true;
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private readonly watched: () => boolean,
    private readonly refresh: () => void,
    private readonly quietMs = 600,
  ) {}

  /** Whether a fetch is waiting for the quiet spell. */
  get waiting(): boolean {
    return this.timer !== undefined;
  }

  /** Marks the model stale, and fetches after a quiet spell if somebody looks. */
  soon(): void {
    this.stale = true;
    if (!this.watched()) return;
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.refresh();
    }, this.quietMs);
  }

  dispose(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
  }
}
