// Starts an isolated code-server on 127.0.0.1:<OS-chosen port> in its own
// process group, and builds workbench URLs (with the test payload) for it.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import { writeUserSettings } from './settings.mjs';

const LISTEN_RE = /HTTP server listening on (https?:\/\/[^\s/]+:(\d+))\//;

/**
 * Workbench URL opening `folder` (or the `.code-workspace` file `workspace`), optionally with a file open in it, an
 * extension under development and a test suite.
 * @param {string} baseUrl e.g. http://127.0.0.1:41234
 * @param {{ folder?: string, workspace?: string, openFile?: string, extensionDevelopmentPath?: string, extensionTestsPath?: string }} opts
 */
export function workbenchUrl(baseUrl, opts) {
  const authority = new URL(baseUrl).host;
  const remote = (p) => `vscode-remote://${authority}${path.resolve(p)}`;
  const payload = [];
  if (opts.extensionDevelopmentPath) payload.push(['extensionDevelopmentPath', remote(opts.extensionDevelopmentPath)]);
  if (opts.extensionTestsPath) payload.push(['extensionTestsPath', remote(opts.extensionTestsPath)]);
  if (opts.openFile) payload.push(['openFile', remote(opts.openFile)]);
  payload.push(['skipWelcome', 'true']);
  const where = opts.workspace ? `workspace=${encodeURIComponent(path.resolve(opts.workspace))}` : `folder=${encodeURIComponent(path.resolve(opts.folder ?? '.'))}`;
  return `${baseUrl}/?${where}&payload=${encodeURIComponent(JSON.stringify(payload))}`;
}

/**
 * @typedef {object} LaunchOptions
 * @property {string} entry code-server's out/node/entry.js
 * @property {string} runDir per-run folder (user data, extensions, XDG dirs, log)
 * @property {Record<string,string>} [env] extra environment (the extension host inherits it)
 * @property {Record<string, unknown>} [settings] extra user settings
 * @property {string[]} [extraArgs]
 * @property {(line: string) => void} [onLog] every line code-server prints
 * @property {number} [startTimeoutMs]
 */

/**
 * @param {LaunchOptions} opts
 * @returns {Promise<{ baseUrl: string, port: number, pid: number, logFile: string, exited: Promise<number|null>, stop: () => Promise<void> }>}
 */
export async function launchCodeServer(opts) {
  const runDir = path.resolve(opts.runDir);
  const dirs = {
    userData: path.join(runDir, 'user-data'),
    extensions: path.join(runDir, 'extensions'),
    xdgData: path.join(runDir, 'xdg', 'data'),
    xdgConfig: path.join(runDir, 'xdg', 'config'),
    xdgCache: path.join(runDir, 'xdg', 'cache'),
  };
  for (const d of Object.values(dirs)) fs.mkdirSync(d, { recursive: true });
  writeUserSettings(dirs.userData, opts.settings);
  const config = path.join(runDir, 'config.yaml');
  fs.writeFileSync(config, 'bind-addr: 127.0.0.1:0\nauth: none\ncert: false\n');
  const logFile = path.join(runDir, 'code-server.log');
  const logFd = fs.openSync(logFile, 'a');

  const args = [
    opts.entry, '--config', config, '--user-data-dir', dirs.userData, '--extensions-dir', dirs.extensions,
    '--bind-addr', '127.0.0.1:0', '--auth', 'none', '--disable-telemetry', '--disable-update-check',
    '--disable-workspace-trust', '--disable-getting-started-override', '--ignore-last-opened',
    ...(opts.extraArgs ?? []),
  ];
  const env = {
    ...process.env,
    EXTENSIONS_GALLERY: '{}',
    XDG_DATA_HOME: dirs.xdgData,
    XDG_CONFIG_HOME: dirs.xdgConfig,
    XDG_CACHE_HOME: dirs.xdgCache,
    ...(opts.env ?? {}),
  };
  // Our own npm/lifecycle variables mean nothing to the editor.
  for (const k of Object.keys(env)) if (/^npm_/i.test(k)) delete env[k];
  delete env.PASSWORD;
  delete env.HASHED_PASSWORD;
  delete env.VSCODE_IPC_HOOK_CLI;

  const child = spawn(process.execPath, args, { env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  const exited = new Promise((resolve) => child.on('exit', (code) => resolve(code)));
  let resolvePort;
  const portFound = new Promise((r) => { resolvePort = r; });
  let buf = '';
  const onData = (chunk) => {
    fs.writeSync(logFd, chunk);
    buf += chunk.toString();
    let nl;
    while ((nl = buf.indexOf('\n')) >= 0) {
      const line = buf.slice(0, nl);
      buf = buf.slice(nl + 1);
      opts.onLog?.(line);
      const m = LISTEN_RE.exec(line);
      if (m) resolvePort({ baseUrl: m[1], port: Number(m[2]) });
    }
  };
  child.stdout.on('data', onData);
  child.stderr.on('data', onData);

  let stopped = false;
  const killGroup = (signal) => { try { process.kill(-child.pid, signal); } catch { /* gone */ } };
  const onParentExit = () => killGroup('SIGKILL');
  process.on('exit', onParentExit);
  const stop = async () => {
    if (stopped) return;
    stopped = true;
    killGroup('SIGTERM');
    const done = await Promise.race([exited.then(() => true), delay(4000).then(() => false)]);
    // The extension host and other helpers share the group: make sure none outlive us.
    killGroup('SIGKILL');
    if (!done) await Promise.race([exited, delay(2000)]);
    process.removeListener('exit', onParentExit);
    try { fs.closeSync(logFd); } catch { /* closed */ }
  };

  const timeoutMs = opts.startTimeoutMs ?? 60_000;
  const started = await Promise.race([
    portFound,
    exited.then((code) => ({ error: `code-server exited with ${code} before listening` })),
    delay(timeoutMs).then(() => ({ error: `code-server did not listen within ${timeoutMs / 1000}s` })),
  ]);
  if ('error' in started) {
    await stop();
    throw new Error(`${started.error}; see ${logFile}:\n${fs.readFileSync(logFile, 'utf8').split('\n').slice(-20).join('\n')}`);
  }
  await waitHealthy(started.baseUrl, timeoutMs).catch(async (err) => { await stop(); throw err; });
  return { ...started, pid: child.pid, logFile, exited, stop };
}

async function waitHealthy(baseUrl, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      const res = await fetch(`${baseUrl}/healthz`, { signal: AbortSignal.timeout(2000) });
      if (res.ok) return;
    } catch { /* not yet */ }
    if (Date.now() > deadline) throw new Error(`${baseUrl}/healthz did not answer within ${timeoutMs / 1000}s`);
    await delay(200);
  }
}
