/**
 * Vietnamese names the tagger types wrongly: places read as persons or organisations (`off Phú Quốc`, `in
 * mountainous Kỳ Sơn`, the `Mộc Bài` border gate), persons read as organisations (`Lê Văn Thành`). Both are runs of
 * capitalised syllables; what tells them apart is the family name: a Vietnamese person's full name opens with one of
 * a few dozen (`Nguyễn`, `Trần`, `Lê` ... cover nine people in ten), often followed by the middle name `Văn` or
 * `Thị`. For a name of two to four syllables in Vietnamese spelling (a letter only Vietnamese uses: `ơ`, `ư`, `đ`,
 * `ă`, a vowel with a tone mark below or a hook), with no organisation head:
 * - opening with no family name, without `Văn`/`Thị` second and no title before it, it is a place;
 * - opening with a family name and tagged as an organisation, it is a person (a place such as `Hồ Chí Minh` keeps
 *   its type).
 */
import * as gazetteer from './gazetteer/index';
import type { TokenSpan } from './spans';
import * as titles from './titles';
import type { Token } from './tokenize';

// Module-local copies (cross-module bindings may be getters under some loaders).
const { foldKey, gazBitsOf } = gazetteer;
const { isTitleWord } = titles;
const ORG_HEAD: number = gazetteer.Gaz.OrgHead;

/** Letters of Vietnamese spelling that no other Latin-script language of the region's news uses. */
const VIETNAMESE_LETTERS = /[ăâđêôơưĂÂĐÊÔƠƯ\u1EA0-\u1EF9]/u;
/** A capitalised syllable (or one in a headline's capitals): one word without hyphens. */
const SYLLABLE = /^\p{Lu}(?:[\p{Ll}\p{M}]*|[\p{Lu}\p{M}]+)$/u;

/** Vietnamese family names (folded, without tone marks). */
const FAMILY_NAMES = new Set([
  'nguyen', 'tran', 'le', 'pham', 'hoang', 'huynh', 'phan', 'vu', 'vo', 'dang', 'bui', 'do', 'ho', 'ngo', 'duong',
  'ly', 'luong', 'truong', 'dinh', 'dao', 'trinh', 'doan', 'cao', 'ha', 'quach', 'ta', 'lam', 'mai', 'to', 'thai',
  'chu', 'la', 'kieu', 'tong', 'khuat', 'lai', 'nong', 'hua', 'giang', 'au', 'dam', 'lo', 'lu', 'luu', 'mac', 'tieu',
  'trieu', 'van', 'vuong', 'thach', 'diep', 'kha', 'khong', 'ong', 'quan', 'sung', 'thieu', 'tang', 'ung', 'vi',
]);

const MIDDLE_NAMES = new Set(['van', 'thi']);

/**
 * Whether a word as written is a family name (a capitalised syllable that folds to one), remembered per form: asked
 * of most capitalised words of a text, it would otherwise fold each again and crowd the shared fold cache.
 */
const familyForms = new Map<string, boolean>();
/** The longest family name as written (`Nguyễn`, `Trương`). */
const MAX_FAMILY_LENGTH = 7;
const MAX_FAMILY_FORMS = 20_000;

function isFamilyName(text: string): boolean {
  // Every family name starts with a capital of A–Y or Đ: a look at the first letter rules out most words at once.
  const c = text.charCodeAt(0);
  if (!((c >= 65 && c <= 89) || c === 0x110)) return false;
  let yes = familyForms.get(text);
  if (yes === undefined) {
    if (familyForms.size >= MAX_FAMILY_FORMS) familyForms.clear();
    yes = SYLLABLE.test(text) && FAMILY_NAMES.has(foldKey(text));
    familyForms.set(text, yes);
  }
  return yes;
}

/** Whether the span is a name of two to four syllables in Vietnamese spelling, with no organisation head. */
function isVietnameseName(tokens: readonly Token[], sp: TokenSpan): boolean {
  if (sp.to - sp.from < 2 || sp.to - sp.from > 4) return false;
  let vietnamese = false;
  // Most names have no letter of Vietnamese spelling: they are ruled out before any word is folded.
  for (let i = sp.from; i < sp.to && !vietnamese; i++) vietnamese = VIETNAMESE_LETTERS.test(tokens[i].text);
  if (!vietnamese) return false;
  for (let i = sp.from; i < sp.to; i++) {
    const t = tokens[i].text;
    if (!SYLLABLE.test(t)) return false;
    // An English organisation head (`Department`; `Co` folded from `Cỏ` is none: its spelling is Vietnamese).
    if (VIETNAMESE_LETTERS.test(t)) vietnamese = true;
    else if (gazBitsOf(foldKey(t)) & ORG_HEAD) return false;
  }
  return vietnamese;
}

