/**
 * The recogniser's table of the word forms it has met: each gets an id, and by id its features (`WordInfo`), the summed
 * weights of its word-intrinsic features and what a line's casing reads of it. The sums and casings are held in typed
 * arrays indexed by id, not in objects and typed-array views of their own: a page of new words made three objects and
 * two views per word, kept until the table was emptied (what the young generation's collections copied and promoted).
 *
 * The table is also where the tokeniser takes the text of each token of the document being read (`TokenWords`): a word
 * met before is given its string kept here, with no new string for the token, and its id is noted in `tokenIds`.
 */
import { N_INTRINSIC, computeWordInfo, type WordInfo } from './features';
import { N_LABELS } from './labels';
import type { NerModel } from './model';
import { sumFeatures } from './tagger';
import { wordCaseOf, type TokenWords } from './tokenize';

const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;
/**
 * Slots of the table of recent words, less one (a power of two). Over CoNLL-2003 train+valid (258,014 tokens, 10.3 %
 * of them a word's first occurrence), 2,048 slots found 68.5 % of the tokens there, 16,384 found 83.2 %.
 */
const RECENT_MASK = 16383;

export class WordTable implements TokenWords {
  /**
   * The ids of the words held, found by the hash of their code units the look-ups compute anyway (open addressing: id + 1
   * in a used slot, 0 in an empty one; at least twice as many slots as words). A word met before is found without
   * making its string (a token of the text is compared in place), and a new one is hashed once: a map of the words,
   * keyed by strings, was given a slice of the text for each look-up and hashed it again.
   */
  private slots = new Int32Array(INITIAL_SLOTS);
  /** The hash of each id's word (`unitsHash`). */
  private hashes = new Int32Array(256);
  /** The string of each id. */
  private words: string[] = [];
  /** `WordInfo` of each id. */
  infos: WordInfo[] = [];
  /** The summed weights of each id's word-intrinsic features: `N_LABELS` from `id * N_LABELS`. */
  scores = new Float64Array(256 * N_LABELS);
  /** `wordCaseOf` of each id. */
  lineCases = new Uint8Array(256);
  /** The words looked up last, by a hash of their letters (see `idOf`), and their ids (undefined: a slot not used yet). */
  private recentWords = new Array<string | undefined>(RECENT_MASK + 1).fill(undefined);
  private recentIds = new Int32Array(RECENT_MASK + 1);
  /**
   * The hash and `wordCaseOf` of the word in each recent slot: a token whose word is there is answered from these and
   * the slot's string, without reading the table's arrays by id (each a cache miss at random among the words held),
   * and a token whose slot holds another word is told so without reading that word's string.
   */
  private recentHashes = new Int32Array(RECENT_MASK + 1);
  private recentCases = new Uint8Array(RECENT_MASK + 1);
  /** The word-intrinsic feature hashes of the word being added. */
  private readonly intrinsic = new Uint32Array(N_INTRINSIC);
  /** The ids of the tokens given to the tokeniser since `beginDocument`, in order (`tokenCount` of them). */
  tokenIds = new Int32Array(1024);
  tokenCount = 0;
  /** `wordCaseOf` of the word the tokeniser was given last. */
  lastCase = 0;
  /** The tokeniser's scratch (TokenWords): the `lastCase` of each token of the line being tokenised. */
  readonly tokenCases = { values: new Uint8Array(256), count: 0 };

  constructor(private readonly model: NerModel) {}

  /** Words held. */
  get size(): number {
    return this.infos.length;
  }

  /**
   * Starts a document: empties the table first when it holds more than `max` words (ids stay valid while a document
   * is recognised; a document adds at most one word per token, so the table stays linear in its length).
   */
  beginDocument(max: number): void {
    this.tokenCount = 0;
    if (this.infos.length <= max) return;
    this.slots = new Int32Array(INITIAL_SLOTS);
    this.hashes = new Int32Array(256);
    this.words = [];
    this.infos = [];
    this.scores = new Float64Array(256 * N_LABELS);
    this.lineCases = new Uint8Array(256);
    this.recentWords = new Array<string | undefined>(RECENT_MASK + 1).fill(undefined);
  }

  /**
   * The id of `word`, added when new. The words met last are looked up first in a small table indexed by a hash of
   * their letters, which stays in the processor's caches: a text's most frequent words (`the`, `,`, `of`) are most of
   * its tokens, and a look-up among every word seen (tens of thousands) was a few cache misses each.
   */
  idOf(word: string): number {
    const h = unitsHash(word, 0, word.length);
    const slot = recentSlot(h);
    if (this.recentWords[slot] === word) return this.recentIds[slot];
    return this.remember(slot, h, word, 0, word.length);
  }

  /** The features of `word` (added when new). */
  infoOf(word: string): WordInfo {
    return this.infos[this.idOf(word)];
  }

