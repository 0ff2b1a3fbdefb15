/**
 * A multi-word place or organisation the gazetteer knows (`Việt Nam`, `Phnom Penh`, `Ho Chi Minh City`, `Asian
 * Development Bank`) is never cut by a span boundary: spans inside it become one LOCATION (one ORG), and a span
 * reaching into it from outside is widened over it.
 */
import { Gaz } from './gazetteer/index';
import type { TokenSpan } from './spans';
import type { Token } from './tokenize';
import * as initialCase from './initialCase';
// Module-local copies (cross-module bindings may be getters under some loaders); regular expressions compiled once.
const { startsUpper } = initialCase;

const PLACE: number = Gaz.Country | Gaz.City | Gaz.Province | Gaz.Region;
const KNOWN: number = PLACE | Gaz.OrgName;
const STARTS = 0x10000;

/** `gaz` is the sentence's `matchGazetteer` result (bits per token, `1 << 16` where a phrase starts). */
export function keepPlacesWhole(tokens: readonly Token[], gaz: Int32Array, spans: readonly TokenSpan[]): TokenSpan[] {
  // The spans are read in `wholeOver`, called for a known phrase only (see `TokenSpan`).
  let out = spans as TokenSpan[];
  for (let a = 0; a < tokens.length; a++) {
    if (!(gaz[a] & STARTS) || !(gaz[a] & KNOWN)) continue;
    let b = a + 1;
    while (b < tokens.length && !(gaz[b] & STARTS) && (gaz[b] & KNOWN) === (gaz[a] & KNOWN)) b++;
    if (b - a < 2 || !startsUpper(tokens[a].text)) continue;
    const whole = wholeOver(out, gaz, a, b);
    if (whole === undefined) continue;
    out = whole;
    a = b - 1;
  }
  return out;
}

/**
 * The spans with those touching the known phrase `[a, b)` made one over it (and over what they cover beyond it), or
 * undefined when none cuts it.
 */
function wholeOver(spans: TokenSpan[], gaz: Int32Array, a: number, b: number): TokenSpan[] | undefined {
  const touching = spans.filter((s) => s.start === undefined && s.from < b && s.to > a);
  if (touching.length === 0) return undefined;
  const cut = touching.length > 1 || touching.some((s) => (s.from > a && s.from < b) || (s.to > a && s.to < b));
  if (!cut) return undefined;
  const from = Math.min(a, ...touching.map((s) => s.from));
  const to = Math.max(b, ...touching.map((s) => s.to));
  const outer = touching.find((s) => s.from < a || s.to > b);
  const type = outer && outer.to - outer.from > 1 ? outer.type : gaz[a] & PLACE ? 'LOCATION' : 'ORG';
  const out = spans.filter((s) => !touching.includes(s));
  out.push({ from, to, type });
  out.sort((x, y) => x.from - y.from || (x.start ?? 0) - (y.start ?? 0));
  return out;
}
