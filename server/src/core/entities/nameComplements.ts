/**
 * Names with a complement: `United Nations Office [on Drugs and Crime]`, `Law [on National Defence]`,
 * `International Department [of the CPC Central Committee]`, `Steering Committee for Crime Prevention [and Control]`.
 * A name that ends in a head taking a complement (an office, a committee, a law, a treaty) goes on over `of`, `on`,
 * `for` or `against` (and `the`) and the capitalised run after it, in which `and`, `of`, `the` and possessives join
 * capitalised words. The run stops at a calendar word (`the Committee on Monday`) and at any other lower-case word
 * (`Committee for Defence in Hanoi` keeps the city out). A law, treaty, convention or code is MISC, with or without
 * a complement; a gulf, a bay or a strait a place (`Gulf of Thailand`); any other head makes an organisation
 * (`Embassy of Vietnam`).
 */
import type { EntityType } from '../types';
import * as gazetteer from './gazetteer/index';
import * as initialCase from './initialCase';
import type { TokenSpan } from './spans';
import * as titles from './titles';
import type { Token } from './tokenize';

// Module-local copies (cross-module bindings may be getters under some loaders).
const { foldKey } = gazetteer;
const { isCapitalised } = initialCase;
const { isHeadTitle } = titles;

/** Heads of organisations that take a complement. */
const ORG_COMPLEMENT_HEADS = new Set([
  'office', 'committee', 'commission', 'council', 'department', 'centre', 'center', 'agency', 'bureau', 'board',
  'institute', 'academy', 'ministry', 'directorate', 'administration', 'fund', 'foundation', 'programme', 'program',
  'organisation', 'organization', 'association', 'federation', 'union', 'alliance', 'league', 'front', 'court',
  'secretariat', 'command', 'authority', 'embassy', 'consulate', 'chamber', 'court', 'hospital', 'bank', 'society',
  'university', 'school', 'college', 'confederation', 'headquarters',
]);
/** Heads of places named with a complement: `Gulf of Thailand`, `Strait of Malacca`. */
const PLACE_COMPLEMENT_HEADS = new Set(['gulf', 'bay', 'strait', 'straits', 'sea', 'isle', 'cape', 'mouth']);
/** Heads of documents: the name with its complement is MISC. */
const DOCUMENT_HEADS = new Set([
  'law', 'convention', 'treaty', 'agreement', 'code', 'charter', 'protocol', 'declaration', 'pact', 'decree', 'act',
  'accord', 'memorandum',
]);
const COMPLEMENT_WORDS = new Set(['of', 'on', 'for', 'against']);
/** Words that join two capitalised words of the run. */
const RUN_JOINERS = new Set(['and', 'of', 'the', '&', "'s", '’s', '-', '–']);
const CALENDAR = new Set([
  'january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november',
  'december', 'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec', 'monday',
  'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday', 'today', 'tomorrow', 'yesterday',
]);
/** The longest complement run followed (a longer capitalised run is a headline's, not a name's). */
const MAX_RUN = 8;

/** A capitalised word of a complement: not a calendar word, not a rank or title (`... Security Colonel Vang`). */
function runWord(tokens: readonly Token[], i: number): boolean {
  return i < tokens.length && isCapitalised(tokens[i].text) && !CALENDAR.has(foldKey(tokens[i].text)) && !isHeadTitle(tokens[i].text);
}

/** Every head as it may be written (`Office`, `OFFICE`, `office`): a word that is none is ruled out without a fold. */
const HEAD_FORMS = new Set<string>();
for (const w of [...ORG_COMPLEMENT_HEADS, ...DOCUMENT_HEADS, ...PLACE_COMPLEMENT_HEADS]) {
  HEAD_FORMS.add(w);
  HEAD_FORMS.add(w.toUpperCase());
  HEAD_FORMS.add(w[0].toUpperCase() + w.slice(1));
}

/** `of`, `on`, `for`, `against`: a look at the first letter rules out most words before the set. */
function isComplementWord(text: string): boolean {
  const c = text.charCodeAt(0);
  return (c === 111 || c === 102 || c === 97) && COMPLEMENT_WORDS.has(text);
}

function isHead(text: string): boolean {
  return HEAD_FORMS.has(text);
}

/** The type of a name with a complement, by its head; undefined for a word that takes none. */
function complementType(key: string): EntityType | undefined {
  if (DOCUMENT_HEADS.has(key)) return 'MISC';
  if (ORG_COMPLEMENT_HEADS.has(key)) return 'ORG';
  return PLACE_COMPLEMENT_HEADS.has(key) ? 'LOCATION' : undefined;
}

/** End (exclusive) of the complement run starting at `i` (a capitalised word), or `i` when there is none. */
function runEnd(tokens: readonly Token[], i: number): number {
  if (!runWord(tokens, i)) return i;
  let end = i + 1;
  for (let j = i + 1; j < tokens.length && j - i < MAX_RUN; ) {
    if (runWord(tokens, j)) {
      end = ++j;
      continue;
    }
    // A joiner (`and`, `of`, `of the`) counts only when a capitalised word follows it; `and the` begins another name
    // (`the Ministry of Public Security and the United Nations Office`).
    let k = j;
    if (k < tokens.length && RUN_JOINERS.has(tokens[k].text) && tokens[k].text !== 'the') k++;
    if (k > j && tokens[k - 1].text === 'of' && k < tokens.length && tokens[k].text === 'the') k++;
    if (k === j || !runWord(tokens, k)) break;
    j = k;
  }
  return end;
}

/**
 * A document's name is MISC, however the tagger typed it: `Treaty of Amity and Cooperation in Southeast Asia` (a
 * document head then `of` or `on`), `ASEAN Convention` (a name ending in one).
 */
