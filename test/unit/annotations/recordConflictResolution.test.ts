/**
 * Resolving a merge conflict kept in the registry, the ignore list or the taxonomy (pure): ours, theirs, both where it
 * makes sense; a removal honoured; a choice that would break the file refused; undo puts the conflict entry back, and
 * the record unless it changed since.
 */
import * as assert from 'node:assert/strict';
import {
  mergeIgnoreLists,
  mergeRegistries,
  mergeTaxonomies,
  recordConflictChoices,
  resolveIgnoreConflict,
  resolveRegistryConflict,
  resolveTaxonomyConflict,
  undoRegistryResolution,
  undoTaxonomyResolution,
  type EntityRegistry,
  type IgnoreList,
  type Taxonomy,
} from '../../../server/src/core/index';

const entity = (aliases: string[], type: 'LOCATION' | 'ORG' = 'LOCATION') => ({ id: 'vientiane', canonical: 'Vientiane', type, aliases });
const registry = (...entities: ReturnType<typeof entity>[]): EntityRegistry => ({ entities, notEntities: [] });

describe('resolving a merge conflict in the registry, the ignore list or the taxonomy', () => {
  const base = registry(entity(['Viêng Chăn']));
  const merged = mergeRegistries(base, registry(entity(['Viêng Chăn', 'Vientiane Capital'])), registry(entity(['Viêng Chăn', 'Viangchan'])));

  it('registry: ours, theirs, or both (ours with their names); the conflict entry removed', () => {
    assert.deepEqual(merged.conflicts?.map((c) => [c.list, c.key]), [['entities', 'vientiane']]);
    assert.deepEqual(recordConflictChoices('registry', merged.conflicts![0]), ['ours', 'theirs', 'both']);
    const aliases = (choice: 'ours' | 'theirs' | 'both') => {
      const r = resolveRegistryConflict(merged, 'entities', 'vientiane', choice);
      assert.ok(r.ok, !r.ok ? r.message : '');
      assert.equal(r.value.conflicts, undefined);
      return [...r.value.entities[0].aliases].sort();
    };
    assert.deepEqual(aliases('ours'), ['Vientiane Capital', 'Viêng Chăn']);
    assert.deepEqual(aliases('theirs'), ['Viangchan', 'Viêng Chăn']);
    assert.deepEqual(aliases('both'), ['Viangchan', 'Vientiane Capital', 'Viêng Chăn']);
    assert.equal(resolveRegistryConflict(merged, 'entities', 'nope', 'ours').ok, false);
  });

  it('registry: no both when the types differ; a removal on one side removes the entity', () => {
    const typed = mergeRegistries(base, registry(entity(['Viêng Chăn'], 'ORG')), registry(entity(['Viêng Chăn', 'Viangchan'])));
    assert.deepEqual(recordConflictChoices('registry', typed.conflicts![0]), ['ours', 'theirs']);
    const refused = resolveRegistryConflict(typed, 'entities', 'vientiane', 'both');
    assert.equal(refused.ok, false);
    const removed = mergeRegistries(base, registry(), registry(entity(['Viêng Chăn', 'Viangchan'])));
    const r = resolveRegistryConflict(removed, 'entities', 'vientiane', 'ours');
    assert.ok(r.ok);
    assert.deepEqual(r.value.entities, []);
    assert.match(r.message, /\(removed\)/);
  });

  it('registry: a choice that would give one name to two entities is refused', () => {
    const other = { id: 'capital', canonical: 'Capital City', type: 'LOCATION' as const, aliases: [] as string[] };
    const clash = { ...merged, entities: [...merged.entities, { ...other, aliases: ['Viangchan'] }] };
    const r = resolveRegistryConflict(clash, 'entities', 'vientiane', 'theirs');
    assert.equal(r.ok, false);
    assert.match(r.message, /would make the registry invalid/);
  });

  it('ignore list and taxonomy: ours or theirs only', () => {
    const entry = (note: string) => ({ text: 'Related news', kind: 'chrome' as const, note, added: '2025-05-01T00:00:00.000Z' });
    const list = (note?: string): IgnoreList => ({ version: 1, everywhere: note ? [entry(note)] : [], here: [] });
    const ign = mergeIgnoreLists(list('x'), list('links'), list('sidebar'));
    assert.deepEqual(recordConflictChoices('ignores', ign.conflicts![0]), ['ours', 'theirs']);
    const t = resolveIgnoreConflict(ign, 'everywhere', ign.conflicts![0].key, 'theirs');
    assert.ok(t.ok);
    assert.deepEqual(t.value.everywhere.map((e) => e.note), ['sidebar']);
    assert.equal(resolveIgnoreConflict(ign, 'everywhere', ign.conflicts![0].key, 'both').ok, false);

    const tax = (description: string): Taxonomy => ({ version: 1, tags: [{ name: 'cooperation', description }] });
    const mt = mergeTaxonomies(tax('a'), tax('b'), tax('c'));
    const o = resolveTaxonomyConflict(mt, 'tags', 'cooperation', 'ours');
    assert.ok(o.ok);
    assert.deepEqual(o.value.tags.map((x) => x.description), ['b']);
    assert.equal(o.value.conflicts, undefined);
  });

  it('undo: the conflict entry back; the record as it was, unless it changed since', () => {
    const r = resolveRegistryConflict(merged, 'entities', 'vientiane', 'both');
    assert.ok(r.ok);
    const u = undoRegistryResolution(r.value, r.resolution);
    assert.ok(u.ok);
    assert.deepEqual(u.value.conflicts, merged.conflicts);
    assert.deepEqual(u.value.entities, merged.entities);

    const tax = (description: string): Taxonomy => ({ version: 1, tags: [{ name: 'cooperation', description }] });
    const mt = mergeTaxonomies(tax('a'), tax('b'), tax('c'));
    const t = resolveTaxonomyConflict(mt, 'tags', 'cooperation', 'theirs');
    assert.ok(t.ok);
    const edited: Taxonomy = { ...t.value, tags: [{ name: 'cooperation', description: 'by hand' }] };
    const late = undoTaxonomyResolution(edited, t.resolution);
    assert.ok(late.ok);
    assert.deepEqual(late.value.tags.map((x) => x.description), ['by hand']);
    assert.deepEqual(late.value.conflicts, mt.conflicts);
    assert.match(late.message, /changed since/);
  });
});
