// Installs code-server (VS Code's server build, from the npm registry) offline
// into .vscode-test/code-server-<version>/, doing by hand what its failing
// postinstall script would do. Idempotent: skipped when the marker exists.
//
//   node scripts/code-server/install.mjs [--force]
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { CODE_SERVER_VERSION, codeServerLayout } from './paths.mjs';
import { ensureSystemPackages, findRipgrep } from './system-deps.mjs';
import { withLock } from './lock.mjs';

const NATIVE_MODULES = ['kerberos', '@vscode/spdlog', 'native-watchdog', 'node-pty', '@vscode/deviceid'];

/** Env for child npm calls: drop what an outer `npm run` put there about our project. */
function npmEnv() {
  const env = { ...process.env };
  for (const key of Object.keys(env)) {
    if (/^npm_(package_|lifecycle_|command$|config_local_prefix$)/i.test(key)) delete env[key];
  }
  return env;
}

/** Runs a command, appending its output to the install log. Resolves to the exit code. */
function run(cmd, args, cwd, logFile) {
  fs.appendFileSync(logFile, `\n$ (cd ${cwd} && ${cmd} ${args.join(' ')})\n`);
  const out = fs.openSync(logFile, 'a');
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { cwd, env: npmEnv(), stdio: ['ignore', out, out] });
    child.on('error', reject);
    child.on('close', (code) => { fs.closeSync(out); resolve(code ?? 1); });
  });
}

function tail(file, lines = 40) {
  try { return fs.readFileSync(file, 'utf8').split('\n').slice(-lines).join('\n'); } catch { return ''; }
}

function findNodeFiles(dir) {
  const found = [];
  const walk = (d) => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, e.name);
      if (e.isDirectory() && e.name !== 'node_modules') walk(p);
      else if (e.isFile() && e.name.endsWith('.node')) found.push(p);
    }
  };
  if (fs.existsSync(dir)) walk(dir);
  return found;
}

function symlinkFresh(target, linkPath) {
  fs.rmSync(linkPath, { recursive: true, force: true });
  fs.symlinkSync(target, linkPath);
}

/** True when a completed install is in place. */
export function isCodeServerInstalled(layout = codeServerLayout()) {
  return fs.existsSync(layout.marker) && fs.existsSync(layout.entry);
}

/**
 * Makes sure code-server is installed; returns its layout (entry.js path etc).
 * @param {{ force?: boolean, log?: (s: string) => void }} [opts]
 */
export async function ensureCodeServer(opts = {}) {
  const layout = codeServerLayout();
  const log = opts.log ?? ((s) => console.log(s));
  if (!opts.force && isCodeServerInstalled(layout)) return layout;
  ensureSystemPackages({ log });
  fs.mkdirSync(path.dirname(layout.installDir), { recursive: true });
  await withLock(`${layout.installDir}.lock`, log, async () => {
    if (!opts.force && isCodeServerInstalled(layout)) return; // another process finished it
    await installFresh(layout, log);
  });
  return layout;
}