  /** `TokenWords.wordAt`: the token `[start, end)` of `text`, looked up as `idOf` does without making its string first. */
  wordAt(text: string, start: number, end: number): string {
    const h = unitsHash(text, start, end);
    const slot = recentSlot(h);
    if (this.recentHashes[slot] === h) {
      const recent = this.recentWords[slot];
      if (recent !== undefined && recent.length === end - start && sameUnits(recent, text, start)) {
        this.noteToken(this.recentIds[slot], this.recentCases[slot]);
        return recent;
      }
    }
    const id = this.remember(slot, h, text, start, end);
    this.noteToken(id, this.lineCases[id]);
    return this.words[id];
  }

  /** `TokenWords.word`. */
  word(text: string): void {
    const id = this.idOf(text);
    this.noteToken(id, this.lineCases[id]);
  }

  /** The id of the word `[start, end)` of `text`, whose hash is `h` (added when new), kept in the recent slot `slot`. */
  private remember(slot: number, h: number, text: string, start: number, end: number): number {
    let id = this.find(h, text, start, end);
    if (id < 0) id = this.add(h, text.slice(start, end));
    this.recentWords[slot] = this.words[id];
    this.recentIds[slot] = id;
    this.recentHashes[slot] = h;
    this.recentCases[slot] = this.lineCases[id];
    return id;
  }

  /** The id of the word `[start, end)` of `text`, whose hash is `h`, or -1 when it is not held. */
  private find(h: number, text: string, start: number, end: number): number {
    const slots = this.slots;
    const mask = slots.length - 1;
    for (let i = slotOf(h, mask); ; i = (i + 1) & mask) {
      const held = slots[i];
      if (held === 0) return -1;
      const id = held - 1;
      if (this.hashes[id] !== h) continue;
      const word = this.words[id];
      if (word.length === end - start && sameUnits(word, text, start)) return id;
    }
  }

  /** Puts `id`, whose word's hash is `h`, in the first free slot from its own. */
  private place(id: number, h: number): void {
    const slots = this.slots;
    const mask = slots.length - 1;
    let i = slotOf(h, mask);
    while (slots[i] !== 0) i = (i + 1) & mask;
    slots[i] = id + 1;
  }

  /** Notes the token whose word is `id`, of `wordCaseOf` `lineCase`. */
  private noteToken(id: number, lineCase: number): void {
    if (this.tokenCount === this.tokenIds.length) {
      const grown = new Int32Array(2 * this.tokenCount);
      grown.set(this.tokenIds);
      this.tokenIds = grown;
    }
    this.tokenIds[this.tokenCount++] = id;
    this.lastCase = lineCase;
  }

  private add(h: number, slice: string): number {
    const word = detached(slice);
    const id = this.infos.length;
    if (id === this.lineCases.length) {
      const cases = new Uint8Array(2 * id);
      cases.set(this.lineCases);
      this.lineCases = cases;
      const scores = new Float64Array(2 * id * N_LABELS);
      scores.set(this.scores);
      this.scores = scores;
      const hashes = new Int32Array(2 * id);
      hashes.set(this.hashes);
      this.hashes = hashes;
    }
    const info = computeWordInfo(word, this.model.clusters, this.intrinsic);
    sumFeatures(this.model, this.intrinsic, 0, N_INTRINSIC, this.scores, id * N_LABELS);
    this.lineCases[id] = wordCaseOf(word);
    this.infos.push(info);
    this.words.push(word);
    this.hashes[id] = h;
    if (2 * (id + 1) > this.slots.length) {
      this.slots = new Int32Array(2 * this.slots.length);
      for (let k = 0; k < id; k++) this.place(k, this.hashes[k]);
    }
    this.place(id, h);
    return id;
  }
}

/** Slots of an empty table (a power of two). */
const INITIAL_SLOTS = 1024;

/** FNV-1a of the code units `[start, end)` of `text`, as a signed integer. */
function unitsHash(text: string, start: number, end: number): number {
  let h = FNV_OFFSET;
  for (let i = start; i < end; i++) h = Math.imul(h ^ text.charCodeAt(i), FNV_PRIME);
  return h | 0;
}

/** The slot of the table of recent words for the hash `h`. */
function recentSlot(h: number): number {
  return (h ^ (h >>> 15)) & RECENT_MASK;
}

/** The first slot to try for the hash `h` in a table of `mask + 1` slots (the hash's bits mixed, so its high bits count). */
function slotOf(h: number, mask: number): number {
  const x = Math.imul(h ^ (h >>> 16), 0x45d9f3b);
  return (x ^ (x >>> 16)) & mask;
}

/**
 * `word`, holding no more than its own characters. V8 makes a slice of 13 code units or more (`text.slice(start, end)`)
 * a view of the whole text, so a word kept in the table kept its document alive: each version of an article being
 * edited that brought a new long word stayed in memory for as long as the table. Concatenated, then cut, the word is a
 * view of a string of its own length plus one.
 */
function detached(word: string): string {
  return word.length < 13 ? word : (' ' + word).slice(1);
}

/** Whether `text` from `start` holds the code units of `word`. */
function sameUnits(word: string, text: string, start: number): boolean {
  for (let i = 0; i < word.length; i++) if (word.charCodeAt(i) !== text.charCodeAt(start + i)) return false;
  return true;
}
