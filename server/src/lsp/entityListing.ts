/**
 * Entities as clients list them: summaries (sorted, filtered, paged) for the Entities tree, and the mentions of one
 * entity grouped by article with a one-line snippet each. Mentions are sent per entity, on demand, so listing a
 * corpus of tens of thousands of articles stays small.
 */
import { articleCount, ENTITY_TYPES, LineIndex, mentionCountOf, registryKey, spellingsByCount, type EntityCluster, type EntityClustering, type EntityRegistry } from '../core/index';
import type { EntitiesParams, EntitiesResult, EntityMentionItem, EntityMentionsResult, EntitySummary } from '../protocolEntities';
import { rankingIn, rankingsOf } from './entityRanking';

export const DEFAULT_PAGE = 500;
const MAX_PAGE = 5000;
const SPELLINGS_SHOWN = 8;
/** Articles listed per entity by default (the tree says how many more there are). */
export const DEFAULT_ARTICLES = 1000;

/** Whether a cluster is named by the registry: by explicit id, or by canonical name. */
export function registryMembership(registry: EntityRegistry | undefined): (c: EntityCluster) => boolean {
  if (!registry || registry.entities.length === 0) return () => false;
  const ids = new Set(registry.entities.flatMap((e) => (e.id ? [e.id] : [])));
  const names = new Set(registry.entities.map((e) => registryKey(e.canonical)));
  return (c) => ids.has(c.entityId) || names.has(registryKey(c.canonical));
}

export function summarize(c: EntityCluster, inRegistry: boolean): EntitySummary {
  const spellings = spellingsByCount(c);
  return {
    id: c.entityId,
    canonical: c.canonical,
    type: c.type,
    mentions: mentionCountOf(c),
    articles: articleCount(c),
    spellings: spellings.slice(0, SPELLINGS_SHOWN).map(([text, count]) => ({ text, count })),
    spellingCount: spellings.length,
    inRegistry,
    ...(c.notes ? { notes: c.notes } : {}),
  };
}

export function listEntities(clustering: EntityClustering, params: EntitiesParams | undefined, inRegistry: (c: EntityCluster) => boolean): EntitiesResult {
  const rankings = rankingsOf(clustering);
  const types = ENTITY_TYPES.map((type) => ({ type, entities: rankings.get(type)?.length ?? 0, mentions: rankings.get(type)?.mentions ?? 0 }));
  const offset = Math.max(0, Math.floor(params?.offset ?? 0));
  const limit = Math.min(MAX_PAGE, Math.max(0, Math.floor(params?.limit ?? DEFAULT_PAGE)));
  const query = params?.query?.trim();
  const type = params?.type;
  if (limit === 0 && !query) {
    const total = type ? (types.find((t) => t.type === type)?.entities ?? 0) : types.reduce((n, t) => n + t.entities, 0);
    return { total, entities: [], types };
  }
  // Registry entities without a mention in the corpus are listed only when searched for.
  if (query) {
    let found = clustering.find(query);
    if (type) found = found.filter((c) => c.type === type);
    return { total: found.length, entities: found.slice(offset, offset + limit).map((c) => summarize(c, inRegistry(c))), types };
  }
  const ranked = rankingIn(rankings, type);
  return {
    total: ranked.length,
    entities: ranked.slice(offset, offset + limit).map((c) => summarize(c, inRegistry(c))),
    types,
  };
}

/** A one-line snippet around [start, end) of `text`: up to `width` characters of context each side, within the line. */
export function mentionSnippet(text: string, start: number, end: number, width = 40): { snippet: string; match: [number, number] } {
  const lineStart = Math.max(text.lastIndexOf('\n', start - 1) + 1, 0);
  const nl = text.indexOf('\n', end);
  const lineEnd = nl < 0 ? text.length : nl;
  let from = Math.max(lineStart, start - width);
  let to = Math.min(lineEnd, end + width);
  // Cut at word boundaries when the context is cut.
  if (from > lineStart) {
    const space = text.indexOf(' ', from);
    if (space >= 0 && space < start) from = space + 1;
  }
  if (to < lineEnd) {
    const space = text.lastIndexOf(' ', to);
    if (space > end) to = space;
  }
  const before = text.slice(from, start).replace(/\s+/g, ' ').trimStart();
  const name = text.slice(start, end).replace(/\s+/g, ' ');
  const after = text.slice(end, to).replace(/\s+/g, ' ').trimEnd();
  const head = from > lineStart ? '…' : '';
  const tail = to < lineEnd ? '…' : '';
  const snippet = `${head}${before}${name}${after}${tail}`;
  const at = head.length + before.length;
  return { snippet, match: [at, at + name.length] };
}

/** The mentions of `cluster` by article (in corpus order), with ranges against the core's copy of each text. */
export function entityMentions(
  cluster: EntityCluster | undefined,
  entityId: string,
  textOf: (key: string) => string | undefined,
  uriOf: (key: string) => string,
  label: (key: string) => string,
  maxArticles = DEFAULT_ARTICLES,
): EntityMentionsResult {
  const result: EntityMentionsResult = { entityId, articles: [], totalArticles: 0 };
  if (!cluster) return result;
  const byKey = new Map<string, EntityCluster['mentions']>();
  for (const m of cluster.mentions) {
    let list = byKey.get(m.uri);
    if (!list) byKey.set(m.uri, (list = []));
    list.push(m);
  }
  result.totalArticles = byKey.size;
  const keys = [...byKey.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)).slice(0, Math.max(0, maxArticles));
  for (const key of keys) {
    const mentions = byKey.get(key)!;
    const text = textOf(key);
    if (text === undefined) continue;
    const lines = new LineIndex(text);
    const items = [...mentions]
      .sort((a, b) => a.start - b.start)
      .map((m): EntityMentionItem => {
        const s = mentionSnippet(text, m.start, m.end);
        return { range: { start: lines.positionAt(m.start), end: lines.positionAt(m.end) }, text: m.text, snippet: s.snippet, snippetMatch: s.match };
      });
    result.articles.push({ uri: uriOf(key), document: label(key), mentions: items });
  }
  return result;
}
