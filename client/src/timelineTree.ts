/**
 * The `Timeline` tree: year → month → dated mention, with mentions that cover more than a month (`2025`, `2025–2029`)
 * directly under their first year; then the `Unknown year` group (by month and day) and the `Undated` group.
 */
import * as vscode from 'vscode';
import type { TimelineItem } from '../../server/src/protocolTimeline';
import type { TimelineModel } from './timelineModel';
import { ListedContext } from './listedContext';

export type TimelineNode =
  | { kind: 'year'; year: string; items: TimelineItem[] }
  | { kind: 'month'; year: string; month: string; items: TimelineItem[] }
  | { kind: 'group'; group: 'unknown-year' | 'undated'; items: TimelineItem[] }
  | { kind: 'entry'; item: TimelineItem };

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** The month (`2025-04`) an item lies in, or undefined when it covers more than one month. */
export function monthOf(item: TimelineItem): string | undefined {
  if (!item.start || !item.end) return undefined;
  const a = item.start.slice(0, 7), b = item.end.slice(0, 7);
  return a === b ? a : undefined;
}

export class TimelineTreeProvider implements vscode.TreeDataProvider<TimelineNode>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<TimelineNode | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private readonly subscription: vscode.Disposable;
  private roots: TimelineNode[] = [];
  private readonly parents = new Map<TimelineNode, TimelineNode>();
  private readonly children = new Map<TimelineNode, TimelineNode[]>();
  private readonly listed = new ListedContext('corpusAnnotator.timelineListed');

  constructor(private readonly model: TimelineModel) {
    this.subscription = model.onDidChange(() => {
      this.rebuild();
      this.changed.fire(undefined);
    });
    this.rebuild();
  }

  private rebuild(): void {
    this.parents.clear();
    this.children.clear();
    const years = new Map<string, TimelineItem[]>();
    const unknown: TimelineItem[] = [];
    const undated: TimelineItem[] = [];
    for (const item of this.model.items) {
      if (item.group === 'dated' && item.start) {
        const y = item.start.slice(0, 4);
        years.set(y, [...(years.get(y) ?? []), item]);
      } else if (item.group === 'unknown-year') unknown.push(item);
      else undated.push(item);
    }
    this.roots = [...years.entries()].map(([year, items]): TimelineNode => ({ kind: 'year', year, items }));
    if (unknown.length) this.roots.push({ kind: 'group', group: 'unknown-year', items: unknown });
    if (undated.length) this.roots.push({ kind: 'group', group: 'undated', items: undated });
  }

  getChildren(node?: TimelineNode): TimelineNode[] {
    if (!node) {
      this.listed.rootsGiven(this.model.loaded);
      return this.roots;
    }
    let list = this.children.get(node);
    if (list) return list;
    list = [];
    if (node.kind === 'year') {
      const months = new Map<string, TimelineItem[]>();
      for (const item of node.items) {
        const m = monthOf(item);
        if (m) months.set(m, [...(months.get(m) ?? []), item]);
        else list.push({ kind: 'entry', item });
      }
      for (const [m, items] of months) list.push({ kind: 'month', year: node.year, month: m.slice(5, 7), items });
    } else if (node.kind === 'month' || node.kind === 'group') {
      list = node.items.map((item): TimelineNode => ({ kind: 'entry', item }));
    }
    for (const c of list) this.parents.set(c, node);
    this.children.set(node, list);
    return list;
  }

  getParent(node: TimelineNode): TimelineNode | undefined {
    return this.parents.get(node);
  }

  getTreeItem(node: TimelineNode): vscode.TreeItem {
    const collapsed = vscode.TreeItemCollapsibleState.Collapsed;
    if (node.kind === 'year') {
      const item = new vscode.TreeItem(node.year, this.roots.length <= 3 ? vscode.TreeItemCollapsibleState.Expanded : collapsed);
      item.description = count(node.items.length);
      item.iconPath = new vscode.ThemeIcon('calendar');
      item.contextValue = 'timeline.year';
      item.id = `timeline:year:${node.year}`;
      return item;
    }
    if (node.kind === 'month') {
      const item = new vscode.TreeItem(`${MONTHS[Number(node.month) - 1] ?? node.month} ${node.year}`, collapsed);
      item.description = count(node.items.length);
      item.contextValue = 'timeline.month';
      item.id = `timeline:month:${node.year}-${node.month}`;
      return item;
    }
    if (node.kind === 'group') {
      const item = new vscode.TreeItem(node.group === 'unknown-year' ? 'Unknown year' : 'Undated', collapsed);
      item.description = count(node.items.length);
      item.tooltip = node.group === 'unknown-year'
        ? 'Dates whose year could not be resolved (the article has no date of its own), by month and day.'
        : 'Date expressions that could not be placed in time.';
      item.iconPath = new vscode.ThemeIcon('question');
      item.contextValue = `timeline.${node.group}`;
      item.id = `timeline:group:${node.group}`;
      return item;
    }
    const t = node.item;
    const item = new vscode.TreeItem(`${t.value} · ${oneLine(t.text)}`, vscode.TreeItemCollapsibleState.None);
    item.description = t.document.split('/').pop() ?? t.document;
    const tooltip = new vscode.MarkdownString();
    tooltip.appendText(t.sentence);
    tooltip.appendMarkdown('\n\n---\n\n');
    tooltip.appendText(`${t.value} (${t.resolution})${t.isDocumentDate ? ' — the article’s own date' : ''}\n${t.document}, line ${t.range.start.line + 1}`);
    if (t.entities.length) tooltip.appendMarkdown('\n\n').appendText(`Named: ${t.entities.map((e) => e.name).join(', ')}`);
    if (t.tags.length) tooltip.appendMarkdown('\n\n').appendText(`Tags: ${t.tags.join(', ')}`);
    item.tooltip = tooltip;
    item.iconPath = new vscode.ThemeIcon(t.isDocumentDate ? 'milestone' : t.kind === 'TIME' ? 'clock' : 'symbol-event');
    item.contextValue = 'timeline.entry';
    item.id = `timeline:${t.uri}:${t.range.start.line}:${t.range.start.character}`;
    item.command = { command: 'corpusAnnotator.revealTimelineEntry', title: 'Open Passage', arguments: [t] };
    return item;
  }

  /** Every entry node, in tree order (expanding as it goes), for tests and reveal. */
  entries(): TimelineNode[] {
    const out: TimelineNode[] = [];
    const walk = (n: TimelineNode) => (n.kind === 'entry' ? out.push(n) : this.getChildren(n).forEach(walk));
    this.roots.forEach(walk);
    return out;
  }

  dispose(): void {
    this.subscription.dispose();
    this.changed.dispose();
  }
}

function count(n: number): string {
  return `${n}`;
}

function oneLine(s: string): string {
  return s.replace(/\s+/g, ' ').trim();
}
