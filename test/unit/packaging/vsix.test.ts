/**
 * The VSIX holds what the packaged extension runs: `.vscodeignore` is an allowlist, so a bundle the server starts as a
 * worker thread and that is not listed is left out of the package, and the packaged server silently does without it
 * (dist/analysisWorker.js was: the packaged server analysed every article on its own thread).
 */
import * as assert from 'node:assert/strict';
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import picomatch from 'picomatch';
import { REPO_ROOT } from '../../support/workspace';

/** The files that `.vscodeignore` lets into the package, as matchers (its `!` lines; everything else is excluded by `**`). */
async function packagedMatchers(): Promise<((file: string) => boolean)[]> {
  const lines = (await fs.readFile(path.join(REPO_ROOT, '.vscodeignore'), 'utf8')).split('\n').map((l) => l.trim());
  assert.ok(lines.includes('**'), '.vscodeignore excludes everything but what it lists');
  return lines.filter((l) => l.startsWith('!')).map((l) => picomatch(l.slice(1)));
}

/** Every `<name>.js` bundle the server's and CLI's sources start from beside themselves (`path.join(__dirname, '…js')`). */
async function bundlesStarted(): Promise<string[]> {
  const found = new Set<string>();
  const walk = async (dir: string): Promise<void> => {
    for (const entry of await fs.readdir(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) await walk(full);
      else if (entry.name.endsWith('.ts')) for (const m of (await fs.readFile(full, 'utf8')).matchAll(/path\.join\(__dirname, '([\w.-]+\.js)'\)/g)) found.add(m[1]);
    }
  };
  await walk(path.join(REPO_ROOT, 'server/src'));
  return [...found].sort();
}

describe('the VSIX', () => {
  it('holds every worker bundle the server starts, beside the server', async () => {
    const bundles = await bundlesStarted();
    assert.deepEqual(bundles, ['analysisWorker.js', 'clusteringWorker.js', 'readerWorker.js']);
    const packaged = await packagedMatchers();
    for (const file of ['dist/server.js', 'dist/client.js', 'dist/cli.js', 'dist/ner-model.bin', ...bundles.map((b) => `dist/${b}`)]) {
      assert.ok(packaged.some((m) => m(file)), `${file} is listed in .vscodeignore`);
    }
  });
});
