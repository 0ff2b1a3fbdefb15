/**
 * The graph of distinct name forms: one node per (type group, name key), joined by a union–find that never joins two
 * registry entities. Full names are merged when their joined keys are equal (`Việt Nam` = `Vietnam`) or when every
 * token corresponds and at most one token differs by a tolerated edit (`Khamlieng`/`Khamliang Outhakaysone`).
 * Fuzzy candidates are found by blocking on one-deletion variants, never by comparing all pairs.
 */
import type { CancellationToken, EntityType } from '../types';
import { throwIfCancelled } from '../types';
import { deletionVariants, FUZZY_MIN_LENGTH, tokenKeysMatch } from './nameKey';
import type { NameForm } from './nameForm';

/**
 * Types that may share one entity when their names are the same. PERSON and MISC stand alone; ORG and LOCATION
 * form one group, because news uses a place for its government or team (`Vietnam said…`, `Hanoi’s support`) and a
 * recogniser tags such mentions either way. Only identical or variant spellings merge, never partial names.
 */
export type TypeGroup = 'P' | 'OL' | 'M';
export function typeGroupOf(type: EntityType): TypeGroup {
  return type === 'PERSON' ? 'P' : type === 'MISC' ? 'M' : 'OL';
}

export interface FormNode {
  readonly index: number;
  readonly group: TypeGroup;
  readonly form: NameForm;
  /** A single-token person name (`Chinh`, `Vilay`): resolved per document, not merged globally. */
  partial: boolean;
}

export class UnionFind {
  private readonly parent: number[] = [];
  /** Registry entity index owning a root, if any. */
  private readonly owner: (number | undefined)[] = [];

  add(owner?: number): number {
    const i = this.parent.length;
    this.parent.push(i);
    this.owner.push(owner);
    return i;
  }

  find(i: number): number {
    let r = i;
    while (this.parent[r] !== r) r = this.parent[r];
    while (this.parent[i] !== r) {
      const next = this.parent[i];
      this.parent[i] = r;
      i = next;
    }
    return r;
  }

  ownerOf(i: number): number | undefined {
    return this.owner[this.find(i)];
  }

  /** Joins two sets unless they belong to two different registry entities; the smaller index becomes the root. */
  union(a: number, b: number): boolean {
    let ra = this.find(a);
    let rb = this.find(b);
    if (ra === rb) return true;
    const oa = this.owner[ra];
    const ob = this.owner[rb];
    if (oa !== undefined && ob !== undefined && oa !== ob) return false;
    if (rb < ra) [ra, rb] = [rb, ra];
    this.parent[rb] = ra;
    this.owner[ra] = oa ?? ob;
    return true;
  }
}

const FUZZY_MAX_NAME_KEYS = 12;

/** Merges the full-name nodes (not partial) of one graph; nodes' union–find indices equal their `index`. */
export function mergeFullForms(nodes: readonly FormNode[], uf: UnionFind, token?: CancellationToken): void {
  const byCompact = new Map<string, number>();
  const blocks = new Map<string, number[]>();
  const interned = new Map<string, number>();
  const intern = (text: string): number => {
    let id = interned.get(text);
    if (id === undefined) interned.set(text, (id = interned.size));
    return id;
  };
  let n = 0;
  for (const node of nodes) {
    if (node.partial || node.form.keys.length === 0) continue;
    if ((++n & 1023) === 0) throwIfCancelled(token);
    const ck = `${node.group}|${node.form.compact}`;
    const first = byCompact.get(ck);
    if (first === undefined) byCompact.set(ck, node.index);
    else uf.union(first, node.index);
    const keys = node.form.keys;
    // Spelling variants of names of up to 12 tokens (the longest real names: `Việt Nam – Laos Friendship Association in
    // the People's Public Security`); a longer run of capitalised words merges with its exact spelling only, so that
    // a page of them does not fill the blocks with a signature per token, letter and name.
    if (keys.length > FUZZY_MAX_NAME_KEYS) continue;
    for (let i = 0; i < keys.length; i++) {
      if (keys[i].length < FUZZY_MIN_LENGTH) continue;
      // The keys before and after the varied one, as small numbers: a signature per deletion variant then costs the
      // length of the variant, not of the whole name again (long names made this grow with the square of their length).
      const before = intern(keys.slice(0, i).join(' '));
      const after = intern(keys.slice(i + 1).join(' '));
      for (const v of deletionVariants(keys[i])) {
        const sig = `${node.group}|${keys.length}|${i}|${before}|${v}|${after}`;
        const list = blocks.get(sig);
        if (list) list.push(node.index);
        else blocks.set(sig, [node.index]);
      }
    }
  }
  for (const [sig, list] of blocks) {
    if (list.length < 2) continue;
    if ((++n & 1023) === 0) throwIfCancelled(token);
    const pos = Number(sig.split('|')[2]);
    for (let a = 0; a < list.length; a++) {
      for (let b = a + 1; b < list.length; b++) {
        // Already one entity (merged by an earlier pair or spelling): comparing them again changes nothing.
        if (uf.find(list[a]) === uf.find(list[b])) continue;
        const ka = nodes[list[a]].form.keys[pos];
        const kb = nodes[list[b]].form.keys[pos];
        if (tokenKeysMatch(ka, kb)) uf.union(list[a], list[b]);
      }
    }
  }
}
