/**
 * The graph of distinct name forms (clusterGraph.ts) kept alive across edits: nodes come when a name is first written
 * and go when its last mention goes, and the entities (connected parts of the graph) are made again only where nodes
 * came or went. What an entity's nodes are is the same as a full clustering's (aliases.ts), which the tests check.
 *
 * Which nodes can be one entity is a relation found through indexes, never by comparing all pairs: one compact
 * spelling (`Việt Nam` = `Vietnam`), one slot of a spelling variant (every key equal but one, of the same first letter,
 * that one within a tolerated edit and sharing a one-deletion variant, as mergeFullForms blocks them), an acronym and
 * the long forms of its initials, one registry entity. A change re-makes the part of the graph this relation reaches
 * from the nodes that came or went: entities outside it are kept, as the same objects.
 *
 * Where that part holds names of two registry entities, a full clustering's outcome can depend on the order names are
 * met in (a union between two registry entities is refused): the whole graph is then made again in that order.
 */
import { FUZZY_MAX_NAME_KEYS, mergeFullFormsInSlices, UnionFind, type FormNode, type TypeGroup } from './clusterGraph';
import { acronymKeyOf, longFormKeysOf, mergeAcronyms } from './acronyms';
import { deletionVariantHashes, FUZZY_MIN_LENGTH, tokenKeysMatch } from './nameKey';
import type { NameForm } from './nameForm';
import { addOne, removeOne, valuesOf, type OneOrMany } from '../collections/oneOrMany';
import { hashString, mixBits } from './hashing';


/** A node: one (type group, name key, registry owner); `index` is its place in `LiveFormGraph.nodes`. */
export interface LiveNode extends FormNode {
  readonly key: string;
  readonly owner: number | undefined;
  /** Its mentions in the corpus (a registry entity's own node: never gone). */
  count: number;
  /** The entity it is part of; set by `settle`. */
  part: GraphPart;
  /** The articles that mention it, as the incremental clustering's NodeArticles holds them (nodeArticles.ts). */
  articlesHeld: unknown;
}

/**
 * The keys a node is found under (made when it is indexed or looked at: not held with each node). The compact and slot
 * keys are held as 30-bit hashes of what they are made of: `related` may give more than the nodes a node is joined to,
 * so two keys that share a hash by chance only widen what a change re-makes, never what is joined (at 10,000 articles
 * their texts were about 6 MB of the graph's 15 MB).
 */
interface NodeKeys {
  readonly compact: number | undefined;
  /** By position of a key that may vary: its slot (every other key, the first letter of this one). */
  readonly slots: readonly (number | undefined)[];
  readonly acronym: string | undefined;
  readonly longForms: readonly string[];
}

const NO_SLOTS: readonly (number | undefined)[] = [];

/**
 * The hash of slot `i` of a name of `group` whose keys hash to `hashes`: its group, how many keys, `i`, the first code
 * unit of key `i` (`first`) and every other key, mixed without making the key's text.
 */
function slotHash(group: TypeGroup, hashes: readonly number[], i: number, first: number, mask: number): number {
  let h = mixBits(mixBits(hashString(group), hashes.length), mixBits(i, first));
  for (let j = 0; j < hashes.length; j++) if (j !== i) h = mixBits(h, hashes[j]);
  return h & mask;
}

/** Nodes listed, or read into the graph of the whole corpus, between two yields when it is first made. */
const NODES_PER_SLICE = 4096;

function keysOf(node: LiveNode, mask: number): NodeKeys {
  const { group, form, partial } = node;
  const full = !partial && form.keys.length > 0;
  const keys = form.keys;
  let slots = NO_SLOTS;
  if (full && keys.length <= FUZZY_MAX_NAME_KEYS) {
    const hashes = keys.map(hashString);
    slots = keys.map((k, i) => (k.length < FUZZY_MIN_LENGTH ? undefined : slotHash(group, hashes, i, k.charCodeAt(0), mask)));
  }
  const acronym = acronymKeyOf(node);
  return { compact: full ? mixBits(hashString(group), hashString(form.compact)) & mask : undefined, slots, acronym, longForms: acronym === undefined ? longFormKeysOf(node) : [] };
}

