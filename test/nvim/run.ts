/**
 * The Neovim layer of `npm test`: runs the README's Neovim config in a headless Neovim (Debian's 0.7.2 in CI) against
 * a copy of the seeds corpus, with the bundled server (dist/server.js), and the checks of check.lua.
 *
 * Prints `neovim: N passed, N failed[, N skipped]`. Without `nvim`, it installs Debian's `neovim` when run as root
 * (as the code-server layer installs Chromium); otherwise CI (CI=true) fails loudly and a developer's run says how to
 * install it and counts the checks as skipped, never as passed.
 */

/** `nvim --version`, after installing Debian's neovim as root when it is missing. */
function nvimVersion() {
  const version = spawnSync('nvim', ['--version'], { encoding: 'utf8' });
  if (!version.error && version.status === 0) return version;
  try {
    ensureSystemPackages({ wanted: ['neovim'] });
  } catch (e) {
    console.log((e as Error).message);
    return version;
  }
  return spawnSync('nvim', ['--version'], { encoding: 'utf8' });
}
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { ensureSystemPackages } from '../../scripts/code-server/index.mjs';
import { makeTempWorkspace, removeTempWorkspace, REPO_ROOT } from '../support/workspace';

const CHECK = path.join(REPO_ROOT, 'test/nvim/check.lua');
const SERVER = path.join(REPO_ROOT, 'dist/server.js');
const TIMEOUT_MS = 120_000;
const MARKER = '<!-- neovim-config:';

function summary(passed: number, failed: number, skipped = 0): void {
  console.log(`neovim: ${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
}

/** The Lua block that follows the marker in the README: the config users copy. */
export function readmeConfig(readme: string): string {
  const at = readme.indexOf(MARKER);
  if (at < 0) throw new Error(`README.md has no ${MARKER} …--> marker before the Neovim config`);
  const m = /```lua\n([\s\S]*?)\n```/.exec(readme.slice(at));
  if (!m) throw new Error('README.md has no ```lua block after the Neovim config marker');
  return `${m[1]}\n`;
}

async function main(): Promise<number> {
  const checks = ((await fs.readFile(CHECK, 'utf8')).match(/\bcheck\('/g) ?? []).length;
  const version = nvimVersion();
  if (version.error || version.status !== 0) {
    if (process.env.CI) {
      console.error('✖ nvim is not installed, and CI must run the Neovim check: install Debian’s `neovim` (.ci/run does).');
      summary(0, 1);
      return 1;
    }
    console.log('nvim is not installed, so the Neovim check is skipped (not passed).');
    console.log('To run it: `sudo apt-get install -y neovim` (Debian’s 0.7.2 is what CI uses), then `npm test` again.');
    summary(0, 0, checks);
    return 0;
  }
  const v = /NVIM v(\d+)\.(\d+)\.(\d+)/.exec(version.stdout);
  console.log(`nvim: ${v ? v[0] : version.stdout.split('\n')[0]}`);
  if (v && (Number(v[1]) === 0 && Number(v[2]) < 7)) {
    console.error('✖ Neovim 0.7 or later is needed (vim.keymap, nvim_create_user_command).');
    summary(0, 1);
    return 1;
  }
  if (!existsSync(SERVER)) {
    console.error('✖ dist/server.js is missing: run `npm run build` first (npm test does).');
    summary(0, 1);
    return 1;
  }

  const root = await makeTempWorkspace();
  const home = await fs.mkdtemp(path.join(os.tmpdir(), 'corpus-nvim-'));
  try {
    const config = path.join(home, 'corpus_annotator.lua');
    await fs.writeFile(config, readmeConfig(await fs.readFile(path.join(REPO_ROOT, 'README.md'), 'utf8')));
    const env = {
      ...process.env,
      CORPUS_CHECK_ROOT: root,
      CORPUS_CHECK_CONFIG: config,
      CORPUS_ANNOTATOR_SERVER: SERVER,
      XDG_CONFIG_HOME: path.join(home, 'config'),
      XDG_DATA_HOME: path.join(home, 'data'),
      XDG_STATE_HOME: path.join(home, 'state'),
      XDG_CACHE_HOME: path.join(home, 'cache'),
    };
    const child = spawn('nvim', ['--headless', '--clean', '-n', '-c', `luafile ${CHECK}`], { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    let passed = 0;
    let failed = 0;
    child.stdout.on('data', (d: Buffer) => {
      stdout += d.toString();
      const lines = stdout.split('\n');
      stdout = lines.pop() ?? '';
      for (const line of lines) {
        if (line.startsWith('ok - ')) passed++;
        else if (line.startsWith('not ok - ')) failed++;
        else if (/^nvim: \d+ passed/.test(line)) continue; // check.lua's own count; ours follows
        console.log(`  ${line}`);
      }
    });
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const timer = setTimeout(() => child.kill('SIGKILL'), TIMEOUT_MS);
    const code = await new Promise<number>((resolve) => child.on('close', (c) => resolve(c ?? 1)));
    clearTimeout(timer);
    if (code !== 0 || failed) {
      if (code !== 0 && !failed) failed = 1;
      console.error(`✖ Neovim exited with ${code}${stderr.trim() ? `; its messages:\n${stderr.trim()}` : ''}`);
    }
    if (!passed && !failed) failed = 1;
    summary(passed, failed);
    return failed ? 1 : 0;
  } finally {
    await removeTempWorkspace(root);
    await fs.rm(home, { recursive: true, force: true });
  }
}

main().then(
  (code) => process.exit(code),
  (e) => {
    console.error(`✖ the Neovim check could not run: ${(e as Error).stack ?? e}`);
    summary(0, 1);
    process.exit(1);
  },
);
