import * as assert from 'node:assert/strict';
import { parse as parseCsv } from 'csv-parse/sync';
import { anchorTag } from '../../../server/src/core/index';
import { listTags, shortQuote, tagsCsv, tagsJson, tagsTextLines, TAGS_CSV_HEADER } from '../../../server/src/core/annotations/tagsOutput';
import { editedArticle, tagOn } from '../../support/tagFixtures';

describe('CLI tag listings (pure)', () => {
  const fixture = editedArticle();
  const { tags } = fixture;
  const gone = tagOn(fixture.original, fixture.original.slice(100, 140), 'gone', 'tgone');
  const listed = listTags([
    { path: 'seeds/b/z.txt', text: undefined, tags: [gone] },
    { path: 'seeds/a.txt', text: fixture.edited, tags: [tags.anchored, tags.orphaned, tags.fuzzy, tags.moved] },
  ]);

  it('re-anchors every tag against the current text, and sorts by article, then place', () => {
    assert.deepEqual(
      listed.map((t) => [t.path, t.anchored.tag.id, t.anchored.status]),
      [
        ['seeds/a.txt', 'tmoved', 'moved'],
        ['seeds/a.txt', 'tfuzzy', 'fuzzy'],
        ['seeds/a.txt', 'torphan', 'orphaned'],
        ['seeds/a.txt', 'tanchor', 'anchored'],
        ['seeds/b/z.txt', 'tgone', 'orphaned'],
      ],
    );
    for (const t of listed.filter((l) => l.text !== undefined)) assert.deepEqual(t.anchored, anchorTag(fixture.edited, t.anchored.tag), 'exactly the core’s anchoring');
  });

  it('JSON: {"version":1,"tags":[…]} with the documented keys; start and end null for orphans', () => {
    const json = JSON.parse(tagsJson(listed));
    assert.equal(json.version, 1);
    for (const t of json.tags) {
      assert.deepEqual(Object.keys(t).slice(0, 8), ['id', 'tag', 'path', 'start', 'end', 'quote', 'status', 'note']);
      if (t.status === 'orphaned') assert.deepEqual([t.start, t.end], [null, null]);
      else assert.equal(fixture.edited.slice(t.start, t.end).length, t.end - t.start);
    }
    const moved = json.tags.find((t: { id: string }) => t.id === 'tmoved');
    assert.equal(fixture.edited.slice(moved.start, moved.end), tags.moved.quote, 'current offsets, not the stored ones');
    assert.notEqual(moved.start, tags.moved.start);
    assert.equal(moved.note, tags.moved.note);
    const fuzzy = json.tags.find((t: { id: string }) => t.id === 'tfuzzy');
    assert.ok(fuzzy.confidence > 0.5 && fuzzy.confidence < 1);
    assert.equal(fuzzy.author, 'Ana Analyst');
    assert.equal(fuzzy.updated, '2026-11-24T10:00:00.000Z');
    const orphan = json.tags.find((t: { id: string }) => t.id === 'torphan');
    assert.ok(orphan.suggestion.score > 0);
    assert.equal(fixture.edited.slice(orphan.suggestion.start, orphan.suggestion.end), tags.orphaned.quote);
    assert.equal(json.tags.find((t: { id: string }) => t.id === 'tgone').suggestion, null);
  });

  it('text: path:line:col: tag [status] "quote" — note; an orphan points at its best candidate', () => {
    const lines = tagsTextLines(listed, (p) => `./${p}`);
    assert.equal(lines.length, 5);
    assert.match(lines[0], /^\.\/seeds\/a\.txt:3:\d+: cooperation \[moved\] "Minister of Public Security .*…" — praise, "quoted", with a comma$/);
    assert.match(lines[1], /^\.\/seeds\/a\.txt:\d+:\d+: training \[fuzzy 0\.\d\d\] "/);
    assert.match(lines[2], /^\.\/seeds\/a\.txt: visit \[orphaned\] ".*" — line one line two \(best candidate: line \d+, column 8\)$/);
    assert.match(lines[4], /^\.\/seeds\/b\/z\.txt: gone \[orphaned\] "/);
    assert.equal(shortQuote('a\n\n b   c'), 'a b c');
    assert.equal(shortQuote('x'.repeat(70)).length, 60);
  });

  it('CSV: RFC 4180, read back by csv-parse in strict mode, one row a tag with the documented columns', () => {
    const csv = tagsCsv(listed);
    assert.ok(csv.endsWith('\r\n'));
    const rows: string[][] = parseCsv(csv, { relax_quotes: false, relax_column_count: false, record_delimiter: '\r\n' });
    assert.deepEqual(rows[0], [...TAGS_CSV_HEADER]);
    assert.deepEqual(rows[0].slice(0, 10), ['id', 'tag', 'path', 'start', 'end', 'quote', 'status', 'note', 'author', 'created']);
    assert.equal(rows.length, 6);
    const byId = new Map(rows.slice(1).map((r) => [r[0], Object.fromEntries(rows[0].map((k, i) => [k, r[i]]))]));
    assert.equal(byId.get('tmoved')!.note, 'praise, "quoted", with a comma', 'commas and quotes survive');
    assert.equal(byId.get('torphan')!.note, 'line one\nline two', 'line breaks survive');
    assert.deepEqual([byId.get('torphan')!.start, byId.get('torphan')!.end], ['', ''], 'no offsets for an orphan');
    assert.equal(byId.get('tfuzzy')!.author, 'Ana Analyst');
    assert.equal(byId.get('tanchor')!.quote, tags.anchored.quote);
    assert.equal(Number(byId.get('tanchor')!.start), tags.anchored.start);
  });

  it('CSV of no tags is the header alone', () => {
    assert.equal(tagsCsv([]), `${TAGS_CSV_HEADER.join(',')}\r\n`);
  });
});
