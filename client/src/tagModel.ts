/** The client's view of all tags, fetched from the language server and refreshed when it says they changed. */
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { Notifications, Requests, type ListTagsResult, type TagItem } from '../../server/src/protocol';

export class TagModel implements vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChange = this.changed.event;
  private current: ListTagsResult = { tags: [], problems: [] };
  private loading: Promise<void> | undefined;
  private readonly disposables: vscode.Disposable[] = [this.changed];
  private reportedProblems = new Set<string>();

  constructor(private readonly client: LanguageClient) {
    this.disposables.push(client.onNotification(Notifications.tagsChanged, () => void this.refresh()));
  }

  get tags(): readonly TagItem[] {
    return this.current.tags;
  }

  /** Tags in use, most used first. */
  labels(): { label: string; count: number }[] {
    const counts = new Map<string, number>();
    for (const t of this.current.tags) counts.set(t.tag, (counts.get(t.tag) ?? 0) + 1);
    return [...counts.entries()].map(([label, count]) => ({ label, count })).sort((a, b) => b.count - a.count || a.label.localeCompare(b.label));
  }

  refresh(): Promise<void> {
    const run = (async () => {
      try {
        this.current = await this.client.sendRequest<ListTagsResult>(Requests.listTags, {});
      } catch (e) {
        void vscode.window.showErrorMessage(`Corpus Annotator: cannot list tags: ${(e as Error).message}`);
        return;
      }
      for (const p of this.current.problems) {
        const key = `${p.uri}:${p.message}`;
        if (this.reportedProblems.has(key)) continue;
        this.reportedProblems.add(key);
        void vscode.window.showWarningMessage(
          `Corpus Annotator: ${vscode.workspace.asRelativePath(vscode.Uri.parse(p.uri))} could not be read (${p.message}). Its tags are not shown and the file will not be changed until it is fixed.`,
        );
      }
      this.changed.fire();
    })();
    this.loading = run;
    return run;
  }

  /** Resolves when the latest refresh has finished. */
  whenLoaded(): Promise<void> {
    return this.loading ?? this.refresh();
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }
}
