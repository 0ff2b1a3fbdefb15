/**
 * Acronyms cluster with their long forms (`EU` = `European Union`, `MPS` = `Ministry of Public Security`): a name
 * written in capitals only, of two to six letters, joins the one long form of its type group whose initials spell it
 * (with or without the small words `of`, `the`, `and`…). When several entities share those initials, or the
 * acronym is an entity's own spelling already, nothing is joined. Cost: one pass over the name forms.
 *
 * Every acronym is decided on the entities as full names made them, before any acronym joins one: the outcome does
 * not depend on the order acronyms are met in, so a part of the graph can be decided again alone (incrementalClustering.ts).
 */
import type { FormNode, UnionFind } from './clusterGraph';

const SMALL = new Set(['of', 'the', 'and', 'for', 'in', 'on', 'at', 'to', 'a', 'an', 'de', 'du', 'des', 'la', 'le', 'et', 's']);
const ACRONYM = /^\p{Lu}{2,6}$/u;

/** The key an acronym node is looked up under (`OL|eu`), or undefined when the node is not an acronym. */
export function acronymKeyOf(node: FormNode): string | undefined {
  if (node.partial || node.form.keys.length === 0 || node.group === 'P') return undefined;
  const plain = node.form.display.replace(/\./g, '');
  return ACRONYM.test(plain) ? `${node.group}|${plain.toLowerCase()}` : undefined;
}

/** The keys a long form spells with its initials (`OL|eu` for `European Union`); none for an acronym or a short name. */
export function longFormKeysOf(node: FormNode): string[] {
  if (node.partial || node.form.keys.length === 0 || node.group === 'P') return [];
  if (ACRONYM.test(node.form.display.replace(/\./g, ''))) return [];
  const tokens = node.form.tokens;
  if (tokens.length < 2 || tokens.length > 8) return [];
  const all = tokens.map((t) => t[0]).join('');
  const content = tokens.filter((t) => !SMALL.has(t)).map((t) => t[0]).join('');
  const keys: string[] = [];
  for (const initials of new Set([all, content])) if (initials.length >= 2) keys.push(`${node.group}|${initials}`);
  return keys;
}

export function mergeAcronyms(nodes: Iterable<FormNode>, uf: Pick<UnionFind, 'find' | 'union'>): void {
  const longForms = new Map<string, number[]>();
  const acronyms: { node: FormNode; key: string }[] = [];
  for (const node of nodes) {
    const key = acronymKeyOf(node);
    if (key !== undefined) {
      acronyms.push({ node, key });
      continue;
    }
    for (const k of longFormKeysOf(node)) {
      const list = longForms.get(k);
      if (list) list.push(node.index);
      else longForms.set(k, [node.index]);
    }
  }
  const joins: [number, number][] = [];
  for (const { node, key } of acronyms) {
    const list = longForms.get(key);
    if (!list) continue;
    const root = uf.find(list[0]);
    if (list.every((i) => uf.find(i) === root)) joins.push([node.index, list[0]]);
  }
  for (const [a, b] of joins) uf.union(a, b);
}
