// Makes sure node_modules matches package-lock.json before anything else runs:
// `npm ci` when node_modules is missing or stale (`npm install` when there is no lock).
// Plain Node ESM without dependencies: it runs before anything is installed.
//   node scripts/ensure-deps.mjs [--check]   (--check: only report, exit 1 when stale)
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const LOCK = path.join(ROOT, 'package-lock.json');
const MODULES = path.join(ROOT, 'node_modules');
const STAMP = path.join(MODULES, '.corpus-annotator-lock-hash');
const NPM_HIDDEN_LOCK = path.join(MODULES, '.package-lock.json');

function hashOf(file) {
  return createHash('sha256').update(fs.readFileSync(file)).digest('hex');
}

function readJson(file) {
  try { return JSON.parse(fs.readFileSync(file, 'utf8')); } catch { return undefined; }
}

/**
 * Without our stamp (a tree installed by hand), compare the lock with npm's own record of
 * what is installed (node_modules/.package-lock.json) instead of reinstalling blindly.
 */
function installedMatchesLock() {
  const lock = readJson(LOCK);
  const installed = readJson(NPM_HIDDEN_LOCK);
  if (!lock?.packages || !installed?.packages) return false;
  for (const [key, want] of Object.entries(lock.packages)) {
    if (key === '' || !key.startsWith('node_modules/')) continue;
    const have = installed.packages[key];
    if (!have) {
      if (want.optional) continue; // other platforms' binaries
      return false;
    }
    if (have.version !== want.version) return false;
    if (!fs.existsSync(path.join(ROOT, key))) return false;
  }
  return true;
}

/** @returns {{ fresh: boolean, why: string }} */
function status() {
  if (!fs.existsSync(MODULES)) return { fresh: false, why: 'node_modules is missing' };
  if (!fs.existsSync(LOCK)) {
    return fs.existsSync(NPM_HIDDEN_LOCK)
      ? { fresh: true, why: 'no package-lock.json; node_modules present' }
      : { fresh: false, why: 'no package-lock.json and node_modules looks incomplete' };
  }
  const hash = hashOf(LOCK);
  const stamp = fs.existsSync(STAMP) ? fs.readFileSync(STAMP, 'utf8').trim() : '';
  if (stamp === hash) return { fresh: true, why: 'matches package-lock.json' };
  if (installedMatchesLock()) {
    fs.writeFileSync(STAMP, `${hash}\n`);
    return { fresh: true, why: 'installed packages match package-lock.json' };
  }
  return { fresh: false, why: stamp ? 'package-lock.json changed since the last install' : 'node_modules differs from package-lock.json' };
}

function npm(args) {
  console.log(`[deps] npm ${args.join(' ')}`);
  const env = { ...process.env };
  // When run from `npm start`/`npm test`, do not let the outer script's variables steer this npm.
  for (const k of Object.keys(env)) if (/^npm_(package_|lifecycle_|command$)/i.test(k)) delete env[k];
  const r = spawnSync('npm', args, { cwd: ROOT, stdio: 'inherit', env, shell: process.platform === 'win32' });
  return r.status === 0;
}

function main() {
  const t0 = Date.now();
  const s = status();
  if (s.fresh) return 0;
  console.log(`[deps] ${s.why}`);
  if (process.argv.includes('--check')) return 1;
  const quiet = ['--no-audit', '--no-fund'];
  let ok;
  if (fs.existsSync(LOCK)) {
    ok = npm(['ci', ...quiet]);
    if (!ok) {
      console.log('[deps] npm ci failed (package.json and package-lock.json out of sync?); trying npm install');
      ok = npm(['install', ...quiet]);
    }
  } else {
    ok = npm(['install', ...quiet]);
  }
  if (!ok) {
    console.error('[deps] installing dependencies failed');
    return 1;
  }
  if (fs.existsSync(LOCK)) fs.writeFileSync(STAMP, `${hashOf(LOCK)}\n`);
  console.log(`[deps] dependencies installed in ${((Date.now() - t0) / 1000).toFixed(1)}s`);
  return 0;
}

process.exitCode = main();
