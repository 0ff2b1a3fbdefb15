/**
 * The client's view of all tags, fetched from the language server.
 *
 * Refresh policy: the model lists every article's tags on first load and on the Refresh Tags command; after that it
 * only follows the server's `corpusAnnotator/tagsChanged`, which the server sends after every change (the tag
 * commands of this client included, and sidecar files changed on disk). When the notification names the articles,
 * only their tags are fetched again (`listTags { uri }`); an empty list means "any article" and lists them all.
 * Notifications that arrive while a fetch runs are merged into one follow-up fetch, so fetches never overlap and an
 * older answer never overwrites a newer one.
 */
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { Notifications, Requests, type ListTagsResult, type TagItem, type TagsChangedParams } from '../../server/src/protocol';

/** Above this many changed articles one listing of everything is cheaper than one request per article. */
const MAX_ARTICLE_REQUESTS = 20;

/** A URI as VS Code spells it, so that the server's spelling and ours compare equal. */
const keyOf = (uri: string): string => {
  try {
    return vscode.Uri.parse(uri).toString();
  } catch {
    return uri;
  }
};

export class TagModel implements vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChange = this.changed.event;
  /** Tags by article (URI key), in the server's order; `all` is their concatenation, rebuilt on change. */
  private readonly byArticle = new Map<string, TagItem[]>();
  private all: TagItem[] = [];
  private readonly reportedProblems = new Set<string>();
  /** What is waiting to be fetched: everything, or some articles (by URI key). */
  private queued: 'all' | Map<string, string> | undefined;
  /** The fetch loop, while it runs. */
  private running: Promise<void> | undefined;
  private loadedOnce = false;
  /** Requests made so far: listings of every article, and of one article (for tests and diagnosis). */
  readonly requests = { all: 0, article: 0 };
  private readonly disposables: vscode.Disposable[] = [this.changed];

  constructor(private readonly client: LanguageClient) {
    this.disposables.push(
      client.onNotification(Notifications.tagsChanged, (params: TagsChangedParams | undefined) => void this.fetch(params?.uris)),
    );
  }

  get tags(): readonly TagItem[] {
    return this.all;
  }

  /** Tags in use, most used first. */
  labels(): { label: string; count: number }[] {
    const counts = new Map<string, number>();
    for (const t of this.all) counts.set(t.tag, (counts.get(t.tag) ?? 0) + 1);
    return [...counts.entries()].map(([label, count]) => ({ label, count })).sort((a, b) => b.count - a.count || a.label.localeCompare(b.label));
  }

  /** Lists every article's tags again (first load, the Refresh Tags command). */
  refresh(): Promise<void> {
    return this.fetch(undefined);
  }

  /** Resolves when the tags have been listed at least once and no fetch is running or waiting. */
  whenLoaded(): Promise<void> {
    return this.running ?? (this.loadedOnce ? Promise.resolve() : this.refresh());
  }

  /** Queues a fetch of these articles' tags (all articles when none are given) and runs the fetch loop. */
  private fetch(uris: readonly string[] | undefined): Promise<void> {
    if (!uris?.length) this.queued = 'all';
    else if (this.queued !== 'all') {
      this.queued ??= new Map();
      for (const u of uris) this.queued.set(keyOf(u), u);
    }
    this.running ??= this.drain();
    return this.running;
  }

  private async drain(): Promise<void> {
    // Yield first: `running` is set before the loop can end, and changes queued in this tick join the first fetch.
    await Promise.resolve();
    try {
      while (this.queued) {
        const what = this.queued;
        this.queued = undefined;
        if (what === 'all' || !this.loadedOnce || what.size > MAX_ARTICLE_REQUESTS) await this.fetchAll();
        else await this.fetchArticles([...what.values()]);
      }
    } finally {
      this.running = undefined;
    }
  }

  private async fetchAll(): Promise<void> {
    let result: ListTagsResult;
    this.requests.all++;
    try {
      result = await this.client.sendRequest(Requests.listTags, {});
    } catch (e) {
      void vscode.window.showErrorMessage(`Corpus Annotator: cannot list tags: ${(e as Error).message}`);
      return;
    }
    this.byArticle.clear();
    for (const t of result.tags) this.add(t);
    this.addProblems(result.problems);
    this.loadedOnce = true;
    this.update();
  }

  private async fetchArticles(uris: string[]): Promise<void> {
    let results: ListTagsResult[];
    this.requests.article += uris.length;
    try {
      results = await Promise.all(uris.map((uri) => this.client.sendRequest(Requests.listTags, { uri })));
    } catch (e) {
      void vscode.window.showErrorMessage(`Corpus Annotator: cannot list tags: ${(e as Error).message}`);
      return;
    }
    for (const uri of uris) this.byArticle.delete(keyOf(uri));
    for (const r of results) {
      for (const t of r.tags) this.byArticle.delete(keyOf(t.uri));
    }
    for (const r of results) {
      for (const t of r.tags) this.add(t);
      this.addProblems(r.problems);
    }
    this.update();
  }

  private add(t: TagItem): void {
    const key = keyOf(t.uri);
    let list = this.byArticle.get(key);
    if (!list) this.byArticle.set(key, (list = []));
    list.push(t);
  }

  private addProblems(problems: ListTagsResult['problems']): void {
    for (const p of problems) {
      const key = `${p.uri}:${p.message}`;
      if (this.reportedProblems.has(key)) continue;
      this.reportedProblems.add(key);
      void vscode.window.showWarningMessage(
        `Corpus Annotator: ${vscode.workspace.asRelativePath(vscode.Uri.parse(p.uri))} could not be read (${p.message}). Its tags are not shown and the file will not be changed until it is fixed.`,
      );
    }
  }

  private update(): void {
    this.all = [...this.byArticle.values()].flat();
    this.changed.fire();
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }
}
