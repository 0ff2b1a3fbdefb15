import * as assert from 'node:assert/strict';
import { promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { parse } from 'yaml';
import { IgnoreStore } from '../../../server/src/store/ignoreStore';

describe('ignore store (annotations/ignored.yaml on disk)', () => {
  let root: string;
  let store: IgnoreStore;
  const article = 'Title\n\nThe same paragraph printed again by the site.\n';

  beforeEach(async () => {
    root = await fs.mkdtemp(path.join(os.tmpdir(), 'ignore-store-'));
    store = new IgnoreStore(root, path.join(root, 'annotations'));
  });
  afterEach(() => fs.rm(root, { recursive: true, force: true }));

  it('adds entries one change at a time, without duplicates', async () => {
    const file = path.join(root, 'seeds', 'a.txt');
    const start = article.indexOf('The same');
    const results = await Promise.all([
      store.ignoreHere(file, article, start, article.length - 1),
      store.ignoreHere(file, article, start, article.length - 1),
      store.ignoreEverywhere('Share it', 'chrome'),
      store.ignoreEverywhere('SHARE IT!', 'chrome'),
    ]);
    assert.deepEqual(results, [true, false, true, false]);
    const yaml = parse(await fs.readFile(store.file, 'utf8'));
    assert.equal(yaml.here.length, 1);
    assert.equal(yaml.here[0].document, 'seeds/a.txt');
    assert.deepEqual(yaml.everywhere.map((e: { text: string }) => e.text), ['Share it']);
    assert.deepEqual((await fs.readdir(path.join(root, 'annotations'))).filter((n) => n.endsWith('.tmp')), [], 'no temporary files left');
  });

  it('never rewrites a file that does not parse', async () => {
    await fs.mkdir(path.dirname(store.file), { recursive: true });
    const broken = 'version: 1\nhere:\n  - document: [oops\n';
    await fs.writeFile(store.file, broken);
    await assert.rejects(store.ignoreEverywhere('Share it', 'chrome'), /ignored\.yaml has errors and was left untouched: line \d+/);
    assert.equal(await fs.readFile(store.file, 'utf8'), broken);
    assert.equal((await store.read()).ok, false);
  });
});
