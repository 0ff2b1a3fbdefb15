/**
 * The indexed form of one document version: its short lines' keys and its passages (with their hash keys, places and
 * layout facts), from its boilerplate summary (summary.ts); its laid-out lines, made when its own findings are first
 * asked for (another document's findings read its passages, never its lines); and the cache of its findings.
 */
import type { BoilerplateFinding } from '../types';
import { layOut, type LaidLine } from './layout';
import { heldSummary, inListOfCode, PASSAGE_FIELDS, regionOfCode, SHORT_FIELDS, type BoilerplateSummary, type HeldSummary } from './summary';
import { splitLines, tokenHashes } from './text';
import type { StatEntry } from './corpusStats';
import type { Region } from './layout';

/**
 * A passage of a document: where its fields are in its document's summary (`summary.passages`, summary.ts), read from
 * there instead of copied into an object of their own (tens of thousands of passages at 10,000 articles).
 */
export class Passage {
  constructor(
    readonly id: number,
    readonly doc: DocState,
    /** Where its fields are in `doc.summary.passages`. */
    private readonly at: number,
  ) {}

  /** Index into `doc.lines`. */
  get idx(): number {
    return this.doc.summary.passages[this.at];
  }

  /** Key of the whitespace-normalised text (exact copies). */
  get exactKey(): number {
    return this.doc.summary.passages[this.at + 1];
  }

  /** Key of the word sequence, punctuation and case dropped (copies that differ only there). */
  get nearKey(): number {
    return this.doc.summary.passages[this.at + 2];
  }

  /** Offsets of its line in `doc.text`. */
  get start(): number {
    return this.doc.summary.passages[this.at + 3];
  }

  get end(): number {
    return this.doc.summary.passages[this.at + 4];
  }

  /** Its line's region and layout facts (summary.ts PASSAGE_FACTS): read without laying out its document. */
  get facts(): number {
    return this.doc.summary.passages[this.at + 5];
  }

  /** Where its LSH band keys are in `doc.summary.passages`, and how many. */
  get bandsAt(): number {
    return this.at + PASSAGE_FIELDS;
  }

  get bandCount(): number {
    return this.doc.summary.passages[this.at + PASSAGE_FIELDS - 1];
  }
}

/** A passage's text (its line's), read without laying out its document. */
export function passageText(p: Passage): string {
  return p.doc.text.slice(p.start, p.end);
}

/** Word token hashes of a passage (recomputed when needed rather than kept, to save memory). */
export function passageTokens(p: Passage): Int32Array {
  return tokenHashes(passageText(p));
}

/** The region of a passage's line. */
export function passageRegion(p: Passage): Region {
  return regionOfCode(p.facts);
}

/** Whether a passage's line has one of the layout facts in `bits` (PASSAGE_FACTS). */
export function passageHas(p: Passage, bits: number): boolean {
  return (p.facts & bits) !== 0;
}

/** What the corpus statistics count of a short line. */
export interface ShortLine {
  readonly idx: number;
  /** Offsets of the line in the document's text. */
  readonly start: number;
  readonly end: number;
  readonly region: Region;
  readonly inList: boolean;
  readonly label: string | null;
}

