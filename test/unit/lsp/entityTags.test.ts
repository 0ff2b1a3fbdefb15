/**
 * Tags on passages that mention an entity (the hover's "Tags on passages that mention it"): whichever side the
 * articles are found from (the entity's articles, or the articles with sidecars when those are fewer), and whether the
 * cluster was asked about before, the counts are those of a plain pass over the entity's mentions, article by article.
 */
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import type { AnchoredTag, EntityCluster } from '../../../server/src/core/index';
import type { ServerContext } from '../../../server/src/lsp/context';
import { MentionsByFile, tagsOnMentions, type EntityTagCount } from '../../../server/src/lsp/entityTags';

/** What tagsOnMentions did before it grouped mentions once per cluster (the cap of 2,000 articles aside). */
function plainPass(cluster: EntityCluster, sidecars: ReadonlyMap<string, unknown>, tagsOf: (file: string) => AnchoredTag[]): EntityTagCount[] {
  const byFile = new Map<string, { start: number; end: number }[]>();
  for (const m of cluster.mentions) {
    if (!byFile.has(m.uri)) byFile.set(m.uri, []);
    byFile.get(m.uri)!.push(m);
  }
  const counts = new Map<string, { passages: Set<string>; articles: Set<string> }>();
  for (const [file, mentions] of byFile) {
    if (!sidecars.has(file)) continue;
    for (const t of tagsOf(file)) {
      if (t.start < 0 || !mentions.some((m) => m.start < t.end && t.start < m.end)) continue;
      if (!counts.has(t.tag.tag)) counts.set(t.tag.tag, { passages: new Set(), articles: new Set() });
      counts.get(t.tag.tag)!.passages.add(`${file}\u0000${t.tag.id}`);
      counts.get(t.tag.tag)!.articles.add(file);
    }
  }
  return [...counts.entries()]
    .map(([tag, c]) => ({ tag, passages: c.passages.size, articles: c.articles.size }))
    .sort((a, b) => b.passages - a.passages || a.tag.localeCompare(b.tag));
}

const file = (i: number) => `/ws/seeds/${String(i).padStart(3, '0')}.txt`;

describe('tags on passages that mention an entity', () => {
  it('counts what a plain pass over the mentions counts, from either side, asked once or twice', () => {
    const span = fc.record({ file: fc.nat(11), start: fc.nat(200), length: fc.integer({ min: 1, max: 30 }) });
    fc.assert(
      fc.property(
        fc.array(span, { maxLength: 40 }),
        fc.array(fc.record({ at: span, tag: fc.constantFrom('a', 'b', 'c'), orphaned: fc.boolean() }), { maxLength: 30 }),
        fc.uniqueArray(fc.nat(11), { maxLength: 12 }),
        (mentions, tags, withSidecar) => {
          const cluster = {
            entityId: 'e',
            mentions: mentions.map((m) => ({ uri: file(m.file), start: m.start, end: m.start + m.length, text: 'x' })),
          } as unknown as EntityCluster;
          const sidecars = new Map(withSidecar.map((i) => [file(i), {}]));
          const anchored = new Map<string, AnchoredTag[]>();
          tags.forEach((t, k) => {
            const f = file(t.at.file);
            if (!anchored.has(f)) anchored.set(f, []);
            const start = t.orphaned ? -1 : t.at.start;
            anchored.get(f)!.push({ tag: { id: `t${k}`, tag: t.tag }, start, end: t.orphaned ? -1 : start + t.at.length, status: t.orphaned ? 'orphaned' : 'anchored' } as unknown as AnchoredTag);
          });
          const tagsOf = (f: string) => anchored.get(f) ?? [];
          const corpus = { allSidecars: () => sidecars, sidecarOf: (f: string) => sidecars.get(f) };
          const ctx = {
            workspace: { all: () => [corpus], corpusOf: () => corpus },
            service: { getText: () => '' },
            tags: { anchoredTags: (f: string) => tagsOf(f) },
          } as unknown as ServerContext;
          const expected = plainPass(cluster, sidecars, tagsOf);
          const memo = new MentionsByFile();
          assert.deepEqual(tagsOnMentions(ctx, cluster, memo), expected);
          assert.deepEqual(tagsOnMentions(ctx, cluster, memo), expected, 'asked again');
        },
      ),
      { numRuns: 300 },
    );
  });
});
