/**
 * Analysts' corrections as edits of the entity registry: add an alias (merging registry entities when the alias is
 * one's canonical name), mark a spelling as an entity of its own, change an entity's type, mark a string as not an
 * entity, rename an entity. Pure: registry in, registry out; the result always parses (checked by round trip).
 *
 * An entity the model found but the registry does not name yet is "pinned" on first edit: it gets a registry entry
 * with its current id, canonical name and type, so its id stays stable after the edit.
 */
import type { EntityType } from '../types';
import { ENTITY_TYPES } from '../types';
import { entityTypePhrase } from '../describe';
import { slugify } from './nameKey';
import { parseRegistry, registryKey, serializeRegistry, type EntityRegistry, type RegistryEntity } from './registry';

/** An entity as the clustering sees it. */
export interface EntityRef {
  readonly entityId: string;
  readonly canonical: string;
  readonly type: EntityType;
  /** Its spellings, most frequent first (used to split an entity by one of its spellings). */
  readonly spellings?: readonly string[];
}

export type RegistryEdit =
  | { readonly ok: true; readonly registry: EntityRegistry; readonly changed: boolean; readonly message: string }
  | { readonly ok: false; readonly message: string };

const ID_PATTERN = /^[a-z0-9]+(?:[-_.][a-z0-9]+)*$/;

export interface Draft {
  entities: RegistryEntity[];
  notEntities: string[];
  conflicts?: EntityRegistry['conflicts'];
}

function draftOf(reg: EntityRegistry): Draft {
  return {
    entities: reg.entities.map((e) => ({ ...e, aliases: [...e.aliases] })),
    notEntities: [...reg.notEntities],
    ...(reg.conflicts?.length ? { conflicts: reg.conflicts } : {}),
  };
}

const same = (a: string, b: string): boolean => registryKey(a) === registryKey(b);
const idOf = (e: RegistryEntity): string => e.id ?? slugify(e.canonical);

/** Index of the registry entity behind a clustered entity, or -1. */
export function registryIndexOf(reg: EntityRegistry, ref: EntityRef): number {
  const byId = reg.entities.findIndex((e) => e.id === ref.entityId);
  if (byId >= 0) return byId;
  return reg.entities.findIndex((e) => !e.id && same(e.canonical, ref.canonical) && slugify(e.canonical) === baseSlug(ref.entityId, e));
}

/** Model ids get a `-<type>` suffix on slug clashes; a registry entity without an id may carry one too. */
function baseSlug(entityId: string, e: RegistryEntity): string {
  const slug = slugify(e.canonical);
  return entityId === slug || entityId.startsWith(`${slug}-`) ? slug : entityId;
}

/** Index of the registry entity that has `name` as canonical name or alias, or -1. */
export function registryOwnerOf(reg: EntityRegistry, name: string): number {
  return reg.entities.findIndex((e) => same(e.canonical, name) || e.aliases.some((a) => same(a, name)));
}

function uniqueId(d: Draft, wanted: string, type: EntityType): string | undefined {
  const taken = new Set(d.entities.map(idOf));
  const base = ID_PATTERN.test(wanted) ? wanted : slugify(wanted);
  if (!ID_PATTERN.test(base)) return undefined;
  if (!taken.has(base)) return base;
  for (let n = 1; ; n++) {
    const id = n === 1 ? `${base}-${type.toLowerCase()}` : `${base}-${type.toLowerCase()}-${n}`;
    if (!taken.has(id)) return id;
  }
}

/** The registry entity of `ref`, added (pinned) when missing. */
function pin(d: Draft, reg: EntityRegistry, ref: EntityRef): number {
  const i = registryIndexOf(reg, ref);
  if (i >= 0) return i;
  const owner = registryOwnerOf(reg, ref.canonical);
  if (owner >= 0) return owner;
  const id = uniqueId(d, ref.entityId, ref.type);
  d.entities.push({ ...(id ? { id } : {}), canonical: ref.canonical, type: ref.type, aliases: [] });
  d.notEntities = d.notEntities.filter((s) => !same(s, ref.canonical));
  return d.entities.length - 1;
}

