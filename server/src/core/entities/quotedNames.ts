/**
 * A quoted Title Case phrase (`“Asean-Russia Consultation of High Representatives for Security Issues”`) is one
 * name, not several: when the tagger found names inside it, they are replaced by one span over the whole phrase,
 * an ORG when an organisation head word occurs in it, else MISC (a title: of an event, a work, a campaign), the type
 * also given to an organisation or MISC span the tagger found over the whole phrase.
 */
import * as gazetteer from './gazetteer/index';
import type { TokenSpan } from './spans';
import type { Token } from './tokenize';
import * as initialCase from './initialCase';
// Module-local copies (cross-module bindings may be getters under some loaders); regular expressions compiled once.
const { isCapitalised } = initialCase;

const { foldKey } = gazetteer;

/** Opening quote → its closing quote (a lone `'`/`’` is too often an apostrophe to count). */
const PAIRS = new Map([['"', '"'], ['“', '”'], ['«', '»']]);
const INNER = new Set(['of', 'for', 'the', 'and', 'in', 'on', 'to', '&', '-', '–', '—', "'s", '’s', "'", '’']);
const ORG_HEADS = new Set([
  'association', 'ministry', 'academy', 'party', 'committee', 'commission', 'council', 'union', 'federation',
  'institute', 'university', 'school', 'army', 'police', 'agency', 'department', 'front', 'organisation', 'organization',
]);
const MAX_LEN = 16;

export function quotedNames(tokens: readonly Token[], spans: readonly TokenSpan[]): TokenSpan[] {
  let out = spans as TokenSpan[];
  for (let q = 0; q < tokens.length; q++) {
    const close = PAIRS.get(tokens[q].text);
    if (close === undefined) continue;
    let e = q + 1;
    let caps = 0;
    while (e < tokens.length && e - q <= MAX_LEN && tokens[e].text !== close) {
      const t = tokens[e].text;
      if (isCapitalised(t)) caps++;
      else if (!INNER.has(t)) break;
      e++;
    }
    if (e >= tokens.length || tokens[e].text !== close || caps < 3) continue;
    const from = q + 1;
    const to = e;
    if (!isCapitalised(tokens[to - 1].text)) continue;
    const named = withQuotedName(tokens, out, from, to);
    if (named === undefined) continue;
    out = named;
    q = e;
  }
  return out;
}

/**
 * The spans with the quoted phrase `[from, to)` made one name, or undefined when they are left as they are (apart from
 * the loop: see `TokenSpan`).
 */
function withQuotedName(tokens: readonly Token[], spans: TokenSpan[], from: number, to: number): TokenSpan[] | undefined {
  const inside = spans.filter((s) => s.from < to && s.to > from);
  if (inside.length === 0 || inside.some((s) => s.from < from || s.to > to)) return undefined;
  let org = false;
  for (let i = from; i < to; i++) if (ORG_HEADS.has(foldKey(tokens[i].text))) org = true;
  // One span over the whole phrase already: an organisation or MISC takes the phrase's type (a person or a place
  // the tagger found whole keeps its own).
  const whole = inside.length === 1 && inside[0].from === from && inside[0].to === to;
  if (whole && (inside[0].type === 'PERSON' || inside[0].type === 'LOCATION' || inside[0].type === (org ? 'ORG' : 'MISC'))) return undefined;
  const out = spans.filter((s) => !inside.includes(s));
  out.push({ from, to, type: org ? 'ORG' : 'MISC' });
  out.sort((x, y) => x.from - y.from || (x.start ?? 0) - (y.start ?? 0));
  return out;
}
