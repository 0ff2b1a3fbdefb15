import * as assert from 'node:assert/strict';
import { createCorpusService, EMPTY_REGISTRY, NEVER_CANCELLED } from '../../../server/src/core/index';
import { loadNerModel } from '../../../server/src/node/nerModelFile';
import { generateCorpus } from '../../support/corpusGenerator';

describe('the analysis stamp of the corpus service', () => {
  it('changes with what analyses read, and only then', () => {
    const docs = generateCorpus({ articles: 6, seed: 3 });
    const s = createCorpusService({ nerModel: loadNerModel() });
    for (const d of docs) s.setDocument(d.uri, d.text);
    const changes = (what: string, act: () => void, expected: boolean) => {
      const before = s.analysisStamp();
      act();
      assert.equal(s.analysisStamp() !== before, expected, what);
    };
    changes('a first clustering', () => s.entityClustering(NEVER_CANCELLED), true);
    changes('analyses of an unchanged corpus', () => docs.forEach((d) => s.analyze(d.uri, undefined, NEVER_CANCELLED)), false);
    changes('an article set to its own text', () => s.setDocument(docs[0].uri, docs[0].text), false);
    changes('an article edited', () => s.setDocument(docs[0].uri, `${docs[0].text}\nGeneral Somsavath Inthavong left.\n`), true);
    changes('its analysis through the clustering', () => s.analyze(docs[0].uri, undefined, NEVER_CANCELLED), false);
    changes('an edit that keeps the names (its mentions moved)', () => {
      // A line break before the first line: every mention moves, none changes (a letter glued to the first word
      // could make it a name).
      s.setDocument(docs[1].uri, `\n${docs[1].text}`);
      const before = s.analysisStamp();
      s.analyze(docs[1].uri, undefined, NEVER_CANCELLED);
      assert.notEqual(s.analysisStamp(), before, 'mentions moved');
    }, true);
    changes('the clustering rebuilt', () => s.entityClustering(NEVER_CANCELLED, 'current'), true);
    changes('an article removed', () => s.removeDocument(docs[2].uri), true);
    changes('the registry', () => s.setRegistry(EMPTY_REGISTRY), true);
    changes('the ignore list', () => s.setBoilerplateIgnores({ everywhere: [], here: [] }), true);
    changes('editing started', () => s.editingStarted(docs[3].uri, NEVER_CANCELLED), false);
  });
});