export interface DocState {
  readonly uri: string;
  readonly text: string;
  /** The laid-out lines (made on first use: the document's own findings; another's read its passages' summaries). */
  readonly lines: readonly LaidLine[];
  /** Whether `lines` are held (made, or kept from summarising the text). */
  readonly laidOut: boolean;
  /** Lets go of the laid-out lines (made again when next asked for). */
  releaseLines(): void;
  readonly summary: HeldSummary;
  /** Its passages (lines long enough to be compared), in line order. */
  readonly passages: readonly Passage[];
  /** The passage of line `idx`, if the line is one. */
  passageAt(idx: number): Passage | undefined;
  /** Shape (digits masked) and headline key of line `idx`, if it is a short line. */
  shapeAt(idx: number): string | undefined;
  hkeyAt(idx: number): string | undefined;
  /** Its short lines (made from the summary at each use: read once when indexed, and by the furniture listing). */
  readonly shortLines: readonly ShortLine[];
  readonly headlineIdx: number;
  readonly headlineKey: string | undefined;
  /** Corpus statistics this document's findings depend on (filled when indexed). */
  deps: StatEntry[];
  /** Clock value of the last change among the documents sharing a passage bucket with this one. */
  dirtyStamp: number;
  cache?: { stamp: number; findings: BoilerplateFinding[] };
  /**
   * Verified matches of its passages (by line index), for clusters; a passage's entry is dropped when a passage sharing
   * a bucket with it is added or removed (PassageIndex `neighbourChanged`).
   */
  matches?: (Passage[] | undefined)[];
}

class IndexedDocument implements DocState {
  readonly summary: HeldSummary;
  readonly passages: Passage[] = [];
  deps: StatEntry[] = [];
  dirtyStamp = 0;
  cache?: { stamp: number; findings: BoilerplateFinding[] };
  matches?: (Passage[] | undefined)[];

  constructor(
    readonly uri: string,
    readonly text: string,
    summary: BoilerplateSummary,
    nextId: () => number,
    private laid: LaidLine[] | undefined,
  ) {
    this.summary = heldSummary(summary);
    const data = this.summary.passages;
    for (let k = 0; k < data.length; k += PASSAGE_FIELDS + data[k + PASSAGE_FIELDS - 1]) this.passages.push(new Passage(nextId(), this, k));
  }

  get headlineIdx(): number {
    return this.summary.headlineIdx;
  }

  get headlineKey(): string | undefined {
    return this.summary.headlineKey ?? undefined;
  }

  get shortLines(): ShortLine[] {
    const { short, labels } = this.summary;
    const out: ShortLine[] = [];
    for (let k = 0; k < labels.length; k++) {
      const at = SHORT_FIELDS * k;
      const code = short[at + 1];
      out.push({ idx: short[at], start: short[at + 2], end: short[at + 3], region: regionOfCode(code), inList: inListOfCode(code), label: labels[k] });
    }
    return out;
  }

  passageAt(idx: number): Passage | undefined {
    const list = this.passages;
    let lo = 0;
    let hi = list.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const at = list[mid].idx;
      if (at === idx) return list[mid];
      if (at < idx) lo = mid + 1;
      else hi = mid - 1;
    }
    return undefined;
  }

  shapeAt(idx: number): string | undefined {
    const k = this.shortLineAt(idx);
    return k < 0 ? undefined : this.summary.shapes[k];
  }

  hkeyAt(idx: number): string | undefined {
    const k = this.shortLineAt(idx);
    return k < 0 ? undefined : this.summary.hkeys[k];
  }

  /** The index among its short lines of line `idx`, or -1 if it is not one. */
  private shortLineAt(idx: number): number {
    const short = this.summary.short;
    let lo = 0;
    let hi = short.length / SHORT_FIELDS - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const at = short[SHORT_FIELDS * mid];
      if (at === idx) return mid;
      if (at < idx) lo = mid + 1;
      else hi = mid - 1;
    }
    return -1;
  }

  get laidOut(): boolean {
    return this.laid !== undefined;
  }

  releaseLines(): void {
    this.laid = undefined;
  }

  get lines(): readonly LaidLine[] {
    return (this.laid ??= layOut(splitLines(this.text)));
  }
}

/** The state of a document version from its summary (and its laid-out lines, when they were just made). */
export function buildDocState(
  uri: string, text: string, summary: BoilerplateSummary, nextId: () => number, lines?: LaidLine[],
): DocState {
  return new IndexedDocument(uri, text, summary, nextId, lines);
}

/** 1-based line number of line `idx`, for messages. */
export function lineNumber(doc: DocState, idx: number): number {
  return doc.lines[idx].span.line + 1;
}
