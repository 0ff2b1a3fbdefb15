// Throw-away workspaces: a copy of the project's seeds/ plus an empty annotations/,
// so runs never write into the repository's own annotations.
import fs from 'node:fs';
import path from 'node:path';

/**
 * @param {string} root project root (holds seeds/)
 * @param {string} [base] parent folder; defaults to <root>/.vscode-test/workspaces
 * @returns {string} the new workspace folder
 */
export function createSeedWorkspace(root, base = path.join(root, '.vscode-test', 'workspaces')) {
  fs.mkdirSync(base, { recursive: true });
  const stamp = new Date().toISOString().replace(/[:.]/g, '-');
  const dir = fs.mkdtempSync(path.join(base, `ws-${stamp}-`));
  const seeds = path.join(root, 'seeds');
  if (!fs.existsSync(seeds)) throw new Error(`no seeds/ folder in ${root}`);
  fs.cpSync(seeds, path.join(dir, 'seeds'), { recursive: true });
  fs.mkdirSync(path.join(dir, 'annotations'));
  return dir;
}

/** @param {string} dir */
export function removeQuietly(dir) {
  try { fs.rmSync(dir, { recursive: true, force: true }); } catch { /* best effort */ }
}

/** Removes entries of base named prefix* older than maxAgeMs (leftovers kept after failed runs). */
export function pruneOld(base, prefix, maxAgeMs = 24 * 3600_000) {
  if (!fs.existsSync(base)) return;
  const now = Date.now();
  for (const name of fs.readdirSync(base)) {
    const p = path.join(base, name);
    if (name.startsWith(prefix) && now - fs.statSync(p).mtimeMs > maxAgeMs) removeQuietly(p);
  }
}
