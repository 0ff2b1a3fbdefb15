/**
 * Joins spans the tagger split: adjacent person spans (`Pham` + `Minh Chinh`), and names with an
 * inner possessive such as `Lao People’s Army` or `Academy of Politics of the Lao People's Public Security`
 * (the model, trained on text where `'s` almost never occurs inside a name, tends to cut there).
 */
import type { EntityType } from '../types';
import * as gazetteer from './gazetteer/index';
import type { TokenSpan } from './spans';
import * as titles from './titles';
import type { Token } from './tokenize';
import { isCapitalised } from './initialCase';

/** Regular expressions compiled once: an initial (`J.`), a capitalised word with a lower-case letter. */
const INITIAL = /^\p{Lu}\.$/u;
const NAME_LIKE = /^\p{Lu}.*\p{Ll}/u;

// Module-local copies (cross-module bindings may be getters under some loaders).
const { foldKey } = gazetteer;
const { isTitleOrModifier, isTitleWord } = titles;

/** Plural nouns that take a possessive inside organisation names. */
const IN_NAME_POSSESSORS = new Set([
  'people', 'peoples', 'workers', 'women', 'children', 'men', 'nations', 'veterans', 'farmers', 'citizens',
  'youth', 'journalists', 'writers', 'traders', 'teachers', 'soldiers', 'pioneers', 'patriots', 'martyrs',
]);
const POSSESSIVE = /^['’]s?$/;
const CONNECTORS = new Set(['of', 'the', 'and', 'for', '&']);

/** End (exclusive) of a run of capitalised words, allowing inner `of`/`the`/`and`, starting at `i`. */
function capitalisedRun(tokens: readonly Token[], i: number): number {
  let end = i;
  let j = i;
  while (j < tokens.length && (isCapitalised(tokens[j].text) || (j > i && CONNECTORS.has(tokens[j].text)))) {
    j++;
    if (isCapitalised(tokens[j - 1].text)) end = j;
  }
  return end;
}

function joinedType(left: EntityType | undefined, right: EntityType | undefined): EntityType {
  if (left === 'ORG' || right === 'ORG') return 'ORG';
  return right ?? left ?? 'ORG';
}

/** Applies both joins to one sentence's sorted, cleaned spans. */
export function joinSpans(tokens: readonly Token[], spans: readonly TokenSpan[]): TokenSpan[] {
  const out: TokenSpan[] = [];
  for (let k = 0; k < spans.length; k++) {
    const sp = { ...spans[k] };
    const last = out[out.length - 1];
    const gap = last ? sp.from - last.to : -1;
    const initialGap = gap === 1 && INITIAL.test(tokens[last!.to].text);
    if (last && last.type === 'PERSON' && sp.type === 'PERSON' && (gap === 0 || initialGap) && last.start === undefined) {
      last.to = sp.to;
      continue;
    }
    out.push(sp);
  }
  // Inner possessives: [Left] People 's [Right]
  for (let i = 1; i + 1 < tokens.length; i++) {
    const c = tokens[i].text.charCodeAt(0);
    if ((c !== 39 && c !== 0x2019) || !POSSESSIVE.test(tokens[i].text)) continue;
    const possessor = tokens[i - 1].text;
    if (!isCapitalised(possessor) || !IN_NAME_POSSESSORS.has(foldKey(possessor))) continue;
    if (!isCapitalised(tokens[i + 1].text)) continue;
    const kept = joinedOverPossessive(tokens, out, i);
    if (kept === undefined) continue;
    out.length = 0;
    out.push(...kept);
  }
  return out;
}

/**
 * The spans with the names on either side of the possessive `'s` at token `i` made one, or undefined when neither side
 * is a name (apart from the loop: see `TokenSpan`).
 */
function joinedOverPossessive(tokens: readonly Token[], spans: readonly TokenSpan[], i: number): TokenSpan[] | undefined {
  const li = spans.findIndex((s) => s.to === i && s.start === undefined);
  const ri = spans.findIndex((s) => s.from === i + 1 && s.start === undefined);
  if (li < 0 && ri < 0) return undefined;
  const from = li >= 0 ? spans[li].from : i - 1;
  const to = Math.max(ri >= 0 ? spans[ri].to : 0, capitalisedRun(tokens, i + 1));
  const type = joinedType(li >= 0 ? spans[li].type : undefined, ri >= 0 ? spans[ri].type : undefined);
  const kept = spans.filter((s) => s.to <= from || s.from >= to || s.start !== undefined && (s.end ?? 0) <= tokens[from].start);
  kept.push({ from, to, type });
  kept.sort((a, b) => a.from - b.from);
  return kept;
}

/** Merges PERSON spans that touch (`Lương` + `Tam Quang`), e.g. after document-level propagation, up to `maxTokens` together. */
export function mergeAdjacentPersons(spans: readonly TokenSpan[], maxTokens = Infinity): TokenSpan[] {
  const out: TokenSpan[] = [];
  for (const sp of spans) {
    const last = out[out.length - 1];
    if (last && last.type === 'PERSON' && sp.type === 'PERSON' && last.to === sp.from && last.start === undefined && sp.start === undefined && sp.to - last.from <= maxTokens) {
      out[out.length - 1] = { ...last, to: sp.to };
    } else out.push(sp);
  }
  return out;
}

const FUNCTION_WORDS = new Set(['the', 'a', 'an', 'of', 'and', 'in', 'on', 'at', 'for', 'to', 'by', 'with', 'from', 'as']);

function isNameLike(text: string): boolean {
  return NAME_LIKE.test(text) && !isTitleOrModifier(text) && !FUNCTION_WORDS.has(text.toLowerCase());
}

/**
 * Completes person names the tagger left short: a name-like word between a title and the name
 * (`Gen. [Phan] Văn Giang`), and a middle initial plus surname after it (`Robert [C. O’Brien]`).
 */
export function extendPersons(tokens: readonly Token[], spans: readonly TokenSpan[]): TokenSpan[] {
  // Most sentences have no person to extend: no buffer for them.
  if (!spans.some((sp) => sp.type === 'PERSON' && sp.start === undefined)) return spans.slice();
  const covered = new Uint8Array(tokens.length);
  for (const sp of spans) covered.fill(1, sp.from, sp.to);
  return spans.map((sp0) => {
    if (sp0.type !== 'PERSON' || sp0.start !== undefined) return sp0;
    const sp = { ...sp0 };
    let k = sp.from;
    while (k > 0 && sp.from - k < 2 && !covered[k - 1] && isNameLike(tokens[k - 1].text)) k--;
    if (k < sp.from && k > 0 && isTitleWord(tokens[k - 1].text)) sp.from = k;
    const e = sp.to;
    if (e + 1 < tokens.length && !covered[e] && !covered[e + 1] && INITIAL.test(tokens[e].text) && isNameLike(tokens[e + 1].text)) {
      sp.to = e + 2;
    }
    return sp;
  });
}

