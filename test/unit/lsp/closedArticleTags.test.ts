import * as assert from 'node:assert/strict';
import { pathToFileURL } from 'node:url';
import type { PublishDiagnosticsParams } from 'vscode-languageserver';
import type { AnchoredTag } from '../../../server/src/core/index';
import type { ServerContext } from '../../../server/src/lsp/context';
import { closedArticleTags } from '../../../server/src/lsp/features/closedArticleTags';
import { waitFor } from '../../support/workspace';

/**
 * The feature over a fake context: tagged articles by path, each with its text (an Error: its reading fails) and
 * whether its one tag is orphaned; `tagsChanged` calls what the feature registered.
 */
function closedTags(articles: Record<string, { text: string | Error; orphaned: boolean }>) {
  const sent: PublishDiagnosticsParams[] = [];
  const listeners: ((uris: readonly string[] | undefined) => void)[] = [];
  const ctx = {
    notify: { onTagsChanged: (l: (uris: readonly string[] | undefined) => void) => void listeners.push(l) },
    workspace: { ready: Promise.resolve(), uriOf: (file: string) => pathToFileURL(file).href, isInCorpus: () => true },
    tags: {
      taggedArticles: () => Object.keys(articles),
      anchoredTags: (file: string): AnchoredTag[] => {
        const tag = { id: `t-${file}`, tag: 'cooperation', start: 0, end: 4, quote: 'gone' } as unknown as AnchoredTag['tag'];
        return [articles[file].orphaned ? { tag, start: -1, end: -1, status: 'orphaned' } : { tag, start: 0, end: 4, status: 'anchored' }] as AnchoredTag[];
      },
    },
    texts: {
      textOf: async (file: string) => {
        const t = articles[file].text;
        if (t instanceof Error) throw t;
        return t;
      },
    },
    openDocument: () => undefined,
    connection: { sendDiagnostics: async (p: PublishDiagnosticsParams) => void sent.push(p), console: { error: () => undefined } },
  } as unknown as ServerContext;
  closedArticleTags.register(ctx);
  return { sent, tagsChanged: (uris?: string[]) => listeners.forEach((l) => l(uris)) };
}

describe('tag diagnostics of closed articles', () => {
  it('lists the articles after one whose text cannot be read', async () => {
    const denied = Object.assign(new Error('EACCES: permission denied'), { code: 'EACCES' });
    const { sent, tagsChanged } = closedTags({
      '/w/seeds/a.txt': { text: denied, orphaned: true },
      '/w/seeds/b.txt': { text: 'text of b', orphaned: true },
    });
    tagsChanged();
    const b = pathToFileURL('/w/seeds/b.txt').href;
    await waitFor('b’s orphan', () => sent.some((p) => p.uri === b && p.diagnostics.some((d) => d.code === 'tag.orphaned')), 2000);
    assert.deepEqual(sent.filter((p) => p.uri !== b).map((p) => p.diagnostics.length), [], 'nothing for the article that does not read');
  });
});
