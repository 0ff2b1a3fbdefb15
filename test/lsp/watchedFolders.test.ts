/**
 * Changes on disk that VS Code's watcher reports as a folder alone (issue 12, the flaky agreement suite). Its recursive
 * watcher (@parcel/watcher, inotify) watches a new folder only once it has seen it appear and never lists what it holds
 * by then: a sidecar written through `vscode.workspace.fs` into `annotations/seeds/`, made by that very write, is
 * reported as the folder `annotations/seeds` created, and its own creation never. A folder removed is reported alone,
 * without its files. The client here reports exactly that, through the globs the server registered, as VS Code
 * matches them: the server must still see the tags and articles appear and go.
 */
import * as assert from 'node:assert/strict';
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import picomatch from 'picomatch';
import { Requests, type ListTagsResult } from '../../server/src/protocol';
import { TimelineRequests, type TimelineResult } from '../../server/src/protocolTimeline';
import { lspWorkspaceEachTest, type LspHarness } from '../support/lspHarness';
import { waitFor } from '../support/workspace';

const S003 = 'seeds/003_0e5bd4099b662286.txt';
const CREATED = 1;
const DELETED = 3;
type Watcher = { globPattern: { baseUri: string; pattern: string }; kind?: number };

describe('changes on disk reported as a folder (VS Code’s watcher)', function () {
  this.timeout(60000);
  const w = lspWorkspaceEachTest();

  /** Starts the server with a client that watches files, and returns the watchers it was asked for. */
  async function start(): Promise<{ l: LspHarness; watchers: Watcher[] }> {
    const l = await w.start();
    await waitFor('indexing', () => l.notifications.some((n) => n.method === 'corpusAnnotator/indexed'));
    const reg = await waitFor('a watcher registration', () => l.registrations.find((r) => r.method === 'workspace/didChangeWatchedFiles'));
    return { l, watchers: (reg.registerOptions as { watchers: Watcher[] }).watchers };
  }

  /**
   * What VS Code sends for one path: a change only when a registered glob matches the path (relative to the folder)
   * and asks for that kind of change (Create 1, Change 2, Delete 4; all by default). Returns whether it was sent.
   */
  async function report(l: LspHarness, watchers: readonly Watcher[], relative: string, type: number): Promise<boolean> {
    const kind = type === CREATED ? 1 : type === DELETED ? 4 : 2;
    const matched = watchers.some((w) => ((w.kind ?? 7) & kind) !== 0 && picomatch(w.globPattern.pattern, { dot: true })(relative));
    if (matched) await l.client.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: l.uri(relative), type }] });
    return matched;
  }

  const tags = async (l: LspHarness) => ((await l.client.sendRequest(Requests.listTags.method, {})) as ListTagsResult).tags.map((t) => t.tag);
  const articles = async (l: LspHarness) => ((await l.client.sendRequest(TimelineRequests.timeline, {})) as TimelineResult).articles;

  it('reads a sidecar written into a new folder when only the folder is reported, and drops it when the folder goes', async () => {
    const { l, watchers } = await start();
    const text = await fs.readFile(path.join(w.root, S003), 'utf8');
    const quote = 'drug prevention';
    const at = text.indexOf(quote);
    await fs.mkdir(path.join(w.root, 'annotations/seeds'));
    await fs.writeFile(
      path.join(w.root, 'annotations/seeds/003_0e5bd4099b662286.yaml'),
      ['version: 1', `document: ${S003}`, 'tags:', '  - id: t1', '    tag: drugs', `    quote: ${quote}`, `    start: ${at}`, `    end: ${at + quote.length}`, ''].join('\n'),
    );
    // The watcher saw the folder appear; the file was written before it watched inside.
    assert.ok(await report(l, watchers, 'annotations/seeds', CREATED), 'the client is asked to report folders that appear');
    await waitFor('the tag of the new sidecar', async () => (await tags(l)).includes('drugs'));

    await fs.rm(path.join(w.root, 'annotations/seeds'), { recursive: true });
    assert.ok(await report(l, watchers, 'annotations/seeds', DELETED), 'and folders that go');
    await waitFor('no tags left', async () => (await tags(l)).length === 0);
  });

  it('reads the articles of a new folder of the corpus when only the folder is reported (a git pull)', async () => {
    const { l, watchers } = await start();
    const before = await articles(l);
    const seed = await fs.readFile(path.join(w.root, S003), 'utf8');
    await fs.mkdir(path.join(w.root, 'seeds/2026/05'), { recursive: true });
    for (const n of [1, 2]) await fs.writeFile(path.join(w.root, `seeds/2026/05/pulled_${n}.txt`), `Pulled article ${n}\n\n${seed}`);
    assert.ok(await report(l, watchers, 'seeds/2026', CREATED));
    await waitFor('the two pulled articles', async () => (await articles(l)) === before + 2);

    await fs.rm(path.join(w.root, 'seeds/2026'), { recursive: true });
    assert.ok(await report(l, watchers, 'seeds/2026', DELETED));
    await waitFor('the pulled articles gone', async () => (await articles(l)) === before);
  });
});
