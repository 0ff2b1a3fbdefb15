/** The server's own watcher (for clients that watch nothing): folders only, wanted files only, bursts coalesced. */
import * as assert from 'node:assert/strict';
import { promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { FolderWatcher } from '../../../server/src/node/folderWatcher';
import type { FileChange } from '../../../server/src/workspace/corpusFolder';
import type { WatchSpec } from '../../../server/src/workspace/folderWatcher';
import { waitFor } from '../../support/workspace';

describe('folder watcher', function () {
  this.timeout(20000);
  let root: string;
  let watcher: FolderWatcher | undefined;
  let calls: FileChange[][];
  const seen = () => new Map(calls.flat().map((c) => [path.relative(root, c.file).split(path.sep).join('/'), c.deleted]));

  beforeEach(async () => {
    root = await fs.mkdtemp(path.join(os.tmpdir(), 'corpus-watch-'));
    for (const d of ['seeds', 'annotations', 'node_modules/pkg']) await fs.mkdir(path.join(root, d), { recursive: true });
    await fs.writeFile(path.join(root, 'seeds/old.txt'), 'old');
    calls = [];
    const spec: WatchSpec = {
      root,
      enters: (rel) => rel === '' || rel === 'seeds' || rel.startsWith('seeds/') || rel === 'annotations' || rel.startsWith('annotations/'),
      wants: (rel) => (rel.startsWith('seeds/') && rel.endsWith('.txt')) || (rel.startsWith('annotations/') && rel.endsWith('.yaml')),
    };
    watcher = new FolderWatcher([spec], (changes) => calls.push(changes), (m) => assert.fail(m), { quietMs: 60, maxWaitMs: 3000 });
    await watcher.ready;
  });
  afterEach(async () => {
    watcher?.dispose();
    await fs.rm(root, { recursive: true, force: true });
  });

  it('reports a burst of files, in new folders too, as one or a few lists, and nothing it was not asked for', async () => {
    const writes: Promise<void>[] = [];
    for (let i = 0; i < 200; i++) writes.push(fs.writeFile(path.join(root, `seeds/a${i}.txt`), `article ${i}`));
    await fs.mkdir(path.join(root, 'seeds/2026/05'), { recursive: true });
    for (let i = 0; i < 20; i++) writes.push(fs.writeFile(path.join(root, `seeds/2026/05/b${i}.txt`), `article ${i}`));
    writes.push(fs.writeFile(path.join(root, 'annotations/entities.yaml'), 'entities: []\n'));
    writes.push(fs.writeFile(path.join(root, 'seeds/notes.md'), 'not an article'));
    writes.push(fs.writeFile(path.join(root, 'node_modules/pkg/x.txt'), 'not watched'));
    await Promise.all(writes);
    await waitFor('every file', () => seen().size >= 221);
    // A last file written after the burst: once it is reported, anything the burst could still cause has been too.
    await fs.writeFile(path.join(root, 'seeds/zz-barrier.txt'), 'barrier');
    await waitFor('the barrier file', () => seen().has('seeds/zz-barrier.txt'));
    calls = calls.map((list) => list.filter((c) => !c.file.endsWith('zz-barrier.txt'))).filter((list) => list.length > 0);
    const s = seen();
    assert.equal(s.size, 221, [...s.keys()].filter((k) => !/^seeds\/(2026\/05\/)?[ab]\d+\.txt$/.test(k)).join(', '));
    assert.ok([...s.values()].every((deleted) => !deleted));
    assert.ok(s.has('seeds/2026/05/b19.txt') && s.has('annotations/entities.yaml'));
    assert.ok(calls.length <= 4, `coalesced into ${calls.length} lists`);
  });

  it('reports changed and deleted files, and every file of a folder that goes away', async () => {
    await fs.mkdir(path.join(root, 'seeds/sub'));
    await fs.writeFile(path.join(root, 'seeds/sub/c.txt'), 'c');
    await waitFor('the new folder', () => seen().get('seeds/sub/c.txt') === false);
    calls = [];
    await fs.writeFile(path.join(root, 'seeds/old.txt'), 'changed');
    await fs.rm(path.join(root, 'seeds/sub'), { recursive: true });
    await waitFor('the change and the removal', () => seen().get('seeds/old.txt') === false && seen().get('seeds/sub/c.txt') === true);
    calls = [];
    await fs.rm(path.join(root, 'seeds/old.txt'));
    await waitFor('the deletion', () => seen().get('seeds/old.txt') === true);
    watcher!.dispose();
    calls = [];
    // A second watcher of the same folder is the barrier: once it reports the write, the disposed one would have too.
    const barrier: FileChange[][] = [];
    const spec: WatchSpec = { root, enters: (rel) => rel === '' || rel === 'seeds', wants: (rel) => rel.startsWith('seeds/') && rel.endsWith('.txt') };
    const second = new FolderWatcher([spec], (changes) => barrier.push(changes), (m) => assert.fail(m), { quietMs: 60, maxWaitMs: 3000 });
    try {
      await second.ready;
      await fs.writeFile(path.join(root, 'seeds/after.txt'), 'x');
      await waitFor('the write seen by the second watcher', () => barrier.flat().some((c) => c.file.endsWith('after.txt')));
    } finally {
      second.dispose();
    }
    assert.deepEqual(calls, [], 'nothing after dispose');
  });
});
