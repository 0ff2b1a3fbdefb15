import * as assert from 'node:assert/strict';
import { parse } from 'yaml';
import { parseTaxonomy, renamedLabel, renameInTaxonomy, serializeTaxonomy, undoRenameInTaxonomy, type Taxonomy } from '../../../server/src/core/index';

describe('tag taxonomy (annotations/tags.yaml)', () => {
  const text = [
    '# Our tags: agreed at the kick-off',
    'version: 1',
    'tags:',
    '  # crime online',
    '  - name: security/cybercrime',
    '    description: Online fraud and hacking',
    '    color: "#d73a49"',
    '  - name: security',
    '  - name: defence-cooperation # the big one',
    '    color: "#0366d6"',
    '',
  ].join('\n');

  it('reads names, descriptions and colours, and reports problems with their line', () => {
    const r = parseTaxonomy(text);
    assert.ok(r.ok);
    assert.deepEqual(r.taxonomy.tags.map((t) => t.name), ['security/cybercrime', 'security', 'defence-cooperation']);
    assert.equal(r.taxonomy.tags[0].color, '#d73a49');
    const bad = parseTaxonomy('version: 1\ntags:\n  - name: a\n  - name: b\n    color: red\n');
    assert.ok(!bad.ok);
    assert.equal(bad.errors[0].line, 3);
    assert.match(bad.errors[0].message, /color/);
    const twice = parseTaxonomy('tags:\n  - name: a\n  - name: " a "\n');
    assert.ok(!twice.ok && /twice/.test(twice.errors[0].message));
  });

  it('renames a tag and everything below it, merging into an existing name', () => {
    assert.equal(renamedLabel('security/cybercrime', 'security', 'safety'), 'safety/cybercrime');
    assert.equal(renamedLabel('securityx', 'security', 'safety'), undefined);
    const r = parseTaxonomy(text);
    assert.ok(r.ok);
    const moved = renameInTaxonomy(r.taxonomy, 'security', 'defence-cooperation');
    assert.deepEqual(moved.tags.map((t) => t.name).sort(), ['defence-cooperation', 'defence-cooperation/cybercrime']);
    assert.equal(moved.tags.find((t) => t.name === 'defence-cooperation')!.color, '#0366d6', 'the existing entry keeps its colour');
  });

  it('takes a merge back, keeping what changed elsewhere since, and the comments of the entries', () => {
    const r = parseTaxonomy(text);
    assert.ok(r.ok);
    const merged = renameInTaxonomy(r.taxonomy, 'security', 'defence-cooperation');
    const mergedText = serializeTaxonomy(merged, text);
    const later: Taxonomy = { ...merged, tags: [...merged.tags, { name: 'border', description: 'added since' }] };
    const laterText = serializeTaxonomy(later, mergedText);
    const back = undoRenameInTaxonomy(later, r.taxonomy, 'security', 'defence-cooperation');
    assert.deepEqual(back.tags.map((t) => t.name), ['border', 'defence-cooperation', 'security', 'security/cybercrime']);
    assert.equal(back.tags.find((t) => t.name === 'security/cybercrime')!.description, 'Online fraud and hacking');
    const out = serializeTaxonomy(back, laterText);
    assert.match(out, /# crime online\n\s*- name: security\/cybercrime/, 'the comment goes back with its entry');
    assert.match(out, /# the big one/);
    assert.match(out, /# Our tags: agreed at the kick-off/);
  });

  it('keeps comments on rewrite, and writes the same bytes for the same value', () => {
    const r = parseTaxonomy(text);
    assert.ok(r.ok);
    const next: Taxonomy = { ...r.taxonomy, tags: [...r.taxonomy.tags, { name: 'border' }] };
    const out = serializeTaxonomy(next, text);
    assert.match(out, /# Our tags: agreed at the kick-off/);
    assert.match(out, /# crime online/);
    assert.match(out, /# the big one/);
    assert.deepEqual(parse(out).tags.map((t: { name: string }) => t.name).sort(), ['border', 'defence-cooperation', 'security', 'security/cybercrime']);
    assert.equal(serializeTaxonomy(next, out), out);
    const fresh = serializeTaxonomy(next);
    const again = parseTaxonomy(fresh);
    assert.ok(again.ok);
    assert.deepEqual(again.taxonomy.tags.map((t) => t.name), ['border', 'defence-cooperation', 'security', 'security/cybercrime']);
  });
});
