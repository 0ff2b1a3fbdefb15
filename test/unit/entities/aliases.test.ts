import * as assert from 'node:assert/strict';
import { clusterEntities } from '../../../server/src/core/entities/aliases';
import { CancelledError } from '../../../server/src/core/types';
import { doc, idsOf } from './aliases.fixtures';

// Passages in the style of the seed articles (Vietnamese and Lao news in English).
const PUBLIC_SECURITY = doc(
  'vns/2025-04-25.txt',
  'VIENTIANE — Lao Deputy Prime Minister and Minister of Public Security General Vilay Lakhamphong on April 25 highly ' +
    'valued the cooperation results between the public security ministries of Việt Nam and Laos. Welcoming Vietnamese ' +
    'Minister of Public Security General Lương Tam Quang, who escorted President Lương Cường during a state visit to Laos, ' +
    'the host expressed his hope. For his part, Quang noted that the two ministries have implemented the memorandum. ' +
    'Minister of National Defence Gen. Phan Văn Giang met with his Lao counterpart Sen. Lieut. Gen Khamliang Outhakaysone ' +
    'in Vientiane, as part of State President Lương Cường’s visit to Laos. Giang noted that the visit’s timing held ' +
    'significance, expressing hope to welcome Outhakaysone and the high-ranking Lao delegation. Outhakaysone, in reply, ' +
    'affirmed the cooperation between the Vietnamese and Lao armies.',
  {
    'Vilay Lakhamphong': { type: 'PERSON', title: 'Deputy Prime Minister and Minister of Public Security General' },
    'Việt Nam': 'LOCATION',
    Laos: 'LOCATION',
    Vietnamese: 'MISC',
    Lao: 'MISC',
    'Lương Tam Quang': 'PERSON',
    'Lương Cường': { type: 'PERSON', title: 'President' },
    Quang: 'PERSON',
    'Phan Văn Giang': { type: 'PERSON', title: 'Minister of National Defence Gen.' },
    'Khamliang Outhakaysone': { type: 'PERSON', title: 'Sen. Lieut. Gen' },
    Vientiane: 'LOCATION',
    Giang: 'PERSON',
    Outhakaysone: 'PERSON',
  },
);

const DEFENCE_TALKS = doc(
  'vov/2021-06-02.txt',
  'COMMUNIST PARTY OF VIETNAM\nDefense remains key pillar in Vietnam-Laos relations. At talks with Lieutenant General ' +
    'Khamliang Outhakaysone, Deputy Defence Minister, in Hanoi on June 2, Vietnam’s Prime Minister Pham Minh Chinh ' +
    'reiterated that defense is one of Vietnam’s foreign policy priorities. Chinh said the defense ties matter a lot, the ' +
    'Vietnamese PM told the Lao official. Earlier, Khamliang Outhakaysone held talks with Lieutenant General Nguyen Tan ' +
    'Cuong, Chief of the General Staff. Khamliang Outhakaysone paid a courtesy visit to Defence Minister General Phan Van ' +
    'Giang. Minh Chinh later hosted a banquet.',
  {
    VIETNAM: 'LOCATION',
    Vietnam: 'LOCATION',
    Laos: 'LOCATION',
    'Khamliang Outhakaysone': { type: 'PERSON', title: 'Lieutenant General' },
    Hanoi: 'LOCATION',
    'Pham Minh Chinh': { type: 'PERSON', title: 'Prime Minister' },
    Chinh: 'PERSON',
    Vietnamese: 'MISC',
    Lao: 'MISC',
    'Nguyen Tan Cuong': 'PERSON',
    'Phan Van Giang': 'PERSON',
    'Minh Chinh': 'PERSON',
  },
);

const KPL = doc(
  'kpl/2026-01-14.txt',
  'At the 12th National Congress of the Lao People’s Revolutionary Party, the Minister of National Defense, ' +
    'Mr. Khamlieng Outhakaysone, reported that national defense work was carried out with responsibility.',
  { 'Lao People’s Revolutionary Party': 'ORG', 'Mr. Khamlieng Outhakaysone': 'PERSON' },
);

