/** From per-token labels to clean entity spans: possessives, quotes, titles and hyphenated place pairs. */
import type { EntityType } from '../types';
import * as gazetteer from './gazetteer/index';
import { Gaz } from './gazetteer/index';
import { isBegin, typeOfLabel } from './labels';
import * as titles from './titles';
import type { Token } from './tokenize';
import * as initialCase from './initialCase';
// Module-local copies (cross-module bindings may be getters under some loaders); regular expressions compiled once.
const { startsLower, startsUpper } = initialCase;
const HAS_LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;

// Module-local copies (cross-module bindings may be getters under some loaders).
const { foldKey, gazBitsOf } = gazetteer;
const { isPersonalHonorific, isTitleOrModifier, leadingTitleCount } = titles;

/**
 * A span over tokens `[from, to)` of one sentence, optionally narrowed inside a hyphenated token.
 *
 * The span rules that walk every token of a sentence read the spans in a helper called for a candidate only (`with…`
 * in each rule's file), never in a closure inside the loop: a closure reading a loop's variables made V8 allocate a
 * context for every token of every sentence (recognising 1,000 generated articles allocated 594 MB with them, 320 MB
 * without).
 */
export interface TokenSpan {
  from: number;
  to: number;
  type: EntityType;
  /** Character offsets when the span covers part of a token (hyphen pairs). */
  start?: number;
  end?: number;
}

const TRAILING = /^(?:['’]s?|[.,;:!?"“”‘’)\]\-–—])$/u;
const TRAILING_WORDS = new Set(['of', 'and', 'the', 'for', '&', 'de']);
const LEADING = /^["“”‘’'(\[\-–—]$/u;
const PLACE: number = Gaz.Country | Gaz.City | Gaz.Province | Gaz.Region;

/** Token spans from the first `n` IOB2 labels (a stray `I-X` starts an entity). */
export function spansFromLabels(labels: Uint8Array, n = labels.length): TokenSpan[] {
  const out: TokenSpan[] = [];
  let i = 0;
  while (i < n) {
    const y = labels[i];
    if (y === 0) {
      i++;
      continue;
    }
    const inside = isBegin(y) ? y + 1 : y;
    let j = i + 1;
    while (j < n && labels[j] === inside) j++;
    out.push({ from: i, to: j, type: typeOfLabel(y) });
    i = j;
  }
  return out;
}

/**
 * Lower-case words that may stand inside a name: connectors (`Organisation for Security and Cooperation in Europe`,
 * `Conference on Disarmament`) and the particles of personal and place names (`van der`, `da`, `bin`). In CoNLL-2003's
 * gold names, any other all-lower-case word inside a name is about one in three thousand (`Bild am Sonntag`, `Pan Am
 * flight 103`).
 */
const INNER_LOWER_WORDS = new Set([
  'of', 'and', 'the', 'for', 'on', 'in', 'at', 'to', 'against', 'upon', 'de', 'del', 'della', 'dello', 'des', 'du',
  'da', 'dal', 'do', 'dos', 'das', 'di', 'la', 'le', 'les', 'l', 'd', 'van', 'von', 'der', 'den', 'ter', 'zu', 'am',
  'y', 'e', 'i', 'et', 'al', 'el', 'bin', 'binti', 'bint', 'ibn', 'wa', 'pour', 'sur', 'und',
]);
const LOWER_WORD = /^\p{Ll}+$/u;

/**
 * A span the tagger ran on over an ordinary lower-case word (`[Ministry of National Defence met Japanese]`) or a
 * bracket (`[PHNOM PENH (AKP]`), or ended on one, is cut there: a verb, a noun or an adjective written in lower case
 * is no part of a name, nor is a bracket. The parts on either side keep the span's type (the rules after retype them:
 * a lone `Japanese` is MISC). Undefined when the span holds no such word (most spans: nothing is allocated for them).
 */
export function splitAtLowerWords(tokens: readonly Token[], span: TokenSpan): TokenSpan[] | undefined {
  let out: TokenSpan[] | undefined;
  let from = span.from;
  // The last word too: a name does not end in an ordinary lower-case word (`[KeyCorp were]`).
  for (let i = span.from + 1; i < span.to; i++) {
    const t = tokens[i].text;
    const c = t.charCodeAt(0);
    // A bracket ends a name too (`PHNOM PENH (AKP) --` read as one name). Most inner words are capitalised: a look at
    // the first letter spares them the test.
    if (c !== 40 && c !== 41 && (!(c >= 97 && c <= 122) || INNER_LOWER_WORDS.has(t) || !LOWER_WORD.test(t))) continue;
    (out ??= []).push({ from, to: i, type: span.type });
    from = i + 1;
  }
  if (out === undefined) return undefined;
  if (from < span.to) out.push({ from, to: span.to, type: span.type });
  return out;
}

/**
 * Trims punctuation, possessives and (for persons) leading titles; returns null if nothing is left. A person that is
 * one word of a role phrase once its titles are gone (`General [Staff]`, `Deputy [Defence]`) is no name either.
 */
export function cleanSpan(tokens: readonly Token[], span: TokenSpan): TokenSpan | null {
  let { from, to, type } = span;
  while (from < to && LEADING.test(tokens[from].text)) from++;
  while (to > from && (TRAILING.test(tokens[to - 1].text) || TRAILING_WORDS.has(tokens[to - 1].text))) to--;
  // `Daw Aye Aye Mon` read as an organisation: a personal honorific makes the rest a person.
  if (type !== 'PERSON' && to - from > 1 && isPersonalHonorific(tokens[from].text) && startsUpper(tokens[from + 1].text)) type = 'PERSON';
  if (type === 'PERSON') {
    from += leadingTitleCount(tokens, from, to);
    if (to - from === 1 && (startsLower(tokens[from].text) || isTitleOrModifier(tokens[from].text))) return null;
  }
  if (from >= to) return null;
  if (!HAS_LETTER_OR_DIGIT.test(tokens.slice(from, to).map((t) => t.text).join(''))) return null;
  return { from, to, type };
}

/**
 * `Vietnam-Laos` (a token made of two or more known places joined by hyphens) becomes one LOCATION per place.
 * Applies to a span's first token; the rest of the span, if any, stays as it was.
 */
export function splitHyphenPlaces(tokens: readonly Token[], span: TokenSpan): TokenSpan[] {
  // `Asia-Pacific Economic Cooperation`, `Laos-Thailand Friendship Bridge`: a longer name keeps its hyphenated place
  // pair (the rest is no name of its own).
  if (span.to - span.from > 1) return [span];
  const tok = tokens[span.from];
  // Most first words have no hyphen or dash: no split for them.
  if (tok.text.indexOf('-') < 0 && tok.text.indexOf('–') < 0) return [span];
  const parts = tok.text.split(/[-–]/);
  if (parts.length < 2 || parts.some((p) => p.length < 2 || !(gazBitsOf(foldKey(p)) & PLACE))) return [span];
  if (!startsUpper(parts[0])) return [span];
  const out: TokenSpan[] = [];
  let offset = tok.start;
  for (const p of parts) {
    out.push({ from: span.from, to: span.from + 1, type: 'LOCATION', start: offset, end: offset + p.length });
    offset += p.length + 1;
  }
  if (span.to > span.from + 1) out.push({ from: span.from + 1, to: span.to, type: span.type });
  return out;
}
