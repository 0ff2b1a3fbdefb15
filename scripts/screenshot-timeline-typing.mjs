// `node scripts/screenshot-timeline-typing.mjs`: the Timeline view while an analyst types in an article, in code-server
// in headless Chromium, on a fresh copy of the seeds (plus the articles of --add-articles <folder>, e.g. a generated
// corpus of 10,000). Shows the Timeline view, waits for its years, opens --file, types a sentence with a new date at its
// top, key by key, and waits for the date's year to appear in the tree; then expands the year and its month. Saves, under
// --out-dir (default .vscode-test/timeline-typing):
//   1-years.png      the Timeline view's first rows
//   2-typing.png     halfway through the sentence (the editor, its diagnostics, the view)
//   3-new-year.png   the new year in the tree after the typing paused
//   4-expanded.png   the year and its month expanded, the new mention under it
// and prints how long each wait took. `--extension <folder>` loads the extension from another checkout's build.
import fs from 'node:fs';
import path from 'node:path';
import { PROJECT_ROOT } from './code-server/paths.mjs';
import { exitWith, runScreenshotSession } from './code-server/screenshotSession.mjs';
import { openCorpusWorkbench, openFile, runCommand, showOnlyPane } from './code-server/workbench.mjs';

function argValue(name, fallback) {
  const i = process.argv.indexOf(name);
  return i >= 0 && process.argv[i + 1] ? process.argv[i + 1] : fallback;
}

const addFrom = argValue('--add-articles');
const relFile = argValue('--file', 'seeds/003_0e5bd4099b662286.txt');
const extension = path.resolve(argValue('--extension', PROJECT_ROOT));
const outDir = path.resolve(PROJECT_ROOT, argValue('--out-dir', '.vscode-test/timeline-typing'));
const SENTENCE = 'On 3 March 2031 the ministers met again. ';
const YEAR = '2031';

exitWith(
  runScreenshotSession(
    {
      name: 'screenshot-timeline-typing',
      viewport: { width: 1280, height: 800 },
      prepare: (workspace) => {
        if (!addFrom) return;
        for (const name of fs.readdirSync(addFrom).filter((n) => n.endsWith('.txt'))) fs.copyFileSync(path.join(addFrom, name), path.join(workspace, 'seeds', name));
      },
    },
    async ({ page, server, workspace, log }) => {
      fs.mkdirSync(outDir, { recursive: true });
      const shot = async (name) => {
        const file = path.join(outDir, name);
        await page.screenshot({ path: file });
        log(`[timeline-typing] saved ${path.relative(PROJECT_ROOT, file)}`);
      };
      const started = Date.now();
      const since = (t) => `${((Date.now() - t) / 1000).toFixed(1)} s`;
      await openCorpusWorkbench(page, server, workspace, extension);
      // The Timeline pane open, the others closed to give it room.
      const pane = await showOnlyPane(page, 'Timeline');
      const row = (text) => pane.locator('.monaco-list-row', { hasText: text }).first();
      await pane.locator('.monaco-list-row').first().waitFor({ timeout: 15 * 60_000 });
      log(`[timeline-typing] the Timeline view's first rows ${since(started)} after the workbench was opened (indexing included)`);
      await shot('1-years.png');

      await openFile(page, relFile);
      await page.locator('.editor-instance .monaco-editor .view-lines').first().click();
      await page.keyboard.press('Control+Home');
      const typed = Date.now();
      const half = Math.floor(SENTENCE.length / 2);
      await page.keyboard.type(SENTENCE.slice(0, half), { delay: 120 });
      await shot('2-typing.png');
      await page.keyboard.type(SENTENCE.slice(half), { delay: 120 });
      const doneTyping = Date.now();
      log(`[timeline-typing] typed "${SENTENCE.trim()}" in ${since(typed)}`);
      // The tree renders only the rows in view (a corpus has hundreds of years): its end, where the new year goes, is
      // reached from the keyboard (the view focused, End) until the year is there.
      await runCommand(page, 'Corpus Annotator: Focus on Timeline View');
      for (const deadline = Date.now() + 5 * 60_000; !(await row(YEAR).isVisible()); ) {
        if (Date.now() > deadline) throw new Error(`${YEAR} did not appear in the Timeline view`);
        await page.keyboard.press('End');
        await page.waitForTimeout(100);
      }
      log(`[timeline-typing] ${YEAR} in the tree ${since(doneTyping)} after the last key (looked for every 100 ms)`);
      await shot('3-new-year.png');
      // The year and its month expanded by a click each (its mentions are fetched then); the view kept at its end.
      const atEnd = async (text) => {
        for (const deadline = Date.now() + 60_000; !(await row(text).isVisible()); ) {
          if (Date.now() > deadline) throw new Error(`"${text}" did not appear in the Timeline view`);
          await page.keyboard.press('End');
          await page.waitForTimeout(100);
        }
      };
      await row(YEAR).click();
      await atEnd(`March ${YEAR}`);
      await row(`March ${YEAR}`).click();
      await atEnd('3 March 2031');
      log(`[timeline-typing] rows now: ${(await pane.locator('.monaco-list-row').allInnerTexts()).slice(-8).map((t) => t.replace(/\s+/g, ' ')).join(' | ')}`);
      await shot('4-expanded.png');
    },
  ),
);
