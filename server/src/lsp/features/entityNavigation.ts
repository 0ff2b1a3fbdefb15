/**
 * Navigating entities: find all references (every mention in the corpus), workspace symbols (search entities by any
 * spelling), document symbols (the article's date, then its entities with their mentions) and rename.
 *
 * Rename changes an entity's canonical name in the registry (the old name stays as an alias) and returns an empty
 * WorkspaceEdit: the text of articles is never edited. prepareRename offers the canonical name, and refuses outside
 * entity names with a message that says so. Document symbols are hierarchical (LSP 3.10+ clients).
 */
import {
  ErrorCodes,
  LSPErrorCodes,
  ResponseError,
  SymbolKind,
  type CancellationToken as RequestToken,
  type DocumentSymbol,
  type Location,
  type Range,
  type SymbolInformation,
  type WorkspaceEdit,
} from 'vscode-languageserver';
import {
  articleCount,
  CancelledError,
  throwIfCancelled,
  type CancellationToken,
  entityTypeName,
  LineIndex,
  mentionCountOf,
  plural,
  renameEntity,
  type EntityAt,
  type EntityCluster,
  type EntityMention,
  type EntityType,
} from '../../core/index';
import { EntityNotifications } from '../../protocolEntities';
import { untilIndexed } from '../untilIndexed';
import type { Feature, ServerContext } from '../context';
import { rankingIn, rankingsOf } from '../entityRanking';
import { entityRefOf } from '../registryEditor';
import { workspaceSymbolName } from '../symbolLabel';
import { UserError } from '../tagService';
import { uriToPath } from '../workspace';

const SYMBOL_KINDS: Record<EntityType, SymbolKind> = {
  PERSON: SymbolKind.Class,
  ORG: SymbolKind.Struct,
  LOCATION: SymbolKind.Namespace,
  MISC: SymbolKind.Constant,
};
const MAX_WORKSPACE_SYMBOLS = 200;

export function symbolKindOf(type: EntityType): SymbolKind {
  return SYMBOL_KINDS[type];
}

/** Line indexes of the core's texts, built once per request. */
function lineIndexes(ctx: ServerContext): (key: string) => LineIndex | undefined {
  const cache = new Map<string, LineIndex | undefined>();
  return (key) => {
    if (!cache.has(key)) {
      const text = ctx.service.getText(key);
      cache.set(key, text === undefined ? undefined : new LineIndex(text));
    }
    return cache.get(key);
  };
}

function rangeOf(lines: LineIndex, start: number, end: number): Range {
  return { start: lines.positionAt(start), end: lines.positionAt(end) };
}

/** The entity under `position` of an article the core knows, after indexing (CancelledError once `token` is cancelled). */
async function entityUnder(ctx: ServerContext, uri: string, position: { line: number; character: number }, token: RequestToken): Promise<{ file: string; lines: LineIndex; at?: EntityAt } | undefined> {
  const file = uriToPath(uri);
  if (!file) return undefined;
  await untilIndexed(ctx.indexer.ready, token);
  const text = ctx.service.getText(file);
  if (text === undefined) return undefined;
  const lines = new LineIndex(text);
  return { file, lines, at: ctx.service.entityAt(file, lines.offsetAt(position), token) };
}

function references(ctx: ServerContext, cluster: EntityCluster, token: CancellationToken): Location[] {
  const linesOf = lineIndexes(ctx);
  const out: Location[] = [];
  for (const m of cluster.mentions) {
    throwIfCancelled(token);
    const lines = linesOf(m.uri);
    if (lines) out.push({ uri: ctx.workspace.uriOf(m.uri), range: rangeOf(lines, m.start, m.end) });
  }
  return out;
}

function workspaceSymbols(ctx: ServerContext, query: string, token: CancellationToken): SymbolInformation[] {
  const clustering = ctx.service.entityClustering(token, 'fast');
  // Without a query: the Entities view's ranking of every type (entityRanking.ts), read only as far as is listed.
  const found: Iterable<EntityCluster> = query.trim() ? clustering.find(query) : { [Symbol.iterator]: () => rankingIn(rankingsOf(clustering), undefined).inOrder() };
  const linesOf = lineIndexes(ctx);
  const out: SymbolInformation[] = [];
  for (const c of found) {
    if (out.length >= MAX_WORKSPACE_SYMBOLS) break;
    const first = c.mentions[0];
    const lines = first && linesOf(first.uri);
    if (!first || !lines) continue;
    const articles = articleCount(c);
    out.push({
      name: workspaceSymbolName(c, query),
      kind: symbolKindOf(c.type),
      containerName: `${entityTypeName(c.type)} · ${plural(mentionCountOf(c), 'mention')} in ${plural(articles, 'article')}`,
      location: { uri: ctx.workspace.uriOf(first.uri), range: rangeOf(lines, first.start, first.end) },
    });
  }
  return out;
}

