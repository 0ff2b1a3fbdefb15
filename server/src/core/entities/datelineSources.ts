/**
 * The source of a wire dateline: `HO CHI MINH CITY (Tuoi Tre) --`, `YANGON, May 4 (Myanmar Now) -`. What stands in
 * brackets between a dateline's place (in capitals, opening the line) and its dash is the agency or paper that filed
 * the story: an organisation, whatever its words look like (a place's name, a person's).
 */
import * as initialCase from './initialCase';
import type { TokenSpan } from './spans';
import type { Token } from './tokenize';

// Module-local copies (cross-module bindings may be getters under some loaders).
const { isCapitalised } = initialCase;

const DASHES = new Set(['-', '--', '–', '—', '―']);
const UPPER_WORD = /^\p{Lu}[\p{Lu}\p{M}'’.-]*$/u;
/** Most tokens between the place and the bracket (`, Nov 20`, `, May 4 2025`). */
const MAX_DATE_TOKENS = 5;
/** Most words of a source (`Agence France-Presse`, `Vietnam News Agency`). */
const MAX_SOURCE_TOKENS = 6;
/** Lower-case words a source's name may hold (`Global New Light of Myanmar`). */
const SOURCE_CONNECTORS = new Set(['of', 'the', 'and', 'for']);

/** The tokens `[from, to)` inside a dateline's brackets, or undefined when the sentence opens with no dateline. */
function sourceInBrackets(tokens: readonly Token[]): { from: number; to: number } | undefined {
  let i = 0;
  while (i < tokens.length && UPPER_WORD.test(tokens[i].text) && tokens[i].text.length > 1) i++;
  if (i === 0) return undefined;
  const place = i;
  if (i < tokens.length && tokens[i].text === ',') {
    i++;
    while (i < tokens.length && i - place <= MAX_DATE_TOKENS && tokens[i].text !== '(') i++;
  }
  if (i >= tokens.length || tokens[i].text !== '(') return undefined;
  const from = i + 1;
  let to = from;
  while (to < tokens.length && to - from < MAX_SOURCE_TOKENS && tokens[to].text !== ')') to++;
  if (to === from || to >= tokens.length || tokens[to].text !== ')') return undefined;
  if (to + 1 >= tokens.length || !DASHES.has(tokens[to + 1].text)) return undefined;
  for (let k = from; k < to; k++) {
    const t = tokens[k].text;
    if (!isCapitalised(t) && !UPPER_WORD.test(t) && !(k > from && k < to - 1 && SOURCE_CONNECTORS.has(t))) return undefined;
  }
  return { from, to };
}

/** Makes the source of the sentence's dateline, if it has one, one organisation. */
export function datelineSources(tokens: readonly Token[], spans: readonly TokenSpan[]): TokenSpan[] {
  if (tokens.length < 4 || !UPPER_WORD.test(tokens[0].text)) return spans as TokenSpan[];
  const src = sourceInBrackets(tokens);
  if (src === undefined) return spans as TokenSpan[];
  const { from, to } = src;
  if (spans.some((x) => x.from < to && x.to > from && (x.from < from || x.to > to || x.start !== undefined))) return spans as TokenSpan[];
  const out = spans.filter((x) => x.to <= from || x.from >= to);
  out.push({ from, to, type: 'ORG' });
  return out.sort((a, b) => a.from - b.from || (a.start ?? 0) - (b.start ?? 0));
}
