/**
 * How corpus clustering reads a recognised name: its name form, whether it is dropped (no key, or an analyst's "not an
 * entity"), the registry entity that owns it, and the key of its node in the graph of distinct forms (clusterGraph.ts).
 * Shared by the full clustering (aliases.ts) and the incremental one (incrementalClustering.ts), so both read a name
 * the same way.
 */
import type { EntityType, RecognizedEntity } from '../types';
import { typeGroupOf, type TypeGroup } from './clusterGraph';
import type { FullName } from './partialNames';
import { nameFormOf, type NameForm } from './nameForm';
import { nameTokens } from './nameKey';
import type { EntityRegistry } from './registry';

/** A written name (its text, type and country) as clustering reads it. */
export interface SeenForm {
  readonly type: EntityType;
  readonly country: string | undefined;
  readonly form: NameForm;
  readonly dropped: boolean;
  readonly owner?: number;
  readonly group: TypeGroup;
  /** Names with the same key are one node of the graph. */
  readonly nodeKey: string;
  /** A single-token person name of no registry entity: resolved per document (partialNames.ts), not merged. */
  readonly partial: boolean;
  /** The full clustering's node, once made (aliases.ts). */
  node: number | undefined;
}

/** Comparison key for "not an entity" strings and exact registry names: folded words. */
export function plainKey(text: string): string {
  return nameTokens(text).join(' ');
}

export class FormReader {
  private readonly notEntities: Set<string>;
  private readonly regByText = new Map<string, number>();
  private readonly regByKey = new Map<string, number>();
  /** The registry's person names, by the index of their entity (the node placed for it). */
  readonly registryPersons: { readonly entity: number; readonly keys: readonly string[] }[] = [];
  /** What each written name is, by text: a corpus writes the same names again and again. */
  private readonly cache = new Map<string, SeenForm[]>();

  constructor(readonly registry: EntityRegistry) {
    this.notEntities = new Set(registry.notEntities.map(plainKey));
    registry.entities.forEach((e, i) => {
      for (const name of [e.canonical, ...e.aliases]) {
        const form = nameFormOf(name, e.type);
        if (!this.regByText.has(plainKey(name))) this.regByText.set(plainKey(name), i);
        if (form.keys.length > 0 && !this.regByKey.has(form.key)) this.regByKey.set(form.key, i);
        if (form.keys.length > 0 && !this.regByKey.has(`#${form.compact}`)) this.regByKey.set(`#${form.compact}`, i);
        if (e.type === 'PERSON') this.registryPersons.push({ entity: i, keys: form.keys });
      }
    });
  }

  /** The registry's person names with the union–find index of each entity's node (`roots[i]`: entity i's). */
  registryFullNames(roots: readonly number[]): FullName[] {
    return this.registryPersons.map((p) => ({ root: roots[p.entity], keys: p.keys }));
  }

  read(entity: Pick<RecognizedEntity, 'text' | 'type' | 'country'>): SeenForm {
    let forms = this.cache.get(entity.text);
    if (!forms) this.cache.set(entity.text, (forms = []));
    for (const f of forms) if (f.type === entity.type && f.country === entity.country) return f;
    const { notEntities, regByText, regByKey } = this;
    const form = nameFormOf(entity.text, entity.type, entity.country);
    // Plain keys only when there are registry names or non-entities to compare them with (each is a fold).
    const textKey = notEntities.size > 0 || regByText.size > 0 ? plainKey(entity.text) : undefined;
    const displayKey = textKey === undefined || form.display === entity.text ? textKey : plainKey(form.display);
    const dropped = form.keys.length === 0 || (notEntities.size > 0 && (notEntities.has(textKey!) || notEntities.has(displayKey!)));
    // The registry owner is part of the node: analysts may split two names that share a phonetic key.
    const owner =
      (textKey === undefined ? undefined : (regByText.get(textKey) ?? regByText.get(displayKey!))) ??
      (regByKey.size > 0 ? (regByKey.get(form.key) ?? regByKey.get(`#${form.compact}`)) : undefined);
    const group = typeGroupOf(entity.type);
    const partial = group === 'P' && form.keys.length === 1 && owner === undefined;
    const seen: SeenForm = { type: entity.type, country: entity.country, form, dropped, owner, group, nodeKey: `${group}|${form.key}|${owner ?? ''}`, partial, node: undefined };
    forms.push(seen);
    return seen;
  }

  /** Forgets the written names met so far (a long-lived reader: incrementalClustering.ts, after each update). */
  forget(): void {
    this.cache.clear();
  }
}
