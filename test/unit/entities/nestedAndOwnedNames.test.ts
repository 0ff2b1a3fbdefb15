import * as assert from 'node:assert/strict';
import { clusterEntities } from '../../../server/src/core/entities/aliases';
import { createEntityRecognizer, type EntityRecognizer } from '../../../server/src/core/entities/recognizer';
import { countryOfKey } from '../../../server/src/core/entities/countryWords';
import { loadNerModel } from '../../../server/src/node/nerModelFile';
import type { EntityMention } from '../../../server/src/core/types';
import { createCorpusService, NEVER_CANCELLED } from '../../../server/src/core/index';

let recognizer: EntityRecognizer;

before(() => {
  recognizer = createEntityRecognizer(loadNerModel());
});

/** Recognises and clusters articles as the corpus does; the mentions of each, by uri. */
function analyse(articles: Record<string, string>): Map<string, EntityMention[]> {
  const docs = Object.entries(articles).map(([uri, text]) => ({ uri, entities: recognizer.recognize(text) }));
  const clustering = clusterEntities(docs);
  return new Map(docs.map((d) => [d.uri, clustering.mentionsOf(d.uri)]));
}

function mention(ms: Map<string, EntityMention[]>, uri: string, text: string): EntityMention {
  const m = ms.get(uri)!.find((e) => e.text === text);
  assert.ok(m, `"${text}" in ${uri} among ${JSON.stringify(ms.get(uri)!.map((e) => `${e.text}/${e.type}`))}`);
  return m;
}

describe('entities: names inside names, countries before organisations, acronyms, headings (issue 11)', () => {
  it('finds the party inside an event\'s name as its own mention, clustering with the party elsewhere', () => {
    const ms = analyse({
      'a.txt': 'At the 12th National Congress of the Lao People’s Revolutionary Party, delegates elected a new leadership.',
      'b.txt': "The Lao People's Revolutionary Party has led the country since 1975.",
    });
    const event = mention(ms, 'a.txt', '12th National Congress of the Lao People’s Revolutionary Party');
    assert.equal(event.type, 'MISC');
    const inner = mention(ms, 'a.txt', 'Lao People’s Revolutionary Party');
    assert.equal(inner.type, 'ORG');
    assert.equal(inner.nested, true);
    assert.ok(inner.start > event.start && inner.end === event.end, 'inside the event, overlapping it');
    assert.equal(inner.entityId, mention(ms, 'b.txt', "Lao People's Revolutionary Party").entityId);
  });

  it('answers for the innermost name at a place: the party inside the event, the event elsewhere', () => {
    const service = createCorpusService({ nerModel: loadNerModel() });
    const text = 'At the 12th National Congress of the Lao People’s Revolutionary Party, delegates elected a new leadership.';
    service.setDocument('a.txt', text);
    assert.equal(service.entityAt('a.txt', text.indexOf('Revolutionary'), NEVER_CANCELLED)?.mention.text, 'Lao People’s Revolutionary Party');
    assert.equal(service.entityAt('a.txt', text.indexOf('Congress'), NEVER_CANCELLED)?.mention.text, '12th National Congress of the Lao People’s Revolutionary Party');
  });

  it('finds a party named with its country inside an event, and leaves an event\'s own words alone', () => {
    const text = 'Delegates to the 14th National Congress of the Communist Party of Vietnam and to the ASEAN Chiefs of Army Multilateral Meeting arrived.';
    const es = recognizer.recognize(text);
    const inner = es.filter((e) => e.nested);
    assert.deepEqual(inner.map((e) => [e.text, e.type]), [['Communist Party of Vietnam', 'ORG']]);
  });

  it('makes `Laos’ Ministry of …` and `Lao Ministry of …` one entity, and not the ministry of another country', () => {
    const ms = analyse({
      'a.txt': 'VIENTIANE, Jun 30, 2021, Vientiane Times. Laos’ Ministry of Public Security is working with other countries.',
      'b.txt': 'The school trains personnel for the Lao Ministry of Public Security at all levels.',
      'c.txt': "Vietnam's Ministry of Public Security hosted the talks in Hanoi on Monday.",
    });
    const laos = mention(ms, 'a.txt', 'Ministry of Public Security');
    assert.equal(laos.country, 'Laos');
    assert.equal(laos.entityId, mention(ms, 'b.txt', 'Lao Ministry of Public Security').entityId);
    assert.notEqual(mention(ms, 'c.txt', 'Ministry of Public Security').entityId, laos.entityId);
  });

  it('knows the country of a nationality adjective', () => {
    assert.equal(countryOfKey('lao'), 'laos');
    assert.equal(countryOfKey('laotian'), 'laos');
    assert.equal(countryOfKey('vietnamese'), 'vietnam');
    assert.equal(countryOfKey('viet nam'), 'vietnam');
    assert.equal(countryOfKey('iranian'), 'iran');
    assert.equal(countryOfKey('iraqi'), 'iraq');
    assert.equal(countryOfKey('european'), undefined);
  });

  it('clusters an acronym with its long form, within and across articles, and not when it is ambiguous', () => {
    const ms = analyse({
      'a.txt': 'Vietnam pledged tax reforms after the EU listing decision. The EU said it would review the list.',
      'b.txt': "Officials answered the European Union's decision on Monday.\nIn forums like the ASEAN Defense Ministers’ Meeting (ADMM) and the ASEAN Regional Forum (ARF), Laos seeks cooperation.",
      'c.txt': 'The World Health Organization and the World Trade Organization both met, and the WHO said so.',
    });
    assert.equal(mention(ms, 'a.txt', 'EU').entityId, mention(ms, 'b.txt', 'European Union').entityId);
    assert.equal(mention(ms, 'b.txt', 'ARF').entityId, mention(ms, 'b.txt', 'ASEAN Regional Forum').entityId);
    const who = mention(ms, 'c.txt', 'WHO').entityId;
    assert.notEqual(who, mention(ms, 'c.txt', 'World Trade Organization').entityId);
  });

  it('takes neither a bare `Ministry` nor a section heading for an organisation', () => {
    const text = [
      'General Chansamone Chanyalath said in Vientiane that the Ministry would expand training.',
      'International Relations and Partnerships',
      'In the realm of international relations, the ministry builds partnerships with its neighbours.',
    ].join('\n');
    const es = recognizer.recognize(text);
    assert.ok(!es.some((e) => e.text === 'Ministry'), JSON.stringify(es.map((e) => e.text)));
    assert.ok(!es.some((e) => e.text.includes('Partnerships')), JSON.stringify(es.map((e) => e.text)));
    assert.ok(es.some((e) => e.text === 'Vientiane'), 'the names around them are found');
  });
});
