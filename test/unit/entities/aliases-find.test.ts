import * as assert from 'node:assert/strict';
import { clusterEntities } from '../../../server/src/core/entities/aliases';
import { doc } from './aliases.fixtures';

const c = clusterEntities([
  doc('a', 'Khamliang Outhakaysone met Pham Minh Chinh in Vietnam. Khamliang Outhakaysone left.', {
    'Khamliang Outhakaysone': 'PERSON',
    'Pham Minh Chinh': 'PERSON',
    Vietnam: 'LOCATION',
  }),
  doc('b', 'Lương Tam Quang escorted Lương Cường. Nguyen Tan Cuong and Vilay Lakhamfong met in Việt Nam.', {
    'Lương Tam Quang': 'PERSON',
    'Lương Cường': 'PERSON',
    'Nguyen Tan Cuong': 'PERSON',
    'Vilay Lakhamfong': 'PERSON',
    'Việt Nam': 'LOCATION',
  }),
  doc('c', 'Vietnamese troops', { Vietnamese: 'MISC' }),
]);
const find = (q: string) => c.find(q).map((x) => x.entityId);

describe('finding clusters', () => {
  it('finds by a transliteration variant of one word', () => {
    assert.deepEqual(find('khamlieng'), ['khamliang-outhakaysone']);
    assert.deepEqual(find('Vilay Lakhamphong'), ['vilay-lakhamfong']);
  });

  it('ignores case and diacritics and finds every person with that word', () => {
    assert.deepEqual(find('LUONG').sort(), ['luong-cuong', 'luong-tam-quang']);
    assert.deepEqual(find('Cường').sort(), ['luong-cuong', 'nguyen-tan-cuong']);
    assert.deepEqual(find('luong cuong'), ['luong-cuong']);
  });

  it('ranks a whole-name match first', () => {
    const vn = c.mentionsOf('a').find((m) => m.text === 'Vietnam')!.entityId;
    assert.equal(vn, 'viet-nam', 'one mention each: the longer, diacritic form wins the tie');
    assert.equal(find('viet nam')[0], vn);
    assert.equal(find('Vietnam')[0], vn);
    assert.deepEqual(find('vietnam'), [vn, 'vietnamese'], 'a prefix match ranks after the whole name');
    assert.deepEqual(find('vietnamese'), ['vietnamese']);
  });

  it('finds by a prefix of a word', () => {
    assert.deepEqual(find('outhak'), ['khamliang-outhakaysone']);
    assert.deepEqual(find('lakhamph'), ['vilay-lakhamfong'], 'the prefix is keyed too: ph = f');
  });

  it('finds nothing for an unknown or empty query', () => {
    assert.deepEqual(find('Thongloun'), []);
    assert.deepEqual(find('  '), []);
  });
});
