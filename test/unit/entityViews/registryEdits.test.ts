import * as assert from 'node:assert/strict';
import { clusterEntities } from '../../../server/src/core/entities/aliases';
import { EMPTY_REGISTRY, parseRegistry, type EntityRegistry } from '../../../server/src/core/entities/registry';
import {
  addAlias,
  markDifferent,
  markNotEntity,
  registryIndexOf,
  renameEntity,
  setType,
  type EntityRef,
  type RegistryEdit,
} from '../../../server/src/core/entities/registryEdits';
import { doc } from '../entities/aliases.fixtures';

const KHAMLIANG: EntityRef = { entityId: 'khamliang-outhakaysone', canonical: 'Khamliang Outhakaysone', type: 'PERSON' };

function ok(edit: RegistryEdit): EntityRegistry {
  assert.ok(edit.ok, edit.ok ? '' : edit.message);
  return edit.registry;
}
function reg(yaml: string): EntityRegistry {
  const r = parseRegistry(yaml);
  assert.ok(r.ok);
  return r.registry;
}

describe('registry edits', () => {
  it('adds an alias, pinning a model entity with its id, canonical name and type', () => {
    const r = ok(addAlias(EMPTY_REGISTRY, KHAMLIANG, 'Khamlieng Outhakaysone'));
    assert.deepEqual(r.entities, [{ id: 'khamliang-outhakaysone', canonical: 'Khamliang Outhakaysone', type: 'PERSON', aliases: ['Khamlieng Outhakaysone'] }]);
    const again = addAlias(r, KHAMLIANG, 'khamlieng outhakaysone');
    assert.ok(again.ok && !again.changed, 'the same name folded is not added twice');
  });

  it('moves an alias from another entity and out of notEntities', () => {
    const start = reg('entities:\n  - canonical: Vilay Lakhamphong\n    type: PERSON\n    aliases:\n      - Lt Gen Vilay\nnotEntities:\n  - Vilay\n');
    const r = ok(addAlias(start, KHAMLIANG, 'Lt Gen Vilay'));
    assert.deepEqual(r.entities.find((e) => e.canonical === 'Vilay Lakhamphong')!.aliases, []);
    const r2 = ok(addAlias(r, KHAMLIANG, 'Vilay'));
    assert.deepEqual(r2.notEntities, []);
  });

  it('merges a registry entity when its canonical name becomes an alias', () => {
    const start = reg('entities:\n  - canonical: Vilay Lakhamfong\n    type: PERSON\n    aliases: [Lakhamfong]\n    notes: from 004\n  - canonical: Vilay Lakhamphong\n    type: PERSON\n');
    const target: EntityRef = { entityId: 'vilay-lakhamphong', canonical: 'Vilay Lakhamphong', type: 'PERSON' };
    const edit = addAlias(start, target, 'Vilay Lakhamfong');
    const r = ok(edit);
    assert.equal(r.entities.length, 1);
    assert.deepEqual(r.entities[0].aliases.sort(), ['Lakhamfong', 'Vilay Lakhamfong']);
    assert.equal(r.entities[0].notes, 'from 004');
    assert.match(edit.ok ? edit.message : '', /merged/);
  });

  it('splits a spelling off as an entity of its own and keeps the group apart', () => {
    const from: EntityRef = { ...KHAMLIANG, spellings: ['Khamliang Outhakaysone', 'Khamlieng Outhakaysone'] };
    const r = ok(markDifferent(EMPTY_REGISTRY, 'Khamlieng Outhakaysone', 'PERSON', from));
    assert.deepEqual(r.entities.map((e) => e.canonical).sort(), ['Khamliang Outhakaysone', 'Khamlieng Outhakaysone']);
    // Splitting by the group's own name: the rest goes on under its next spelling.
    const r2 = ok(markDifferent(EMPTY_REGISTRY, 'Khamliang Outhakaysone', 'PERSON', from));
    assert.deepEqual(r2.entities.map((e) => e.canonical).sort(), ['Khamliang Outhakaysone', 'Khamlieng Outhakaysone']);
  });

  it('takes a split spelling out of the aliases of the entity it was in', () => {
    const start = reg('entities:\n  - canonical: Khamliang Outhakaysone\n    type: PERSON\n    aliases: [Khamlieng Outhakaysone]\n');
    const r = ok(markDifferent(start, 'Khamlieng Outhakaysone', 'PERSON', KHAMLIANG));
    assert.deepEqual(r.entities.find((e) => e.canonical === 'Khamliang Outhakaysone')!.aliases, []);
    assert.ok(r.entities.some((e) => e.canonical === 'Khamlieng Outhakaysone'));
  });

  it('changes the type of an entity, or of the entity a spelling names', () => {
    const r = ok(setType(EMPTY_REGISTRY, { entityId: 'kpl', canonical: 'KPL', type: 'PERSON' }, 'ORG'));
    assert.deepEqual(r.entities, [{ id: 'kpl', canonical: 'KPL', type: 'ORG', aliases: [] }]);
    const start = reg('entities:\n  - canonical: Khamliang Outhakaysone\n    type: PERSON\n    aliases: [Khamlieng Outhakaysone]\n');
    const r2 = ok(setType(start, { text: 'Khamlieng Outhakaysone' }, 'MISC'));
    assert.equal(r2.entities.length, 1);
    assert.equal(r2.entities[0].type, 'MISC');
    assert.ok(!setType(start, { text: 'x' }, 'THING' as never).ok, 'an unknown type is refused');
  });

  it('marks a string as not an entity, removing it from aliases and promoting an alias when it was the canonical name', () => {
    const start = reg('entities:\n  - canonical: Share it\n    type: MISC\n    aliases: [Share]\n  - canonical: Laos\n    type: LOCATION\n    aliases: [Share It Now]\n');
    const r = ok(markNotEntity(start, 'Share it'));
    assert.deepEqual(r.notEntities, ['Share it']);
    assert.equal(r.entities.find((e) => e.type === 'MISC')!.canonical, 'Share');
    const r2 = ok(markNotEntity(r, 'Share'));
    assert.ok(!r2.entities.some((e) => e.type === 'MISC'), 'an entity with no name left is removed');
    const same = markNotEntity(r2, 'share it');
    assert.ok(same.ok && !same.changed);
  });

  it('renames an entity, keeping the old canonical name as an alias and its id', () => {
    const r = ok(renameEntity(EMPTY_REGISTRY, KHAMLIANG, 'Gen. Khamliang Outhakaysone'));
    assert.deepEqual(r.entities, [{ id: 'khamliang-outhakaysone', canonical: 'Gen. Khamliang Outhakaysone', type: 'PERSON', aliases: ['Khamliang Outhakaysone'] }]);
    assert.equal(registryIndexOf(r, KHAMLIANG), 0, 'still found by its id');
    const back = ok(renameEntity(r, KHAMLIANG, 'Khamliang Outhakaysone'));
    assert.equal(back.entities[0].canonical, 'Khamliang Outhakaysone');
    assert.deepEqual(back.entities[0].aliases, ['Gen. Khamliang Outhakaysone']);
  });

  it('refuses to rename onto another entity and to use empty or multi-line names', () => {
    const start = reg('entities:\n  - canonical: Vilay Lakhamphong\n    type: PERSON\n');
    const clash = renameEntity(start, KHAMLIANG, 'Vilay Lakhamphong');
    assert.ok(!clash.ok && /already the name/.test(clash.message));
    assert.ok(!addAlias(start, KHAMLIANG, '  ').ok);
    assert.ok(!markNotEntity(start, 'a\nb').ok);
  });

  it('finds a registry entity without an id by its canonical name and slug', () => {
    const start = reg('entities:\n  - canonical: Việt Nam\n    type: LOCATION\n');
    assert.equal(registryIndexOf(start, { entityId: 'viet-nam', canonical: 'Việt Nam', type: 'LOCATION' }), 0);
    assert.equal(registryIndexOf(start, { entityId: 'viet-nam-location', canonical: 'Việt Nam', type: 'LOCATION' }), 0);
    assert.equal(registryIndexOf(start, { entityId: 'laos', canonical: 'Laos', type: 'LOCATION' }), -1);
  });

  it('every result parses, and the clustering follows it', () => {
    const docs = [
      doc('a', 'Vilay Lakhamphong met Khamliang Outhakaysone.', { 'Vilay Lakhamphong': 'PERSON', 'Khamliang Outhakaysone': 'PERSON' }),
      doc('b', 'Vilay Lakhamfong spoke.', { 'Vilay Lakhamfong': 'PERSON' }),
    ];
    const before = clusterEntities(docs, EMPTY_REGISTRY);
    const vilay = before.mentionsOf('b')[0];
    assert.equal(vilay.canonical, 'Vilay Lakhamphong', 'the model groups the two spellings');
    const cluster = before.cluster(vilay.entityId)!;
    const ref: EntityRef = { entityId: cluster.entityId, canonical: cluster.canonical, type: cluster.type, spellings: [...cluster.spellings.keys()] };
    const split = ok(markDifferent(EMPTY_REGISTRY, 'Vilay Lakhamfong', 'PERSON', ref));
    assert.equal(clusterEntities(docs, split).mentionsOf('b')[0].canonical, 'Vilay Lakhamfong');
    const merged = ok(addAlias(split, ref, 'Vilay Lakhamfong'));
    assert.equal(clusterEntities(docs, merged).mentionsOf('b')[0].canonical, 'Vilay Lakhamphong');
    const typed = ok(setType(merged, ref, 'ORG'));
    assert.equal(clusterEntities(docs, typed).mentionsOf('b')[0].type, 'ORG');
    const gone = ok(markNotEntity(typed, 'Vilay Lakhamfong'));
    assert.ok(!clusterEntities(docs, gone).mentionsOf('b').length);
  });
});
