/**
 * The span rules' result for a sentence seen before in the same document. After tagging, the rules (cleaning,
 * joins, role names, organisation chains, places, common words, ...) read only the sentence's tokens (texts and
 * offsets), its labels, its line casing, whether it is a heading, and facts of the whole document that do not change
 * while it is read (its cues, its heading words, the model's common words). The same sentence with the same labels
 * therefore gets the same spans, and a page that repeats its lines (page furniture, one-word lines, an article
 * pasted twice) ran the rules again for every copy.
 *
 * A result is remembered only for a sentence met a second time (a hash of everything the rules read marks those met
 * once), with its character offsets relative to the sentence, and checked against the full key: a hash collision
 * costs a rule run, never a wrong answer. One memo per document: the document's facts are part of what it assumes.
 */
import type { TokenSpan } from './spans';
import type { Token } from './tokenize';
import { sameSentence, sentenceHash, sentenceIdentity, type SentenceIdentity } from './sentenceIdentity';

/** Longest sentence remembered, in tokens (real sentences are shorter; longer ones rarely repeat). */
const MAX_TOKENS = 96;
/** Characters of keys held before the memo starts afresh (a few megabytes at most). */
const MAX_KEY_CHARS = 2_000_000;

export class SentenceRuleMemo {
  /** Hashes of sentences met once. */
  private readonly seen = new Set<number>();
  /** Spans by key, offsets relative to the sentence's first token. */
  private readonly results = new Map<string, readonly TokenSpan[]>();
  private keyChars = 0;
  /** The last key made for each hash, with what it was made from. */
  private readonly keys = new Map<number, MadeKey>();
  private madeChars = 0;

  /**
   * The key of a sentence met before, to `get` and `set` its spans with; undefined for a sentence met the first time
   * (or too long to remember), whose spans the caller computes and does not remember.
   */
  keyOf(tokens: readonly Token[], labels: Uint8Array, lineCase: number, heading: boolean, wordIds: Int32Array, at: number): string | undefined {
    const n = tokens.length;
    if (n === 0 || n > MAX_TOKENS) return undefined;
    const h = sentenceHash(tokens, lineCase, heading, labels, wordIds, at);
    if (!this.seen.has(h)) {
      if (this.seen.size >= 1_000_000) this.seen.clear();
      this.seen.add(h);
      return undefined;
    }
    // The key made for this hash before, when it is this sentence's (checked field by field): a page of repeated
    // lines asks for the same few keys tens of thousands of times.
    const made = this.keys.get(h);
    if (made !== undefined && sameSentence(made.identity, tokens, lineCase, heading, labels)) return made.key;
    const base = tokens[0].start;
    const parts: string[] = [`${lineCase}${heading ? 1 : 0}`];
    for (let i = 0; i < n; i++) {
      const t = tokens[i];
      parts.push(`${t.start - base},${t.end - base},${labels[i]},${t.text}`);
    }
    const key = parts.join('\u0000');
    if (this.madeChars + key.length > MAX_KEY_CHARS) {
      this.keys.clear();
      this.madeChars = 0;
    }
    this.madeChars += key.length;
    this.keys.set(h, { key, identity: sentenceIdentity(h, tokens, lineCase, heading, labels) });
    return key;
  }

  /** The remembered spans of the sentence whose first token starts at `base`, as fresh objects; undefined if none. */
  get(key: string, base: number): TokenSpan[] | undefined {
    const found = this.results.get(key);
    return found === undefined ? undefined : found.map((sp) => at(sp, base));
  }

  /** Remembers the spans of the sentence whose first token starts at `base`. */
  set(key: string, base: number, spans: readonly TokenSpan[]): void {
    if (this.keyChars + key.length > MAX_KEY_CHARS) {
      this.results.clear();
      this.keyChars = 0;
    }
    this.keyChars += key.length;
    this.results.set(key, spans.map((sp) => at(sp, -base)));
  }
}

/** A key as `keyOf` made it, and the sentence (with its labels) it was made from. */
interface MadeKey {
  readonly key: string;
  readonly identity: SentenceIdentity;
}

/** A copy of `sp` with its character offsets (when it has them) moved by `shift`. */
function at(sp: TokenSpan, shift: number): TokenSpan {
  const out: TokenSpan = { from: sp.from, to: sp.to, type: sp.type };
  if (sp.start !== undefined) out.start = sp.start + shift;
  if (sp.end !== undefined) out.end = sp.end + shift;
  return out;
}
