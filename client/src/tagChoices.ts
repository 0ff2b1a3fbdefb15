/**
 * The tagging UI's decisions, kept free of `vscode` so that they are unit-tested (test/unit/clientTags): the order of
 * the tag picker, when it offers a new tag, what a rename will do, the Corpus Tags filter, and taxonomy colours.
 */

import { normalizeTagName } from '../../server/src/core/annotations/tagNames';

export { normalizeTagName };

export interface TaxonomyEntryLike {
  readonly name: string;
  readonly description?: string;
  readonly color?: string;
}

export type TagChoiceGroup = 'recent' | 'taxonomy' | 'inUse';

export interface TagChoice {
  readonly label: string;
  readonly group: TagChoiceGroup;
  /** Passages with this tag now. */
  readonly count: number;
  /** From the taxonomy. */
  readonly description?: string;
}

export interface TagChoiceInput {
  /** Tags used recently, most recent first (names no longer in use nor in the taxonomy are dropped). */
  readonly recent: readonly string[];
  readonly taxonomy: readonly TaxonomyEntryLike[];
  /** Tags in use, with their number of passages. */
  readonly inUse: ReadonlyMap<string, number>;
}

/**
 * The tag picker's list: recent tags first, then the taxonomy (by name, hierarchical names in full), then the other
 * tags in use (most used first). Each name appears once, in the first group it belongs to.
 */
export function tagChoices(input: TagChoiceInput): TagChoice[] {
  const described = new Map(input.taxonomy.map((t) => [t.name, t.description]));
  const known = (l: string) => input.inUse.has(l) || described.has(l);
  const seen = new Set<string>();
  const out: TagChoice[] = [];
  const push = (label: string, group: TagChoiceGroup) => {
    if (seen.has(label)) return;
    seen.add(label);
    const description = described.get(label);
    out.push({ label, group, count: input.inUse.get(label) ?? 0, ...(description ? { description } : {}) });
  };
  for (const l of input.recent) if (known(l)) push(l, 'recent');
  for (const t of [...input.taxonomy].sort((a, b) => a.name.localeCompare(b.name))) push(t.name, 'taxonomy');
  const others = [...input.inUse.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
  for (const [l] of others) push(l, 'inUse');
  return out;
}

/** Whether `typed` names a tag of the list exactly (after normalising): then no "new tag" entry is offered. */
export function isExistingTag(choices: readonly TagChoice[], typed: string): boolean {
  const name = normalizeTagName(typed);
  return choices.some((c) => c.label === name);
}

export type RenamePlan =
  | { readonly kind: 'same' }
  | { readonly kind: 'invalid'; readonly message: string }
  | { readonly kind: 'rename' | 'move' | 'merge'; readonly to: string; readonly message: string };

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/**
 * What renaming `from` to `typed` will do, said for the input box: the server renames the tag and every tag below it
 * (`from/x` → `to/x`) in every sidecar and in the taxonomy; a name that exists already merges.
 * `inUse` counts passages by tag; `taxonomy` is the names of the taxonomy.
 */
export function planRename(from: string, typed: string, inUse: ReadonlyMap<string, number>, taxonomy: ReadonlySet<string>): RenamePlan {
  const to = normalizeTagName(typed);
  if (!to) return { kind: 'invalid', message: 'A tag needs a name.' };
  if (to.length > 80) return { kind: 'invalid', message: 'A tag name has at most 80 characters.' };
  if (/[\r\n]/.test(to)) return { kind: 'invalid', message: 'A tag name is one line.' };
  if (to === from) return { kind: 'same' };
  if (to.startsWith(`${from}/`)) return { kind: 'invalid', message: `“${from}” cannot be moved below itself.` };
  const below = (label: string, root: string) => label === root || label.startsWith(`${root}/`);
  let passages = 0;
  const subtags = new Set<string>();
  for (const [label, n] of inUse) {
    if (!below(label, from)) continue;
    passages += n;
    if (label !== from) subtags.add(label);
  }
  for (const name of taxonomy) if (below(name, from) && name !== from) subtags.add(name);
  const targets = [from, ...subtags].map((l) => `${to}${l.slice(from.length)}`);
  const existing = targets.filter((t) => inUse.has(t) || taxonomy.has(t));
  const what = `${plural(passages, 'passage')}${subtags.size ? ` and ${plural(subtags.size, 'subtag')}` : ''}`;
  if (existing.length) {
    const target = existing.includes(to) ? to : existing[0];
    const theirs = inUse.get(target) ?? 0;
    return {
      kind: 'merge',
      to,
      message: `“${target}” exists already (${plural(theirs, 'passage')}): Enter merges “${from}” (${what}) into it, in every article and the taxonomy (Undo Last Tag Operation takes it back).`,
    };
  }
  const parent = (name: string) => (name.includes('/') ? name.slice(0, name.lastIndexOf('/')) : '');
  const moved = parent(from) !== parent(to);
  return {
    kind: moved ? 'move' : 'rename',
    to,
    message: `Enter ${moved ? `moves “${from}” to “${to}”` : `renames “${from}” to “${to}”`} (${what}) in every article and the taxonomy.`,
  };
}

/**
 * One term of the Corpus Tags filter: `tag:x`, `article:x`, `text:x` (quote or note), `author:x` (who tagged it), or a
 * bare word (any of them).
 */
export interface FilterTerm {
  readonly field: 'tag' | 'article' | 'text' | 'author' | 'any';
  readonly value: string;
}

export interface TagFilter {
  /** As the user typed it. */
  readonly text: string;
  readonly terms: readonly FilterTerm[];
}

/** Parses the filter; words in double quotes stay together (`text:"police ties"`). Undefined when empty. */
export function parseTagFilter(text: string): TagFilter | undefined {
  const terms: FilterTerm[] = [];
  const re = /(?:(tag|article|text|author):)?(?:"([^"]*)"?|(\S+))/gi;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const value = (m[2] ?? m[3] ?? '').trim().toLowerCase();
    if (!value) continue;
    terms.push({ field: (m[1]?.toLowerCase() as FilterTerm['field'] | undefined) ?? 'any', value });
  }
  return terms.length ? { text: text.trim(), terms } : undefined;
}

