/**
 * Lossless rewrites, property-based (fast-check): for the three analyst formats (tag sidecars, the entity registry,
 * the ignore list), random values come back exactly through serialize → parse, written from scratch or over a
 * previous text; strings include whitespace-only ones, control characters, line breaks, quotes, YAML indicators and
 * any Unicode; unknown keys hold random data. A previous text's comments, aliases (`*name`, never expanded) and big
 * integers (never rounded) survive a rewrite.
 */
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { parseSidecar, serializeSidecar, type Sidecar, type Tag } from '../../../server/src/core/index';
import { parseRegistry, serializeRegistry, type EntityRegistry, type RegistryEntity } from '../../../server/src/core/entities/registry';
import { parseIgnoreList, serializeIgnoreList, type IgnoreList } from '../../../server/src/core/boilerplate/ignoreList';

const RUNS = Number(process.env.PROPERTY_RUNS ?? 300);

/** Characters that trouble YAML writers: indicators, quotes, escapes, line breaks, controls, BOM, NEL, LS, PS. */
const TRICKY = [
  ' ', '  ', '\t', '\n', '\r', '\r\n', '\u0000', '\u0007', '\u001b', '\u007f', '\u0085', '\u00a0', '\u2028', '\u2029', '\ufeff',
  ':', ': ', ' #', '#', '-', '- ', '?', '&a', '*a', '!', '|', '>', "'", '"', '\\', '%', '@', '`', '{', '}', '[', ']', ',',
  'null', '~', 'true', 'no', '0x1F', '1e3', '.nan', '12345678901234567890', '2026-01-01', '---', '...', 'é', '🙂', 'Việt Nam',
];
const tricky = fc.constantFrom(...TRICKY);
/** Any string: random code points (no lone surrogates, which UTF-8 files cannot hold), tricky pieces, whitespace. */
const anyString = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 12 }),
  fc.array(fc.oneof(tricky, fc.string({ maxLength: 3 })), { maxLength: 6 }).map((xs) => xs.join('')),
  fc.array(fc.constantFrom(' ', '\t', '\n', '\u00a0', '\u3000'), { minLength: 1, maxLength: 4 }).map((xs) => xs.join('')),
);
const nonBlank = anyString.filter((s) => s.trim() !== '');
const offset = fc.nat({ max: 1_000_000 });

/** Unknown-key data: JSON-like, with safe integers (big integers are tested on text, below). */
const data: fc.Arbitrary<unknown> = fc.letrec((tie) => ({
  value: fc.oneof({ maxDepth: 2 }, anyString, fc.integer(), fc.boolean(), fc.constant(null), fc.array(tie('value'), { maxLength: 3 }), fc.dictionary(fc.string({ minLength: 1, maxLength: 5 }).filter((k) => k.trim() === k && k !== '__proto__'), tie('value'), { maxKeys: 3 })),
})).value;
/** Plain objects (fast-check may make null-prototype ones, which no parser gives). */
const plain = <T>(v: T): T => JSON.parse(JSON.stringify(v)) as T;
const extraOf = (known: readonly string[]) =>
  fc.option(fc.dictionary(fc.stringMatching(/^[a-z][a-zA-Z0-9_]{0,8}$/).filter((k) => !known.includes(k)), data, { minKeys: 1, maxKeys: 3 }).map(plain), { nil: undefined });

const TAG_KEYS = ['id', 'tag', 'note', 'quote', 'prefix', 'suffix', 'start', 'end', 'created', 'updated', 'author'];
const tagArb: fc.Arbitrary<Tag> = fc
  .record({
    id: fc.oneof(fc.stringMatching(/^[a-z0-9]{1,14}$/), nonBlank),
    tag: nonBlank,
    note: fc.option(nonBlank, { nil: undefined }),
    quote: anyString,
    prefix: anyString,
    suffix: anyString,
    start: offset,
    length: fc.nat({ max: 500 }),
    created: anyString,
    updated: fc.option(nonBlank, { nil: undefined }),
    author: fc.option(nonBlank, { nil: undefined }),
    extra: extraOf(TAG_KEYS),
  })
  .map(({ length, note, updated, author, extra, ...t }) => ({
    ...t,
    end: t.start + length,
    ...(note !== undefined ? { note } : {}),
    ...(updated !== undefined ? { updated } : {}),
    ...(author !== undefined ? { author } : {}),
    ...(extra ? { extra } : {}),
  }));
const sidecarArb: fc.Arbitrary<Sidecar> = fc
  .record({ document: nonBlank, tags: fc.uniqueArray(tagArb, { selector: (t) => t.id, maxLength: 5 }), extra: extraOf(['version', 'document', 'tags']) })
  .map(({ extra, ...s }) => ({ version: 1 as const, ...s, ...(extra ? { extra } : {}) }));

