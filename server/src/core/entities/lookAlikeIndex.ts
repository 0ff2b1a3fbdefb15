/**
 * Entities by blocking keys, for finding each one's look-alikes (lookAlikes.ts) without a search per name: the same
 * words (compact key), one word of the name in the same place of a name as long (the rarest of its words), one
 * spelling apart for names of one word, the acronym; each candidate verified by its spellings (`SpellingTable`).
 *
 * Entities are added and removed one at a time, so a clustering kept up to date article by article
 * (incrementalClustering.ts) keeps its index as it goes, and one made whole (`allLookAlikes`) adds every entity once.
 * An entity is held in a slot, a number given back when it is removed and given again later.
 */
import { StringIds } from '../collections/stringIds';
import type { EntityCluster } from './aliases';
import { isAcronym, SpellingTable } from './spellingTable';

/** What finding look-alikes needs of an entity: a clustering's cluster, or a slim copy of one. */
export interface LookAlikeEntity {
  readonly entityId: string;
  readonly canonical: string;
  readonly type: EntityCluster['type'];
  readonly spellings: ReadonlyMap<string, number>;
  readonly mentionCount: number;
}

/** Candidate lists longer than this are a word too common to tell names apart by (`Ministry`): not looked through. */
const MAX_BLOCK = 500;

const NO_SPELLINGS: readonly number[] = [];

/** Keys whose lists' changes `remembered` holds before it forgets what it remembered. */
const MAX_CHANGES_HELD = 100_000;

/** Spellings the table may hold beyond twice those of the entities held before it is made again. */
const TABLE_SLACK = 4096;

export class LookAlikeIndex<T extends LookAlikeEntity> {
  /** The spellings met, made again when it holds many more than the entities held have (`add`). */
  private table = new SpellingTable();
  private readonly typeIds = new StringIds();
  /** By slot: the entity, its spellings with words (numbers of the table), its type's number, its canonical name's number when that is an acronym (else -1). */
  private readonly held: (T | undefined)[] = [];
  private readonly spellingsOf: (readonly number[])[] = [];
  private readonly typeOf: number[] = [];
  private readonly acronymOf: number[] = [];
  private readonly free: number[] = [];
  /** How many spellings `spellingsOf` holds in all. */
  private spellingsHeld = 0;
  private readonly byCompact: Slots = new Map();
  private readonly byWord: Slots = new Map();
  private readonly byAcronym: Slots = new Map();
  private readonly maxBlock: number;
  /** `marked[j] === stamp` once slot j is a candidate of the entity being looked at. */
  private marked = new Int32Array(0);
  private stamp = 0;
  /** The candidates of the entity being looked at, in the order met. */
  private readonly candidates: number[] = [];
  /**
   * Look-alikes found by `remembered`, by slot, with the clock when found. They hold until an entity is added to or
   * removed from a list the entity looks through: `changedAt` holds, by key, the clock of its list's last change since
   * the first look-alikes were remembered (a key of the compact or acronym lists and one of the word lists may share
   * a number: that only makes a list seem changed).
   */
  private found: ({ readonly at: number; readonly limit: number; readonly slots: readonly number[] } | undefined)[] = [];
  private readonly changedAt = new Map<number, number>();
  private clock = 0;
  private remembering = false;

  private readonly tableSlack: number;

  /**
   * `maxBlock`: candidate lists longer than this are not looked through (MAX_BLOCK); `tableSlack`: spellings the table
   * may hold beyond twice those held before it is made again (TABLE_SLACK). Smaller in tests.
   */
  constructor(options: { readonly maxBlock?: number; readonly tableSlack?: number } = {}) {
    this.maxBlock = options.maxBlock ?? MAX_BLOCK;
    this.tableSlack = options.tableSlack ?? TABLE_SLACK;
  }

  /** Holds `entity`; gives its slot. */
  add(entity: T): number {
    const slot = this.free.pop() ?? this.held.length;
    this.found[slot] = undefined;
    this.place(slot, entity);
    if (this.remembering) this.changed(this.spellingsOf[slot]);
    // Spellings come and go as names are typed: the table is made again from those held once most are gone.
    if (this.table.size > 2 * this.spellingsHeld + this.tableSlack) this.remake();
    return slot;
  }

