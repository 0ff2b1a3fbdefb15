/**
 * Acronyms cluster with their long forms (`EU` = `European Union`, `MPS` = `Ministry of Public Security`): a name
 * written in capitals only, of two to six letters, joins the one long form of its type group whose initials spell it
 * (with or without the small words `of`, `the`, `and`…). When several entities share those initials, or the
 * acronym is an entity's own spelling already, nothing is joined. Cost: one pass over the name forms.
 */
import type { FormNode, UnionFind } from './clusterGraph';

const SMALL = new Set(['of', 'the', 'and', 'for', 'in', 'on', 'at', 'to', 'a', 'an', 'de', 'du', 'des', 'la', 'le', 'et', 's']);
const ACRONYM = /^\p{Lu}{2,6}$/u;

export function mergeAcronyms(nodes: readonly FormNode[], uf: UnionFind): void {
  const longForms = new Map<string, Set<number>>();
  const acronyms: FormNode[] = [];
  for (const node of nodes) {
    if (node.partial || node.form.keys.length === 0 || node.group === 'P') continue;
    const plain = node.form.display.replace(/\./g, '');
    if (ACRONYM.test(plain)) { acronyms.push(node); continue; }
    const tokens = node.form.tokens;
    if (tokens.length < 2 || tokens.length > 8) continue;
    const all = tokens.map((t) => t[0]).join('');
    const content = tokens.filter((t) => !SMALL.has(t)).map((t) => t[0]).join('');
    for (const initials of new Set([all, content])) {
      if (initials.length < 2) continue;
      const key = `${node.group}|${initials}`;
      let set = longForms.get(key);
      if (!set) longForms.set(key, (set = new Set()));
      set.add(node.index);
    }
  }
  for (const a of acronyms) {
    const set = longForms.get(`${a.group}|${a.form.display.replace(/\./g, '').toLowerCase()}`);
    if (!set) continue;
    const roots = new Set([...set].map((i) => uf.find(i)));
    if (roots.size === 1) uf.union(a.index, [...set][0]);
  }
}
