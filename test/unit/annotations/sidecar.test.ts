import * as assert from 'node:assert/strict';
import { createTag, validateTagLabel } from '../../../server/src/core/annotations/model';
import { parseSidecar, serializeSidecar } from '../../../server/src/core/annotations/sidecarFormat';
import { anchorTag } from '../../../server/src/core/annotations/anchor';
import type { Sidecar } from '../../../server/src/core/annotations/model';

const TEXT = 'VIENTIANE — General Vilay Lakhamphong on April 25 highly valued the cooperation results.\n"Quoted: text" with # hash\n';

function tagAt(needle: string, label = 'x', id = 'a') {
  const start = TEXT.indexOf(needle);
  return createTag(TEXT, { tag: label, start, end: start + needle.length }, id, new Date('2026-01-02T03:04:05Z'));
}

describe('sidecar YAML', () => {
  it('round-trips tags, including quotes with colons, hashes, quotes and newlines', () => {
    const sidecar: Sidecar = {
      version: 1,
      document: 'seeds/003.txt',
      tags: [tagAt('Vilay Lakhamphong', 'person', 'b'), tagAt('results.\n"Quoted: text" with # hash', 'odd: label', 'a')],
    };
    const parsed = parseSidecar(serializeSidecar(sidecar), '');
    assert.ok(parsed.ok);
    assert.deepEqual(parsed.sidecar.tags.map((t) => t.id), ['b', 'a'], 'sorted by position');
    assert.deepEqual(parsed.sidecar.tags[1], sidecar.tags[1]);
  });

  it('writes deterministically: same input, same bytes; one tag a block', () => {
    const s: Sidecar = { version: 1, document: 'd.txt', tags: [tagAt('April 25')] };
    assert.equal(serializeSidecar(s), serializeSidecar(s));
    assert.match(serializeSidecar(s), /\n {2}- id: a\n {4}tag: x\n/);
  });

  it('writes context with line breaks on one double-quoted line', () => {
    const yaml = serializeSidecar({ version: 1, document: 'd.txt', tags: [tagAt('"Quoted: text"')] });
    assert.match(yaml, /\n {4}prefix: "[^"\n]*\\n"\n/);
    const parsed = parseSidecar(yaml, '');
    assert.ok(parsed.ok);
    assert.equal(parsed.sidecar.tags[0].prefix, tagAt('"Quoted: text"').prefix);
  });

  it('keeps keys it does not know', () => {
    const text = 'version: 1\ndocument: d.txt\nreviewer: kim\ntags:\n  - id: a\n    tag: x\n    quote: April 25\n    start: 39\n    end: 47\n    confidence: high\n';
    const parsed = parseSidecar(text, '');
    assert.ok(parsed.ok);
    const again = serializeSidecar(parsed.sidecar);
    assert.match(again, /reviewer: kim/);
    assert.match(again, /confidence: high/);
  });

  it('reports YAML syntax errors with their line instead of throwing', () => {
    const parsed = parseSidecar('version: 1\ntags:\n  - id: a\n    tag: [oops\n', '');
    assert.equal(parsed.ok, false);
    if (!parsed.ok) assert.ok(parsed.errors[0].line >= 3);
  });

  it('reports structural errors (missing quote, bad offsets, duplicate ids)', () => {
    const bad = [
      'version: 1\ntags:\n  - id: a\n    tag: x\n    start: 1\n    end: 2\n',
      'version: 1\ntags:\n  - id: a\n    tag: x\n    quote: q\n    start: 5\n    end: 2\n',
      'version: 1\ntags:\n  - {id: a, tag: x, quote: q, start: 1, end: 2}\n  - {id: a, tag: y, quote: q, start: 1, end: 2}\n',
      'version: 2\ntags: []\n',
      '- just a list\n',
    ];
    for (const text of bad) assert.equal(parseSidecar(text, '').ok, false, text);
  });

  it('reads an empty file as an empty sidecar for the document', () => {
    const parsed = parseSidecar('', 'seeds/a.txt');
    assert.ok(parsed.ok);
    assert.equal(parsed.sidecar.document, 'seeds/a.txt');
    assert.equal(parsed.sidecar.tags.length, 0);
  });

  it('validates tag labels', () => {
    assert.equal(validateTagLabel('cooperation'), undefined);
    assert.ok(validateTagLabel('  '));
    assert.ok(validateTagLabel('a\nb'));
  });
});

describe('anchoring tags to changed text', () => {
  const tag = tagAt('highly valued');
  it('keeps the stored position when the quote is still there', () => {
    assert.equal(anchorTag(TEXT, tag).status, 'anchored');
  });
  it('finds the quote again after text was inserted before it', () => {
    const edited = 'NEW LINE\n' + TEXT;
    const a = anchorTag(edited, tag);
    assert.equal(a.status, 'moved');
    assert.equal(edited.slice(a.start, a.end), 'highly valued');
  });
  it('prefers the occurrence whose context matches', () => {
    const edited = 'highly valued things. ' + TEXT;
    const a = anchorTag(edited, tag);
    assert.equal(a.start, edited.lastIndexOf('highly valued'));
  });
  it('orphans a tag whose text is gone rather than attaching it elsewhere', () => {
    assert.equal(anchorTag(TEXT.replace('highly valued', 'praised'), tag).status, 'orphaned');
  });
});
