/**
 * The `Entities` tree: type → entity (mention count) → article → mention (snippet). Everything is fetched from the
 * language server on demand: entity summaries per type in pages, an entity's mentions when it is expanded, so a corpus
 * of tens of thousands of articles stays responsive. Clicking a mention reveals it in its article.
 */
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import {
  EntityRequests,
  type EntitiesResult,
  type EntityMentionItem,
  type EntityMentionsResult,
  type EntitySummary,
  type EntityTypeName,
} from '../../server/src/protocolEntities';

export const ENTITY_PAGE = 200;

export const TYPE_LABELS: Record<EntityTypeName, { plural: string; singular: string; icon: string }> = {
  PERSON: { plural: 'People', singular: 'Person', icon: 'person' },
  ORG: { plural: 'Organisations', singular: 'Organisation', icon: 'organization' },
  LOCATION: { plural: 'Places', singular: 'Place', icon: 'location' },
  MISC: { plural: 'Other names', singular: 'Other name', icon: 'symbol-constant' },
};

export type EntityNode =
  | { kind: 'type'; type: EntityTypeName; entities: number; mentions: number }
  | { kind: 'entity'; entity: EntitySummary }
  | { kind: 'more'; type: EntityTypeName; loaded: number; total: number }
  | { kind: 'moreArticles'; entity: EntitySummary; shown: number; total: number }
  | { kind: 'article'; entity: EntitySummary; uri: string; document: string; mentions: EntityMentionItem[] }
  | { kind: 'mention'; entity: EntitySummary; uri: string; document: string; item: EntityMentionItem };

/** What the reveal command gets: where the mention is. */
export interface MentionLocation {
  uri: string;
  range: EntityMentionItem['range'];
}

