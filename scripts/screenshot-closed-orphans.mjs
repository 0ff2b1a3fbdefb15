// `node scripts/screenshot-closed-orphans.mjs [--out-dir .vscode-test/closed-orphans]`: the Problems panel as the
// analysts' worklist, in code-server + headless Chromium, when a change on disk (another editor, a `git pull`) leaves
// tags to see to in an article no one has open. On a fresh copy of the seeds, two passages of one article are tagged
// with the CLI; the article is then changed on disk: one tagged paragraph deleted, the other reworded a little. No
// article is opened: the Problems panel should list the orphaned and the fuzzy tag. Needs `npm run build` first.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { PROJECT_ROOT } from './code-server/paths.mjs';
import { exitWith, runScreenshotSession } from './code-server/screenshotSession.mjs';
import { openCorpusWorkbench, screenshotter } from './code-server/workbench.mjs';

const argValue = (name, fallback) => {
  const i = process.argv.indexOf(name);
  return i >= 0 && process.argv[i + 1] ? process.argv[i + 1] : fallback;
};
const outDir = path.resolve(PROJECT_ROOT, argValue('--out-dir', '.vscode-test/closed-orphans'));
const CLI = path.join(PROJECT_ROOT, 'dist/cli.js');
const log = (s) => console.log(`[closed-orphans] ${s}`);
const ARTICLE = 'seeds/003_0e5bd4099b662286.txt';

exitWith(
  runScreenshotSession(
    {
      name: 'screenshot-closed-orphans',
      viewport: { width: 1280, height: 800 },
      prepare: (ws) => {
        const file = path.join(ws, ARTICLE);
        const text = fs.readFileSync(file, 'utf8');
        // Two long sentences of two paragraphs.
        const sentences = text.split('\n').flatMap((p) => p.match(/[A-Z][^.\n]{60,200}\./)?.[0] ?? []);
        const [gone, reworded] = [sentences[1], sentences[3]];
        for (const [quote, tag] of [[gone, 'cooperation'], [reworded, 'crime']]) {
          const start = text.indexOf(quote);
          execFileSync(process.execPath, [CLI, 'tag', '--tag', tag, '--file', ARTICLE, '--start', String(start), '--end', String(start + quote.length)], { cwd: ws });
        }
        // Changed elsewhere: the first tagged paragraph deleted, a word of the second changed.
        const lines = text.split('\n');
        const kept = lines.filter((l) => !l.includes(gone)).join('\n');
        const words = reworded.split(' ');
        words[2] = `${words[2]}s`;
        fs.writeFileSync(file, kept.replace(reworded, words.join(' ')));
        log(`tagged and changed ${ARTICLE}: deleted the paragraph of “${gone.slice(0, 50)}…”, reworded “${reworded.slice(0, 50)}…”`);
      },
    },
    async ({ page, server, workspace }) => {
      fs.mkdirSync(outDir, { recursive: true });
      const shot = screenshotter(page, outDir, log, PROJECT_ROOT);
      await openCorpusWorkbench(page, server, workspace, PROJECT_ROOT);
      await page.locator('.pane-header', { hasText: 'Corpus Tags' }).first().waitFor({ timeout: 60_000 });
      await page.keyboard.press('Control+Shift+M');
      const problems = page.locator('.markers-panel');
      await problems.waitFor({ timeout: 20_000 });
      await problems.locator('.monaco-list-row', { hasText: 'lost its passage' }).first().waitFor({ timeout: 90_000 });
      await page.waitForTimeout(1000);
      log(`Problems panel:\n${(await problems.innerText()).trim()}`);
      await shot('1-problems.png');
    },
  ),
);
