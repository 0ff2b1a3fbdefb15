/** Runs a program (the bundled CLI, git) as a child process and collects its exit code and output. */
import { execFile } from 'node:child_process';
import * as path from 'node:path';
import { REPO_ROOT } from './workspace';

/** The bundled CLI, built by `npm run build` (npm test builds it before these tests run). */
export const BUNDLED_CLI = path.join(REPO_ROOT, 'dist/cli.js');

export interface ProcessRun {
  code: number;
  out: string;
  err: string;
}

export function runProcess(file: string, args: readonly string[], cwd: string): Promise<ProcessRun> {
  return new Promise((resolve) => {
    execFile(file, args, { cwd, timeout: 60000 }, (error, out, err) => {
      resolve({ code: error ? (typeof error.code === 'number' ? error.code : 1) : 0, out: String(out), err: String(err) });
    });
  });
}

/** `node dist/cli.js ARGS` in `cwd`. */
export function runBundledCli(args: readonly string[], cwd: string): Promise<ProcessRun> {
  return runProcess(process.execPath, [BUNDLED_CLI, ...args], cwd);
}

/** Runs git in `cwd()` (the folder a test made, known once its `before` ran); its output, or an error saying why not. */
export function gitIn(cwd: () => string): (...args: string[]) => Promise<string> {
  return async (...args) => {
    const r = await runProcess('git', args, cwd());
    if (r.code !== 0) throw new Error(`git ${args.join(' ')} failed (${r.code}): ${r.err}${r.out}`);
    return r.out;
  };
}

/** Makes the folder `git` runs in a repository on branch main, committing as a base analyst, without signing. */
export async function initAnalystRepo(git: (...args: string[]) => Promise<string>): Promise<void> {
  await git('init', '-q', '-b', 'main');
  await git('config', 'user.name', 'Base Analyst');
  await git('config', 'user.email', 'base@example.org');
  await git('config', 'commit.gpgsign', 'false');
}
