/**
 * The `Boilerplate` tree: kind → cluster of repeated passages (snippet, number of copies) → place (article, line).
 * Fetched from the server (`corpusAnnotator/boilerplateClusters`) when the server says findings changed; while the
 * view is hidden a change only marks the tree stale, so a busy corpus costs nothing until the view is shown.
 */
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import {
  BoilerplateRequests,
  type BoilerplateClusterItem,
  type BoilerplateClustersResult,
  type BoilerplateKindName,
  type BoilerplatePlace,
} from '../../server/src/protocolBoilerplate';
import { changesApplied } from './boilerplateChanges';
import { ListedContext } from './listedContext';

export type BoilerplateNode =
  | { kind: 'kind'; name: BoilerplateKindName; clusters: BoilerplateClusterItem[] }
  | { kind: 'cluster'; cluster: BoilerplateClusterItem }
  | { kind: 'place'; cluster: BoilerplateClusterItem; place: BoilerplatePlace }
  /** The places of a cluster past those listed with it: asked of the server when expanded. */
  | { kind: 'more'; cluster: BoilerplateClusterItem };

const KIND_LABELS: Record<BoilerplateKindName, string> = {
  duplicate: 'Exact duplicates',
  'near-duplicate': 'Near duplicates',
  chrome: 'Page chrome',
};
/** Kinds of at most this many clusters are shown expanded. */
const KIND_EXPANDED_UP_TO = 100;
const KIND_ICONS: Record<BoilerplateKindName, string> = { duplicate: 'copy', 'near-duplicate': 'diff', chrome: 'layout' };

