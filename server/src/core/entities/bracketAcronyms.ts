/**
 * An acronym in brackets right after the name it abbreviates is that name's short form and takes its type: in
 * `the ASEAN Regional Forum (ARF)`, `ARF` is whatever the forum is, so the two are one entity when clustered. The
 * acronym must spell the name's initials (with or without its small words), so a dateline's source (`PHNOM PENH
 * (AKP)`) keeps its own type.
 */
import type { TokenSpan } from './spans';
import type { Token } from './tokenize';

const ACRONYM = /^\p{Lu}{2,8}$/u;
const STARTS_WITH_LETTER = /^\p{L}/u;
const SMALL = new Set(['of', 'the', 'and', 'for', 'in', 'on', 'at', 'to', 'a', 'an', '&', 'de', 'du', 'des', 'la', 'le', "'s", '’s']);

/** Whether `acronym` spells the initials of `tokens[from, to)`, all of them or those of its content words. */
function spellsInitials(acronym: string, tokens: readonly Token[], from: number, to: number): boolean {
  let all = '';
  let content = '';
  for (let i = from; i < to; i++) {
    // A hyphenated word gives the initial of each part (`Asia-Pacific` → `AP`).
    for (const part of tokens[i].text.split(/[-–]/)) {
      if (!STARTS_WITH_LETTER.test(part)) continue;
      const initial = part[0].toUpperCase();
      all += initial;
      if (!SMALL.has(part.toLowerCase())) content += initial;
    }
  }
  return acronym === all || acronym === content;
}

export function acronymsInBrackets(tokens: readonly Token[], spans: readonly TokenSpan[]): TokenSpan[] {
  let out = spans as TokenSpan[];
  for (let k = 1; k < out.length; k++) {
    const b = out[k];
    const a = out[k - 1];
    if (b.start !== undefined || a.start !== undefined || b.to - b.from !== 1 || a.type === b.type) continue;
    if (a.to !== b.from - 1 || b.to >= tokens.length) continue;
    if (tokens[b.from - 1].text !== '(' || tokens[b.to].text !== ')') continue;
    const acronym = tokens[b.from].text;
    if (!ACRONYM.test(acronym) || !spellsInitials(acronym, tokens, a.from, a.to)) continue;
    if (out === spans) out = [...spans];
    out[k] = { from: b.from, to: b.to, type: a.type };
  }
  return out;
}
