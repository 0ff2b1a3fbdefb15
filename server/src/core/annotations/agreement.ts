/**
 * Agreement between two analysts' annotations (issue 10), pure math:
 * - per tag, span-level precision, recall and F1 of B against A, exact (same article, offsets and tag) and by overlap
 *   (same article and tag, ranges that share a character): precision is the share of B's spans matched by one of
 *   A's, recall the share of A's spans matched by one of B's;
 * - Cohen's kappa and Gwet's AC1 on token labels: each token of each article either analyst tagged gets, from each
 *   analyst, the set of tags covering it (`O` for none), and the two label sequences are compared;
 * - for the entity registry: entities only one analyst has, and the types, aliases and "not an entity" strings they
 *   disagree on.
 * Everything is a plain function of its inputs; reading files and refs is the CLI's job (cli/agreeCommand.ts).
 */
import { registryKey, type EntityRegistry, type RegistryEntity } from '../entities/registry';
import { slugify } from '../entities/nameKey';

export interface TagSpan {
  readonly tag: string;
  readonly start: number;
  readonly end: number;
}

/** One analyst's spans, by article (its path relative to the workspace). */
export type SpansByDocument = ReadonlyMap<string, readonly TagSpan[]>;

export interface Prf {
  /** Matched counts: B's spans matched (for precision) and A's spans matched (for recall). */
  readonly matchedB: number;
  readonly matchedA: number;
  readonly countA: number;
  readonly countB: number;
  /** null when there is nothing to divide by. */
  readonly precision: number | null;
  readonly recall: number | null;
  readonly f1: number | null;
}

export interface TagAgreement {
  readonly tag: string;
  readonly exact: Prf;
  readonly overlap: Prf;
}

export interface SpanAgreement {
  /** Per tag, sorted by name. */
  readonly tags: readonly TagAgreement[];
  /** Every tag together (micro-averaged: counts summed). */
  readonly all: { readonly exact: Prf; readonly overlap: Prf };
}

export function prf(matchedB: number, countB: number, matchedA: number, countA: number): Prf {
  const precision = countB ? matchedB / countB : null;
  const recall = countA ? matchedA / countA : null;
  const f1 = precision === null || recall === null ? null : precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { matchedB, matchedA, countA, countB, precision, recall, f1 };
}

const spanKey = (s: TagSpan): string => `${s.tag}\n${s.start}\n${s.end}`;
const overlaps = (x: TagSpan, y: TagSpan): boolean => x.start < y.end && y.start < x.end;

/** The same span tagged twice by one analyst counts once. */
function uniqueSpans(spans: readonly TagSpan[]): TagSpan[] {
  const seen = new Set<string>();
  return spans.filter((s) => !seen.has(spanKey(s)) && (seen.add(spanKey(s)), true));
}

export function spanAgreement(a: SpansByDocument, b: SpansByDocument): SpanAgreement {
  const counts = new Map<string, { exactA: number; exactB: number; overA: number; overB: number; countA: number; countB: number }>();
  const get = (tag: string) => {
    let c = counts.get(tag);
    if (!c) counts.set(tag, (c = { exactA: 0, exactB: 0, overA: 0, overB: 0, countA: 0, countB: 0 }));
    return c;
  };
  for (const doc of new Set([...a.keys(), ...b.keys()])) {
    const sa = uniqueSpans(a.get(doc) ?? []);
    const sb = uniqueSpans(b.get(doc) ?? []);
    const keysA = new Set(sa.map(spanKey));
    const keysB = new Set(sb.map(spanKey));
    for (const s of sa) {
      const c = get(s.tag);
      c.countA++;
      if (keysB.has(spanKey(s))) c.exactA++;
      if (sb.some((t) => t.tag === s.tag && overlaps(s, t))) c.overA++;
    }
    for (const s of sb) {
      const c = get(s.tag);
      c.countB++;
      if (keysA.has(spanKey(s))) c.exactB++;
      if (sa.some((t) => t.tag === s.tag && overlaps(s, t))) c.overB++;
    }
  }
  const tags = [...counts.entries()]
    .sort(([x], [y]) => (x < y ? -1 : x > y ? 1 : 0))
    .map(([tag, c]) => ({ tag, exact: prf(c.exactB, c.countB, c.exactA, c.countA), overlap: prf(c.overB, c.countB, c.overA, c.countA) }));
  const sum = (f: (c: typeof counts extends Map<string, infer V> ? V : never) => number): number => [...counts.values()].reduce((n, c) => n + f(c), 0);
  return {
    tags,
    all: {
      exact: prf(sum((c) => c.exactB), sum((c) => c.countB), sum((c) => c.exactA), sum((c) => c.countA)),
      overlap: prf(sum((c) => c.overB), sum((c) => c.countB), sum((c) => c.overA), sum((c) => c.countA)),
    },
  };
}

