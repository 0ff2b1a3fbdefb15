/**
 * A rough tense of the clause around an expression, enough to place a year-less date before or
 * after the article's date the way HeidelTime does for news: the nearest tense marker wins.
 */
export type Tense = 'past' | 'present' | 'future';

const FUTURE = new Set(['will', 'shall', "'ll", 'would', 'upcoming', 'scheduled', 'expected', 'plans', 'going', 'forthcoming', 'due', 'next']);
/** Verbs of saying: they date the report, not the event, so they count only when nothing nearer does. */
const REPORTING = new Set(['said', 'says', 'say', 'told', 'added', 'reported', 'announced', 'stated', 'noted', 'quoted', 'according']);
const PRESENT = new Set(['is', 'are', 'am', 'says', 'say', 'remains', 'continues', 'being', 'according']);
const PAST = new Set([
  'was', 'were', 'had', 'has', 'have', 'did', 'said', 'told', 'held', 'met', 'took', 'made', 'came', 'went', 'gave',
  'began', 'saw', 'got', 'led', 'left', 'sent', 'won', 'lost', 'spoke', 'wrote', 'became', 'brought', 'found',
  'kept', 'paid', 'rose', 'fell', 'ran', 'hit', 'struck', 'shot', 'fought', 'sought', 'stood', 'thought', 'built',
  'last', 'ago', 'earlier', 'been', 'ended', 'began', 'chose', 'drew', 'flew', 'grew', 'knew', 'laid', 'meant',
  'sold', 'spent', 'taught', 'understood', 'woke', 'wore', 'broke', 'froze',
]);
/** -ed words that are usually adjectives or not verbs at all. */
const NOT_PAST = new Set([
  'need', 'red', 'bed', 'speed', 'seed', 'feed', 'proceed', 'exceed', 'succeed', 'indeed', 'embed', 'hundred', 'shed',
  'united', 'limited', 'related', 'based', 'concerned', 'advanced', 'armed', 'interested', 'detailed', 'skilled',
  'called', 'so-called', 'used', 'supposed', 'tired', 'talented', 'aged', 'naked', 'sacred', 'wicked', 'ragged',
  'expected', 'planned', 'reported', 'scheduled', 'proposed', 'intended', 'anticipated', 'kindred', 'biased', 'dedicated',
]);

const CLAUSE_BREAK = new Set(['and', 'but', 'while', 'whereas', 'although', 'though']);

/** Bounds of the sentence (or line) containing [start, end), at most `reach` characters each way. */
export function sentenceBounds(text: string, start: number, end: number, reach = 160): [number, number] {
  let s = start;
  const minS = Math.max(0, start - reach);
  while (s > minS) {
    const c = text.charCodeAt(s - 1);
    if (c === 10 || ((c === 46 || c === 33 || c === 63) && /\s/.test(text.charAt(s)) && !/\b(?:[A-Z][a-z]{0,3}|[A-Z])$/.test(text.slice(Math.max(0, s - 6), s - 1)))) break;
    s--;
  }
  let e = end;
  const maxE = Math.min(text.length, end + reach);
  while (e < maxE) {
    const c = text.charCodeAt(e);
    if (c === 10 || ((c === 46 || c === 33 || c === 63) && (e + 1 >= text.length || /\s/.test(text.charAt(e + 1))) && !/\b(?:[A-Z][a-z]{0,3}|[A-Z])$/.test(text.slice(Math.max(0, e - 5), e)))) break;
    e++;
  }
  return [s, e];
}

/** Verbs of intent: `agreed to set up`, `pledged to hold` look ahead whatever their own tense. */
const INTENT = new Set(['agreed', 'agree', 'agrees', 'pledged', 'pledge', 'decided', 'vowed', 'promised', 'planned', 'plan', 'plans', 'aims', 'aim', 'aimed', 'intends', 'intended', 'hopes', 'hoped', 'hope', 'committed', 'expects', 'expected', 'wants', 'wanted', 'sought', 'seeks', 'set', 'prepared', 'preparing', 'ready']);

