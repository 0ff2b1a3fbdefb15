// `node --import tsx scripts/screenshot-boilerplate-places.mjs`: the Boilerplate view on a bigger workspace (the seeds
// and --articles generated ones, default 500) in code-server in headless Chromium: the passage of page chrome with the
// most copies, expanded (its first places, then "N more places"), and that row expanded (the rest, asked of the
// server). Saves, under .vscode-test/boilerplate-places/ (or --out-dir):
//   1-listed.png   the cluster expanded: its first places and the "more places" row
//   2-more.png     the "more places" row expanded, the view scrolled to its end
// and prints the rows it saw. Run `npm run build` first (tsx: the generator is TS).
import fs from 'node:fs';
import path from 'node:path';
import { PROJECT_ROOT } from './code-server/paths.mjs';
import { exitWith, runScreenshotSession } from './code-server/screenshotSession.mjs';
import { openCorpusWorkbench, runCommand, screenshotter, showOnlyPane } from './code-server/workbench.mjs';
import { generateCorpus } from '../test/support/corpusGenerator.ts';

function argValue(name, fallback) {
  const i = process.argv.indexOf(name);
  return i >= 0 && process.argv[i + 1] ? process.argv[i + 1] : fallback;
}

const outDir = path.resolve(PROJECT_ROOT, argValue('--out-dir', '.vscode-test/boilerplate-places'));
const articles = Number(argValue('--articles', '500'));

function addGenerated(workspace) {
  for (const d of generateCorpus({ articles, seed: 5 })) {
    fs.writeFileSync(path.join(workspace, 'seeds', `gen-${path.basename(d.uri).replace(/\.\w+$/, '')}.txt`), d.text);
  }
}

exitWith(
  runScreenshotSession({ name: 'screenshot-boilerplate-places', viewport: { width: 1280, height: 900 }, prepare: addGenerated }, async ({ page, server, workspace, log }) => {
    fs.mkdirSync(outDir, { recursive: true });
    const shot = screenshotter(page, outDir, log, PROJECT_ROOT);
    await openCorpusWorkbench(page, server, workspace, PROJECT_ROOT);
    const pane = await showOnlyPane(page, 'Boilerplate');
    const rows = pane.locator('.monaco-list-row');
    const rowTexts = async () => (await rows.allInnerTexts()).map((t) => t.replace(/\s+/g, ' ').trim());
    const chrome = pane.locator('.monaco-list-row', { hasText: 'Page chrome' }).first();
    await chrome.waitFor({ timeout: 10 * 60_000 });
    // The kinds of many clusters start collapsed: the others are closed, Page chrome opened.
    for (const kind of ['Exact duplicates', 'Near duplicates']) {
      const row = pane.locator('.monaco-list-row', { hasText: kind }).first();
      if ((await row.count()) && (await row.getAttribute('aria-expanded')) === 'true') await row.click();
    }
    if ((await chrome.getAttribute('aria-expanded')) !== 'true') await chrome.click();
    // Its first cluster has the most copies.
    const first = rows.nth(3);
    await first.waitFor({ timeout: 30_000 });
    log(`[boilerplate-places] the first chrome cluster: ${(await first.innerText()).replace(/\s+/g, ' ')}`);
    await first.click();
    const more = pane.locator('.monaco-list-row', { hasText: /more place/ }).first();
    await runCommand(page, 'Corpus Annotator: Focus on Boilerplate View');
    for (const deadline = Date.now() + 30_000; !(await more.isVisible()); ) {
      if (Date.now() > deadline) throw new Error('no "more places" row under the first chrome cluster');
      await page.keyboard.press('PageDown');
      await page.waitForTimeout(100);
    }
    log(`[boilerplate-places] rows: ${(await rowTexts()).join(' | ')}`);
    await shot('1-listed.png');
    const label = (await more.innerText()).replace(/\s+/g, ' ').trim();
    const asked = Date.now();
    await more.click();
    // The places after the first 20 come from the server: the row after "more places" is one of them.
    await pane.locator('.monaco-list-row[aria-level="4"]').first().waitFor({ timeout: 30_000 });
    log(`[boilerplate-places] "${label}" expanded: its places shown ${Date.now() - asked} ms after the click`);
    for (let i = 0; i < 3; i++) {
      await page.keyboard.press('PageDown');
      await page.waitForTimeout(150);
    }
    log(`[boilerplate-places] rows now: ${(await rowTexts()).join(' | ')}`);
    await shot('2-more.png');
  }),
);