const VIENTIANE_TIMES = doc(
  'vt/2021-06-30.txt',
  'Minister of Public Security Lieutenant General Vilay Lakhamfong led the Lao delegation taking part in the online ' +
    'meeting. Lt Gen Vilay shared his views on the growing regional links. Many people become slaves to drugs, Lt Gen ' +
    'Vilay said.',
  { 'Vilay Lakhamfong': 'PERSON', Lao: 'MISC', 'Lt Gen Vilay': 'PERSON' },
);

const CORPUS = [PUBLIC_SECURITY, DEFENCE_TALKS, KPL, VIENTIANE_TIMES];

function clusterOfText(clustering: ReturnType<typeof clusterEntities>, uri: string, surface: string) {
  const m = clustering.mentionsOf(uri).find((x) => x.text === surface);
  assert.ok(m, `no mention ${surface} in ${uri}`);
  return clustering.cluster(m.entityId)!;
}

describe('alias clustering: spelling variants', () => {
  const c = clusterEntities(CORPUS);

  it('merges diacritic variants of one person and prefers the written-with-diacritics form on a tie', () => {
    const a = clusterOfText(c, PUBLIC_SECURITY.uri, 'Phan Văn Giang');
    const b = clusterOfText(c, DEFENCE_TALKS.uri, 'Phan Van Giang');
    assert.equal(a, b);
    assert.equal(a.entityId, 'phan-van-giang');
    assert.equal(a.canonical, 'Phan Văn Giang');
    assert.equal(a.type, 'PERSON');
  });

  it('merges transliteration variants (ie/ia, ph/f) and picks the most frequent full form', () => {
    const k = clusterOfText(c, KPL.uri, 'Mr. Khamlieng Outhakaysone');
    assert.equal(k, clusterOfText(c, DEFENCE_TALKS.uri, 'Khamliang Outhakaysone'));
    assert.equal(k.entityId, 'khamliang-outhakaysone');
    assert.equal(k.canonical, 'Khamliang Outhakaysone');
    assert.equal(k.spellings.get('Mr. Khamlieng Outhakaysone'), 1);
    assert.equal(k.spellings.get('Khamliang Outhakaysone'), 4);
    const v = clusterOfText(c, VIENTIANE_TIMES.uri, 'Vilay Lakhamfong');
    assert.equal(v, clusterOfText(c, PUBLIC_SECURITY.uri, 'Vilay Lakhamphong'));
  });

  it('keeps different people who share a family name apart, and Nguyen Tan Cuong apart from Lương Cường', () => {
    const quang = clusterOfText(c, PUBLIC_SECURITY.uri, 'Lương Tam Quang');
    const cuong = clusterOfText(c, PUBLIC_SECURITY.uri, 'Lương Cường');
    const nguyen = clusterOfText(c, DEFENCE_TALKS.uri, 'Nguyen Tan Cuong');
    assert.equal(new Set([quang.entityId, cuong.entityId, nguyen.entityId]).size, 3);
    assert.equal(cuong.entityId, 'luong-cuong');
    assert.equal(cuong.mentions.length, 2);
  });

  it('merges Việt Nam with Vietnam but not with Vietnamese, and Laos (place) not with Lao (people, language)', () => {
    const vn = clusterOfText(c, PUBLIC_SECURITY.uri, 'Việt Nam');
    assert.equal(vn, clusterOfText(c, DEFENCE_TALKS.uri, 'Vietnam'));
    assert.equal(vn, clusterOfText(c, DEFENCE_TALKS.uri, 'VIETNAM'));
    assert.equal(vn.canonical, 'Vietnam', 'the most frequent form, the all-caps headline form never wins');
    assert.equal(vn.entityId, 'vietnam');
    const demonym = clusterOfText(c, PUBLIC_SECURITY.uri, 'Vietnamese');
    assert.notEqual(demonym, vn);
    assert.equal(demonym, clusterOfText(c, DEFENCE_TALKS.uri, 'Vietnamese'));
    assert.notEqual(clusterOfText(c, PUBLIC_SECURITY.uri, 'Laos'), clusterOfText(c, PUBLIC_SECURITY.uri, 'Lao'));
  });

  it('does not merge a name with its derived word even when both have the same type', () => {
    const c2 = clusterEntities([
      doc('a', 'Cambodia and Vietnam', { Cambodia: 'LOCATION', Vietnam: 'LOCATION' }),
      doc('b', 'Cambodian and Vietnamese', { Cambodian: 'LOCATION', Vietnamese: 'LOCATION' }),
    ]);
    assert.equal(c2.clusters().length, 4);
  });

  it('tolerates one edit in a long token when every other token corresponds', () => {
    const c2 = clusterEntities([
      doc('a', 'Khamliang Outhakaysone met Vilay Lakhamphong.', { 'Khamliang Outhakaysone': 'PERSON', 'Vilay Lakhamphong': 'PERSON' }),
      doc('b', 'Khamliang Outhakhaysone met Vilai Lakhampong.', { 'Khamliang Outhakhaysone': 'PERSON', 'Vilai Lakhampong': 'PERSON' }),
      doc('c', 'Khamliang Sisoulith spoke.', { 'Khamliang Sisoulith': 'PERSON' }),
    ]);
    const ids = (uri: string) => c2.mentionsOf(uri).map((m) => m.entityId);
    assert.deepEqual(ids('a'), ids('b'));
    assert.equal(c2.clusters().length, 3);
  });

  it('handles Thai/Lao romanisation variants, hyphenation, apostrophes and a skipped middle initial', () => {
    const c2 = clusterEntities([
      doc('a', "Laos' Prime Minister Thongloun Sisoulith shakes hands with Robert C. O’Brien and Prayut Chan-O-Cha.", {
        'Thongloun Sisoulith': 'PERSON',
        'Robert C. O’Brien': 'PERSON',
        'Prayut Chan-O-Cha': 'PERSON',
      }),
      doc('b', 'Thonglun Sisulith met Prayuth Chan-ocha. Robert C. O’Brien and Robert O’Brien; O’Brien said.', {
        'Thonglun Sisulith': 'PERSON',
        'Prayuth Chan-ocha': 'PERSON',
        'Robert C. O’Brien': 'PERSON',
        'Robert O’Brien': 'PERSON',
        'O’Brien': 'PERSON',
      }),
    ]);
    assert.deepEqual(c2.mentionsOf('a').map((m) => m.entityId), ['thongloun-sisoulith', 'robert-c-obrien', 'prayut-chan-o-cha']);
    assert.deepEqual(c2.mentionsOf('b').map((m) => m.entityId), [
      'thongloun-sisoulith',
      'prayut-chan-o-cha',
      'robert-c-obrien',
      'robert-c-obrien',
      'robert-c-obrien',
    ]);
  });

  it('merges the same name tagged ORG in one article and LOCATION in another, but never across PERSON or MISC', () => {
    const c2 = clusterEntities([
      doc('a', 'Hanoi said on Monday', { Hanoi: 'ORG' }),
      doc('b', 'talks in Hanoi and Hanoi', { Hanoi: 'LOCATION' }),
      doc('c', 'Washington met Washington', { Washington: 'LOCATION' }),
      doc('d', 'George said. Washington said.', { Washington: 'PERSON' }),
    ]);
    const hanoi = c2.cluster('hanoi')!;
    assert.equal(hanoi.mentions.length, 3);
    assert.equal(hanoi.type, 'LOCATION');
    assert.equal(c2.mentionsOf('a')[0].type, 'LOCATION', 'mentions carry the cluster type');
    assert.equal(c2.cluster('washington')!.type, 'LOCATION');
    assert.equal(c2.cluster('washington-person')!.type, 'PERSON', 'slug collisions get a type suffix');
  });
});

