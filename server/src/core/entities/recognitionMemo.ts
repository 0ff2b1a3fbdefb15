/**
 * What recognising an article's previous version found per sentence, for an article being edited: a keystroke then
 * tags, and runs the span rules on, only the sentences it changed (or whose inputs it changed), and the document-level
 * passes (names made consistent across the article, adjacent persons, owner countries, nested names) run over the
 * whole as before. The result is the same as a fresh recognition's: a sentence's result is reused only when
 * everything it read is the same.
 *
 * What a sentence's tagging and rules read (recognizer.ts):
 * - its tokens (texts, offsets relative to its first token), its line casing and whether it is a heading: its
 *   identity (hashed to find it, then compared);
 * - the document's cues for each of its words (lower-case somewhere, capitalised mid-sentence, context bits): kept
 *   per token and compared;
 * - the tagger's document memory (what earlier sentences were tagged for each capitalised word): the value read per
 *   token is kept, and the memory is replayed token by token (read, compared, then the token's label recorded, as the
 *   tagger does); at the first difference the tokens recorded are taken back and the sentence is tagged afresh;
 * - the rules' word tests that depend on the document (seen in lower case, capitalised mid-sentence, in a heading):
 *   each test made is logged with its word and answer, and made again before reuse.
 * The model's own tables (word features, gazetteer, common words) do not change between versions.
 *
 * Lines are not tokenised again either: a line's tokens and casing follow from its text (tokenize.ts, LineTokens).
 *
 * One memo per article being edited; it holds the sentences and lines of the last version only (each pass replaces
 * them).
 */
import { CUE_CAP_MID, CUE_CONTEXTS, CUE_LOWER, cuesOf, type DocCues, type WordInfo } from './features';
import type { DocMemory } from './tagger';
import type { TokenSpan } from './spans';
import type { LineTokenMemo, LineTokens, Token } from './tokenize';
import { sameSentence, type SentenceIdentity } from './sentenceIdentity';
import type { CommonWordTests } from './commonSpans';

/** A document-dependent word test the rules made (CommonWordTests), by number. */
export const enum WordTest {
  SeenLower = 0,
  SeenCapitalisedMid = 1,
  InHeading = 2,
}

/** The tests a sentence's rules made, in order: which, on what word, and the answer. */
export interface TestLog {
  readonly tests: WordTest[];
  readonly words: string[];
  readonly answers: boolean[];
}

export interface SentenceResult {
  /**
   * What the sentence was (no labels: they are what is reused): a sentence of a later version is compared with it
   * before the result is reused. Made only for a sentence tagged afresh; a key string made for every sentence at each
   * keystroke was 2.4 MB of the 17.6 MB a keystroke allocated in a 100 KB article (sampled heap profile).
   */
  readonly identity: SentenceIdentity;
  /** The tagger's label of each token. */
  readonly labels: Uint8Array;
  /** The document memory's feature read for each token (NOT_READ where the tagger skipped the token). */
  readonly memoryReads: Uint8Array;
  /** Each token's cues (cueBits). */
  readonly cues: Int32Array;
  /** The rules' spans, character offsets (when a span has them) relative to the sentence's first token. */
  readonly spans: readonly TokenSpan[];
  readonly log: TestLog;
}

/** A token whose document-memory feature the tagger did not read. */
export const NOT_READ = 255;

export class RecognitionMemo {
  /** The last version's sentences by hash; sentences of one hash have their results in order. */
  private entries = new Map<number, SentenceResult[]>();
  /** The last version's lines' tokens, by the line's text. */
  private lines = new Map<string, LineTokens>();

  /** Starts a pass over a new version: the last version's results are read, the new one's kept for the next pass. */
  begin(): RecognitionPass {
    return new RecognitionPass(this.entries, this.lines, (kept, lines) => {
      this.entries = kept;
      this.lines = lines;
    });
  }

  /** Sentences held (for tests and bounds). */
  get size(): number {
    let n = 0;
    for (const list of this.entries.values()) n += list.length;
    return n;
  }
}

export class RecognitionPass {
  private readonly kept = new Map<number, SentenceResult[]>();
  /** The results of a hash held several times that this pass has taken (the n-th such sentence is offered the n-th). */
  private taken: Set<SentenceResult> | undefined;
  private readonly keptLines = new Map<string, LineTokens>();
  /** The tokens of the lines of the last version (and of this one, for a line met again), for `segment`. */
  readonly lines: LineTokenMemo;

  constructor(
    private readonly previous: ReadonlyMap<number, SentenceResult[]>,
    previousLines: ReadonlyMap<string, LineTokens>,
    private readonly commit: (kept: Map<number, SentenceResult[]>, lines: Map<string, LineTokens>) => void,
  ) {
    const keptLines = this.keptLines;
    this.lines = {
      get(line) {
        let known = keptLines.get(line);
        if (known === undefined) {
          known = previousLines.get(line);
          if (known !== undefined) keptLines.set(line, known);
        }
        return known;
      },
      set: (line, tokens) => keptLines.set(line, tokens),
    };
  }

  /**
   * The last version's result for the next sentence of these tokens, casing and heading (whose `sentenceHash` is
   * `hash`), if there was one: of those results the same sentence had, the first this pass has not taken.
   */
  offer(hash: number, tokens: readonly Token[], lineCase: number, heading: boolean): SentenceResult | undefined {
    const list = this.previous.get(hash);
    if (list === undefined) return undefined;
    // One result of its hash (most sentences): offered to each sentence of that identity, with no bookkeeping. A
    // sentence the last version had once and this one has twice (pasted) gets it twice: reuse is still checked against
    // everything the result read (cuesHold, testsHold, replayMemory), and it is kept once (`keep`).
    if (list.length === 1) return sameSentence(list[0].identity, tokens, lineCase, heading) ? list[0] : undefined;
    for (const result of list) {
      if (this.taken?.has(result) || !sameSentence(result.identity, tokens, lineCase, heading)) continue;
      (this.taken ??= new Set()).add(result);
      return result;
    }
    return undefined;
  }

