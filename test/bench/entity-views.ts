/**
 * What the Entities tree, workspace symbols and document symbols cost on a generated corpus of 10,000 articles (no
 * data files needed): people, organisations and places drawn from a Zipf-like distribution, so a few entities are
 * mentioned in thousands of articles and most in a handful.
 *
 * Baseline, measured in the same run: the eager listing the tree avoids, every entity with every mention (range and
 * snippet) in one answer. Reported: time and JSON size of the first tree page, of a search, of the mentions of the
 * most mentioned entity, and of document symbols, each as a ratio against the baseline.
 *
 *   npx tsx test/bench/entity-views.ts
 */
import { clusterEntities, type DocumentEntities } from '../../server/src/core/entities/aliases';
import { LineIndex } from '../../server/src/core/text/lineIndex';
import type { EntityType, RecognizedEntity } from '../../server/src/core/types';
import { entityMentions, listEntities } from '../../server/src/lsp/entityListing';
import { documentSymbols } from '../../server/src/lsp/features/entityNavigation';
import { entityWorklist } from '../../server/src/core/worklist';

export type { BenchResult } from './benchResult';
import type { BenchResult } from './benchResult';

const ARTICLES = 10_000;
const MENTIONS_PER_ARTICLE = 30;
const ENTITIES = 4_000;
/** Targets: an interactive answer (tree page, search, symbols of one article) and an entity's mentions. */
const TARGET_INTERACTIVE_MS = 100;
const TARGET_MENTIONS_MS = 1_000;

function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SYLLABLES = ['kham', 'liang', 'sou', 'vanh', 'phon', 'thong', 'sa', 'vi', 'lay', 'ngu', 'yen', 'tan', 'cuong', 'pha', 'lak', 'dao', 'min', 'hoa', 'bou', 'nhot'];
const TYPES: EntityType[] = ['PERSON', 'PERSON', 'ORG', 'LOCATION'];

function makeName(r: () => number): string {
  const word = () => {
    const n = 2 + Math.floor(r() * 2);
    let w = '';
    for (let i = 0; i < n; i++) w += SYLLABLES[Math.floor(r() * SYLLABLES.length)];
    return w[0].toUpperCase() + w.slice(1);
  };
  return `${word()} ${word()}`;
}

function generate(): { docs: DocumentEntities[]; texts: Map<string, string> } {
  const r = rng(7);
  const names = Array.from({ length: ENTITIES }, () => ({ name: makeName(r), type: TYPES[Math.floor(r() * TYPES.length)] }));
  const docs: DocumentEntities[] = [];
  const texts = new Map<string, string>();
  for (let d = 0; d < ARTICLES; d++) {
    const uri = `/corpus/seeds/${String(d).padStart(5, '0')}.txt`;
    let text = `Article ${d}\n\n`;
    const entities: RecognizedEntity[] = [];
    for (let m = 0; m < MENTIONS_PER_ARTICLE; m++) {
      // Zipf-like: index ~ ENTITIES^u, so low indices are frequent.
      const pick = names[Math.min(ENTITIES - 1, Math.floor(Math.pow(ENTITIES, r())) - 1)];
      text += 'The officials said that ';
      const start = text.length;
      text += pick.name;
      entities.push({ start, end: text.length, text: pick.name, type: pick.type });
      text += m % 5 === 4 ? ' met the delegation today.\n' : ' met the delegation. ';
    }
    docs.push({ uri, entities });
    texts.set(uri, text);
  }
  return { docs, texts };
}

function timed<T>(work: () => T, repeat = 5): { ms: number; value: T } {
  let value = work();
  const started = process.hrtime.bigint();
  for (let i = 0; i < repeat; i++) value = work();
  return { ms: Number(process.hrtime.bigint() - started) / 1e6 / repeat, value };
}

const kb = (x: unknown): number => JSON.stringify(x).length / 1024;