export interface FilterableTag {
  readonly tag: string;
  readonly document: string;
  readonly quote: string;
  readonly note?: string;
  readonly author?: string;
}

/** Whether a tag passes every term of the filter (case-insensitive substrings). */
export function matchesTagFilter(filter: TagFilter | undefined, t: FilterableTag): boolean {
  if (!filter) return true;
  const has = (s: string | undefined, v: string) => !!s && s.toLowerCase().includes(v);
  return filter.terms.every(({ field, value }) => {
    if (field === 'tag') return has(t.tag, value);
    if (field === 'article') return has(t.document, value);
    if (field === 'text') return has(t.quote, value) || has(t.note, value);
    if (field === 'author') return has(t.author, value);
    return has(t.tag, value) || has(t.document, value) || has(t.quote, value) || has(t.note, value) || has(t.author, value);
  });
}

/** The taxonomy colour of a tag: its own, else its nearest ancestor's (`security` for `security/cybercrime`). */
export function colorOfTag(tag: string, colors: ReadonlyMap<string, string>): string | undefined {
  for (let name = tag; name; name = name.includes('/') ? name.slice(0, name.lastIndexOf('/')) : '') {
    const c = colors.get(name);
    if (c) return c;
  }
  return undefined;
}

/** A taxonomy colour (`#rgb`, `#rrggbb`, `#rrggbbaa`) as `#rrggbb`, or undefined when it is not one. */
export function opaqueColor(color: string): string | undefined {
  const m = /^#([0-9a-f]{3}|[0-9a-f]{6}|[0-9a-f]{8})$/i.exec(color.trim());
  if (!m) return undefined;
  const hex = m[1].length === 3 ? [...m[1]].map((c) => c + c).join('') : m[1].slice(0, 6);
  return `#${hex.toLowerCase()}`;
}
