/**
 * Named holidays and festivals are MISC (`ahead of Tết`, `the Songkran holiday`, `Boun That Luang celebrations`).
 * The tagger learned from CoNLL-2003's Reuters news, which names none, so it reads them as places or persons, or
 * passes them by; a closed list of the region's festivals and the holidays of world news names them instead. It is
 * matched on the folded words (`Tet` and `Tết` alike), and only where no name runs past it (`Tet Offensive` stays
 * what the tagger made of it).
 */
import * as gazetteer from './gazetteer/index';
import type { TokenSpan } from './spans';
import type { Token } from './tokenize';

// Module-local copies (cross-module bindings may be getters under some loaders).
const { foldKey } = gazetteer;

/** General knowledge: festivals of mainland Southeast Asia and China, and the holidays of world news. */
const HOLIDAYS = `
Tết|Tết Nguyên Đán|Songkran|Pi Mai|Boun Pi Mai|Bun Pi Mai|Pi Mai Lao|Boun That Luang|That Luang Festival|
Boun Ok Phansa|Ok Phansa|Boun Khao Phansa|Khao Phansa|Boun Bang Fai|Boun Suang Heua|Pchum Ben|Bon Om Touk|
Choul Chnam Thmey|Khmer New Year|Lao New Year|Thai New Year|Lunar New Year|Chinese New Year|Spring Festival|
Mid-Autumn Festival|Loy Krathong|Makha Bucha|Visakha Bucha|Asanha Bucha|Vesak|Thingyan|Ramadan|Eid al-Fitr|
Eid al-Adha|Christmas|Christmas Day|Christmas Eve|Easter|Good Friday|Thanksgiving|Thanksgiving Day|Diwali|Hanukkah|
Passover|New Year 's Day|New Year 's Eve
`
  .split('|')
  .map((s) => s.trim())
  .filter((s) => s.length > 0);

interface Table {
  readonly phrases: Set<string>;
  readonly longest: Map<string, number>;
  /** The first words as written (as listed, without marks, in capitals): most words are ruled out without a fold. */
  readonly firstForms: Set<string>;
}
let table: Table | undefined;

function getTable(): Table {
  if (table) return table;
  const phrases = new Set<string>();
  const longest = new Map<string, number>();
  const firstForms = new Set<string>();
  for (const h of HOLIDAYS) {
    // Written as the tokeniser splits them (`New Year 's Day`): the tokeniser is not called here, and its hot path
    // keeps the one kind of caller it has.
    const words = h.split(' ');
    const keys = words.map((w) => foldKey(w));
    phrases.add(keys.join(' '));
    longest.set(keys[0], Math.max(longest.get(keys[0]) ?? 0, keys.length));
    const first = words[0];
    const bare = first.normalize('NFD').replace(/\p{M}/gu, '').normalize('NFC');
    for (const f of [first, bare]) {
      firstForms.add(f);
      firstForms.add(f.toUpperCase());
    }
  }
  return (table = { phrases, longest, firstForms });
}

/** The length of the longest holiday starting at token `i` (0 if none). */
function holidayAt(tokens: readonly Token[], i: number): number {
  const { phrases, longest, firstForms } = getTable();
  const first = tokens[i].text;
  const c = first.charCodeAt(0);
  if ((c < 65 || c > 90) && c < 128) return 0;
  if (!firstForms.has(first)) return 0;
  const max = longest.get(foldKey(first));
  if (max === undefined) return 0;
  for (let n = Math.min(max, tokens.length - i); n >= 1; n--) {
    let key = foldKey(first);
    for (let j = i + 1; j < i + n; j++) key += ' ' + foldKey(tokens[j].text);
    if (phrases.has(key)) return n;
  }
  return 0;
}

/** Makes the holidays of one sentence MISC names (spans sorted). */
export function holidayNames(tokens: readonly Token[], spans: readonly TokenSpan[]): TokenSpan[] {
  let out = spans as TokenSpan[];
  for (let i = 0; i < tokens.length; i++) {
    const n = holidayAt(tokens, i);
    if (n === 0) continue;
    out = withHoliday(out, i, i + n) ?? out;
    i += n - 1;
  }
  return out;
}

/**
 * The spans with the holiday `[from, to)` made one MISC, or undefined when they are left as they are (apart from the
 * loop: see `TokenSpan`).
 */
function withHoliday(spans: TokenSpan[], from: number, to: number): TokenSpan[] | undefined {
  const touching = spans.filter((x) => x.from < to && x.to > from);
  if (touching.some((x) => x.start !== undefined || x.from < from || x.to > to)) return undefined;
  if (touching.length === 1 && touching[0].from === from && touching[0].to === to && touching[0].type === 'MISC') return undefined;
  return [...spans.filter((x) => !touching.includes(x)), { from, to, type: 'MISC' as const }].sort((a, b) => a.from - b.from);
}
