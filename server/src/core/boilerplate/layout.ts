/**
 * Local layout of one article, from its own text only: where the headline, body and trailing
 * furniture are, which lines are widgets, and which blocks list other articles. Nothing here looks
 * at the rest of the corpus, so the result can be computed once per document version.
 */
import { intrinsicChrome, isAgencyCode, LineFeatures, lineFeatures, MENU } from './lineFeatures';
import { LineSpan } from './text';

/** top: before the body (above or just below the headline); tail: after the body's last paragraph. */
export type Region = 'top' | 'headline' | 'body' | 'tail';

export interface LaidLine extends LineFeatures {
  readonly span: LineSpan;
  region: Region;
  /** Reason when local evidence shows the line is page furniture. */
  chrome?: string;
  /** True for lines of a list of other articles (label, headlines, teasers). */
  inList: boolean;
}

/** Longest line whose features are remembered by text within one layout (the length of a short line). */
const MEMO_MAX_CHARS = 160;

export function layOut(spans: readonly LineSpan[]): LaidLine[] {
  const lines: LaidLine[] = new Array(spans.length);
  // Features of short lines by text: page furniture repeats (`Share`, `Read more`), and each line's features run a
  // dozen patterns. Both depend on the text only.
  const known = new Map<string, { f: LineFeatures; chrome: string | undefined }>();
  for (let i = 0; i < spans.length; i++) {
    const span = spans[i];
    const text = span.text;
    let k = text.length <= MEMO_MAX_CHARS ? known.get(text) : undefined;
    if (!k) {
      const f = lineFeatures(text);
      k = { f, chrome: intrinsicChrome(span, f) };
      if (text.length <= MEMO_MAX_CHARS) known.set(text, k);
    }
    const f = k.f;
    lines[i] = {
      span, wordCount: f.wordCount, prose: f.prose, short: f.short, data: f.data, caps: f.caps,
      listLabel: f.listLabel, sentence: f.sentence, region: 'body', chrome: k.chrome, inList: false,
    };
  }
  // A header row of a table looks like a menu; the data rows under it tell them apart.
  for (let i = 0; i + 1 < lines.length; i++) {
    if (lines[i].chrome === MENU && lines[i + 1].data) lines[i].chrome = undefined;
  }
  markArticleLists(lines);
  let first = lines.findIndex((l) => l.prose && !l.chrome);
  let last = -1;
  for (let i = lines.length - 1; i >= 0; i--) {
    if (lines[i].prose && !lines[i].chrome) { last = i; break; }
  }
  if (first < 0) { first = lines.length; last = lines.length - 1; }
  const headline = pickHeadline(lines, first);
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i];
    if (i === headline) l.region = 'headline';
    else if (i < first) l.region = 'top';
    else if (i > last) l.region = 'tail';
    if (l.chrome) continue;
    if (l.region === 'top' && headline >= 0 && i < headline && l.short && !l.data && aboveHeadlineFurniture(lines, i)) {
      l.chrome = 'site header above the headline';
    } else if ((l.region === 'top' || l.region === 'tail') && isAgencyCode(l.span.text)) {
      l.chrome = 'agency or outlet code';
    }
  }
  const reasons = lines.map((l) => l.chrome);
  propagateTail(lines, reasons);
  lines.forEach((l, i) => { l.chrome = reasons[i]; });
  return lines;
}

/** How far down the page a headline is looked for (non-blank lines). */
const HEADLINE_WINDOW = 8;

/**
 * The headline: among the first lines before the first paragraph, the first short line of five or
 * more words that is not furniture; failing that the longest of three or more words (site names,
 * section labels and slogans above a headline are short). A line in capitals is taken only when
 * nothing else qualifies, as banners are often in capitals.
 */
