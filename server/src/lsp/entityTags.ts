/**
 * Tags on passages that mention an entity, corpus-wide, for the hover: a tag counts when its anchored passage overlaps
 * a mention. Only articles that have a sidecar are read (one directory listing per annotations folder), and tags are
 * re-anchored through the tag service's cache, so a name mentioned in thousands of articles stays cheap.
 */
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
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

export async function tagsOnMentions(ctx: ServerContext, cluster: EntityCluster): Promise<EntityTagCount[]> {
  const byFile = new Map<string, { start: number; end: number }[]>();
  for (const m of cluster.mentions) {
    let list = byFile.get(m.uri);
    if (!list) byFile.set(m.uri, (list = []));
    list.push(m);
  }
  const listings = new Map<string, Promise<Set<string>>>();
  const sidecarsIn = (dir: string): Promise<Set<string>> => {
    let p = listings.get(dir);
    if (!p) {
      p = fs.readdir(dir).then((names) => new Set(names), () => new Set<string>());
      listings.set(dir, p);
    }
    return p;
  };
  const counts = new Map<string, { passages: Set<string>; articles: Set<string> }>();
  let read = 0;
  for (const [file, mentions] of byFile) {
    const store = await ctx.workspace.storeFor(file);
    if (!store) continue;
    const sidecar = store.sidecarPath(file);
    if (!(await sidecarsIn(path.dirname(sidecar))).has(path.basename(sidecar))) continue;
    if (++read > MAX_ARTICLES) break;
    const text = ctx.service.getText(file);
    if (text === undefined) continue;
    for (const t of await ctx.tags.anchoredTags(file, text)) {
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
