// Checks (and, as root, installs) the Debian packages that code-server and the
// headless browser need: chromium, ripgrep, and the native-build toolchain.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';

export const CHROMIUM_PATH = '/usr/bin/chromium';

function onPath(cmd) {
  return spawnSync('sh', ['-c', `command -v ${cmd}`], { stdio: 'ignore' }).status === 0;
}

/** Finds the ripgrep binary, or undefined. */
export function findRipgrep() {
  const r = spawnSync('sh', ['-c', 'command -v rg'], { encoding: 'utf8' });
  const p = r.status === 0 ? r.stdout.trim() : '';
  return p && fs.existsSync(p) ? fs.realpathSync(p) : undefined;
}

/** Debian package name -> predicate telling whether it is present. */
const CHECKS = {
  chromium: () => fs.existsSync(CHROMIUM_PATH),
  ripgrep: () => findRipgrep() !== undefined,
  'libkrb5-dev': () => fs.existsSync('/usr/include/gssapi/gssapi.h') && onPath('krb5-config'),
  make: () => onPath('make'),
  'g++': () => onPath('g++'),
  python3: () => onPath('python3'),
  // Not for code-server: the Neovim layer of npm test asks for it.
  neovim: () => onPath('nvim'),
};

/** What code-server and the headless browser need (the default of the functions below). */
const CODE_SERVER_PACKAGES = ['chromium', 'ripgrep', 'libkrb5-dev', 'make', 'g++', 'python3'];

/** @param {string[]} wanted Debian package names from CHECKS */
export function missingPackages(wanted = CODE_SERVER_PACKAGES) {
  return wanted.filter((name) => !CHECKS[name]());
}

/**
 * Makes sure the Debian packages are present. As root it apt-get installs the
 * missing ones; otherwise it throws with the command to run.
 * @param {{ wanted?: string[], log?: (s: string) => void }} [opts]
 */
export function ensureSystemPackages(opts = {}) {
  const log = opts.log ?? ((s) => console.log(s));
  const missing = missingPackages(opts.wanted);
  if (missing.length === 0) return;
  // Without recommends, Chromium comes without fonts: add them so screenshots show text.
  if (missing.includes('chromium')) missing.push('fonts-liberation');
  const cmd = `apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y ${missing.join(' ')}`;
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  if (!isRoot || !onPath('apt-get')) {
    throw new Error(`missing system packages: ${missing.join(', ')}. Install them with:\n  sudo ${cmd}`);
  }
  log(`[deps] installing Debian packages: ${missing.join(' ')}`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  const r = spawnSync('sh', ['-c', cmd], { stdio: ['ignore', 'inherit', 'inherit'], env });
  if (r.status !== 0) throw new Error(`apt-get failed (exit ${r.status}): ${cmd}`);
  const still = missingPackages(missing.filter((n) => n in CHECKS));
  if (still.length) throw new Error(`still missing after apt-get: ${still.join(', ')}`);
}
