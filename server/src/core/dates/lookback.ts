/**
 * Matching backwards from a keyword: the recognisers find a cheap anchor (a month name, a unit,
 * a four-digit number) with a fast regex, then test the words just before it with a `$`-anchored
 * regex on a short slice. Much faster than regexes that open with optional word alternations.
 */
export interface Behind {
  /** Offset in the document where the matched prefix starts. */
  readonly start: number;
  readonly match: RegExpExecArray;
}

/** Runs `re` (which must end with `$`) on the `reach` characters before `at`. */
export function behind(text: string, at: number, re: RegExp, reach = 40): Behind | undefined {
  const from = Math.max(0, at - reach);
  const m = re.exec(text.slice(from, at));
  return m ? { start: from + m.index, match: m } : undefined;
}
