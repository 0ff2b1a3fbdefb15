/**
 * The recogniser's table of the word forms it has met: each gets an id, and by id its features (`WordInfo`), the summed
 * weights of its word-intrinsic features and what a line's casing reads of it. The sums and casings are held in typed
 * arrays indexed by id, not in objects and typed-array views of their own: a page of new words made three objects and
 * two views per word, kept until the table was emptied (what the young generation's collections copied and promoted).
 */
import { N_INTRINSIC, computeWordInfo, type WordInfo } from './features';
import { N_LABELS } from './labels';
import type { NerModel } from './model';
import { sumFeatures } from './tagger';
import { wordCaseOf } from './tokenize';

const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;
/** Slots of the table of recent words, less one (a power of two). */
const RECENT_MASK = 2047;

export class WordTable {
  private ids = new Map<string, number>();
  /** `WordInfo` of each id. */
  infos: WordInfo[] = [];
  /** The summed weights of each id's word-intrinsic features: `N_LABELS` from `id * N_LABELS`. */
  scores = new Float64Array(256 * N_LABELS);
  /** `wordCaseOf` of each id. */
  lineCases = new Uint8Array(256);
  /** The words looked up last, by a hash of their letters (see `idOf`), and their ids. */
  private recentWords = new Array<string>(RECENT_MASK + 1).fill('');
  private recentIds = new Int32Array(RECENT_MASK + 1);
  /** The word-intrinsic feature hashes of the word being added. */
  private readonly intrinsic = new Uint32Array(N_INTRINSIC);

  constructor(private readonly model: NerModel) {}

  /** Words held. */
  get size(): number {
    return this.infos.length;
  }

  /**
   * The id of `word`, added when new. The words met last are looked up first in a small table indexed by a hash of
   * their letters, which stays in the processor's caches: a text's most frequent words (`the`, `,`, `of`) are most of
   * its tokens, and a look-up in the map of every word seen (tens of thousands) was a few cache misses each.
   */
  idOf(word: string): number {
    let h = FNV_OFFSET;
    for (let i = 0; i < word.length; i++) h = Math.imul(h ^ word.charCodeAt(i), FNV_PRIME);
    const slot = (h ^ (h >>> 15)) & RECENT_MASK;
    if (this.recentWords[slot] === word) return this.recentIds[slot];
    let id = this.ids.get(word);
    if (id === undefined) id = this.add(word);
    this.recentWords[slot] = word;
    this.recentIds[slot] = id;
    return id;
  }

  /** The features of `word` (added when new). */
  infoOf(word: string): WordInfo {
    return this.infos[this.idOf(word)];
  }

  /**
   * Empties the table when it holds more than `max` words. Called between documents only: ids stay valid while a
   * document is recognised (a document adds at most one word per token, so its table stays linear in its length).
   */
  trim(max: number): void {
    if (this.infos.length <= max) return;
    this.ids = new Map();
    this.infos = [];
    this.scores = new Float64Array(256 * N_LABELS);
    this.lineCases = new Uint8Array(256);
    this.recentWords = new Array<string>(RECENT_MASK + 1).fill('');
  }

  private add(word: string): number {
    const id = this.infos.length;
    if (id === this.lineCases.length) {
      const cases = new Uint8Array(2 * id);
      cases.set(this.lineCases);
      this.lineCases = cases;
      const scores = new Float64Array(2 * id * N_LABELS);
      scores.set(this.scores);
      this.scores = scores;
    }
    const info = computeWordInfo(word, this.model.clusters, this.intrinsic);
    sumFeatures(this.model, this.intrinsic, 0, N_INTRINSIC, this.scores, id * N_LABELS);
    this.lineCases[id] = wordCaseOf(word);
    this.infos.push(info);
    this.ids.set(word, id);
    return id;
  }
}
