import * as assert from 'node:assert/strict';
import { createMatcher, globBase } from '../../../server/src/node/glob';
import { readSettings } from '../../../server/src/lsp/settings';

describe('corpus globs', () => {
  it('matches ** across folders, * within one, and alternatives', () => {
    const m = createMatcher(['seeds/**/*.txt']);
    assert.ok(m('seeds/a.txt'));
    assert.ok(m('seeds/x/y/b.txt'));
    assert.ok(!m('other/a.txt'));
    assert.ok(!m('seeds/a.yaml'));
    assert.ok(createMatcher(['{news,wire}/*.txt'])('wire/a.txt'));
    assert.ok(!createMatcher(['news/*.txt'])('news/sub/a.txt'));
  });
  it('walks only from the fixed prefix', () => {
    assert.equal(globBase('seeds/**/*.txt'), 'seeds');
    assert.equal(globBase('**/*.txt'), '');
  });
});

describe('settings', () => {
  it('falls back to defaults for missing or wrong values', () => {
    const s = readSettings({ corpus: 'news/*.txt', dates: { severity: 'loud', dayOrder: 'day-first' }, boilerplate: { severity: 'off' } });
    assert.deepEqual(s.corpus, ['news/*.txt']);
    assert.equal(s.dates.severity, 'information');
    assert.equal(s.dates.dayOrder, 'day-first');
    assert.equal(s.boilerplate.severity, 'off');
    assert.deepEqual(readSettings(undefined).corpus, ['seeds/**/*.txt']);
  });
});
