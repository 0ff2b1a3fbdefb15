import * as assert from 'node:assert/strict';
import { EMPTY_REGISTRY, parseRegistry, serializeRegistry, type EntityRegistry, type RegistryError } from '../../../server/src/core/entities/registry';

const SAMPLE = `# Analysts' corrections
entities:
  - id: vilay-lakhamphong
    canonical: Vilay Lakhamphong
    type: PERSON
    aliases:
      - Vilay Lakhamfong
      - Lt Gen Vilay
    notes: |
      Lao Minister of Public Security.
      Spelled Lakhamfong by the Vientiane Times.

  - canonical: Việt Nam
    type: LOCATION
    aliases: [Vietnam, Viet Nam]

notEntities:
  - Share it
  - Log in
`;

function errorsOf(text: string): RegistryError[] {
  const r = parseRegistry(text);
  assert.equal(r.ok, false, 'expected errors');
  return r.ok ? [] : r.errors;
}

describe('entity registry: parse', () => {
  it('reads entities, aliases, notes and not-entities', () => {
    const r = parseRegistry(SAMPLE);
    assert.ok(r.ok);
    assert.deepEqual(r.registry, {
      entities: [
        {
          id: 'vilay-lakhamphong',
          canonical: 'Vilay Lakhamphong',
          type: 'PERSON',
          aliases: ['Vilay Lakhamfong', 'Lt Gen Vilay'],
          notes: 'Lao Minister of Public Security.\nSpelled Lakhamfong by the Vientiane Times.',
        },
        { canonical: 'Việt Nam', type: 'LOCATION', aliases: ['Vietnam', 'Viet Nam'] },
      ],
      notEntities: ['Share it', 'Log in'],
    });
  });

  it('reads an empty file, a comment-only file and empty sections as the empty registry', () => {
    for (const text of ['', '\n', '# nothing yet\n', 'entities:\nnotEntities:\n']) {
      const r = parseRegistry(text);
      assert.ok(r.ok, text);
      assert.deepEqual(r.registry, { entities: [], notEntities: [] });
    }
    assert.deepEqual(EMPTY_REGISTRY, { entities: [], notEntities: [] });
  });

  it('keeps every scalar as written text (numbers, yes/no, null)', () => {
    const r = parseRegistry('entities:\n  - canonical: 1976\n    type: MISC\n    aliases: [No, null, "007"]\n');
    assert.ok(r.ok);
    assert.deepEqual(r.registry.entities[0], { canonical: '1976', type: 'MISC', aliases: ['No', 'null', '007'] });
  });

  it('reports a YAML syntax error with its 0-based position, without throwing', () => {
    const errors = errorsOf('entities:\n  - canonical: Vilay\n    type: PERSON\n   aliases: [a, b\n');
    assert.ok(errors.length >= 1);
    for (const e of errors) assert.ok(e.line >= 1 && e.line <= 4 && e.column >= 0, JSON.stringify(e));
    const tab = errorsOf('entities:\n\t- canonical: X\n');
    assert.equal(tab[0].line, 1);
  });

  it('reports a duplicated key where it is', () => {
    const errors = errorsOf('entities:\n  - canonical: A\n    type: ORG\n    type: PERSON\n');
    assert.equal(errors.length, 1);
    assert.equal(errors[0].line, 3);
    assert.equal(errors[0].column, 4);
  });

  it('reports wrong structure, unknown keys, bad types and missing names at their line and column', () => {
    const text = [
      'entities:', //                                  0
      '  - canonical: Khamliang Outhakaysone', //      1
      '    type: PERSN', //                            2
      '    alias: [Khamlieng]', //                     3
      '  - just a string', //                          4
      '  - type: ORG', //                              5
      '    canonical: ""', //                          6
      '  - canonical: Laos', //                        7
      '    id: Not A Slug', //                         8
      '    type: LOCATION', //                         9
      '    aliases: Lao', //                           10
      'notEntities: Share it', //                      11
      'extra: 1', //                                   12
    ].join('\n');
    const errors = errorsOf(text);
    const at = errors.map((e) => [e.line, e.column]);
    assert.deepEqual(at, [
      [2, 10],
      [3, 4],
      [4, 4],
      [6, 15],
      [8, 8],
      [10, 13],
      [11, 13],
      [12, 0],
    ]);
    assert.match(errors[0].message, /PERSN.*PERSON, ORG, LOCATION, MISC/);
    assert.match(errors[1].message, /Unknown entity key `alias`/);
    assert.match(errors[3].message, /canonical/);
    assert.match(errors[7].message, /Unknown key `extra`/);
  });

  it('reports a missing type at the entity, and a registry that is not a mapping', () => {
    assert.deepEqual(errorsOf('entities:\n  - canonical: Hanoi\n').map((e) => [e.line, e.column]), [[1, 4]]);
    assert.deepEqual(errorsOf('- a\n- b\n').map((e) => [e.line, e.column]), [[0, 0]]);
  });

  it('reports ids and names claimed twice, and a name that is both an entity and not an entity', () => {
    const errors = errorsOf(
      'entities:\n' +
        '  - canonical: Lương Cường\n    type: PERSON\n' +
        '  - canonical: Luong Cuong\n    type: PERSON\n' +
        '  - canonical: Lao Cai\n    type: LOCATION\n    aliases: [Vietnam]\n' +
        '  - canonical: Vietnam\n    id: vn\n    type: LOCATION\n' +
        'notEntities:\n  - lao cai\n',
    );
    assert.deepEqual(errors.map((e) => e.line), [3, 3, 8, 12]);
    assert.match(errors[0].message, /luong-cuong/);
    assert.match(errors[2].message, /Vietnam.*Lao Cai/);
    assert.match(errors[3].message, /not an entity/);
  });

  it('never throws on garbage', () => {
    for (const text of ['[', '{{', ': : -', '\u0000\u0001', 'entities: [1, [2], {a: b}]', '*anchor', 'entities: !!binary x', '---\n---\n']) {
      assert.doesNotThrow(() => parseRegistry(text), text);
    }
  });
});