/** An entity as the graph makes it: its nodes, and the registry entity it is, if any. */
export interface GraphPart {
  /** Unique over the graph's life (a part made again gets a new id). */
  readonly id: number;
  readonly nodes: readonly LiveNode[];
  readonly owner: number | undefined;
  /** What the incremental clustering made of it (its entity), held with it rather than in a map of every part. */
  held: unknown;
}

export interface SettledParts {
  /** Parts no longer in use (their nodes, those still alive, are in `made`). */
  readonly retired: readonly GraphPart[];
  readonly made: readonly GraphPart[];
}

export class LiveFormGraph {
  /** The bits of a key's hash (NodeKeys), 1 to 30, read as a graph is made; fewer in tests, where keys share hashes. */
  static keyBits = 30;
  private static maskOfKeyBits(): number {
    const bits = LiveFormGraph.keyBits;
    if (!Number.isInteger(bits) || bits < 1 || bits > 30) throw new RangeError(`LiveFormGraph.keyBits must be 1 to 30, not ${bits}`);
    return (1 << bits) - 1;
  }

  /** The mask of a key's hash, fixed for the graph's life (`keyBits` as the graph is made: its indexes are kept with it). */
  private readonly keyMask = LiveFormGraph.maskOfKeyBits();
  /** By index; a gone node leaves a hole. */
  readonly nodes: (LiveNode | undefined)[] = [];
  private readonly byKey = new Map<string, LiveNode>();
  private readonly byCompact: OneOrMany<number, LiveNode> = new Map();
  private readonly bySlot: OneOrMany<number, LiveNode> = new Map();
  private readonly acronyms: OneOrMany<string, LiveNode> = new Map();
  private readonly longForms: OneOrMany<string, LiveNode> = new Map();
  private readonly owned: OneOrMany<number, LiveNode> = new Map();
  /** Nodes that came or went since the last `settle`. */
  private changed = new Set<LiveNode>();
  private nextPart = 0;
  private settledOnce = false;
  /**
   * Whether a join refused to make two registry entities one (two of them have names that are variants of each other):
   * which of them a third name joins then depends on the order a full clustering meets the names in, so an edit that
   * may move where a name is first met makes its part of the graph again (`mayMoveFirstMention`). Never unset.
   */
  private contested = false;
  private readonly hashesA: number[] = [];
  private readonly hashesB: number[] = [];

  /** `owners`: how many registry entities; each has a node of its own (a placeholder), indices 0 to owners − 1. */
  constructor(owners: number, placeholder: NameForm) {
    for (let i = 0; i < owners; i++) {
      const node = this.make(`~registry:${i}`, 'M', placeholder, false, i);
      node.count = 1;
    }
  }

  /** The node of a name read (formReader.ts), made when first met; counts one more mention of it. */
  mention(key: string, group: TypeGroup, form: NameForm, partial: boolean, owner: number | undefined): LiveNode {
    const node = this.byKey.get(key) ?? this.make(key, group, form, partial, owner);
    node.count++;
    return node;
  }

  /** One mention of the node fewer; the node goes with its last. */
  unmention(node: LiveNode): void {
    if (--node.count > 0) return;
    this.byKey.delete(node.key);
    this.nodes[node.index] = undefined;
    this.index(node, false);
    this.changed.add(node);
  }

  private make(key: string, group: TypeGroup, form: NameForm, partial: boolean, owner: number | undefined): LiveNode {
    const node: LiveNode = {
      index: this.nodes.length,
      key,
      group,
      form,
      partial,
      owner,
      count: 0,
      part: NO_PART,
      articlesHeld: undefined,
    };
    this.nodes.push(node);
    this.byKey.set(key, node);
    this.index(node, true);
    this.changed.add(node);
    return node;
  }

