/**
 * The tag taxonomy (`annotations/tags.yaml` of every workspace folder, merged by the server): names, descriptions and
 * colours. Fetched once, then again only when the server sends `corpusAnnotator/taxonomyChanged`.
 */
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { Notifications, Requests, type TaxonomyItem } from '../../server/src/protocol';
import { colorOfTag } from './tagChoices';

export class TaxonomyModel implements vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChange = this.changed.event;
  private items: TaxonomyItem[] = [];
  private colors = new Map<string, string>();
  private loading: Promise<void> | undefined;
  /** Bumped by each fetch, so that an older answer never overwrites a newer one. */
  private generation = 0;
  private readonly disposables: vscode.Disposable[] = [this.changed];

  constructor(private readonly client: LanguageClient) {
    this.disposables.push(client.onNotification(Notifications.taxonomyChanged, () => void this.refresh()));
  }

  get tags(): readonly TaxonomyItem[] {
    return this.items;
  }

  get names(): ReadonlySet<string> {
    return new Set(this.items.map((t) => t.name));
  }

  /** The colour of a tag from the taxonomy: its own or its nearest ancestor's. */
  colorOf(tag: string): string | undefined {
    return colorOfTag(tag, this.colors);
  }

  /** Resolves once the taxonomy has been fetched at least once (and the latest fetch is done). */
  whenLoaded(): Promise<void> {
    return this.loading ?? this.refresh();
  }

  refresh(): Promise<void> {
    const generation = ++this.generation;
    const run = (async () => {
      try {
        const result = await this.client.sendRequest(Requests.taxonomy, {});
        if (generation !== this.generation) return;
        this.items = result.tags;
        this.colors = new Map(result.tags.filter((t) => t.color).map((t) => [t.name, t.color!]));
        this.changed.fire();
      } catch (e) {
        if (generation === this.generation) void vscode.window.showWarningMessage(`Corpus Annotator: cannot read the tag taxonomy: ${(e as Error).message}`);
      }
    })();
    this.loading = run;
    return run;
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }
}
