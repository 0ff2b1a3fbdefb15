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

type Spans = readonly { start: number; end: number }[];

/**
 * A cluster's mentions by article, made once per cluster (a name hovered again costs no pass over its thousands of
 * mentions). Clusters of a clustering never change; the provisional ones of an edit only grow, so the list is made
 * again when its length moved. One per host (the hover feature keeps one), not shared through the module.
 */
export class MentionsByFile {
  private readonly kept = new WeakMap<EntityCluster, { mentions: readonly unknown[]; count: number; byFile: Map<string, Spans> }>();

  of(cluster: EntityCluster): Map<string, Spans> {
    const mentions = cluster.mentions;
    const kept = this.kept.get(cluster);
    if (kept && kept.mentions === mentions && kept.count === mentions.length) return kept.byFile;
    const byFile = new Map<string, { start: number; end: number }[]>();
    for (const m of mentions) {
      let list = byFile.get(m.uri);
      if (!list) byFile.set(m.uri, (list = []));
      list.push(m);
    }
    this.kept.set(cluster, { mentions, count: mentions.length, byFile });
    return byFile;
  }
}

/**
 * The articles to look at: those mentioning the entity that have a sidecar. Found from the side with fewer: the
 * articles with sidecars when they are fewer than the entity's articles (and too few for the cap to matter, so the
 * same articles are read either way), else the entity's articles, in their order, up to the cap.
 */
function taggedArticles(ctx: ServerContext, cluster: EntityCluster, memo: MentionsByFile): [string, Spans][] {
  const folders = ctx.workspace.all();
  let withSidecars = 0;
  for (const corpus of folders) withSidecars += corpus.allSidecars().size;
  const out: [string, Spans][] = [];
  if (withSidecars === 0) return out; // no tags anywhere: the entity's mentions need not be grouped
  const byFile = memo.of(cluster);
  if (withSidecars <= MAX_ARTICLES && withSidecars < byFile.size) {
    for (const corpus of folders) {
      for (const file of corpus.allSidecars().keys()) {
        const mentions = byFile.get(file);
        if (mentions && ctx.workspace.corpusOf(file)?.sidecarOf(file)) out.push([file, mentions]);
      }
    }
    return out;
  }
  for (const [file, mentions] of byFile) {
    if (!ctx.workspace.corpusOf(file)?.sidecarOf(file)) continue;
    if (out.length === MAX_ARTICLES) break;
    out.push([file, mentions]);
  }
  return out;
}

/** The tags on passages that mention the entity; `memo` keeps its mentions grouped by article between calls. */
export function tagsOnMentions(ctx: ServerContext, cluster: EntityCluster, memo = new MentionsByFile()): EntityTagCount[] {
  const counts = new Map<string, { passages: Set<string>; articles: Set<string> }>();
  for (const [file, mentions] of taggedArticles(ctx, cluster, memo)) {
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