  /** Keeps `result` for the next version (once, when several sentences reused it). */
  keep(result: SentenceResult): void {
    const list = this.kept.get(result.identity.hash);
    if (list === undefined) this.kept.set(result.identity.hash, [result]);
    else if (!list.includes(result)) list.push(result);
  }

  /** The pass went to its end: its results replace the last version's (a cancelled pass leaves them). */
  finish(): void {
    this.commit(this.kept, this.keptLines);
  }
}

/**
 * Each token's cues as the tagger reads them (lower case seen: 1, capitalised mid-sentence: 2, context bits above),
 * for the tokens whose features it computed (the others' cues are not read: 0).
 */
export function cueBitsOf(infos: readonly WordInfo[], n: number, cues: DocCues, memoryReads: Uint8Array): Int32Array {
  const out = new Int32Array(n);
  for (let i = 0; i < n; i++) if (memoryReads[i] !== NOT_READ) out[i] = cueBits(infos[i].lowerText, cues);
  return out;
}

function cueBits(key: string, cues: DocCues): number {
  const cue = cuesOf(cues, key);
  return (cue & CUE_LOWER ? 1 : 0) | (cue & CUE_CAP_MID ? 2 : 0) | ((cue & CUE_CONTEXTS) << 2);
}

/**
 * Whether the cues of every token the tagger computed features for (it reads the memory at the same tokens) are those
 * the result was made with. Which tokens those are follows from the kept labels, which `replayMemory` checks.
 */
export function cuesHold(result: SentenceResult, infos: readonly WordInfo[], n: number, cues: DocCues): boolean {
  const { cues: kept, memoryReads } = result;
  for (let i = 0; i < n; i++) if (memoryReads[i] !== NOT_READ && kept[i] !== cueBits(infos[i].lowerText, cues)) return false;
  return true;
}

/**
 * Replays the sentence's tagging on the document memory with its kept labels: where the tagger would read the memory,
 * the value must be the one kept; each label is recorded as the tagger records it. False, and the memory as it was
 * before the call, at the first difference.
 */
export function replayMemory(result: SentenceResult, infos: readonly WordInfo[], n: number, memory: DocMemory): boolean {
  const { labels, memoryReads } = result;
  let p1 = 0;
  for (let i = 0; i < n; i++) {
    const info = infos[i];
    const y = labels[i];
    if (p1 !== 0 || !info.skippable) {
      if (memoryReads[i] !== memory.feature(info.lowerText)) {
        undoRecords(result, infos, i, memory);
        return false;
      }
      if (info.cc !== 0 && info.cc !== 4) memory.record(info.lowerText, y);
    } else if (memoryReads[i] !== NOT_READ) {
      undoRecords(result, infos, i, memory);
      return false;
    }
    p1 = y;
  }
  return true;
}

/** Takes back the labels `replayMemory` recorded for the sentence's first `upTo` tokens. */
function undoRecords(result: SentenceResult, infos: readonly WordInfo[], upTo: number, memory: DocMemory): void {
  const { labels } = result;
  let p1 = 0;
  for (let i = 0; i < upTo; i++) {
    const info = infos[i];
    if ((p1 !== 0 || !info.skippable) && info.cc !== 0 && info.cc !== 4) memory.unrecord(info.lowerText, labels[i]);
    p1 = labels[i];
  }
}

/** Word tests that log what they are asked (into `log`, when one is set) and answer as `tests` do. */
export class LoggedTests implements CommonWordTests {
  log: TestLog | undefined;

  constructor(private readonly tests: CommonWordTests) {}

  isCommon(key: string): boolean {
    return this.tests.isCommon(key);
  }
  seenLower(word: string): boolean {
    return this.note(WordTest.SeenLower, word, this.tests.seenLower(word));
  }
  seenCapitalisedMid(word: string): boolean {
    return this.note(WordTest.SeenCapitalisedMid, word, this.tests.seenCapitalisedMid(word));
  }
  inHeading(word: string): boolean {
    return this.note(WordTest.InHeading, word, this.tests.inHeading(word));
  }

  private note(test: WordTest, word: string, answer: boolean): boolean {
    const log = this.log;
    if (log !== undefined) {
      log.tests.push(test);
      log.words.push(word);
      log.answers.push(answer);
    }
    return answer;
  }
}

export function newTestLog(): TestLog {
  return { tests: [], words: [], answers: [] };
}

/** Whether each logged test answers as it did. */
export function testsHold(log: TestLog, tests: CommonWordTests): boolean {
  for (let i = 0; i < log.tests.length; i++) {
    const w = log.words[i];
    const t = log.tests[i];
    const answer = t === WordTest.SeenLower ? tests.seenLower(w) : t === WordTest.SeenCapitalisedMid ? tests.seenCapitalisedMid(w) : tests.inHeading(w);
    if (answer !== log.answers[i]) return false;
  }
  return true;
}

/** Copies of `spans` with their character offsets (when they have them) moved by `shift`. */
export function shiftedSpans(spans: readonly TokenSpan[], shift: number): TokenSpan[] {
  return spans.map((sp) => {
    const out: TokenSpan = { from: sp.from, to: sp.to, type: sp.type };
    if (sp.start !== undefined) out.start = sp.start + shift;
    if (sp.end !== undefined) out.end = sp.end + shift;
    return out;
  });
}
