import * as assert from 'node:assert/strict';
import { clusterEntities } from '../../../server/src/core/entities/aliases';
import { parseRegistry, type EntityRegistry } from '../../../server/src/core/entities/registry';
import { doc, idsOf } from './aliases.fixtures';

const VT = doc(
  'vt/2021-06-30.txt',
  'VIENTIANE, Jun 30, 2021, Vientiane Times. Laos’ Ministry of Public Security is working with other Asean countries ' +
    'and Russia, Vientiane Times reported. Minister of Public Security Lieutenant General Vilay Lakhamfong led the Lao ' +
    'delegation. Lt Gen Vilay said. Share it',
  {
    VIENTIANE: 'LOCATION',
    'Vientiane Times': 'LOCATION',
    Laos: 'LOCATION',
    'Ministry of Public Security': 'ORG',
    Asean: 'ORG',
    Russia: 'LOCATION',
    'Vilay Lakhamfong': 'PERSON',
    Lao: 'MISC',
    'Lt Gen Vilay': 'PERSON',
    'Share it': 'MISC',
  },
);
const VNS = doc(
  'vns/2025-04-25.txt',
  'General Vilay Lakhamphong valued the cooperation between Việt Nam and Laos. The Lao People’s Army and the LPA ' +
    'band. Conference of ASEAN. Vietnam and Vietnam.',
  {
    'Vilay Lakhamphong': 'PERSON',
    'Việt Nam': 'LOCATION',
    Laos: 'LOCATION',
    'Lao People’s Army': 'ORG',
    LPA: 'ORG',
    ASEAN: 'ORG',
    Vietnam: 'LOCATION',
  },
);

function registry(yaml: string): EntityRegistry {
  const r = parseRegistry(yaml);
  assert.ok(r.ok, JSON.stringify(!r.ok && r.errors));
  return r.registry;
}

describe('alias clustering with the analysts’ registry', () => {
  it('drops strings that are not entities, case- and diacritic-insensitively', () => {
    const c = clusterEntities([VT, VNS], registry('notEntities:\n  - share IT\n'));
    assert.deepEqual(idsOf(c.mentionsOf(VT.uri), 'Share it'), []);
    assert.ok(!c.clusters().some((x) => x.spellings.has('Share it')));
  });

  it('joins an alias to its entity, keeps the registry id, canonical name and notes', () => {
    const c = clusterEntities(
      [VT, VNS],
      registry(
        'entities:\n' +
          '  - id: lpa\n    canonical: Lao People’s Army\n    type: ORG\n    aliases:\n      - LPA\n    notes: The armed forces of Laos.\n',
      ),
    );
    assert.deepEqual(c.mentionsOf(VNS.uri).filter((m) => m.entityId === 'lpa').map((m) => m.text), ['Lao People’s Army', 'LPA']);
    const lpa = c.cluster('lpa')!;
    assert.equal(lpa.canonical, 'Lao People’s Army');
    assert.equal(lpa.notes, 'The armed forces of Laos.');
    assert.equal(lpa.spellings.get('LPA'), 1);
  });

  it('overrides the type the recogniser gave', () => {
    const c = clusterEntities([VT], registry('entities:\n  - canonical: Vientiane Times\n    type: ORG\n'));
    const vt = c.cluster('vientiane-times')!;
    assert.equal(vt.type, 'ORG');
    assert.deepEqual(c.mentionsOf(VT.uri).filter((m) => m.text === 'Vientiane Times').map((m) => m.type), ['ORG', 'ORG']);
  });

  it('lets the registry canonical win, and its variants follow it', () => {
    const c = clusterEntities([VT, VNS], registry('entities:\n  - canonical: Việt Nam\n    type: LOCATION\n'));
    const vn = c.mentionsOf(VNS.uri).filter((m) => m.text === 'Vietnam' || m.text === 'Việt Nam');
    assert.equal(vn.length, 3);
    for (const m of vn) assert.deepEqual([m.entityId, m.canonical], ['viet-nam', 'Việt Nam']);
    const vilay = c.mentionsOf(VT.uri).find((m) => m.text === 'Vilay Lakhamfong')!;
    const c2 = clusterEntities([VT, VNS], registry('entities:\n  - canonical: Vilay Lakhamfong\n    type: PERSON\n'));
    assert.equal(vilay.canonical, 'Vilay Lakhamphong', 'without the registry the tie goes to the form seen first');
    assert.deepEqual(
      c2.mentionsOf(VT.uri).filter((m) => m.text.includes('Vilay')).map((m) => m.canonical),
      ['Vilay Lakhamfong', 'Vilay Lakhamfong'],
    );
    assert.equal(c2.cluster('vilay-lakhamfong')!.mentions.length, 3);
  });

  it('joins a single-token alias directly, before partial-name resolution', () => {
    const c = clusterEntities(
      [doc('a', 'Giang met Lương Cường.', { Giang: 'PERSON', 'Lương Cường': 'PERSON' })],
      registry('entities:\n  - canonical: Phan Văn Giang\n    type: PERSON\n    aliases: [Giang]\n'),
    );
    assert.deepEqual(c.mentionsOf('a').map((m) => m.entityId), ['phan-van-giang', 'luong-cuong']);
  });

  it('resolves a lone name to a registry person that has no full mention in the corpus', () => {
    const c = clusterEntities(
      [doc('a', 'Sonexay said.', { Sonexay: 'PERSON' })],
      registry('entities:\n  - canonical: Sonexay Siphandone\n    type: PERSON\n'),
    );
    assert.deepEqual(c.mentionsOf('a').map((m) => m.canonical), ['Sonexay Siphandone']);
  });

  it('never merges two registry entities, even when their names are variants of each other', () => {
    const c = clusterEntities(
      [doc('a', 'Khamlieng Outhakaysone and Khamliang Outhakaysone', { 'Khamlieng Outhakaysone': 'PERSON', 'Khamliang Outhakaysone': 'PERSON' })],
      registry(
        'entities:\n  - canonical: Khamlieng Outhakaysone\n    type: PERSON\n  - canonical: Khamliang Outhakaysone\n    type: PERSON\n',
      ),
    );
    assert.deepEqual(c.mentionsOf('a').map((m) => m.entityId), ['khamlieng-outhakaysone', 'khamliang-outhakaysone']);
  });

  it('lists registry entities that have no mention yet, with their notes', () => {
    const c = clusterEntities([VT], registry('entities:\n  - id: pm-laos\n    canonical: Sonexay Siphandone\n    type: PERSON\n    notes: PM since 2022\n'));
    const e = c.cluster('pm-laos')!;
    assert.equal(e.mentions.length, 0);
    assert.equal(e.notes, 'PM since 2022');
    assert.deepEqual(c.find('siphandone').map((x) => x.entityId), ['pm-laos']);
  });

  it('keeps a registry id when another entity would get the same slug', () => {
    const c = clusterEntities(
      [doc('a', 'Lao and Lao', { Lao: 'MISC' }), doc('b', 'Lao Cai', { 'Lao Cai': 'LOCATION' })],
      registry('entities:\n  - id: lao\n    canonical: Lao Cai\n    type: LOCATION\n'),
    );
    assert.equal(c.cluster('lao')!.canonical, 'Lao Cai');
    assert.equal(c.cluster('lao-misc')!.canonical, 'Lao');
  });
});
