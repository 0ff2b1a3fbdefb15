/**
 * The indexed form of one document version: its short lines' keys and its passages (with their hash keys, places and
 * layout facts), from its boilerplate summary (summary.ts); its laid-out lines, made when its own findings are first
 * asked for (another document's findings read its passages, never its lines); and the cache of its findings.
 */
import type { BoilerplateFinding } from '../types';
import { layOut, type LaidLine } from './layout';
import { inListOfCode, PASSAGE_FIELDS, regionOfCode, SHORT_FIELDS, type BoilerplateSummary } from './summary';
import { splitLines, tokenHashes } from './text';
import type { StatEntry } from './corpusStats';
import type { Region } from './layout';

export interface Passage {
  readonly id: number;
  readonly doc: DocState;
  /** Index into `doc.lines`. */
  readonly idx: number;
  /** Key of the whitespace-normalised text (exact copies). */
  readonly exactKey: number;
  /** Key of the word sequence, punctuation and case dropped (copies that differ only there). */
  readonly nearKey: number;
  /** Where its LSH band keys are in `doc.summary.passages`, and how many. */
  readonly bandsAt: number;
  readonly bandCount: number;
  /** Offsets of its line in `doc.text`. */
  readonly start: number;
  readonly end: number;
  /** Its line's region and layout facts (summary.ts PASSAGE_FACTS): read without laying out its document. */
  readonly facts: number;
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
  readonly summary: BoilerplateSummary;
  /** Passage of each line, if the line is long enough to be compared. */
  readonly passages: readonly (Passage | undefined)[];
  /** Shape (digits masked) and headline key of each short line. */
  readonly shapes: readonly (string | undefined)[];
  readonly hkeys: readonly (string | undefined)[];
  readonly shortLines: readonly ShortLine[];
  readonly headlineIdx: number;
  readonly headlineKey: string | undefined;
  /** Corpus statistics this document's findings depend on (filled when indexed). */
  deps: StatEntry[];
  /** Clock value of the last change among the documents sharing a passage bucket with this one. */
  dirtyStamp: number;
  cache?: { stamp: number; findings: BoilerplateFinding[] };
  /** Verified matches of its passages (by line index), for clusters; valid while `dirtyStamp` is unchanged. */
  matches?: { stamp: number; byIdx: (Passage[] | undefined)[] };
}

class IndexedDocument implements DocState {
  readonly passages: (Passage | undefined)[];
  readonly shapes: (string | undefined)[];
  readonly hkeys: (string | undefined)[];
  readonly shortLines: ShortLine[] = [];
  readonly headlineIdx: number;
  readonly headlineKey: string | undefined;
  deps: StatEntry[] = [];
  dirtyStamp = 0;
  cache?: { stamp: number; findings: BoilerplateFinding[] };
  matches?: { stamp: number; byIdx: (Passage[] | undefined)[] };

  constructor(
    readonly uri: string,
    readonly text: string,
    readonly summary: BoilerplateSummary,
    nextId: () => number,
    private laid: LaidLine[] | undefined,
  ) {
    const n = summary.lineCount;
    this.headlineIdx = summary.headlineIdx;
    this.headlineKey = summary.headlineKey ?? undefined;
    this.shapes = new Array(n).fill(undefined);
    this.hkeys = new Array(n).fill(undefined);
    for (let k = 0; k < summary.shapes.length; k++) {
      const [idx, code, start, end] = summary.short.slice(SHORT_FIELDS * k, SHORT_FIELDS * k + SHORT_FIELDS);
      this.shapes[idx] = summary.shapes[k];
      this.hkeys[idx] = summary.hkeys[k];
      this.shortLines.push({ idx, start, end, region: regionOfCode(code), inList: inListOfCode(code), label: summary.labels[k] });
    }
    this.passages = new Array(n).fill(undefined);
    const data = summary.passages;
    for (let k = 0; k < data.length; ) {
      const idx = data[k];
      const count = data[k + PASSAGE_FIELDS - 1];
      this.passages[idx] = {
        id: nextId(), doc: this, idx, exactKey: data[k + 1], nearKey: data[k + 2],
        bandsAt: k + PASSAGE_FIELDS, bandCount: count, start: data[k + 3], end: data[k + 4], facts: data[k + 5],
      };
      k += PASSAGE_FIELDS + count;
    }
  }

  get laidOut(): boolean {
    return this.laid !== undefined;
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
