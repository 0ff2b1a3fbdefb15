/**
 * An article's diagnostics made again after an edit, with each one that did not change replaced by the object made for
 * it last time. The server keeps what it last published for each open article (to send nothing when a pass finds the
 * same); an edit of a 100 KB article made its 2,000 diagnostics again, 16,000 objects (1.1 MB) that lived until the
 * next keystroke: long enough to be moved to the old generation at every keystroke, where they made half the garbage
 * that brought on a full collection of the whole heap (a pause of 200-400 ms at 10,000 articles) every 35 keystrokes.
 * Kept this way, a keystroke keeps the objects of the diagnostics it changed, and the new array.
 */
import type { Diagnostic } from 'vscode-languageserver';

/**
 * `next`, with each diagnostic equal to one of `previous` at the same place replaced by that one. Both are in the order
 * of their places (line, then character): what is compared is the diagnostics of `previous` that start where each of
 * `next`'s starts. Returns `next` itself (changed in place) for the caller to keep.
 */
export function shareUnchanged(previous: readonly Diagnostic[], next: Diagnostic[]): Diagnostic[] {
  let j = 0;
  for (let i = 0; i < next.length; i++) {
    const d = next[i];
    const line = d.range.start.line;
    const character = d.range.start.character;
    while (j < previous.length && before(previous[j], line, character)) j++;
    for (let k = j; k < previous.length; k++) {
      const p = previous[k];
      if (p.range.start.line !== line || p.range.start.character !== character) break;
      if (sameDiagnostic(p, d)) {
        next[i] = p;
        // Diagnostics are values, never changed once made: an object may stand for two equal ones at one place.
        if (k === j) j++;
        break;
      }
    }
  }
  return next;
}

function before(d: Diagnostic, line: number, character: number): boolean {
  const s = d.range.start;
  return s.line < line || (s.line === line && s.character < character);
}

/** Whether two diagnostics say the same: their scalar fields first (most differ there), then the others of the protocol's in depth. */
export function sameDiagnostic(a: Diagnostic, b: Diagnostic): boolean {
  if (a === b) return true;
  const ra = a.range, rb = b.range;
  if (ra.end.line !== rb.end.line || ra.end.character !== rb.end.character || ra.start.line !== rb.start.line || ra.start.character !== rb.start.character) return false;
  if (a.severity !== b.severity || a.code !== b.code || a.source !== b.source || a.message !== b.message) return false;
  return sameJson(a.data, b.data) && sameJson(a.tags, b.tags) && sameJson(a.relatedInformation, b.relatedInformation) && sameJson(a.codeDescription, b.codeDescription);
}

/**
 * Whether two values made of plain objects, arrays and scalars (what a diagnostic is) are equal in depth, reading the
 * values only. With Node's `isDeepStrictEqual`, which allocates as it compares, in its place, typing into the 100 KB
 * article of a 10,000-article workspace went from p50 15 to 36 ms in one run.
 */
function sameJson(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  const arrayA = Array.isArray(a);
  if (arrayA !== Array.isArray(b)) return false;
  if (arrayA) {
    const x = a as unknown[], y = b as unknown[];
    if (x.length !== y.length) return false;
    for (let i = 0; i < x.length; i++) if (!sameJson(x[i], y[i])) return false;
    return true;
  }
  const x = a as Record<string, unknown>, y = b as Record<string, unknown>;
  let keys = 0;
  for (const k in x) {
    if (!Object.prototype.hasOwnProperty.call(y, k) || !sameJson(x[k], y[k])) return false;
    keys++;
  }
  for (const _ in y) keys--;
  return keys === 0;
}
