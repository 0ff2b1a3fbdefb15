import * as assert from 'node:assert/strict';
import { createBoilerplateIndex } from '../../../server/src/core/boilerplate';
import { KINDS, predictedLines, Scorer } from '../../support/boilerplateEval';
import { generateCorpus } from '../../support/corpusGenerator';

describe('boilerplate on a generated corpus', () => {
  it('the generator is deterministic and labels every non-blank line', () => {
    const a = generateCorpus({ articles: 40, seed: 5 });
    const b = generateCorpus({ articles: 40, seed: 5 });
    assert.deepEqual(a, b);
    assert.notDeepEqual(generateCorpus({ articles: 40, seed: 6 }), a);
    for (const d of a) {
      d.text.split('\n').forEach((l, i) => assert.equal(l.trim() === '', d.labels[i] === undefined, `${d.uri}:${i + 1}`));
    }
    const kinds = new Set(a.flatMap((d) => d.labels));
    for (const k of ['content', 'chrome', 'duplicate', 'near-duplicate']) assert.ok(kinds.has(k as never), k);
  });

  it('reaches 0.9 precision and recall per kind on 300 articles', function () {
    this.timeout(60000);
    const docs = generateCorpus({ articles: 300, seed: 11 });
    const index = createBoilerplateIndex();
    for (const d of docs) index.update(d.uri, d.text);
    const scorer = new Scorer();
    for (const d of docs) scorer.add(d, predictedLines(d, index.findings(d.uri)));
    const s = scorer.scores();
    for (const k of KINDS) {
      assert.ok(s[k].precision >= 0.9, `${k} precision ${s[k].precision}`);
      assert.ok(s[k].recall >= 0.9, `${k} recall ${s[k].recall}`);
    }
  });

  it('gives the same findings when articles are added in another order or re-added', function () {
    this.timeout(60000);
    const docs = generateCorpus({ articles: 120, seed: 3 });
    const forward = createBoilerplateIndex();
    for (const d of docs) forward.update(d.uri, d.text);
    const backward = createBoilerplateIndex();
    for (const d of [...docs].reverse()) backward.update(d.uri, d.text);
    for (const d of docs.slice(0, 30)) backward.update(d.uri, 'placeholder text');
    for (const d of docs.slice(0, 30)) backward.update(d.uri, d.text);
    const kinds = (idx: typeof forward, uri: string): string[] => idx.findings(uri).map((f) => `${f.start}:${f.kind}`);
    for (const d of docs) assert.deepEqual(kinds(backward, d.uri), kinds(forward, d.uri), d.uri);
  });
});