  private index(node: LiveNode, add: boolean): void {
    const put = add ? addOne : removeOne;
    const keys = keysOf(node, this.keyMask);
    if (keys.compact !== undefined) put(this.byCompact, keys.compact, node);
    for (const s of keys.slots) if (s !== undefined) put(this.bySlot, s, node);
    if (keys.acronym !== undefined) put(this.acronyms, keys.acronym, node);
    for (const k of keys.longForms) put(this.longForms, k, node);
    if (node.owner !== undefined) put(this.owned, node.owner, node);
  }

  /**
   * An article that mentions `node` was added, changed or removed, so where a full clustering first meets the node may
   * have moved: where two registry entities' names meet (`contested`), the part of the graph it reaches is made again
   * at the next `settle`, in a full clustering's order.
   */
  mayMoveFirstMention(node: LiveNode): void {
    if (this.contested && this.nodes[node.index] === node) this.changed.add(node);
  }

  /** Whether two nodes of one slot position are spelling variants of each other (mergeFullForms' test). */
  private variants(a: LiveNode, b: LiveNode, position: number): boolean {
    const ka = a.form.keys[position];
    const kb = b.form.keys[position];
    // (Another slot's hash by chance: a node with fewer keys.)
    if (kb === undefined || !tokenKeysMatch(ka, kb)) return false;
    const na = deletionVariantHashes(ka, this.hashesA);
    const nb = deletionVariantHashes(kb, this.hashesB);
    for (let i = 0; i < na; i++) for (let j = 0; j < nb; j++) if (this.hashesA[i] === this.hashesB[j]) return true;
    return false;
  }

  /** The nodes a node may be one entity with (a superset of those it is joined to), each once or more. */
  private *related(node: LiveNode): Generator<LiveNode> {
    const keys = keysOf(node, this.keyMask);
    if (keys.compact !== undefined) yield* valuesOf(this.byCompact, keys.compact);
    keys.slots.forEach((s, i) => {
      if (s === undefined) return;
      for (const other of valuesOf(this.bySlot, s)) if (other !== node && this.variants(node, other, i)) this.found.push(other);
    });
    yield* this.found.splice(0);
    if (keys.acronym !== undefined) yield* valuesOf(this.longForms, keys.acronym);
    for (const k of keys.longForms) yield* valuesOf(this.acronyms, k);
    if (node.owner !== undefined) yield* valuesOf(this.owned, node.owner);
  }
  private readonly found: LiveNode[] = [];

  /**
   * Makes the entities again where nodes came or went since the last call. `order`: every live node in the order a
   * full clustering meets them (registry nodes first, then by article and place), asked for only when the whole graph
   * is made again.
   */
  *settleInSlices(order: () => Iterable<LiveNode>): Generator<void, SettledParts, void> {
    const changed = this.changed;
    this.changed = new Set();
    if (!changed.size) return { retired: [], made: [] };
    if (!this.settledOnce) {
      // The first time every node is new: the whole graph, without looking for what the changes reach.
      this.settledOnce = true;
      // Every node listed in slices too: at 10,000 articles, listing them and reading them into the graph below held
      // the server's thread 150 ms at once.
      const nodes: LiveNode[] = [];
      for (const n of order()) if (nodes.push(n) % NODES_PER_SLICE === 0) yield;
      return this.made(yield* this.joinParts(nodes), new Set());
    }
    // The part of the graph reachable from what changed, with every entity it touches, as regions: each changed node's
    // starts one, and two that meet are one (`regions`, a union-find of region numbers).
    const reach = new Map<LiveNode, number>();
    const regions = new UnionFind();
    const retired = new Set<GraphPart>();
    const queue: LiveNode[] = [];
    const visit = (n: LiveNode, region: number): void => {
      if (this.nodes[n.index] !== n) return;
      const met = reach.get(n);
      if (met !== undefined) {
        regions.union(met, region);
        return;
      }
      reach.set(n, region);
      queue.push(n);
      if (n.part !== NO_PART && !retired.has(n.part)) {
        retired.add(n.part);
        for (const m of n.part.nodes) visit(m, region);
      }
    };
    for (const n of changed) {
      const region = regions.add();
      if (n.part !== NO_PART && !retired.has(n.part)) {
        retired.add(n.part);
        for (const m of n.part.nodes) visit(m, region);
      }
      visit(n, region);
      // A gone node's relations (out of the indexes, but found by its keys): an acronym whose one long form it was.
      if (this.nodes[n.index] !== n) for (const m of this.related(n)) visit(m, region);
    }
    let visited = 0;
    while (queue.length) {
      if ((++visited & 2047) === 0) yield;
      const n = queue.pop()!;
      const region = reach.get(n)!;
      for (const m of this.related(n)) visit(m, region);
    }
    // A region holding names of two registry entities is made in a full clustering's order: the whole graph. (Each
    // region apart: an edit near two unrelated registry entities makes only their parts again.)
    if (this.ownersMeet(reach, regions)) {
      for (const n of this.nodes) if (n && n.part !== NO_PART) retired.add(n.part);
      return this.made(yield* this.joinParts([...order()]), retired);
    }
    return this.made(yield* this.joinParts([...reach.keys()].sort((a, b) => a.index - b.index)), retired);
  }

