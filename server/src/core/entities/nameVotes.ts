/**
 * What an entity's canonical name and type are chosen from (aliases.ts's `canonicalAndType`), counted mention by
 * mention: the written forms of its full mentions (else of all of them), and the mentions' types, each form's own
 * types as the tie-breaker. Most entities are met under one written form with one type: they hold the first mention's
 * and a count, and the tallies are made only at the first mention that differs (with the count of those before it, all
 * alike), in the order a tally of every mention would have made them. A corpus's grouping counts each entity's
 * mentions here as it meets them, with no list of them held (half a million at 10,000 articles).
 */
import type { EntityType } from '../types';
import { chooseCanonical } from './clusterNames';
import { entityType, typeOfName } from './clusterType';

export class NameVotes {
  private count = 0;
  private firstForm = '';
  private firstCore = false;
  private firstType: EntityType = 'MISC';
  private oneForm = true;
  private oneType = true;
  /** Full mentions' forms, the others', the types, and each form's types: made at the first mention unlike the first. */
  private tallies:
    | { core: Map<string, number>; other: Map<string, number>; types: Map<EntityType, number>; typesOfForm: Map<string, Map<EntityType, number>> }
    | undefined;

  get mentionCount(): number {
    return this.count;
  }

  /** A mention: its form as written (`NameForm.display`), whether that form names the entity (not a partial name), its type. */
  add(form: string, core: boolean, type: EntityType): void {
    if (this.count++ === 0) {
      this.firstForm = form;
      this.firstCore = core;
      this.firstType = type;
      return;
    }
    const sameForm = form === this.firstForm && core === this.firstCore;
    const sameType = type === this.firstType;
    if (!sameForm) this.oneForm = false;
    if (!sameType) this.oneType = false;
    if (this.tallies === undefined) {
      if (sameForm && sameType) return;
      this.tallies = { core: new Map(), other: new Map(), types: new Map(), typesOfForm: new Map() };
      this.tally(this.firstForm, this.firstCore, this.firstType, this.count - 1);
    }
    this.tally(form, core, type, 1);
  }

  /** The canonical name, and the type of a name (the canonical one, or the registry's for an entity it names). */
  result(): { canonical: string; type: (canonical: string) => EntityType } {
    if (this.count === 0) return { canonical: chooseCanonical(new Map()), type: (canonical) => entityType(new Map(), new Map(), () => typeOfName(canonical)) };
    const t = this.tallies;
    const canonical = this.oneForm || !t ? this.firstForm : chooseCanonical(t.core.size > 0 ? t.core : t.other);
    if (this.oneType || !t) {
      const type = this.firstType;
      return { canonical, type: () => type };
    }
    const { types, typesOfForm } = t;
    return { canonical, type: (name) => entityType(types, typesOfForm.get(name) ?? new Map(), () => typeOfName(name)) };
  }

  private tally(form: string, core: boolean, type: EntityType, n: number): void {
    const t = this.tallies!;
    add(core ? t.core : t.other, form, n);
    add(t.types, type, n);
    let formTypes = t.typesOfForm.get(form);
    if (!formTypes) t.typesOfForm.set(form, (formTypes = new Map()));
    add(formTypes, type, n);
  }
}

function add<K>(map: Map<K, number>, key: K, n: number): void {
  map.set(key, (map.get(key) ?? 0) + n);
}
