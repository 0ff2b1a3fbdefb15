/**
 * The bundled CLI as analysts and scripts run it: `node dist/cli.js …` (built by `npm test` before this layer runs).
 * Several `tag` processes writing one sidecar at once lose nothing; exit codes are those the usage text promises.
 */
import * as assert from 'node:assert/strict';
import { existsSync, promises as fs } from 'node:fs';
import * as path from 'node:path';
import { parseSidecar } from '../../server/src/core/index';
import { makeTempWorkspace, removeTempWorkspace } from '../support/workspace';
import { collectionProblems } from '../support/webAnnotationModel';
import { BUNDLED_CLI, runBundledCli } from '../support/processes';

const CLI = BUNDLED_CLI;
const ARTICLE = 'seeds/003_0e5bd4099b662286.txt';
const SIDECAR = 'annotations/seeds/003_0e5bd4099b662286.yaml';

const cli = runBundledCli;

describe('bundled CLI processes', function () {
  this.timeout(120000);
  let root: string;

  before(function () {
    if (!existsSync(CLI)) throw new Error('dist/cli.js is missing: run `npm run build` first (npm test does)');
  });
  beforeEach(async () => {
    root = await makeTempWorkspace();
  });
  afterEach(async () => {
    await removeTempWorkspace(root);
  });

  it('several tag processes writing the same sidecar at once lose nothing', async () => {
    const WRITERS = 8;
    const text = await fs.readFile(path.join(root, ARTICLE), 'utf8');
    // Each writer tags its own passage of the same article; half by offsets, half by --match of a unique phrase.
    const runs = await Promise.all(
      Array.from({ length: WRITERS }, (_, i) => {
        const start = 40 + i * 50;
        const args =
          i % 2 === 0
            ? ['tag', '--tag', `writer-${i}`, '--author', `w${i}`, '--file', ARTICLE, '--start', String(start), '--end', String(start + 20)]
            : ['tag', '--tag', `writer-${i}`, '--author', `w${i}`, '--match', text.slice(start, start + 20), ARTICLE];
        return cli(args, root);
      }),
    );
    runs.forEach((r, i) => assert.equal(r.code, 0, `writer ${i}: ${r.err}`));
    const parsed = parseSidecar(await fs.readFile(path.join(root, SIDECAR), 'utf8'), ARTICLE);
    assert.ok(parsed.ok, 'the sidecar parses');
    const labels = parsed.sidecar.tags.map((t) => t.tag).sort();
    assert.deepEqual(labels, Array.from({ length: WRITERS }, (_, i) => `writer-${i}`).sort(), 'every writer’s tag is there, once');
    for (const t of parsed.sidecar.tags) assert.equal(text.slice(t.start, t.end), t.quote);
    const leftovers = (await fs.readdir(path.join(root, 'annotations/seeds'))).filter((n) => n.startsWith('.'));
    assert.deepEqual(leftovers, [], 'no lock or temporary file left behind');
  });

  it('exit codes: 0 success, 1 a broken sidecar (left byte-identical), 2 bad arguments; export and check from the bundle', async () => {
    assert.equal((await cli(['tag', '--tag', 'x', '--file', ARTICLE, '--start', '0', '--end', '9'], root)).code, 0);
    const bad = await cli(['tag', '--tag', 'x', '--file', ARTICLE, '--start', '9'], root);
    assert.equal(bad.code, 2);
    assert.match(bad.err, /needs --end N/);

    const exported = await cli(['export', '--format', 'wadm'], root);
    assert.equal(exported.code, 0, exported.err);
    assert.deepEqual(collectionProblems(JSON.parse(exported.out)), []);
    assert.equal((await cli(['check'], root)).code, 0);

    const broken = 'version: 1\ntags: [\n';
    await fs.writeFile(path.join(root, SIDECAR), broken);
    const failed = await cli(['tag', '--tag', 'y', '--file', ARTICLE, '--start', '20', '--end', '29'], root);
    assert.equal(failed.code, 1);
    assert.match(failed.err, new RegExp(`${SIDECAR}:\\d+: `));
    assert.equal(await fs.readFile(path.join(root, SIDECAR), 'utf8'), broken);
    const checked = await cli(['check'], root);
    assert.equal(checked.code, 1);
    assert.match(checked.out, new RegExp(`^${SIDECAR}:\\d+: `));
  });
});
