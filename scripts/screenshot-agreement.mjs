// `node scripts/screenshot-agreement.mjs [--out docs/screens]`: the issue-10 session as a new user would have it, in
// code-server + headless Chromium. A lead analyst tags one passage on main; two analysts tag the article on two git
// branches (with the CLI, as `git` users would), and both change the lead's tag differently; the branches are merged
// into main with the merge driver, which keeps a conflict entry in the sidecar. Then in VS Code: Corpus: Show
// Agreement… (both sides picked from the branch list; the report opens rendered, and a click on a place opens the
// passage), the Tags view (the two analysts' identical tag is one row), the conflict's quick fix in the sidecar (Keep
// theirs), Corpus: Adjudicate Disagreements… on the article (A, B, B, neither), and (issue 12) an entity correction
// taken back with Ctrl+Z. Saves a screenshot after each step and prints the merged and adjudicated sidecar and the
// registry. Needs `npm run build` first.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { PROJECT_ROOT } from './code-server/paths.mjs';
import { exitWith, runScreenshotSession } from './code-server/screenshotSession.mjs';
import { openCorpusWorkbench, openFile, runCommand, screenshotter } from './code-server/workbench.mjs';

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
  // Each analyst changes the lead's tag by hand in the sidecar (a different label on each branch).
  const relabel = (label) => {
    const file = path.join(ws, SIDECAR);
    fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replace('tag: events\n', `tag: ${label}\n`));
  };
  git('init', '-q', '-b', 'main');
  git('config', 'user.name', 'Lead Analyst');
  git('config', 'user.email', 'lead@example.org');
  git('config', 'commit.gpgsign', 'false');
  log(cli('setup-git').trim());
  tag('events', '14th National Congress of the Communist Party of Việt Nam', 'Lead');
  git('add', '.');
  git('commit', '-q', '-m', 'corpus');
  git('checkout', '-q', '-b', 'analyst-a');
  tag('cooperation', 'highly valued the cooperation results', 'Ana');
  tag('drugs', 'drug prevention and control', 'Ana');
  tag('crime', 'high-tech crime', 'Ana');
  relabel('politics');
  git('add', 'annotations');
  git('commit', '-q', '-m', 'Ana: first pass');
  git('checkout', '-q', 'main');
  git('checkout', '-q', '-b', 'analyst-b');
  tag('cooperation', 'highly valued the cooperation results', 'Bo');
  tag('drugs', 'drug prevention', 'Bo');
  tag('training', 'training collaboration', 'Bo');
  relabel('security/events');
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