// ---------------------------------------------------------------------------------------------------------------
// Token labels.

/** The word tokens of a text, as [start, end) UTF-16 offsets: letters and digits, joined by inner ' ’ - . */
export function wordTokens(text: string): [number, number][] {
  const out: [number, number][] = [];
  for (const m of text.matchAll(/[\p{L}\p{M}\p{N}]+(?:['’\-.][\p{L}\p{M}\p{N}]+)*/gu)) out.push([m.index!, m.index! + m[0].length]);
  return out;
}

export const OUTSIDE = 'O';

/** The label of each token: the tags whose spans overlap it, sorted and joined by `+`, or `O`. */
export function tokenLabels(tokens: readonly (readonly [number, number])[], spans: readonly TagSpan[]): string[] {
  return tokens.map(([s, e]) => {
    const tags = [...new Set(spans.filter((x) => x.start < e && s < x.end).map((x) => x.tag))].sort();
    return tags.length ? tags.join('+') : OUTSIDE;
  });
}

export interface LabelAgreement {
  /** Tokens compared. */
  readonly items: number;
  /** Observed agreement. */
  readonly observed: number | null;
  /** Cohen's kappa: chance agreement from each analyst's own label distribution. null when undefined (chance = 1). */
  readonly cohenKappa: number | null;
  /** Gwet's AC1: chance agreement from the pooled distribution, robust to skewed labels. */
  readonly gwetAC1: number | null;
  /** The labels seen, with how often each analyst used each. */
  readonly labels: readonly { readonly label: string; readonly a: number; readonly b: number }[];
}

/** Cohen's kappa and Gwet's AC1 of two label sequences of equal length. */
export function labelAgreement(a: readonly string[], b: readonly string[]): LabelAgreement {
  if (a.length !== b.length) throw new Error('labelAgreement: the two sequences must have the same length');
  const n = a.length;
  const countA = new Map<string, number>();
  const countB = new Map<string, number>();
  let agree = 0;
  for (let i = 0; i < n; i++) {
    countA.set(a[i], (countA.get(a[i]) ?? 0) + 1);
    countB.set(b[i], (countB.get(b[i]) ?? 0) + 1);
    if (a[i] === b[i]) agree++;
  }
  const labels = [...new Set([...countA.keys(), ...countB.keys()])].sort();
  const table = labels.map((label) => ({ label, a: countA.get(label) ?? 0, b: countB.get(label) ?? 0 }));
  if (!n) return { items: 0, observed: null, cohenKappa: null, gwetAC1: null, labels: table };
  const po = agree / n;
  const peCohen = table.reduce((s, { a: x, b: y }) => s + (x / n) * (y / n), 0);
  const q = labels.length;
  const peGwet = q < 2 ? 0 : table.reduce((s, { a: x, b: y }) => {
    const pi = (x + y) / (2 * n);
    return s + pi * (1 - pi);
  }, 0) / (q - 1);
  const chanceCorrected = (pe: number): number | null => (1 - pe === 0 ? null : (po - pe) / (1 - pe));
  return { items: n, observed: po, cohenKappa: chanceCorrected(peCohen), gwetAC1: chanceCorrected(peGwet), labels: table };
}

/**
 * Token-label agreement over articles: `tokens` gives each article's tokens (articles without tokens, e.g. whose text
 * is missing, are left out by the caller). Only articles that either analyst tagged are counted.
 */
export function tokenAgreement(a: SpansByDocument, b: SpansByDocument, tokens: ReadonlyMap<string, readonly (readonly [number, number])[]>): LabelAgreement & { readonly documents: number } {
  const la: string[] = [];
  const lb: string[] = [];
  let documents = 0;
  for (const doc of [...new Set([...a.keys(), ...b.keys()])].sort()) {
    const t = tokens.get(doc);
    if (!t) continue;
    documents++;
    la.push(...tokenLabels(t, a.get(doc) ?? []));
    lb.push(...tokenLabels(t, b.get(doc) ?? []));
  }
  return { ...labelAgreement(la, lb), documents };
}

// ---------------------------------------------------------------------------------------------------------------
// The entity registry.

export interface RegistryDisagreements {
  readonly onlyA: readonly { readonly id: string; readonly canonical: string; readonly type: string }[];
  readonly onlyB: readonly { readonly id: string; readonly canonical: string; readonly type: string }[];
  readonly types: readonly { readonly id: string; readonly canonical: string; readonly a: string; readonly b: string }[];
  /** Names (canonical or alias) of one entity that only one analyst gives it. */
  readonly aliases: readonly { readonly id: string; readonly canonical: string; readonly onlyA: readonly string[]; readonly onlyB: readonly string[] }[];
  /** A name that the two analysts give to different entities. */
  readonly owners: readonly { readonly name: string; readonly a: string; readonly b: string }[];
  readonly notEntities: { readonly onlyA: readonly string[]; readonly onlyB: readonly string[] };
}

export function registryDisagreements(a: EntityRegistry, b: EntityRegistry): RegistryDisagreements {
  const id = (e: RegistryEntity): string => e.id ?? slugify(e.canonical);
  const byId = (r: EntityRegistry) => new Map(r.entities.map((e) => [id(e), e]));
  const ma = byId(a);
  const mb = byId(b);
  const brief = (e: RegistryEntity) => ({ id: id(e), canonical: e.canonical, type: e.type });
  const names = (e: RegistryEntity) => new Map([e.canonical, ...e.aliases].map((n) => [registryKey(n), n]));
  const types: RegistryDisagreements['types'][number][] = [];
  const aliases: RegistryDisagreements['aliases'][number][] = [];
  for (const [key, ea] of ma) {
    const eb = mb.get(key);
    if (!eb) continue;
    if (ea.type !== eb.type) types.push({ id: key, canonical: ea.canonical, a: ea.type, b: eb.type });
    const na = names(ea);
    const nb = names(eb);
    const onlyA = [...na].filter(([k]) => !nb.has(k)).map(([, n]) => n).sort();
    const onlyB = [...nb].filter(([k]) => !na.has(k)).map(([, n]) => n).sort();
    if (onlyA.length || onlyB.length) aliases.push({ id: key, canonical: ea.canonical, onlyA, onlyB });
  }
  const owner = (r: EntityRegistry) => {
    const m = new Map<string, { name: string; id: string }>();
    for (const e of r.entities) for (const n of [e.canonical, ...e.aliases]) m.set(registryKey(n), { name: n, id: id(e) });
    return m;
  };
  const oa = owner(a);
  const ob = owner(b);
  const owners = [...oa]
    .filter(([k, v]) => ob.has(k) && ob.get(k)!.id !== v.id)
    .map(([k, v]) => ({ name: v.name, a: v.id, b: ob.get(k)!.id }))
    .sort((x, y) => (x.name < y.name ? -1 : 1));
  const setOf = (xs: readonly string[]) => new Map(xs.map((x) => [registryKey(x), x]));
  const sa = setOf(a.notEntities);
  const sb = setOf(b.notEntities);
  const byIdSort = <T extends { id: string }>(xs: T[]): T[] => xs.sort((x, y) => (x.id < y.id ? -1 : x.id > y.id ? 1 : 0));
  return {
    onlyA: byIdSort([...ma].filter(([k]) => !mb.has(k)).map(([, e]) => brief(e))),
    onlyB: byIdSort([...mb].filter(([k]) => !ma.has(k)).map(([, e]) => brief(e))),
    types: byIdSort(types),
    aliases: byIdSort(aliases),
    owners,
    notEntities: {
      onlyA: [...sa].filter(([k]) => !sb.has(k)).map(([, v]) => v).sort(),
      onlyB: [...sb].filter(([k]) => !sa.has(k)).map(([, v]) => v).sort(),
    },
  };
}

// ---------------------------------------------------------------------------------------------------------------
// Krippendorff's unitized alpha (uα), per tag, for two analysts.

/** A stretch of the continuum: a span of the tag (`valued`) or a gap between them. */
interface Section {
  readonly start: number;
  readonly length: number;
  readonly valued: boolean;
}

/** One analyst's sections of a continuum of `length`: the tag's spans (overlapping ones joined) and the gaps. */
export function sectionsOf(spans: readonly { start: number; end: number }[], length: number): Section[] {
  const sorted = spans
    .map((s) => ({ start: Math.max(0, Math.min(s.start, length)), end: Math.max(0, Math.min(s.end, length)) }))
    .filter((s) => s.end > s.start)
    .sort((x, y) => x.start - y.start || x.end - y.end);
  const units: { start: number; end: number }[] = [];
  for (const s of sorted) {
    const last = units[units.length - 1];
    if (last && s.start <= last.end) last.end = Math.max(last.end, s.end);
    else units.push({ ...s });
  }
  const out: Section[] = [];
  let at = 0;
  for (const u of units) {
    if (u.start > at) out.push({ start: at, length: u.start - at, valued: false });
    out.push({ start: u.start, length: u.end - u.start, valued: true });
    at = u.end;
  }
  if (length > at) out.push({ start: at, length: length - at, valued: false });
  return out;
}

export interface UnitizedAlpha {
  /** Observed and expected disagreement; alpha = 1 − observed / expected (null when expected is 0). */
  readonly observed: number;
  readonly expected: number;
  readonly alpha: number | null;
}

/**
 * Krippendorff's uα of one category for two analysts on one continuum of `length` (Krippendorff 1995, 2004):
 * sections of the two analysts are compared pairwise — two overlapping spans disagree by the squares of the
 * differences of their starts and ends, a span inside the other analyst's gap by its length squared —, and the
 * observed disagreement is set against the one expected when the sections fall at random.
 */
export function unitizedAlpha(a: readonly Section[], b: readonly Section[], length: number): UnitizedAlpha {
  const m = 2;
  const L = length;
  const end = (s: Section): number => s.start + s.length;
  const inside = (x: Section, y: Section): boolean => y.start <= x.start && end(x) <= end(y);
  let sum = 0;
  for (const [p, q] of [[a, b], [b, a]] as const) {
    for (const g of p) {
      for (const h of q) {
        if (g.valued && h.valued) {
          if (g.start < end(h) && h.start < end(g)) sum += (g.start - h.start) ** 2 + (end(g) - end(h)) ** 2;
        } else if (g.valued && !h.valued) {
          if (inside(g, h)) sum += g.length ** 2;
        } else if (!g.valued && h.valued) {
          if (inside(h, g)) sum += h.length ** 2;
        }
      }
    }
  }
  const observed = L > 0 ? sum / (m * (m - 1) * L * L) : 0;
  const units = [...a, ...b].filter((s) => s.valued).map((s) => s.length);
  const gaps = [...a, ...b].filter((s) => !s.valued).map((s) => s.length);
  const n = units.length;
  let chance = 0;
  for (const l of units) {
    let fits = 0;
    for (const g of gaps) if (g >= l) fits += g - l + 1;
    chance += ((n - 1) / 3) * (2 * l ** 3 - 3 * l ** 2 + l) + l * l * fits;
  }
  const denominator = m * L * (m * L - 1) - units.reduce((s, l) => s + l * (l - 1), 0);
  const expected = denominator > 0 && L > 0 ? ((4 / (m * L)) * chance) / denominator : 0;
  return { observed, expected, alpha: expected > 0 ? 1 - observed / expected : null };
}

/**
 * uα per tag over articles: the articles either analyst tagged, one after another, form one continuum (`lengths`:
 * each article's length; articles without a length are left out).
 */
export function unitizedAlphaByTag(a: SpansByDocument, b: SpansByDocument, lengths: ReadonlyMap<string, number>): { tag: string; alpha: number | null; observed: number; expected: number }[] {
  const docs = [...new Set([...a.keys(), ...b.keys()])].filter((d) => lengths.has(d)).sort();
  const tags = [...new Set([...a.values(), ...b.values()].flatMap((xs) => xs.map((x) => x.tag)))].sort();
  const total = docs.reduce((s, d) => s + lengths.get(d)!, 0);
  return tags.map((tag) => {
    const sections = (side: SpansByDocument): Section[] => {
      const out: Section[] = [];
      let offset = 0;
      for (const d of docs) {
        const len = lengths.get(d)!;
        for (const s of sectionsOf((side.get(d) ?? []).filter((x) => x.tag === tag), len)) out.push({ ...s, start: s.start + offset });
        offset += len;
      }
      return out;
    };
    return { tag, ...unitizedAlpha(sections(a), sections(b), total) };
  });
}
