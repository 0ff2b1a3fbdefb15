/**
 * The country a country word names: the country itself (`Laos`, `Vietnam`, `Việt Nam`), or the country of a
 * nationality adjective (`Lao`, `Laotian`, `Vietnamese`, `Thai`), found by the longest common beginning of the two
 * words (at least three letters, and all of the shorter word but its last letter). Folded keys in; out, the
 * country's folded words joined without spaces (`Viet Nam`, `Vietnam` and `Vietnamese` all give `vietnam`).
 */
import { COUNTRIES } from './gazetteer/countries';
import { DEMONYMS } from './gazetteer/demonyms';
import { nameTokens } from './nameKey';

let table: Map<string, string> | undefined;

function build(): Map<string, string> {
  const out = new Map<string, string>();
  const single = new Set<string>();
  for (const c of COUNTRIES) {
    const key = nameTokens(c).join(' ');
    if (!key) continue;
    // Written with or without spaces (`Viet Nam`, `Vietnam`), a country has one key: its words joined.
    const joined = key.replace(/ /g, '');
    out.set(key, joined);
    out.set(joined, joined);
    single.add(joined);
  }
  for (const d of DEMONYMS) {
    const dk = nameTokens(d).join(' ');
    if (!dk || dk.includes(' ') || out.has(dk)) continue;
    let best: string | undefined;
    let bestLen = 0;
    let tie = false;
    for (const c of single) {
      let p = 0;
      while (p < c.length && p < dk.length && c[p] === dk[p]) p++;
      if (p < 3 || p < Math.min(c.length, dk.length) - 1) continue;
      // Equal beginnings: the shorter country (`Lao` → `Laos`, not `Lao PDR`); of one length, none.
      if (p > bestLen || (p === bestLen && best !== undefined && c.length < best.length)) { best = c; bestLen = p; tie = false; } else if (p === bestLen && best !== undefined && c.length === best.length) tie = true;
    }
    if (best && !tie) out.set(dk, best);
  }
  return out;
}

/** Folded key of the country that `key` (a folded word or words) names or is the nationality of, if any. */
export function countryOfKey(key: string): string | undefined {
  return (table ??= build()).get(key);
}