/** Removes `name` from every alias list but entity `keep`'s, and from notEntities. */
function release(d: Draft, name: string, keep: number): void {
  d.entities.forEach((e, i) => {
    if (i !== keep) e.aliases = e.aliases.filter((a) => !same(a, name));
  });
  d.notEntities = d.notEntities.filter((s) => !same(s, name));
}

/** The edit from `reg` to `d`: unchanged when both write the same text, refused when `d` would not parse. */
export function finish(reg: EntityRegistry, d: Draft, message: string): RegistryEdit {
  const registry: EntityRegistry = { entities: d.entities, notEntities: d.notEntities, ...(d.conflicts?.length ? { conflicts: d.conflicts } : {}) };
  const text = serializeRegistry(registry);
  if (text === serializeRegistry(reg)) return { ok: true, registry: reg, changed: false, message: `${message} (the registry already said so)` };
  const parsed = parseRegistry(text);
  if (!parsed.ok) return { ok: false, message: `The change would make the registry invalid: ${parsed.errors[0].message}` };
  return { ok: true, registry: parsed.registry, changed: true, message };
}

function checkType(type: string): string | undefined {
  return (ENTITY_TYPES as readonly string[]).includes(type) ? undefined : `Unknown entity type \`${type}\`; expected one of: ${ENTITY_TYPES.join(', ')}.`;
}

function checkName(name: string, what: string): string | undefined {
  if (!name.trim()) return `The ${what} is empty.`;
  if (/[\r\n]/.test(name)) return `The ${what} must be on one line.`;
  return undefined;
}

/** `alias` names `target`. When `alias` is the canonical name of another registry entity, that entity is merged in. */
export function addAlias(reg: EntityRegistry, target: EntityRef, alias: string): RegistryEdit {
  const bad = checkName(alias, 'alias');
  if (bad) return { ok: false, message: bad };
  alias = alias.trim();
  const d = draftOf(reg);
  const t = pin(d, reg, target);
  const into = d.entities[t];
  const other = d.entities.findIndex((e, i) => i !== t && same(e.canonical, alias));
  let message = `\`${alias}\` is now a name of ${into.canonical}`;
  if (other >= 0) {
    const merged = d.entities[other];
    into.aliases.push(merged.canonical, ...merged.aliases);
    if (merged.notes) into.notes = into.notes ? `${into.notes}\n${merged.notes}` : merged.notes;
    d.entities.splice(other, 1);
    message = `${merged.canonical} merged into ${into.canonical}`;
  } else {
    release(d, alias, t);
    if (!same(alias, into.canonical) && !into.aliases.some((a) => same(a, alias))) into.aliases.push(alias);
  }
  return finish(reg, d, message);
}

/** `text` names an entity of its own, not the one it is grouped with (`from`, which is pinned so it stays apart). */
export function markDifferent(reg: EntityRegistry, text: string, type: EntityType, from?: EntityRef): RegistryEdit {
  const bad = checkName(text, 'name') ?? checkType(type);
  if (bad) return { ok: false, message: bad };
  text = text.trim();
  const d = draftOf(reg);
  if (from) {
    if (!same(from.canonical, text)) pin(d, reg, from);
    else {
      // The spelling is the group's own name: the rest of the group goes on under its next most frequent spelling.
      const rest = (from.spellings ?? []).find((s) => !same(s, text));
      if (rest && registryOwnerOf(reg, rest) < 0) {
        const id = uniqueId(d, slugify(rest), from.type);
        d.entities.push({ ...(id ? { id } : {}), canonical: rest, type: from.type, aliases: [] });
      }
    }
  }
  const own = d.entities.findIndex((e) => same(e.canonical, text));
  if (own >= 0) {
    const e = d.entities[own];
    if (e.aliases.some((a) => same(a, text))) e.aliases = e.aliases.filter((a) => !same(a, text));
    e.type = type;
    release(d, text, own);
    return finish(reg, d, `${e.canonical} is an entity of its own`);
  }
  release(d, text, -1);
  const id = uniqueId(d, slugify(text), type);
  d.entities.push({ ...(id ? { id } : {}), canonical: text, type, aliases: [] });
  return finish(reg, d, `\`${text}\` is an entity of its own`);
}