  /** Whether a region of `reach` holds nodes of two registry entities. */
  private ownersMeet(reach: ReadonlyMap<LiveNode, number>, regions: UnionFind): boolean {
    const ownerOfRegion = new Map<number, number>();
    for (const [n, region] of reach) {
      if (n.owner === undefined) continue;
      const root = regions.find(region);
      const had = ownerOfRegion.get(root);
      if (had === undefined) ownerOfRegion.set(root, n.owner);
      else if (had !== n.owner) return true;
    }
    return false;
  }

  /** Parts for the groups of nodes found; a group that is exactly an old part keeps it (its articles need no new look). */
  private made(groups: readonly LiveNode[][], retired: Set<GraphPart>): { retired: GraphPart[]; made: GraphPart[] } {
    const made: GraphPart[] = [];
    for (const list of groups) {
      const old = list[0].part;
      if (old !== NO_PART && old.nodes.length === list.length && list.every((n) => n.part === old)) {
        retired.delete(old);
        continue;
      }
      let owner: number | undefined;
      for (const n of list) if (n.owner !== undefined) owner = n.owner;
      made.push({ id: this.nextPart++, nodes: list, owner, held: undefined });
    }
    for (const part of made) for (const n of part.nodes) n.part = part;
    return { retired: [...retired], made };
  }

  /**
   * The entities of `nodes` (a part of the graph closed under `related`), as the full clustering joins them: in the
   * order given, registry entities joined to their names as met, then full names, then acronyms.
   */
  private *joinParts(nodes: readonly LiveNode[]): Generator<void, LiveNode[][], void> {
    // Each node's number in the union–find is its place in `nodes` (no map of the nodes: at the first update, every one).
    const uf = new UnionFind();
    const graph: FormNode[] = [];
    const placeholders = new Map<number, number>();
    for (const n of nodes) {
      const i = uf.add(n.key.startsWith('~registry:') ? n.owner : undefined);
      graph.push({ index: i, group: n.group, form: n.form, partial: n.partial });
      if (n.key.startsWith('~registry:')) placeholders.set(n.owner!, i);
      if (graph.length % NODES_PER_SLICE === 0) yield;
    }
    for (let i = 0; i < nodes.length; i++) {
      const n = nodes[i];
      if (n.owner === undefined || n.key.startsWith('~registry:')) continue;
      const p = placeholders.get(n.owner);
      if (p !== undefined) uf.union(p, i);
    }
    yield* mergeFullFormsInSlices(graph, uf);
    yield;
    mergeAcronyms(graph, uf);
    if (uf.refusals > 0) this.contested = true;
    yield;
    const byRoot = new Map<number, LiveNode[]>();
    let read = 0;
    for (let i = 0; i < nodes.length; i++) {
      const n = nodes[i];
      const r = uf.find(i);
      const list = byRoot.get(r);
      if (list) list.push(n);
      else byRoot.set(r, [n]);
      if (++read % NODES_PER_SLICE === 0) yield;
    }
    return [...byRoot.values()];
  }
}

// Frozen: what a part holds (`held`) is never set on it.
const NO_PART: GraphPart = Object.freeze({ id: -1, nodes: [], owner: undefined, held: undefined });
