/**
 * The indexed form of one document version: its laid-out lines, the passages that take part in
 * duplicate detection (with their hash keys), and the cache of its findings.
 */
import type { BoilerplateFinding } from '../types';
import { mix32, sequenceKey, to30 } from './hashing';
import { LaidLine, layOut } from './layout';
import { bandKeys } from './minhash';
import { headlineKey, lineShape, spaceNormalizedHash, splitLines, tokenHashes } from './text';
import type { StatEntry } from './corpusStats';

export interface Passage {
  readonly id: number;
  readonly doc: DocState;
  /** Index into `doc.lines`. */
  readonly idx: number;
  /** Key of the whitespace-normalised text (exact copies). */
  readonly exactKey: number;
  /** Key of the word sequence, punctuation and case dropped (copies that differ only there). */
  readonly nearKey: number;
}

/** Word token hashes of a passage (recomputed when needed rather than kept, to save memory). */
export function passageTokens(p: Passage): Int32Array {
  return tokenHashes(p.doc.lines[p.idx].span.text);
}

/** LSH band keys of a passage. */
export function passageBands(p: Passage): Int32Array {
  return bandKeys(passageTokens(p));
}

export interface DocState {
  readonly uri: string;
  readonly text: string;
  readonly lines: readonly LaidLine[];
  /** Passage of each line, if the line is long enough to be compared. */
  readonly passages: (Passage | undefined)[];
  /** Shape (digits masked) and headline key of each short line. */
  readonly shapes: (string | undefined)[];
  readonly hkeys: (string | undefined)[];
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

/** The state of a new document version, with the LSH band keys of each passage. */
export function buildDocState(
  uri: string, text: string, minPassageChars: number, nextId: () => number,
): { doc: DocState; bands: (Int32Array | undefined)[] } {
  const lines = layOut(splitLines(text));
  // Short lines repeat (page furniture): each text's shape and headline key computed once.
  const shapeOf = memoByText(lineShape);
  const keyOf = memoByText(headlineKey);
  const headlineIdx = lines.findIndex((l) => l.region === 'headline');
  const doc: DocState = {
    uri, text, lines,
    passages: new Array(lines.length).fill(undefined),
    shapes: lines.map((l) => (l.short ? shapeOf(l.span.text) : undefined)),
    hkeys: lines.map((l) => (l.short ? keyOf(l.span.text) : undefined)),
    headlineIdx,
    headlineKey: headlineIdx >= 0 ? headlineKey(lines[headlineIdx].span.text) : undefined,
    deps: [],
    dirtyStamp: 0,
  };
  const bands: (Int32Array | undefined)[] = new Array(lines.length).fill(undefined);
  for (let i = 0; i < lines.length; i++) {
    const t = lines[i].span.text;
    if (t.length < minPassageChars) continue;
    // Section headings recur between articles; only running text and long lines are passages.
    if (!lines[i].prose && lines[i].wordCount < 8) continue;
    const tokens = tokenHashes(t);
    if (tokens.length < 3) continue;
    doc.passages[i] = {
      id: nextId(), doc, idx: i,
      exactKey: to30(mix32(spaceNormalizedHash(t))),
      nearKey: sequenceKey(tokens),
    };
    bands[i] = bandKeys(tokens);
  }
  return { doc, bands };
}

function memoByText(fn: (text: string) => string): (text: string) => string {
  const known = new Map<string, string>();
  return (text) => {
    let v = known.get(text);
    if (v === undefined) known.set(text, (v = fn(text)));
    return v;
  };
}

/** 1-based line number of line `idx`, for messages. */
export function lineNumber(doc: DocState, idx: number): number {
  return doc.lines[idx].span.line + 1;
}
