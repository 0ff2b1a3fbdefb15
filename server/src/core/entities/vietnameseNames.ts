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
/** A capitalised syllable: one word without hyphens. */
const SYLLABLE = /^\p{Lu}[\p{Ll}\p{M}]*$/u;

/** Vietnamese family names (folded, without tone marks). */
const FAMILY_NAMES = new Set([
  'nguyen', 'tran', 'le', 'pham', 'hoang', 'huynh', 'phan', 'vu', 'vo', 'dang', 'bui', 'do', 'ho', 'ngo', 'duong',
  'ly', 'luong', 'truong', 'dinh', 'dao', 'trinh', 'doan', 'cao', 'ha', 'quach', 'ta', 'lam', 'mai', 'to', 'thai',
  'chu', 'la', 'kieu', 'tong', 'khuat', 'lai', 'nong', 'hua', 'giang', 'au', 'dam', 'lo', 'lu', 'luu', 'mac', 'tieu',
  'trieu', 'van', 'vuong', 'thach', 'diep', 'kha', 'khong', 'ong', 'quan', 'sung', 'thieu', 'tang', 'ung', 'vi',
]);

const MIDDLE_NAMES = new Set(['van', 'thi']);

/** Whether the span is a name of two to four syllables in Vietnamese spelling, with no organisation head. */
function isVietnameseName(tokens: readonly Token[], sp: TokenSpan): boolean {
  if (sp.to - sp.from < 2 || sp.to - sp.from > 4) return false;
  let vietnamese = false;
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

/** Retypes one sentence's Vietnamese names by their family name. */
export function vietnameseNames(tokens: readonly Token[], spans: readonly TokenSpan[]): TokenSpan[] {
  let out: TokenSpan[] | undefined;
  for (let k = 0; k < spans.length; k++) {
    const sp = spans[k];
    if (sp.start !== undefined || (sp.type !== 'PERSON' && sp.type !== 'ORG') || !isVietnameseName(tokens, sp)) continue;
    const type = isPlace(tokens, sp) ? 'LOCATION' : sp.type === 'ORG' ? 'PERSON' : sp.type;
    if (type !== sp.type) (out ??= [...spans])[k] = { from: sp.from, to: sp.to, type };
  }
  return out ?? (spans as TokenSpan[]);
}
