// `node scripts/screenshot-registry-conflict.mjs [--out docs/screens]`: a merge conflict in the entity registry, as a
// new user meets it, in code-server + headless Chromium. Two analysts give the registry's Vientiane a different new
// name on two git branches; the branches are merged into main with the merge driver (`setup-git`), which keeps a
// conflict entry in `annotations/entities.yaml`. Then in VS Code: the warning in the Problems panel, Enter opens the
// registry at the conflict, Ctrl+. offers Keep ours / Keep theirs / Keep both; Keep both is picked (the notification
// offers Undo), then Ctrl+Z brings the conflict entry back. Saves a screenshot after each step and prints the
// registry at each stage. Needs `npm run build` first.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { PROJECT_ROOT } from './code-server/paths.mjs';
import { exitWith, runScreenshotSession } from './code-server/screenshotSession.mjs';
import { openCorpusWorkbench, openFile, screenshotter } from './code-server/workbench.mjs';

const VIEWPORT = { width: 1280, height: 800 };
const ARTICLE = 'seeds/003_0e5bd4099b662286.txt';
const REGISTRY = 'annotations/entities.yaml';
const CLI = path.join(PROJECT_ROOT, 'dist/cli.js');

const argValue = (name, fallback) => {
  const i = process.argv.indexOf(name);
  return i >= 0 && process.argv[i + 1] ? process.argv[i + 1] : fallback;
};
const log = (s) => console.log(`[registry-conflict] ${s}`);

const BASE = `# Team registry: one entry per entity; reviewed by the lead analyst.
entities:
  - id: vientiane
    canonical: Vientiane
    type: LOCATION
    aliases: [Viêng Chăn]
notEntities:
  - Share it
`;

function prepareRepository(ws) {
  const git = (...args) => execFileSync('git', args, { cwd: ws, encoding: 'utf8' });
  const file = path.join(ws, REGISTRY);
  const alias = (name) => fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replace('aliases: [Viêng Chăn]', `aliases: [Viêng Chăn, ${name}]`));
  git('init', '-q', '-b', 'main');
  git('config', 'user.name', 'Lead Analyst');
  git('config', 'user.email', 'lead@example.org');
  git('config', 'commit.gpgsign', 'false');
  log(execFileSync(process.execPath, [CLI, 'setup-git'], { cwd: ws, encoding: 'utf8' }).trim());
  fs.writeFileSync(file, BASE);
  git('add', '.');
  git('commit', '-q', '-m', 'corpus');
  git('checkout', '-q', '-b', 'analyst-a');
  alias('Vientiane Capital');
  git('commit', '-q', '-am', 'Ana: another name of Vientiane');
  git('checkout', '-q', 'main');
  git('checkout', '-q', '-b', 'analyst-b');
  alias('Viangchan');
  git('commit', '-q', '-am', 'Bo: another name of Vientiane');
  git('checkout', '-q', 'main');
  log(`git merge analyst-a: ${git('merge', '--no-edit', 'analyst-a').trim().split('\n')[0]}`);
  log(`git merge analyst-b: ${git('merge', '--no-edit', 'analyst-b').trim().split('\n').join(' | ')}`);
  log(`git status after the merges: ${git('status', '--short').trim() || '(clean)'}`);
}

/** Waits until the file's text satisfies `ok` (it is written by the language server). */
async function waitForFile(file, ok, timeoutMs = 20_000) {
  const until = Date.now() + timeoutMs;
  while (!ok(fs.readFileSync(file, 'utf8'))) {
    if (Date.now() > until) throw new Error(`${file} did not change as expected`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

const outDir = path.resolve(PROJECT_ROOT, argValue('--out', 'docs/screens'));

exitWith(
  runScreenshotSession(
    {
      name: 'registry-conflict',
      viewport: VIEWPORT,
      prepare: (ws) => {
        prepareRepository(ws);
        log(`merged registry:\n${fs.readFileSync(path.join(ws, REGISTRY), 'utf8')}`);
        fs.mkdirSync(outDir, { recursive: true });
      },
    },
    async ({ page, server, workspace }) => {
      const registry = path.join(workspace, REGISTRY);
      const shot = screenshotter(page, outDir, log, PROJECT_ROOT);
      await openCorpusWorkbench(page, server, workspace, PROJECT_ROOT);
      await openFile(page, ARTICLE);

      // The conflict kept in the registry: a warning in the Problems panel; Enter opens the registry at it.
      await page.keyboard.press('Control+Shift+M');
      const marker = page.locator('.markers-panel .monaco-list-row', { hasText: 'Merge conflict on entities vientiane' }).first();
      await marker.waitFor({ timeout: 60_000 });
      await marker.click();
      await shot('registry-conflict-1-warning.png');
      await page.keyboard.press('Enter');
      await page.locator(`.tabs-container .tab.active[aria-label^="entities.yaml"]`).first().waitFor({ timeout: 20_000 });
      await page.locator('.editor-instance .monaco-editor .view-lines', { hasText: 'conflicts:' }).first().waitFor({ timeout: 20_000 });

      // Ctrl+. on it: Keep ours / Keep theirs / Keep both.
      await page.keyboard.press('Control+.');
      const rows = page.locator('.action-widget .monaco-list-row.action');
      await page.locator('.action-widget .monaco-list-row', { hasText: 'Keep both' }).first().waitFor({ timeout: 20_000 });
      const titles = await rows.allInnerTexts();
      log(`quick fixes: ${titles.join(' | ')}`);
      await shot('registry-conflict-2-quickfix.png');
      const both = titles.findIndex((t) => t.startsWith('Keep both'));
      for (let i = 0; i < both; i++) await page.keyboard.press('ArrowDown');
      await page.keyboard.press('Enter');
      await waitForFile(registry, (t) => !t.includes('conflicts:'));
      await page.locator('.notifications-toasts', { hasText: 'Kept both versions' }).first().waitFor({ timeout: 20_000 });
      await page.locator('.editor-instance .monaco-editor .view-lines', { hasText: 'Viangchan' }).first().waitFor({ timeout: 20_000 });
      await page.waitForTimeout(500); // the editor reloads the file
      await shot('registry-conflict-3-kept-both.png');
      log(`registry after Keep both:\n${fs.readFileSync(registry, 'utf8')}`);

      // Ctrl+Z right after: the conflict entry is back, as the merge left it.
      await page.locator('.editor-instance .monaco-editor').first().click({ position: { x: 400, y: 300 } });
      await page.keyboard.press('Control+Z');
      await waitForFile(registry, (t) => t.includes('conflicts:'));
      await page.locator('.editor-instance .monaco-editor .view-lines', { hasText: 'conflicts:' }).first().waitFor({ timeout: 20_000 });
      await page.waitForTimeout(500); // the notification
      await shot('registry-conflict-4-ctrl-z.png');
      log(`registry after Ctrl+Z:\n${fs.readFileSync(registry, 'utf8')}`);
    },
  ),
);
