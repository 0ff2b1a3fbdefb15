/**
 * The `Timeline` tree: year → month → dated mention, each year's months in calendar order and then, last, its `Year
 * only` group (mentions that cover more than a month: `2025`, `2025–2029`, under their first year); then the `Unknown
 * year` group (by month and day) and the `Undated` group (timelineYears.ts). Years, months and groups come from the
 * server's outline with their counts; a month's (or group's) mentions are fetched when it is expanded
 * (TimelineOutlineModel), so a corpus of 10,000 articles shows its years at once and never sends the whole timeline.
 */
import * as vscode from 'vscode';
import type { TimelineItem } from '../../server/src/protocolTimeline';
import type { TimelineOutlineModel } from './timelineOutline';
import { ListedContext } from './listedContext';
import { timelineShape } from './timelineYears';

export type TimelineNode =
  | { kind: 'year'; year: string; count: number }
  | { kind: 'month'; year: string; month: string; count: number }
  | { kind: 'yearOnly'; year: string; count: number }
  | { kind: 'group'; group: 'unknown-year' | 'undated'; count: number }
  | { kind: 'entry'; item: TimelineItem };

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** The month (`2025-04`) an item lies in, or undefined when it covers more than one month. */
export function monthOf(item: TimelineItem): string | undefined {
  if (!item.start || !item.end) return undefined;
  const a = item.start.slice(0, 7), b = item.end.slice(0, 7);
  return a === b ? a : undefined;
}

/** The bucket of the server's outline a node's mentions are in (a year's own: those that cover more than a month). */
function bucketOf(node: TimelineNode): string | undefined {
  if (node.kind === 'yearOnly') return node.year;
  if (node.kind === 'month') return `${node.year}-${node.month}`;
  if (node.kind === 'group') return node.group;
  return undefined;
}

export class TimelineTreeProvider implements vscode.TreeDataProvider<TimelineNode>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<TimelineNode | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private readonly subscription: vscode.Disposable;
  private roots: TimelineNode[] = [];
  /** The children of each year, from the outline: its months, then its Year only group. */
  private months = new Map<string, TimelineNode[]>();
  private readonly parents = new Map<TimelineNode, TimelineNode>();
  private readonly listed = new ListedContext('corpusAnnotator.timelineListed');

  constructor(private readonly model: TimelineOutlineModel) {
    this.subscription = model.onDidChange((change) => {
      if (change.outline) {
        this.rebuild();
        this.changed.fire(undefined);
        return;
      }
      // Same years and months with the same counts: only the nodes whose mentions were fetched again are redrawn.
      for (const key of change.buckets) {
        const node = this.nodeOf(key);
        if (node) this.changed.fire(node);
      }
    });
    this.rebuild();
  }

  private rebuild(): void {
    this.parents.clear();
    this.roots = [];
    this.months = new Map();
    const shape = timelineShape(this.model.buckets);
    for (const y of shape.years) {
      const year: TimelineNode = { kind: 'year', year: y.year, count: y.count };
      this.roots.push(year);
      const children: TimelineNode[] = y.months.map(({ month, count }) => ({ kind: 'month', year: y.year, month, count }));
      if (y.yearOnly) children.push({ kind: 'yearOnly', year: y.year, count: y.yearOnly });
      for (const c of children) this.parents.set(c, year);
      this.months.set(y.year, children);
    }
    for (const g of shape.groups) this.roots.push({ kind: 'group', group: g.group, count: g.count });
  }

  /** The node shown for a bucket: a month, a year's Year only group, or a group. */
  private nodeOf(bucket: string): TimelineNode | undefined {
    if (/^\d{4}(?:-\d{2})?$/.test(bucket)) return this.months.get(bucket.slice(0, 4))?.find((m) => bucketOf(m) === bucket);
    return this.roots.find((r) => bucketOf(r) === bucket);
  }

  async getChildren(node?: TimelineNode): Promise<TimelineNode[]> {
    if (!node) {
      this.listed.rootsGiven(this.model.loaded);
      return this.roots;
    }
    if (node.kind === 'entry') return [];
    if (node.kind === 'year') return this.months.get(node.year) ?? [];
    const bucket = bucketOf(node)!;
    const items = this.model.countOf(bucket) ? await this.model.items(bucket) : [];
    const list: TimelineNode[] = items.map((item): TimelineNode => ({ kind: 'entry', item }));
    for (const c of list) this.parents.set(c, node);
    return list;
  }

  getParent(node: TimelineNode): TimelineNode | undefined {
    return this.parents.get(node);
  }

  getTreeItem(node: TimelineNode): vscode.TreeItem {
    const collapsed = vscode.TreeItemCollapsibleState.Collapsed;
    if (node.kind === 'year') {
      const item = new vscode.TreeItem(node.year, this.roots.length <= 3 ? vscode.TreeItemCollapsibleState.Expanded : collapsed);
      item.description = count(node.count);
      item.iconPath = new vscode.ThemeIcon('calendar');
      item.contextValue = 'timeline.year';
      item.id = `timeline:year:${node.year}`;
      return item;
    }
    if (node.kind === 'month') {
      const item = new vscode.TreeItem(`${MONTHS[Number(node.month) - 1] ?? node.month} ${node.year}`, collapsed);
      item.description = count(node.count);
      item.contextValue = 'timeline.month';
      item.id = `timeline:month:${node.year}-${node.month}`;
      return item;
    }
    if (node.kind === 'yearOnly') {
      const item = new vscode.TreeItem('Year only', collapsed);
      item.description = count(node.count);
      item.tooltip = `Mentions of ${node.year} as a whole, or of spans longer than a month that start in it (a season, a range of years).`;
      item.iconPath = new vscode.ThemeIcon('calendar');
      item.contextValue = 'timeline.yearOnly';
      item.id = `timeline:yearOnly:${node.year}`;
      return item;
    }
    if (node.kind === 'group') {
      const item = new vscode.TreeItem(node.group === 'unknown-year' ? 'Unknown year' : 'Undated', collapsed);
      item.description = count(node.count);
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

  /** Every entry node, in tree order (fetching every bucket as it goes), for tests and reveal. */
  async entries(): Promise<TimelineNode[]> {
    const out: TimelineNode[] = [];
    const walk = async (n: TimelineNode): Promise<void> => {
      if (n.kind === 'entry') out.push(n);
      else for (const c of await this.getChildren(n)) await walk(c);
    };
    for (const r of this.roots) await walk(r);
    return out;
  }

  dispose(): void {
    this.subscription.dispose();
    this.changed.dispose();
  }
}

function count(n: number): string {
  return n.toLocaleString('en-US');
}

function oneLine(s: string): string {
  return s.replace(/\s+/g, ' ').trim();
}