function isDocumentName(tokens: readonly Token[], sp: TokenSpan): boolean {
  if (sp.to - sp.from < 2) return false;
  const last = tokens[sp.to - 1].text;
  if (isHead(last) && DOCUMENT_HEADS.has(foldKey(last))) return true;
  const first = tokens[sp.from].text;
  return sp.to - sp.from >= 3 && isComplementWord(tokens[sp.from + 1].text) && isHead(first) && DOCUMENT_HEADS.has(foldKey(first));
}

const MISSIONS = new Set(['embassy', 'consulate']);

/** End of `in` + a capitalised run after a mission's complement ending at `end`, or `end` without one. */
function missionHost(tokens: readonly Token[], end: number): number {
  if (end + 1 >= tokens.length || tokens[end].text !== 'in') return end;
  const host = runEnd(tokens, end + 1);
  return host > end + 1 ? host : end;
}

/** Extends each name ending in a complement-taking head over its complement (spans sorted, one sentence). */
export function joinComplements(tokens: readonly Token[], spans: readonly TokenSpan[]): TokenSpan[] {
  let out = spans as TokenSpan[];
  for (let k = 0; k < out.length; k++) {
    const sp = out[k];
    if (sp.start !== undefined || sp.type === 'PERSON') continue;
    if (sp.type !== 'MISC' && isDocumentName(tokens, sp)) out = out.map((x) => (x === sp ? { from: sp.from, to: sp.to, type: 'MISC' as const } : x));
    // The head ends the name, or its complement was begun (`[Steering Committee for Crime Prevention] and Control`).
    let h = sp.to - 1;
    for (let j = sp.from; j < sp.to - 1; j++) {
      if (isHead(tokens[j].text) && (isComplementWord(tokens[j + 1].text) || tokens[j + 1].text === 'General')) {
        h = j;
        break;
      }
    }
    if (!isHead(tokens[h].text)) continue;
    const type = complementType(foldKey(tokens[h].text));
    if (type === undefined) continue;
    let i = h + 1;
    // `Consulate General of ...`: a rank after the head.
    if (i + 1 < tokens.length && tokens[i].text === 'General' && MISSIONS.has(foldKey(tokens[h].text))) i++;
    if (i >= tokens.length || !isComplementWord(tokens[i].text)) continue;
    i++;
    if (i < tokens.length && tokens[i].text === 'the') i++;
    const run = runEnd(tokens, i);
    if (run === i) continue;
    // A mission is named with its host country or city: `Embassy of Vietnam in Laos`, `Consulate General of Thailand
    // in Savannakhet`.
    const end = MISSIONS.has(foldKey(tokens[h].text)) ? missionHost(tokens, run) : run;
    if (end <= sp.to) continue;
    // The run may hold names of its own (taken in), but no person and no part of a name running past it.
    const inside = out.filter((x) => x !== sp && x.from < end && x.to > sp.to);
    if (inside.some((x) => x.type === 'PERSON' || x.to > end || x.start !== undefined)) continue;
    const joined: TokenSpan = { from: sp.from, to: end, type };
    out = out.filter((x) => x !== sp && !inside.includes(x));
    out.splice(k, 0, joined);
  }
  return untaggedHeads(tokens, out);
}

/**
 * `the Standing Committee for Drug Prevention and Control`: a head the tagger left out (its modifiers read as a
 * title's), after `the` and capitalised words, with a complement, is a name all the same.
 */
function untaggedHeads(tokens: readonly Token[], spans: TokenSpan[]): TokenSpan[] {
  let out = spans;
  for (let h = 1; h + 2 < tokens.length; h++) {
    // `Consulate General of`: a mission's rank between the head and its complement.
    const ranked = tokens[h + 1].text === 'General' && MISSIONS.has(foldKey(tokens[h].text));
    const c = ranked ? h + 2 : h + 1;
    if (c >= tokens.length || !isComplementWord(tokens[c].text) || !isCapitalised(tokens[h].text)) continue;
    const type = complementType(foldKey(tokens[h].text));
    if (type === undefined) continue;
    const named = withUntaggedHead(tokens, out, h, c, type);
    if (named === undefined) continue;
    out = named.spans;
    h = named.end - 1;
  }
  return out;
}

/**
 * The spans with the name headed by the untagged word `h`, its complement from `c`, made one of `type`, and where it
 * ends; undefined when there is none (apart from the loop: see `TokenSpan`).
 */
function withUntaggedHead(
  tokens: readonly Token[], spans: TokenSpan[], h: number, c: number, type: NonNullable<ReturnType<typeof complementType>>,
): { spans: TokenSpan[]; end: number } | undefined {
  if (spans.some((x) => x.from <= c && x.to > h)) return undefined;
  let from = h;
  while (from > 0 && isCapitalised(tokens[from - 1].text) && tokens[from - 1].text !== 'The' && !spans.some((x) => x.from < from && x.to >= from)) from--;
  // After `the` (`The` opening the sentence).
  if (from === 0 || (tokens[from - 1].text !== 'the' && !(from === 1 && tokens[0].text === 'The'))) return undefined;
  let i = c + 1;
  if (i < tokens.length && tokens[i].text === 'the') i++;
  const run = runEnd(tokens, i);
  if (run === i) return undefined;
  const end = MISSIONS.has(foldKey(tokens[h].text)) ? missionHost(tokens, run) : run;
  const inside = spans.filter((x) => x.from < end && x.to > from);
  if (inside.some((x) => x.type === 'PERSON' || x.from < from || x.to > end || x.start !== undefined)) return undefined;
  const out = [...spans.filter((x) => !inside.includes(x)), { from, to: end, type }];
  out.sort((a, b) => a.from - b.from || (a.start ?? 0) - (b.start ?? 0));
  return { spans: out, end };
}
