/**
 * Line splitting and normalisation. A "line" is one non-blank line of the document: news text
 * files hold one paragraph per line, so a line is the unit that is flagged.
 */

export interface LineSpan {
  /** 0-based line number in the document. */
  readonly line: number;
  /** Offsets of the trimmed line text. */
  readonly start: number;
  readonly end: number;
  readonly text: string;
}

/** The characters of `\\s`, less the line feed. */
function isSpace(c: number): boolean {
  return c === 32 || c === 9 || c === 13 || c === 160 || c === 12 || c === 11 || c === 0xfeff
    || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x3000 || c === 0x202f
    || c === 0x205f || c === 0x1680;
}

/** Non-blank lines of `text`, trimmed, with their offsets. */
export function splitLines(text: string): LineSpan[] {
  const out: LineSpan[] = [];
  eachLine(text, (line, start, end) => out.push({ line, start, end, text: text.slice(start, end) }));
  return out;
}

/** Number of lines `splitLines` gives, without making them. */
export function countLines(text: string): number {
  return eachLine(text);
}

/** Visits the non-blank lines of `text` (0-based line number, offsets of the trimmed line); returns their number. */
function eachLine(text: string, visit?: (line: number, start: number, end: number) => void): number {
  let count = 0;
  let lineNo = 0;
  let pos = 0;
  const n = text.length;
  while (pos <= n) {
    let eol = text.indexOf('\n', pos);
    if (eol < 0) eol = n;
    let s = pos;
    let e = eol;
    while (s < e && isSpace(text.charCodeAt(s))) s++;
    if (s < e) {
      count++;
      if (visit) {
        while (e > s && isSpace(text.charCodeAt(e - 1))) e--;
        visit(lineNo, s, e);
      }
    }
    lineNo++;
    pos = eol + 1;
  }
  return count;
}

/** Collapses runs of whitespace: the form in which two copies are "exactly" the same. */
export function normalizeSpace(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

const WORD = /[\p{L}\p{N}]+/gu;

/** Lower-cased words (letters and digits), punctuation dropped. */
export function words(text: string): string[] {
  return text.toLowerCase().match(WORD) ?? [];
}

const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;
/**
 * `wordChar` of each code unit past ASCII met so far, plus 2 (0: not met yet), in one table made at the first such
 * unit (a Map of them was a look-up per character of a text in another script).
 */
let lowerTable: Int32Array | undefined;

/** Lower-cased code of a letter or digit, or -1 for anything else (ASCII fast path). */
function wordChar(c: number): number {
  if (c < 128) {
    if (c >= 97 && c <= 122) return c;
    if (c >= 65 && c <= 90) return c + 32;
    if (c >= 48 && c <= 57) return c;
    return -1;
  }
  const table = (lowerTable ??= new Int32Array(0x10000));
  let v = table[c] - 2;
  if (v === -2) {
    const ch = String.fromCharCode(c);
    // Surrogate halves stand for letters of the astral planes; treat them as word characters.
    v = (c >= 0xd800 && c <= 0xdfff) || LETTER_OR_DIGIT.test(ch) ? ch.toLowerCase().charCodeAt(0) : -1;
    table[c] = v + 2;
  }
  return v;
}

/** Scratch of `tokenHashes`, kept from call to call. */
let tokenBuffer: Int32Array = new Int32Array(256);

/**
 * Token hashes of a line's words (FNV-1a of each lower-cased word, punctuation dropped), for
 * shingling and similarity; the same words as `words(text)`, without building strings.
 */
export function tokenHashes(text: string): Int32Array {
  return hashWords(text, false);
}

/** The hash (FNV-1a) of `normalizeSpace(text)` for the text `hashWords` read last with `spaces`. */
let lastSpaceHash = 0;

/**
 * `tokenHashes(text)`; with `spaces`, also the hash of `normalizeSpace(text)` in the same pass, left in `lastSpaceHash`.
 * With `scratch`, the hashes are a view of the buffer the next call writes over (for a caller done with them first).
 */
function hashWords(text: string, spaces: boolean, scratch = false): Int32Array {
  let buf = tokenBuffer;
  let n = 0;
  let h = 0;
  let inWord = false;
  let sh = 0x811c9dc5 | 0;
  let pendingSpace = false;
  let started = false;
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    if (spaces) {
      if (unit === 10 || isSpace(unit)) pendingSpace = started;
      else {
        if (pendingSpace) { sh = Math.imul(sh ^ 32, 0x01000193); pendingSpace = false; }
        sh = Math.imul(sh ^ unit, 0x01000193);
        started = true;
      }
    }
    const c = wordChar(unit);
    if (c >= 0) {
      if (!inWord) { h = 0x811c9dc5 | 0; inWord = true; }
      h = Math.imul(h ^ c, 0x01000193);
    } else if (inWord) {
      if (n === buf.length) buf = tokenBuffer = grown(buf);
      buf[n++] = h;
      inWord = false;
    }
  }
  if (inWord) {
    if (n === buf.length) buf = tokenBuffer = grown(buf);
    buf[n++] = h;
  }
  lastSpaceHash = sh | 0;
  return scratch ? buf.subarray(0, n) : buf.slice(0, n);
}

