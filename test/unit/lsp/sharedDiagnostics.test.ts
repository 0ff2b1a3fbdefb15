import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import type { Diagnostic } from 'vscode-languageserver';
import { sameDiagnostic, shareUnchanged } from '../../../server/src/lsp/sharedDiagnostics';

const byPlace = (a: Diagnostic, b: Diagnostic) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character;

/** A diagnostic of the kinds the server makes, at a place drawn from a few lines (so places repeat). */
const diagnostic: fc.Arbitrary<Diagnostic> = fc
  .record({
    line: fc.nat(4),
    character: fc.nat(3),
    length: fc.integer({ min: 1, max: 3 }),
    message: fc.constantFrom('Việt Nam — a place', 'Laos — a place', 'Not resolved — 5 May'),
    code: fc.constantFrom('entity.place', 'date.date', 'boilerplate.furniture'),
    severity: fc.constantFrom(2, 3, 4) as fc.Arbitrary<1 | 2 | 3 | 4>,
    // Plain objects, as the server's: a record without a prototype differs from its equal copy for deepStrictEqual.
    data: fc.oneof(
      fc.record({ kind: fc.constant('entity'), entityId: fc.constantFrom('place:vietnam', 'place:laos') }, { noNullPrototype: true }),
      fc.record({ kind: fc.constant('entity'), entityId: fc.constantFrom('place:laos'), worklist: fc.constant('possible-merge') }, { noNullPrototype: true }),
      fc.record({ kind: fc.constant('date'), value: fc.constantFrom('2024-05-05', '2024-05') }, { noNullPrototype: true }),
    ),
    tags: fc.option(fc.constant(1 as const).map((t) => [t]), { nil: undefined }),
    related: fc.option(fc.array(fc.constantFrom('file:///w/a.txt', 'file:///w/b.txt'), { minLength: 1, maxLength: 2 }), { nil: undefined }),
  })
  .map(({ line, character, length, message, code, severity, data, tags, related }): Diagnostic => ({
    range: { start: { line, character }, end: { line, character: character + length } },
    severity,
    source: 'corpus-annotator',
    code,
    message,
    ...(tags ? { tags } : {}),
    ...(related ? { relatedInformation: related.map((uri) => ({ location: { uri, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } } }, message: 'Another copy' })) } : {}),
    data,
  }));

const sorted = fc.array(diagnostic, { maxLength: 30 }).map((list) => list.sort(byPlace));

describe('shareUnchanged (sharedDiagnostics.ts)', () => {
  it('leaves the diagnostics equal to what they were, each either its own object or an equal one kept from before', () => {
    fc.assert(
      fc.property(sorted, sorted, (previous, next) => {
        const made = next.map((d) => structuredClone(d));
        const shared = shareUnchanged(previous, made.slice());
        assert.deepStrictEqual(shared, made);
        const before = new Set(previous);
        shared.forEach((d, i) => assert.ok(d === made[i] || (before.has(d) && sameDiagnostic(d, made[i]))));
      }),
      { numRuns: 300 },
    );
  });

  it('keeps the objects of every diagnostic that did not change, and none of one that did', () => {
    fc.assert(
      fc.property(sorted, fc.nat(29), (previous, at) => {
        const again = previous.map((d) => structuredClone(d));
        const changed = again.length ? at % again.length : -1;
        if (changed >= 0) again[changed] = { ...again[changed], message: `${again[changed].message}!` };
        const shared = shareUnchanged(previous, again.slice());
        shared.forEach((d, i) => {
          if (i === changed) assert.equal(d, again[i]);
          else assert.ok(previous.includes(d), `diagnostic ${i} kept from before`);
        });
      }),
      { numRuns: 300 },
    );
  });

  it('tells diagnostics apart by anything they hold', () => {
    const base: Diagnostic = {
      range: { start: { line: 2, character: 0 }, end: { line: 2, character: 8 } },
      severity: 3,
      source: 'corpus-annotator',
      code: 'entity.place',
      message: 'Việt Nam — a place',
      data: { kind: 'entity', entityId: 'place:vietnam' },
    };
    const copy = () => structuredClone(base);
    assert.equal(sameDiagnostic(base, copy()), true);
    assert.equal(sameDiagnostic(base, { ...copy(), data: { kind: 'entity', entityId: 'place:vietnam', worklist: 'new-name' } }), false);
    assert.equal(sameDiagnostic(base, { ...copy(), data: { kind: 'entity', entityId: 'place:laos' } }), false);
    assert.equal(sameDiagnostic(base, { ...copy(), tags: [1] }), false);
    assert.equal(sameDiagnostic(base, { ...copy(), range: { start: { line: 2, character: 0 }, end: { line: 2, character: 9 } } }), false);
    assert.equal(sameDiagnostic({ ...base, tags: [1] }, { ...copy(), tags: [2] }), false);
  });
});
