// `node --import tsx scripts/screenshot-find-entity.mjs`: the Corpus Annotator views on a bigger workspace (the seeds
// and --articles generated ones, default 2000) in code-server in headless Chromium, as an analyst sees them while the
// server indexes and after, with Find Entity… in use. Saves, under docs/screens/ (or --out-dir):
//   find-entity-1-indexing.png  the views while the corpus is being indexed (Timeline, Boilerplate: being built)
//   find-entity-2-query.png     Find Entity… with a lower-case spelling without diacritics typed (--query)
//   find-entity-3-revealed.png  the entity chosen, selected in the Entities view
// and prints the welcome texts it saw and the rows of the pick. Run `npm run build` first (tsx: the generator is TS).
import fs from 'node:fs';
import path from 'node:path';
import { PROJECT_ROOT } from './code-server/paths.mjs';
import { exitWith, runScreenshotSession } from './code-server/screenshotSession.mjs';
import { openCorpusWorkbench, screenshotter } from './code-server/workbench.mjs';
import { generateCorpus } from '../test/support/corpusGenerator.ts';

function argValue(name, fallback) {
  const i = process.argv.indexOf(name);
  return i >= 0 && process.argv[i + 1] ? process.argv[i + 1] : fallback;
}

const outDir = path.resolve(PROJECT_ROOT, argValue('--out-dir', 'docs/screens'));
const articles = Number(argValue('--articles', '2000'));
const query = argValue('--query', 'kim trang village');

function addGenerated(workspace) {
  for (const d of generateCorpus({ articles, seed: 5 })) {
    fs.writeFileSync(path.join(workspace, 'seeds', `gen-${path.basename(d.uri).replace(/\.\w+$/, '')}.txt`), d.text);
  }
}

/** Text of the welcome messages shown in the side bar now. */
const welcomeTexts = (page) => page.locator('.sidebar .welcome-view-content').allInnerTexts();

exitWith(
  runScreenshotSession({ name: 'screenshot-find-entity', viewport: { width: 1280, height: 800 }, prepare: addGenerated }, async ({ page, server, workspace, log }) => {
    fs.mkdirSync(outDir, { recursive: true });
    const shot = screenshotter(page, outDir, log, PROJECT_ROOT);
    await openCorpusWorkbench(page, server, workspace, PROJECT_ROOT);
    const building = page.locator('.sidebar .welcome-view-content', { hasText: 'Building the corpus timeline' });
    await building.first().waitFor({ timeout: 60_000 });
    // Away from the activity bar, whose tooltip would cover the views.
    await page.mouse.move(800, 600);
    await page.locator('.workbench-hover-container').first().waitFor({ state: 'hidden', timeout: 5000 }).catch(() => {});
    log(`[screenshot] while indexing, the views say: ${(await welcomeTexts(page)).map((t) => JSON.stringify(t.trim())).join(' | ')}`);
    await shot('find-entity-1-indexing.png');

    // Indexed: the Entities view lists its types.
    await page.locator('.sidebar .monaco-list-row', { hasText: 'People' }).first().waitFor({ timeout: 240_000 });
    // The view's title buttons show while the pointer is over it.
    await page.locator('.sidebar .pane-header', { hasText: 'Entities' }).first().hover();
    const button = page.locator('.sidebar .action-label[aria-label^="Find Entity"]').first();
    await button.waitFor({ timeout: 20_000 });
    await button.click();
    const input = page.locator('.quick-input-widget input');
    await input.waitFor({ timeout: 20_000 });
    await input.fill(query);
    const first = page.locator('.quick-input-widget .monaco-list-row').first();
    await first.waitFor({ timeout: 20_000 });
    await page.waitForFunction(() => !document.querySelector('.quick-input-widget .quick-input-progress.active, .quick-input-widget .monaco-progress-container.active'), null, { timeout: 20_000 }).catch(() => {});
    log(`[screenshot] Find Entity "${query}": ${(await page.locator('.quick-input-widget .monaco-list-row').allInnerTexts()).slice(0, 5).map((t) => JSON.stringify(t.replace(/\s+/g, ' ').trim())).join(' | ')}`);
    await shot('find-entity-2-query.png');
    await page.keyboard.press('Enter');
    await page.locator('.quick-input-widget').waitFor({ state: 'hidden', timeout: 20_000 });
    const selected = page.locator('.sidebar .monaco-list-row.selected');
    await selected.first().waitFor({ timeout: 20_000 });
    log(`[screenshot] selected in the Entities view: ${JSON.stringify((await selected.first().innerText()).replace(/\s+/g, ' ').trim())}`);
    await shot('find-entity-3-revealed.png');
  }),
);
