/**
 * The `Corpus Tags` tree: tag → article → passage (with a snippet, its line and how it was found). Tags that need the
 * analyst (orphaned: their passage is gone; fuzzy: their words changed) are also listed first, under "Needs attention",
 * with commands to accept the suggested place, attach to the selection, or remove.
 */
import * as vscode from 'vscode';
import type { TagItem } from '../../server/src/protocol';
import type { TagModel } from './tagModel';

export type TagNode =
  | { kind: 'attention'; items: TagItem[] }
  | { kind: 'tag'; label: string; items: TagItem[] }
  | { kind: 'article'; tag: string; document: string; uri: string; items: TagItem[] }
  | { kind: 'passage'; item: TagItem };

export class TagsTreeProvider implements vscode.TreeDataProvider<TagNode>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<TagNode | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private readonly subscription: vscode.Disposable;
  private roots: TagNode[] = [];
  private readonly parents = new Map<TagNode, TagNode>();

  constructor(private readonly model: TagModel) {
    this.subscription = model.onDidChange(() => {
      this.rebuild();
      this.changed.fire(undefined);
    });
    this.rebuild();
  }

  private rebuild(): void {
    this.parents.clear();
    const byTag = new Map<string, TagItem[]>();
    for (const t of this.model.tags) byTag.set(t.tag, [...(byTag.get(t.tag) ?? []), t]);
    const tags: TagNode[] = [...byTag.entries()]
      .sort((a, b) => a[0].localeCompare(b[0]))
      .map(([label, items]) => ({ kind: 'tag', label, items }));
    const attention = this.model.tags.filter((t) => t.status === 'orphaned' || t.status === 'fuzzy');
    this.roots = attention.length ? [{ kind: 'attention', items: attention }, ...tags] : tags;
  }

  getChildren(node?: TagNode): TagNode[] {
    if (!node) return this.roots;
    let children: TagNode[] = [];
    if (node.kind === 'attention') {
      children = [...node.items].sort((a, b) => a.document.localeCompare(b.document) || a.tag.localeCompare(b.tag)).map((item) => ({ kind: 'passage', item }));
    } else if (node.kind === 'tag') {
      const byDoc = new Map<string, TagItem[]>();
      for (const t of node.items) byDoc.set(t.document, [...(byDoc.get(t.document) ?? []), t]);
      children = [...byDoc.entries()]
        .sort((a, b) => a[0].localeCompare(b[0]))
        .map(([document, items]) => ({ kind: 'article', tag: node.label, document, uri: items[0].uri, items }));
    } else if (node.kind === 'article') {
      children = [...node.items]
        .sort((a, b) => (a.range?.start.line ?? Infinity) - (b.range?.start.line ?? Infinity))
        .map((item) => ({ kind: 'passage', item }));
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
      item.description = `${node.items.length}`;
      item.iconPath = new vscode.ThemeIcon('tag');
      item.contextValue = 'tag.label';
      item.id = `tag:${node.label}`;
      return item;
    }
    if (node.kind === 'article') {
      const item = new vscode.TreeItem(node.document.split('/').pop() ?? node.document, vscode.TreeItemCollapsibleState.Expanded);
      // The folder tells apart articles with the same name in different folders.
      const folder = node.document.includes('/') ? node.document.slice(0, node.document.lastIndexOf('/')) : '';
      item.description = folder ? `${folder} · ${node.items.length}` : `${node.items.length}`;
      item.resourceUri = vscode.Uri.parse(node.uri);
      item.iconPath = vscode.ThemeIcon.File;
      item.tooltip = node.document;
      item.contextValue = 'tag.article';
      item.id = `tag:${node.tag}:${node.document}`;
      return item;
    }
    const t = node.item;
    const parent = this.parents.get(node);
    const inAttention = parent?.kind === 'attention';
    const item = new vscode.TreeItem(inAttention ? `${t.tag}: ${snippet(t.quote, 48)}` : snippet(t.quote), vscode.TreeItemCollapsibleState.None);
    item.description = [inAttention ? t.document.split('/').pop() : '', statusText(t), t.note ?? ''].filter(Boolean).join(' · ');
    const tooltip = new vscode.MarkdownString();
    tooltip.appendText(t.quote);
    if (t.note) tooltip.appendMarkdown('\n\n---\n\n').appendText(t.note);
    tooltip.appendMarkdown('\n\n---\n\n').appendText(STATUS_HELP[t.status]);
    item.tooltip = tooltip;
    item.iconPath = new vscode.ThemeIcon(STATUS_ICON[t.status]);
    item.contextValue = t.status === 'orphaned' ? (t.suggestion ? 'tag.passage.orphaned.suggested' : 'tag.passage.orphaned') : t.status === 'fuzzy' ? 'tag.passage.fuzzy' : 'tag.passage';
    item.id = `tag:${inAttention ? '!' : t.tag}:${t.document}:${t.id}`;
    item.command = { command: 'corpusAnnotator.revealTag', title: 'Reveal Tagged Passage', arguments: [t] };
    return item;
  }

  /** The passage node of a tag, for reveal in tests and commands. */
  findPassage(id: string): TagNode | undefined {
    for (const root of this.roots) {
      if (root.kind !== 'tag') continue;
      for (const article of this.getChildren(root)) for (const p of this.getChildren(article)) {
        if (p.kind === 'passage' && p.item.id === id) return p;
      }
    }
    return undefined;
  }

  dispose(): void {
    this.subscription.dispose();
    this.changed.dispose();
  }
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
