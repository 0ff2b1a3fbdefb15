/**
 * Tags on passages that mention an entity, corpus-wide, for the hover: a tag counts when its anchored passage overlaps
 * a mention. Only articles that have tags are looked at (the folder models know them without reading anything), and
 * tags are re-anchored through the tag service's cache, so a name mentioned in thousands of articles stays cheap.
 */
import type { EntityCluster } from '../core/index';
import type { ServerContext } from './context';

export interface EntityTagCount {
  tag: string;
  /** Tagged passages that mention the entity, and the articles they are in. */
  passages: number;
  articles: number;
}

/** At most this many articles are read per hover. */
const MAX_ARTICLES = 2000;

export function tagsOnMentions(ctx: ServerContext, cluster: EntityCluster): EntityTagCount[] {
  const byFile = new Map<string, { start: number; end: number }[]>();
  for (const m of cluster.mentions) {
    let list = byFile.get(m.uri);
    if (!list) byFile.set(m.uri, (list = []));
    list.push(m);
  }
  const counts = new Map<string, { passages: Set<string>; articles: Set<string> }>();
  let read = 0;
  for (const [file, mentions] of byFile) {
    if (!ctx.workspace.corpusOf(file)?.sidecarOf(file)) continue;
    if (++read > MAX_ARTICLES) break;
    const text = ctx.service.getText(file);
    if (text === undefined) continue;
    for (const t of ctx.tags.anchoredTags(file, text)) {
      if (t.start < 0 || !mentions.some((m) => m.start < t.end && t.start < m.end)) continue;
      let c = counts.get(t.tag.tag);
      if (!c) counts.set(t.tag.tag, (c = { passages: new Set(), articles: new Set() }));
      c.passages.add(`${file}\u0000${t.tag.id}`);
      c.articles.add(file);
    }
  }
  return [...counts.entries()]
    .map(([tag, c]) => ({ tag, passages: c.passages.size, articles: c.articles.size }))
    .sort((a, b) => b.passages - a.passages || a.tag.localeCompare(b.tag));
}
