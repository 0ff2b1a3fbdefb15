/**
 * Organisation-name repairs: `Ministry` + `of Public Security` is one name (the tagger often cuts at
 * `of` before words that also occur in titles), and a person's name glued to the end of a role phrase
 * (`Public Security General Vilay Lakhamphong`) is split off as a PERSON.
 */
import * as gazetteer from './gazetteer/index';
import type { TokenSpan } from './spans';
import * as titles from './titles';
import type { Token } from './tokenize';
import { isCapitalised, startsUpper } from './initialCase';

/** A regular expression compiled once. */
const CAPITALISED_WORD = /^\p{Lu}\p{Ll}/u;

// Module-local copies (cross-module bindings may be getters under some loaders).
const { foldKey } = gazetteer;
const { isTitleOrModifier, isTitleWord } = titles;

/** Heads after which `of ...` continues the name. */
const OF_HEADS = new Set([
  'ministry', 'department', 'academy', 'university', 'institute', 'bank', 'commission', 'committee', 'council',
  'federation', 'association', 'union', 'office', 'bureau', 'school', 'college', 'court', 'party', 'board',
  'agency', 'authority', 'chamber', 'league', 'society', 'organisation', 'organization', 'museum', 'command',
]);
const CONNECTORS = new Set(['of', 'the', 'and', 'for', '&']);

/** End of the run of capitalised words (inner `of`/`&` allowed) starting at `i`, stopping before title words. */
function nameRun(tokens: readonly Token[], i: number): number {
  let end = i;
  for (let j = i; j < tokens.length; j++) {
    const t = tokens[j].text;
    if (startsUpper(t) && !isTitleWord(t)) end = j + 1;
    else if (!(j > i && (t === 'of' || t === '&'))) break;
  }
  return end;
}

/** `Ministry of Public` (then `Security` left out): an organisation span with an inner `of`. */
function hasInnerOf(tokens: readonly Token[], sp: TokenSpan): boolean {
  for (let i = sp.from + 1; i < sp.to - 1; i++) if (tokens[i].text === 'of') return OF_HEADS.has(foldKey(tokens[i - 1].text));
  return false;
}

function replace(spans: TokenSpan[], from: number, to: number, added: TokenSpan[]): TokenSpan[] {
  const out = spans.filter((s) => s.to <= from || s.from >= to);
  out.push(...added);
  return out.sort((a, b) => a.from - b.from || (a.start ?? 0) - (b.start ?? 0));
}

/** `[Ministry] of [Public Security]` → `[Ministry of Public Security]` (ORG). */
export function extendOrgOf(tokens: readonly Token[], spans: TokenSpan[]): TokenSpan[] {
  let out = spans;
  for (let k = 0; k < out.length; k++) {
    const sp = out[k];
    if (sp.type !== 'ORG' || sp.start !== undefined) continue;
    const e = sp.to;
    if (e < tokens.length && startsUpper(tokens[e].text) && !isTitleWord(tokens[e].text) && hasInnerOf(tokens, sp)) {
      if (out.some((x) => x.from === e)) continue;
      let end = e;
      while (end < tokens.length && end - e < 3 && CAPITALISED_WORD.test(tokens[end].text) && !isTitleWord(tokens[end].text)) end++;
      if (end > e && !out.some((x) => x.from > sp.from && x.from < end && x !== sp)) {
        out = replace(out, sp.from, end, [{ from: sp.from, to: end, type: 'ORG' }]);
      }
      continue;
    }
    if (e + 1 >= tokens.length || tokens[e].text !== 'of' || !OF_HEADS.has(foldKey(tokens[e - 1].text))) continue;
    const next = out.find((x) => x.from === e + 1 && x.start === undefined);
    let end = next ? next.to : nameRun(tokens, e + 1);
    if (end <= e + 1) continue;
    // The tagger may also have stopped inside the complement (`of [Public] Security`).
    while (end < tokens.length && end - e < 5 && CAPITALISED_WORD.test(tokens[end].text) && !isTitleWord(tokens[end].text)) {
      if (out.some((x) => x.from === end)) break;
      end++;
    }
    out = replace(out, sp.from, end, [{ from: sp.from, to: end, type: 'ORG' }]);
  }
  return out;
}

/** A non-person span ending in `<title> <Name Name>`: the name becomes a PERSON, the role phrase is dropped. */
export function splitTrailingPerson(tokens: readonly Token[], spans: TokenSpan[]): TokenSpan[] {
  let out = spans;
  for (const sp of [...spans]) {
    if (sp.type === 'PERSON' || sp.start !== undefined || sp.to - sp.from < 2) continue;
    let t = sp.to - 1;
    while (t > sp.from && !isTitleWord(tokens[t].text)) t--;
    if (t === sp.from && !isTitleWord(tokens[t].text)) continue;
    if (t === sp.to - 1 || sp.to - (t + 1) > 4) continue;
    let ok = t > sp.from;
    for (let j = t + 1; j < sp.to; j++) {
      const w = tokens[j].text;
      if (!isCapitalised(w) || isTitleOrModifier(w) || OF_HEADS.has(foldKey(w))) ok = false;
    }
    if (!ok) continue;
    let head = t;
    while (head > sp.from && (isTitleOrModifier(tokens[head - 1].text) || CONNECTORS.has(tokens[head - 1].text))) head--;
    while (head > sp.from && CONNECTORS.has(tokens[head - 1].text)) head--;
    const added: TokenSpan[] = [{ from: t + 1, to: sp.to, type: 'PERSON' }];
    if (head > sp.from) added.push({ from: sp.from, to: head, type: sp.type });
    out = replace(out, sp.from, sp.to, added);
  }
  return out;
}
