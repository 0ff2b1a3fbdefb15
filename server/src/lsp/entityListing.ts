/**
 * Entities as clients list them: summaries (sorted, filtered, paged) for the Entities tree, and the mentions of one
 * entity grouped by article with a one-line snippet each. Mentions are sent per entity, on demand, so listing a
 * corpus of tens of thousands of articles stays small.
 */
import { articleCount, ENTITY_TYPES, LineIndex, mentionCountOf, registryKey, sortedUpdate, spellingsByCount, type EntityCluster, type EntityClustering, type EntityRegistry } from '../core/index';
import type { EntitiesParams, EntitiesResult, EntityMentionItem, EntityMentionsResult, EntitySummary } from '../protocolEntities';

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

const collator = new Intl.Collator('en', { sensitivity: 'base' });

/** Most mentioned first, then by canonical name (case-insensitive), then id. */
export function byMentions(a: EntityCluster, b: EntityCluster): number {
  return mentionCountOf(b) - mentionCountOf(a) || collator.compare(a.canonical, b.canonical) || (a.entityId < b.entityId ? -1 : 1);
}

/**
 * The entities with mentions (of one type, or all), most mentioned first: sorted once per clustering and type, not for
 * each page the Entities view asks for (sorting 100,000 names by a collator takes a second).
 */
const sortedLists = new WeakMap<EntityClustering, Map<string, readonly EntityCluster[]>>();
/**
 * The last whole list made by the clusterings of one lineage (EntityClustering.lineage: those kept up to date article
 * by article, incrementalClustering.ts, whose entities an edit did not touch are the same objects): those keep their
 * place (sortedUpdate), and only the entities an edit touched are put in place. Only a head start: the list is the
 * same as a full sort's.
 */
const lastLists = new WeakMap<object, readonly EntityCluster[]>();

function mentionedInOrder(clustering: EntityClustering, type: EntityCluster['type'] | undefined): readonly EntityCluster[] {
  let lists = sortedLists.get(clustering);
  if (!lists) sortedLists.set(clustering, (lists = new Map()));
  const key = type ?? '';
  let list = lists.get(key);
  if (!list) {
    if (type) {
      // A type's list is the whole list filtered (still in order): one sort a clustering, not one a type.
      list = mentionedInOrder(clustering, undefined).filter((c) => c.type === type);
    } else {
      const mentioned = clustering.clusters().filter((c) => mentionCountOf(c) > 0);
      const lineage = clustering.lineage;
      list = sortedUpdate((lineage && lastLists.get(lineage)) ?? [], mentioned, byMentions);
      if (lineage) lastLists.set(lineage, list);
    }
    lists.set(key, list);
  }
  return list;
}

export function listEntities(clustering: EntityClustering, params: EntitiesParams | undefined, inRegistry: (c: EntityCluster) => boolean): EntitiesResult {
  const all = clustering.clusters();
  const types = ENTITY_TYPES.map((type) => ({ type, entities: 0, mentions: 0 }));
  for (const c of all) {
    const t = types[ENTITY_TYPES.indexOf(c.type)];
    if (mentionCountOf(c) === 0) continue;
    t.entities++;
    t.mentions += mentionCountOf(c);
  }
  const offset = Math.max(0, Math.floor(params?.offset ?? 0));
  const limit = Math.min(MAX_PAGE, Math.max(0, Math.floor(params?.limit ?? DEFAULT_PAGE)));
  const query = params?.query?.trim();
  const type = params?.type;
  if (limit === 0 && !query) {
    const total = type ? (types.find((t) => t.type === type)?.entities ?? 0) : types.reduce((n, t) => n + t.entities, 0);
    return { total, entities: [], types };
  }
  // Registry entities without a mention in the corpus are listed only when searched for.
  let list = query ? clustering.find(query) : mentionedInOrder(clustering, type);
  if (type && query) list = list.filter((c) => c.type === type);
  return {
    total: list.length,
    entities: list.slice(offset, offset + limit).map((c) => summarize(c, inRegistry(c))),
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
