import * as assert from 'node:assert/strict';
import { promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { addAlias, markNotEntity, parseRegistry } from '../../../server/src/core/index';
import { RegistryStore } from '../../../server/src/store/registryStore';

describe('registry store', () => {
  let dir: string;
  let file: string;
  beforeEach(async () => {
    dir = await fs.mkdtemp(path.join(os.tmpdir(), 'registry-store-'));
    file = path.join(dir, 'annotations', 'entities.yaml');
  });
  afterEach(async () => {
    await fs.rm(dir, { recursive: true, force: true });
  });

  it('creates the file on the first change and reads it back', async () => {
    const store = new RegistryStore(file);
    assert.deepEqual(await store.read(), { ok: true, registry: { entities: [], notEntities: [] }, exists: false });
    const change = await store.change((r) => markNotEntity(r, 'Share it'));
    assert.ok(change.changed);
    const text = await fs.readFile(file, 'utf8');
    const parsed = parseRegistry(text);
    assert.ok(parsed.ok && parsed.registry.notEntities[0] === 'Share it');
    const again = await store.change((r) => markNotEntity(r, 'Share it'));
    assert.equal(again.changed, false);
    assert.equal(await fs.readFile(file, 'utf8'), text);
  });

  it('serialises concurrent changes so none is lost, also across stores of one file', async () => {
    const ref = { entityId: 'laos', canonical: 'Laos', type: 'LOCATION' as const };
    const a = new RegistryStore(file);
    const b = new RegistryStore(file);
    await Promise.all([
      ...['Lao PDR', 'Lao', 'Laos PDR'].map((alias, i) => (i % 2 ? a : b).change((r) => addAlias(r, ref, alias))),
      a.change((r) => markNotEntity(r, 'Share it')),
      b.change((r) => markNotEntity(r, 'Related news')),
    ]);
    const parsed = parseRegistry(await fs.readFile(file, 'utf8'));
    assert.ok(parsed.ok);
    assert.deepEqual(parsed.registry.entities[0].aliases.sort(), ['Lao', 'Lao PDR', 'Laos PDR']);
    assert.deepEqual(parsed.registry.notEntities.sort(), ['Related news', 'Share it']);
  });

  it('refuses to change a file that does not parse, says where, and leaves it untouched', async () => {
    await fs.mkdir(path.dirname(file), { recursive: true });
    const broken = 'entities:\n  - canonical: Laos\n    type: PLACE\n';
    await fs.writeFile(file, broken);
    const store = new RegistryStore(file);
    const read = await store.read();
    assert.ok(!read.ok && /line 3/.test(read.message));
    await assert.rejects(store.change((r) => markNotEntity(r, 'Share it')), /entities\.yaml has errors and was left untouched: line 3, column \d+: .*PLACE/);
    assert.equal(await fs.readFile(file, 'utf8'), broken);
    const left = (await fs.readdir(path.dirname(file))).filter((n) => n !== 'entities.yaml');
    assert.deepEqual(left, [], 'no temporary file left behind');
  });

  it('refuses an edit that fails, writing nothing', async () => {
    const store = new RegistryStore(file);
    await assert.rejects(store.change((r) => markNotEntity(r, '   ')), /empty/);
    await assert.rejects(fs.access(file));
  });
});
