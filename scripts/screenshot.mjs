// `npm run screenshot`: the extension as a user sees it, for the README. Opens code-server
// in headless Chromium on a fresh copy of the seeds, opens a seed file, hovers a word until
// the hover shows, prints the hover's text and saves a 1280x800 PNG.
//   node scripts/screenshot.mjs [--vsix file.vsix | --extension <dev path>]
//        [--file seeds/003_0e5bd4099b662286.txt] [--word Lakhamphong] [--out docs/screenshot.png]
//        [--add-articles <folder>]   (its .txt files are copied into the workspace's seeds/ first: a hostile case)
import fs from 'node:fs';
import path from 'node:path';
import { installExtension } from './code-server/extensions.mjs';
import { workbenchUrl } from './code-server/launch.mjs';
import { PROJECT_ROOT } from './code-server/paths.mjs';
import { exitWith, runScreenshotSession } from './code-server/screenshotSession.mjs';
import { openFile } from './code-server/workbench.mjs';

const VIEWPORT = { width: 1280, height: 800 };

function argValue(name, fallback) {
  const i = process.argv.indexOf(name);
  return i >= 0 && process.argv[i + 1] ? process.argv[i + 1] : fallback;
}

/** 1-based line and column of the first whole-word occurrence of word in the file. */
function locate(file, word) {
  const lines = fs.readFileSync(file, 'utf8').split(/\r?\n/);
  const re = new RegExp(`(?<![\\p{L}\\p{N}])${word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\p{L}\\p{N}])`, 'u');
  for (let i = 0; i < lines.length; i++) {
    const m = re.exec(lines[i]);
    if (m) return { line: i + 1, column: m.index + 1 };
  }
  throw new Error(`"${word}" does not occur in ${file}`);
}

async function revealPosition(page, { line, column }) {
  await page.locator('.monaco-editor .view-lines').first().click();
  await page.keyboard.press('Control+G');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ timeout: 10_000 });
  // Ctrl+G opens quick input in go-to-line mode, whose prefix is ':'.
  await input.fill(`:${line}:${column}`);
  await page.keyboard.press('Enter');
  await page.locator('.quick-input-widget').waitFor({ state: 'hidden', timeout: 10_000 });
}

/** Screen centre of the first rendered occurrence of word in the editor, or undefined. */
function wordBox(page, word) {
  return page.evaluate((w) => {
    const root = document.querySelector('.editor-instance .monaco-editor .view-lines');
    if (!root) return undefined;
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const at = (n.textContent ?? '').indexOf(w);
      if (at < 0) continue;
      const range = document.createRange();
      range.setStart(n, at);
      range.setEnd(n, at + w.length);
      const r = range.getBoundingClientRect();
      if (r.width > 0) return { x: r.left + r.width / 2, y: r.top + r.height / 2 };
    }
    return undefined;
  }, word);
}

async function hoverWord(page, word) {
  const hover = page.locator('.monaco-editor .monaco-hover').filter({ visible: true }).first();
  const deadline = Date.now() + 60_000;
  for (let attempt = 0; Date.now() < deadline; attempt++) {
    const box = await wordBox(page, word);
    if (box) {
      // Nudge the pointer a little each time so the editor sees a fresh mouse move.
      await page.mouse.move(box.x + (attempt % 3) - 1, box.y);
      try {
        await hover.waitFor({ state: 'visible', timeout: 3000 });
        // Language-server hovers start as "Loading..."; wait for real content.
        for (let i = 0; i < 40 && /^\s*Loading\.\.\.\s*$/.test(await hover.innerText()); i++) await page.waitForTimeout(250);
        return (await hover.innerText()).trim();
      } catch { /* not shown yet: the server may still be starting */ }
      await page.mouse.move(5, 5);
    }
    await page.waitForTimeout(500);
  }
  throw new Error(`no hover appeared over "${word}" within 60s`);
}

/** A colleague's tag in the article's sidecar, so the Corpus Tags view and the highlight have something to show. */
function writeExampleTag(workspace, relFile) {
  const text = fs.readFileSync(path.join(workspace, relFile), 'utf8');
  const quote = text.split(/\r?\n/).map((l) => l.trim()).find((l) => l.length > 60)?.split(/[,.]/)[0];
  if (!quote) return;
  const start = text.indexOf(quote);
  const name = path.basename(relFile).replace(/\.txt$/, '');
  const yaml = [
    'version: 1',
    `document: ${relFile}`,
    'tags:',
    '  - id: example',
    '    tag: cooperation',
    '    note: example tag for the screenshot',
    `    quote: ${JSON.stringify(quote)}`,
    `    start: ${start}`,
    `    end: ${start + quote.length}`,
    '',
  ].join('\n');
  fs.mkdirSync(path.join(workspace, 'annotations'), { recursive: true });
  fs.writeFileSync(path.join(workspace, 'annotations', `${name}.yaml`), yaml);
}

/** Opens the extension's view container from the activity bar. */
async function showSideBar(page) {
  const item = page.locator('.activitybar .action-item a[aria-label^="Corpus Annotator"]').first();
  await item.waitFor({ timeout: 60_000 });
  await item.click();
  await page.locator('.pane-header', { hasText: 'Corpus Tags' }).first().waitFor({ timeout: 30_000 });
}

async function main() {
  const vsix = argValue('--vsix');
  const devPath = path.resolve(argValue('--extension', PROJECT_ROOT));
  const relFile = argValue('--file', 'seeds/003_0e5bd4099b662286.txt');
  const word = argValue('--word', 'Lakhamphong');
  const out = path.resolve(PROJECT_ROOT, argValue('--out', 'docs/screenshot.png'));
  const log = (s) => console.log(s);

  let target;
  const addFrom = argValue('--add-articles');
  const prepare = async (workspace, { layout, runDir }) => {
    if (addFrom) {
      for (const name of fs.readdirSync(addFrom).filter((n) => n.endsWith('.txt'))) fs.copyFileSync(path.join(addFrom, name), path.join(workspace, 'seeds', name));
    }
    target = locate(path.join(workspace, relFile), word);
    writeExampleTag(workspace, relFile);
    if (vsix) await installExtension({ entry: layout.entry, runDir, vsix, log });
  };
  return runScreenshotSession({ name: 'screenshot', viewport: VIEWPORT, prepare }, async ({ page, server, workspace }) => {
    const url = workbenchUrl(server.baseUrl, { folder: workspace, extensionDevelopmentPath: vsix ? undefined : devPath });
    log(`[screenshot] ${vsix ? `installed ${vsix}` : `development path ${devPath}`}; ${url}`);
    await page.goto(url);
    await page.locator('.monaco-workbench').waitFor({ timeout: 90_000 });
    await showSideBar(page);
    await openFile(page, relFile);
    await revealPosition(page, target);
    const text = await hoverWord(page, word);
    log(`[screenshot] hover over "${word}" (${relFile}:${target.line}:${target.column}):`);
    for (const line of text.split('\n')) log(`  ${line}`);
    fs.mkdirSync(path.dirname(out), { recursive: true });
    await page.screenshot({ path: out });
    log(`[screenshot] saved ${path.relative(PROJECT_ROOT, out)} (${VIEWPORT.width}x${VIEWPORT.height})`);
  });
}

exitWith(main());
