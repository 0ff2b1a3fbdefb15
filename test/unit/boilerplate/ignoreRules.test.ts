import * as assert from 'node:assert/strict';
import { createCorpusService } from '../../../server/src/core/corpusService';
import { NEVER_CANCELLED } from '../../../server/src/core/types';
import { loadNerModel } from '../../../server/src/node/nerModelFile';
import { ignoreHereEntry } from '../../../server/src/core/boilerplate/ignoreList';
import { compileIgnores } from '../../../server/src/core/boilerplate/ignoreRules';
import { lines, para } from './helpers';

const model = loadNerModel();
const shared = para('wire-service', 2);

function article(name: string, extra = ''): string {
  return lines(`Own headline of article ${name} about the harvest`, '', para(`own-${name}`), '', shared, '', extra, 'Share it', '');
}

function service() {
  const s = createCorpusService({ nerModel: model });
  for (const n of ['a', 'b', 'c']) s.setDocument(`/ws/${n}.txt`, article(n));
  return s;
}

const sharedFinding = (s: ReturnType<typeof service>, uri: string) => s.analyze(uri, undefined, NEVER_CANCELLED).boilerplate.find((b) => b.text === shared);

describe('applying the ignore list', () => {
  it('an everywhere entry hides the passage in every article, whatever its case and punctuation', () => {
    const s = service();
    assert.ok(sharedFinding(s, '/ws/a.txt'), 'flagged before');
    s.setBoilerplateIgnores({ everywhere: [{ text: shared.toUpperCase().replace(/\./g, '!'), kind: 'duplicate' }], here: [] });
    for (const n of ['a', 'b', 'c']) assert.equal(sharedFinding(s, `/ws/${n}.txt`), undefined);
    assert.ok(!s.boilerplateClusters(NEVER_CANCELLED).some((c) => c.text === shared), 'and its cluster is gone');
  });

  it('a chrome entry ignores digits too; other entries do not', () => {
    const m = compileIgnores({ everywhere: [{ text: 'Comments (12)', kind: 'chrome' }, { text: 'Page 3 of the report', kind: 'duplicate' }], here: [] });
    assert.equal(m.ignoredEverywhere('/x', 'Comments (3)'), true);
    assert.equal(m.ignoredEverywhere('/x', 'Page 4 of the report'), false);
    assert.equal(m.ignoredEverywhere('/x', 'page 3 of the report.'), true);
  });

  it('an everywhere entry scoped to a folder applies only there', () => {
    const m = compileIgnores({ everywhere: [{ text: 'Share it', kind: 'chrome', within: '/one/' }], here: [] });
    assert.equal(m.ignoredEverywhere('/one/a.txt', 'Share it'), true);
    assert.equal(m.ignoredEverywhere('/two/a.txt', 'Share it'), false);
  });

  it('a here entry hides the finding in that article only, and follows the passage through edits', () => {
    const s = service();
    const a = s.getText('/ws/a.txt')!;
    const start = a.indexOf(shared);
    const entry = ignoreHereEntry('a.txt', a, start, start + shared.length, new Date());
    s.setBoilerplateIgnores({ everywhere: [], here: [{ ...entry, uri: '/ws/a.txt' }] });
    assert.equal(sharedFinding(s, '/ws/a.txt'), undefined);
    assert.ok(sharedFinding(s, '/ws/b.txt'), 'still flagged in b');

    // Text inserted before the passage moves it: the entry is found again by its quote and context.
    s.setDocument('/ws/a.txt', `A correction was added at the top.\n\n${a}`);
    assert.equal(sharedFinding(s, '/ws/a.txt'), undefined, 'still ignored after the edit');

    // The passage itself edited: the entry no longer matches and the finding shows again.
    s.setDocument('/ws/a.txt', a.replace(shared, `${shared.slice(0, -1)} and more.`));
    const edited = s.analyze('/ws/a.txt', undefined, NEVER_CANCELLED).boilerplate.find((b) => b.text.startsWith(shared.slice(0, 40)));
    assert.ok(edited, 'an edited passage is flagged again (a near copy now)');
  });

  it('picks the copy whose context matches when the quote occurs twice in the article', () => {
    const text = lines('Intro line of the piece', '', 'Repeated sentence for the test.', '', 'Middle', '', 'Repeated sentence for the test.', '');
    const second = text.lastIndexOf('Repeated');
    const entry = ignoreHereEntry('a.txt', text, second, second + 'Repeated sentence for the test.'.length, new Date());
    const m = compileIgnores({ everywhere: [], here: [{ ...entry, uri: '/a' }] });
    const moved = `New first line\n${text}`;
    const spans = m.hereSpans('/a', moved);
    assert.deepEqual(spans, [{ start: moved.lastIndexOf('Repeated'), end: moved.lastIndexOf('Repeated') + 31 }]);
  });

  it('clusters keep their places that are not ignored, and go when fewer than two are left', () => {
    const s = service();
    const before = s.boilerplateClusters(NEVER_CANCELLED).find((c) => c.text === shared)!;
    assert.equal(before.places.length, 3);
    const a = s.getText('/ws/a.txt')!;
    const start = a.indexOf(shared);
    const here = { ...ignoreHereEntry('a.txt', a, start, start + shared.length, new Date()), uri: '/ws/a.txt' };
    s.setBoilerplateIgnores({ everywhere: [], here: [here] });
    assert.deepEqual(s.boilerplateClusters(NEVER_CANCELLED).find((c) => c.text === shared)!.places.map((p) => p.uri), ['/ws/b.txt', '/ws/c.txt']);
    const b = s.getText('/ws/b.txt')!;
    const bStart = b.indexOf(shared);
    const here2 = { ...ignoreHereEntry('b.txt', b, bStart, bStart + shared.length, new Date()), uri: '/ws/b.txt' };
    s.setBoilerplateIgnores({ everywhere: [], here: [here, here2] });
    assert.ok(!s.boilerplateClusters(NEVER_CANCELLED).some((c) => c.text === shared));
  });
});