export class BoilerplateTreeProvider implements vscode.TreeDataProvider<BoilerplateNode>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<BoilerplateNode | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private result: BoilerplateClustersResult = { version: 0, clusters: [], omitted: 0, omittedByKind: {}, problems: [] };
  private roots: BoilerplateNode[] = [];
  private readonly parents = new Map<BoilerplateNode, BoilerplateNode>();
  private loading: Promise<void> | undefined;
  /** A fetch is running; `again`: asked for again meanwhile (it is fetched once more when it ends, not alongside). */
  private fetching = false;
  private again = false;
  private loaded = false;
  private readonly reported = new Set<string>();
  private readonly listed = new ListedContext('corpusAnnotator.boilerplateListed');

  constructor(private readonly client: LanguageClient) {}

  /** The clusters last fetched. */
  get clusters(): readonly BoilerplateClusterItem[] {
    return this.result.clusters;
  }

  /**
   * Fetches the clusters again. Calls while a fetch runs share it, and one more fetch follows it: a listing of a large
   * corpus takes seconds, and the server says findings changed after every pause in typing. A request each time made
   * them run side by side, each slower for the others, and the view never showed one while the analyst typed.
   */
  refresh(): Promise<void> {
    if (this.fetching) {
      this.again = true;
      return this.loading!;
    }
    this.fetching = true;
    const run = (async () => {
      try {
        do {
          this.again = false;
          if (!(await this.fetchOnce())) return;
        } while (this.again);
      } finally {
        this.fetching = false;
      }
    })();
    this.loading = run;
    return run;
  }

  /**
   * One request for the clusters, shown when it answers; false when it failed (said to the user). Once listed, what
   * changed since is asked for (`since`), and applied to the clusters held.
   */
  private async fetchOnce(): Promise<boolean> {
    try {
      const reply = await this.client.sendRequest(BoilerplateRequests.clusters, this.loaded ? { since: this.result.version } : {});
      const applied = reply.since === undefined ? reply : changesApplied(this.result, reply);
      // Changes that do not fit what is held (a listing answered to another request meanwhile): the whole listing.
      this.result = applied ?? (await this.client.sendRequest(BoilerplateRequests.clusters, {}));
    } catch (e) {
      void vscode.window.showErrorMessage(`Corpus Annotator: cannot list boilerplate: ${(e as Error).message}`);
      return false;
    }
    this.loaded = true;
    for (const p of this.result.problems) {
      const key = `${p.uri}:${p.message}`;
      if (this.reported.has(key)) continue;
      this.reported.add(key);
      void vscode.window.showWarningMessage(
        `Corpus Annotator: ${vscode.workspace.asRelativePath(vscode.Uri.parse(p.uri))} could not be read (${p.message}). ` +
          'The last good ignore list stays in use and the file will not be changed until it is fixed.',
      );
    }
    this.rebuild();
    this.changed.fire(undefined);
    return true;
  }

  /** Resolves when the clusters have been fetched at least once (and the latest fetch has finished). */
  async whenLoaded(): Promise<void> {
    if (!this.loaded && !this.loading) await this.refresh();
    await this.loading;
  }

  private rebuild(): void {
    this.parents.clear();
    const byKind = new Map<BoilerplateKindName, BoilerplateClusterItem[]>();
    for (const c of this.result.clusters) {
      const list = byKind.get(c.kind);
      if (list) list.push(c);
      else byKind.set(c.kind, [c]);
    }
    this.roots = (Object.keys(KIND_LABELS) as BoilerplateKindName[])
      .filter((k) => byKind.has(k))
      .map((name) => ({ kind: 'kind', name, clusters: byKind.get(name)! }));
  }

  getChildren(node?: BoilerplateNode): BoilerplateNode[] | Promise<BoilerplateNode[]> {
    if (!node) {
      this.listed.rootsGiven(this.loaded);
      return this.roots;
    }
    if (node.kind === 'more') return this.morePlaces(node);
    let children: BoilerplateNode[] = [];
    if (node.kind === 'kind') children = node.clusters.map((cluster) => ({ kind: 'cluster', cluster }));
    else if (node.kind === 'cluster') {
      children = node.cluster.places.map((place) => ({ kind: 'place', cluster: node.cluster, place }));
      if (node.cluster.count > node.cluster.places.length) children.push({ kind: 'more', cluster: node.cluster });
    }
    return this.adopted(node, children);
  }

  private adopted(parent: BoilerplateNode, children: BoilerplateNode[]): BoilerplateNode[] {
    for (const c of children) this.parents.set(c, parent);
    return children;
  }

  /** The places of a cluster past those it was listed with, asked of the server. */
  private async morePlaces(node: Extract<BoilerplateNode, { kind: 'more' }>): Promise<BoilerplateNode[]> {
    const { cluster } = node;
    let places: BoilerplatePlace[] | null;
    try {
      places = await this.client.sendRequest(BoilerplateRequests.clusterPlaces, { id: cluster.id });
    } catch (e) {
      void vscode.window.showErrorMessage(`Corpus Annotator: cannot list the places of a boilerplate passage: ${(e as Error).message}`);
      return [];
    }
    // The corpus changed since the listing (the cluster is gone, or its first places are not those shown): list again
    // (the server says so too, and a refresh is coalesced) rather than show places twice or leave some out.
    if (places === null || !cluster.places.every((p, i) => places[i] !== undefined && samePlace(p, places[i]))) {
      void this.refresh();
      return [];
    }
    return this.adopted(node, places.slice(cluster.places.length).map((place) => ({ kind: 'place', cluster, place })));
  }

  getParent(node: BoilerplateNode): BoilerplateNode | undefined {
    return this.parents.get(node);
  }

  getTreeItem(node: BoilerplateNode): vscode.TreeItem {
    if (node.kind === 'kind') {
      // A kind of hundreds of clusters starts collapsed: expanded, it hid the kinds after it below a thousand rows.
      const open = node.clusters.length <= KIND_EXPANDED_UP_TO ? vscode.TreeItemCollapsibleState.Expanded : vscode.TreeItemCollapsibleState.Collapsed;
      const item = new vscode.TreeItem(KIND_LABELS[node.name], open);
      const omitted = this.result.omittedByKind?.[node.name] ?? 0;
      item.description = omitted ? `${node.clusters.length} of ${node.clusters.length + omitted}` : `${node.clusters.length}`;
      if (omitted) item.tooltip = `The ${node.clusters.length} with the most copies are listed; ${omitted} more are not.`;
      item.iconPath = new vscode.ThemeIcon(KIND_ICONS[node.name]);
      item.contextValue = 'boilerplate.kind';
      item.id = `boilerplate:${node.name}`;
      return item;
    }
    if (node.kind === 'cluster') {
      const c = node.cluster;
      const item = new vscode.TreeItem(snippet(c.text), vscode.TreeItemCollapsibleState.Collapsed);
      const articles = c.articles;
      item.description = `${c.count} copies${articles > 1 ? ` in ${articles} articles` : ''}`;
      const tooltip = new vscode.MarkdownString();
      tooltip.appendText(c.text);
      tooltip.appendMarkdown(`\n\n---\n\n${KIND_LABELS[c.kind]}: ${c.count} copies in ${articles} article${articles === 1 ? '' : 's'}`);
      item.tooltip = tooltip;
      item.contextValue = 'boilerplate.cluster';
      item.id = `boilerplate:${c.kind}:${c.id}`;
      return item;
    }
    if (node.kind === 'more') {
      const c = node.cluster;
      const more = c.count - c.places.length;
      const item = new vscode.TreeItem(`${more.toLocaleString('en-US')} more place${more === 1 ? '' : 's'}`, vscode.TreeItemCollapsibleState.Collapsed);
      item.tooltip = `Expand to list the other ${more.toLocaleString('en-US')} copies of this passage.`;
      item.iconPath = new vscode.ThemeIcon('ellipsis');
      item.contextValue = 'boilerplate.more';
      item.id = `boilerplate:${c.kind}:${c.id}:more`;
      return item;
    }
    const p = node.place;
    const item = new vscode.TreeItem(p.document.split('/').pop() ?? p.document, vscode.TreeItemCollapsibleState.None);
    item.description = `line ${p.range.start.line + 1}`;
    item.resourceUri = vscode.Uri.parse(p.uri);
    item.tooltip = `${p.document}, line ${p.range.start.line + 1}`;
    item.iconPath = vscode.ThemeIcon.File;
    item.contextValue = 'boilerplate.place';
    item.id = `boilerplate:${node.cluster.kind}:${node.cluster.id}:${p.uri}:${p.range.start.line}`;
    item.command = { command: 'corpusAnnotator.boilerplate.reveal', title: 'Reveal Passage', arguments: [p] };
    return item;
  }

  dispose(): void {
    this.changed.dispose();
  }
}

function samePlace(a: BoilerplatePlace, b: BoilerplatePlace): boolean {
  const { start: s, end: e } = a.range;
  return a.uri === b.uri && s.line === b.range.start.line && s.character === b.range.start.character && e.line === b.range.end.line && e.character === b.range.end.character;
}

export function snippet(text: string, max = 60): string {
  const one = text.replace(/\s+/g, ' ').trim();
  return one.length > max ? `${one.slice(0, max - 1)}…` : one;
}
