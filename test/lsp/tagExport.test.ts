/**
 * Export Tags through the server (`corpusAnnotator/exportTags`): the same file as `corpus-annotator export` in the
 * folder, for both formats; bad params and an unknown folder are refused with a message.
 */
import * as assert from 'node:assert/strict';
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { runCli } from '../support/cli';
import { Requests, ServerCommands, type ExportTagsResult } from '../../server/src/protocol';
import { lspWorkspaceEachTest } from '../support/lspHarness';
import { waitFor } from '../support/workspace';

describe('Export Tags through the server', function () {
  this.timeout(60000);
  const w = lspWorkspaceEachTest();

  it('gives the file the CLI exports, in CSV and in Web Annotation JSON-LD, orphans counted', async () => {
    const lsp = await w.start();
    await waitFor('indexing', () => lsp.notifications.some((n) => n.method === 'corpusAnnotator/indexed'));
    const names = (await fs.readdir(path.join(w.root, 'seeds'))).filter((n) => n.endsWith('.txt')).sort();
    /** Tags the first 24 characters of the article's first line of 40 or more after its title; returns the line. */
    const tag = async (name: string, tagName: string, note?: string) => {
      const text = await fs.readFile(path.join(w.root, 'seeds', name), 'utf8');
      const line = text.split('\n').findIndex((l, i) => i > 1 && l.length >= 40);
      const uri = await lsp.open(`seeds/${name}`);
      await lsp.client.sendRequest('workspace/executeCommand', {
        command: ServerCommands.addTag,
        arguments: [{ uri, range: { start: { line, character: 0 }, end: { line, character: 24 } }, tag: tagName, ...(note ? { note } : {}) }],
      });
      return { uri, line };
    };
    await tag(names[0], 'cooperation', 'a note, with "quotes"');
    await tag(names[1], 'defence');
    const orphaned = await tag(names[2], 'training');
    // The third article's tagged line is rewritten on disk: its tag is exported as an orphan.
    const file = path.join(w.root, 'seeds', names[2]);
    const lines = (await fs.readFile(file, 'utf8')).split('\n');
    lines[orphaned.line] = 'Completely different words stand here now, none of the old ones.';
    await lsp.client.sendNotification('textDocument/didClose', { textDocument: { uri: orphaned.uri } });
    await fs.writeFile(file, lines.join('\n'));
    await lsp.client.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: pathToFileURL(file).href, type: 2 }] });

    for (const format of ['csv', 'wadm'] as const) {
      const result = (await lsp.client.sendRequest(Requests.exportTags.method, { format })) as ExportTagsResult;
      const cli = await runCli(['export', '--format', format], w.root);
      assert.equal(cli.code, 0, cli.err);
      assert.equal(result.content, cli.out, `${format}: the CLI's file`);
      assert.equal(result.count, 3);
      assert.equal(result.orphaned, 1);
      assert.equal(result.folderUri, pathToFileURL(w.root).href);
    }
    const csv = ((await lsp.client.sendRequest(Requests.exportTags.method, { format: 'csv', folderUri: pathToFileURL(w.root).href })) as ExportTagsResult).content;
    assert.match(csv.split('\r\n')[0], /^id,tag,path,start,end,quote,status,note,author,created/);
    assert.ok(csv.includes('"a note, with ""quotes"""'), 'RFC 4180 quoting');
  });

  it('refuses a missing or unknown format, and a folder outside the workspace, with a message', async () => {
    const lsp = await w.start();
    await assert.rejects(lsp.client.sendRequest(Requests.exportTags.method, {}), /`format` is required/);
    await assert.rejects(lsp.client.sendRequest(Requests.exportTags.method, { format: 'xlsx' }), /`format` must be one of csv, wadm/);
    await assert.rejects(lsp.client.sendRequest(Requests.exportTags.method, { format: 'csv', folderUri: pathToFileURL(path.dirname(w.root)).href }), /is not a folder of this workspace/);
  });
});
