/** The bundled CLI reads the articles to analyse from standard input with `--files-from -` (built by `npm test`). */
import * as assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { BUNDLED_CLI } from '../support/processes';
import { REPO_ROOT, seedNames } from '../support/workspace';

function runWithInput(args: readonly string[], input: string): Promise<{ code: number | null; out: string; err: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BUNDLED_CLI, ...args], { cwd: REPO_ROOT, stdio: ['pipe', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (err += d));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, out, err }));
    child.stdin.end(input);
  });
}

describe('bundled CLI: analyze --files-from -', function () {
  this.timeout(60_000);
  it('analyses the articles listed on standard input, as listed', async () => {
    if (!existsSync(BUNDLED_CLI)) throw new Error('dist/cli.js is missing: run `npm run build` first (npm test does)');
    const names = (await seedNames()).map((n) => `seeds/${n}`);
    const listed = [names[2], names[1]];
    const r = await runWithInput(['analyze', '--format', 'jsonl', '--files-from', '-'], listed.join('\n') + '\n');
    assert.equal(r.code, 0, r.err);
    assert.deepEqual(r.out.trim().split('\n').map((l) => JSON.parse(l).path), listed);
  });
});
