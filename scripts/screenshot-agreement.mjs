// `node scripts/screenshot-agreement.mjs [--out docs/screens]`: the issue-10 session as a new user would have it, in
// code-server + headless Chromium. Two analysts tag one article on two git branches (with the CLI, as `git` users
// would), the branches are merged into main with the merge driver; then in VS Code: Corpus: Show Agreement… (both
// sides picked from the branch list), and Corpus: Adjudicate Disagreements… on the article (three choices: A, B,
// neither). Saves a screenshot after each step and prints the merged and adjudicated sidecar. Needs `npm run build` first.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { workbenchUrl } from './code-server/launch.mjs';
import { PROJECT_ROOT } from './code-server/paths.mjs';
import { exitWith, runScreenshotSession } from './code-server/screenshotSession.mjs';
import { openFile, runCommand } from './code-server/workbench.mjs';

const VIEWPORT = { width: 1280, height: 800 };
const ARTICLE = 'seeds/003_0e5bd4099b662286.txt';
const SIDECAR = 'annotations/seeds/003_0e5bd4099b662286.yaml';
const CLI = path.join(PROJECT_ROOT, 'dist/cli.js');

const argValue = (name, fallback) => {
  const i = process.argv.indexOf(name);
  return i >= 0 && process.argv[i + 1] ? process.argv[i + 1] : fallback;
};
const log = (s) => console.log(`[agreement] ${s}`);

/** The two analysts' branches, merged into main with the merge driver. */
function prepareRepository(ws) {
  const git = (...args) => execFileSync('git', args, { cwd: ws, encoding: 'utf8' });
  const cli = (...args) => execFileSync(process.execPath, [CLI, ...args], { cwd: ws, encoding: 'utf8' });
  const text = fs.readFileSync(path.join(ws, ARTICLE), 'utf8');
  const tag = (label, quote, author) => {
    const start = text.indexOf(quote);
    if (start < 0) throw new Error(`no "${quote}" in ${ARTICLE}`);
    cli('tag', '--tag', label, '--author', author, '--file', ARTICLE, '--start', String(start), '--end', String(start + quote.length));
  };
  git('init', '-q', '-b', 'main');
  git('config', 'user.name', 'Lead Analyst');
  git('config', 'user.email', 'lead@example.org');
  git('config', 'commit.gpgsign', 'false');
  log(cli('setup-git').trim());
  git('add', '.');
  git('commit', '-q', '-m', 'corpus');
  git('checkout', '-q', '-b', 'analyst-a');
  tag('cooperation', 'highly valued the cooperation results', 'Ana');
  tag('drugs', 'drug prevention and control', 'Ana');
  tag('crime', 'high-tech crime', 'Ana');
  git('add', 'annotations');
  git('commit', '-q', '-m', 'Ana: first pass');
  git('checkout', '-q', 'main');
  git('checkout', '-q', '-b', 'analyst-b');
  tag('cooperation', 'highly valued the cooperation results', 'Bo');
  tag('drugs', 'drug prevention', 'Bo');
  tag('training', 'training collaboration', 'Bo');
  git('add', 'annotations');
  git('commit', '-q', '-m', 'Bo: first pass');
  git('checkout', '-q', 'main');
  log(`git merge analyst-a: ${git('merge', '--no-edit', 'analyst-a').trim().split('\n')[0]}`);
  log(`git merge analyst-b: ${git('merge', '--no-edit', 'analyst-b').trim().split('\n').join(' | ')}`);
  log(`git status after the merges: ${git('status', '--short').trim() || '(clean)'}`);
}

/** Waits for a quick pick whose title contains `title`, then picks the row containing `row`. */
async function pickRow(page, title, row) {
  await page.locator('.quick-input-widget .quick-input-title', { hasText: title }).first().waitFor({ timeout: 30_000 });
  const input = page.locator('.quick-input-widget input');
  await input.fill(row);
  await page.locator('.quick-input-widget .monaco-list-row', { hasText: row }).first().waitFor({ timeout: 20_000 });
  await page.keyboard.press('Enter');
}

const outDir = path.resolve(PROJECT_ROOT, argValue('--out', 'docs/screens'));

