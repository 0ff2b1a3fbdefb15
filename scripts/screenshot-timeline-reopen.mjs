// `node scripts/screenshot-timeline-reopen.mjs`: the Timeline view shown while a workspace opens, then reopened with
// the analysis cache the first window wrote, in code-server in headless Chromium, on a fresh copy of the seeds (plus
// the articles of --add-articles <folder>, e.g. a generated corpus of 10,000). Watches the Timeline pane from the
// moment the workbench opens (every 100 ms: what it says before the first rows, e.g. "Analysing the corpus…", and
// whether VS Code's "There is no data provider registered" ever shows), waits for the first rows, waits for the
// server to write its cache, reloads the window (a reopen: the extension and its server start again) and does the
// same; then expands the first year. Saves, under --out-dir (default .vscode-test/timeline-reopen):
//   1-early.png      the pane as first seen with something in it (before the corpus is indexed)
//   2-cold.png       the first rows, no cache
//   3-reopen-early.png, 4-reopened.png   the same after the reload, with the cache
//   5-year.png       the first year expanded: its months, then Year only
// and prints how long each wait took. `--extension <folder>` loads the extension from another checkout's build.
import fs from 'node:fs';
import path from 'node:path';
import { PROJECT_ROOT } from './code-server/paths.mjs';
import { exitWith, runScreenshotSession } from './code-server/screenshotSession.mjs';
import { openCorpusWorkbench, showOnlyPane } from './code-server/workbench.mjs';

function argValue(name, fallback) {
  const i = process.argv.indexOf(name);
  return i >= 0 && process.argv[i + 1] ? process.argv[i + 1] : fallback;
}

const addFrom = argValue('--add-articles');
const extension = path.resolve(argValue('--extension', PROJECT_ROOT));
const outDir = path.resolve(PROJECT_ROOT, argValue('--out-dir', '.vscode-test/timeline-reopen'));
const NO_PROVIDER = 'no data provider registered';

/** The analysis cache's shard files under the run folder (the client puts the cache in its workspace storage). */
function cacheFiles(dir) {
  const out = [];
  const walk = (d) => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (/^articles-[0-9a-f]\.v8$/.test(e.name) && p.includes('analysis-cache')) out.push(p);
    }
  };
  walk(dir);
  return out;
}

exitWith(
  runScreenshotSession(
    {
      name: 'screenshot-timeline-reopen',
      viewport: { width: 1280, height: 800 },
      prepare: (workspace) => {
        if (!addFrom) return;
        for (const name of fs.readdirSync(addFrom).filter((n) => n.endsWith('.txt'))) fs.copyFileSync(path.join(addFrom, name), path.join(workspace, 'seeds', name));
      },
    },
    async ({ page, server, workspace, runDir, log }) => {
      fs.mkdirSync(outDir, { recursive: true });
      const shot = async (name) => {
        const file = path.join(outDir, name);
        await page.screenshot({ path: file });
        log(`[timeline-reopen] saved ${path.relative(PROJECT_ROOT, file)}`);
      };
      const since = (t) => `${((Date.now() - t) / 1000).toFixed(1)} s`;
      const header = (title) => page.locator('.pane-header', { hasText: title }).first();
      const pane = page.locator('.pane', { has: page.locator('.pane-header', { hasText: 'Timeline' }) }).first();
      const rows = pane.locator('.monaco-list-row');
      /** The Timeline pane open and the others closed; then its text every 100 ms until it shows rows. */
      const watchUntilRows = async (started, early) => {
        await showOnlyPane(page, 'Timeline');
        const said = [];
        let noProvider = 0;
        let shotEarly = false;
        for (const deadline = Date.now() + 20 * 60_000; !(await rows.first().isVisible()); ) {
          if (Date.now() > deadline) throw new Error('the Timeline view showed no rows');
          const body = (await pane.locator('.pane-body').innerText().catch(() => '')).replace(/\s+/g, ' ').trim();
          if (body && said[said.length - 1]?.text !== body) said.push({ at: since(started), text: body });
          if (body.includes(NO_PROVIDER)) noProvider++;
          if (body && !shotEarly) {
            shotEarly = true;
            await shot(early);
          }
          await page.waitForTimeout(100);
        }
        log(`[timeline-reopen] before the rows the pane said: ${said.map((s) => `at ${s.at} "${s.text.slice(0, 80)}"`).join('; ') || 'nothing'}`);
        log(`[timeline-reopen] "${NO_PROVIDER}" seen in ${noProvider} of the looks`);
        log(`[timeline-reopen] first rows ${since(started)} after the workbench was opened: ${(await rows.allInnerTexts()).slice(0, 4).map((t) => t.replace(/\s+/g, ' ')).join(' | ')}`);
      };

      const opened = Date.now();
      await openCorpusWorkbench(page, server, workspace, extension);
      await watchUntilRows(opened, '1-early.png');
      await shot('2-cold.png');

      const indexed = Date.now();
      for (const deadline = Date.now() + 10 * 60_000; !cacheFiles(runDir).length; await page.waitForTimeout(500)) {
        if (Date.now() > deadline) throw new Error('the analysis cache was not written');
      }
      log(`[timeline-reopen] analysis cache written (${cacheFiles(runDir).length} shards) ${since(indexed)} after the first rows`);

      const reloaded = Date.now();
      await page.reload();
      await page.locator('.monaco-workbench').waitFor({ timeout: 90_000 });
      // The side bar as it was left (the Corpus Annotator container); opened again if the reload did not keep it.
      const container = page.locator('.activitybar .action-item a[aria-label^="Corpus Annotator"]').first();
      await container.waitFor({ timeout: 60_000 });
      for (let tries = 0; !(await header('Timeline').waitFor({ timeout: 15_000 }).then(() => true, () => false)); tries++) {
        if (tries === 3) throw new Error('the Corpus Annotator side bar did not open after the reload');
        await container.click();
      }
      await watchUntilRows(reloaded, '3-reopen-early.png');
      await shot('4-reopened.png');

      await rows.first().click();
      await pane.locator('.monaco-list-row[aria-level="2"]').first().waitFor({ timeout: 60_000 });
      log(`[timeline-reopen] rows once the first year is expanded: ${(await rows.allInnerTexts()).slice(0, 16).map((t) => t.replace(/\s+/g, ' ')).join(' | ')}`);
      await shot('5-year.png');
    },
  ),
);
