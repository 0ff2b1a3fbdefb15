/**
 * Changes on disk made while the workspace opened, before any watcher ran (issue 12: "a `git pull` must be picked
 * up"). The server lists the folder, then asks the client to watch it; until the client has answered, and the watcher
 * runs, nothing reports what is written. Here the client answers late, on purpose, after files were added, changed,
 * removed and tagged: the server must still see all of it once the watcher runs, with no report from the client.
 */
import * as assert from 'node:assert/strict';
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { nodeFileSystem } from '../../server/src/node/nodeFileSystem';
import { Requests, type ListTagsResult } from '../../server/src/protocol';
import type { WorkspaceFileSystem } from '../../server/src/workspace/fileSystem';
import { TimelineRequests, type TimelineResult } from '../../server/src/protocolTimeline';
import { lspWorkspaceEachTest, type LspHarness } from '../support/lspHarness';
import { waitFor } from '../support/workspace';

const S003 = 'seeds/003_0e5bd4099b662286.txt';
const S004 = 'seeds/004_f85d18add8346542.txt';
const S001 = 'seeds/001_1f87558668262b9a.txt';

describe('changes made while the workspace opened', function () {
  this.timeout(60000);
  const w = lspWorkspaceEachTest();

  const timeline = async (l: LspHarness) => (await l.client.sendRequest(TimelineRequests.timeline, {})) as TimelineResult;
  const tags = async (l: LspHarness) => ((await l.client.sendRequest(Requests.listTags.method, {})) as ListTagsResult).tags.map((t) => t.tag);

  it('reads what was added, changed, removed and tagged before the client’s watchers ran', async () => {
    const { root } = w;
    let openGate!: () => void;
    const gate = new Promise<void>((resolve) => (openGate = resolve));
    // An article last written an hour before the listing, and the articles read once the client watches: the catch-up
    // reads only what changed (the copies made for the test are as new as the listing, within its slack for clocks).
    const anHourAgo = new Date(Date.now() - 3_600_000);
    await fs.utimes(path.join(root, S001), anHourAgo, anHourAgo);
    let watching = false;
    const readOnceWatching: string[] = [];
    const countingFs: WorkspaceFileSystem = {
      ...nodeFileSystem,
      readText(file, options) {
        if (watching) readOnceWatching.push(file);
        return nodeFileSystem.readText(file, options);
      },
    };
    const l = await w.start(undefined, countingFs, { registrationGate: gate });
    await l.indexed();
    await waitFor('the watcher registration asked for', () => l.registrations.some((r) => r.method === 'workspace/didChangeWatchedFiles'));
    const before = await timeline(l);
    assert.ok(!before.items.some((i) => i.value.startsWith('2031')), 'no 2031 date yet');

    // Written after the listing and after indexing, while the client has not started watching.
    const seed = await fs.readFile(path.join(root, S003), 'utf8');
    await fs.writeFile(path.join(root, 'seeds/late_arrival.txt'), seed.replace('April 25 highly', 'April 25 warmly'));
    await fs.appendFile(path.join(root, S003), '\nThe two ministries will meet again on 14 March 2031 in Hà Nội.\n');
    await fs.rm(path.join(root, S004));
    const quote = 'drug prevention';
    const at = seed.indexOf(quote);
    await fs.mkdir(path.join(root, 'annotations/seeds'));
    await fs.writeFile(
      path.join(root, 'annotations/seeds/003_0e5bd4099b662286.yaml'),
      ['version: 1', `document: ${S003}`, 'tags:', '  - id: t1', '    tag: late-tag', `    quote: ${quote}`, `    start: ${at}`, `    end: ${at + quote.length}`, ''].join('\n'),
    );
    watching = true;
    openGate();
    const after = await waitFor('the new date of the changed article', async () => {
      const t = await timeline(l);
      return t.items.some((i) => i.value === '2031-03-14' && i.uri === l.uri(S003)) ? t : undefined;
    });
    assert.equal(after.articles, before.articles, 'one article added, one removed');
    assert.ok(after.items.some((i) => i.uri === l.uri('seeds/late_arrival.txt')), 'the new article is in the corpus');
    assert.ok(!after.items.some((i) => i.uri === l.uri(S004)), 'the removed article is gone');
    await waitFor('the tag of the sidecar written meanwhile', async () => (await tags(l)).includes('late-tag'));
    assert.ok(!readOnceWatching.includes(path.join(root, S001)), 'an article unchanged since the listing is not read again');
  });

  it('reads an article written between the listing and the start of the server’s own watcher (a client that cannot watch)', async () => {
    const { root } = w;
    const late = path.join(root, 'seeds/late_arrival.txt');
    const seed = await fs.readFile(path.join(root, S003), 'utf8');
    let written = false;
    // Writes the article just after the folder's first listing returns: the listing did not see it, and the server's
    // watcher, which starts after the listing, finds the folder as it is then and reports nothing.
    const fsWithLateWrite: WorkspaceFileSystem = {
      ...nodeFileSystem,
      async listFiles(dir, enter) {
        const files = await nodeFileSystem.listFiles(dir, enter);
        if (!written && path.basename(dir) === 'seeds') {
          written = true;
          await fs.writeFile(late, seed.replace('April 25 highly', 'on 14 March 2031 highly'));
        }
        return files;
      },
    };
    const l = await w.start(undefined, fsWithLateWrite, { watch: 'server' });
    await l.indexed();
    assert.ok(written);
    await waitFor('the article written after the listing', async () => (await timeline(l)).items.some((i) => i.uri === l.uri('seeds/late_arrival.txt')));
  });
});