/** Waits until the file's text satisfies `ok` (it is written by the language server). */
async function waitForFile(file, ok, timeoutMs = 20_000, read = () => fs.readFileSync(file, 'utf8')) {
  const until = Date.now() + timeoutMs;
  while (!ok(read())) {
    if (Date.now() > until) throw new Error(`${file} did not change as expected`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

const outDir = path.resolve(PROJECT_ROOT, argValue('--out', 'docs/screens'));

const prepare = (ws) => {
  prepareRepository(ws);
  log(`merged sidecar:\n${fs.readFileSync(path.join(ws, SIDECAR), 'utf8')}`);
  fs.mkdirSync(outDir, { recursive: true });
};

exitWith(
  runScreenshotSession({ name: 'agreement', viewport: VIEWPORT, prepare }, async ({ page, server, workspace }) => {
    const shot = screenshotter(page, outDir, log, PROJECT_ROOT);
    await openCorpusWorkbench(page, server, workspace, PROJECT_ROOT);
    await openFile(page, ARTICLE);

    // 1. The agreement between the two branches: the report opens rendered (a webview).
    await runCommand(page, 'Corpus: Show Agreement');
    await page.locator('.quick-input-widget .quick-input-title', { hasText: 'analyst A' }).first().waitFor({ timeout: 30_000 });
    await shot('agreement-1-pick-branch.png');
    await pickRow(page, 'analyst A', 'analyst-a');
    await pickRow(page, 'analyst B', 'analyst-b');
    await page.locator('.tabs-container .tab', { hasText: 'Agreement analyst-a and analyst-b' }).first().waitFor({ timeout: 60_000 });
    const preview = page.frameLocator('iframe.webview.ready').frameLocator('#active-frame');
    await preview.locator('li', { hasText: 'Cohen' }).first().waitFor({ timeout: 30_000 });
    await page.waitForTimeout(300); // the webview's first paint
    await shot('agreement-2-report.png');
    // The disagreements, further down the report; each place is a link.
    const link = preview.locator('a', { hasText: '003_0e5bd4099b662286.txt:5' }).first();
    await link.scrollIntoViewIfNeeded();
    await shot('agreement-3-disagreements.png');
    // A click on a place opens the article at the passage.
    await link.click();
    await page.locator(`.tabs-container .tab.active[aria-label^="${path.basename(ARTICLE)}"]`).first().waitFor({ timeout: 20_000 });
    await page.locator('.editor-instance .monaco-editor .cursor').first().waitFor({ timeout: 10_000 });
    await page.waitForTimeout(500); // the reveal's scroll
    await shot('agreement-3b-link-opened.png');

    // 2. The Tags view: Ana's and Bo's identical cooperation tag is one row naming both.
    const sameRow = page.locator('.pane-body .monaco-list-row', { hasText: 'Ana, Bo' }).first();
    await sameRow.waitFor({ timeout: 30_000 });
    // Its tooltip names both records (the side bar is too narrow for the description).
    await sameRow.hover();
    await page.locator('.monaco-hover', { hasText: 'Tagged by Bo' }).first().waitFor({ timeout: 20_000 });
    await shot('agreement-4-tags-one-row.png');
    await page.mouse.move(1000, 381);

    // 3. The merge conflict kept in the sidecar: a warning in the Problems panel (Ctrl+Shift+M); Enter on it opens the
    // sidecar at the conflict, where Ctrl+. offers Keep ours / theirs / both.
    await page.keyboard.press('Control+Shift+M');
    const marker = page.locator('.markers-panel .monaco-list-row', { hasText: 'Merge conflict' }).first();
    await marker.waitFor({ timeout: 20_000 });
    await marker.click();
    await shot('agreement-5-conflict-warning.png');
    await page.keyboard.press('Enter');
    await page.locator(`.tabs-container .tab.active[aria-label^="${path.basename(SIDECAR)}"]`).first().waitFor({ timeout: 20_000 });
    await page.locator('.editor-instance .monaco-editor .view-lines', { hasText: 'conflicts:' }).first().waitFor({ timeout: 20_000 });
    await page.keyboard.press('Control+.');
    const keepTheirs = page.locator('.action-widget .monaco-list-row', { hasText: 'Keep theirs' }).first();
    await keepTheirs.waitFor({ timeout: 20_000 });
    await shot('agreement-6-conflict-quickfix.png');
    await page.keyboard.press('ArrowDown'); // from Keep ours (first) to Keep theirs
    await page.keyboard.press('Enter');
    await waitForFile(path.join(workspace, SIDECAR), (t) => !t.includes('conflicts:'));
    await page.waitForTimeout(1000); // the editor reloads the file
    // Their version of the tag, now in the list (found with Ctrl+F; Escape keeps it selected).
    await page.keyboard.press('Control+Home');
    await page.keyboard.press('Control+F');
    await page.keyboard.type('security/events');
    await page.keyboard.press('Enter');
    await page.keyboard.press('Escape');
    await page.locator('.editor-instance .monaco-editor .view-lines', { hasText: 'security/events' }).first().waitFor({ timeout: 20_000 });
    await shot('agreement-7-conflict-resolved.png');
    log(`sidecar after Keep theirs:\n${fs.readFileSync(path.join(workspace, SIDECAR), 'utf8')}`);

    // 4. Adjudicate the article's disagreements: A (crime), B (drugs: the shorter passage), B (the congress: what the
    // article holds now, after Keep theirs), neither (training).
    await page.locator(`.tabs-container .tab[aria-label^="${path.basename(ARTICLE)}"]`).first().click();
    await page.locator(`.tabs-container .tab.active[aria-label^="${path.basename(ARTICLE)}"]`).first().waitFor({ timeout: 20_000 });
    await runCommand(page, 'Corpus: Adjudicate Disagreements');
    await pickRow(page, 'which two analysts', 'as last time');
    await page.locator('.quick-input-widget .quick-input-title', { hasText: 'Disagreement 1 of 4' }).first().waitFor({ timeout: 30_000 });
    await shot('agreement-8-adjudicate-first.png');
    await pickRow(page, 'Disagreement 1 of 4', 'A: analyst-a');
    await page.locator('.quick-input-widget .quick-input-title', { hasText: 'Disagreement 2 of 4' }).first().waitFor({ timeout: 30_000 });
    await shot('agreement-9-adjudicate-second.png');
    await pickRow(page, 'Disagreement 2 of 4', 'B: analyst-b');
    await page.locator('.quick-input-widget .quick-input-title', { hasText: 'Disagreement 3 of 4' }).first().waitFor({ timeout: 30_000 });
    await shot('agreement-10-adjudicate-third.png');
    await pickRow(page, 'Disagreement 3 of 4', 'B: analyst-b');
    await pickRow(page, 'Disagreement 4 of 4', 'Neither');
    await page.locator('.notifications-toasts', { hasText: 'Adjudicated 4 of 4' }).first().waitFor({ timeout: 30_000 });
    // The article after adjudication (the pointer moved to an empty line, so that no tooltip or hover hides the text).
    await page.mouse.move(1000, 381);
    await page.locator('.monaco-editor .view-lines', { hasText: 'training collaboration' }).first().waitFor({ timeout: 10_000 });
    await shot('agreement-11-adjudicated.png');
    log(`adjudicated sidecar:\n${fs.readFileSync(path.join(workspace, SIDECAR), 'utf8')}`);

    // 5. Issue 12: an entity correction (a quick fix on a name), then Ctrl+Z in the article undoes it.
    const registry = path.join(workspace, 'annotations/entities.yaml');
    const registryText = () => (fs.existsSync(registry) ? fs.readFileSync(registry, 'utf8') : '');
    // From the worklist: Enter on "Not in the registry yet — Place: Vientiane" puts the cursor on the name.
    const worklistRow = page.locator('.markers-panel .monaco-list-row', { hasText: 'Place: Vientiane' }).first();
    await worklistRow.waitFor({ timeout: 20_000 });
    await worklistRow.click();
    await page.keyboard.press('Enter');
    await page.locator('.editor-instance .monaco-editor.focused').first().waitFor({ timeout: 20_000 });
    await page.keyboard.press('Control+.');
    const rows = page.locator('.action-widget .monaco-list-row.action');
    await rows.first().waitFor({ timeout: 20_000 });
    const titles = await rows.allInnerTexts();
    const confirm = titles.findIndex((t) => t.startsWith('Confirm'));
    if (confirm < 0) throw new Error(`no Confirm quick fix: ${titles.join(' | ')}`);
    for (let i = 0; i < confirm; i++) await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await waitForFile(registry, (t) => t.includes('Vientiane'), 30_000, registryText);
    await page.locator('.notifications-toasts', { hasText: 'Vientiane' }).first().waitFor({ timeout: 20_000 });
    await shot('agreement-12-entity-corrected.png');
    log(`registry after the correction:\n${registryText()}`);
    await page.keyboard.press('Control+Z');
    await waitForFile(registry, (t) => !t.includes('Vientiane'), 30_000, registryText);
    await page.waitForTimeout(500); // the notification
    await shot('agreement-13-ctrl-z-undid.png');
    log(`registry after Ctrl+Z:\n${registryText()}`);
    log(`article unchanged by Ctrl+Z: ${fs.readFileSync(path.join(workspace, ARTICLE), 'utf8') === fs.readFileSync(path.join(PROJECT_ROOT, ARTICLE), 'utf8')}`);
  }),
);
