/**
 * The client's copy of the whole corpus timeline, fetched from the language server with `corpusAnnotator/timeline`,
 * for the plot (the tree fetches a level at a time: timelineOutline.ts).
 *
 * Refresh policy: the server sends `corpusAnnotator/timelineChanged` when mentions changed; the model then re-requests,
 * debounced. While nobody looks (no plot is open) it only marks itself stale and fetches on the next look, so a large
 * corpus is not re-read on every keystroke. One request at a time: a refresh asked for while one runs follows it.
 */
import * as vscode from 'vscode';
import { Staleness } from './staleness';
import type { LanguageClient } from 'vscode-languageclient/node';
import { TimelineRequests, type TimelineItem, type TimelineResult } from '../../server/src/protocolTimeline';

export class TimelineModel implements vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChange = this.changed.event;
  private current: TimelineResult = { items: [], articles: 0, skipped: [] };
  /** The fetch loop, while it runs. */
  private loading: Promise<void> | undefined;
  /** A refresh was asked for while the loop ran. */
  private again = false;
  private loadedOnce = false;
  private readonly disposables: vscode.Disposable[] = [this.changed];
  /** Whether anybody is looking (a plot is open: the tree has its own model, timelineOutline.ts); set by the feature. */
  watched: () => boolean = () => true;
  private readonly staleness = new Staleness(() => this.watched(), () => void this.refresh());

  constructor(private readonly client: LanguageClient) {}

  get items(): readonly TimelineItem[] {
    return this.current.items;
  }

  get result(): TimelineResult {
    return this.current;
  }

  /** Whether a fetch is due, waiting for a quiet spell, or running (for tests). */
  get pending(): boolean {
    return this.staleness.stale || this.staleness.waiting || !!this.loading;
  }

  /** Asks for a refresh after a quiet spell; only marks the model stale while nobody is looking. */
  refreshSoon(): void {
    this.staleness.soon();
  }

  /** Fetches now if the model is stale (for when a view becomes visible). */
  ensureFresh(): Promise<void> {
    return this.staleness.stale ? this.refresh() : (this.loading ?? Promise.resolve());
  }

  /** Fetches the timeline now; asked for while a request runs, it fetches again after it (an older answer never wins). */
  refresh(): Promise<void> {
    this.staleness.stale = false;
    if (this.loading) {
      this.again = true;
      return this.loading;
    }
    const run = (async () => {
      try {
        do {
          this.again = false;
          await this.fetch();
        } while (this.again);
      } finally {
        this.loading = undefined;
      }
    })();
    this.loading = run;
    return run;
  }

  private async fetch(): Promise<void> {
    try {
      this.current = await vscode.window.withProgress(
        { location: { viewId: 'corpusAnnotator.timeline' } },
        () => this.client.sendRequest(TimelineRequests.timeline, {}),
      );
      this.loadedOnce = true;
    } catch (e) {
      this.staleness.stale = true;
      void vscode.window.showErrorMessage(
        `Corpus Annotator: cannot build the timeline: ${(e as Error).message}. Use “Refresh Timeline” to try again.`,
      );
      return;
    }
    this.changed.fire();
  }

  /** Whether the timeline has been fetched at least once. */
  get loaded(): boolean {
    return this.loadedOnce;
  }

  /** Resolves when the latest refresh has finished (starting one if none ran yet). */
  whenLoaded(): Promise<void> {
    return this.loadedOnce ? (this.loading ?? Promise.resolve()) : (this.loading ?? this.refresh());
  }

  dispose(): void {
    this.staleness.dispose();
    for (const d of this.disposables) d.dispose();
  }
}
