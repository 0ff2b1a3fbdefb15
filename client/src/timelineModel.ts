/**
 * The client's copy of the whole corpus timeline, fetched from the language server with `corpusAnnotator/timeline`,
 * for the plot (the tree fetches a level at a time: timelineOutline.ts).
 *
 * Refresh policy: the server sends `corpusAnnotator/timelineChanged` when mentions changed; the model then re-requests,
 * debounced. While nobody looks (no plot is open) it only marks itself stale and fetches on the next look, so a large
 * corpus is not re-read on every keystroke. One request at a time: a refresh asked for while one runs follows it.
 */
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { TimelineRequests, type TimelineItem, type TimelineResult } from '../../server/src/protocolTimeline';

const DEBOUNCE_MS = 600;

export class TimelineModel implements vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChange = this.changed.event;
  private current: TimelineResult = { items: [], articles: 0, skipped: [] };
  /** The fetch loop, while it runs. */
  private loading: Promise<void> | undefined;
  /** A refresh was asked for while the loop ran. */
  private again = false;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private stale = true;
  private loadedOnce = false;
  private readonly disposables: vscode.Disposable[] = [this.changed];
  /** Whether anybody is looking (a plot is open: the tree has its own model, timelineOutline.ts); set by the feature. */
  watched: () => boolean = () => true;

  constructor(private readonly client: LanguageClient) {}

  get items(): readonly TimelineItem[] {
    return this.current.items;
  }

  get result(): TimelineResult {
    return this.current;
  }

  /** Whether a fetch is due, waiting for a quiet spell, or running (for tests). */
  get pending(): boolean {
    return this.stale || !!this.timer || !!this.loading;
  }

  /** Asks for a refresh after a quiet spell; only marks the model stale while nobody is looking. */
  refreshSoon(): void {
    this.stale = true;
    if (!this.watched()) return;
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      void this.refresh();
    }, DEBOUNCE_MS);
  }

  /** Fetches now if the model is stale (for when a view becomes visible). */
  ensureFresh(): Promise<void> {
    return this.stale ? this.refresh() : (this.loading ?? Promise.resolve());
  }

  /** Fetches the timeline now; asked for while a request runs, it fetches again after it (an older answer never wins). */
  refresh(): Promise<void> {
    this.stale = false;
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
      this.stale = true;
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
    if (this.timer) clearTimeout(this.timer);
    for (const d of this.disposables) d.dispose();
  }
}
