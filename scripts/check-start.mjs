// `npm run check:start`: the `npm start` code-server path, headless. Opens the printed URL
// in headless Chromium, waits for the workbench, checks that it shows what `npm start` promises:
// the extension's view container ("Corpus Annotator") open in the side bar without a click, its
// views filled, one article open, and an explorer that lists the corpus (seeds/, annotations/) and
// not the code around it (node_modules/, dist/, .vscode-test/). Saves .vscode-test/start.png.
//   node scripts/check-start.mjs [--extension <path>]   exit 0 when it all shows, else 1
import fs from 'node:fs';
import path from 'node:path';
import { launchBrowser } from './code-server/browser.mjs';
import { CACHE_ROOT, PROJECT_ROOT } from './code-server/paths.mjs';
import { FIRST_ARTICLE, startCodeServerSession } from './start.mjs';

const CONTAINER_TITLE = 'Corpus Annotator';
const CONTAINER_ID = 'corpusAnnotator';
const TIMEOUT_MS = 120_000;

function argValue(name) {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

async function check(page, url, log) {
  await page.goto(url);
  await page.locator('.monaco-workbench').waitFor({ timeout: 90_000 });
  log('[check:start] workbench is up');
  // The extension's container in the activity bar: its action carries the title as aria-label.
  const item = page.locator(`.part.activitybar .action-item a[aria-label^="${CONTAINER_TITLE}"]`).first();
  await item.waitFor({ timeout: 60_000 });
  log(`[check:start] activity bar shows "${CONTAINER_TITLE}"`);
  const sidebarTitle = page.locator('.part.sidebar .composite.title .title-label');
  await sidebarTitle.filter({ hasText: new RegExp(CONTAINER_TITLE, 'i') }).first().waitFor({ timeout: 60_000 });
  log(`[check:start] view container "${CONTAINER_ID}" shown in the side bar at start`);
  const article = path.basename(FIRST_ARTICLE);
  await page.locator(`.tabs-container .tab[aria-label^="${article}"]`).first().waitFor({ timeout: 30_000 });
  log(`[check:start] ${article} is open`);
  // Its views get their data once the extension has activated and registered its providers.
  const noProvider = page.locator('.part.sidebar .pane-body').filter({ hasText: /no data provider registered/i });
  const deadline = Date.now() + 60_000;
  while ((await noProvider.count()) > 0) {
    if (Date.now() > deadline) throw new Error('a view still has no data provider after 60s: did the extension activate?');
    await page.waitForTimeout(250); // polling the DOM, not a fixed wait
  }
  const rows = await page.locator('.part.sidebar .pane-body .monaco-list-row').count();
  const headers = await page.locator('.part.sidebar .pane-header .title').allInnerTexts();
  log(`[check:start] views: ${headers.join(', ') || '(one view)'}; ${rows} tree row(s) shown`);
  const failures = await page.locator('.notifications-toasts .notification-list-item-message')
    .filter({ hasText: /Activating extension .* failed|Cannot activate/i }).allInnerTexts();
  if (failures.length) throw new Error(`extension failed to activate: ${failures.join(' | ')}`);
}

/** Opens the explorer and checks it lists the corpus, not the code; returns its top-level rows. */
async function checkExplorer(page, log) {
  await page.keyboard.press('Control+Shift+E');
  const rows = page.locator('.explorer-folders-view .monaco-list-row');
  await rows.filter({ hasText: /^seeds$/ }).first().waitFor({ timeout: 30_000 });
  const names = (await rows.allInnerTexts()).map((t) => t.trim());
  log(`[check:start] explorer: ${names.join(', ')}`);
  for (const hidden of ['node_modules', 'dist', '.vscode-test', 'client', 'server']) {
    if (names.includes(hidden)) throw new Error(`the explorer shows ${hidden}/: npm start should open the corpus, not the repository`);
  }
  if (!names.includes('annotations')) throw new Error('the explorer does not show annotations/');
}

async function main() {
  const t0 = Date.now();
  const log = (s) => console.log(s);
  const root = path.resolve(argValue('--extension') ?? PROJECT_ROOT);
  const session = await startCodeServerSession({ root, runDir: path.join(CACHE_ROOT, 'check-start'), log });
  log(`Open ${session.url}`);
  let browser;
  const shot = path.join(CACHE_ROOT, 'start.png');
  let ok = false;
  const timer = setTimeout(() => { log('[check:start] timed out'); process.exit(1); }, TIMEOUT_MS);
  try {
    browser = await launchBrowser({ profileDir: path.join(CACHE_ROOT, 'check-start', 'chromium') });
    await check(browser.page, session.url, log);
    fs.mkdirSync(path.dirname(shot), { recursive: true });
    await browser.page.screenshot({ path: shot });
    log(`[check:start] screenshot: ${shot}`);
    await checkExplorer(browser.page, log);
    ok = true;
  } catch (err) {
    log(`[check:start] FAILED: ${err instanceof Error ? err.message : err}`);
  } finally {
    if (browser) {
      if (!ok) {
        fs.mkdirSync(path.dirname(shot), { recursive: true });
        await browser.page.screenshot({ path: shot }).then(() => log(`[check:start] screenshot: ${shot}`), () => {});
      }
      await browser.close();
    }
    await session.stop();
    clearTimeout(timer);
  }
  log(`[check:start] ${ok ? 'ok' : 'failed'} in ${((Date.now() - t0) / 1000).toFixed(1)}s`);
  return ok ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (err) => { console.error(err instanceof Error ? err.message : err); process.exit(1); },
);
