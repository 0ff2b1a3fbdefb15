/**
 * The indexed form of one document version: its short lines' keys and its passages (with their hash keys), from its
 * boilerplate summary (summary.ts); its laid-out lines, made when first needed (the findings of the document or of a
 * neighbour); and the cache of its findings.
 */
import type { BoilerplateFinding } from '../types';
import { layOut, type LaidLine } from './layout';
import { inListOfCode, regionOfCode, type BoilerplateSummary } from './summary';
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
}

/** Word token hashes of a passage (recomputed when needed rather than kept, to save memory). */
export function passageTokens(p: Passage): Int32Array {
  return tokenHashes(p.doc.lines[p.idx].span.text);
}

/** What the corpus statistics count of a short line. */
export interface ShortLine {
  readonly idx: number;
  readonly region: Region;
  readonly inList: boolean;
  readonly label: string | null;
}

export interface DocState {
  readonly uri: string;
  readonly text: string;
  /** The laid-out lines (made on first use). */
  readonly lines: readonly LaidLine[];
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
      const idx = summary.short[2 * k];
      const code = summary.short[2 * k + 1];
      this.shapes[idx] = summary.shapes[k];
      this.hkeys[idx] = summary.hkeys[k];
      this.shortLines.push({ idx, region: regionOfCode(code), inList: inListOfCode(code), label: summary.labels[k] });
    }
    this.passages = new Array(n).fill(undefined);
    const data = summary.passages;
    for (let k = 0; k < data.length; ) {
      const idx = data[k];
      const count = data[k + 3];
      this.passages[idx] = { id: nextId(), doc: this, idx, exactKey: data[k + 1], nearKey: data[k + 2], bandsAt: k + 4, bandCount: count };
      k += 4 + count;
    }
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
