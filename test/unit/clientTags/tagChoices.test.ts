import * as assert from 'node:assert/strict';
import {
  colorOfTag,
  isExistingTag,
  matchesTagFilter,
  normalizeTagName,
  opaqueColor,
  parseTagFilter,
  planRename,
  tagChoices,
} from '../../../client/src/tagChoices';

describe('tag picker choices', () => {
  const taxonomy = [
    { name: 'security/cybercrime', description: 'Online fraud, hacking' },
    { name: 'defence-cooperation', description: 'Military ties', color: '#d73a49' },
  ];
  const inUse = new Map([
    ['cooperation', 3],
    ['defence-cooperation', 2],
    ['leaders', 5],
  ]);

  it('puts recent tags first, then the taxonomy by name, then other tags in use by count, each once', () => {
    const list = tagChoices({ recent: ['cooperation', 'gone', 'security/cybercrime'], taxonomy, inUse });
    assert.deepEqual(
      list.map((c) => `${c.group}:${c.label}`),
      ['recent:cooperation', 'recent:security/cybercrime', 'taxonomy:defence-cooperation', 'inUse:leaders'],
    );
    assert.equal(list[1].description, 'Online fraud, hacking', 'a recent taxonomy tag keeps its description');
    assert.equal(list[1].count, 0);
    assert.equal(list[2].count, 2);
  });

  it('offers a new tag only when no tag is exactly the typed name', () => {
    const list = tagChoices({ recent: [], taxonomy, inUse });
    assert.equal(isExistingTag(list, 'defence'), false);
    assert.equal(isExistingTag(list, 'defence-cooperation'), true);
    assert.equal(isExistingTag(list, ' security / cybercrime '), true, 'names are compared as the server stores them');
    assert.equal(normalizeTagName(' a / b/ '), 'a/b');
  });
});

describe('rename, move and merge plans', () => {
  const inUse = new Map([
    ['place', 2],
    ['place/laos', 3],
    ['geo', 1],
    ['region/laos', 4],
  ]);
  const taxonomy = new Set(['place', 'country']);

  it('renames, and says how many passages and subtags go with it', () => {
    const plan = planRename('place', 'location', inUse, taxonomy);
    assert.equal(plan.kind, 'rename');
    assert.match((plan as { message: string }).message, /renames “place” to “location” \(5 passages and 1 subtag\)/);
  });

  it('calls a change of parent a move', () => {
    const plan = planRename('geo', 'region/geo', inUse, taxonomy);
    assert.equal(plan.kind, 'move');
    assert.equal((plan as { to: string }).to, 'region/geo');
  });

  it('explains a merge when the target, or a renamed subtag, exists already', () => {
    const merge = planRename('geo', 'country', inUse, taxonomy);
    assert.equal(merge.kind, 'merge');
    assert.match((merge as { message: string }).message, /“country” exists already \(0 passages\): Enter merges “geo” \(1 passage\) into it/);
    const below = planRename('place', 'region', inUse, taxonomy);
    assert.equal(below.kind, 'merge', 'place/laos → region/laos exists');
    assert.match((below as { message: string }).message, /“region\/laos” exists already \(4 passages\)/);
  });

  it('refuses an empty name, a move below itself, and says when nothing changes', () => {
    assert.equal(planRename('place', ' / ', inUse, taxonomy).kind, 'invalid');
    assert.equal(planRename('place', 'place/sub', inUse, taxonomy).kind, 'invalid');
    assert.equal(planRename('place', ' place ', inUse, taxonomy).kind, 'same');
  });
});

describe('the Corpus Tags filter', () => {
  const tag = { tag: 'defence-cooperation', document: 'seeds/003_x.txt', quote: 'highly valued the cooperation results', note: 'police ties', author: 'Ana' };

  it('matches bare words anywhere, and tag:, article:, text: in one field only', () => {
    assert.ok(matchesTagFilter(parseTagFilter('DEFENCE'), tag));
    assert.ok(matchesTagFilter(parseTagFilter('003 police'), tag), 'every term must match');
    assert.ok(!matchesTagFilter(parseTagFilter('003 army'), tag));
    assert.ok(matchesTagFilter(parseTagFilter('tag:defence'), tag));
    assert.ok(!matchesTagFilter(parseTagFilter('tag:police'), tag));
    assert.ok(matchesTagFilter(parseTagFilter('text:"police ties"'), tag), 'quoted words stay together; notes are text');
    assert.ok(!matchesTagFilter(parseTagFilter('article:valued'), tag));
    assert.ok(matchesTagFilter(parseTagFilter('ana'), tag), 'bare words find the author');
    assert.ok(matchesTagFilter(parseTagFilter('author:ana'), tag), 'author: looks in who tagged it only');
    assert.ok(!matchesTagFilter(parseTagFilter('author:police'), tag));
    assert.ok(!matchesTagFilter(parseTagFilter('author:ana'), { ...tag, author: undefined }));
  });

  it('is no filter when empty', () => {
    assert.equal(parseTagFilter('   '), undefined);
    assert.ok(matchesTagFilter(undefined, tag));
  });
});

describe('taxonomy colours', () => {
  it('takes the nearest ancestor’s colour, and makes colours opaque #rrggbb', () => {
    const colors = new Map([['security', '#abc']]);
    assert.equal(colorOfTag('security/cybercrime/fraud', colors), '#abc');
    assert.equal(colorOfTag('other', colors), undefined);
    assert.equal(opaqueColor('#abc'), '#aabbcc');
    assert.equal(opaqueColor('#D73A4980'), '#d73a49');
    assert.equal(opaqueColor('red'), undefined);
  });
});
