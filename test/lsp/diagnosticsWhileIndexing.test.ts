/**
 * Diagnostics of an article opened while the corpus is still being indexed (10,000 new articles take half a minute):
 * what the article shows by itself is published at once, and the corpus-wide diagnostics once the corpus is indexed.
 * The articles after the first wait to be read until the test lets them (test/support/gatedArticles.ts).
 */
import * as assert from 'node:assert/strict';
import type { Diagnostic } from 'vscode-languageserver';
import { Notifications } from '../../server/src/protocol';
import { gatedArticles } from '../support/gatedArticles';
import { lspWorkspaceEachTest } from '../support/lspHarness';
import { waitFor } from '../support/workspace';

const S003 = 'seeds/003_0e5bd4099b662286.txt';

describe('diagnostics while the corpus is being indexed', function () {
  this.timeout(60000);
  const w = lspWorkspaceEachTest();

  it('publishes the open article’s own diagnostics during the indexing, and the corpus-wide ones after it', async () => {
    const gate = gatedArticles(1);
    const l = await w.start(undefined, gate.fs);
    const indexed = () => l.notifications.some((n) => n.method === Notifications.indexed.method);
    const uri = await l.open(S003);
    await waitFor('an article waiting to be read', () => gate.waiting.length > 0);
    const during = await l.waitForDiagnostics(uri);
    assert.ok(!indexed(), 'published while the indexing was held');
    const text = (d: Diagnostic) => (typeof d.message === 'string' ? d.message : d.message.value);
    const messages = (ds: Diagnostic[]) => ds.map(text);
    // Its names, grouped within the article alone, and its dates resolved against its own date.
    assert.ok(messages(during).some((m) => /^Place: Laos \(10 mentions in this article; the corpus is still being indexed\)$/.test(m)), messages(during).join('\n'));
    assert.ok(messages(during).some((m) => /Person: Lương Tam Quang/.test(m)));
    assert.ok(during.some((d) => d.code === 'date.date' && /^Date: 2025-04-24\/2025-04-25 /.test(text(d))));
    const published = l.publishedInOrder.length;
    gate.open();
    await waitFor('the indexed notification', indexed);
    await waitFor('diagnostics again', () => l.publishedInOrder.slice(published).some((p) => p.uri === uri));
    const after = l.diagnostics(uri)!;
    // Now counted across the corpus.
    assert.ok(messages(after).some((m) => /^Place: Laos \(\d+ mentions in [2-9] articles\)$/.test(m)), messages(after).join('\n'));
    assert.equal(after.filter((d) => d.code === 'date.date').length, during.filter((d) => d.code === 'date.date').length);
  });
});