async function installFresh(layout, log) {
  const t0 = Date.now();
  const since = () => `${((Date.now() - t0) / 1000).toFixed(0)}s`;
  const major = Number(process.versions.node.split('.')[0]);
  if (major !== 20) log(`[code-server] warning: code-server ${CODE_SERVER_VERSION} supports Node 20; this is Node ${process.versions.node}`);
  log(`[code-server] installing ${CODE_SERVER_VERSION} into ${layout.installDir} (about 320 MB, a few minutes; log: ${layout.log})`);
  fs.rmSync(layout.installDir, { recursive: true, force: true });
  fs.mkdirSync(layout.installDir, { recursive: true });
  fs.writeFileSync(path.join(layout.installDir, 'package.json'),
    JSON.stringify({ name: 'code-server-cache', private: true, description: 'test host cache, not part of the project' }, null, 2));
  const L = layout.log;
  fs.writeFileSync(L, `code-server ${CODE_SERVER_VERSION} install, ${new Date().toISOString()}\n`);

  const step = async (label, cmd, args, cwd, { mustSucceed = true } = {}) => {
    log(`[code-server] ${since()} ${label} ...`);
    const code = await run(cmd, args, cwd, L);
    if (code !== 0 && mustSucceed) {
      throw new Error(`[code-server] step failed (exit ${code}): ${label}\n--- tail of ${L} ---\n${tail(L)}`);
    }
    return code;
  };
  const quiet = ['--no-audit', '--no-fund', '--loglevel=error'];

  await step(`npm install --ignore-scripts code-server@${CODE_SERVER_VERSION}`, 'npm',
    ['install', '--ignore-scripts', ...quiet, `code-server@${CODE_SERVER_VERSION}`], layout.installDir);
  await step('npm rebuild argon2 (native)', 'npm', ['rebuild', 'argon2', ...quiet], layout.installDir);
  requireNative(layout.installDir, 'argon2');

  await step('VS Code server dependencies (npm install --omit=dev --ignore-scripts)', 'npm',
    ['install', '--omit=dev', '--ignore-scripts', ...quiet], layout.vscode);
  // node-pty's post-install fails on an `npx node-gyp` call after pty.node is built:
  // judge by the .node files, not by npm's exit code.
  await step(`npm rebuild ${NATIVE_MODULES.join(' ')} (native, slowest step)`, 'npm',
    ['rebuild', ...NATIVE_MODULES, ...quiet], layout.vscode, { mustSucceed: false });
  const missing = NATIVE_MODULES.filter((m) => findNodeFiles(path.join(layout.vscode, 'node_modules', m)).length === 0);
  if (missing.length) {
    throw new Error(`[code-server] native modules not built: ${missing.join(', ')}\n--- tail of ${L} ---\n${tail(L)}`);
  }

  log(`[code-server] ${since()} copying ripgrep, linking node_modules.asar and CLI helpers`);
  installRipgrep(layout.vscode);
  symlinkFresh('node_modules', path.join(layout.vscode, 'node_modules.asar'));
  linkIfPresent(path.join(layout.vscode, 'bin', 'remote-cli'), 'code-linux.sh', 'code-server');
  linkIfPresent(path.join(layout.vscode, 'bin', 'helpers'), 'browser-linux.sh', 'browser.sh');

  await step('built-in extensions dependencies (npm install --omit=dev --ignore-scripts)', 'npm',
    ['install', '--omit=dev', '--ignore-scripts', ...quiet], layout.builtinExtensions);

  // --version still writes a default config and log folder: keep them inside the install folder.
  const xdg = path.join(layout.installDir, '.xdg');
  const v = spawnSync(process.execPath, [layout.entry, '--version'], {
    encoding: 'utf8',
    env: { ...process.env, XDG_CONFIG_HOME: path.join(xdg, 'config'), XDG_DATA_HOME: path.join(xdg, 'data') },
  });
  if (v.status !== 0 || !v.stdout.includes(CODE_SERVER_VERSION)) {
    throw new Error(`[code-server] check failed: entry.js --version gave exit ${v.status}: ${v.stdout}${v.stderr}`);
  }
  fs.writeFileSync(layout.marker, JSON.stringify({ version: CODE_SERVER_VERSION, node: process.version, at: new Date().toISOString() }) + '\n');
  const versionLine = v.stdout.split('\n').find((l) => l.startsWith(CODE_SERVER_VERSION)) ?? CODE_SERVER_VERSION;
  log(`[code-server] ${since()} done: code-server ${versionLine.trim()}`);
}

function requireNative(dir, name) {
  const r = spawnSync(process.execPath, ['-e', `require(${JSON.stringify(name)})`], { cwd: dir, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`[code-server] ${name} does not load after rebuild:\n${r.stderr}`);
}

function installRipgrep(vscodeDir) {
  const rg = findRipgrep();
  if (!rg) throw new Error('[code-server] ripgrep (rg) not found: apt-get install ripgrep');
  const binDir = path.join(vscodeDir, 'node_modules', '@vscode', 'ripgrep', 'bin');
  fs.mkdirSync(binDir, { recursive: true });
  fs.copyFileSync(rg, path.join(binDir, 'rg'));
  fs.chmodSync(path.join(binDir, 'rg'), 0o755);
}

function linkIfPresent(dir, target, name) {
  if (fs.existsSync(path.join(dir, target))) symlinkFresh(target, path.join(dir, name));
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const t0 = Date.now();
  ensureCodeServer({ force: process.argv.includes('--force') }).then(
    (layout) => console.log(`[code-server] ready: ${layout.entry} (${((Date.now() - t0) / 1000).toFixed(1)}s)`),
    (err) => { console.error(err instanceof Error ? err.message : err); process.exit(1); },
  );
}