export class EntitiesTreeProvider implements vscode.TreeDataProvider<EntityNode>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<EntityNode | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private readonly parents = new Map<EntityNode, EntityNode>();
  private roots: Promise<EntityNode[]> | undefined;
  /** Loaded pages per type, and how many entities of each type to show. */
  private readonly pages = new Map<EntityTypeName, Promise<EntitiesResult>>();
  private readonly shown = new Map<EntityTypeName, number>();
  private readonly typeNodes = new Map<EntityTypeName, EntityNode>();
  private readonly mentions = new Map<string, Promise<EntityMentionsResult>>();
  /** Entities found by name (Find Entity…) that the loaded page of their type does not hold: listed after it. */
  private readonly found = new Map<EntityTypeName, EntitySummary[]>();

  constructor(private readonly client: LanguageClient) {}

  /** Forgets everything fetched and redraws the tree (expanded nodes stay expanded: their ids are stable). */
  refresh(): void {
    this.roots = undefined;
    this.pages.clear();
    this.mentions.clear();
    this.parents.clear();
    this.typeNodes.clear();
    this.found.clear();
    this.changed.fire(undefined);
  }

  /**
   * The tree's node of an entity found by name, for the view to reveal: its row in the loaded page of its type, else a
   * row added after that page (a name with one mention may be thousands of rows down). Undefined when its type is
   * not listed (the corpus changed meanwhile).
   */
  async nodeOfEntity(entity: EntitySummary): Promise<EntityNode | undefined> {
    const typeNode = (await this.getChildren()).find((n) => n.kind === 'type' && n.type === entity.type);
    if (!typeNode) return undefined;
    const inTree = async () => (await this.getChildren(typeNode)).find((n) => n.kind === 'entity' && n.entity.id === entity.id);
    const listed = await inTree();
    if (listed) return listed;
    this.found.set(entity.type, [...(this.found.get(entity.type) ?? []).filter((e) => e.id !== entity.id), entity]);
    this.changed.fire(typeNode);
    return inTree();
  }

  /** Shows the next page of entities of a type. */
  showMore(type: EntityTypeName): void {
    this.shown.set(type, (this.shown.get(type) ?? ENTITY_PAGE) + ENTITY_PAGE);
    this.pages.delete(type);
    this.changed.fire(this.typeNodes.get(type));
  }

  getChildren(node?: EntityNode): Promise<EntityNode[]> {
    return this.childrenOf(node).then((children) => {
      for (const c of children) if (node) this.parents.set(c, node);
      return children;
    }, (e) => {
      void vscode.window.showErrorMessage(`Corpus Annotator: cannot list entities: ${(e as Error).message}`);
      return [];
    });
  }

  private async childrenOf(node?: EntityNode): Promise<EntityNode[]> {
    if (!node) {
      this.roots ??= this.client.sendRequest(EntityRequests.entities, { limit: 0 }).then((r) =>
        r.types.filter((t) => t.entities > 0).map((t) => {
          const n: EntityNode = { kind: 'type', type: t.type, entities: t.entities, mentions: t.mentions };
          this.typeNodes.set(t.type, n);
          return n;
        }),
      );
      return this.roots;
    }
    if (node.kind === 'type') {
      const limit = this.shown.get(node.type) ?? ENTITY_PAGE;
      let page = this.pages.get(node.type);
      if (!page) {
        page = this.client.sendRequest(EntityRequests.entities, { type: node.type, limit });
        this.pages.set(node.type, page);
      }
      const r = await page;
      const out: EntityNode[] = r.entities.map((entity) => ({ kind: 'entity', entity }));
      const onPage = new Set(r.entities.map((e) => e.id));
      for (const entity of this.found.get(node.type) ?? []) if (!onPage.has(entity.id)) out.push({ kind: 'entity', entity });
      if (r.total > r.entities.length) out.push({ kind: 'more', type: node.type, loaded: r.entities.length, total: r.total });
      return out;
    }
    if (node.kind === 'entity') {
      const r = await this.mentionsOf(node.entity.id);
      const out: EntityNode[] = r.articles.map((a) => ({ kind: 'article', entity: node.entity, uri: a.uri, document: a.document, mentions: a.mentions }));
      if (r.totalArticles > r.articles.length) out.push({ kind: 'moreArticles', entity: node.entity, shown: r.articles.length, total: r.totalArticles });
      return out;
    }
    if (node.kind === 'article') {
      return node.mentions.map((item) => ({ kind: 'mention', entity: node.entity, uri: node.uri, document: node.document, item }));
    }
    return [];
  }

  private mentionsOf(entityId: string): Promise<EntityMentionsResult> {
    let p = this.mentions.get(entityId);
    if (!p) {
      p = this.client.sendRequest(EntityRequests.entityMentions, { entityId });
      this.mentions.set(entityId, p);
    }
    return p;
  }

  getParent(node: EntityNode): EntityNode | undefined {
    return this.parents.get(node);
  }

  getTreeItem(node: EntityNode): vscode.TreeItem {
    switch (node.kind) {
      case 'type': {
        const label = TYPE_LABELS[node.type];
        const item = new vscode.TreeItem(label.plural, vscode.TreeItemCollapsibleState.Collapsed);
        item.description = `${node.entities}`;
        item.tooltip = `${node.entities} ${label.plural.toLowerCase()}, ${node.mentions} mentions`;
        item.iconPath = new vscode.ThemeIcon(label.icon);
        item.contextValue = 'entity.type';
        item.id = `entities:type:${node.type}`;
        return item;
      }
      case 'entity': {
        const e = node.entity;
        const item = new vscode.TreeItem(e.canonical, vscode.TreeItemCollapsibleState.Collapsed);
        item.description = `${e.mentions}${e.articles > 1 ? ` · ${e.articles} articles` : ''}`;
        item.tooltip = entityTooltip(e);
        item.iconPath = new vscode.ThemeIcon(e.inRegistry ? 'pinned' : TYPE_LABELS[e.type].icon);
        item.contextValue = 'entity.entity';
        item.id = `entities:entity:${e.id}`;
        return item;
      }
      case 'more': {
        const item = new vscode.TreeItem(`Show more (${node.loaded} of ${node.total})…`, vscode.TreeItemCollapsibleState.None);
        item.iconPath = new vscode.ThemeIcon('ellipsis');
        item.contextValue = 'entity.more';
        item.id = `entities:more:${node.type}`;
        item.command = { command: 'corpusAnnotator.entitiesShowMore', title: 'Show More Entities', arguments: [node.type] };
        return item;
      }
      case 'moreArticles': {
        const item = new vscode.TreeItem(`${node.total - node.shown} more articles`, vscode.TreeItemCollapsibleState.None);
        item.description = 'use Find All References for every mention';
        item.iconPath = new vscode.ThemeIcon('info');
        item.contextValue = 'entity.moreArticles';
        item.id = `entities:moreArticles:${node.entity.id}`;
        return item;
      }
      case 'article': {
        const item = new vscode.TreeItem(node.document.split('/').pop() ?? node.document, vscode.TreeItemCollapsibleState.Collapsed);
        item.description = `${node.mentions.length}`;
        item.resourceUri = vscode.Uri.parse(node.uri);
        item.iconPath = vscode.ThemeIcon.File;
        item.tooltip = node.document;
        item.contextValue = 'entity.article';
        item.id = `entities:article:${node.entity.id}:${node.uri}`;
        return item;
      }
      case 'mention': {
        const m = node.item;
        const item = new vscode.TreeItem({ label: m.snippet, highlights: [m.snippetMatch] }, vscode.TreeItemCollapsibleState.None);
        item.description = `line ${m.range.start.line + 1}`;
        item.tooltip = `${m.text} — ${node.document}, line ${m.range.start.line + 1}`;
        item.iconPath = new vscode.ThemeIcon('quote');
        item.contextValue = 'entity.mention';
        item.id = `entities:mention:${node.entity.id}:${node.uri}:${m.range.start.line}:${m.range.start.character}`;
        const location: MentionLocation = { uri: node.uri, range: m.range };
        item.command = { command: 'corpusAnnotator.revealEntityMention', title: 'Reveal Mention', arguments: [location] };
        return item;
      }
    }
  }

  /** The entity node of an id among the loaded ones (for tests and commands). */
  async findEntity(id: string): Promise<EntityNode | undefined> {
    for (const t of await this.getChildren()) {
      const e = (await this.getChildren(t)).find((n) => n.kind === 'entity' && n.entity.id === id);
      if (e) return e;
    }
    return undefined;
  }

  dispose(): void {
    this.changed.dispose();
  }
}

function entityTooltip(e: EntitySummary): vscode.MarkdownString {
  const md = new vscode.MarkdownString();
  md.appendMarkdown('**').appendText(e.canonical).appendMarkdown('** — ').appendText(TYPE_LABELS[e.type].singular);
  if (e.inRegistry) md.appendText(' (in the registry)');
  md.appendMarkdown('\n\n').appendText(`${e.mentions} mentions in ${e.articles} article${e.articles === 1 ? '' : 's'}`);
  const more = e.spellingCount > e.spellings.length ? `, and ${e.spellingCount - e.spellings.length} more` : '';
  md.appendMarkdown('\n\n').appendText(`Spellings: ${e.spellings.map((s) => `${s.text} (${s.count})`).join(', ')}${more}`);
  if (e.notes) md.appendMarkdown('\n\n').appendText(`Notes: ${e.notes}`);
  return md;
}