const prepare = (ws) => {
  prepareRepository(ws);
  log(`merged sidecar:\n${fs.readFileSync(path.join(ws, SIDECAR), 'utf8')}`);
  fs.mkdirSync(outDir, { recursive: true });
};

exitWith(
  runScreenshotSession({ name: 'agreement', viewport: VIEWPORT, prepare }, async ({ page, server, workspace }) => {
    const shot = async (name) => {
      const file = path.join(outDir, name);
      await page.screenshot({ path: file });
      log(`saved ${path.relative(PROJECT_ROOT, file)}`);
    };
    await page.goto(workbenchUrl(server.baseUrl, { folder: workspace, extensionDevelopmentPath: PROJECT_ROOT }));
    await page.locator('.monaco-workbench').waitFor({ timeout: 90_000 });
    const item = page.locator('.activitybar .action-item a[aria-label^="Corpus Annotator"]').first();
    await item.waitFor({ timeout: 60_000 });
    await item.click();
    await openFile(page, ARTICLE);

    // 1. The agreement between the two branches.
    await runCommand(page, 'Corpus: Show Agreement');
    await page.locator('.quick-input-widget .quick-input-title', { hasText: 'analyst A' }).first().waitFor({ timeout: 30_000 });
    await shot('agreement-1-pick-branch.png');
    await pickRow(page, 'analyst A', 'analyst-a');
    await pickRow(page, 'analyst B', 'analyst-b');
    await page.locator('.tabs-container .tab', { hasText: 'Agreement analyst-a and analyst-b' }).first().waitFor({ timeout: 60_000 });
    await page.locator('.monaco-editor .view-lines', { hasText: 'Cohen' }).first().waitFor({ timeout: 30_000 });
    await shot('agreement-2-report.png');
    // The disagreements, further down the report.
    await page.locator('.editor-instance .monaco-editor .view-lines').first().click();
    await page.keyboard.press('Control+End');
    await page.locator('.monaco-editor .view-lines', { hasText: 'now:' }).first().waitFor({ timeout: 10_000 });
    await shot('agreement-3-disagreements.png');
    // Ctrl+click on a disagreement's place opens the article at the passage.
    const place = page.locator('.editor-instance .monaco-editor .view-line', { hasText: '003_0e5bd4099b662286.txt:5' }).first();
    await place.click({ position: { x: 60, y: 8 }, modifiers: ['Control'], force: true });
    await page.locator(`.tabs-container .tab.active[aria-label^="${path.basename(ARTICLE)}"]`).first().waitFor({ timeout: 20_000 });
    await page.locator('.editor-instance .monaco-editor .cursor').first().waitFor({ timeout: 10_000 });
    await shot('agreement-3b-link-opened.png');

    // 2. Adjudicate the article's three disagreements: A (crime), B (drugs: the shorter passage), neither (training).
    await openFile(page, ARTICLE);
    await runCommand(page, 'Corpus: Adjudicate Disagreements');
    await pickRow(page, 'which two analysts', 'as last time');
    await page.locator('.quick-input-widget .quick-input-title', { hasText: 'Disagreement 1 of 3' }).first().waitFor({ timeout: 30_000 });
    await shot('agreement-4-adjudicate-first.png');
    await pickRow(page, 'Disagreement 1 of 3', 'A: analyst-a');
    await page.locator('.quick-input-widget .quick-input-title', { hasText: 'Disagreement 2 of 3' }).first().waitFor({ timeout: 30_000 });
    await shot('agreement-5-adjudicate-second.png');
    await pickRow(page, 'Disagreement 2 of 3', 'B: analyst-b');
    await pickRow(page, 'Disagreement 3 of 3', 'Neither');
    await page.locator('.notifications-toasts', { hasText: 'Adjudicated 3 of 3' }).first().waitFor({ timeout: 30_000 });
    // The article after adjudication (the pointer moved to an empty line, so that no tooltip or hover hides the text).
    await page.mouse.move(1000, 381);
    await page.locator('.monaco-editor .view-lines', { hasText: 'training collaboration' }).first().waitFor({ timeout: 10_000 });
    await shot('agreement-6-adjudicated.png');
    log(`adjudicated sidecar:\n${fs.readFileSync(path.join(workspace, SIDECAR), 'utf8')}`);
  }),
);
