/**
 * The graph of distinct name forms: one node per (type group, name key), joined by a union–find that never joins two
 * registry entities. Full names are merged when their joined keys are equal (`Việt Nam` = `Vietnam`) or when every
 * token corresponds and at most one token differs by a tolerated edit (`Khamlieng`/`Khamliang Outhakaysone`).
 * Fuzzy candidates are found by blocking on one-deletion variants, never by comparing all pairs.
 */
import type { CancellationToken, EntityType } from '../types';
import { throwIfCancelled } from '../types';
import { deletionVariantHashes, FUZZY_MIN_LENGTH, tokenKeysMatch } from './nameKey';
import type { NameForm } from './nameForm';
import { IntTable } from '../collections/intTable';
import { hashString, mix } from './hashing';
import { runToEnd } from '../slices';
import { IntColumn } from '../collections/intColumn';

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
  /** Columns of integers (collections/intColumn.ts): a node each, hundreds of thousands at 10,000 articles. */
  private readonly parent = new IntColumn();
  /** Registry entity index owning a root, or -1. */
  private readonly owner = new IntColumn();
  /** Unions refused so far because the two sets belong to two registry entities (`union`). */
  refusals = 0;

  add(owner?: number): number {
    const i = this.parent.length;
    this.parent.push(i);
    this.owner.push(owner ?? -1);
    return i;
  }

  find(i: number): number {
    const parent = this.parent;
    let r = i;
    while (parent.get(r) !== r) r = parent.get(r);
    while (parent.get(i) !== r) {
      const next = parent.get(i);
      parent.set(i, r);
      i = next;
    }
    return r;
  }

  ownerOf(i: number): number | undefined {
    const owner = this.owner.get(this.find(i));
    return owner < 0 ? undefined : owner;
  }

  /** Joins two sets unless they belong to two different registry entities; the smaller index becomes the root. */
  union(a: number, b: number): boolean {
    let ra = this.find(a);
    let rb = this.find(b);
    if (ra === rb) return true;
    const oa = this.owner.get(ra);
    const ob = this.owner.get(rb);
    if (oa >= 0 && ob >= 0 && oa !== ob) {
      this.refusals++;
      return false;
    }
    if (rb < ra) [ra, rb] = [rb, ra];
    this.parent.set(rb, ra);
    this.owner.set(ra, oa >= 0 ? oa : ob);
    return true;
  }
}

export const FUZZY_MAX_NAME_KEYS = 12;

const GROUP_CODES: Record<TypeGroup, number> = { P: 1, OL: 2, M: 3 };

/** A 30-bit key from two integers (a small integer: the fast kind of Map or table key). */
function key30(a: number, b: number): number {
  return mix(a, b) & 0x3fffffff;
}

/** Merges the full-name nodes (not partial) of one graph; nodes' union–find indices equal their `index`. */
export function mergeFullForms(nodes: readonly FormNode[], uf: UnionFind, token?: CancellationToken): void {
  runToEnd(mergeFullFormsInSlices(nodes, uf, token));
}

