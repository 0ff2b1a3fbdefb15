import * as assert from 'node:assert/strict';
import { SymbolKind } from 'vscode-languageserver';
import { clusterEntities } from '../../../server/src/core/entities/aliases';
import { parseRegistry } from '../../../server/src/core/entities/registry';
import { LineIndex } from '../../../server/src/core/text/lineIndex';
import { entityMentions, listEntities, mentionSnippet, registryMembership } from '../../../server/src/lsp/entityListing';
import { documentSymbols } from '../../../server/src/lsp/features/entityNavigation';
import { doc } from '../entities/aliases.fixtures';
import { IncrementalClustering } from '../../../server/src/core/entities/incrementalClustering';
import { runToEnd } from '../../../server/src/core/slices';
import { provisionalClustering } from '../../../server/src/core/entities/provisional';

const TEXTS: Record<string, string> = {
  a: 'Khamliang Outhakaysone met Pham Minh Chinh in Vietnam.\nLater Khamliang Outhakaysone left Vietnam for Laos.',
  b: 'Khamlieng Outhakaysone, the minister, spoke in Vientiane.',
};
const NAMES = { 'Khamliang Outhakaysone': 'PERSON', 'Khamlieng Outhakaysone': 'PERSON', 'Pham Minh Chinh': 'PERSON', Vietnam: 'LOCATION', Laos: 'LOCATION', Vientiane: 'LOCATION' } as const;
const clustering = clusterEntities(Object.entries(TEXTS).map(([uri, text]) => doc(uri, text, NAMES)));

