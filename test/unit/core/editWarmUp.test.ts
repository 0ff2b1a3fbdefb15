import * as assert from 'node:assert/strict';
import { createCorpusService, NEVER_CANCELLED, type CorpusService } from '../../../server/src/core/index';
import { runToEnd } from '../../../server/src/core/slices';
import { loadNerModel } from '../../../server/src/node/nerModelFile';
import { generateCorpus } from '../../support/corpusGenerator';

describe('the preparation for edits (prepareForEditsInSlices) runs the edit path ahead and changes no result', () => {
  it('articles edited while open (editingStarted) analyse as in a service never prepared: names, dates, boilerplate', function () {
    this.timeout(60_000);
    const model = loadNerModel();
    const docs = generateCorpus({ articles: 30, seed: 7 });
    const open = [docs[4].uri, docs[19].uri];
    const run = (prepared: boolean) => {
      const s: CorpusService = createCorpusService({ nerModel: model });
      for (const d of docs) s.setDocument(d.uri, d.text);
      s.entityClustering(NEVER_CANCELLED);
      s.boilerplateClusters(NEVER_CANCELLED);
      if (prepared) runToEnd(s.prepareForEditsInSlices(NEVER_CANCELLED));
      for (const uri of open) s.editingStarted(uri, NEVER_CANCELLED);
      const seen: unknown[] = [];
      for (let k = 1; k <= 3; k++) {
        for (const uri of open) {
          const text = s.getText(uri)!;
          const at = text.indexOf('\n', text.indexOf('\n') + 1) + 1;
          s.setDocument(uri, `${text.slice(0, at)}General Somsavath Inthavong met x${k}. ${text.slice(at)}`);
        }
        seen.push(s.documentUris().map((uri) => s.analyze(uri, undefined, NEVER_CANCELLED)));
      }
      seen.push(s.boilerplateClusters(NEVER_CANCELLED));
      return seen;
    };
    assert.deepEqual(run(true), run(false));
  });
});
