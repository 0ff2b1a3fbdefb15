/**
 * The pure three-way merge of analyst files (core/annotations/merge.ts): by record identity, removals honoured when
 * the other side left the record alone, two different changes kept in the file's `conflicts:` section.
 */
import * as assert from 'node:assert/strict';
import {
  addAlias,
  analystFileKind,
  mergeAnalystFile,
  mergeRecords,
  mergeSet,
  parseIgnoreList,
  parseRegistry,
  parseSidecar,
  parseTaxonomy,
  serializeRegistry,
  serializeSidecar,
  type Sidecar,
  type Tag,
} from '../../../server/src/core/index';

const tag = (id: string, label: string, extra: Partial<Tag> = {}): Tag => ({
  id, tag: label, quote: `q${id}`, prefix: '', suffix: '', start: Number(id.slice(1)) * 10, end: Number(id.slice(1)) * 10 + 5, created: '2025-01-01T00:00:00.000Z', ...extra,
});
const sidecar = (...tags: Tag[]): string => serializeSidecar({ version: 1, document: 'seeds/a.txt', tags } as Sidecar);
const parsed = (text: string): Sidecar => {
  const r = parseSidecar(text, 'x');
  assert.ok(r.ok, JSON.stringify(!r.ok && r.errors));
  return r.sidecar;
};