function classify(word: string, prev: string): Tense | undefined {
  const w = word.toLowerCase();
  if (w === 'to') return INTENT.has(prev.toLowerCase()) ? 'future' : undefined;
  if (FUTURE.has(w)) return w === 'going' && prev !== 'is' && prev !== 'are' ? undefined : 'future';
  // "will be held", "to be made": a participle after an infinitive auxiliary takes the tense of the verb before it.
  if (PAST.has(w)) return prev === 'be' || prev === 'Be' || prev === 'being' ? undefined : 'past';
  if (PRESENT.has(w)) return 'present';
  if (w.length > 4 && w.endsWith('ed') && !NOT_PAST.has(w)) {
    const p = prev.toLowerCase();
    // "is based", "to be held": a participle after a present or infinitive auxiliary is not past.
    if (p === 'is' || p === 'are' || p === 'be' || p === 'to' || p === 'being') return undefined;
    return 'past';
  }
  return undefined;
}

/** Tense of the clause around [start, end): the marker nearest to the expression wins. */
export function tenseAround(text: string, start: number, end: number): Tense | undefined {
  const [s, e] = sentenceBounds(text, start, end);
  let best: Tense | undefined;
  let bestDist = Infinity;
  let prev = '';
  // The expression opens its sentence ("On Monday, the ministry said …"): at most two words before it.
  const fronted = wordsBefore(text, s, start) <= 2;
  // The sentence's words (runs of ASCII letters and apostrophes), read in place: a page of dates asks for the
  // tense of every expression in its sentences.
  for (let a = nextWordStart(text, s, e); a < e; ) {
    let b = a + 1;
    while (b < e && isWordUnit(text.charCodeAt(b))) b++;
    const at = a;
    const word = text.slice(a, b);
    a = nextWordStart(text, b, e);
    if (at >= start && at < end) { prev = word; continue; }
    const w = word.toLowerCase();
    // After the expression, a coordinating conjunction starts another clause ("held it before Easter and will
    // close"): its verbs do not govern the expression when the clause it is in has a tense already.
    if (at >= end && best !== undefined && CLAUSE_BREAK.has(w)) break;
    const t = classify(word, prev);
    prev = word;
    if (!t) continue;
    const dist = at < start ? start - (at + word.length) : at - end;
    // Words before the expression govern it a little more than words after it.
    let weighted = at < start ? dist : dist * 1.5;
    // A verb of saying right before the expression ("said on Saturday") or just after the phrase it opens ("On
    // Monday, the ministry said") does date it.
    if (REPORTING.has(w) && !(at < start && dist <= 5) && !(at >= end && dist <= 30 && fronted)) weighted = weighted * 4 + 200;
    else if (t === 'present') weighted *= 2;
    if (weighted < bestDist) { bestDist = weighted; best = t; }
  }
  return best;
}

/** A code unit of a word here: an ASCII letter or an apostrophe (`[A-Za-z']`). */
function isWordUnit(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 39;
}

/** The first index in `[from, to)` where a word starts, or `to`. */
function nextWordStart(text: string, from: number, to: number): number {
  let i = from;
  while (i < to && !isWordUnit(text.charCodeAt(i))) i++;
  return i;
}

/** The words in `[s, start)` after its last dash, colon or semicolon (`–`, `—`, `:`, `;`). */
function wordsBefore(text: string, s: number, start: number): number {
  let from = s;
  for (let i = start - 1; i >= s; i--) {
    const c = text.charCodeAt(i);
    if (c === 0x2013 || c === 0x2014 || c === 58 || c === 59) {
      from = i + 1;
      break;
    }
  }
  let n = 0;
  for (let a = nextWordStart(text, from, start); a < start; n++) {
    let b = a + 1;
    while (b < start && isWordUnit(text.charCodeAt(b))) b++;
    a = nextWordStart(text, b, start);
  }
  return n;
}