describe('alias clustering: partial names and titles', () => {
  const c = clusterEntities(CORPUS);

  it('resolves a surname or given name to the one full name of the same document', () => {
    assert.deepEqual(idsOf(c.mentionsOf(PUBLIC_SECURITY.uri), 'Quang'), ['luong-tam-quang']);
    assert.deepEqual(idsOf(c.mentionsOf(PUBLIC_SECURITY.uri), 'Giang'), ['phan-van-giang']);
    assert.deepEqual(idsOf(c.mentionsOf(PUBLIC_SECURITY.uri), 'Outhakaysone'), ['khamliang-outhakaysone', 'khamliang-outhakaysone']);
    assert.deepEqual(idsOf(c.mentionsOf(DEFENCE_TALKS.uri), 'Chinh'), ['pham-minh-chinh']);
    const chinh = c.mentionsOf(DEFENCE_TALKS.uri).find((m) => m.text === 'Chinh')!;
    assert.equal(chinh.canonical, 'Pham Minh Chinh');
  });

  it('strips titles (Lt Gen Vilay → Vilay) and resolves across a transliteration variant', () => {
    const vilay = clusterOfText(c, PUBLIC_SECURITY.uri, 'Vilay Lakhamphong');
    const ids = idsOf(c.mentionsOf(VIENTIANE_TIMES.uri), 'Lt Gen Vilay');
    assert.deepEqual(ids, [vilay.entityId, vilay.entityId]);
    // One mention of each spelling: the tie goes to the form seen first in corpus order (documents sorted by key);
    // a partial mention never becomes the canonical name.
    assert.equal(vilay.canonical, 'Vilay Lakhamphong');
    assert.equal(vilay.entityId, 'vilay-lakhamphong');
    assert.equal(vilay.titles.get('Lt Gen'), 2);
    assert.equal(vilay.titles.get('Deputy Prime Minister and Minister of Public Security General'), 1);
    assert.equal(c.cluster('khamliang-outhakaysone')!.titles.get('Mr.'), 1);
  });

  it('resolves a name spelt one letter off to the one full name of the document that has it, among a hundred people', () => {
    const c2 = clusterEntities([
      doc('variant.txt', 'Khamliang Outhakaysone met Phan Van Giang. Khamlang said.', {
        'Khamliang Outhakaysone': 'PERSON',
        'Phan Van Giang': 'PERSON',
        Khamlang: 'PERSON',
      }),
    ]);
    assert.deepEqual(idsOf(c2.mentionsOf('variant.txt'), 'Khamlang'), ['khamliang-outhakaysone']);
    // 144 people, each met again by a surname spelt with one letter dropped: each surname finds its own person, and
    // a variant of two people's surnames finds neither.
    const letters = 'bcdfgklmnrst';
    const pair = (i: number): string => letters[i % 12] + letters[Math.floor(i / 12)];
    const given = (i: number): string => `Gi${pair(i)}ven`;
    const surname = (i: number): string => `Su${pair(i)}ranom`;
    const short = (i: number): string => `Su${pair(i)}rnom`;
    const names: Record<string, 'PERSON'> = {};
    const lines: string[] = [];
    for (let i = 0; i < 144; i++) {
      names[`${given(i)} ${surname(i)}`] = 'PERSON';
      names[short(i)] = 'PERSON';
      lines.push(`${given(i)} ${surname(i)} arrived.`, `${short(i)} spoke.`);
    }
    names['Kounlavong Sisoulith'] = 'PERSON';
    names['Kounlavang Phomvihane'] = 'PERSON';
    names.Kounlavung = 'PERSON';
    lines.push('Kounlavong Sisoulith and Kounlavang Phomvihane met.', 'Kounlavung said.');
    const c3 = clusterEntities([doc('many.txt', lines.join(' '), names)]);
    const mentions = c3.mentionsOf('many.txt');
    for (let i = 0; i < 144; i++) {
      const full = mentions.find((m) => m.text === `${given(i)} ${surname(i)}`)!;
      assert.deepEqual(idsOf(mentions, short(i)), [full.entityId], short(i));
    }
    assert.deepEqual(idsOf(mentions, 'Kounlavung'), ['kounlavung']);
  });

  it('resolves a shorter multi-word name to the longer one in the same document', () => {
    assert.deepEqual(idsOf(c.mentionsOf(DEFENCE_TALKS.uri), 'Minh Chinh'), ['pham-minh-chinh']);
  });

  it('resolves a lone name from the corpus when the document has no full name, per document', () => {
    const c2 = clusterEntities([
      ...CORPUS,
      doc('later.txt', 'Quang also visited the school T12-75.', { Quang: 'PERSON' }),
      doc('tran.txt', 'President Tran Dai Quang said. Quang added.', { 'Tran Dai Quang': 'PERSON', Quang: 'PERSON' }),
      doc('other.txt', 'Quang arrived in Vientiane.', { Quang: 'PERSON', Vientiane: 'LOCATION' }),
    ]);
    assert.deepEqual(idsOf(c2.mentionsOf(PUBLIC_SECURITY.uri), 'Quang'), ['luong-tam-quang']);
    assert.deepEqual(idsOf(c2.mentionsOf('tran.txt'), 'Quang'), ['tran-dai-quang']);
    // Two Quangs in the corpus and none in these documents: ambiguous, merged with neither.
    assert.deepEqual(idsOf(c2.mentionsOf('later.txt'), 'Quang'), ['quang']);
    assert.deepEqual(idsOf(c2.mentionsOf('other.txt'), 'Quang'), ['quang']);
    const c1 = clusterEntities([...CORPUS, doc('later.txt', 'Quang also visited.', { Quang: 'PERSON' })]);
    assert.deepEqual(idsOf(c1.mentionsOf('later.txt'), 'Quang'), ['luong-tam-quang']);
  });

  it('leaves a token shared by two people of the document unmerged', () => {
    const c2 = clusterEntities([
      doc('two-luong.txt', 'Lương Tam Quang escorted Lương Cường. Lương said.', {
        'Lương Tam Quang': 'PERSON',
        'Lương Cường': 'PERSON',
        Lương: 'PERSON',
      }),
      doc('cuong.txt', 'Nguyen Tan Cuong met Lương Cường.', { 'Nguyen Tan Cuong': 'PERSON', 'Lương Cường': 'PERSON' }),
      doc('alone.txt', 'Cuong said.', { Cuong: 'PERSON' }),
    ]);
    const ids = (uri: string) => c2.mentionsOf(uri).map((m) => m.entityId);
    assert.deepEqual(ids('two-luong.txt'), ['luong-tam-quang', 'luong-cuong', 'luong']);
    assert.deepEqual(ids('alone.txt'), ['cuong']);
    assert.equal(c2.cluster('cuong')!.canonical, 'Cuong');
  });
});

