/**
 * The `Corpus Tags` tree, grouped by tag (tag → article → passage) or by article (article → passage, in text order),
 * with counts, each passage's status, line and snippet, and a filter (by tag, article or text). Tags that need the
 * analyst (orphaned: their passage is gone; fuzzy: their words changed) are also listed first, under "Needs
 * attention", with commands to accept the suggested place, attach to the selection, or remove.
 */
import * as vscode from 'vscode';
import type { TagItem } from '../../server/src/protocol';
import { matchesTagFilter, parseTagFilter, type TagFilter } from './tagChoices';
import type { TagModel } from './tagModel';
import { authorsOf, groupSameTags } from './sameTags';

export type TagsGroupBy = 'tag' | 'article';

export type TagNode =
  | { kind: 'attention'; items: TagItem[] }
  | { kind: 'tag'; label: string; items: TagItem[] }
  /** An article: below a tag (`tag` set), or a root when grouped by article. */
  | { kind: 'article'; tag?: string; document: string; uri: string; items: TagItem[] }
  /**
   * A passage; `under` says where it is listed, which decides its label. `same`: other records identical to `item`
   * (two analysts' same tag on the same passage, after a merge), shown on this one row with every author.
   */
  | { kind: 'passage'; item: TagItem; under: 'attention' | 'tag' | 'article'; same?: readonly TagItem[] };

const GROUP_KEY = 'corpusAnnotator.tagsGroupBy';

