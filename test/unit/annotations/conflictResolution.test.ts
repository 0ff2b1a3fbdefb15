/** Resolving a merge conflict kept in a sidecar on one tag: ours, theirs or both, the entry removed, nothing else touched. */
import * as assert from 'node:assert/strict';
import { parseSidecar, resolveTagConflict, serializeSidecar, withoutTagConflicts, type Sidecar, type Tag } from '../../../server/src/core/index';

const tag = (id: string, label: string, over: Partial<Tag> = {}): Tag => ({ id, tag: label, quote: 'drug control', prefix: '', suffix: '', start: 10, end: 22, created: '2025-01-01T00:00:00.000Z', ...over });

function sidecarWith(ours: Tag | undefined, theirs: Tag | undefined, list: Tag[]): Sidecar {
  // Written and read back, as the merge driver leaves it in the file.
  const text = serializeSidecar({
    version: 1,
    document: 'seeds/a.txt',
    tags: list,
    conflicts: [
      { list: 'tags', key: 't1', message: 'changed differently on both branches; the list keeps ours', ...(ours ? { ours } : {}), ...(theirs ? { theirs } : {}) },
      { list: 'tags', key: 'other', message: 'kept', ours: tag('other', 'x') },
    ],
  });
  const r = parseSidecar(text, 'seeds/a.txt');
  assert.ok(r.ok);
  return r.sidecar;
}
const ids = ['n1', 'n2'];
const newId = () => ids.shift()!;

describe('resolving a tag conflict', () => {
  const ours = tag('t1', 'drugs', { author: 'ana' });
  const theirs = tag('t1', 'crime', { author: 'bo', note: 'seizure' });
  const keep = tag('t2', 'place', { start: 30, end: 39, quote: 'Vientiane' });

  it('keeps ours, theirs or both, and removes only that conflict entry', () => {
    const s = sidecarWith(ours, theirs, [ours, keep]);
    const o = resolveTagConflict(s, 't1', 'ours', newId);
    assert.ok(o.ok);
    assert.deepEqual(o.sidecar.tags.map((t) => `${t.id}:${t.tag}`).sort(), ['t1:drugs', 't2:place']);
    assert.deepEqual(o.sidecar.conflicts?.map((c) => c.key), ['other']);
    assert.deepEqual([o.removed.length, o.added.length], [0, 0]);

    const t = resolveTagConflict(s, 't1', 'theirs', newId);
    assert.ok(t.ok);
    assert.deepEqual(t.sidecar.tags.find((x) => x.id === 't1'), { ...theirs, prefix: '', suffix: '' });
    assert.deepEqual([t.removed.map((x) => x.tag), t.added.map((x) => x.tag)], [['drugs'], ['crime']]);

    const b = resolveTagConflict(s, 't1', 'both', newId);
    assert.ok(b.ok);
    assert.deepEqual(b.sidecar.tags.map((x) => `${x.id}:${x.tag}`).sort(), ['n1:crime', 't1:drugs', 't2:place']);
  });

  it('a side that removed the tag means it goes; an unknown key is refused', () => {
    const s = sidecarWith(undefined, theirs, [keep]);
    const o = resolveTagConflict(s, 't1', 'ours', newId);
    assert.ok(o.ok);
    assert.deepEqual(o.sidecar.tags.map((x) => x.id), ['t2']);
    const t = resolveTagConflict(s, 't1', 'theirs', newId);
    assert.ok(t.ok);
    assert.deepEqual(t.sidecar.tags.map((x) => x.id).sort(), ['t1', 't2']);
    const none = resolveTagConflict(s, 'nope', 'ours', newId);
    assert.equal(none.ok, false);
  });

  it('withoutTagConflicts drops the entries of decided tags only, and the section when it is empty', () => {
    const s = sidecarWith(ours, theirs, [ours]);
    assert.deepEqual(withoutTagConflicts(s, ['t1']).conflicts?.map((c) => c.key), ['other']);
    assert.equal('conflicts' in withoutTagConflicts(s, ['t1', 'other']), false);
    assert.equal(withoutTagConflicts(s, ['zzz']), s);
  });
});
