/**
 * The label of an entity in workspace symbols (Ctrl+T). VS Code filters the server's results again by their label,
 * with its own fuzzy match (the query's letters in order, case ignored), so an entity found by another spelling
 * (`khamlieng` → Khamliang Outhakaysone) would be dropped. The label is the canonical name, followed by the
 * spelling the query matches when the canonical name does not: `Khamliang Outhakaysone (Khamlieng Outhakaysone)`.
 * A query typed without accents (`luong`) gets the name written without them: `Lương Tam Quang (Luong Tam Quang)`
 * (VS Code's filter compares the letters as written: `u` is not `ư`).
 */
import { registryKey, type EntityCluster } from '../core/index';

/** Whether the query's letters (spaces ignored) appear in `label` in order, case ignored: what VS Code's filter needs. */
export function labelMatches(label: string, query: string): boolean {
  const q = query.toLowerCase().replace(/\s+/g, '');
  const l = label.toLowerCase();
  let i = 0;
  for (let j = 0; j < l.length && i < q.length; j++) if (l[j] === q[i]) i++;
  return i === q.length;
}

/** `s` without its accents and other combining marks (`Lương` → `Luong`, `Đà` → `Da`), its case kept. */
export function withoutAccents(s: string): string {
  return s.normalize('NFD').replace(/\p{M}/gu, '').replace(/đ/g, 'd').replace(/Đ/g, 'D').normalize('NFC');
}

export function workspaceSymbolName(cluster: EntityCluster, query: string): string {
  const q = query.trim();
  if (!q || labelMatches(cluster.canonical, q)) return cluster.canonical;
  const plain = withoutAccents(cluster.canonical);
  if (plain !== cluster.canonical && labelMatches(plain, q)) return `${cluster.canonical} (${plain})`;
  const spellings = [...cluster.spellings.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).map(([s]) => s);
  const folded = registryKey(q);
  const others = spellings.filter((s) => s !== cluster.canonical);
  const matching = others.filter((s) => labelMatches(s, q));
  // The spelling that holds the query as written, else one whose letters it follows, else the one sharing the
  // longest start with it (the core found the entity by a fuzzier match than VS Code's).
  const best =
    matching.find((s) => registryKey(s).includes(folded)) ??
    matching[0] ??
    others.map((s) => ({ s, n: commonStart(registryKey(s), folded) })).sort((a, b) => b.n - a.n)[0]?.s;
  return best ? `${cluster.canonical} (${best})` : cluster.canonical;
}

function commonStart(a: string, b: string): number {
  let n = 0;
  while (n < a.length && n < b.length && a[n] === b[n]) n++;
  return n;
}