  /** Puts `entity` in `slot` and in the lists of its keys. */
  private place(slot: number, entity: T): void {
    const { table } = this;
    const spellings: number[] = [];
    for (const s of entity.spellings.keys()) {
      const id = table.of(s);
      if (table.hasWords(id)) spellings.push(id);
    }
    // (A spelling with initials has words.)
    for (const id of spellings) this.forEachKey(id, (list, key) => addSlot(list, key, slot));
    this.held[slot] = entity;
    // Held at its length (as pushed it had room for 16 more: 7 MB at 10,000 articles).
    this.spellingsOf[slot] = spellings.slice();
    this.spellingsHeld += spellings.length;
    this.typeOf[slot] = this.typeIds.of(entity.type);
    this.acronymOf[slot] = isAcronym(entity.canonical) ? table.ids.of(entity.canonical) : -1;
  }

  /** Makes the table and the lists again from the entities held, in their slots; forgets what was remembered. */
  private remake(): void {
    this.table = new SpellingTable();
    this.byCompact.clear();
    this.byWord.clear();
    this.byAcronym.clear();
    this.found = [];
    this.changedAt.clear();
    this.remembering = false;
    this.spellingsHeld = 0;
    for (let slot = 0; slot < this.held.length; slot++) {
      const entity = this.held[slot];
      if (entity) this.place(slot, entity);
    }
  }

  /**
   * Holds `entity` in place of the one in `slot`; gives its slot. One that looks alike as it did (the same id, names,
   * type and count of mentions: the entities of an edited article, as a rule) keeps its slot and what was found of it.
   */
  replace(slot: number, entity: T): number {
    const had = this.held[slot];
    if (had && lookAlikeAsBefore(had, entity)) {
      this.held[slot] = entity;
      return slot;
    }
    this.remove(slot);
    return this.add(entity);
  }

  /** Lets the entity in `slot` go. */
  remove(slot: number): void {
    const entity = this.held[slot];
    if (!entity) return;
    for (const id of this.spellingsOf[slot]) this.forEachKey(id, (list, key) => removeSlot(list, key, slot));
    if (this.remembering) this.changed(this.spellingsOf[slot]);
    this.spellingsHeld -= this.spellingsOf[slot].length;
    this.held[slot] = undefined;
    this.spellingsOf[slot] = NO_SPELLINGS;
    this.found[slot] = undefined;
    this.free.push(slot);
  }

  /** Each key spelling `id` is listed under (its initials, its compact key, its blocking keys), with that list. */
  private forEachKey(id: number, each: (list: Slots, key: number) => void): void {
    const { table } = this;
    if (table.acronym[id] >= 0) each(this.byAcronym, table.acronym[id]);
    each(this.byCompact, table.compact[id]);
    for (const key of table.blocksOf(id)) each(this.byWord, key);
  }

  /** Notes that the lists of these spellings' keys changed now. */
  private changed(spellings: readonly number[]): void {
    const at = ++this.clock;
    for (const id of spellings) this.forEachKey(id, (_, key) => this.changedAt.set(key, at));
  }

  /**
   * `of(slot, limit)`, remembered until an entity sharing one of its lists comes or goes: a clustering updated at
   * each edit asks again for the same entities' look-alikes, and few of them change.
   */
  remembered(slot: number, limit: number): number[] {
    if (!this.remembering) this.remembering = true;
    else if (this.changedAt.size > MAX_CHANGES_HELD) {
      // Started again rather than grown without end.
      this.changedAt.clear();
      this.found.length = 0;
    }
    const had = this.found[slot];
    // (A list shorter than the limit it was found with is every look-alike.)
    if (had && (limit <= had.limit || had.slots.length < had.limit) && this.unchangedSince(slot, had.at)) return had.slots.slice(0, limit);
    const slots = this.of(slot, limit);
    this.found[slot] = { at: this.clock, limit, slots };
    return slots.slice();
  }

  /** Whether no list that entity `slot` looks through changed after clock `at`. */
  private unchangedSince(slot: number, at: number): boolean {
    const { table, changedAt } = this;
    const later = (key: number) => (changedAt.get(key) ?? 0) > at;
    if (this.acronymOf[slot] >= 0 && later(this.acronymOf[slot])) return false;
    for (const id of this.spellingsOf[slot]) {
      if (later(table.compact[id])) return false;
      for (const key of table.blocksOf(id)) if (later(key)) return false;
    }
    return true;
  }

  /** The entity in `slot`. */
  entity(slot: number): T | undefined {
    return this.held[slot];
  }

