/** White space as JavaScript's `\s` reads it, one UTF-16 code unit at a time, without a regular expression. */

/** Whether code unit `c` is white space (`/\s/`). */
export function isSpaceUnit(c: number): boolean {
  if (c <= 32) return c === 32 || (c >= 9 && c <= 13);
  if (c < 0xa0) return false;
  return c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}

/**
 * `text.slice(from, to).replace(/\s+/g, ' ')`: each run of white space made one space. A stretch that needs no change
 * (single plain spaces, the common case) is returned as the slice, with no replacement run over it.
 */
export function collapseSpaces(text: string, from: number, to: number): string {
  let previousSpace = false;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    const space = isSpaceUnit(c);
    if (space && (previousSpace || c !== 32)) return text.slice(from, to).replace(/\s+/g, ' ');
    previousSpace = space;
  }
  return text.slice(from, to);
}
