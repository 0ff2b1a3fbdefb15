/**
 * Applying the analysts' ignore list to boilerplate findings and clusters. The host resolves the file's entries to
 * document keys (`BoilerplateIgnores`); the core only matches:
 * - an `everywhere` entry hides every finding whose text has the same words (case and punctuation ignored; for
 *   entries of kind `chrome`, digits too);
 * - a `here` entry is re-anchored in the article's current text like a tag (position, then quote and context) and
 *   hides the finding it overlaps. An entry whose quote is gone hides nothing: the finding shows again.
 */
import type { BoilerplateFinding, BoilerplateKind } from '../types';
import { anchorTag } from '../annotations/anchor';
import type { Tag } from '../annotations/model';
import { words } from './text';
import type { BoilerplateCluster } from './index';

export interface IgnoredEverywhereRule {
  readonly text: string;
  readonly kind: BoilerplateKind;
  /** Only documents whose key starts with this (a workspace folder), when given. */
  readonly within?: string;
}

export interface IgnoredHereRule {
  /** The document key (the same key the corpus service uses). */
  readonly uri: string;
  readonly quote: string;
  readonly prefix: string;
  readonly suffix: string;
  readonly start: number;
  readonly end: number;
}

export interface BoilerplateIgnores {
  readonly everywhere: readonly IgnoredEverywhereRule[];
  readonly here: readonly IgnoredHereRule[];
}

export const NO_IGNORES: BoilerplateIgnores = Object.freeze({ everywhere: [], here: [] });

/** The words of a passage, lower-cased, joined by single spaces: what `everywhere` entries match on. */
export function ignoreKey(text: string): string {
  return words(text).join(' ');
}

function maskDigits(key: string): string {
  return key.replace(/\d+/g, '0');
}

export interface IgnoreMatcher {
  readonly empty: boolean;
  /** Whether some `everywhere` rule applies to one folder only. */
  readonly scoped: boolean;
  /** Whether a passage of document `uri` with this text is ignored in every article. */
  ignoredEverywhere(uri: string, text: string): boolean;
  /** Where the `here` entries of `uri` are in its current text (orphans left out). */
  hereSpans(uri: string, docText: string): readonly { start: number; end: number }[];
  /** Whether the passage `[start, end)` of `uri`, with this text, is ignored. */
  isIgnored(uri: string, docText: string, span: { start: number; end: number; text: string }): boolean;
}

export function compileIgnores(rules: BoilerplateIgnores): IgnoreMatcher {
  const exact = new Map<string, (string | undefined)[]>();
  const masked = new Map<string, (string | undefined)[]>();
  const add = (map: Map<string, (string | undefined)[]>, key: string, within: string | undefined) => {
    if (!key) return;
    const list = map.get(key);
    if (list) list.push(within);
    else map.set(key, [within]);
  };
  for (const r of rules.everywhere) {
    const key = ignoreKey(r.text);
    add(exact, key, r.within);
    if (r.kind === 'chrome') add(masked, maskDigits(key), r.within);
  }
  const hereByUri = new Map<string, IgnoredHereRule[]>();
  for (const h of rules.here) {
    const list = hereByUri.get(h.uri);
    if (list) list.push(h);
    else hereByUri.set(h.uri, [h]);
  }
  const anchored = new Map<string, { text: string; spans: { start: number; end: number }[] }>();
  const applies = (scopes: (string | undefined)[] | undefined, uri: string) =>
    !!scopes && scopes.some((w) => w === undefined || uri.startsWith(w));

  const matcher: IgnoreMatcher = {
    empty: rules.everywhere.length === 0 && rules.here.length === 0,
    scoped: rules.everywhere.some((r) => r.within !== undefined),
    ignoredEverywhere(uri, text) {
      if (exact.size === 0) return false;
      const key = ignoreKey(text);
      return applies(exact.get(key), uri) || (masked.size > 0 && applies(masked.get(maskDigits(key)), uri));
    },
    hereSpans(uri, docText) {
      const list = hereByUri.get(uri);
      if (!list) return [];
      const cached = anchored.get(uri);
      if (cached && cached.text === docText) return cached.spans;
      const spans: { start: number; end: number }[] = [];
      for (const h of list) {
        const a = anchorTag(docText, asTag(h));
        // Only the passage itself: an edited passage (fuzzy) is shown again, since what was ignored is gone.
        if (a.status === 'anchored' || a.status === 'moved') spans.push({ start: a.start, end: a.end });
      }
      anchored.set(uri, { text: docText, spans });
      return spans;
    },
    isIgnored(uri, docText, span) {
      if (matcher.ignoredEverywhere(uri, span.text)) return true;
      return matcher.hereSpans(uri, docText).some((s) => s.start < span.end && span.start < s.end);
    },
  };
  return matcher;
}

function asTag(h: IgnoredHereRule): Tag {
  return { id: '', tag: '', quote: h.quote, prefix: h.prefix, suffix: h.suffix, start: h.start, end: h.end, created: '' };
}

/** The findings of `uri` that are not ignored. */
export function filterFindings(
  findings: readonly BoilerplateFinding[], uri: string, docText: string, matcher: IgnoreMatcher,
): BoilerplateFinding[] {
  if (matcher.empty) return findings as BoilerplateFinding[];
  return findings.filter((f) => !matcher.isIgnored(uri, docText, f));
}

/**
 * Clusters less their ignored places; a cluster with fewer than two places left is dropped (the repetition has been
 * dealt with). `textOf` gives a document's current text.
 */
export function filterClusters(
  clusters: readonly BoilerplateCluster[], textOf: (uri: string) => string | undefined, matcher: IgnoreMatcher,
  /**
   * What was decided for each cluster with this matcher, kept by a host from one listing to the next (null: left out):
   * a cluster is the same object until one of its articles changes (passageClusters.ts), so after an edit only the
   * clusters made again are filtered again.
   */
  decided?: WeakMap<BoilerplateCluster, BoilerplateCluster | null>,
): BoilerplateCluster[] {
  if (matcher.empty) return clusters as BoilerplateCluster[];
  const out: BoilerplateCluster[] = [];
  // Most places of a cluster hold the same text: decide each text once per folder scope.
  const everywhere = new Map<string, boolean>();
  const ignoredEverywhere = (uri: string, text: string): boolean => {
    if (matcher.scoped) return matcher.ignoredEverywhere(uri, text);
    let v = everywhere.get(text);
    if (v === undefined) everywhere.set(text, (v = matcher.ignoredEverywhere(uri, text)));
    return v;
  };
  for (const c of clusters) {
    const known = decided?.get(c);
    if (known !== undefined) {
      if (known) out.push(known);
      continue;
    }
    const places = c.places.filter((p) => {
      const text = textOf(p.uri);
      if (text === undefined) return true;
      if (ignoredEverywhere(p.uri, text.slice(p.start, p.end))) return false;
      return !matcher.hereSpans(p.uri, text).some((s) => s.start < p.end && p.start < s.end);
    });
    const kept = places.length < 2 ? null : places.length === c.places.length ? c : { ...c, places };
    decided?.set(c, kept);
    if (kept) out.push(kept);
  }
  return out;
}