describe('entity registry: serialise', () => {
  const registry: EntityRegistry = {
    entities: [
      { canonical: 'Việt Nam', type: 'LOCATION', aliases: ['Vietnam', 'Viet Nam', 'Vietnam'] },
      { id: 'vilay-lakhamphong', canonical: 'Vilay Lakhamphong', type: 'PERSON', aliases: ['Vilay Lakhamfong', 'Lt Gen Vilay'], notes: 'Line one.\nLine two: with a colon.' },
      { canonical: '1976', type: 'MISC', aliases: ['No', 'a: b', '- dash', '#hash'] },
      { canonical: 'Asean', type: 'ORG', aliases: [] },
    ],
    notEntities: ['Share it', 'Log in', 'Share it'],
  };

  it('round-trips through parse', () => {
    const text = serializeRegistry(registry);
    const r = parseRegistry(text);
    assert.ok(r.ok, text);
    const byId = (c: string) => r.registry.entities.find((e) => e.canonical === c);
    assert.deepEqual(byId('Việt Nam')!.aliases, ['Viet Nam', 'Vietnam']);
    assert.deepEqual(byId('Vilay Lakhamphong'), { id: 'vilay-lakhamphong', canonical: 'Vilay Lakhamphong', type: 'PERSON', aliases: ['Lt Gen Vilay', 'Vilay Lakhamfong'], notes: 'Line one.\nLine two: with a colon.' });
    assert.deepEqual(byId('1976')!.aliases.slice().sort(), ['#hash', '- dash', 'No', 'a: b']);
    assert.deepEqual(byId('Asean'), { canonical: 'Asean', type: 'ORG', aliases: [] });
    assert.deepEqual(r.registry.notEntities, ['Log in', 'Share it']);
    assert.equal(serializeRegistry(r.registry), text, 'serialise is a fixed point');
  });

  it('is independent of input order and stable', () => {
    const shuffled: EntityRegistry = {
      entities: [...registry.entities].reverse().map((e) => ({ ...e, aliases: [...e.aliases].reverse() })),
      notEntities: [...registry.notEntities].reverse(),
    };
    assert.equal(serializeRegistry(shuffled), serializeRegistry(registry));
  });

  it('writes block style, one entity per block, keys in the fixed order', () => {
    const text = serializeRegistry(registry);
    assert.doesNotMatch(text, /[{[]/, 'no flow collections');
    const blocks = text.split('\n\n');
    assert.ok(blocks.length >= 5, text);
    const keysOf = (block: string) => [...block.matchAll(/^\s{2}(?:- )?\s*(\w+):/gm)].map((m) => m[1]);
    const vilay = blocks.find((b) => b.includes('Vilay Lakhamphong'))!;
    assert.deepEqual(keysOf(vilay), ['id', 'canonical', 'type', 'aliases', 'notes']);
    const order = ['1976', 'asean', 'viet-nam', 'vilay-lakhamphong'].map((k) => text.indexOf(k === '1976' ? 'canonical: "1976"' : k === 'asean' ? 'Asean' : k === 'viet-nam' ? 'Việt Nam' : 'id: vilay'));
    assert.deepEqual(order, [...order].sort((a, b) => a - b), 'entities sorted by id');
    assert.match(text, /notes: \|-?\n {6}Line one\.\n {6}Line two: with a colon\./);
  });

  it('serialises the empty registry to something that parses back empty', () => {
    const r = parseRegistry(serializeRegistry(EMPTY_REGISTRY));
    assert.ok(r.ok);
    assert.deepEqual(r.registry, { entities: [], notEntities: [] });
  });
});
