import * as assert from 'node:assert/strict';
import { promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { quietWorker } from '../../../server/src/node/workerOutput';

describe('quietWorker', () => {
  it("sends what a worker thread prints to the process's standard error, not its standard output", async () => {
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'worker-output-'));
    const file = path.join(dir, 'printing.js');
    await fs.writeFile(file, "console.log('printed by the worker');\n");
    const seen = { stdout: '', stderr: '' };
    const out = process.stdout.write.bind(process.stdout);
    const err = process.stderr.write.bind(process.stderr);
    process.stdout.write = ((chunk: string | Uint8Array, ...rest: never[]) => {
      if (String(chunk).includes('printed by the worker')) seen.stdout += String(chunk);
      return out(chunk, ...rest);
    }) as typeof process.stdout.write;
    process.stderr.write = ((chunk: string | Uint8Array, ...rest: never[]) => {
      if (String(chunk).includes('printed by the worker')) {
        seen.stderr += String(chunk);
        return true;
      }
      return err(chunk, ...rest);
    }) as typeof process.stderr.write;
    try {
      const worker = quietWorker(file);
      await new Promise<void>((resolve, reject) => {
        worker.once('error', reject);
        worker.once('exit', () => resolve());
      });
      // The worker's output is piped: it may reach the stream just after the worker ends.
      for (let i = 0; i < 50 && !seen.stderr; i++) await new Promise((r) => setImmediate(r));
    } finally {
      process.stdout.write = out;
      process.stderr.write = err;
      await fs.rm(dir, { recursive: true, force: true });
    }
    assert.equal(seen.stdout, '');
    assert.equal(seen.stderr, 'printed by the worker\n');
  });
});