function pickHeadline(lines: readonly LaidLine[], first: number): number {
  let best = -1;
  let fallback = -1;
  for (let i = 0; i < Math.min(first, HEADLINE_WINDOW); i++) {
    const l = lines[i];
    if (l.chrome || !l.short || l.data || l.wordCount < 2) continue;
    if (l.wordCount >= 3 && !l.caps) {
      if (l.wordCount >= 5) return i;
      if (best < 0 || l.wordCount > lines[best].wordCount) best = i;
    } else if (fallback < 0) {
      fallback = i;
    }
  }
  return best >= 0 ? best : fallback;
}

/**
 * Above the headline, short labels (under five words, not sentences) are page header; a longer line
 * in capitals is a banner only when it stands next to other furniture (it may be the real headline).
 */
function aboveHeadlineFurniture(lines: readonly LaidLine[], i: number): boolean {
  const l = lines[i];
  if (l.sentence) return false;
  if (l.wordCount < 5 && !l.caps) return true;
  if (l.caps && l.wordCount < 3) return true;
  return l.caps && (Boolean(lines[i - 1]?.chrome) || Boolean(lines[i + 1]?.chrome));
}

/**
 * After a list label ("Related news", "Most viewed"), the lines that follow are other articles'
 * headlines, each optionally followed by a teaser paragraph. The block ends at the first paragraph
 * that does not follow a headline; if the article's text resumes there, the last headline and
 * teaser are given back to it (they may be a section heading and its paragraph).
 */
function markArticleLists(lines: LaidLine[]): void {
  // The reasons given under each label, made once per label (a page of short lines is one block of thousands).
  const teaserReasons = new Map<string | undefined, string>();
  const headlineReasons = new Map<string | undefined, string>();
  for (let i = 0; i < lines.length; i++) {
    if (!lines[i].listLabel) continue;
    const block: number[] = [i];
    /** The label each line of the block is under, by its distance from the label (a packed array, not one holey at the line numbers). */
    const labels: (string | undefined)[] = [undefined];
    let label = labelOf(lines[i]);
    let afterHeadline = false;
    let j = i + 1;
    for (; j < lines.length; j++) {
      const l = lines[j];
      labels.push(label);
      if (l.listLabel) label = labelOf(l);
      if (l.chrome) { block.push(j); afterHeadline = false; continue; }
      if (l.short && !l.data) { block.push(j); afterHeadline = true; continue; }
      if (l.prose && afterHeadline) { block.push(j); afterHeadline = false; continue; }
      break;
    }
    if (j < lines.length) {
      while (block.length > 1 && !lines[block[block.length - 1]].chrome) block.pop();
    }
    for (const k of block) {
      const l = lines[k];
      l.inList = true;
      if (!l.chrome) {
        const label = labels[k - i];
        const reasons = l.prose ? teaserReasons : headlineReasons;
        let reason = reasons.get(label);
        if (reason === undefined) {
          reason = l.prose ? `teaser in a block of other articles after '${label}'` : `block of other articles' headlines after '${label}'`;
          reasons.set(label, reason);
        }
        l.chrome = reason;
      }
    }
    i = Math.max(i, block[block.length - 1]);
  }
}

function labelOf(l: LaidLine): string {
  return l.span.text.replace(/[:\s]+$/, '');
}

const LONE_NUMBER = /(^|\s)[-+$€£]?\d[\d.,:%]*(?=\s|$)/;

/**
 * In the trailing furniture, a short line next to a furniture line belongs to the same block
 * (sentences, data rows and lines holding a figure excepted, as they are the rows of a table). `reasons` holds the furniture reason of each line and is
 * completed in place.
 */
export function propagateTail(lines: readonly LaidLine[], reasons: (string | undefined)[]): void {
  const open = (i: number): boolean => {
    const l = lines[i];
    return l.region === 'tail' && l.short && !l.data && !l.sentence && !reasons[i] && !LONE_NUMBER.test(l.span.text);
  };
  for (let i = lines.length - 2; i >= 0; i--) {
    if (open(i) && reasons[i + 1]) reasons[i] = 'stands in the page chrome at the end of the page';
  }
  for (let i = 1; i < lines.length; i++) {
    if (open(i) && reasons[i - 1]) reasons[i] = 'follows page chrome at the end of the page';
  }
}
