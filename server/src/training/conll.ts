/** Reader for the CoNLL-2003 four-column format (IOB1 tags), converted to IOB2 label indices. */
import { LineCase, lineCaseOf } from '../core/entities/tokenize';
import { labelIndex } from '../core/entities/labels';

export interface ConllSentence {
  readonly words: string[];
  /** IOB2 label indices (see core/entities/labels.ts). */
  readonly labels: number[];
  /** Original IOB1 tags. */
  readonly tags: string[];
  readonly lineCase: LineCase;
}

export type ConllDocument = ConllSentence[];

export function parseConll(text: string): ConllDocument[] {
  const docs: ConllDocument[] = [];
  let doc: ConllDocument = [];
  let words: string[] = [];
  let tags: string[] = [];
  const flush = (): void => {
    if (words.length > 0) doc.push(makeSentence(words, tags));
    words = [];
    tags = [];
  };
  for (const line of text.split('\n')) {
    const cols = line.trim().split(/\s+/);
    if (cols[0] === '-DOCSTART-') {
      flush();
      if (doc.length > 0) docs.push(doc);
      doc = [];
    } else if (cols.length < 4) flush();
    else {
      words.push(cols[0]);
      tags.push(cols[3]);
    }
  }
  flush();
  if (doc.length > 0) docs.push(doc);
  return docs;
}

/** IOB1 → IOB2: an `I-X` that does not continue an `X` entity begins one. */
export function iob1ToIob2(tags: readonly string[]): string[] {
  return tags.map((t, i) => {
    if (!t.startsWith('I-')) return t;
    const prev = i > 0 ? tags[i - 1] : 'O';
    return prev.slice(2) === t.slice(2) ? t : `B-${t.slice(2)}`;
  });
}

function makeSentence(words: string[], tags: string[]): ConllSentence {
  const labels = iob1ToIob2(tags).map((t) => {
    const k = labelIndex(t);
    if (k < 0) throw new Error(`unknown tag ${t}`);
    return k;
  });
  return { words, labels, tags, lineCase: lineCaseOf(words.map((text) => ({ text }))) };
}
