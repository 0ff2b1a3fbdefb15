import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { clusterEntities, type EntityClustering } from '../../../server/src/core/entities/aliases';
import { provisionalClustering } from '../../../server/src/core/entities/provisional';
import { parseRegistry } from '../../../server/src/core/entities/registry';
import { dateWorklist, entityWorklist, isDemonym } from '../../../server/src/core/worklist';
import type { BoilerplateFinding, DateMention } from '../../../server/src/core/types';
import { doc } from '../entities/aliases.fixtures';

const TEXT =
  'Share it Vietnam Laos. ' +
  'Vietnam and Laos met. The Vietnamese side and the EU talked; Vietnam agreed. ' +
  'The European Union spoke, and the Party and the Party Congress met. The Economic Union agreed.';
const A = doc('a.txt', TEXT, {
  Vietnam: 'LOCATION',
  Laos: 'LOCATION',
  Vietnamese: 'MISC',
  EU: 'ORG',
  'European Union': 'ORG',
  'Economic Union': 'ORG',
  Party: 'ORG',
  'Party Congress': 'MISC',
});
const chrome: BoilerplateFinding = { start: 0, end: 22, text: TEXT.slice(0, 22), kind: 'chrome', copies: [], reason: 'share widget' };
const input = (clustering: ReturnType<typeof clusterEntities>) => ({ entities: clustering.mentionsOf('a.txt'), dates: [] as DateMention[], boilerplate: [chrome] });

describe('worklist: what an analyst acts on', () => {
  it('lists a name not in the registry once per article, outside boilerplate, and no nationality adjective', () => {
    const clustering = clusterEntities([A]);
    const verdicts = entityWorklist(input(clustering), clustering, { inRegistry: () => false });
    const listed = verdicts.filter((v) => v.reason);
    const vietnam = verdicts.filter((v) => v.mention.text === 'Vietnam');
    assert.equal(vietnam.length, 3);
    assert.equal(vietnam[0].note, 'inside boilerplate', 'the mention in page chrome is not listed');
    assert.equal(vietnam[1].reason, 'new-name', 'the first mention outside boilerplate is');
    assert.ok(vietnam.slice(2).every((v) => !v.reason), 'later mentions are not');
    assert.ok(verdicts.filter((v) => v.mention.text === 'Vietnamese').every((v) => !v.reason));
    assert.equal(new Set(listed.map((v) => v.mention.entityId)).size, listed.length, 'each entity once');
  });

  it('lists names the registry knows only when they may be another entity', () => {
    const clustering = clusterEntities([A], ok(parseRegistry('entities:\n  - canonical: Vietnam\n    type: LOCATION\n')));
    const verdicts = entityWorklist(input(clustering), clustering, { inRegistry: (c) => c.canonical === 'Vietnam' });
    assert.ok(verdicts.filter((v) => v.mention.text === 'Vietnam').every((v) => !v.reason), 'Vietnam is settled');
    const eu = verdicts.find((v) => v.mention.text === 'EU')!;
    assert.equal(eu.reason, 'possible-merge');
    // `EU` spells two names here, so clustering leaves it apart (issue 11) and the worklist offers both.
    assert.deepEqual(eu.mergeWith!.map((c) => c.canonical).sort(), ['Economic Union', 'European Union'], 'an acronym of the other names');
  });

  it('looks across the corpus through the last clustering while an article is edited, building nothing per keystroke', () => {
    const base = clusterEntities([A]);
    let scans = 0;
    const counted: EntityClustering = { ...base, clusters: () => (scans++, base.clusters()) };
    const edited = doc('a.txt', TEXT + ' The EU agreed.', { EU: 'ORG', 'European Union': 'ORG', 'Economic Union': 'ORG', Vietnam: 'LOCATION' });
    const verdictsOf = () => {
      const view = provisionalClustering(counted, new Map([['a.txt', edited.entities]]), new Set());
      const entities = view.mentionsOf('a.txt');
      return entityWorklist({ entities, dates: [], boilerplate: [] }, view, { inRegistry: () => false });
    };
    const first = verdictsOf().find((v) => v.mention.text === 'EU')!;
    assert.equal(first.reason, 'possible-merge');
    assert.deepEqual(first.mergeWith!.map((c) => c.canonical).sort(), ['Economic Union', 'European Union']);
    const afterFirst = scans;
    for (let i = 0; i < 5; i++) verdictsOf(); // five keystrokes, five views of the same clustering
    assert.equal(scans, afterFirst, 'the indexes over every cluster are the base clustering’s, built once');
  });

  it('lists dates that could not be resolved, and no date inside boilerplate', () => {
    const date = (start: number, value: string): DateMention => ({ start, end: start + 3, text: 'x', value, kind: 'DATE', resolution: 'test' });
    const verdicts = dateWorklist({ entities: [], boilerplate: [chrome], dates: [date(2, 'XXXX-06-02'), date(30, 'XXXX-06-02'), date(40, '2025-06-02')] });
    assert.deepEqual(verdicts.map((v) => v.reason), [undefined, 'unresolved-date', undefined]);
  });

  it('knows nationality adjectives', () => {
    assert.ok(isDemonym('Vietnamese') && isDemonym('Lao'));
    assert.ok(!isDemonym('Vietnam') && !isDemonym('Vietnamese Tet'));
  });
});

function ok<T>(r: { ok: true; registry: T } | { ok: false }): T {
  assert.ok(r.ok);
  return r.registry;
}

describe('worklist: boilerplate overlap', () => {
  it('a mention or date is inside boilerplate exactly when some finding overlaps it, however the findings lie', () => {
    const span = fc.tuple(fc.nat(300), fc.integer({ min: 1, max: 60 })).map(([start, n]) => ({ start, end: start + n }));
    fc.assert(
      fc.property(fc.array(span, { maxLength: 12 }), fc.array(span, { minLength: 1, maxLength: 30 }), (findings, mentions) => {
        const boilerplate: BoilerplateFinding[] = findings.map((f) => ({ ...f, text: '', kind: 'chrome', copies: [], reason: 'r' }));
        const entities = mentions.map((m, i) => ({ ...m, text: `Name${i}`, type: 'PERSON' as const, entityId: `e${i}`, canonical: `Name${i}` }));
        const dates = mentions.map((m) => ({ ...m, text: 'x', kind: 'DATE' as const, value: '2024-01-01', resolution: 'absolute' }) as unknown as DateMention);
        const overlaps = (m: { start: number; end: number }) => boilerplate.some((b) => b.start < m.end && m.start < b.end);
        const clustering = { cluster: () => undefined } as unknown as EntityClustering;
        const verdicts = entityWorklist({ entities, dates: [], boilerplate }, clustering, { inRegistry: () => false });
        verdicts.forEach((v, i) => assert.equal(v.note === 'inside boilerplate', overlaps(mentions[i])));
        dateWorklist({ entities: [], dates, boilerplate }).forEach((v, i) => assert.equal(v.note === 'inside boilerplate', overlaps(mentions[i])));
      }),
      { numRuns: 300 },
    );
  });
});
