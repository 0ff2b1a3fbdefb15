/**
 * Single words that look like names only because they are capitalised:
 * - a lone title modifier used as a common noun (`the Party, State, army and people`, `Defense` alone);
 * - the portfolio of a role (`Minister of [National Defense]`): title modifiers right after `<head title> of`;
 * - a caption or field label before a colon with a short credit after it (`Photo: VGP`, `Source: Reuters`).
 */
import * as gazetteer from './gazetteer/index';
import { Gaz } from './gazetteer/index';
import type { TokenSpan } from './spans';
import { TITLE_MODIFIERS } from './gazetteer/titles';
import * as titles from './titles';
import type { Token } from './tokenize';

/** A regular expression compiled once. */
const HAS_LOWER = /\p{Ll}/u;

const { foldKey, gazBitsOf } = gazetteer;
const { isHeadTitle, isTitleOrModifier } = titles;
const KNOWN: number = Gaz.Country | Gaz.City | Gaz.Province | Gaz.Region | Gaz.OrgName | Gaz.Demonym;
const ORG_HEAD: number = Gaz.OrgHead;
const MODIFIERS = new Set(TITLE_MODIFIERS);
const LABEL_BEFORE = new Set(['.', ')', '-', '–', '—', '|', '(']);
const MAX_CREDIT = 5;

function isLoneModifier(text: string): boolean {
  const key = foldKey(text);
  return HAS_LOWER.test(text) && MODIFIERS.has(key) && (gazBitsOf(key) & (KNOWN | ORG_HEAD)) === 0;
}

function isCaptionLabel(tokens: readonly Token[], i: number): boolean {
  if (i + 1 >= tokens.length || tokens[i + 1].text !== ':') return false;
  if (i > 0 && !LABEL_BEFORE.has(tokens[i - 1].text)) return false;
  if ((gazBitsOf(foldKey(tokens[i].text)) & KNOWN) !== 0) return false;
  let n = 0;
  for (let j = i + 2; j < tokens.length && !/^[.!?]$/.test(tokens[j].text); j++) n++;
  return n <= MAX_CREDIT;
}

function isPortfolio(tokens: readonly Token[], sp: TokenSpan): boolean {
  let p = sp.from - 1;
  if (p >= 0 && tokens[p].text === 'the') p--;
  if (p < 1 || tokens[p].text !== 'of' || !isHeadTitle(tokens[p - 1].text)) return false;
  for (let i = sp.from; i < sp.to; i++) if (!isTitleOrModifier(tokens[i].text)) return false;
  return true;
}

export function dropNonNames(tokens: readonly Token[], spans: readonly TokenSpan[]): TokenSpan[] {
  return spans.filter((s) => {
    if (s.start !== undefined) return true;
    if (s.type !== 'PERSON' && isPortfolio(tokens, s)) return false;
    if (s.to - s.from !== 1) return true;
    const t = tokens[s.from].text;
    return !isLoneModifier(t) && !isCaptionLabel(tokens, s.from);
  });
}