describe('three-way merge of analyst files', () => {
  describe('mergeRecords', () => {
    const key = (r: { k: string }) => r.k;
    it('keeps additions of both sides, once when they are alike', () => {
      const r = mergeRecords('l', [], [{ k: 'a' }, { k: 'c' }], [{ k: 'b' }, { k: 'c' }], key);
      assert.deepEqual(r.records.map(key), ['a', 'c', 'b']);
      assert.equal(r.conflicts.length, 0);
    });
    it('honours a removal when the other side left the record alone, and takes a one-sided change', () => {
      const base = [{ k: 'a', v: 1 }, { k: 'b', v: 1 }];
      const r = mergeRecords('l', base, [{ k: 'b', v: 1 }], [{ k: 'a', v: 1 }, { k: 'b', v: 2 }], key);
      assert.deepEqual(r.records, [{ k: 'b', v: 2 }]);
      assert.equal(r.conflicts.length, 0);
    });
    it('keeps a record changed on one side and removed on the other, with a conflict', () => {
      const r = mergeRecords('l', [{ k: 'a', v: 1 }], [], [{ k: 'a', v: 2 }], key);
      assert.deepEqual(r.records, [{ k: 'a', v: 2 }]);
      assert.equal(r.conflicts.length, 1);
      assert.equal(r.conflicts[0].ours, undefined);
      assert.deepEqual(r.conflicts[0].theirs, { k: 'a', v: 2 });
      assert.match(r.conflicts[0].message, /removed on our branch/);
    });
    it('keeps ours and records both versions when both changed a record differently', () => {
      const r = mergeRecords('l', [{ k: 'a', v: 1 }], [{ k: 'a', v: 2 }], [{ k: 'a', v: 3 }], key);
      assert.deepEqual(r.records, [{ k: 'a', v: 2 }]);
      assert.deepEqual(r.conflicts, [{ list: 'l', key: 'a', message: 'changed differently on both branches; the list keeps ours', ours: { k: 'a', v: 2 }, theirs: { k: 'a', v: 3 } }]);
    });
    it('sees key order as no change', () => {
      const r = mergeRecords('l', [{ k: 'a', v: 1, w: 2 }], [{ w: 2, k: 'a', v: 1 }], [{ k: 'a', v: 1, w: 2 }], key);
      assert.equal(r.conflicts.length, 0);
    });
  });

  it('mergeSet: removals from the base on either side win, additions are kept', () => {
    assert.deepEqual(mergeSet(['a', 'b', 'c'], ['a', 'c', 'd'], ['a', 'b', 'e'], (x) => x), ['a', 'd', 'e']);
  });

  it('analystFileKind: by content, else by name', () => {
    assert.equal(analystFileKind('annotations/entities.yaml'), 'registry');
    assert.equal(analystFileKind('annotations/ignored.yaml'), 'ignores');
    assert.equal(analystFileKind('annotations/tags.yaml'), 'taxonomy');
    assert.equal(analystFileKind('corpus/annotations/tags.yaml'), 'taxonomy');
    assert.equal(analystFileKind('annotations/seeds/tags.yaml'), 'sidecar');
    assert.equal(analystFileKind('annotations/seeds/tags.yaml', ['version: 1\ndocument: seeds/tags.txt\ntags: []\n']), 'sidecar');
    assert.equal(analystFileKind('x.yaml', ['entities:\n  - canonical: A\n    type: ORG\n']), 'registry');
  });

  describe('sidecars', () => {
    it('merges additions, a removal and a one-sided edit cleanly, keeping our comments', () => {
      const base = sidecar(tag('t1', 'a'), tag('t2', 'b'), tag('t3', 'c'));
      const ours = '# ours: reviewed\n' + sidecar(tag('t1', 'a'), tag('t2', 'b'), tag('t3', 'c', { note: 'checked' }), tag('t4', 'new-ours')).replace(/^(#[^\n]*\n)+/, '');
      const theirs = sidecar(tag('t1', 'a'), tag('t3', 'c'), tag('t5', 'new-theirs')); // t2 removed
      const r = mergeAnalystFile('sidecar', base, ours, theirs);
      assert.ok(r.ok);
      assert.equal(r.conflicts.length, 0);
      assert.ok(r.text.startsWith('# ours: reviewed\n'), r.text);
      const merged = parsed(r.text);
      assert.deepEqual(merged.tags.map((t) => t.id), ['t1', 't3', 't4', 't5']);
      assert.equal(merged.tags.find((t) => t.id === 't3')!.note, 'checked');
      assert.equal(merged.conflicts, undefined);
    });

    it('keeps two different edits of one tag as a conflict entry that parses and is reported', () => {
      const base = sidecar(tag('t1', 'place'));
      const r = mergeAnalystFile('sidecar', base, sidecar(tag('t1', 'city')), sidecar(tag('t1', 'location')));
      assert.ok(r.ok);
      assert.ok(!r.text.includes('<<<<<<<'));
      assert.equal(r.conflicts.length, 1);
      const p = parseSidecar(r.text, 'x');
      assert.ok(p.ok);
      assert.deepEqual(p.sidecar.tags.map((t) => t.tag), ['city']);
      assert.equal(p.sidecar.conflicts?.length, 1);
      assert.equal((p.sidecar.conflicts![0].theirs as Tag).tag, 'location');
      assert.equal(p.warnings?.length, 1);
      assert.match(p.warnings![0].message, /Merge conflict on tags t1/);
      assert.equal(r.text.split('\n')[p.warnings![0].line].trim(), '- list: tags');
      // Merging again with the conflict on both sides keeps it once; resolving it on one side removes it.
      const again = mergeAnalystFile('sidecar', r.text, r.text, r.text);
      assert.ok(again.ok);
      assert.equal(parsed(again.text).conflicts?.length, 1);
      const resolved = sidecar(tag('t1', 'city'));
      const after = mergeAnalystFile('sidecar', r.text, resolved, r.text);
      assert.ok(after.ok);
      assert.equal(parsed(after.text).conflicts, undefined);
    });

    it('keeps a tag edited on one side and removed on the other', () => {
      const r = mergeAnalystFile('sidecar', sidecar(tag('t1', 'a')), sidecar(), sidecar(tag('t1', 'a', { note: 'n' })));
      assert.ok(r.ok);
      const merged = parsed(r.text);
      assert.equal(merged.tags[0].note, 'n');
      assert.equal(merged.conflicts?.length, 1);
    });

    it('merges a sidecar added on both sides (empty base)', () => {
      const r = mergeAnalystFile('sidecar', '', sidecar(tag('t1', 'a')), sidecar(tag('t2', 'b')));
      assert.ok(r.ok);
      assert.deepEqual(parsed(r.text).tags.map((t) => t.id), ['t1', 't2']);
      assert.equal(parsed(r.text).document, 'seeds/a.txt');
    });

    it('refuses to merge a version that does not parse, and says which', () => {
      const r = mergeAnalystFile('sidecar', sidecar(), sidecar(), 'version: 1\ntags: [unclosed\n');
      assert.ok(!r.ok);
      assert.equal(r.problems[0].side, 'theirs');
    });
  });

  describe('entity registry', () => {
    const base = 'entities:\n  - id: lao-army\n    canonical: Lao Army\n    type: ORG\nnotEntities:\n  - Share it\n';
    it('merges entities by id and notEntities as a set', () => {
      const ours = '# our registry\nentities:\n  - id: lao-army\n    canonical: Lao Army\n    type: ORG\n    aliases:\n      - LPA\n  - id: hanoi\n    canonical: Hanoi\n    type: LOCATION\nnotEntities:\n  - Share it\n  - Related news\n';
      const theirs = 'entities:\n  - id: lao-army\n    canonical: Lao Army\n    type: ORG\n  - id: vientiane\n    canonical: Vientiane\n    type: LOCATION\nnotEntities: []\n';
      const r = mergeAnalystFile('registry', base, ours, theirs);
      assert.ok(r.ok);
      assert.equal(r.conflicts.length, 0);
      assert.ok(r.text.includes('# our registry'));
      const p = parseRegistry(r.text);
      assert.ok(p.ok);
      assert.deepEqual(p.registry.entities.map((e) => e.id), ['hanoi', 'lao-army', 'vientiane']);
      assert.deepEqual(p.registry.entities.find((e) => e.id === 'lao-army')!.aliases, ['LPA']);
      assert.deepEqual(p.registry.notEntities, ['Related news']);
    });
    it('keeps a type changed differently on both sides as a conflict the registry parser reports', () => {
      const r = mergeAnalystFile('registry', base, base.replace('type: ORG', 'type: MISC'), base.replace('type: ORG', 'type: LOCATION'));
      assert.ok(r.ok);
      const p = parseRegistry(r.text);
      assert.ok(p.ok, JSON.stringify(!p.ok && p.errors));
      assert.equal(p.registry.entities[0].type, 'MISC');
      assert.equal(p.registry.conflicts?.length, 1);
      assert.equal(p.warnings?.length, 1);
      assert.match(p.warnings![0].message, /entities lao-army/);
    });
    it('keeps the conflicts when the editor changes the file afterwards', () => {
      const r = mergeAnalystFile('registry', base, base.replace('type: ORG', 'type: MISC'), base.replace('type: ORG', 'type: LOCATION'));
      assert.ok(r.ok);
      const p = parseRegistry(r.text);
      assert.ok(p.ok);
      const edit = addAlias(p.registry, { entityId: 'lao-army', canonical: 'Lao Army', type: 'MISC' }, 'LPA');
      assert.ok(edit.ok && edit.changed, edit.message);
      const again = parseRegistry(serializeRegistry(edit.registry, r.text));
      assert.ok(again.ok);
      assert.deepEqual(again.registry.entities[0].aliases, ['LPA']);
      assert.equal(again.registry.conflicts?.length, 1);
      // A sidecar changed by the editor ({ ...sidecar, tags }) keeps its conflicts too.
      const s = mergeAnalystFile('sidecar', sidecar(tag('t1', 'a')), sidecar(tag('t1', 'b')), sidecar(tag('t1', 'c')));
      assert.ok(s.ok);
      const read = parsed(s.text);
      const rewritten = parsed(serializeSidecar({ ...read, tags: [...read.tags, tag('t2', 'new')] }, s.text));
      assert.deepEqual(rewritten.tags.map((t) => t.id), ['t1', 't2']);
      assert.equal(rewritten.conflicts?.length, 1);
    });

    it('sets aside an entity whose name the other side gave to another entity, so the registry still reads', () => {
      const ours = 'entities:\n  - id: a\n    canonical: Alpha\n    type: ORG\n    aliases:\n      - AX\n';
      const theirs = 'entities:\n  - id: b\n    canonical: Beta\n    type: ORG\n    aliases:\n      - AX\n';
      const r = mergeAnalystFile('registry', '', ours, theirs);
      assert.ok(r.ok);
      const p = parseRegistry(r.text);
      assert.ok(p.ok, JSON.stringify(!p.ok && p.errors));
      assert.deepEqual(p.registry.entities.map((e) => e.id), ['a']);
      assert.equal(p.registry.conflicts?.[0].key, 'b');
    });
  });

  it('merges the ignore list by passage identity', () => {
    const e = (text: string, added = '2025-01-01T00:00:00.000Z') => `  - text: ${text}\n    kind: chrome\n    added: ${added}\n`;
    const h = '  - document: seeds/a.txt\n    quote: Share it\n    prefix: ""\n    suffix: ""\n    start: 5\n    end: 13\n    added: 2025-01-01T00:00:00.000Z\n';
    const base = `version: 1\neverywhere:\n${e('Share it')}here:\n${h}`;
    const ours = `version: 1\neverywhere:\n${e('Share it')}${e('Related news')}here:\n${h}`;
    const theirs = `version: 1\neverywhere:\n${e('Share  it')}${e('Comments')}here: []\n`;
    const r = mergeAnalystFile('ignores', base, ours, theirs);
    assert.ok(r.ok);
    const p = parseIgnoreList(r.text);
    assert.ok(p.ok);
    assert.deepEqual(p.list.everywhere.map((x) => x.text).sort(), ['Comments', 'Related news', 'Share it']);
    assert.equal(p.list.here.length, 0, 'the here entry removed on their side');
  });

  it('merges the taxonomy by name, with a conflict for two different colours', () => {
    const base = 'version: 1\ntags:\n  - name: crime\n    color: "#111111"\n';
    const r = mergeAnalystFile('taxonomy', base, base.replace('#111111', '#222222') + '  - name: defence\n', base.replace('#111111', '#333333') + '  - name: security/cyber\n');
    assert.ok(r.ok);
    const p = parseTaxonomy(r.text);
    assert.ok(p.ok);
    assert.deepEqual(p.taxonomy.tags.map((t) => t.name), ['crime', 'defence', 'security/cyber']);
    assert.equal(p.taxonomy.tags[0].color, '#222222');
    assert.equal(p.taxonomy.conflicts?.length, 1);
    assert.equal(p.warnings?.length, 1);
  });
});
