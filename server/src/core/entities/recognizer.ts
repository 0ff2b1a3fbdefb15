/**
 * Named-entity recogniser: tokenise, tag each sentence with the shipped model, clean the spans
 * (titles, possessives, hyphenated place pairs), then make names consistent across the document.
 */
import { throwIfCancelled, type CancellationToken, type RecognizedEntity } from '../types';
import { propagateNames } from './consistency';
import { CUE_CAP_MID, CUE_LOWER, N_INTRINSIC, addDocCues, contextOf, cuesOf, newDocCues, type WordInfo } from './features';
import { N_LABELS } from './labels';
import type { NerModel } from './model';
import { extendPersons, joinSpans, mergeAdjacentPersons } from './joins';
import { recaseAllCaps } from './caseLines';
import { dropCommonSpans, isHeadingLine, type CommonWordTests } from './commonSpans';
import { placesInLists } from './coordination';
import { dropNonNames } from './dropRules';
import { joinComplements } from './nameComplements';
import { numberedNames } from './numberedNames';
import { typeByClassNouns } from './classNouns';
import { datelineSources } from './datelineSources';
import { vietnameseNames } from './vietnameseNames';
import { holidayNames } from './holidays';
import { joinOrgChains } from './orgChains';
import { joinOfChains, numberedEvents, splitCoordinatedOrgs } from './orgJoins';
import { keepPlacesWhole } from './placeGuard';
import { quotedNames } from './quotedNames';
import { acronymsInBrackets } from './bracketAcronyms';
import { hyphenModifiers } from './hyphenModifiers';
import { cutAtScores } from './scoreLines';
import { addNestedNames } from './nestedNames';
import { markOwnerCountries } from './ownerCountry';
import { namesAfterRoles } from './roleNames';
import { applySpanRules, trimHeadline } from './spanRules';
import { cleanSpan, spansFromLabels, splitAtLowerWords, splitHyphenPlaces, type TokenSpan } from './spans';
import { DocMemory, TaggerBuffers, tagSentenceLazy, type BaseScores } from './tagger';
import { SentenceRuleMemo } from './sentenceRuleMemo';
import { sentenceHash, sentenceIdentity } from './sentenceIdentity';
import { titleStart } from './titles';
import { LineCase, segment, type Token } from './tokenize';
import { WordTable } from './wordTable';
import {
  cueBitsOf,
  cuesHold,
  LoggedTests,
  newTestLog,
  NOT_READ,
  replayMemory,
  shiftedSpans,
  testsHold,
  type RecognitionMemo,
  type TestLog,
} from './recognitionMemo';

/**
 * The most tokens one name may have. The longest in the seeds has 12 (`Việt Nam – Laos Friendship Association in the
 * People's Public Security`), in the benchmarks 10; a longer span (a page of capitalised words the tagger reads as
 * one name) is no name, and letting it through would make the consistency pass and clustering grow with its square.
 */
export const MAX_NAME_TOKENS = 24;

export interface EntityRecognizer {
  /**
   * The names of `text`. With `memo` (an article being edited), the sentences the memo holds from the article's last
   * version are not tagged again when nothing they read changed (recognitionMemo.ts), and the memo then holds this
   * version's: the result is the same as without it.
   */
  recognize(text: string, token?: CancellationToken, memo?: RecognitionMemo): RecognizedEntity[];
}

export function createEntityRecognizer(model: NerModel): EntityRecognizer {
  const words = new WordTable(model);
  const offsets = new BaseOffsets();
  const buffers = new TaggerBuffers();
  return Object.freeze({
    recognize(text: string, token?: CancellationToken, memo?: RecognitionMemo): RecognizedEntity[] {
      return recognize(model, words, offsets, buffers, text, token, memo);
    },
  });
}

/** The most words the recogniser's table holds from one document to the next (it is emptied past it). */
const MAX_WORDS = 200_000;

/**
 * A sentence's word ids turned into offsets of its words' summed weights (`BaseScores`), in an array a recogniser
 * reuses from sentence to sentence.
 */
class BaseOffsets {
  private at = new Int32Array(64);

  /** Offsets in `words.scores` of the words of the tokens `[from, from + n)` of `ids` (valid until the next call). */
  of(ids: Int32Array, from: number, n: number): Int32Array {
    if (this.at.length < n) this.at = new Int32Array(Math.max(n, 2 * this.at.length));
    const at = this.at;
    for (let i = 0; i < n; i++) at[i] = ids[from + i] * N_LABELS;
    return at;
  }
}

