/**
 * A name joined to a participle by a hyphen (`Ohio-based`, `US-backed`, `Vietnamese-led`, `German-born`) is an
 * adjective made of a name: MISC, a name of its own (CoNLL-2003 marks it so: 52 of the 57 capitalised ones in its
 * training text). A span that ran on past it (`[Boston-based Reagan Communications]`) is cut after it, the rest
 * keeping its type; one the tagger missed (`a London-based analyst`) is added. A sentence's first word is taken only
 * when its stem is a place or a nationality the gazetteer knows (`Privately-owned` is no name).
 */
import { Gaz } from './gazetteer/index';
import * as gazetteer from './gazetteer/index';
import type { TokenSpan } from './spans';
import type { Token } from './tokenize';
import { startsUpper } from './initialCase';

// Module-local copies (cross-module bindings may be getters under some loaders).
const { foldKey, gazBitsOf } = gazetteer;
const KNOWN_STEM: number = Gaz.Country | Gaz.City | Gaz.Province | Gaz.Region | Gaz.Demonym;
const MODIFIER = /^(.+)-(based|born|led|backed|sponsored|controlled|run|owned|made|funded|bound)$/iu;

/** Whether token `i` is a name-and-participle adjective. */
function isNameModifier(tokens: readonly Token[], i: number, sentenceStart: boolean): boolean {
  const t = tokens[i].text;
  if (t.length < 6 || t.indexOf('-') < 0 || !startsUpper(t)) return false;
  const m = MODIFIER.exec(t);
  if (m === null) return false;
  return !sentenceStart || (gazBitsOf(foldKey(m[1])) & KNOWN_STEM) !== 0;
}

export function hyphenModifiers(tokens: readonly Token[], spans: readonly TokenSpan[]): TokenSpan[] {
  let out: TokenSpan[] | undefined;
  for (let i = 0; i < tokens.length; i++) {
    const c = tokens[i].text.charCodeAt(0);
    // Most tokens start with a lower-case letter, a digit or a mark: no look at them.
    if (c < 65 || (c > 90 && c < 192)) continue;
    if (!isNameModifier(tokens, i, i === 0)) continue;
    const list = out ?? [...spans];
    const k = wholeSpanAt(list, i);
    if (k < 0) {
      list.push({ from: i, to: i + 1, type: 'MISC' });
    } else {
      const sp = list[k];
      if (sp.type === 'MISC' && sp.to === i + 1) continue;
      const parts: TokenSpan[] = [{ from: sp.from, to: i + 1, type: 'MISC' }];
      if (i + 1 < sp.to) parts.push({ from: i + 1, to: sp.to, type: sp.type });
      list.splice(k, 1, ...parts);
    }
    list.sort((x, y) => x.from - y.from || (x.start ?? 0) - (y.start ?? 0));
    out = list;
  }
  return out ?? (spans as TokenSpan[]);
}

/**
 * The index of the span over whole tokens (not one place of a hyphenated pair such as `Vietnam-Laos`) covering token
 * `i`, or -1 (apart from the loop: see `TokenSpan`).
 */
function wholeSpanAt(spans: readonly TokenSpan[], i: number): number {
  for (let k = 0; k < spans.length; k++) if (spans[k].start === undefined && spans[k].from <= i && spans[k].to > i) return k;
  return -1;
}
