/**
 * Naming a cluster: its canonical name (the most frequent full form as written, unless the registry gives one) and
 * its stable id (the registry's id, else the ASCII slug of the canonical name, with a type suffix when two entities
 * would share a slug).
 */
import { ENTITY_TYPES, type EntityType } from '../types';
import { hasDiacritics, nameTokens, slugify } from './nameKey';

/** A headline-style all-caps form (`VIETNAM`) loses to a mixed-case one; short acronyms (`ASEAN`, `NATO`) do not. */
function isShouted(form: string): boolean {
  return !/\p{Ll}/u.test(form) && /\p{Lu}{6,}/u.test(form);
}

/**
 * The most frequent form; ties go to the longer (more tokens), then to the one written with diacritics
 * (`Lương Cường` over `Luong Cuong`), then to the form seen first in corpus order (documents sorted by key, then
 * by position), which the caller guarantees by inserting forms in that order; so the choice never depends on the
 * order in which documents were given.
 */
export function chooseCanonical(forms: ReadonlyMap<string, number>): string {
  let best: string | undefined;
  let bestScore: [number, number, number, number] = [0, 0, 0, 0];
  for (const [form, count] of forms) {
    const score: [number, number, number, number] = [isShouted(form) ? 0 : 1, count, nameTokens(form).length, hasDiacritics(form) ? 1 : 0];
    if (best === undefined || compareScores(score, bestScore) > 0) {
      best = form;
      bestScore = score;
    }
  }
  return best ?? '';
}

function compareScores(a: readonly number[], b: readonly number[]): number {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return a[i] - b[i];
  return 0;
}

export interface IdRequest {
  readonly explicitId?: string;
  readonly canonical: string;
  readonly type: EntityType;
  readonly mentionCount: number;
  /**
   * A deterministic tie-breaker (e.g. the first mention's uri and offset), made only when two requests tie on all else
   * (a corpus of thousands of entities made a string for each).
   */
  readonly order: () => string;
}

/**
 * Ids for all clusters at once. Explicit (registry) ids are kept; among the others sharing a slug, the one with the
 * most mentions keeps the bare slug and the rest get `-<type>` (then `-<type>-2`, …).
 */
export function assignIds(requests: readonly IdRequest[]): string[] {
  const ids = new Array<string>(requests.length);
  const taken = new Set<string>();
  requests.forEach((r, i) => {
    if (r.explicitId) {
      ids[i] = r.explicitId;
      taken.add(r.explicitId);
    }
  });
  const rest = requests
    .map((r, i) => ({ r, i, slug: slugify(r.canonical) }))
    .filter(({ r }) => !r.explicitId)
    .sort(idOrder);
  for (const { r, i, slug } of rest) {
    const id = freeId(slug, r.type, (x) => taken.has(x));
    ids[i] = id;
    taken.add(id);
  }
  return ids;
}

/**
 * The order entities are given ids in (assignIds; clusterIds.ts keeps it): by slug, then the most mentioned first, then
 * by type, canonical name and first place.
 */
export function idOrder(a: { slug: string; r: Omit<IdRequest, 'explicitId'> }, b: { slug: string; r: Omit<IdRequest, 'explicitId'> }): number {
  return (
    cmp(a.slug, b.slug) ||
    b.r.mentionCount - a.r.mentionCount ||
    ENTITY_TYPES.indexOf(a.r.type) - ENTITY_TYPES.indexOf(b.r.type) ||
    cmp(a.r.canonical, b.r.canonical) ||
    cmp(a.r.order(), b.r.order())
  );
}

/** The entity's id: its slug, else the slug with its type, else with its type and the first free number from 2. */
export function freeId(slug: string, type: EntityType, isTaken: (id: string) => boolean): string {
  let id = slug;
  if (isTaken(id)) id = `${slug}-${type.toLowerCase()}`;
  for (let n = 2; isTaken(id); n++) id = `${slug}-${type.toLowerCase()}-${n}`;
  return id;
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
