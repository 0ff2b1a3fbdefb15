/**
 * The project's hand-annotated passages (`[[surface|TYPE]]` markup) as plain text with gold character spans, and as
 * training documents: sentences of the recogniser's own tokens with IOB2 labels.
 */
import { labelIndex } from '../core/entities/labels';
import { segment } from '../core/entities/tokenize';
import type { ConllDocument, ConllSentence } from './conll';
import type { TypedSpan } from './spanEval';

const MARK = /\[\[([^|\]]+)\|(PER|ORG|LOC|MISC)\]\]/g;

/** A passage in `[[surface|TYPE]]` markup as plain text and gold character spans. */
export function parseMarkup(marked: string): { text: string; gold: TypedSpan[] } {
  const gold: TypedSpan[] = [];
  let text = '';
  let last = 0;
  for (const m of marked.matchAll(MARK)) {
    text += marked.slice(last, m.index);
    gold.push({ start: text.length, end: text.length + m[1].length, type: m[2] });
    text += m[1];
    last = m.index + m[0].length;
  }
  return { text: text + marked.slice(last), gold };
}

/**
 * A passage as one training document: the recogniser's sentences and tokens, each token labelled by the gold span it
 * lies in. A gold span whose ends are not token boundaries cannot be learnt as such: `undefined` then.
 */
export function markupDocument(marked: string): ConllDocument | undefined {
  const { text, gold } = parseMarkup(marked);
  const sentences: ConllSentence[] = [];
  const starts = new Set<number>();
  const ends = new Set<number>();
  for (const s of segment(text)) {
    const words = s.tokens.map((t) => t.text);
    const tags = s.tokens.map((t) => {
      starts.add(t.start);
      ends.add(t.end);
      const g = gold.find((span) => t.start >= span.start && t.end <= span.end);
      return g === undefined ? 'O' : `${t.start === g.start ? 'B' : 'I'}-${g.type}`;
    });
    sentences.push({ words, labels: tags.map(labelIndex), tags, lineCase: s.lineCase });
  }
  return gold.every((g) => starts.has(g.start) && ends.has(g.end)) ? sentences : undefined;
}