function isPlace(tokens: readonly Token[], sp: TokenSpan): boolean {
  if (FAMILY_NAMES.has(foldKey(tokens[sp.from].text)) || MIDDLE_NAMES.has(foldKey(tokens[sp.from + 1].text))) return false;
  return sp.from === 0 || !isTitleWord(tokens[sp.from - 1].text);
}

/** A capitalised syllable in Vietnamese spelling, or a middle name (`Van`, `Thi` are often written bare). */
function givenSyllable(tokens: readonly Token[], i: number): boolean {
  const t = tokens[i].text;
  return SYLLABLE.test(t) && (VIETNAMESE_LETTERS.test(t) || MIDDLE_NAMES.has(foldKey(t)));
}

/**
 * A Vietnamese full name the tagger cut: a family name, then a middle name (`Văn`, `Thị`) or syllables in Vietnamese
 * spelling (`Le Thi Mai`, read as `[Le]` and `[Mai]`; `NGUYỄN HỒNG SƠN` in a headline, read as `[NGUYỄN]`), is one
 * person over the family name and the next one to three syllables, whatever was tagged inside it.
 */
function fullNames(tokens: readonly Token[], spans: TokenSpan[]): TokenSpan[] {
  let out = spans;
  for (let i = 0; i + 1 < tokens.length; i++) {
    // A full name goes on with a capitalised word, and its family name is short: most words are ruled out by a look.
    const next = tokens[i + 1].text.charCodeAt(0);
    if (tokens[i].text.length > MAX_FAMILY_LENGTH || !((next >= 65 && next <= 90) || next > 127)) continue;
    if (!isFamilyName(tokens[i].text)) continue;
    if (i > 0 && SYLLABLE.test(tokens[i - 1].text) && !isTitleWord(tokens[i - 1].text)) continue;
    let end = i + 1;
    if (MIDDLE_NAMES.has(foldKey(tokens[end].text))) {
      // After a middle name, the given name whatever its spelling (`Le Thi Mai`).
      end++;
      while (end < tokens.length && end - i <= 3 && SYLLABLE.test(tokens[end].text) && !isTitleWord(tokens[end].text)) end++;
      if (end - i < 3) continue;
    } else {
      while (end < tokens.length && end - i <= 3 && givenSyllable(tokens, end)) end++;
      // Two syllables or more after the family name: a bare pair (`Le Mai`) may be anything.
      if (end - i < 3) continue;
    }
    const named = withFullName(out, i, end);
    if (named === undefined) continue;
    out = named;
    i = end - 1;
  }
  return out;
}

/**
 * The spans with the full name `[from, end)` made one PERSON, or undefined when they are left as they are (apart from
 * the loop: see `TokenSpan`).
 */
function withFullName(spans: TokenSpan[], from: number, end: number): TokenSpan[] | undefined {
  const inside = spans.filter((x) => x.from < end && x.to > from);
  if (inside.length === 0 || inside.some((x) => x.start !== undefined || x.from < from || x.to > end)) return undefined;
  if (inside.length === 1 && inside[0].from === from && inside[0].to === end && inside[0].type === 'PERSON') return undefined;
  if (inside.some((x) => x.type === 'LOCATION' && x.from === from && x.to === end)) return undefined;
  return [...spans.filter((x) => !inside.includes(x)), { from, to: end, type: 'PERSON' as const }].sort((a, b) => a.from - b.from);
}

/** Retypes one sentence's Vietnamese names by their family name, and joins full names the tagger cut. */
export function vietnameseNames(tokens: readonly Token[], spans: readonly TokenSpan[]): TokenSpan[] {
  return fullNames(tokens, typeByFamilyName(tokens, spans));
}

function typeByFamilyName(tokens: readonly Token[], spans: readonly TokenSpan[]): TokenSpan[] {
  let out: TokenSpan[] | undefined;
  for (let k = 0; k < spans.length; k++) {
    const sp = spans[k];
    if (sp.start !== undefined || (sp.type !== 'PERSON' && sp.type !== 'ORG') || !isVietnameseName(tokens, sp)) continue;
    const type = isPlace(tokens, sp) ? 'LOCATION' : sp.type === 'ORG' ? 'PERSON' : sp.type;
    if (type !== sp.type) (out ??= [...spans])[k] = { from: sp.from, to: sp.to, type };
  }
  return out ?? (spans as TokenSpan[]);
}
