/**
 * What in an article needs an analyst (the worklist), and what is only shown in place. Pure: the analysis and the
 * clustering in, one verdict per finding out; hosts map verdicts to severities (the language server) or filters (a
 * report).
 *
 * On the worklist, once per entity per article (its first mention outside boilerplate):
 * - a name the registry does not know yet (`new-name`): confirm it, correct it, or say it is not an entity;
 * - a name that may be another entity (`possible-merge`): the same words with another type (`Party`, an organisation
 *   here and an other name there), or, with the same type, spellings one edit apart or an acronym of the other's
 *   name; not when the registry settled both already.
 * And every date whose value could not be resolved (`unresolved-date`, an `X` in its value, such as `XXXX-06-02`).
 *
 * Everything else is `in-place`: each further mention of a name, names the registry knows, names and dates inside
 * boilerplate, nationality adjectives (`Vietnamese`, `Lao`), resolved dates.
 */
import type { BoilerplateFinding, DateMention, EntityMention } from './types';
import { mentionCountOf, type EntityCluster, type EntityClustering } from './entities/aliases';
import { foldKey, gazBitsOf, Gaz } from './entities/gazetteer/index';
import { lookAlikes } from './entities/lookAlikes';

export interface EntityVerdict {
  readonly mention: EntityMention;
  /** Undefined: shown in place only. */
  readonly reason?: 'new-name' | 'possible-merge';
  /** For `possible-merge`: the entities it may be. */
  readonly mergeWith?: readonly EntityCluster[];
  /** Why it is not on the worklist, for people (hover, message): `inside boilerplate`, `nationality adjective`, … */
  readonly note?: string;
}

export interface DateVerdict {
  readonly date: DateMention;
  readonly reason?: 'unresolved-date';
  readonly note?: string;
}

export interface WorklistInput {
  readonly entities: readonly EntityMention[];
  readonly dates: readonly DateMention[];
  readonly boilerplate: readonly BoilerplateFinding[];
}

export interface WorklistOptions {
  /** Whether the registry names this entity already. */
  readonly inRegistry: (cluster: EntityCluster) => boolean;
}

const MAX_MERGES = 3;

/** A nationality or group adjective on its own (`Vietnamese`, `Lao`): a MISC name nobody needs to confirm. */
export function isDemonym(text: string): boolean {
  const words = text.trim().split(/\s+/);
  return words.length === 1 && (gazBitsOf(foldKey(words[0])) & Gaz.Demonym) !== 0;
}

/**
 * Whether `[start, end)` lies inside (or overlaps) a boilerplate finding: the findings by start, with the furthest end
 * of each prefix, searched once a mention (a long article has hundreds of findings and thousands of mentions).
 */
function boilerplateOverlap(boilerplate: readonly BoilerplateFinding[]): (start: number, end: number) => boolean {
  if (!boilerplate.length) return () => false;
  const sorted = [...boilerplate].sort((a, b) => a.start - b.start);
  const starts = sorted.map((b) => b.start);
  const furthest: number[] = [];
  let max = -Infinity;
  for (const b of sorted) furthest.push((max = Math.max(max, b.end)));
  return (start, end) => {
    // The findings that start before `end`: the first `lo` of them; one of them overlaps if it ends after `start`.
    let lo = 0;
    let hi = starts.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (starts[mid] < end) lo = mid + 1;
      else hi = mid;
    }
    return lo > 0 && furthest[lo - 1] > start;
  };
}

/** A date value that could not be resolved: unknown digits (`XXXX-06-02`, `2025-XX`). */
export function isUnresolvedDate(date: DateMention): boolean {
  return date.kind !== 'DURATION' && /X/.test(date.value);
}

export function entityWorklist(
  input: WorklistInput,
  clustering: EntityClustering,
  options: WorklistOptions,
): EntityVerdict[] {
  const seen = new Set<string>();
  const merges = new Map<string, readonly EntityCluster[]>();
  const inBoilerplate = boilerplateOverlap(input.boilerplate);
  return input.entities.map((mention): EntityVerdict => {
    if (inBoilerplate(mention.start, mention.end)) return { mention, note: 'inside boilerplate' };
    if (mention.type === 'MISC' && isDemonym(mention.text)) return { mention, note: 'nationality or group adjective' };
    if (seen.has(mention.entityId)) return { mention, note: 'mentioned earlier in this article' };
    seen.add(mention.entityId);
    const cluster = clustering.cluster(mention.entityId);
    if (!cluster) return { mention };
    let mergeWith = merges.get(cluster.entityId);
    if (!mergeWith) {
      mergeWith = possibleMerges(cluster, clustering, options.inRegistry);
      merges.set(cluster.entityId, mergeWith);
    }
    if (mergeWith.length) return { mention, reason: 'possible-merge', mergeWith };
    if (!options.inRegistry(cluster)) return { mention, reason: 'new-name' };
    return { mention, note: 'in the registry' };
  });
}

export function dateWorklist(input: WorklistInput): DateVerdict[] {
  const inBoilerplate = boilerplateOverlap(input.boilerplate);
  return input.dates.map((date): DateVerdict => {
    if (inBoilerplate(date.start, date.end)) return { date, note: 'inside boilerplate' };
    return isUnresolvedDate(date) ? { date, reason: 'unresolved-date' } : { date };
  });
}

/**
 * Other entities that `cluster` may be (entities/lookAlikes.ts): the same words under another type, spellings one edit
 * apart, an acronym. Pairs the registry settled (both entities in it) are left out.
 */
export function possibleMerges(cluster: EntityCluster, clustering: EntityClustering, inRegistry: (c: EntityCluster) => boolean): EntityCluster[] {
  const settled = inRegistry(cluster);
  return lookAlikes(cluster, clustering, (other) => mentionCountOf(other) > 0 && !(settled && inRegistry(other)), MAX_MERGES);
}
