// Which real VS Code runs the suite: test-electron where VS Code can be had
// (already downloaded, or its update server answers), code-server otherwise.
import * as fs from 'fs';
import * as path from 'path';
import type { TestHost } from './types';

const UPDATE_SERVER = 'https://update.code.visualstudio.com/api/releases/stable';

export interface HostChoice {
  host: TestHost;
  why: string;
}

function downloadedVSCode(root: string): string | undefined {
  const cache = path.join(root, '.vscode-test');
  if (!fs.existsSync(cache)) return undefined;
  return fs.readdirSync(cache).find((d) => /^vscode-/.test(d) && fs.statSync(path.join(cache, d)).isDirectory());
}

async function updateServerAnswers(timeoutMs: number): Promise<boolean> {
  try {
    const res = await fetch(UPDATE_SERVER, { method: 'HEAD', signal: AbortSignal.timeout(timeoutMs) });
    return res.status < 500;
  } catch {
    return false;
  }
}

/** Electron needs a display on Linux; without one (and without xvfb-run) it cannot start. */
export function electronCanShow(): boolean {
  if (process.platform !== 'linux' || process.env.DISPLAY || process.env.WAYLAND_DISPLAY) return true;
  return findOnPath('xvfb-run') !== undefined;
}

export function findOnPath(cmd: string): string | undefined {
  for (const dir of (process.env.PATH ?? '').split(path.delimiter)) {
    const p = path.join(dir, cmd);
    if (dir && fs.existsSync(p)) return p;
  }
  return undefined;
}

export async function chooseHost(root: string, env: NodeJS.ProcessEnv = process.env): Promise<HostChoice> {
  const forced = env.CORPUS_TEST_HOST;
  if (forced) {
    if (forced !== 'electron' && forced !== 'code-server') {
      throw new Error(`CORPUS_TEST_HOST must be "electron" or "code-server", not "${forced}"`);
    }
    return { host: forced, why: 'CORPUS_TEST_HOST' };
  }
  if (!electronCanShow()) return { host: 'code-server', why: 'no display and no xvfb-run for Electron' };
  const cached = downloadedVSCode(root);
  if (cached) return { host: 'electron', why: `VS Code already downloaded (.vscode-test/${cached})` };
  if (await updateServerAnswers(3000)) return { host: 'electron', why: 'VS Code update server reachable' };
  return { host: 'code-server', why: 'VS Code cannot be downloaded here' };
}