const sortTags = (s: Sidecar): Sidecar => ({ ...s, tags: [...s.tags].sort((a, b) => a.start - b.start || a.end - b.end || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)) });

function roundTripSidecar(s: Sidecar, previous?: string): string {
  const text = serializeSidecar(s, previous);
  const parsed = parseSidecar(text, 'unused.txt');
  assert.ok(parsed.ok, `parses: ${JSON.stringify(!parsed.ok && parsed.errors)}\n${text}`);
  assert.deepEqual(parsed.sidecar, sortTags(s), text);
  return text;
}

const PREVIOUS_SIDECAR = `# analysts' notes on this file
version: 1 # the format
document: seeds/a.txt
defaults: &ctx { source: wire, big: 123456789012345678901234567890 }
reviewed: *ctx
huge: 98765432109876543210
tags: # sorted by position
  - id: keep1 # first
    tag: cooperation
    quote: x
    prefix: ""
    suffix: ""
    start: 1
    end: 2
    created: 2026-01-01T00:00:00.000Z
    origin: *ctx
`;

describe('lossless rewrites (property-based)', () => {
  it('sidecars: random sidecars come back exactly, written anew and over their previous text', () => {
    fc.assert(
      fc.property(sidecarArb, sidecarArb, (a, b) => {
        const first = roundTripSidecar(a);
        roundTripSidecar(b, first);
        roundTripSidecar(a, roundTripSidecar(b, first));
      }),
      { numRuns: RUNS },
    );
  });

  it('sidecars: comments, aliases and big integers of a previous text survive a rewrite', () => {
    const previous = parseSidecar(PREVIOUS_SIDECAR, 'x.txt');
    assert.ok(previous.ok);
    fc.assert(
      fc.property(fc.array(tagArb, { maxLength: 3 }), (added) => {
        const ids = new Set(['keep1']);
        const fresh = added.filter((t) => !ids.has(t.id) && (ids.add(t.id), true));
        const next = { ...previous.sidecar, tags: [...previous.sidecar.tags, ...fresh] };
        const text = serializeSidecar(next, PREVIOUS_SIDECAR);
        for (const kept of ["# analysts' notes on this file", '# the format', '# sorted by position', '# first', '&ctx', 'reviewed: *ctx', 'origin: *ctx', '123456789012345678901234567890', 'huge: 98765432109876543210']) {
          assert.ok(text.includes(kept), `keeps ${kept}:\n${text}`);
        }
        const back = parseSidecar(text, 'x.txt');
        assert.ok(back.ok);
        assert.deepEqual(back.sidecar, sortTags(next));
      }),
      { numRuns: Math.ceil(RUNS / 3) },
    );
  });

  const ENTITY_TYPES = ['PERSON', 'ORG', 'LOCATION', 'MISC'] as const;
  const name = nonBlank.map((s) => s.trim());
  const entityArb: fc.Arbitrary<RegistryEntity> = fc
    .record({ id: fc.option(fc.stringMatching(/^[a-z0-9]+(?:[-_.][a-z0-9]+)*$/), { nil: undefined }), canonical: name, type: fc.constantFrom(...ENTITY_TYPES), aliases: fc.array(name, { maxLength: 3 }), notes: fc.option(name, { nil: undefined }) })
    .map(({ id, notes, ...e }) => ({ ...(id ? { id } : {}), ...e, ...(notes ? { notes } : {}) }));

  it('registry: random registries that parse come back exactly (sorted as written), anew and over a previous text', () => {
    const normal = (r: EntityRegistry): EntityRegistry => parseOk(serializeRegistry(r));
    const parseOk = (text: string): EntityRegistry => {
      const p = parseRegistry(text);
      assert.ok(p.ok, `parses: ${JSON.stringify(!p.ok && p.errors)}\n${text}`);
      return p.registry;
    };
    fc.assert(
      fc.property(fc.array(entityArb, { maxLength: 4 }), fc.array(name, { maxLength: 3 }), fc.array(entityArb, { maxLength: 3 }), (entities, notEntities, others) => {
        const r: EntityRegistry = { entities, notEntities };
        const p = parseRegistry(serializeRegistry(r));
        fc.pre(p.ok); // two entities claiming one name are refused by design
        const once = normal(r);
        // What was written reads back the same, and writing it again changes nothing.
        assert.equal(serializeRegistry(once), serializeRegistry(r));
        const text = serializeRegistry(once);
        assert.deepEqual(parseOk(serializeRegistry(once, text)), once);
        const r2: EntityRegistry = { entities: others, notEntities };
        if (parseRegistry(serializeRegistry(r2)).ok) assert.deepEqual(parseOk(serializeRegistry(r2, text)), normal(r2));
        for (const e of r.entities) {
          assert.ok(once.entities.some((o) => o.canonical === e.canonical && o.type === e.type && (e.notes === undefined || o.notes === e.notes)), `keeps ${e.canonical}`);
        }
      }),
      { numRuns: RUNS },
    );
  });

  it('registry: comments and aliases of a previous text survive a rewrite', () => {
    const previous = '# our registry\nentities:\n  - id: lao\n    canonical: &lao Laos # the country\n    type: LOCATION\n    aliases: [Lao PDR]\nnotEntities:\n  - *lao-not\n'.replace('*lao-not', 'Share it');
    const withAlias = '# our registry\nentities:\n  - id: lao\n    canonical: &name Laos # the country\n    type: LOCATION\n    notes: *name\nnotEntities: []\n';
    for (const prev of [previous, withAlias]) {
      const p = parseRegistry(prev);
      assert.ok(p.ok, JSON.stringify(!p.ok && p.errors));
      fc.assert(
        fc.property(fc.array(entityArb, { maxLength: 2 }), (added) => {
          const next = { ...p.registry, entities: [...p.registry.entities, ...added.filter((e) => e.id !== 'lao')] };
          fc.pre(parseRegistry(serializeRegistry(next)).ok);
          const text = serializeRegistry(next, prev);
          for (const kept of ['# our registry', '# the country', ...(prev === withAlias ? ['&name', '*name'] : [])]) assert.ok(text.includes(kept), `keeps ${kept}:\n${text}`);
          const back = parseRegistry(text);
          assert.ok(back.ok);
          assert.deepEqual(back.registry.entities.find((e) => e.id === 'lao'), p.registry.entities.find((e) => e.id === 'lao'));
        }),
        { numRuns: Math.ceil(RUNS / 3) },
      );
    }
  });

  const KINDS = ['duplicate', 'near-duplicate', 'chrome'] as const;
  const everywhereArb = fc
    .record({ text: nonBlank.map((s) => s.replace(/\s+/g, ' ').trim()).filter((s) => s !== ''), kind: fc.constantFrom(...KINDS), note: fc.option(name, { nil: undefined }), added: anyString, extra: extraOf(['text', 'kind', 'note', 'added']) })
    .map(({ note, extra, ...e }) => ({ ...e, ...(note ? { note } : {}), ...(extra ? { extra } : {}) }));
  const hereArb = fc
    .record({ document: nonBlank, quote: anyString.filter((s) => s !== ''), prefix: anyString, suffix: anyString, start: offset, length: fc.nat({ max: 500 }), added: anyString, extra: extraOf(['document', 'quote', 'prefix', 'suffix', 'start', 'end', 'added']) })
    .map(({ length, extra, ...h }) => ({ ...h, end: h.start + length, ...(extra ? { extra } : {}) }));
  const ignoreArb: fc.Arbitrary<IgnoreList> = fc
    .record({ everywhere: fc.array(everywhereArb, { maxLength: 3 }), here: fc.array(hereArb, { maxLength: 3 }), extra: extraOf(['version', 'everywhere', 'here']) })
    .map(({ extra, ...l }) => ({ version: 1 as const, ...l, ...(extra ? { extra } : {}) }));
  const sorted = (l: IgnoreList): IgnoreList => {
    const cmp = (a: string | number, b: string | number) => (a < b ? -1 : a > b ? 1 : 0);
    return {
      ...l,
      everywhere: [...l.everywhere].sort((a, b) => cmp(a.text, b.text) || cmp(a.kind, b.kind) || cmp(a.added, b.added)),
      here: [...l.here].sort((a, b) => cmp(a.document, b.document) || a.start - b.start || a.end - b.end || cmp(a.added, b.added)),
    };
  };

  it('ignore list: random lists come back exactly, anew and over their previous text', () => {
    const back = (text: string): IgnoreList => {
      const p = parseIgnoreList(text);
      assert.ok(p.ok, `parses: ${JSON.stringify(!p.ok && p.errors)}\n${text}`);
      return p.list;
    };
    fc.assert(
      fc.property(ignoreArb, ignoreArb, (a, b) => {
        const first = serializeIgnoreList(a);
        assert.deepEqual(back(first), sorted(a), first);
        const second = serializeIgnoreList(b, first);
        assert.deepEqual(back(second), sorted(b), second);
      }),
      { numRuns: RUNS },
    );
  });
});
