/** Human-readable wording of findings, shared by the language server and the CLI. */
import type { BoilerplateFinding, DateMention, EntityMention, EntityType } from './types';
import { mentionCountOf, type EntityCluster } from './entities/aliases';
import { registryKey } from './entities/registry';
import { articleCount, spellingsByCount } from './entities/clusterFacts';

export { articleCount, spellingsByCount } from './entities/clusterFacts';

const TYPE_NAMES: Record<EntityType, string> = { PERSON: 'Person', ORG: 'Organisation', LOCATION: 'Place', MISC: 'Other name' };

export function entityTypeName(type: EntityType): string {
  return TYPE_NAMES[type];
}

/**
 * The type inside a sentence, with its article, in the words of the type names (one vocabulary in every view,
 * message and action title): "a person", "an organisation", "a place", "an other name".
 */
const TYPE_PHRASES: Record<EntityType, string> = { PERSON: 'a person', ORG: 'an organisation', LOCATION: 'a place', MISC: 'an other name' };

export function entityTypePhrase(type: EntityType): string {
  return TYPE_PHRASES[type];
}

/** Spellings of a cluster other than `except`, most frequent first. */
export function otherSpellings(cluster: EntityCluster, except?: string): [string, number][] {
  return spellingsByCount(cluster).filter(([s]) => s !== except).map(([s, n]) => [s, n]);
}

/**
 * What a diagnostic says of a name. `scope` 'article': `cluster` holds this article's names only (the corpus is still
 * being indexed), and the counts say so.
 */
export function entityMessage(mention: EntityMention, cluster?: EntityCluster, scope: 'corpus' | 'article' = 'corpus'): string {
  const base = `${entityTypeName(mention.type)}: ${mention.canonical}`;
  if (!cluster) return base;
  // Spellings that differ only by case, diacritics or spacing (a no-break space) from this one, or from the name the
  // message already gives, are not news.
  const seen = new Set([registryKey(mention.text), registryKey(mention.canonical)]);
  const others = otherSpellings(cluster, mention.text)
    .map(([s]) => s)
    .filter((s) => !seen.has(registryKey(s)) && !!seen.add(registryKey(s)));
  const articles = articleCount(cluster);
  const also = others.length ? `; also written ${others.slice(0, 4).join(', ')}${others.length > 4 ? ', …' : ''}` : '';
  if (scope === 'article') return `${base}${also} (${plural(mentionCountOf(cluster), 'mention')} in this article; the corpus is still being indexed)`;
  return `${base}${also} (${plural(mentionCountOf(cluster), 'mention')} in ${plural(articles, 'article')})`;
}

export function dateMessage(date: DateMention): string {
  const what = date.kind === 'DURATION' ? 'Duration' : date.kind === 'TIME' ? 'Time' : date.kind === 'SET' ? 'Recurring' : 'Date';
  return `${what}: ${date.value} (${date.resolution})`;
}

export function boilerplateMessage(finding: BoilerplateFinding): string {
  const what = finding.kind === 'chrome' ? 'Page chrome' : finding.kind === 'duplicate' ? 'Duplicate' : 'Near-duplicate';
  return `${what}: ${finding.reason}`;
}

export function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}
