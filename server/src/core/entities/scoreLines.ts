/**
 * A results line (`Colchester 1 Hereford 1 Doncaster 3 Darlington 2`, `Hajduk 2 Proleter ( Z ) 0`) pairs names with
 * scores: a number there is no part of a name, and a span the tagger ran over one (`[Doncaster 3 Darlington]`,
 * `[Sloboda 4]`) is cut at it. A line is a results line when it has no lower-case word of three letters or more
 * (`v`, `bt` are allowed) and at least two names followed by a number of one to three digits; prose with numbered
 * names (`Route 13 and Route 9 were closed`) is not one.
 */
import type { TokenSpan } from './spans';
import type { Token } from './tokenize';
import { startsLower, startsUpper } from './initialCase';

const SCORE = /^\d{1,3}$/;

/** The scores' token indexes of a results line, or undefined when the tokens are no results line. */
function scoresOf(tokens: readonly Token[]): Set<number> | undefined {
  let scores: Set<number> | undefined;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i].text;
    if (t.length >= 3 && startsLower(t)) return undefined;
    const c = t.charCodeAt(0);
    if (c < 48 || c > 57 || i === 0 || !SCORE.test(t)) continue;
    const before = tokens[i - 1].text;
    if (startsUpper(before) || before === ')') (scores ??= new Set()).add(i);
  }
  return scores !== undefined && scores.size >= 2 ? scores : undefined;
}

export function cutAtScores(tokens: readonly Token[], spans: readonly TokenSpan[]): TokenSpan[] {
  // Most sentences have a lower-case word, or no span over a number: nothing to do.
  if (spans.length === 0) return spans as TokenSpan[];
  const scores = scoresOf(tokens);
  if (scores === undefined) return spans as TokenSpan[];
  const out: TokenSpan[] = [];
  for (const sp of spans) {
    let from = sp.from;
    if (sp.start === undefined) {
      for (let i = sp.from; i < sp.to; i++) {
        if (!scores.has(i)) continue;
        if (i > from) out.push({ from, to: i, type: sp.type });
        from = i + 1;
      }
    }
    if (from === sp.from) out.push(sp);
    else if (from < sp.to) out.push({ from, to: sp.to, type: sp.type });
  }
  return out;
}
