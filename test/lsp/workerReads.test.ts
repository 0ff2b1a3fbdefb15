/**
 * The bundled file-reading worker (dist/readerWorker.js, built by `npm test`) reads what the server's own reader reads
 * and refuses what it refuses, with the same errors; reads go on (on the server's thread) if the worker stops.
 */
import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { Worker } from 'node:worker_threads';
import { FileRefusedError, type ReadOptions } from '../../server/src/workspace/fileSystem';
import { readTextFile } from '../../server/src/node/textFileReading';
import { workerReads } from '../../server/src/node/workerReads';
import type { ReadAnswer, ReadRequest } from '../../server/src/node/readerMessages';
import { REPO_ROOT } from '../support/workspace';

const BUNDLE = path.join(REPO_ROOT, 'dist/readerWorker.js');

/** What a read gives: its text, nothing, or its error's kind, code and message. */
async function outcome(read: (file: string, options?: ReadOptions) => Promise<string | undefined>, file: string, options?: ReadOptions) {
  try {
    return { text: await read(file, options) };
  } catch (e) {
    const err = e as NodeJS.ErrnoException;
    return { refused: e instanceof FileRefusedError, code: err.code, message: err.message };
  }
}

describe('reading files in a worker thread', function () {
  this.timeout(60_000);
  let dir: string;
  beforeEach(async () => {
    if (!existsSync(BUNDLE)) throw new Error('dist/readerWorker.js is missing: run `npm run build` first (npm test does)');
    dir = await fs.mkdtemp(path.join(os.tmpdir(), 'worker-reads-'));
  });
  afterEach(() => fs.rm(dir, { recursive: true, force: true }));

  it('gives what the server’s own reader gives: texts, nothing, and the same refusals and errors', async () => {
    const article = path.join(dir, 'article.txt');
    await fs.writeFile(article, 'Việt Nam and Laos’ Ministry of Public Security.\n'.repeat(200));
    await fs.writeFile(path.join(dir, 'empty.txt'), '');
    await fs.mkdir(path.join(dir, 'folder.txt'));
    await fs.symlink(article, path.join(dir, 'link.txt'));
    execFileSync('mkfifo', [path.join(dir, 'fifo.txt')]);
    const cases: [string, ReadOptions | undefined][] = [
      ['article.txt', undefined],
      ['article.txt', { maxBytes: 100 }],
      ['empty.txt', undefined],
      ['missing.txt', undefined],
      ['folder.txt', undefined],
      ['fifo.txt', undefined],
      ['link.txt', undefined],
      ['link.txt', { noFollow: true }],
    ];
    const read = workerReads(readTextFile, BUNDLE)!;
    assert.ok(read, 'the bundle is there');
    // All at once, as an indexing asks: one message to the worker.
    const got = await Promise.all(cases.map(([name, options]) => outcome(read, path.join(dir, name), options)));
    const expected = await Promise.all(cases.map(([name, options]) => outcome(readTextFile, path.join(dir, name), options)));
    assert.deepEqual(got, expected);
    assert.equal(got[0].text?.length, 48 * 200);
    assert.deepEqual([got[1].refused, got[4].refused, got[5].refused], [true, true, true]);
    assert.equal(got[3].text, undefined);
    assert.equal(got[7].code, 'ELOOP');
  });

  it('answers a large batch of reads a group at a time, in the order asked, as they are read', async () => {
    const names = Array.from({ length: 130 }, (_, i) => `article-${i}.txt`);
    for (const [i, name] of names.entries()) await fs.writeFile(path.join(dir, name), `Article ${i}.`);
    const thread = new Worker(path.join(__dirname, '../support/readerWorkerSource.cjs'));
    try {
      const groups: ReadAnswer[][] = [];
      const answered = new Promise<void>((resolve, reject) => {
        thread.on('error', reject);
        thread.on('message', (answers: ReadAnswer[]) => {
          groups.push(answers);
          if (groups.flat().length === names.length) resolve();
        });
      });
      thread.postMessage(names.map((name, i) => ({ id: i + 1, file: path.join(dir, name) })) satisfies ReadRequest[]);
      await answered;
      assert.deepEqual(groups.map((g) => g.length), [64, 64, 2]);
      assert.deepEqual(groups.flat(), names.map((_, i) => ({ id: i + 1, text: `Article ${i}.` })));
    } finally {
      await thread.terminate();
    }
  });

  it('reads on the server’s thread when the worker stops', async () => {
    const article = path.join(dir, 'article.txt');
    await fs.writeFile(article, 'An article.');
    const broken = path.join(dir, 'readerWorker.js');
    await fs.writeFile(broken, 'process.exit(3);');
    const read = workerReads(readTextFile, broken)!;
    assert.deepEqual(await Promise.all([read(article), read(article)]), ['An article.', 'An article.']);
    assert.equal(await read(article), 'An article.');
  });
});