describe('entity listing', () => {
  it('makes a one-line snippet with the mention marked, cut at words', () => {
    const text = 'First line.\nThe Minister of National Defense, Mr. Khamlieng Outhakaysone, reported that national defense work went well.\nNext.';
    const start = text.indexOf('Khamlieng');
    const s = mentionSnippet(text, start, start + 'Khamlieng Outhakaysone'.length, 20);
    assert.equal(s.snippet.slice(s.match[0], s.match[1]), 'Khamlieng Outhakaysone');
    assert.ok(s.snippet.startsWith('…') && s.snippet.endsWith('…'));
    assert.ok(!s.snippet.includes('\n') && !s.snippet.includes('First') && !s.snippet.includes('Next'));
    assert.match(s.snippet, /^…Defense, Mr\. Khamlieng Outhakaysone, reported that…$/);
    const whole = mentionSnippet('Laos', 0, 4);
    assert.deepEqual(whole, { snippet: 'Laos', match: [0, 4] });
  });

  it('lists entities most mentioned first, per type, searchable and paged, with type counts', () => {
    const all = listEntities(clustering, {}, () => false);
    assert.equal(all.entities[0].canonical, 'Khamliang Outhakaysone');
    assert.equal(all.entities[0].mentions, 3);
    assert.equal(all.entities[0].articles, 2);
    assert.deepEqual(all.entities[0].spellings, [{ text: 'Khamliang Outhakaysone', count: 2 }, { text: 'Khamlieng Outhakaysone', count: 1 }]);
    assert.deepEqual(all.types.find((t) => t.type === 'LOCATION'), { type: 'LOCATION', entities: 3, mentions: 4 });
    const places = listEntities(clustering, { type: 'LOCATION', limit: 1, offset: 1 }, () => false);
    assert.equal(places.total, 3);
    assert.equal(places.entities.length, 1);
    assert.equal(places.entities[0].type, 'LOCATION');
    assert.equal(listEntities(clustering, { query: 'khamlieng' }, () => false).entities[0].canonical, 'Khamliang Outhakaysone');
    assert.equal(listEntities(clustering, { limit: 0 }, () => false).entities.length, 0);
  });

  it('knows which entities the registry names', () => {
    const parsed = parseRegistry('entities:\n  - canonical: Vietnam\n    type: LOCATION\n  - id: kho\n    canonical: Somebody Else\n    type: PERSON\n');
    assert.ok(parsed.ok);
    const inRegistry = registryMembership(parsed.registry);
    const vietnam = clustering.clusters().find((c) => c.canonical === 'Vietnam')!;
    const laos = clustering.clusters().find((c) => c.canonical === 'Laos')!;
    assert.equal(inRegistry(vietnam), true);
    assert.equal(inRegistry(laos), false);
  });

  it('groups an entity’s mentions by article with ranges and snippets', () => {
    const k = clustering.clusters().find((c) => c.canonical === 'Khamliang Outhakaysone')!;
    const r = entityMentions(k, k.entityId, (key) => TEXTS[key], (key) => `file:///${key}`, (key) => `seeds/${key}`);
    assert.deepEqual(r.articles.map((a) => [a.uri, a.document, a.mentions.length]), [['file:///a', 'seeds/a', 2], ['file:///b', 'seeds/b', 1]]);
    assert.deepEqual(r.articles[0].mentions[1].range, { start: { line: 1, character: 6 }, end: { line: 1, character: 28 } });
    assert.equal(entityMentions(undefined, 'gone', () => undefined, String, String).articles.length, 0);
  });

  it('gives document symbols: the article date first, then entities in order with their mentions', () => {
    const text = TEXTS.a;
    const symbols = documentSymbols(new LineIndex(text), clustering.mentionsOf('a'), { value: '2025-04-25', start: 0, end: 4, source: 'dateline' });
    assert.equal(symbols[0].name, 'Article date: 2025-04-25');
    assert.equal(symbols[0].kind, SymbolKind.Event);
    assert.deepEqual(symbols.slice(1).map((s) => s.name), ['Khamliang Outhakaysone', 'Pham Minh Chinh', 'Vietnam', 'Laos']);
    assert.equal(symbols[1].children!.length, 2);
    assert.equal(symbols[1].children![1].detail, 'line 2');
    assert.equal(documentSymbols(new LineIndex(text), clustering.mentionsOf('a'))[0].name, 'Khamliang Outhakaysone');
  });

  it('lists the clusterings kept up to date article by article as a fresh clustering of the same articles, edit after edit', () => {
    const texts = { ...TEXTS, c: 'Vietnam and Laos. Pham Minh Chinh in Vientiane.' };
    const docs = Object.entries(texts).map(([uri, text]) => doc(uri, text, NAMES));
    const incremental = runToEnd(IncrementalClustering.build(docs));
    const page = (c: Parameters<typeof listEntities>[0], type?: 'PERSON' | 'LOCATION') => listEntities(c, { type, limit: 50 }, () => false).entities;
    assert.deepEqual(page(incremental.clustering()), page(clusterEntities(docs)));
    assert.deepEqual(page(incremental.clustering(), 'LOCATION'), page(clusterEntities(docs), 'LOCATION'));
    const edits = [
      doc('c', 'Laos, Laos and Laos. Vientiane twice: Vientiane. Laos.', NAMES),
      doc('a', 'Pham Minh Chinh met Pham Minh Chinh.', NAMES),
      doc('b', 'Vietnam.', NAMES),
    ];
    for (const edit of edits) {
      const i = docs.findIndex((d) => d.uri === edit.uri);
      docs[i] = edit;
      const kept = incremental.update(new Map([[edit.uri, edit.entities]]));
      assert.deepEqual(page(kept), page(clusterEntities(docs)));
      assert.deepEqual(page(kept, 'LOCATION'), page(clusterEntities(docs), 'LOCATION'));
    }
    // A view of the last with an article edited since (its lineage's): listed as the same view without a lineage.
    const view = provisionalClustering(incremental.clustering(), new Map([['a', doc('a', 'Laos met Somsavath Inthavong and Somsavath Inthavong.', { ...NAMES, 'Somsavath Inthavong': 'PERSON' }).entities]]), new Set());
    assert.ok(view.lineage);
    assert.deepEqual(page(view), page({ ...view, lineage: undefined }));
  });
});