function recognize(
  model: NerModel,
  words: WordTable,
  offsets: BaseOffsets,
  buffers: TaggerBuffers,
  text: string,
  token: CancellationToken | undefined,
  recognitionMemo: RecognitionMemo | undefined,
): RecognizedEntity[] {
  throwIfCancelled(token);
  words.beginDocument(MAX_WORDS);
  const isCommon = (key: string): boolean => model.commonWords.has(key);
  // With a memo, the tests the rules make are logged per sentence (what a later version checks before reusing it).
  const pass = recognitionMemo?.begin();
  // Each token's word id, looked up once as the text is segmented (its text is the table's string of the word, and the
  // casing of its line is read from it), in one array for the document: the document's cues, the tagging and the
  // heading words read it. Arrays of words and facts per sentence, made for the cues and again for tagging, were a few
  // objects per sentence that every garbage collection of the young generation copied (a page of one-word lines is a
  // hundred thousand sentences); a second pass looking every token up again, and folding every word again for its
  // line's casing, were as much work as the look-up. `segment` gives every token to `words`, in order: sentence after
  // sentence.
  const sentences = segment(text, pass?.lines, words);
  const ids = words.tokenIds;
  const wordInfos = words.infos;
  const infos: WordInfo[] = [];
  const cues = newDocCues();
  for (let s = 0, at = 0; s < sentences.length; s++) {
    const n = sentences[s].tokens.length;
    for (let i = 0; i < n; i++) infos[i] = wordInfos[ids[at + i]];
    addDocCues(cues, infos, 0, n, sentences[s].lineCase);
    at += n;
  }
  // Rules read ALL CAPS lines re-cased (the tagger keeps its own casing features for them).
  const tokenLists = sentences.map((s) => (s.lineCase === LineCase.AllCaps ? recaseAllCaps(s.tokens, isCommon) : s.tokens));
  const seenLower = (w: string): boolean => (cuesOf(cues, words.infoOf(w).lowerText) & CUE_LOWER) !== 0;
  const headings = sentences.map((s) => isHeadingLine(s.tokens));
  const headingWords = new Set<string>();
  for (let s = 0, at = 0; s < sentences.length; at += sentences[s].tokens.length, s++) {
    if (headings[s]) for (let i = 0; i < sentences[s].tokens.length; i++) headingWords.add(wordInfos[ids[at + i]].lowerText);
  }
  const documentTests: CommonWordTests = {
    isCommon,
    seenLower,
    seenCapitalisedMid: (w) => (cuesOf(cues, words.infoOf(w).lowerText) & CUE_CAP_MID) !== 0,
    inHeading: (w) => headingWords.has(words.infoOf(w).lowerText),
  };
  const logged = pass ? new LoggedTests(documentTests) : undefined;
  const commonTests: CommonWordTests = logged ?? documentTests;
  /** Each in-document memo key's test log, for a sentence whose spans come from that memo. */
  const logsByMemoKey = pass ? new Map<string, TestLog>() : undefined;
  const spans: TokenSpan[][] = [];
  const memory = new DocMemory(buffers);
  // The rules' spans of sentences met before in this document (see sentenceRuleMemo.ts).
  const memo = new SentenceRuleMemo();
  // The sentence's word facts, in an array reused from sentence to sentence.
  for (let s = 0, at = 0; s < sentences.length; at += sentences[s].tokens.length, s++) {
    if ((s & 31) === 31) throwIfCancelled(token);
    const sentenceTokens = sentences[s].tokens;
    const n = sentenceTokens.length;
    for (let i = 0; i < n; i++) infos[i] = wordInfos[ids[at + i]];
    let hash = 0;
    if (pass) {
      hash = sentenceHash(sentenceTokens, sentences[s].lineCase, headings[s]);
      const before = pass.offer(hash, sentenceTokens, sentences[s].lineCase, headings[s]);
      if (before !== undefined && cuesHold(before, infos, n, cues) && testsHold(before.log, documentTests) && replayMemory(before, infos, n, memory)) {
        pass.keep(before);
        spans.push(shiftedSpans(before.spans, n ? sentenceTokens[0].start : 0));
        continue;
      }
    }
    const ctx = contextOf(infos, n, sentences[s].lineCase, cues);
    const memoryReads = pass ? new Uint8Array(n).fill(NOT_READ) : undefined;
    // Without a memo, no sentence's labels are kept past it: one buffer serves them all.
    const base: BaseScores = { values: words.scores, at: offsets.of(ids, at, n) };
    const labels = tagSentenceLazy(model, ctx, base, N_INTRINSIC, memory, memoryReads, pass === undefined);
    const tok = tokenLists[s];
    const key = memo.keyOf(sentenceTokens, labels, sentences[s].lineCase, headings[s], ids, at);
    const known = key === undefined ? undefined : memo.get(key, sentenceTokens[0].start);
    if (known !== undefined) {
      const log = logsByMemoKey?.get(key!);
      if (pass && log) pass.keep({ identity: sentenceIdentity(hash, sentenceTokens, sentences[s].lineCase, headings[s]), labels, memoryReads: memoryReads!, cues: cueBitsOf(infos, n, cues, memoryReads!), spans: shiftedSpans(known, -sentenceTokens[0].start), log });
      spans.push(known);
      continue;
    }
    const log = logged ? (logged.log = newTestLog()) : undefined;
    const cleaned: TokenSpan[] = [];
    for (const raw of spansFromLabels(labels, n)) {
      const parts = splitAtLowerWords(tok, raw);
      if (parts === undefined) {
        const c = cleanSpan(tok, raw);
        if (c) cleaned.push(c);
        continue;
      }
      for (const part of parts) {
        const c = cleanSpan(tok, part);
        if (c) cleaned.push(c);
      }
    }
    let list = applySpanRules(tok, extendPersons(tok, joinSpans(tok, cleaned)));
    list = nameStructureRules(tok, joinOrgChains(tok, numberedEvents(tok, joinOfChains(tok, splitCoordinatedOrgs(tok, list)))));
    if (sentences[s].lineCase !== LineCase.Normal) list = namesAfterRoles(tok, trimHeadline(tok, list, model.commonWords), isCommon);
    else list = namesAfterRoles(tok, list);
    // After a headline's names are cut (`Opens New Bridge In [Kampong Cham]`): the parts are typed by their own words.
    list = typeByClassNouns(tok, list);
    list = dropCommonSpans(tok, dropNonNames(tok, keepPlacesWhole(tok, ctx.gaz, quotedNames(tok, list))), commonTests, headings[s]);
    list = cutAtScores(tok, hyphenModifiers(tok, acronymsInBrackets(tok, list)));
    const found: TokenSpan[] = [];
    for (const sp of placesInLists(tok, list)) {
      for (const part of splitHyphenPlaces(tok, sp)) if (part.to - part.from <= MAX_NAME_TOKENS) found.push(part);
    }
    if (key !== undefined) memo.set(key, sentenceTokens[0].start, found);
    if (pass) {
      logged!.log = undefined;
      if (key !== undefined) logsByMemoKey!.set(key, log!);
      const at = n ? sentenceTokens[0].start : 0;
      pass.keep({ identity: sentenceIdentity(hash, sentenceTokens, sentences[s].lineCase, headings[s]), labels, memoryReads: memoryReads!, cues: cueBitsOf(infos, n, cues, memoryReads!), spans: shiftedSpans(found, -at), log: log! });
    }
    spans.push(found);
  }
  throwIfCancelled(token);
  pass?.finish();
  propagateNames(tokenLists, spans, seenLower);
  const out: RecognizedEntity[] = [];
  spans.forEach((list, s) => {
    for (const sp of mergeAdjacentPersons(list, MAX_NAME_TOKENS)) out.push(toEntity(text, tokenLists[s], sp));
  });
  return addNestedNames(markOwnerCountries(text, out));
}

/**
 * Complements, numbers, dateline sources, Vietnamese names and holidays, called from a function of their own:
 * recognition measured faster so than with the calls written in `recognize`'s loop (CoNLL-2003 valid, the best of 15
 * rounds' CPU time, 141 against 160 ms, 2026-12-03).
 */
function nameStructureRules(tok: readonly Token[], list: TokenSpan[]): TokenSpan[] {
  return holidayNames(tok, vietnameseNames(tok, datelineSources(tok, numberedNames(tok, joinComplements(tok, list)))));
}

function toEntity(text: string, tokens: readonly Token[], sp: TokenSpan): RecognizedEntity {
  const start = sp.start ?? tokens[sp.from].start;
  const end = sp.end ?? tokens[sp.to - 1].end;
  const entity = { start, end, text: text.slice(start, end), type: sp.type };
  if (sp.type !== 'PERSON' || sp.start !== undefined) return entity;
  const k = titleStart(tokens, sp.from, 0);
  if (k >= sp.from) return entity;
  // One object with the title (a page of titled names made a second one for each by a spread).
  return { start, end, text: entity.text, type: sp.type, title: text.slice(tokens[k].start, tokens[sp.from - 1].end) };
}
