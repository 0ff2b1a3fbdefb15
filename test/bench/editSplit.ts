/**
 * What one edit of an open article costs, in process (no LSP, no debounce): a corpus service over generated articles
 * (SERVER_BENCH_ARTICLES, default 3,000, plus the server bench's 100 KB article), indexed and clustered as the server
 * leaves it, then EDIT_SPLIT_EDITS edits of the 100 KB article (an `x` typed at the start of its third line, as the
 * server bench types) and of a 4 KB one. Each edit is timed by step, as the language server runs them: setDocument,
 * the article's names (recognition), the fast clustering (the edited article seen through the corpus's), `analyze`
 * (dates, boilerplate index update and findings), diagnostics assembly (toDiagnostics). Prints median and p95 of each.
 *
 *   npx tsx test/bench/editSplit.ts     # EDIT_SPLIT_ONLY=long|small, EDIT_SPLIT_EDITS=40;
 *   node --cpu-prof --import tsx test/bench/editSplit.ts    # to see inside a step (function editArticle)
 */
import * as path from 'node:path';
import { clusterEntities, createCorpusService, LineIndex, NEVER_CANCELLED, snapshotOfClustering } from '../../server/src/core/index';
import { loadNerModel } from '../../server/src/node/nerModelFile';
import { toDiagnostics } from '../../server/src/lsp/diagnostics';
import { DEFAULT_SETTINGS } from '../../server/src/workspace/settings';
import { runToEnd } from '../../server/src/core/slices';
import { generateCorpus } from '../support/corpusGenerator';

const ARTICLES = Number(process.env.SERVER_BENCH_ARTICLES ?? 3000);
const EDITS = Number(process.env.EDIT_SPLIT_EDITS ?? 20);
/** `small` or `long` to edit only that article (for a profile of one). */
const ONLY = process.env.EDIT_SPLIT_ONLY;

const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))];
};

function main(): void {
  const docs = generateCorpus({ articles: ARTICLES, seed: 11 });
  const big = docs.slice(0, 30).map((d) => d.text).join('\n\n').slice(0, 100_000);
  const service = createCorpusService({ nerModel: loadNerModel() });
  const t0 = performance.now();
  for (const d of docs) service.setDocument(path.basename(d.uri), d.text);
  service.setDocument('zz-long-article.txt', big);
  for (const uri of service.documentUris()) service.prepareDocument(uri, NEVER_CANCELLED);
  // As the server's clustering worker makes it (with every entity's look-alikes), put in use from its snapshot.
  const input = service.clusteringInput(NEVER_CANCELLED);
  const docsIn = input.docs.map((d) => ({ uri: d.uri, entities: d.entities }));
  const snapshot = snapshotOfClustering(clusterEntities(docsIn, input.registry, NEVER_CANCELLED), docsIn.map((d) => d.uri), { lookAlikes: true });
  if (!service.adoptClustering(snapshot, input.generation)) throw new Error('clustering not adopted');
  service.boilerplateClusters(NEVER_CANCELLED);
  runToEnd(service.prepareForEditsInSlices(NEVER_CANCELLED));
  console.log(`${ARTICLES} articles + 100 KB indexed in process: ${((performance.now() - t0) / 1000).toFixed(1)} s; load ${require('node:os').loadavg().map((x: number) => x.toFixed(2)).join(' ')}`);

  const settings = DEFAULT_SETTINGS;
  // Other articles' line indexes are kept while their text is the same, as the server keeps them.
  const lineIndexes = new Map<string, { text: string; lines: LineIndex }>();
  const locate = (key: string) => {
    const t = service.getText(key);
    if (t === undefined) return undefined;
    let kept = lineIndexes.get(key);
    if (kept?.text !== t) lineIndexes.set(key, (kept = { text: t, lines: new LineIndex(t) }));
    return { uri: key, lines: kept.lines };
  };
  function editArticle(uri: string): void {
    let text = service.getText(uri)!;
    // Open: one analysis and diagnostics pass before the edits.
    const open = () => {
      const lines = new LineIndex(text);
      const a = service.analyze(uri, undefined, NEVER_CANCELLED);
      return toDiagnostics(a, lines, settings, service.entityClustering(NEVER_CANCELLED, 'fast'), { locate }).length;
    };
    open();
    // As the server does once an article is open (documentSync.ts), unless EDIT_SPLIT_NO_MEMO=1 (the build before it).
    if (!process.env.EDIT_SPLIT_NO_MEMO && 'editingStarted' in service) service.editingStarted(uri, NEVER_CANCELLED);
    const steps: Record<string, number[]> = { setDocument: [], recognition: [], clustering: [], analyze: [], diagnostics: [], total: [] };
    for (let e = 0; e < EDITS; e++) {
      const at = text.indexOf('\n', text.indexOf('\n') + 1) + 1;
      text = text.slice(0, at) + 'x' + text.slice(at);
      const s0 = performance.now();
      service.setDocument(uri, text);
      const s1 = performance.now();
      service.prepareDocument(uri, NEVER_CANCELLED);
      const s2 = performance.now();
      const clustering = service.entityClustering(NEVER_CANCELLED, 'fast');
      const s3 = performance.now();
      const lines = new LineIndex(text);
      const a = service.analyze(uri, undefined, NEVER_CANCELLED);
      const s4 = performance.now();
      toDiagnostics(a, lines, settings, clustering, { locate });
      const s5 = performance.now();
      steps.setDocument.push(s1 - s0);
      steps.recognition.push(s2 - s1);
      steps.clustering.push(s3 - s2);
      steps.analyze.push(s4 - s3);
      steps.diagnostics.push(s5 - s4);
      steps.total.push(s5 - s0);
    }
    console.log(`${uri} (${(text.length / 1000).toFixed(0)} KB), ${EDITS} edits, ms median/p95:`);
    for (const [k, v] of Object.entries(steps)) console.log(`  ${k.padEnd(12)} ${pct(v, 50).toFixed(1).padStart(7)} ${pct(v, 95).toFixed(1).padStart(7)}`);
  }
  if (ONLY !== 'long') editArticle(service.documentUris()[Math.floor(ARTICLES / 2)]);
  if (ONLY !== 'small') editArticle('zz-long-article.txt');
}

main();
