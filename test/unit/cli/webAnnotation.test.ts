import * as assert from 'node:assert/strict';
import { anchorTag, createTag, type Tag } from '../../../server/src/core/index';
import { listTags } from '../../../server/src/core/annotations/tagsOutput';
import {
  fromCodePoints,
  pathOfSource,
  readWebAnnotations,
  SIDECAR_PROPERTY,
  sourceIri,
  tagOfAnnotation,
  toCodePoints,
  toWebAnnotationCollection,
  WADM_CONTEXT,
} from '../../../server/src/core/annotations/webAnnotation';
import { annotationProblems, collectionProblems } from '../../support/webAnnotationModel';
import { editedArticle } from '../../support/tagFixtures';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const never = () => {
  throw new Error('no new id expected');
};

describe('W3C Web Annotation export and import (pure)', () => {
  const fixture = editedArticle();
  const all = Object.values(fixture.tags);
  const listed = listTags([{ path: 'seeds/news/003 x.txt', text: fixture.edited, tags: all }]);
  const collection = toWebAnnotationCollection(listed) as Json;
  const items: Json[] = collection.first.items;

  it('conforms to the Web Annotation model', () => {
    assert.deepEqual(collectionProblems(collection), []);
    assert.equal(collection['@context'], WADM_CONTEXT);
    assert.equal(collection.type, 'AnnotationCollection');
    assert.equal(collection.total, 4);
    // Each annotation also stands alone once given the context.
    for (const a of items) assert.deepEqual(annotationProblems({ '@context': WADM_CONTEXT, ...a }), []);
    // The checker is not a rubber stamp.
    assert.ok(annotationProblems({ ...items[0], '@context': WADM_CONTEXT, target: undefined }).length);
    assert.ok(annotationProblems({ ...items[0], '@context': WADM_CONTEXT, id: 'not an iri' }).length);
    assert.ok(annotationProblems({ ...items[0], '@context': 'http://schema.org/' }).length);
    const badSelector = structuredClone(items[0]);
    badSelector.target.selector[1].start = -1;
    assert.ok(annotationProblems({ '@context': WADM_CONTEXT, ...badSelector }).length);
    assert.ok(collectionProblems({ ...collection, total: 5 }).length);
  });

  it('each tag is an Annotation: a tagging body, a commenting body for the note, a quote and (unless orphaned) a position', () => {
    for (const a of items) {
      const tag = all.find((t) => a[SIDECAR_PROPERTY].id === t.id)!;
      assert.equal(a.type, 'Annotation');
      assert.deepEqual(a.body[0], { type: 'TextualBody', purpose: 'tagging', value: tag.tag });
      if (tag.note) assert.deepEqual(a.body[1], { type: 'TextualBody', purpose: 'commenting', value: tag.note, format: 'text/plain' });
      else assert.equal(a.body.length, 1);
      assert.equal(a.target.source, 'seeds/news/003%20x.txt', 'a relative IRI, percent-encoded');
      const [quote, position] = a.target.selector;
      assert.deepEqual(quote, { type: 'TextQuoteSelector', exact: tag.quote, prefix: tag.prefix, suffix: tag.suffix });
      const status = a[SIDECAR_PROPERTY].status;
      if (status === 'orphaned') assert.equal(a.target.selector.length, 1, 'no position for an orphan');
      else {
        assert.equal(position.type, 'TextPositionSelector');
        // Valid in the current text (the seed article has no character outside the BMP, so code points = UTF-16).
        const now = anchorTag(fixture.edited, tag);
        assert.deepEqual([position.start, position.end], [now.start, now.end]);
        if (status !== 'fuzzy') assert.equal(fixture.edited.slice(position.start, position.end), tag.quote);
      }
      assert.equal(a.created, tag.created);
    }
    const fuzzy = items.find((a) => a[SIDECAR_PROPERTY].id === 'tfuzzy')!;
    assert.deepEqual(fuzzy.creator, { type: 'Person', name: 'Ana Analyst' });
    assert.equal(fuzzy.modified, '2026-11-24T10:00:00.000Z');
    assert.ok(fuzzy[SIDECAR_PROPERTY].confidence > 0.5);
  });

  it('reads its own export back into the same tags, field for field', () => {
    const read = readWebAnnotations(JSON.parse(JSON.stringify(collection)));
    assert.ok(read.ok);
    assert.equal(read.annotations.length, 4);
    for (const a of read.annotations) {
      assert.equal(pathOfSource(a.source), 'seeds/news/003 x.txt');
      const back = tagOfAnnotation(a, fixture.edited, never, new Date());
      assert.deepEqual(back, all.find((t) => t.id === back.id));
    }
  });

  it('an empty export is a collection without pages, and reads back as nothing', () => {
    const empty = toWebAnnotationCollection([]);
    assert.deepEqual(collectionProblems(empty), []);
    assert.deepEqual(readWebAnnotations(empty), { ok: true, annotations: [] });
  });

  it('counts positions in code points, as the model says, and converts back', () => {
    const text = 'a😀b — 𝔘nicode';
    const start = text.indexOf('b');
    assert.equal(start, 3);
    assert.equal(toCodePoints(text, start), 2);
    assert.equal(fromCodePoints(text, 2), 3);
    assert.equal(toCodePoints(text, text.length), [...text].length);
    assert.equal(fromCodePoints(text, [...text].length), text.length);
    assert.equal(fromCodePoints(text, [...text].length + 1), undefined);
    const tag = createTag(text, { tag: 'x', start: text.indexOf('𝔘'), end: text.length }, 't1', new Date(0));
    const [listed2] = listTags([{ path: 'a.txt', text, tags: [tag] }]);
    const a = (toWebAnnotationCollection([listed2]) as Json).first.items[0];
    assert.deepEqual(a.target.selector[1], { type: 'TextPositionSelector', start: [...text.slice(0, tag.start)].length, end: [...text].length });
    // Another tool's annotation (no sidecar property): its position is converted back to UTF-16.
    const foreign = readWebAnnotations({ '@context': WADM_CONTEXT, id: 'urn:x:1', type: 'Annotation', body: a.body, target: a.target });
    assert.ok(foreign.ok);
    const back = tagOfAnnotation(foreign.annotations[0], text, () => 'tnew', new Date(0));
    assert.equal(back.id, 'tnew');
    assert.deepEqual([back.start, back.end], [tag.start, tag.end]);
  });

  it('imports plain annotations of other tools: the quote is found with its context when there is no position', () => {
    const text = fixture.edited;
    const quote = fixture.tags.anchored.quote;
    const json = [
      {
        '@context': WADM_CONTEXT,
        id: 'https://annotations.invalid/1',
        type: 'Annotation',
        motivation: 'tagging',
        creator: 'mailto:someone@annotations.invalid',
        body: { type: 'TextualBody', value: 'security' },
        target: { source: sourceIri('seeds/a.txt'), selector: { type: 'TextQuoteSelector', exact: quote } },
      },
    ];
    const read = readWebAnnotations(json);
    assert.ok(read.ok, JSON.stringify(read));
    const tag: Tag = tagOfAnnotation(read.annotations[0], text, () => 'tnew', new Date(Date.UTC(2026, 0, 1)));
    assert.equal(tag.tag, 'security');
    assert.equal(text.slice(tag.start, tag.end), quote);
    assert.equal(tag.author, 'mailto:someone@annotations.invalid');
    assert.equal(tag.created, '2026-01-01T00:00:00.000Z');
    // Not found anywhere: stored as an orphan (offsets 0), never attached elsewhere.
    const lost = readWebAnnotations([{ ...json[0], target: { source: 'seeds/a.txt', selector: { type: 'TextQuoteSelector', exact: 'words that are nowhere in it' } } }]);
    assert.ok(lost.ok);
    const orphan = tagOfAnnotation(lost.annotations[0], text, () => 'tnew', new Date(0));
    assert.deepEqual([orphan.start, orphan.end], [0, 0]);
  });

  it('says what is wrong with a document it cannot import', () => {
    const bad = (json: unknown, message: RegExp) => {
      const read = readWebAnnotations(json);
      assert.ok(!read.ok, 'refused');
      assert.ok(read.problems.some((p) => message.test(p)), read.problems.join('\n'));
    };
    bad({ '@context': 'http://schema.org/', type: 'Annotation' }, /@context must be http:\/\/www\.w3\.org\/ns\/anno\.jsonld/);
    const base = structuredClone(items[0]);
    bad([{ ...base, type: 'Note' }], /annotation 1 .*not an object of type Annotation/);
    bad([{ ...base, body: [] }], /exactly one TextualBody of purpose "tagging"/);
    bad([{ ...base, body: [base.body[0], base.body[0]] }], /not 2/);
    bad([{ ...base, target: [base.target, base.target] }], /exactly one target/);
    bad([{ ...base, target: { ...base.target, source: undefined } }], /needs a source/);
    bad([{ ...base, target: { ...base.target, selector: [base.target.selector[1]] } }], /TextQuoteSelector with the exact text/);
    bad([{ ...base, target: { ...base.target, selector: [base.target.selector[0], { type: 'TextPositionSelector', start: 9, end: 2 }] } }], /start ≤ end/);
    bad({ '@context': WADM_CONTEXT, type: 'AnnotationCollection', id: 'urn:x', first: 'urn:x:page1' }, /pages must be embedded/);
  });

  it('maps sources to workspace paths, and refuses what is not one', () => {
    assert.equal(pathOfSource('seeds/a%20b/c.txt'), 'seeds/a b/c.txt');
    assert.equal(sourceIri('seeds/a b/Việt:Nam.txt'), 'seeds/a%20b/Vi%E1%BB%87t%3ANam.txt');
    assert.equal(pathOfSource(sourceIri('seeds/a b/Việt:Nam.txt')), 'seeds/a b/Việt:Nam.txt');
    assert.equal(pathOfSource('https://example.invalid/a.txt'), undefined);
    assert.equal(pathOfSource('/etc/passwd'), undefined);
    assert.equal(pathOfSource('a%zz.txt'), undefined);
  });
});
