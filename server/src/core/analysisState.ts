/**
 * One article's analysis state as plain numbers, for hosts that keep analyses between runs (the persistent cache in
 * node/analysisCache.ts): what the recogniser found in a text, without the text. Names and titles are offsets into
 * the text they were found in, so the state is only valid for that very text (hosts key it by a hash of the text and
 * by ANALYSIS_VERSION and the model's identity). Decoding checks every offset and gives up on anything odd (the host
 * then analyses the text again): a bad state is never an error.
 */
import { ENTITY_TYPES, type CancellationToken, type RecognizedEntity } from './types';
import type { EntityRecognizer } from './entities/recognizer';
import { DEFAULT_MIN_PASSAGE_CHARS } from './boilerplate/index';
import { summarizeBoilerplate, type BoilerplateSummary } from './boilerplate/summary';
import { recognizeDocumentDates } from './dates/index';
import { encodeDates, storedDateOptions, type StoredDates } from './dates/storedDates';

/**
 * Bumped whenever the recogniser's output for a given text and model can change (a rule, the tokeniser, the
 * encoding below), and since version 7 whenever the dates resolved for a given text can (a rule or a resolution text
 * in core/dates, dates/storedDates.ts): states written under another version are not used. (The server's and the
 * CLI's caches are also keyed on a hash of their bundled code; a cache without that key, as tests keep, relies on this.)
 */
export const ANALYSIS_VERSION = 7;

/**
 * Five numbers a name: start, end, type (index in ENTITY_TYPES), title start and end (-1 -1 when none); any other
 * field of a name (such as `nested`), when plain (string, number, boolean), in `extra` by the name's index.
 */
export interface ArticleState {
  readonly entities: readonly number[] | Int32Array;
  readonly extra?: readonly (readonly [number, Readonly<Record<string, Plain>>])[];
  /** What the corpus-wide boilerplate index needs of the text (boilerplate/summary.ts), when it was made. */
  readonly boilerplate?: BoilerplateSummary;
  /**
   * Its dates, resolved with the default day order (dates/storedDates.ts): what the timeline and the diagnostics of
   * dates read, so that a reopened corpus resolves no date again. Since version 7.
   */
  readonly dates?: StoredDates;
}

/**
 * The whole state of one article, made away from the host's main thread (an analysis worker): its names, its
 * boilerplate summary and its dates (resolved with the default day order). Undefined when the names cannot be
 * written (not expected).
 */
export function analyseArticle(text: string, recognizer: EntityRecognizer, token?: CancellationToken): ArticleState | undefined {
  const names = analyseArticleNames(text, recognizer, token);
  return names && withRest(names, analyseArticleRest(text, token));
}

/**
 * The part of an article's state that the corpus-wide clustering reads, its names: what `analyseArticle` gives less
 * its boilerplate summary and dates (`analyseArticleRest`), which an indexing can have made while it clusters.
 */
export function analyseArticleNames(text: string, recognizer: EntityRecognizer, token?: CancellationToken): ArticleState | undefined {
  return encodeArticleState(text, recognizer.recognize(text, token));
}

/** The rest of an article's state: its boilerplate summary, and its dates when they can be written. */
export type ArticleRest = Pick<ArticleState, 'boilerplate' | 'dates'>;

export function analyseArticleRest(text: string, token?: CancellationToken): ArticleRest {
  const boilerplate = summarizeBoilerplate(text, DEFAULT_MIN_PASSAGE_CHARS).summary;
  const dates = encodeDates(text, undefined, recognizeDocumentDates(text, storedDateOptions(undefined), token));
  return { boilerplate, ...(dates ? { dates } : {}) };
}

/** An article's whole state from its names' (`analyseArticleNames`) and the rest (`analyseArticleRest`). */
export function withRest(names: ArticleState, rest: ArticleRest): ArticleState {
  return { ...names, ...(rest.boilerplate ? { boilerplate: rest.boilerplate } : {}), ...(rest.dates ? { dates: rest.dates } : {}) };
}

type Plain = string | number | boolean;

const FIELDS = 5;
/** The fields the numbers hold. */
const CORE_FIELDS = new Set(['start', 'end', 'text', 'type', 'title']);

/**
 * The state of `entities` found in `text` (with the text's boilerplate summary, when given); undefined when one of
 * them cannot be written (not expected).
 */