function grown(buf: Int32Array): Int32Array {
  const out = new Int32Array(2 * buf.length);
  out.set(buf);
  return out;
}

/**
 * `tokenHashes(text)` and the hash (FNV-1a) of `normalizeSpace(text)`, without making that string, in one pass over
 * the text (a passage's keys need both). The hashes are valid until this module hashes words again.
 */
export function passageHashes(text: string): { tokens: Int32Array; spaceHash: number } {
  // A view of the scratch buffer, not a copy: the passage's keys are made from them at once (summary.ts).
  const tokens = hashWords(text, true, true);
  return { tokens, spaceHash: lastSpaceHash };
}

/**
 * The "shape" of a short line: lower-cased words, each number (with its separators and an `am`/`pm`
 * after it) one `0`, and a plural noun in its singular, so that page counters whose figures or
 * agreement vary share one shape: `Comments (12)` and `Comments (3)`, `1 comment` and `12 comments`,
 * `Views: 1,234` and `Views: 987`, `Updated 10:42` and `Updated 8:05 pm`.
 */
export function lineShape(text: string): string {
  const out: string[] = [];
  for (const w of words(text)) {
    if (/\d/.test(w)) {
      if (out[out.length - 1] !== '0') out.push('0');
    } else if (!(out[out.length - 1] === '0' && (w === 'am' || w === 'pm'))) {
      out.push(singular(w));
    }
  }
  return out.join(' ');
}

/** A plural's singular for comparing counters (`replies` → `reply`, `views` → `view`); other words as they are. */
function singular(w: string): string {
  if (w.length > 4 && w.endsWith('ies')) return `${w.slice(0, -3)}y`;
  if (w.length > 3 && w.endsWith('s') && !w.endsWith('ss') && !w.endsWith('us') && !w.endsWith('is')) return w.slice(0, -1);
  return w;
}

/** Lower-cased words joined by single spaces: the key under which headlines are compared. */
export function headlineKey(text: string): string {
  return words(text).join(' ');
}

const LABEL = /^([\p{L}][\p{L} ’'&/-]{1,28}?)\s*:\s*\S/u;

/**
 * The label of a labelled line (`Distribution: regional desks` → `§distribution`), whose value varies from page to
 * page while the label recurs: one to three words without figures before a colon. Kept apart from shapes by `§`.
 */
export function labelKey(text: string): string | undefined {
  const m = LABEL.exec(text);
  if (!m) return undefined;
  const ws = words(m[1]);
  return ws.length >= 1 && ws.length <= 3 ? `§${ws.join(' ')}` : undefined;
}
