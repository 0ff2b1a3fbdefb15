/**
 * What the Timeline tree shows, fetched from the language server a level at a time: the outline (buckets, that is
 * years, months, unknown-year and undated, with their counts) with `corpusAnnotator/timelineOutline`, and a bucket's
 * mentions with `corpusAnnotator/timelineItems` when the tree expands it.
 *
 * Refresh policy: the server sends `corpusAnnotator/timelineChanged` only when mentions changed, naming the buckets
 * that did. After a quiet spell the outline is fetched again, and of the buckets fetched before only those named (the
 * others are kept); while nobody looks (the view is hidden) the model only notes what changed and fetches on the next
 * look. A refresh asked for while one runs cancels it and starts again (an older answer never wins).
 */
import * as vscode from 'vscode';
import { Staleness } from './staleness';
import type { LanguageClient } from 'vscode-languageclient/node';
import { TimelineRequests, type TimelineBucket, type TimelineChangedParams, type TimelineItem, type TimelineOutline } from '../../server/src/protocolTimeline';

/** What a refresh changed: whether the outline did, and which fetched buckets were fetched again or dropped. */
export interface OutlineChange {
  readonly outline: boolean;
  readonly buckets: readonly string[];
}

export class TimelineOutlineModel implements vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<OutlineChange>();
  readonly onDidChange = this.changed.event;
  private current: TimelineOutline = { version: 0, buckets: [], articles: 0, skipped: [] };
  private readonly counts = new Map<string, number>();
  /** Buckets fetched, by key (a pending fetch too). */
  private readonly fetched = new Map<string, Promise<TimelineItem[]>>();
  /** Buckets named by the server since the last refresh; undefined: any. */
  private named: Set<string> | undefined = new Set();
  private loadedOnce = false;
  private running: { done: Promise<void>; cancel: vscode.CancellationTokenSource } | undefined;
  private readonly disposables: vscode.Disposable[] = [this.changed];
  /** Whether anybody is looking (the tree view is visible); set by the feature. */
  watched: () => boolean = () => true;
  private readonly staleness = new Staleness(() => this.watched(), () => void this.refresh());
  /** Fetches made, for tests: `outline`, or a bucket's key. */
  readonly requests: string[] = [];

  constructor(private readonly client: LanguageClient) {}

  /** The server said mentions changed (`corpusAnnotator/timelineChanged`, registered once by the feature). */
  serverChanged(params: TimelineChangedParams | undefined): void {
    if (!params?.buckets) this.named = undefined;
    else for (const b of params.buckets) this.named?.add(b);
    this.refreshSoon();
  }

  get outline(): TimelineOutline {
    return this.current;
  }

  get buckets(): readonly TimelineBucket[] {
    return this.current.buckets;
  }

  countOf(bucket: string): number {
    return this.counts.get(bucket) ?? 0;
  }

  /** Whether the outline has been fetched at least once. */
  get loaded(): boolean {
    return this.loadedOnce;
  }

  /** Whether a fetch is due, waiting for a quiet spell, or running (for tests). */
  get pending(): boolean {
    return this.staleness.stale || this.staleness.waiting || !!this.running;
  }

  /** A bucket's mentions: fetched once, then kept until the server names the bucket as changed. */
  items(bucket: string): Promise<TimelineItem[]> {
    if (!this.counts.has(bucket)) return Promise.resolve([]);
    let p = this.fetched.get(bucket);
    if (!p) {
      this.requests.push(bucket);
      p = Promise.resolve(this.client.sendRequest(TimelineRequests.items, { bucket })).then(
        (r) => r.items,
        (e: unknown) => {
          // Tried again at the next ask; not a newer fetch of the bucket made since (a refresh drops this one).
          if (this.fetched.get(bucket) === p) this.fetched.delete(bucket);
          throw e;
        },
      );
      this.fetched.set(bucket, p);
    }
    return p;
  }

  /** Asks for a refresh after a quiet spell; only marks the model stale while nobody is looking. */
  refreshSoon(): void {
    this.staleness.soon();
  }

  /** Fetches now if the model is stale (for when the view becomes visible). */
  ensureFresh(): Promise<void> {
    return this.staleness.stale ? this.refresh() : (this.running?.done ?? Promise.resolve());
  }

  /** Everything fetched is fetched again (the Refresh command). */
  refreshAll(): Promise<void> {
    this.named = undefined;
    return this.refresh();
  }

  /** Fetches the outline, and again the fetched buckets the server named; a refresh running is cancelled. */
  refresh(): Promise<void> {
    this.staleness.stale = false;
    if (this.running) this.running.cancel.cancel();
    const cancel = new vscode.CancellationTokenSource();
    const named = this.named;
    this.named = new Set();
    const done = (async () => {
      try {
        const next = await vscode.window.withProgress({ location: { viewId: 'corpusAnnotator.timeline' } }, () => {
          this.requests.push('outline');
          return this.client.sendRequest(TimelineRequests.outline, {}, cancel.token);
        });
        if (cancel.token.isCancellationRequested) return;
        const outlineChanged = !this.loadedOnce || JSON.stringify(next.buckets) !== JSON.stringify(this.current.buckets) || next.skipped.length !== this.current.skipped.length;
        this.current = next;
        this.counts.clear();
        for (const b of next.buckets) this.counts.set(b.key, b.count);
        const again: string[] = [];
        for (const key of [...this.fetched.keys()]) {
          if (named && !named.has(key) && this.counts.has(key)) continue;
          this.fetched.delete(key);
          again.push(key);
        }
        this.loadedOnce = true;
        this.changed.fire({ outline: outlineChanged, buckets: again });
      } catch (e) {
        if (cancel.token.isCancellationRequested) return;
        // What the server named is fetched on the next refresh.
        if (!named) this.named = undefined;
        else for (const b of named) this.named?.add(b);
        this.staleness.stale = true;
        void vscode.window.showErrorMessage(`Corpus Annotator: cannot build the timeline: ${(e as Error).message}. Use “Refresh Timeline” to try again.`);
      } finally {
        if (this.running?.cancel === cancel) this.running = undefined;
        cancel.dispose();
      }
    })();
    this.running = { done, cancel };
    return done;
  }

  /** Resolves when the latest refresh has finished (starting one if none ran yet). */
  whenLoaded(): Promise<void> {
    return this.loadedOnce ? (this.running?.done ?? Promise.resolve()) : (this.running?.done ?? this.refresh());
  }

  dispose(): void {
    this.staleness.dispose();
    this.running?.cancel.cancel();
    for (const d of this.disposables) d.dispose();
  }
}
