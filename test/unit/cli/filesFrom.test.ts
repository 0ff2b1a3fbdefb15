import * as assert from 'node:assert/strict';
import { promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { parseArgs, UsageError } from '../../../server/src/cli/args';
import { runCli } from '../../support/cli';
import { REPO_ROOT, seedNames } from '../../support/workspace';

describe('CLI analyze --files-from', () => {
  let dir: string;
  before(async () => {
    dir = await fs.mkdtemp(path.join(os.tmpdir(), 'files-from-'));
  });
  after(async () => {
    await fs.rm(dir, { recursive: true, force: true });
  });

  it('takes a file or - and needs no PATH then', () => {
    assert.deepEqual(parseArgs(['analyze', '--files-from', 'list.txt']), { command: 'analyze', format: 'text', paths: [], filesFrom: 'list.txt' });
    assert.deepEqual(parseArgs(['analyze', '--format', 'jsonl', '--files-from', '-', 'a.txt']), { command: 'analyze', format: 'jsonl', paths: ['a.txt'], filesFrom: '-' });
    assert.throws(() => parseArgs(['analyze', '--files-from']), UsageError);
    assert.throws(() => parseArgs(['analyze', '--files-from=']), UsageError);
    assert.throws(() => parseArgs(['timeline', '--files-from', 'list.txt', 'seeds']), UsageError);
  });

  it('analyses the articles listed, in the order listed, each exactly as a run naming them would', async () => {
    const names = (await seedNames()).map((n) => `seeds/${n}`);
    const listed = [names[3], names[0], names[4]];
    const list = path.join(dir, 'list.txt');
    await fs.writeFile(list, `${listed[0]}\r\n\n  ${listed[1]}  \n${listed[2]}`);
    const fromFile = await runCli(['analyze', '--format', 'jsonl', '--files-from', list], REPO_ROOT);
    assert.equal(fromFile.code, 0, fromFile.err);
    const docs = fromFile.out.trim().split('\n').map((l) => JSON.parse(l));
    assert.deepEqual(docs.map((d) => d.path), listed);
    const named = await runCli(['analyze', '--format', 'jsonl', ...names], REPO_ROOT);
    const byPath = new Map(named.out.trim().split('\n').map((l) => [JSON.parse(l).path, l]));
    assert.deepEqual(fromFile.out.trim().split('\n'), listed.map((p) => byPath.get(p)));
    // Listed and named together: each once.
    const both = await runCli(['analyze', '--format', 'jsonl', '--files-from', list, names[0], names[1]], REPO_ROOT);
    assert.deepEqual(both.out.trim().split('\n').map((l) => JSON.parse(l).path), [names[0], names[1], listed[0], listed[2]]);
  });

  it('says which list it cannot read, and which listed article is missing (exit 2)', async () => {
    const none = await runCli(['analyze', '--files-from', path.join(dir, 'no-such-list.txt')], REPO_ROOT);
    assert.equal(none.code, 2);
    assert.match(none.err, /Cannot read the list of articles/);
    const list = path.join(dir, 'bad.txt');
    await fs.writeFile(list, 'seeds/no-such-article.txt\n');
    const missing = await runCli(['analyze', '--files-from', list], REPO_ROOT);
    assert.equal(missing.code, 2);
    assert.match(missing.err, /Cannot read 'seeds\/no-such-article.txt'/);
  });
});
