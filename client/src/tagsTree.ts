/** The `Corpus Tags` tree: tag → article → passage (with a snippet). */
import * as vscode from 'vscode';
import type { TagItem } from '../../server/src/protocol';
import type { TagModel } from './tagModel';

export type TagNode =
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
    this.roots = [...byTag.entries()]
      .sort((a, b) => a[0].localeCompare(b[0]))
      .map(([label, items]) => ({ kind: 'tag', label, items }));
  }

  getChildren(node?: TagNode): TagNode[] {
    if (!node) return this.roots;
    let children: TagNode[] = [];
    if (node.kind === 'tag') {
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
      item.description = `${node.items.length}`;
      item.resourceUri = vscode.Uri.parse(node.uri);
      item.iconPath = vscode.ThemeIcon.File;
      item.tooltip = node.document;
      item.contextValue = 'tag.article';
      item.id = `tag:${node.tag}:${node.document}`;
      return item;
    }
    const t = node.item;
    const item = new vscode.TreeItem(snippet(t.quote), vscode.TreeItemCollapsibleState.None);
    item.description = t.range ? `line ${t.range.start.line + 1}${t.note ? ` · ${t.note}` : ''}` : 'orphaned: text not found';
    const tooltip = new vscode.MarkdownString();
    tooltip.appendText(t.quote);
    if (t.note) tooltip.appendMarkdown('\n\n---\n\n').appendText(t.note);
    item.tooltip = tooltip;
    item.iconPath = new vscode.ThemeIcon(t.range ? 'quote' : 'warning');
    item.contextValue = 'tag.passage';
    item.id = `tag:${t.tag}:${t.document}:${t.id}`;
    item.command = { command: 'corpusAnnotator.revealTag', title: 'Reveal Tagged Passage', arguments: [t] };
    return item;
  }

  /** The passage node of a tag, for reveal in tests and commands. */
  findPassage(id: string): TagNode | undefined {
    for (const root of this.roots) for (const article of this.getChildren(root)) for (const p of this.getChildren(article)) {
      if (p.kind === 'passage' && p.item.id === id) return p;
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
