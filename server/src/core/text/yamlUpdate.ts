/**
 * Updating a parsed YAML document in place so that it holds a new value, instead of writing the value from scratch:
 * what an analyst wrote around the data (comments before a node, after it and at the end, blank lines, the order of
 * keys, the quoting of values that did not change) survives. Only what changed is touched:
 * - a mapping keeps its pairs, in their order, and updates their values; keys that are gone are deleted; a new key is
 *   inserted right after the key that precedes it in the new value;
 * - a scalar whose value is unchanged is untouched; a changed one keeps its node (and so its comments) but is
 *   written as a new one would be;
 * - a sequence matches its items to the new ones by identity (an `id` key, else the caller's key, else an equal
 *   value): a matched item keeps its node and comments and is updated; an unmatched one is dropped; a new one is
 *   created; the items end up in the new value's order;
 * - a node of another kind than its new value is replaced by a new node, which keeps the old node's comments.
 * New nodes are made by the document (its schema and options) and styled by the caller, so that they are written as
 * the same value written from scratch would be.
 */
import { isAlias, isMap, isNode, isScalar, isSeq, type Document, type Node, type Pair, type Scalar, type YAMLMap, type YAMLSeq } from 'yaml';

export interface YamlUpdateOptions {
  /**
   * Gives a new node the style a from-scratch writer would give it (for example a quoting). Called for every node of
   * a new subtree and for a scalar whose value changed, with its key in its mapping (undefined in a sequence).
   */
  readonly style?: (node: Node, key: string | undefined) => void;
  /**
   * The identity of an item without an `id` in the sequence under `key`; compared with `id`s, so it may give the `id`
   * the item stands for. Undefined (or no function): the item is matched by equal value.
   */
  readonly itemKey?: (item: unknown, key: string | undefined) => string | undefined;
}

/**
 * Updates `doc` in place to hold `value` (plain data: objects, arrays, scalars). Returns whether the document now
 * holds exactly `value`; false only for files whose aliases (`*name`) an update cannot follow, which the caller then
 * writes from scratch.
 */
export function updateDocument(doc: Document, value: unknown, options: YamlUpdateOptions = {}): boolean {
  const { style, itemKey } = options;

  const create = (v: unknown, key: string | undefined): Node => {
    const node = doc.createNode(v) as Node;
    if (style) styleTree(node, key, style);
    return node;
  };

  const update = (node: unknown, v: unknown, key: string | undefined): Node => {
    if (isMap(node) && isRecord(v)) {
      updateMap(node, v);
      return node;
    }
    if (isSeq(node) && Array.isArray(v)) {
      updateSeq(node, v, key);
      return node;
    }
    if (isScalar(node) && node.value === v) return exactNumber(node);
    if (isAlias(node) && sameValue(node.toJS(doc), v)) return node;
    const fresh = create(v, key);
    if (isScalar(node) && isScalar(fresh)) {
      setScalar(node, fresh);
      return node;
    }
    return isNode(node) ? withComments(fresh, node) : fresh;
  };

  const updateMap = (map: YAMLMap, v: Record<string, unknown>): void => {
    const keys = Object.keys(v).filter((k) => v[k] !== undefined);
    map.items = map.items.filter((pair) => keys.includes(keyOf(pair)));
    if (map.flow && map.items.length === 0 && keys.length > 0) map.flow = false;
    let before = -1; // index of the pair of the key before `k` in `v`
    for (const k of keys) {
      let i = map.items.findIndex((pair) => keyOf(pair) === k);
      if (i < 0) map.items.splice((i = before + 1), 0, doc.createPair(k, create(v[k], k)));
      else map.items[i].value = update(map.items[i].value, v[k], k);
      before = i;
    }
  };

  const identity = (item: unknown, key: string | undefined): string => {
    const id = isRecord(item) && item.id !== undefined && item.id !== null ? String(item.id) : itemKey?.(item, key);
    return id !== undefined ? `id:${id}` : `value:${stableJson(item)}`;
  };

  const updateSeq = (seq: YAMLSeq, values: unknown[], key: string | undefined): void => {
    // A comment above the first item is read as the sequence's: it belongs to that item, and moves or goes with it.
    const first = seq.items[0];
    if (!seq.flow && seq.commentBefore && isNode(first)) {
      first.commentBefore = first.commentBefore ? `${seq.commentBefore}\n${first.commentBefore}` : seq.commentBefore;
      seq.commentBefore = undefined;
    }
    const unmatched = new Map<string, unknown[]>();
    for (const item of seq.items) {
      const id = identity(isNode(item) ? item.toJS(doc) : item, key);
      unmatched.set(id, [...(unmatched.get(id) ?? []), item]);
    }
    if (seq.flow && seq.items.length === 0 && values.length > 0) seq.flow = false;
    seq.items = values.map((v) => {
      const old = unmatched.get(identity(v, key))?.shift();
      return old === undefined ? create(v, undefined) : update(old, v, undefined);
    });
  };

  try {
    doc.contents = update(doc.contents, value, undefined);
    return sameValue(doc.toJS(), value);
  } catch {
    return false; // an alias whose anchor was removed or moved after it
  }
}

/**
 * An unchanged integer too large for a JavaScript number (`98765432109876543210`) is written with the digits it was
 * read with, not rounded (`98765432109876540000`): its value becomes the exact BigInt of its source text.
 */
function exactNumber(node: Scalar): Scalar {
  const source = (node as Scalar & { source?: unknown }).source;
  if (typeof node.value === 'number' && !Number.isSafeInteger(node.value) && typeof source === 'string' && /^[-+]?\d+$/.test(source)) {
    node.value = BigInt(source);
  }
  return node;
}

function styleTree(node: unknown, key: string | undefined, style: (node: Node, key: string | undefined) => void): void {
  if (!isNode(node)) return;
  style(node, key);
  if (isMap(node)) for (const pair of node.items) styleTree(pair.value, keyOf(pair), style);
  else if (isSeq(node)) for (const item of node.items) styleTree(item, undefined, style);
}

/** Gives `node` the value and the style of `fresh`; its comments, blank line and anchor stay. */
function setScalar(node: Scalar, fresh: Scalar): void {
  node.value = fresh.value;
  node.type = fresh.type;
  node.tag = fresh.tag;
  node.format = fresh.format;
  node.minFractionDigits = fresh.minFractionDigits;
  node.source = fresh.source;
}

function withComments(fresh: Node, old: Node): Node {
  fresh.commentBefore = old.commentBefore;
  fresh.comment = old.comment;
  fresh.spaceBefore = old.spaceBefore;
  return fresh;
}

function keyOf(pair: Pair): string {
  return isScalar(pair.key) ? String(pair.key.value) : String(pair.key);
}

function isRecord(v: unknown): v is Record<string, unknown> {
  if (typeof v !== 'object' || v === null) return false;
  const proto = Object.getPrototypeOf(v) as unknown;
  return proto === Object.prototype || proto === null;
}

/** JSON with the keys of every object sorted, so that equal values give equal text. */
function stableJson(v: unknown): string {
  const sorted = (_: string, x: unknown): unknown =>
    typeof x === 'bigint' ? Number(x) : isRecord(x) ? Object.fromEntries(Object.entries(x).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) : x;
  return JSON.stringify(v, sorted) ?? 'undefined';
}

function sameValue(a: unknown, b: unknown): boolean {
  return stableJson(a) === stableJson(b);
}