describe('alias clustering: the clustering object', () => {
  it('gives the same ids and names whatever the order of the documents', () => {
    const a = clusterEntities(CORPUS);
    const b = clusterEntities([...CORPUS].reverse());
    const summary = (c: ReturnType<typeof clusterEntities>) =>
      c.clusters().map((x) => [x.entityId, x.canonical, x.type, x.mentions.length, [...x.spellings].sort()]);
    assert.deepEqual(summary(a), summary(b));
    for (const d of CORPUS) assert.deepEqual(a.mentionsOf(d.uri), b.mentionsOf(d.uri));
  });

  it('lists mentions by document, sorted by start, and nothing for an unknown uri', () => {
    const c = clusterEntities([{ uri: 'x', entities: [...DEFENCE_TALKS.entities].reverse() }]);
    const starts = c.mentionsOf('x').map((m) => m.start);
    assert.deepEqual(starts, [...starts].sort((p, q) => p - q));
    assert.equal(starts.length, DEFENCE_TALKS.entities.length);
    assert.deepEqual(c.mentionsOf('nope'), []);
    const total = c.clusters().reduce((n, x) => n + x.mentions.length, 0);
    assert.equal(total, DEFENCE_TALKS.entities.length);
  });

  it('keeps the recogniser title on the mention', () => {
    const c = clusterEntities(CORPUS);
    const m = c.mentionsOf(DEFENCE_TALKS.uri).find((x) => x.text === 'Pham Minh Chinh')!;
    assert.equal(m.title, 'Prime Minister');
  });

  it('stops when cancelled', () => {
    assert.throws(() => clusterEntities(CORPUS, undefined, { isCancellationRequested: true }), CancelledError);
  });

  it('handles an empty corpus and documents without entities', () => {
    assert.deepEqual(clusterEntities([]).clusters(), []);
    assert.deepEqual(clusterEntities([{ uri: 'a', entities: [] }]).mentionsOf('a'), []);
  });
});
