import * as assert from 'assert';
import { N_INTRINSIC, N_STATIC, collectDocCues, staticFeatures, wordInfo } from '../../../server/src/core/entities/features';
import { encodeNerModel, parseNerModel } from '../../../server/src/core/entities/model';
import { N_LABELS } from '../../../server/src/core/entities/labels';
import {
  EMPTY_CLUSTERS,
  NO_CLUSTER,
  clusterPath,
  encodeWordClusters,
  parseWordClusters,
} from '../../../server/src/core/entities/wordClusters';
import { LineCase } from '../../../server/src/core/entities/tokenize';
import { loadNerModel } from '../../../server/src/node/nerModelFile';

/** The cluster features of a word form: the last four word-intrinsic features. */
function clusterFeatures(word: string, clusters = loadNerModel().clusters): number[] {
  return [...wordInfo(word, clusters).intrinsic.subarray(N_INTRINSIC - 4)];
}

describe('word clusters', () => {
  describe('table file', () => {
    // Leaves of a 2-level tree, 2 bits per level: the coarse cluster is the leaf's top two bits.
    const table = parseWordClusters(encodeWordClusters(['monday', 'tuesday', 'hanoi', 'đà'], [0b0001, 0b0001, 0b1000, 0b1011], [2, 2], 'test'));

    it('reads back every word with its leaf, and gives unknown words NO_CLUSTER', () => {
      assert.strictEqual(table.size, 4);
      assert.deepStrictEqual(table.levelBits, [2, 2]);
      assert.strictEqual(table.clusterOf('monday'), 1);
      assert.strictEqual(table.clusterOf('hanoi'), 8);
      assert.strictEqual(table.clusterOf('đà'), 11, 'words with diacritics are found too');
      assert.strictEqual(table.clusterOf('vientiane'), NO_CLUSTER);
      assert.strictEqual(EMPTY_CLUSTERS.clusterOf('monday'), NO_CLUSTER);
    });

    it('gives a leaf its path: coarser clusters are prefixes, tagged by level', () => {
      const [coarseHanoi, fineHanoi] = clusterPath(table, table.clusterOf('hanoi'));
      const [coarseDa, fineDa] = clusterPath(table, table.clusterOf('đà'));
      assert.strictEqual(coarseHanoi, coarseDa, 'same coarse cluster (leaf prefix 10)');
      assert.notStrictEqual(fineHanoi, fineDa);
      assert.notStrictEqual(clusterPath(table, 0)[0], clusterPath(table, 0)[1], 'level 1 and level 2 ids never coincide');
      assert.deepStrictEqual(clusterPath(table, NO_CLUSTER), [NO_CLUSTER, NO_CLUSTER]);
    });

    it('rejects a file that is not a table or is cut short', () => {
      const bytes = encodeWordClusters(['a', 'b'], [0, 1], [1], 'test');
      assert.throws(() => parseWordClusters(bytes.subarray(0, bytes.length - 1)), /Corrupt/);
      assert.throws(() => parseWordClusters(new Uint8Array([1, 2, 3, 4, 0, 0, 0, 0])), /Not a word-cluster table/);
    });

    it('travels inside the NER model file, which rejects a cut table', () => {
      const weights = new Int16Array((1 << 4) * N_LABELS);
      weights[3] = 7;
      const clusters = encodeWordClusters(['monday'], [1], [1], 'test');
      const model = parseNerModel(encodeNerModel(4, weights, 0.5, [], clusters));
      assert.strictEqual(model.clusters.clusterOf('monday'), 1);
      assert.strictEqual(model.weights[3], 7);
      const cut = encodeNerModel(4, weights, 0.5, [], clusters);
      assert.throws(() => parseNerModel(cut.subarray(0, cut.length - 1)));
      assert.strictEqual(parseNerModel(encodeNerModel(4, weights, 0.5)).clusters.size, 0, 'a model without a table has none');
    });
  });

  describe('the shipped model', () => {
    it('carries its table: the 50,000 most frequent words of the word vectors', () => {
      const { clusters } = loadNerModel();
      assert.strictEqual(clusters.size, 50000);
      assert.deepStrictEqual(clusters.levelBits, [4, 4, 4]);
      assert.notStrictEqual(clusters.clusterOf('reuters'), NO_CLUSTER);
      assert.notStrictEqual(clusters.clusterOf('vientiane'), NO_CLUSTER);
    });

    it('puts words of one kind together and words of different kinds apart', () => {
      const { clusters } = loadNerModel();
      assert.strictEqual(clusters.clusterOf('tuesday'), clusters.clusterOf('wednesday'));
      assert.strictEqual(clusters.clusterOf('john'), clusters.clusterOf('george'));
      assert.notStrictEqual(clusters.clusterOf('john'), clusters.clusterOf('tuesday'));
      assert.notStrictEqual(clusters.clusterOf('hanoi'), clusters.clusterOf('tuesday'));
    });
  });

  describe('features', () => {
    it('a word form shares its cluster features with the words of its cluster, whatever its diacritics', () => {
      assert.deepStrictEqual(clusterFeatures('Tuesday'), clusterFeatures('Wednesday'));
      assert.notDeepStrictEqual(clusterFeatures('Tuesday'), clusterFeatures('John'));
      assert.deepStrictEqual(clusterFeatures('Hà'), clusterFeatures('Ha'), 'folded like the other word features');
    });

    it('without a table every word has the same (unknown) cluster features', () => {
      assert.deepStrictEqual(clusterFeatures('Tuesday', EMPTY_CLUSTERS).slice(0, 3), clusterFeatures('John', EMPTY_CLUSTERS).slice(0, 3));
      assert.notDeepStrictEqual(clusterFeatures('Tuesday'), clusterFeatures('Tuesday', EMPTY_CLUSTERS));
    });

    it('a token sees the clusters of its neighbours', () => {
      const { clusters } = loadNerModel();
      const statics = (words: string[]): Uint32Array => {
        const sentence = { words, lineCase: LineCase.Normal, infos: words.map((w) => wordInfo(w, clusters)) };
        return staticFeatures(sentence, collectDocCues([sentence]));
      };
      // `arrived` (token 1): its next-word cluster features (the last four static features hold the neighbours'
      // clusters) are the same before Tuesday and Wednesday, and differ before John.
      const next = (f: Uint32Array): number[] => [f[N_STATIC + N_STATIC - 3], f[N_STATIC + N_STATIC - 1]];
      const tuesday = statics(['He', 'arrived', 'Tuesday', '.']);
      const wednesday = statics(['He', 'arrived', 'Wednesday', '.']);
      const john = statics(['He', 'arrived', 'John', '.']);
      assert.deepStrictEqual(next(tuesday), next(wednesday));
      assert.notDeepStrictEqual(next(tuesday), next(john));
    });
  });
});