export async function run(): Promise<BenchResult> {
  const lines: string[] = [];
  const { docs, texts } = generate();
  const clusterStarted = Date.now();
  const clustering = clusterEntities(docs);
  lines.push(`corpus: ${ARTICLES} articles, ${ARTICLES * MENTIONS_PER_ARTICLE} mentions, ${clustering.clusters().length} entities (clustered in ${Date.now() - clusterStarted} ms, not part of the figures)`);
  const textOf = (k: string) => texts.get(k);
  const uriOf = (k: string) => `file://${k}`;
  const label = (k: string) => k.slice('/corpus/'.length);

  const baseline = timed(() => {
    const all = listEntities(clustering, { limit: 1e9 }, () => false);
    return all.entities.map((e) => ({ ...e, mentions: entityMentions(clustering.cluster(e.id), e.id, textOf, uriOf, label, Infinity) }));
  }, 1);
  const baseKb = kb(baseline.value);
  lines.push(`baseline (eager: every entity with every mention): ${baseline.ms.toFixed(0)} ms, ${baseKb.toFixed(0)} KB`);

  const report = (what: string, ms: number, size: number, target: number): boolean => {
    const ok = ms <= target;
    lines.push(
      `${what}: ${ms.toFixed(2)} ms (${(baseline.ms / ms).toFixed(0)}x faster than the baseline), ${size.toFixed(1)} KB (${(baseKb / size).toFixed(0)}x smaller); target <= ${target} ms ${ok ? 'met' : 'NOT met'}`,
    );
    return ok;
  };
  let ok = true;
  const types = timed(() => listEntities(clustering, { limit: 0 }, () => false));
  ok = report('tree roots (type counts)', types.ms, kb(types.value), TARGET_INTERACTIVE_MS) && ok;
  const page = timed(() => listEntities(clustering, { type: 'PERSON', limit: 200 }, () => false));
  ok = report('tree page (200 people)', page.ms, kb(page.value), TARGET_INTERACTIVE_MS) && ok;
  const query = page.value.entities[10].canonical.toLowerCase().replace(/ia/g, 'ie');
  const search = timed(() => listEntities(clustering, { query, limit: 50 }, () => false));
  ok = report(`search "${query}"`, search.ms, kb(search.value), TARGET_INTERACTIVE_MS) && ok;
  const top = page.value.entities[0];
  const mentions = timed(() => entityMentions(clustering.cluster(top.id), top.id, textOf, uriOf, label), 2);
  ok = report(`mentions of the most mentioned person (${top.mentions} in ${top.articles} articles)`, mentions.ms, kb(mentions.value), TARGET_MENTIONS_MS) && ok;
  const someDoc = docs[1234].uri;
  const symbols = timed(() => documentSymbols(new LineIndex(texts.get(someDoc)!), clustering.mentionsOf(someDoc)));
  ok = report('document symbols of one article', symbols.ms, kb(symbols.value), TARGET_INTERACTIVE_MS) && ok;
  // The Problems worklist of one article (possible merges looked up for each of its entities), as each validation
  // computes it; the first one after a clustering also builds the acronym index.
  const worklistOf = (uri: string) => entityWorklist({ entities: clustering.mentionsOf(uri), dates: [], boilerplate: [] }, clustering, { inRegistry: () => false });
  const firstStarted = process.hrtime.bigint();
  worklistOf(docs[4321].uri);
  const firstMs = Number(process.hrtime.bigint() - firstStarted) / 1e6;
  ok = report('Problems worklist of one article, first after a clustering', firstMs, kb(worklistOf(docs[4321].uri).length), TARGET_INTERACTIVE_MS) && ok;
  const worklist = timed(() => worklistOf(someDoc));
  ok = report('Problems worklist of one article', worklist.ms, kb(worklist.value.map((v) => v.reason ?? '')), TARGET_INTERACTIVE_MS) && ok;
  return { name: 'entity-views', lines, ok };
}

if (require.main === module) {
  void run().then((r) => {
    for (const l of r.lines) console.log(l);
    console.log(r.ok ? 'targets met' : 'targets NOT met');
    process.exitCode = r.ok ? 0 : 1;
  });
}