export class TagsTreeProvider implements vscode.TreeDataProvider<TagNode>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<TagNode | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private readonly stateChanged = new vscode.EventEmitter<void>();
  /** Grouping or filter changed, or the tags did: the view's description and message are due for an update. */
  readonly onDidChangeState = this.stateChanged.event;
  private readonly subscription: vscode.Disposable;
  private roots: TagNode[] = [];
  private readonly parents = new Map<TagNode, TagNode>();
  private filterValue: TagFilter | undefined;
  private shownCount = 0;

  constructor(
    private readonly model: TagModel,
    private readonly memento?: vscode.Memento,
  ) {
    this.subscription = model.onDidChange(() => this.update());
    this.rebuild();
  }

  get groupBy(): TagsGroupBy {
    return this.memento?.get<TagsGroupBy>(GROUP_KEY) === 'article' ? 'article' : 'tag';
  }

  async setGroupBy(groupBy: TagsGroupBy): Promise<void> {
    await this.memento?.update(GROUP_KEY, groupBy);
    this.update();
  }

  get filter(): TagFilter | undefined {
    return this.filterValue;
  }

  /** Sets the filter (`tag:x`, `article:x`, `text:x`, bare words; all must match); empty or undefined clears it. */
  setFilter(text: string | undefined): void {
    this.filterValue = parseTagFilter(text ?? '');
    this.update();
  }

  /** Tags shown (after the filter) and in all. */
  get counts(): { shown: number; total: number } {
    return { shown: this.shownCount, total: this.model.tags.length };
  }

  private update(): void {
    this.rebuild();
    this.changed.fire(undefined);
    this.stateChanged.fire();
  }

  private rebuild(): void {
    this.parents.clear();
    const shown = this.model.tags.filter((t) => matchesTagFilter(this.filterValue, t));
    this.shownCount = shown.length;
    const groups: TagNode[] = this.groupBy === 'article' ? articleNodes(shown) : tagNodes(shown);
    const attention = shown.filter((t) => t.status === 'orphaned' || t.status === 'fuzzy');
    this.roots = attention.length ? [{ kind: 'attention', items: attention }, ...groups] : groups;
  }

  getChildren(node?: TagNode): TagNode[] {
    if (!node) return this.roots;
    let children: TagNode[] = [];
    if (node.kind === 'attention') {
      children = passageNodes([...node.items].sort((a, b) => a.document.localeCompare(b.document) || a.tag.localeCompare(b.tag)), 'attention');
    } else if (node.kind === 'tag') {
      children = articleNodes(node.items, node.label);
    } else if (node.kind === 'article') {
      children = passageNodes([...node.items].sort(inTextOrder), node.tag === undefined ? 'article' : 'tag');
    }
    for (const c of children) this.parents.set(c, node);
    return children;
  }

  getParent(node: TagNode): TagNode | undefined {
    return this.parents.get(node);
  }

  getTreeItem(node: TagNode): vscode.TreeItem {
    if (node.kind === 'attention') {
      const item = new vscode.TreeItem('Needs attention', vscode.TreeItemCollapsibleState.Expanded);
      const orphans = node.items.filter((t) => t.status === 'orphaned').length;
      item.description = [orphans ? `${orphans} orphaned` : '', node.items.length - orphans ? `${node.items.length - orphans} fuzzy` : ''].filter(Boolean).join(' · ');
      item.tooltip = 'Tags whose passage changed elsewhere: orphaned ones lost their passage, fuzzy ones were found with their words changed.';
      item.iconPath = new vscode.ThemeIcon('warning');
      item.contextValue = 'tag.attention';
      item.id = 'tag-attention';
      return item;
    }
    if (node.kind === 'tag') {
      const item = new vscode.TreeItem(node.label, vscode.TreeItemCollapsibleState.Expanded);
      const articles = new Set(node.items.map((t) => t.document)).size;
      const passages = groupSameTags(node.items).length;
      item.description = articles > 1 ? `${passages} · ${articles} articles` : `${passages}`;
      item.tooltip = `${node.label}: ${plural(passages, 'passage')} in ${plural(articles, 'article')}. Rename, move or merge it from its context menu.`;
      item.iconPath = new vscode.ThemeIcon('tag');
      item.contextValue = 'tag.label';
      item.id = `tag:${node.label}`;
      return item;
    }
    if (node.kind === 'article') {
      const item = new vscode.TreeItem(node.document.split('/').pop() ?? node.document, vscode.TreeItemCollapsibleState.Expanded);
      // The folder tells apart articles with the same name in different folders.
      const folder = node.document.includes('/') ? node.document.slice(0, node.document.lastIndexOf('/')) : '';
      const passages = groupSameTags(node.items).length;
      item.description = folder ? `${folder} · ${passages}` : `${passages}`;
      item.resourceUri = vscode.Uri.parse(node.uri);
      item.iconPath = vscode.ThemeIcon.File;
      item.tooltip = `${node.document}: ${plural(passages, 'tagged passage')}`;
      item.contextValue = 'tag.article';
      item.id = node.tag === undefined ? `article:${node.document}` : `tag:${node.tag}:${node.document}`;
      return item;
    }
    const t = node.item;
    const label = node.under === 'tag' ? snippet(t.quote) : `${t.tag}: ${snippet(t.quote, 48)}`;
    const item = new vscode.TreeItem(label, vscode.TreeItemCollapsibleState.None);
    // Identical tags of several analysts: one row, naming them all.
    const authors = node.same?.length ? authorsOf({ item: t, same: node.same }).join(', ') : '';
    item.description = [node.under === 'attention' ? t.document.split('/').pop() : '', statusText(t), t.note ?? '', authors].filter(Boolean).join(' · ');
    item.tooltip = passageTooltip(t, node.same ?? []);
    item.iconPath = new vscode.ThemeIcon(STATUS_ICON[t.status]);
    item.contextValue = t.status === 'orphaned' ? (t.suggestion ? 'tag.passage.orphaned.suggested' : 'tag.passage.orphaned') : t.status === 'fuzzy' ? 'tag.passage.fuzzy' : 'tag.passage';
    item.id = `${node.under === 'attention' ? 'tag:!' : node.under === 'article' ? 'article:' : `tag:${t.tag}`}:${t.document}:${t.id}`;
    item.command = { command: 'corpusAnnotator.revealTag', title: 'Reveal Tagged Passage', arguments: [t] };
    return item;
  }

  /** The passage node of a tag (outside Needs attention), for reveal in tests and commands. */
  findPassage(id: string): TagNode | undefined {
    const visit = (nodes: TagNode[]): TagNode | undefined => {
      for (const n of nodes) {
        if (n.kind === 'attention') continue;
        if (n.kind === 'passage') {
          if (n.item.id === id) return n;
          continue;
        }
        const found = visit(this.getChildren(n));
        if (found) return found;
      }
      return undefined;
    };
    return visit(this.roots);
  }

  /** The row of a tag name when grouped by tag. */
  findTag(label: string): TagNode | undefined {
    return this.roots.find((n) => n.kind === 'tag' && n.label === label);
  }

  dispose(): void {
    this.subscription.dispose();
    this.changed.dispose();
    this.stateChanged.dispose();
  }
}

