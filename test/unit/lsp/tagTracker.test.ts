import * as assert from 'node:assert/strict';
import { TextDocument, type TextDocumentContentChangeEvent } from 'vscode-languageserver-textdocument';
import { anchorTag, anchorTags, createTag } from '../../../server/src/core/index';
import { TagTracker } from '../../../server/src/lsp/tagTracker';

const URI = 'file:///corpus/article.txt';
const HEADLINE = 'Laos and Vietnam sign a border security agreement in Vientiane';
const LEAD = 'The two defence ministers agreed on joint patrols along the border and on sharing intelligence about trafficking.';
const BODY = 'Officials said the first patrols would start in the spring, with training for the border guards of both provinces.';

/** An open article whose tags the tracker follows, edited as an editor's changes would. */
function open(text: string, tagged: { start: number; end: number; tag: string }[]) {
  const tracker = new TagTracker();
  const tags = tagged.map((t, i) => createTag(text, t, `t${i}`, new Date(0)));
  tracker.track(URI, text, anchorTags(text, tags));
  const config = tracker.documents();
  let doc = config.create(URI, 'plaintext', 1, text);
  let notified = 0;
  tracker.onDidMove(() => notified++);
  return {
    tags,
    edit(from: number, to: number, inserted: string) {
      const change: TextDocumentContentChangeEvent = { range: { start: doc.positionAt(from), end: doc.positionAt(to) }, text: inserted };
      doc = config.update(doc, [change], doc.version + 1) as TextDocument;
      return doc.getText();
    },
    tracked: (id: string) => tracker.tagsOf(URI, doc.getText())?.get(id),
    notified: () => notified,
  };
}

describe('TagTracker: tags followed in an open article', () => {
  it('a tag whose passage is deleted becomes an orphan at once, and an undo puts it back in place', () => {
    const text = `${HEADLINE}\n\n${LEAD}\n\n${BODY}\n`;
    const start = text.indexOf(LEAD);
    const a = open(text, [{ start, end: start + LEAD.length, tag: 'cooperation' }]);
    a.edit(start, start + LEAD.length, '');
    assert.equal(a.tracked('t0')?.anchored.status, 'orphaned');
    assert.equal(a.tracked('t0')?.start, undefined);
    a.edit(start, start, LEAD); // Ctrl+Z
    assert.equal(a.tracked('t0')?.start, start);
    assert.equal(a.tracked('t0')?.end, start + LEAD.length);
    assert.ok(a.notified() >= 2);
  });

  it('a deleted passage typed again character by character is found again with its last character', () => {
    const text = `${HEADLINE}\n\n${LEAD}\n\n${BODY}\n`;
    const start = text.indexOf(LEAD);
    const a = open(text, [{ start, end: start + LEAD.length, tag: 'cooperation' }]);
    a.edit(start, start + LEAD.length, '');
    for (let i = 0; i < LEAD.length - 1; i++) a.edit(start + i, start + i, LEAD[i]);
    assert.equal(a.tracked('t0')?.start, undefined);
    a.edit(start + LEAD.length - 1, start + LEAD.length - 1, LEAD[LEAD.length - 1]);
    assert.deepEqual([a.tracked('t0')?.start, a.tracked('t0')?.end], [start, start + LEAD.length]);
  });

  it('an orphan re-found where another tag, from another place, holds its passage stays an orphan with it as suggestion', () => {
    // A lead printed twice, each copy tagged; the first copy deleted.
    const text = `${HEADLINE}\n\n${LEAD}\n\n${LEAD}\n\n${BODY}\n`;
    const first = text.indexOf(LEAD);
    const second = text.indexOf(LEAD, first + 1);
    const a = open(text, [
      { start: first, end: first + LEAD.length, tag: 'first copy' },
      { start: second, end: second + LEAD.length, tag: 'second copy' },
    ]);
    const after = a.edit(first, second, '');
    // Alone, the first tag would be found on the second's passage, now at its stored offsets.
    assert.equal(anchorTag(after, a.tags[0]).status, 'anchored');
    const orphan = a.tracked('t0')!;
    assert.equal(orphan.start, undefined);
    assert.equal(orphan.anchored.status, 'orphaned');
    assert.deepEqual([orphan.anchored.suggestion?.start, orphan.anchored.suggestion?.end], [first, first + LEAD.length]);
    assert.deepEqual([a.tracked('t1')?.start, a.tracked('t1')?.end], [first, first + LEAD.length]);
  });

  it("an orphan's suggestion follows the text typed before it, and is looked for again when an edit touches it", () => {
    const reworded = LEAD.replace('joint patrols', 'common patrols');
    const text = `${HEADLINE}\n\n${LEAD}\n\n${BODY}\n\n${reworded}\n`;
    const start = text.indexOf(LEAD);
    const a = open(text, [{ start, end: start + LEAD.length, tag: 'cooperation' }]);
    a.edit(start, start + LEAD.length + 2, ''); // the lead deleted: the reworded copy at the end is a suggestion
    const suggested = a.tracked('t0')!.anchored.suggestion!;
    assert.ok(suggested, 'a suggestion');
    const was = a.edit(0, 0, '') && a.tracked('t0')!.anchored.suggestion!;
    assert.equal(was, suggested);
    let now = a.edit(0, 0, 'X'); // one character typed in the headline
    let s = a.tracked('t0')!.anchored.suggestion!;
    assert.equal(now.slice(s.start, s.end), reworded);
    now = a.edit(s.start, s.end, ''); // the suggested passage deleted in turn
    s = a.tracked('t0')!.anchored.suggestion!;
    assert.ok(!s || (s.end > s.start && now.slice(s.start, s.end) !== ''), 'no empty suggestion left');
  });
});
