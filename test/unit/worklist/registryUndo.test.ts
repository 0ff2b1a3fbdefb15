import * as assert from 'node:assert/strict';
import { parseRegistry, serializeRegistry, type EntityRegistry } from '../../../server/src/core/entities/registry';
import { addAlias, markNotEntity, renameEntity } from '../../../server/src/core/entities/registryEdits';
import { undoRegistryEdit } from '../../../server/src/core/entities/registryUndo';

const FILE = `# Registry of the Laos desk: keep the notes short.
entities:
  # Checked against the 2021 cabinet list.
  - id: vilay-lakhamphong
    canonical: Vilay Lakhamphong
    type: PERSON
    aliases:
      - Vilay Lakhamfong

  - canonical: European Union
    type: ORG
`;

function parse(text: string): EntityRegistry {
  const r = parseRegistry(text);
  assert.ok(r.ok, 'parses');
  return r.registry;
}
function applied(before: EntityRegistry, edit: ReturnType<typeof addAlias>) {
  assert.ok(edit.ok && edit.changed);
  return { before, after: edit.registry, message: edit.message };
}

describe('undo of an entity correction', () => {
  it('restores what a merge touched, keeping the comments and the other entries', () => {
    const before = parse(FILE);
    const eu = { entityId: 'eu', canonical: 'EU', type: 'ORG' as const };
    const edit = applied(before, addAlias(before, eu, 'European Union'));
    const written = serializeRegistry(edit.after, FILE);
    const undo = undoRegistryEdit(edit.after, edit);
    assert.ok(undo.ok && undo.changed, undo.ok ? '' : undo.message);
    assert.match(undo.message, /^Undone: European Union merged into EU/);
    const text = serializeRegistry(undo.registry, written);
    assert.equal(serializeRegistry(parse(text)), serializeRegistry(before));
    assert.match(text, /# Registry of the Laos desk/);
    assert.match(text, /# Checked against the 2021 cabinet list/);
  });

  it('leaves an entry someone changed since as it is now, and undoes the rest', () => {
    const before = parse(FILE);
    const edit = applied(before, markNotEntity(before, 'Vilay Lakhamfong'));
    // Another analyst then renames the person (a git pull, say).
    const later = renameEntity(edit.after, { entityId: 'vilay-lakhamphong', canonical: 'Vilay Lakhamphong', type: 'PERSON' }, 'Gen. Vilay Lakhamphong');
    assert.ok(later.ok);
    const undo = undoRegistryEdit(later.registry, edit);
    assert.ok(undo.ok);
    assert.deepEqual(undo.registry.notEntities, [], 'no longer “not an entity”');
    const vilay = undo.registry.entities.find((e) => e.id === 'vilay-lakhamphong')!;
    assert.equal(vilay.canonical, 'Gen. Vilay Lakhamphong', 'the later rename is kept');
    assert.match(undo.message, /Gen\. Vilay Lakhamphong changed since and was left as it is/);
  });

  it('undoes a rename', () => {
    const before = parse(FILE);
    const edit = applied(before, renameEntity(before, { entityId: 'european-union', canonical: 'European Union', type: 'ORG' }, 'EU'));
    const undo = undoRegistryEdit(edit.after, edit);
    assert.ok(undo.ok && undo.changed);
    assert.equal(serializeRegistry(undo.registry), serializeRegistry(before));
  });
});
