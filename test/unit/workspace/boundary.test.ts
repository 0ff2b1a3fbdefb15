/**
 * The file system layer of the workspace boundary: the Node file system reads regular files only (never waits on a
 * FIFO, never reads /dev/zero), resolves links of paths that do not exist yet, and `confineToFolder` refuses every
 * path that leads out of the folder, as written or through a link.
 */
import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { nodeFileSystem } from '../../../server/src/node/nodeFileSystem';
import { confineToFolder, isWithin, leadsInside, relativeBelow } from '../../../server/src/workspace/boundary';
import fc from 'fast-check';
import { FileRefusedError } from '../../../server/src/workspace/fileSystem';

describe('workspace boundary (file system layer)', () => {
  let base: string;
  let root: string;
  let outside: string;
  beforeEach(async () => {
    base = await fs.realpath(await fs.mkdtemp(path.join(os.tmpdir(), 'corpus-boundary-')));
    root = path.join(base, 'w');
    outside = path.join(base, 'o');
    await fs.mkdir(path.join(root, 'annotations'), { recursive: true });
    await fs.mkdir(outside);
    await fs.writeFile(path.join(outside, 'secret.txt'), 'secret');
  });
  afterEach(() => fs.rm(base, { recursive: true, force: true }));

  it('reads regular files only: a FIFO, a device and a folder are refused at once; a size cap is honoured', async () => {
    execFileSync('mkfifo', [path.join(root, 'pipe.txt')]);
    await assert.rejects(nodeFileSystem.readText(path.join(root, 'pipe.txt')), (e: Error) => e instanceof FileRefusedError && /FIFO/.test(e.message));
    await assert.rejects(nodeFileSystem.readText('/dev/zero'), (e: Error) => e instanceof FileRefusedError && /device/.test(e.message));
    await assert.rejects(nodeFileSystem.readText(root), (e: Error) => e instanceof FileRefusedError && /folder/.test(e.message));
    await fs.writeFile(path.join(root, 'big.yaml'), 'x'.repeat(100));
    await assert.rejects(nodeFileSystem.readText(path.join(root, 'big.yaml'), { maxBytes: 99 }), FileRefusedError);
    assert.equal(await nodeFileSystem.readText(path.join(root, 'big.yaml'), { maxBytes: 100 }), 'x'.repeat(100));
    assert.equal(await nodeFileSystem.readText(path.join(root, 'missing.txt')), undefined);
    // Read whole, empty or large, multi-byte characters included.
    await fs.writeFile(path.join(root, 'empty.txt'), '');
    assert.equal(await nodeFileSystem.readText(path.join(root, 'empty.txt')), '');
    const large = 'Zürich — 東京 📰\n'.repeat(200_000);
    await fs.writeFile(path.join(root, 'large.txt'), large);
    assert.equal(await nodeFileSystem.readText(path.join(root, 'large.txt')), large);
  });

  it('resolves the links of paths that do not exist yet, dangling links included', async () => {
    await fs.symlink(outside, path.join(root, 'out'));
    assert.equal(await nodeFileSystem.realPath(path.join(root, 'out/new/x.yaml')), path.join(outside, 'new/x.yaml'));
    await fs.symlink(path.join(outside, 'nowhere'), path.join(root, 'dangling'));
    assert.equal(await nodeFileSystem.realPath(path.join(root, 'dangling/x.yaml')), path.join(outside, 'nowhere/x.yaml'));
    assert.equal(await leadsInside(nodeFileSystem, root, path.join(root, 'annotations/a/b.yaml')), true);
    assert.equal(await leadsInside(nodeFileSystem, root, path.join(root, 'dangling/x.yaml')), false);
  });

  it('confines a folder: nothing read, written, listed or locked outside it, as written or through a link', async () => {
    const confined = confineToFolder(nodeFileSystem, root, { annotationsDir: path.join(root, 'annotations'), maxAnalystFileBytes: 10, maxArticleBytes: 1000 });
    await fs.symlink(outside, path.join(root, 'out'));
    await fs.symlink(path.join(outside, 'secret.txt'), path.join(root, 'link.txt'));
    const refused = (e: Error) => e instanceof FileRefusedError && /outside the workspace folder/.test(e.message);
    await assert.rejects(confined.readText(path.join(root, 'link.txt')), refused);
    await assert.rejects(confined.readText(path.join(root, '../o/secret.txt')), refused);
    await assert.rejects(confined.writeAtomic(path.join(root, 'out/x.yaml'), 'x'), refused);
    await assert.rejects(confined.withLock(path.join(root, 'out/x.yaml'), async () => 1), refused);
    await assert.rejects(confined.remove(path.join(root, 'out/secret.txt')), refused);
    assert.deepEqual(await confined.listFiles(path.join(root, 'out'), () => true), []);
    assert.deepEqual(await fs.readdir(outside), ['secret.txt']);
    // Inside: written and read; an analyst file over its cap is refused.
    await confined.writeAtomic(path.join(root, 'annotations/a.yaml'), 'short');
    assert.equal(await confined.readText(path.join(root, 'annotations/a.yaml')), 'short');
    await confined.writeAtomic(path.join(root, 'annotations/b.yaml'), 'longer than ten');
    await assert.rejects(confined.readText(path.join(root, 'annotations/b.yaml')), FileRefusedError);
  });

  it("reads the listing's files once without resolving their links, yet never through a link made since", async () => {
    const resolved: string[] = [];
    const counting = { ...nodeFileSystem, realPath: (file: string) => (resolved.push(file), nodeFileSystem.realPath(file)) };
    const confined = confineToFolder(counting, root, { annotationsDir: path.join(root, 'annotations'), maxAnalystFileBytes: 10, maxArticleBytes: 1000 });
    const seeds = path.join(root, 'seeds');
    await fs.mkdir(path.join(seeds, 'sub'), { recursive: true });
    for (const name of ['a.txt', 'b.txt', 'fifo.txt', 'sub/c.txt']) await fs.writeFile(path.join(seeds, name), name);
    const listed = (await confined.listFiles(seeds, () => true)).sort();
    assert.deepEqual(listed.map((f) => path.relative(seeds, f)), ['a.txt', 'b.txt', 'fifo.txt', 'sub/c.txt']);
    resolved.length = 0;
    assert.equal(await confined.readText(path.join(seeds, 'a.txt')), 'a.txt');
    assert.deepEqual(resolved, []);
    // Read again: checked like any path.
    assert.equal(await confined.readText(path.join(seeds, 'a.txt')), 'a.txt');
    assert.deepEqual(resolved, [path.join(seeds, 'a.txt')]);
    // Replaced by a link out, or by a FIFO, after the listing: refused, never followed or waited on.
    const refused = (e: Error) => e instanceof FileRefusedError && /outside the workspace folder/.test(e.message);
    await fs.rm(path.join(seeds, 'b.txt'));
    await fs.symlink(path.join(outside, 'secret.txt'), path.join(seeds, 'b.txt'));
    await assert.rejects(confined.readText(path.join(seeds, 'b.txt')), refused);
    await fs.rm(path.join(seeds, 'fifo.txt'));
    execFileSync('mkfifo', [path.join(seeds, 'fifo.txt')]);
    await assert.rejects(confined.readText(path.join(seeds, 'fifo.txt')), (e: Error) => e instanceof FileRefusedError && /FIFO/.test(e.message));
    // A folder a watcher reports changed (here: now a link out) distrusts the listed files below it.
    await fs.rename(path.join(seeds, 'sub'), path.join(outside, 'sub'));
    await fs.symlink(path.join(outside, 'sub'), path.join(seeds, 'sub'));
    confined.distrust([path.join(seeds, 'sub')]);
    await assert.rejects(confined.readText(path.join(seeds, 'sub/c.txt')), refused);
  });
});

describe('paths below a folder', () => {
  it('says what path.relative says, for any pair of paths, plain or not', () => {
    const segment = fc.constantFrom('a', 'b', 'seeds', '.', '..', '', '.hidden', '..x', 'x.', 'Việt', 'a b');
    const pathOf = fc.array(segment, { maxLength: 5 }).map((parts) => `/${parts.join('/')}`);
    fc.assert(
      fc.property(pathOf, pathOf, fc.boolean(), (dir, rest, nested) => {
        const file = nested ? `${dir}${rest}` : rest;
        const rel = path.relative(dir, file);
        const inside = !rel.startsWith('..') && !path.isAbsolute(rel);
        assert.equal(isWithin(dir, file), inside, `${dir} ${file}`);
        assert.equal(relativeBelow(dir, file), rel && inside ? rel.split(path.sep).join('/') : undefined, `${dir} ${file}`);
      }),
      { numRuns: 5000 },
    );
  });
});
