// Runs the bundled suite under @vscode/test-electron's downloaded VS Code, in its
// own process group so a time-out can end it and everything it started.
import { downloadAndUnzipVSCode } from '@vscode/test-electron';
import { spawn } from 'child_process';
import * as path from 'path';
import { findOnPath } from './hostChoice';
import { readResultFile } from './runCodeServer';
import { parseResultLine, suiteEnv, type SuiteCounts, type SuiteOutcome, type SuiteRun } from './types';

/** Downloads (or finds in .vscode-test/) the newest stable VS Code; throws when it cannot. */
export async function ensureElectronVSCode(root: string): Promise<string> {
  return downloadAndUnzipVSCode({ cachePath: path.join(root, '.vscode-test'), version: 'stable', timeout: 15_000 });
}

export async function runInElectron(run: SuiteRun, executable: string): Promise<SuiteOutcome> {
  const args = [
    run.workspace,
    '--no-sandbox',
    '--disable-gpu-sandbox',
    '--disable-updates',
    '--skip-welcome',
    '--skip-release-notes',
    '--disable-workspace-trust',
    '--disable-extensions',
    `--user-data-dir=${path.join(run.runDir, 'user-data')}`,
    `--extensions-dir=${path.join(run.runDir, 'extensions')}`,
    `--extensionDevelopmentPath=${run.root}`,
    `--extensionTestsPath=${run.suiteIndex}`,
  ];
  const headless = process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY;
  const xvfb = headless ? findOnPath('xvfb-run') : undefined;
  const [cmd, argv] = xvfb ? [xvfb, ['-a', executable, ...args]] : [executable, args];
  const env: NodeJS.ProcessEnv = { ...process.env, ...suiteEnv(run) };
  delete env.ELECTRON_RUN_AS_NODE;

  let counts: SuiteCounts | undefined;
  const child = spawn(cmd, argv, { env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  const onLine = (line: string): void => {
    counts = parseResultLine(line) ?? counts;
    run.log(line);
  };
  for (const stream of [child.stdout, child.stderr]) {
    let buf = '';
    stream.on('data', (d: Buffer) => {
      buf += d.toString();
      const lines = buf.split('\n');
      buf = lines.pop() ?? '';
      lines.forEach(onLine);
    });
    stream.on('end', () => buf && onLine(buf));
  }
  const killGroup = (signal: NodeJS.Signals): void => {
    try {
      process.kill(-(child.pid ?? 0), signal);
    } catch {
      /* gone */
    }
  };
  const onExit = (): void => killGroup('SIGKILL');
  process.on('exit', onExit);
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    killGroup('SIGTERM');
    setTimeout(() => killGroup('SIGKILL'), 4000).unref();
  }, run.timeoutMs);
  const code = await new Promise<number>((resolve) => {
    child.on('error', (err) => {
      run.log(`[electron] ${err.message}`);
      resolve(1);
    });
    child.on('close', (c) => resolve(c ?? 1));
  });
  clearTimeout(timer);
  killGroup('SIGKILL');
  process.removeListener('exit', onExit);
  counts = readResultFile(run.resultFile) ?? counts;
  if (timedOut) {
    return { host: 'electron', exitCode: 1, counts, reason: `timed out after ${Math.round(run.timeoutMs / 1000)}s` };
  }
  return { host: 'electron', exitCode: code, counts };
}
