/** Runs test/stress/adversarialRun.ts in a child process with a capped heap and collects its results. */
import { spawn } from 'node:child_process';
import * as path from 'node:path';
import { REPO_ROOT } from '../support/workspace';
import type { AdversarialResult } from './adversarialRun';

export function runAdversarial(args: readonly string[], env: NodeJS.ProcessEnv = {}, heapMb = 300): Promise<AdversarialResult[]> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      ['--expose-gc', `--max-old-space-size=${heapMb}`, '--import', 'tsx', path.join(REPO_ROOT, 'test/stress/adversarialRun.ts'), ...args],
      { cwd: REPO_ROOT, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let out = '';
    let err = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (err += d));
    child.on('error', reject);
    child.on('close', (code, signal) => {
      const results = out.split('\n').filter(Boolean).map((l) => JSON.parse(l) as AdversarialResult);
      if (code !== 0) reject(new Error(`adversarial run exited ${code ?? signal} after ${results.map((r) => r.name).join(', ') || 'no input'}:\n${err.slice(-3000)}`));
      else resolve(results);
    });
  });
}

