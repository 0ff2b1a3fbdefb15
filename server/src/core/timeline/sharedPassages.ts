/**
 * Which articles share passages with which, as their boilerplate findings said when each was last read: what the
 * timeline needs to tell, when an article changes, which other articles' dates may have become (or stopped being)
 * boilerplate and must be read again.
 *
 * Only the articles that share a passage with the changed one, before or now, are affected: those are read again once.
 * An article read again for that reason has findings that changed too (they name the changed article's passages, at
 * their new places), but the passages it shares with third articles are what they were, so nothing follows from it:
 * it is recorded (`record`), not propagated (`changed`). Propagating from it read the whole corpus over and over.
 */
import type { BoilerplateFinding } from '../types';

interface Shared {
  /** A hash of the places (article, start, end) of the passages of other articles the findings name as copies. */
  readonly key: string;
  readonly copies: readonly string[];
}

/** An article read with its findings, sharing nothing. */
const NOTHING: Shared = Object.freeze({ key: '', copies: Object.freeze([]) });

export class SharedPassages {
  private readonly of = new Map<string, Shared>();
  /** Per article, those whose recorded findings name it: made when first needed, kept in step until `release`. */
  private namedBy: Map<string, Set<string>> | undefined;

  /** Keeps what `file`'s findings (undefined: it left the corpus) name as copies in other articles. */
  record(file: string, findings: readonly BoilerplateFinding[] | undefined): void {
    this.set(file, findings === undefined ? undefined : sharedOf(file, findings));
  }

  /**
   * `file` itself changed (its text, or it left the corpus: `findings` undefined): records its findings and returns
   * the articles whose shared passages may have changed with it, those it shared a passage with before or shares one
   * with now, or none when it shares the very same passages of others as before (an edit that only moved its own).
   * For an article never recorded (read without its findings), the articles before are those whose findings name it.
   */
  changed(file: string, findings: readonly BoilerplateFinding[] | undefined): string[] {
    const now = findings === undefined ? undefined : sharedOf(file, findings);
    const known = this.of.get(file);
    const before = known ? known.copies : [...(this.namedByIndex().get(file) ?? [])];
    const same = known !== undefined && known.key === (now ?? NOTHING).key;
    this.set(file, now);
    return same ? [] : [...new Set([...before, ...(now?.copies ?? [])])];
  }

  /** Lets go of the index of which articles name which (made again when next needed). */
  release(): void {
    this.namedBy = undefined;
  }

  private set(file: string, next: Shared | undefined): void {
    const prev = this.of.get(file);
    if (next) this.of.set(file, next);
    else this.of.delete(file);
    if (!this.namedBy || prev === next) return;
    for (const c of prev?.copies ?? []) this.namedBy.get(c)?.delete(file);
    for (const c of next?.copies ?? []) {
      let s = this.namedBy.get(c);
      if (!s) this.namedBy.set(c, (s = new Set()));
      s.add(file);
    }
  }

  private namedByIndex(): Map<string, Set<string>> {
    if (!this.namedBy) {
      this.namedBy = new Map();
      for (const [file, { copies }] of this.of) {
        for (const c of copies) {
          let s = this.namedBy.get(c);
          if (!s) this.namedBy.set(c, (s = new Set()));
          s.add(file);
        }
      }
    }
    return this.namedBy;
  }
}

function sharedOf(file: string, findings: readonly BoilerplateFinding[]): Shared {
  const places = new Set<string>();
  const uris = new Set<string>();
  for (const f of findings) {
    for (const c of f.copies) {
      if (c.uri === file) continue;
      places.add(`${c.uri}\u0000${c.start}\u0000${c.end}`);
      uris.add(c.uri);
    }
  }
  return places.size ? { key: hash64([...places].sort().join('\u0001')), copies: [...uris] } : NOTHING;
}

/** A 64-bit hash of `text` (two 32-bit ones) with its length, as a short string: kept in place of the text. */
export function hash64(text: string): string {
  let h1 = 0x811c9dc5;
  let h2 = 0x9747b28c;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 0x01000193);
    h2 = Math.imul(h2 ^ c, 0x5bd1e995);
    h2 ^= h2 >>> 15;
  }
  return `${(h1 >>> 0).toString(36)}.${(h2 >>> 0).toString(36)}.${text.length.toString(36)}`;
}
