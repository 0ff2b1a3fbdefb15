/**
 * A paragraph repeated in an article's body that other pages carry as page chrome (a lead repeated in a site's
 * header block): its copies name those pages too, as the Boilerplate view counts them (found by a tester: the hover
 * said "also in 1 other article" of a paragraph the view showed in six).
 */
import * as assert from 'node:assert/strict';
import { createCorpusService, NEVER_CANCELLED, type BoilerplateFinding } from '../../../server/src/core/index';
import { loadNerModel } from '../../../server/src/node/nerModelFile';
import { generateCorpus } from '../../support/corpusGenerator';

describe('copies of a duplicate that other pages carry as page chrome', function () {
  this.timeout(60000);

  it('are listed, and said to be page chrome there', () => {
    const docs = generateCorpus({ articles: 60, seed: 11 });
    const service = createCorpusService({ nerModel: loadNerModel() });
    for (const d of docs) service.setDocument(d.uri, d.text);
    // One long article made of the first thirty, as the benches make it.
    service.setDocument('long.txt', docs.slice(0, 30).map((d) => d.text).join('\n\n'));
    const findings = new Map<string, readonly BoilerplateFinding[]>();
    for (const uri of ['long.txt', ...docs.map((d) => d.uri)]) findings.set(uri, service.analyze(uri, undefined, NEVER_CANCELLED).boilerplate);

    const withChrome = findings.get('long.txt')!.filter((b) => b.kind === 'duplicate' && /page chrome in \d+ other articles?/.test(b.reason));
    assert.ok(withChrome.length > 0, 'some of the long article’s duplicates are page chrome elsewhere');
    for (const b of withChrome) {
      // Every other article holding the paragraph as page chrome is among its copies.
      const chromeThere = [...findings].filter(([uri, list]) => uri !== 'long.txt' && list.some((c) => c.kind === 'chrome' && c.text === b.text)).map(([uri]) => uri);
      assert.ok(chromeThere.length > 0);
      const listed = new Set(b.copies.map((c) => c.uri));
      for (const uri of chromeThere) assert.ok(listed.has(uri), `${uri} is among the copies of “${b.text.slice(0, 40)}…”`);
    }
  });
});
