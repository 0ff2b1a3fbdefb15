/**
 * The client's copy of the corpus timeline, fetched from the language server with `corpusAnnotator/timeline`.
 *
 * Refresh policy (client-driven; the server sends no change notification): the model re-requests, debounced, when
 * diagnostics change (the server re-publishes them after every corpus change it sees: edits, files changed on disk,
 * the registry), when a corpus file is created, changed or deleted on disk, when tags change, and when settings
 * change. While nobody looks (the view is hidden and no plot is open) it only marks itself stale and fetches on the
 * next look, so a large corpus is not re-read on every keystroke.
 */
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { TimelineRequests, type TimelineItem, type TimelineResult } from '../../server/src/protocolTimeline';

const DEBOUNCE_MS = 600;

export class TimelineModel implements vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChange = this.changed.event;
  private current: TimelineResult = { items: [], articles: 0, skipped: [] };
  private loading: Promise<void> | undefined;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private stale = true;
  private loadedOnce = false;
  private readonly disposables: vscode.Disposable[] = [this.changed];
  /** Whether anybody is looking (the tree view is visible or a plot is open); set by the feature. */
  watched: () => boolean = () => true;

  constructor(private readonly client: LanguageClient) {
    const soon = () => this.refreshSoon();
    this.disposables.push(vscode.languages.onDidChangeDiagnostics(soon));
    const watcher = vscode.workspace.createFileSystemWatcher('**/*.txt');
    this.disposables.push(watcher, watcher.onDidCreate(soon), watcher.onDidChange(soon), watcher.onDidDelete(soon));
    this.disposables.push(vscode.workspace.onDidChangeConfiguration((e) => e.affectsConfiguration('corpusAnnotator') && soon()));
  }

  get items(): readonly TimelineItem[] {
    return this.current.items;
  }

  get result(): TimelineResult {
    return this.current;
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

  refresh(): Promise<void> {
    this.stale = false;
    const run = (async () => {
      try {
        this.current = await vscode.window.withProgress(
          { location: { viewId: 'corpusAnnotator.timeline' } },
          () => this.client.sendRequest<TimelineResult>(TimelineRequests.timeline, {}),
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
    })();
    this.loading = run;
    return run;
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