function tagNodes(items: readonly TagItem[]): TagNode[] {
  const byTag = new Map<string, TagItem[]>();
  for (const t of items) byTag.set(t.tag, [...(byTag.get(t.tag) ?? []), t]);
  return [...byTag.entries()].sort((a, b) => a[0].localeCompare(b[0])).map(([label, list]) => ({ kind: 'tag', label, items: list }));
}

function articleNodes(items: readonly TagItem[], tag?: string): TagNode[] {
  const byDoc = new Map<string, TagItem[]>();
  for (const t of items) byDoc.set(t.document, [...(byDoc.get(t.document) ?? []), t]);
  return [...byDoc.entries()]
    .sort((a, b) => a[0].localeCompare(b[0]))
    .map(([document, list]) => ({ kind: 'article', ...(tag !== undefined ? { tag } : {}), document, uri: list[0].uri, items: list }));
}

/** Passages in text order; orphans (no place) last. */
function inTextOrder(a: TagItem, b: TagItem): number {
  const pos = (t: TagItem) => (t.range ? t.range.start.line * 1e6 + t.range.start.character : Infinity);
  return pos(a) - pos(b) || a.tag.localeCompare(b.tag);
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

function passageNodes(items: readonly TagItem[], under: 'attention' | 'tag' | 'article'): TagNode[] {
  return groupSameTags(items).map(({ item, same }) => ({ kind: 'passage', item, under, ...(same.length ? { same } : {}) }));
}

function passageTooltip(t: TagItem, same: readonly TagItem[]): vscode.MarkdownString {
  const tooltip = new vscode.MarkdownString();
  tooltip.appendMarkdown('**').appendText(t.tag).appendMarkdown('** — ').appendText(t.document);
  tooltip.appendMarkdown('\n\n').appendText(t.quote);
  if (t.note) tooltip.appendMarkdown('\n\n---\n\n').appendText(t.note);
  tooltip.appendMarkdown('\n\n---\n\n').appendText(STATUS_HELP[t.status]);
  const when = (iso: string | undefined) => (iso && !Number.isNaN(Date.parse(iso)) ? new Date(iso).toLocaleString() : iso);
  for (const r of [t, ...same]) {
    const by = [r.author ? `Tagged by ${r.author}` : 'Tagged', r.created ? `on ${when(r.created)}` : ''].filter(Boolean).join(' ');
    tooltip.appendMarkdown('\n\n').appendText(`${by}${r.updated && r.updated !== r.created ? `; updated ${when(r.updated)}` : ''}.`);
  }
  if (same.length) tooltip.appendMarkdown('\n\n').appendText(`The same tag, kept once for each of ${same.length + 1} analysts in the sidecar.`);
  return tooltip;
}

export function snippet(text: string, max = 60): string {
  const one = text.replace(/\s+/g, ' ').trim();
  return one.length > max ? `${one.slice(0, max - 1)}…` : one;
}

const STATUS_ICON: Record<TagItem['status'], string> = { anchored: 'quote', moved: 'arrow-swap', fuzzy: 'question', orphaned: 'warning' };

const STATUS_HELP: Record<TagItem['status'], string> = {
  anchored: 'Where it was tagged.',
  moved: 'Moved: the same words, with the same context, at another place (the text around it changed).',
  fuzzy: 'Fuzzy: found with its words changed a little. Confirm the place, attach it to a selection, or remove it.',
  orphaned: 'Orphaned: its passage is no longer in the article. Accept the suggested place if there is one, attach it to a selection, or remove it.',
};

function statusText(t: TagItem): string {
  const line = t.range ? `line ${t.range.start.line + 1}` : '';
  if (t.status === 'moved') return `${line}, moved`;
  if (t.status === 'fuzzy') return `${line}, fuzzy ${Math.round((t.confidence ?? 0) * 100)}%`;
  if (t.status === 'orphaned') return t.suggestion ? `orphaned, suggestion at line ${t.suggestion.start.line + 1}` : 'orphaned: passage not found';
  return line;
}