/** `mergeFullForms` in slices of about a thousand names or blocks each (incrementalClustering.ts makes a corpus's in idle turns). */
export function* mergeFullFormsInSlices(nodes: readonly FormNode[], uf: UnionFind, token?: CancellationToken): Generator<void, void, void> {
  const byCompact = new Map<string, number>();
  // A slot is the place of the varied key: type group, number of keys, its index, and the keys before and after it.
  // Slots are found by a hash of all that (prefix and suffix hashes of the keys, so a long name costs its length and
  // not its square), each checked against the name that opened it: a slot of another name met under the same number
  // is passed over to the next number. Only names of one slot can be variants of each other: the keys of slots that
  // only one name has (most of them, on a page of distinct names) are not varied at all.
  const slots = new IntTable();
  // Columns of integers, not arrays (collections/intColumn.ts): hundreds of thousands of each at 10,000 articles.
  const slotNode = new IntColumn(nodes.length);
  const slotPosition = new IntColumn(nodes.length);
  const slotNames = new IntColumn(nodes.length);
  const sameSlot = (slot: number, node: FormNode, i: number): boolean => {
    const other = nodes[slotNode.get(slot)];
    if (slotPosition.get(slot) !== i || other.group !== node.group) return false;
    const a = other.form.keys;
    const b = node.form.keys;
    if (a.length !== b.length) return false;
    for (let j = 0; j < a.length; j++) if (j !== i && a[j] !== b[j]) return false;
    return true;
  };
  // The (node, slot) of each key long enough to vary, in the order met.
  const placedNode = new IntColumn(2 * nodes.length);
  const placedSlot = new IntColumn(2 * nodes.length);
  const prefix = new Int32Array(FUZZY_MAX_NAME_KEYS + 1);
  const suffix = new Int32Array(FUZZY_MAX_NAME_KEYS + 1);
  let n = 0;
  for (const node of nodes) {
    if (node.partial || node.form.keys.length === 0) continue;
    if ((++n & 1023) === 0) {
      throwIfCancelled(token);
      yield;
    }
    const ck = `${node.group}|${node.form.compact}`;
    const first = byCompact.get(ck);
    if (first === undefined) byCompact.set(ck, node.index);
    else uf.union(first, node.index);
    const keys = node.form.keys;
    // Spelling variants of names of up to 12 tokens (the longest real names: `Việt Nam – Laos Friendship Association in
    // the People's Public Security`); a longer run of capitalised words merges with its exact spelling only, so that
    // a page of them does not fill the blocks with a signature per token, letter and name.
    if (keys.length > FUZZY_MAX_NAME_KEYS) continue;
    const len = keys.length;
    prefix[0] = mix(GROUP_CODES[node.group], len);
    for (let j = 0; j < len; j++) prefix[j + 1] = mix(prefix[j], hashString(keys[j]));
    suffix[len] = 0x2545f491;
    for (let j = len - 1; j >= 0; j--) suffix[j] = mix(suffix[j + 1], hashString(keys[j]));
    for (let i = 0; i < len; i++) {
      if (keys[i].length < FUZZY_MIN_LENGTH) continue;
      let h = key30(mix(prefix[i], suffix[i + 1]), i);
      let slot = slots.get(h);
      while (slot >= 0 && !sameSlot(slot, node, i)) {
        h = (h + 1) & 0x3fffffff;
        slot = slots.get(h);
      }
      if (slot < 0) {
        slot = slotPosition.length;
        slots.set(h, slot);
        slotNode.push(node.index);
        slotPosition.push(i);
        slotNames.push(0);
      }
      slotNames.set(slot, slotNames.get(slot) + 1);
      placedNode.push(node.index);
      placedSlot.push(slot);
    }
  }
  // Blocks by slot and variant, under a 30-bit mix of the slot and the variant's hash (a small integer: the fast kind
  // of key). A block of another slot met under the same number is passed over to the next number; two variants
  // of one slot that share a number by chance only add pairs, which tokenKeysMatch rejects.
  // Blocks are numbered as they are made; most have one node, and only those with more get a list.
  const blocks = new IntTable();
  const blockFirst = new IntColumn(nodes.length);
  const blockSlot = new IntColumn(nodes.length);
  const blockLists = new Map<number, number[]>();
  const hashes: number[] = [];
  for (let k = 0; k < placedNode.length; k++) {
    const slot = placedSlot.get(k);
    if (slotNames.get(slot) < 2) continue;
    if ((++n & 1023) === 0) {
      throwIfCancelled(token);
      yield;
    }
    const node = placedNode.get(k);
    const count = deletionVariantHashes(nodes[node].form.keys[slotPosition.get(slot)], hashes);
    for (let v = 0; v < count; v++) {
      let sig = key30(slot, hashes[v]);
      let b = blocks.get(sig);
      while (b >= 0 && blockSlot.get(b) !== slot) {
        sig = (sig + 1) & 0x3fffffff;
        b = blocks.get(sig);
      }
      if (b < 0) {
        blocks.set(sig, blockFirst.length);
        blockFirst.push(node);
        blockSlot.push(slot);
        continue;
      }
      const list = blockLists.get(b);
      if (list === undefined) {
        if (blockFirst.get(b) !== node) blockLists.set(b, [blockFirst.get(b), node]);
      } else if (list[list.length - 1] !== node) {
        list.push(node);
      }
    }
  }
  const sameFirst: number[] = [];
  const lastOfFirst = new Map<number, number>();
  // In the order the blocks were made: which of two registry entities a name joins can depend on the order.
  for (const b of [...blockLists.keys()].sort((x, y) => x - y)) {
    const list = blockLists.get(b)!;
    if ((++n & 1023) === 0) {
      throwIfCancelled(token);
      yield;
    }
    const pos = slotPosition.get(blockSlot.get(b));
    // Keys that match begin with the same letter: each member is compared with the later ones that share it, in the
    // order of the list (a block of hundreds of keys that differ in their first letter is no square of comparisons).
    sameFirst.length = list.length;
    lastOfFirst.clear();
    for (let a = list.length - 1; a >= 0; a--) {
      const c = nodes[list[a]].form.keys[pos].charCodeAt(0);
      sameFirst[a] = lastOfFirst.get(c) ?? -1;
      lastOfFirst.set(c, a);
    }
    for (let a = 0; a < list.length; a++) {
      for (let b2 = sameFirst[a]; b2 >= 0; b2 = sameFirst[b2]) {
        // Already one entity (merged by an earlier pair or spelling): comparing them again changes nothing.
        if (uf.find(list[a]) === uf.find(list[b2])) continue;
        const ka = nodes[list[a]].form.keys[pos];
        const kb = nodes[list[b2]].form.keys[pos];
        if (tokenKeysMatch(ka, kb)) uf.union(list[a], list[b2]);
      }
    }
  }
}
