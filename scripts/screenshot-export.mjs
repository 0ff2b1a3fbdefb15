// `node scripts/screenshot-export.mjs [--out-dir .vscode-test/export]`: Corpus: Export Tags… as a new user runs it,
// in code-server + headless Chromium, on a fresh copy of the seeds with three tags in two articles (tagged with the
// CLI) and one of the articles edited and left unsaved. Runs the command from the Command Palette: the format pick,
// the unsaved-articles question (Save All and Export), the save dialog with its default name, the message that
// follows, and Open: the CSV in the editor. Saves a screenshot after each step. Needs `npm run build` first.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { PROJECT_ROOT } from './code-server/paths.mjs';
import { exitWith, runScreenshotSession } from './code-server/screenshotSession.mjs';
import { openCorpusWorkbench, openFile, runCommand, screenshotter } from './code-server/workbench.mjs';

const argValue = (name, fallback) => {
  const i = process.argv.indexOf(name);
  return i >= 0 && process.argv[i + 1] ? process.argv[i + 1] : fallback;
};
const outDir = path.resolve(PROJECT_ROOT, argValue('--out-dir', '.vscode-test/export'));
const CLI = path.join(PROJECT_ROOT, 'dist/cli.js');
const log = (s) => console.log(`[export] ${s}`);
const TAGS = [
  ['seeds/003_0e5bd4099b662286.txt', 'drug trafficking', 'crime', 'first mention'],
  ['seeds/003_0e5bd4099b662286.txt', 'online frauds', 'crime', ''],
  ['seeds/004_f85d18add8346542.txt', 'Ministry of Public Security', 'institutions', 'the Lao ministry, "MPS"'],
];

exitWith(
  runScreenshotSession(
    {
      name: 'screenshot-export',
      viewport: { width: 1280, height: 800 },
      prepare: (ws) => {
        // Unsaved changes stay unsaved (code-server may save after a delay by default).
        fs.mkdirSync(path.join(ws, '.vscode'), { recursive: true });
        fs.writeFileSync(path.join(ws, '.vscode/settings.json'), '{ "files.autoSave": "off" }\n');
        for (const [file, quote, tag, note] of TAGS) {
          const start = fs.readFileSync(path.join(ws, file), 'utf8').indexOf(quote);
          if (start < 0) throw new Error(`no "${quote}" in ${file}`);
          const args = ['tag', '--tag', tag, '--file', file, '--start', String(start), '--end', String(start + quote.length), ...(note ? ['--note', note] : [])];
          execFileSync(process.execPath, [CLI, ...args], { cwd: ws });
        }
      },
    },
    async ({ page, server, workspace }) => {
      fs.mkdirSync(outDir, { recursive: true });
      const shot = screenshotter(page, outDir, log, PROJECT_ROOT);
      await openCorpusWorkbench(page, server, workspace, PROJECT_ROOT);
      await page.locator('.pane-header', { hasText: 'Corpus Tags' }).first().waitFor({ timeout: 60_000 });
      // An article with unsaved changes: a line typed at its top.
      await openFile(page, TAGS[2][0]);
      await page.locator('.editor-instance .monaco-editor .view-lines').first().waitFor({ timeout: 20_000 });
      await page.waitForTimeout(1000);
      await page.locator('.editor-instance .monaco-editor .view-line').nth(2).click();
      await page.keyboard.press('Control+Home');
      await page.keyboard.type('Unsaved line typed by the analyst. ');
      await page.locator('.tabs-container .tab.dirty').first().waitFor({ timeout: 20_000 });
      await runCommand(page, 'Corpus: Export Tags…');
      await page.locator('.quick-input-widget .monaco-list-row', { hasText: 'CSV' }).first().waitFor({ timeout: 20_000 });
      await shot('1-format.png');
      await page.keyboard.press('Enter');
      const dialog = page.locator('.monaco-dialog-box');
      await dialog.waitFor({ timeout: 20_000 });
      log(`question: ${(await dialog.innerText()).replace(/\s+/g, ' ')}`);
      await shot('2-unsaved.png');
      await dialog.locator('.monaco-button', { hasText: 'Save All and Export' }).click();
      // code-server's save dialog is VS Code's own: a path box prefilled with the default name.
      const input = page.locator('.quick-input-widget input');
      await input.waitFor({ timeout: 20_000 });
      await page.waitForTimeout(500);
      log(`save dialog: ${await input.inputValue()}`);
      await shot('3-save-dialog.png');
      await page.keyboard.press('Enter');
      const toast = page.locator('.notification-toast', { hasText: 'Exported' });
      await toast.waitFor({ timeout: 30_000 });
      log(`message: ${(await toast.innerText()).replace(/\s+/g, ' ')}`);
      await shot('4-message.png');
      await toast.locator('.monaco-button', { hasText: 'Open' }).click();
      await page.locator('.tabs-container .tab[aria-label*="-tags.csv"]').first().waitFor({ timeout: 20_000 });
      await page.waitForTimeout(500);
      await shot('5-csv-open.png');
      const written = fs.readdirSync(workspace).find((n) => n.endsWith('-tags.csv'));
      log(`written: ${written}\n${fs.readFileSync(path.join(workspace, written), 'utf8')}`);
    },
  ),
);