/** The type of `target` (an entity, or the entity a spelling belongs to) is `type`. */
export function setType(reg: EntityRegistry, target: EntityRef | { text: string }, type: EntityType): RegistryEdit {
  const bad = checkType(type);
  if (bad) return { ok: false, message: bad };
  const d = draftOf(reg);
  let i: number;
  if ('entityId' in target) i = pin(d, reg, target);
  else {
    const name = target.text.trim();
    const nameBad = checkName(name, 'name');
    if (nameBad) return { ok: false, message: nameBad };
    i = registryOwnerOf(reg, name);
    if (i < 0) {
      const id = uniqueId(d, slugify(name), type);
      d.entities.push({ ...(id ? { id } : {}), canonical: name, type, aliases: [] });
      release(d, name, d.entities.length - 1);
      i = d.entities.length - 1;
    }
  }
  d.entities[i].type = type;
  return finish(reg, d, `${d.entities[i].canonical} is now ${entityTypePhrase(type)}`);
}

/** `text` is not an entity: it leaves any entity it names (an entity named only by it is removed). */
export function markNotEntity(reg: EntityRegistry, text: string): RegistryEdit {
  const bad = checkName(text, 'text');
  if (bad) return { ok: false, message: bad };
  text = text.trim();
  const d = draftOf(reg);
  for (const e of d.entities) e.aliases = e.aliases.filter((a) => !same(a, text));
  const owner = d.entities.findIndex((e) => same(e.canonical, text));
  if (owner >= 0) {
    const e = d.entities[owner];
    if (e.aliases.length > 0) {
      e.canonical = e.aliases[0];
      e.aliases = e.aliases.slice(1);
    } else d.entities.splice(owner, 1);
  }
  if (!d.notEntities.some((s) => same(s, text))) d.notEntities.push(text);
  return finish(reg, d, `\`${text}\` is not an entity`);
}

/** `target` is right as the model found it: it gets its registry entry (pinned), so it leaves the worklist. */
export function confirmEntity(reg: EntityRegistry, target: EntityRef): RegistryEdit {
  const bad = checkType(target.type);
  if (bad) return { ok: false, message: bad };
  const d = draftOf(reg);
  const e = d.entities[pin(d, reg, target)];
  return finish(reg, d, `${e.canonical} is in the registry as ${entityTypePhrase(e.type)}`);
}

/** The canonical name of `target` becomes `name`; the old canonical name stays as an alias. Never merges. */
export function renameEntity(reg: EntityRegistry, target: EntityRef, name: string): RegistryEdit {
  const bad = checkName(name, 'new name');
  if (bad) return { ok: false, message: bad };
  name = name.trim();
  const d = draftOf(reg);
  const t = pin(d, reg, target);
  const e = d.entities[t];
  const clash = d.entities.findIndex((x, i) => i !== t && same(x.canonical, name));
  if (clash >= 0) {
    return { ok: false, message: `\`${name}\` is already the name of the entity ${d.entities[clash].canonical}; add it as an alias to merge the two.` };
  }
  if (e.canonical === name) return finish(reg, d, `${name} keeps its name`);
  const old = e.canonical;
  release(d, name, t);
  e.aliases = e.aliases.filter((a) => !same(a, name));
  if (!same(old, name)) e.aliases.push(old);
  e.canonical = name;
  if (!e.id) {
    const id = uniqueId({ ...d, entities: d.entities.filter((_, i) => i !== t) }, target.entityId, e.type);
    if (id) e.id = id;
  }
  return finish(reg, d, `${old} is now called ${name}`);
}