  /**
   * Up to `limit` look-alikes of the entity in `slot`, as slots, best first (most mentioned, then by canonical name and
   * id): entities with mentions that share a blocking key with it and whose spellings name alike (`anyAlike`; the same
   * words whatever the type, else only of the same type).
   */
  of(slot: number, limit: number): number[] {
    if (!this.held[slot]) return [];
    if (this.marked.length < this.held.length) {
      const grown = new Int32Array(Math.max(64, this.held.length * 2));
      grown.set(this.marked);
      this.marked = grown;
    }
    if (this.stamp === 0x7fffffff) {
      this.marked.fill(0);
      this.stamp = 0;
    }
    this.stamp++;
    const { table } = this;
    const candidates = this.candidates;
    candidates.length = 0;
    for (const id of this.spellingsOf[slot]) {
      this.take(slot, this.byCompact, table.compact[id], this.maxBlock);
      const blocks = table.blocksOf(id);
      if (table.wordCount(id) === 1) for (const key of blocks) this.take(slot, this.byWord, key, this.maxBlock);
      else {
        // The rarest word in its place.
        let smallest = blocks[0];
        for (let p = 1; p < blocks.length; p++) if (slotCount(this.byWord, blocks[p]) < slotCount(this.byWord, smallest)) smallest = blocks[p];
        this.take(slot, this.byWord, smallest, this.maxBlock);
      }
    }
    if (this.acronymOf[slot] >= 0) this.take(slot, this.byAcronym, this.acronymOf[slot], Infinity);
    const found: number[] = [];
    const mine = this.spellingsOf[slot];
    const type = this.typeOf[slot];
    for (const j of candidates) {
      if (this.held[j]!.mentionCount <= 0) continue;
      if (table.anyAlike(mine, this.spellingsOf[j], this.typeOf[j] === type)) found.push(j);
    }
    const held = this.held as readonly T[];
    found.sort((a, b) => held[b].mentionCount - held[a].mentionCount || compare(held[a].canonical, held[b].canonical) || compare(held[a].entityId, held[b].entityId));
    return found.length > limit ? found.slice(0, limit) : found;
  }

  /** Adds the slots of `key` in `map` to the candidates of entity `slot`, unless more than `max`. */
  private take(slot: number, map: Slots, key: number, max: number): void {
    const had = map.get(key);
    if (had === undefined) return;
    if (typeof had === 'number') this.consider(slot, had);
    else if (had.length <= max) for (let k = 0; k < had.length; k++) this.consider(slot, had[k]);
  }

  private consider(slot: number, j: number): void {
    if (j === slot || this.marked[j] === this.stamp) return;
    this.marked[j] = this.stamp;
    this.candidates.push(j);
  }
}

/**
 * Slots by key: one slot as it is (most keys have one), else a list in the order added (a list is looked through, so
 * an array rather than a set).
 */
type Slots = Map<number, number | number[]>;

/** Lists shorter than this are held at their length (most lists: at 10,000 articles 33,000 of 50,000 keys had a list). */
const SHORT_LIST = 16;

function addSlot(map: Slots, key: number, slot: number): void {
  const had = map.get(key);
  if (had === undefined) map.set(key, slot);
  else if (typeof had === 'number') {
    if (had !== slot) map.set(key, [had, slot]);
  } else if (had[had.length - 1] !== slot) {
    // A slot's keys are added together. A short list is copied at its length: pushed to, it would have room for 16 more.
    if (had.length < SHORT_LIST) map.set(key, had.concat(slot));
    else had.push(slot);
  }
}

function removeSlot(map: Slots, key: number, slot: number): void {
  const had = map.get(key);
  if (had === slot) map.delete(key);
  else if (typeof had === 'object') {
    const at = had.indexOf(slot);
    if (at >= 0) had.splice(at, 1);
    if (had.length === 1) map.set(key, had[0]);
  }
}

function slotCount(map: Slots, key: number): number {
  const had = map.get(key);
  return had === undefined ? 0 : typeof had === 'number' ? 1 : had.length;
}

/** Whether `b` is `a` as far as look-alikes go (a look-alike's order reads its count of mentions). */
function lookAlikeAsBefore(a: LookAlikeEntity, b: LookAlikeEntity): boolean {
  if (a.entityId !== b.entityId || a.canonical !== b.canonical || a.type !== b.type || a.mentionCount !== b.mentionCount) return false;
  if (a.spellings === b.spellings) return true;
  if (a.spellings.size !== b.spellings.size) return false;
  for (const s of b.spellings.keys()) if (!a.spellings.has(s)) return false;
  return true;
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