export function encodeArticleState(text: string, entities: readonly RecognizedEntity[], boilerplate?: BoilerplateSummary): ArticleState | undefined {
  const out = new Array<number>(entities.length * FIELDS);
  const extra: [number, Record<string, Plain>][] = [];
  let k = 0;
  for (let i = 0; i < entities.length; i++) {
    const e = entities[i];
    const type = ENTITY_TYPES.indexOf(e.type);
    if (type < 0 || !spells(text, e.start, e.end, e.text)) return undefined;
    let more: Record<string, Plain> | undefined;
    // Own fields read in place (no array of pairs per name: a page has tens of thousands of names).
    for (const field in e) {
      if (!Object.hasOwn(e, field) || CORE_FIELDS.has(field)) continue;
      const value = (e as unknown as Record<string, unknown>)[field];
      if (value === undefined) continue;
      if (typeof value !== 'string' && typeof value !== 'number' && typeof value !== 'boolean') return undefined;
      (more ??= {})[field] = value;
    }
    if (more) extra.push([i, more]);
    let titleStart = -1;
    let titleEnd = -1;
    if (e.title !== undefined) {
      // The title is the text just before the name (titles.ts); found again by its place.
      titleStart = text.lastIndexOf(e.title, e.start - e.title.length);
      titleEnd = titleStart + e.title.length;
      if (titleStart < 0 || titleEnd > e.start) return undefined;
    }
    out[k++] = e.start;
    out[k++] = e.end;
    out[k++] = type;
    out[k++] = titleStart;
    out[k++] = titleEnd;
  }
  return { entities: out, ...(extra.length ? { extra } : {}), ...(boilerplate ? { boilerplate } : {}) };
}

/** The entities a state describes in `text`; undefined when the state does not fit the text. */
export function decodeArticleState(text: string, state: unknown): RecognizedEntity[] | undefined {
  const out: RecognizedEntity[] = [];
  return readArticleState(text, state, out) ? out : undefined;
}

/** Whether a state fits `text` (`decodeArticleState` would give its entities), without making them. */
export function fitsArticleState(text: string, state: unknown): boolean {
  return readArticleState(text, state, undefined);
}

/** Checks `state` against `text`, and puts the entities it describes in `out` when given. */
function readArticleState(text: string, state: unknown, out: RecognizedEntity[] | undefined): boolean {
  const list = (state as { entities?: unknown } | undefined)?.entities as ArrayLike<number> | undefined;
  if (!(Array.isArray(list) || list instanceof Int32Array) || list.length % FIELDS !== 0) return false;
  const extraList = (state as ArticleState).extra ?? [];
  if (!Array.isArray(extraList)) return false;
  const extra = new Map<number, Record<string, Plain>>();
  for (const item of extraList) {
    if (!Array.isArray(item) || !Number.isInteger(item[0]) || !item[1] || typeof item[1] !== 'object') return false;
    extra.set(item[0], item[1]);
  }
  const n = text.length;
  for (let k = 0; k < list.length; k += FIELDS) {
    const start = list[k];
    const end = list[k + 1];
    const type = list[k + 2];
    const titleStart = list[k + 3];
    const titleEnd = list[k + 4];
    if (!Number.isInteger(start) || !Number.isInteger(end) || !(start >= 0 && start < end && end <= n)) return false;
    const entityType = ENTITY_TYPES[type];
    if (!Number.isInteger(type) || entityType === undefined) return false;
    if ((titleStart !== -1 || titleEnd !== -1) && !(Number.isInteger(titleStart) && Number.isInteger(titleEnd) && titleStart >= 0 && titleStart < titleEnd && titleEnd <= start)) return false;
    const more = extra.get(k / FIELDS);
    if (more) {
      for (const [field, value] of Object.entries(more)) {
        if (CORE_FIELDS.has(field) || (typeof value !== 'string' && typeof value !== 'number' && typeof value !== 'boolean')) return false;
      }
    }
    if (out) out.push(entityOf(text, list, k, more));
  }
  return true;
}

/** The entity of the numbers at `k` (checked already) and its other fields. */
function entityOf(text: string, list: ArrayLike<number>, k: number, more: Record<string, Plain> | undefined): RecognizedEntity {
  const start = list[k];
  const end = list[k + 1];
  const titleStart = list[k + 3];
  const entity: { -readonly [K in keyof RecognizedEntity]: RecognizedEntity[K] } = { start, end, text: text.slice(start, end), type: ENTITY_TYPES[list[k + 2]] };
  if (titleStart !== -1 || list[k + 4] !== -1) entity.title = text.slice(titleStart, list[k + 4]);
  return more ? { ...entity, ...more } : entity;
}

/**
 * The `i`th entity of a state that fits `text` (checked by `fitsArticleState` or made by `encodeArticleState`), made
 * alone: equal to `decodeArticleState(text, state)[i]`, without the list.
 */
export function articleStateEntityAt(text: string, numbers: ArrayLike<number>, extra: ArticleState['extra'], i: number): RecognizedEntity {
  // `extra` is in the order of the entities (encodeArticleState): found by halving.
  let more: Record<string, Plain> | undefined;
  if (extra) {
    let lo = 0;
    let hi = extra.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (extra[mid][0] < i) lo = mid + 1;
      else hi = mid;
    }
    if (extra[lo]?.[0] === i) more = extra[lo][1];
  }
  return entityOf(text, numbers, i * FIELDS, more);
}

/** Whether `text` holds `word` at `[start, end)`, as `text.slice(start, end) === word`, without making the slice. */
function spells(text: string, start: number, end: number, word: string): boolean {
  if (Number.isInteger(start) && Number.isInteger(end) && start >= 0 && end <= text.length && end - start === word.length) return text.startsWith(word, start);
  return text.slice(start, end) === word;
}