/** The article's date first (when known), then one symbol per entity (in order of first mention) with its mentions. */
export function documentSymbols(
  lines: LineIndex,
  mentions: readonly EntityMention[],
  documentDate?: { value: string; start: number; end: number; source: string },
): DocumentSymbol[] {
  const out: DocumentSymbol[] = [];
  if (documentDate) {
    const range = rangeOf(lines, documentDate.start, documentDate.end);
    out.push({ name: `Article date: ${documentDate.value}`, detail: documentDate.source, kind: SymbolKind.Event, range, selectionRange: range });
  }
  const groups = new Map<string, EntityMention[]>();
  for (const m of mentions) {
    let list = groups.get(m.entityId);
    if (!list) groups.set(m.entityId, (list = []));
    list.push(m);
  }
  for (const list of groups.values()) {
    const first = list[0];
    const last = list[list.length - 1];
    const kind = symbolKindOf(first.type);
    out.push({
      name: first.canonical,
      detail: `${entityTypeName(first.type)} · ${plural(list.length, 'mention')}`,
      kind,
      range: rangeOf(lines, first.start, last.end),
      selectionRange: rangeOf(lines, first.start, first.end),
      children: list.map((m) => {
        const r = rangeOf(lines, m.start, m.end);
        return { name: m.text, detail: `line ${r.start.line + 1}`, kind, range: r, selectionRange: r };
      }),
    });
  }
  return out;
}

const NOT_A_NAME = 'Only entity names can be renamed. Renaming changes the canonical name in the entity registry; the text of articles is never edited.';

export const entityNavigation: Feature = {
  capabilities: {
    referencesProvider: true,
    workspaceSymbolProvider: true,
    documentSymbolProvider: { label: 'Corpus entities' },
    renameProvider: { prepareProvider: true },
  },
  register(ctx) {
    const { connection } = ctx;
    const guard = async <T>(empty: T, work: () => Promise<T>): Promise<T> => {
      try {
        return await work();
      } catch (e) {
        if (e instanceof CancelledError) return empty;
        throw e;
      }
    };

    connection.onReferences((params, token) =>
      guard([] as Location[], async () => {
        const here = await entityUnder(ctx, params.textDocument.uri, params.position, token);
        return here?.at ? references(ctx, here.at.cluster, token) : [];
      }),
    );

    connection.onWorkspaceSymbol((params, token) =>
      guard([] as SymbolInformation[], async () => {
        await untilIndexed(ctx.indexer.ready, token);
        return workspaceSymbols(ctx, params.query, token);
      }),
    );

    connection.onDocumentSymbol((params, token) =>
      guard([] as DocumentSymbol[], async () => {
        const file = uriToPath(params.textDocument.uri);
        if (!file) return [];
        // While the corpus is being indexed, the article's own names and date (grouped within the article): the
        // outline, breadcrumbs and sticky scroll an editor asks for on opening are not held back until it is indexed.
        if (ctx.indexer.indexingProgress) await ctx.workspace.ready;
        else await ctx.indexer.ready;
        const text = ctx.service.getText(file);
        if (text === undefined) return [];
        const options = ctx.analysisOptions(await ctx.settingsOf(file));
        const alone = ctx.indexer.indexingProgress ? ctx.service.articleAlone(file, options, token) : undefined;
        const analysis = alone ? alone.analysis : ctx.service.analyze(file, options, token);
        return documentSymbols(new LineIndex(text), analysis.entities, analysis.documentDate);
      }),
    );

    /** Rename's requests, cancelled: answered as such (RequestCancelled), not as a failure. */
    const orCancelled = async <T>(work: () => Promise<T>): Promise<T> => {
      try {
        return await work();
      } catch (e) {
        if (e instanceof CancelledError) throw new ResponseError(LSPErrorCodes.RequestCancelled, 'Cancelled.');
        throw e;
      }
    };

    connection.onPrepareRename((params, token) => orCancelled(async () => {
      const here = await entityUnder(ctx, params.textDocument.uri, params.position, token);
      if (!here?.at) throw new ResponseError(ErrorCodes.InvalidRequest, NOT_A_NAME);
      const m = here.at.mention;
      return { range: rangeOf(here.lines, m.start, m.end), placeholder: here.at.cluster.canonical };
    }));

    connection.onRenameRequest((params, token) => orCancelled(async (): Promise<WorkspaceEdit> => {
      const here = await entityUnder(ctx, params.textDocument.uri, params.position, token);
      if (!here?.at) throw new ResponseError(ErrorCodes.InvalidRequest, NOT_A_NAME);
      const ref = entityRefOf(here.at.cluster);
      try {
        const result = await ctx.registryEditor.apply((reg) => renameEntity(reg, ref, params.newName), here.at.cluster);
        // Rename has no result to show: say what it did, with Undo where the client offers it.
        ctx.client.showResult(`${result.message}.`);
        void connection.sendNotification(EntityNotifications.registryEdited, result);
      } catch (e) {
        if (e instanceof UserError) throw new ResponseError(ErrorCodes.InvalidRequest, e.message);
        throw e;
      }
      return { changes: {} };
    }));
  },
};
