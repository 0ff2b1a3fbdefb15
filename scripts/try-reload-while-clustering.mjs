// `node --import tsx scripts/try-reload-while-clustering.mjs [--articles 10000] [--extension <path>]`: what an analyst
// sees on Reload Window right after a big workspace was indexed, with a name just typed (the analysis cache's write
// pending, a recluster starting in the worker). code-server in headless Chromium, the seeds plus generated articles.
// Prints how long the reload took until the Entities view was back, and every log line of the old extension host that
// mentions stopping the server (vscode-languageclient logs "Stopping server timed out" there). `--extension` runs
// another build of the extension (a checkout with its own dist/) for comparison. Saves reload-after.png in --out-dir
// (default: the system's temporary folder).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PROJECT_ROOT } from './code-server/paths.mjs';
import { exitWith, runScreenshotSession } from './code-server/screenshotSession.mjs';
import { openCorpusWorkbench, openFile, runCommand } from './code-server/workbench.mjs';
import { generateCorpus } from '../test/support/corpusGenerator.ts';

function argValue(name, fallback) {
  const i = process.argv.indexOf(name);
  return i >= 0 && process.argv[i + 1] ? process.argv[i + 1] : fallback;
}

const articles = Number(argValue('--articles', '10000'));
const extension = path.resolve(argValue('--extension', PROJECT_ROOT));
const outDir = path.resolve(argValue('--out-dir', os.tmpdir()));
const FILE = 'seeds/003_0e5bd4099b662286.txt';

function addGenerated(workspace) {
  for (const d of generateCorpus({ articles, seed: 7 })) {
    fs.writeFileSync(path.join(workspace, 'seeds', `gen-${path.basename(d.uri).replace(/\.\w+$/, '')}.txt`), d.text);
  }
}

/** Every line of the extension hosts' logs (output channels included) that mentions stopping the server. */
function stoppingLines(runDir) {
  const out = [];
  const walk = (dir) => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.name.endsWith('.log')) {
        for (const line of fs.readFileSync(p, 'utf8').split('\n')) if (/stopping (the )?server/i.test(line)) out.push(`${path.relative(runDir, p)}: ${line.trim()}`);
      }
    }
  };
  walk(path.join(runDir, 'user-data', 'logs'));
  return out;
}

exitWith(
  runScreenshotSession({ name: 'try-reload', viewport: { width: 1280, height: 800 }, prepare: addGenerated }, async ({ page, server, workspace, runDir, log }) => {
    log(`[try-reload] ${articles} generated articles; extension ${extension}`);
    const t0 = Date.now();
    await openCorpusWorkbench(page, server, workspace, extension);
    const people = page.locator('.sidebar .monaco-list-row', { hasText: 'People' }).first();
    await people.waitFor({ timeout: 600_000 });
    log(`[try-reload] indexed (Entities listed) ${((Date.now() - t0) / 1000).toFixed(1)} s after opening`);
    await openFile(page, FILE);
    await page.locator('.monaco-editor .view-lines').first().click();
    await page.keyboard.press('Control+Home');
    await page.keyboard.type('General Somsavath Inthavong met Colonel Bounkhong Phetsavanh in Vientiane. ');
    // The server rebuilds the clustering once typing pauses (1.5 s): reload as it starts.
    await page.waitForTimeout(1800);
    const t1 = Date.now();
    await runCommand(page, 'Developer: Reload Window');
    await page.locator('.monaco-workbench').waitFor({ state: 'detached', timeout: 60_000 }).catch(() => {});
    await page.locator('.monaco-workbench').waitFor({ timeout: 120_000 });
    await page.locator('.sidebar .monaco-list-row', { hasText: 'People' }).first().waitFor({ timeout: 600_000 });
    log(`[try-reload] reloaded: Entities listed again ${((Date.now() - t1) / 1000).toFixed(1)} s after Reload Window`);
    if (process.argv.includes('--server-log')) {
      const logs = [];
      const walk = (dir) => {
        for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
          const p = path.join(dir, e.name);
          if (e.isDirectory()) walk(p);
          else if (e.name === 'Corpus Annotator.log') logs.push(p);
        }
      };
      walk(path.join(runDir, 'user-data', 'logs'));
      for (const file of logs.sort()) log(`[try-reload] ${path.relative(runDir, file)}:\n${fs.readFileSync(file, 'utf8').split('\n').slice(-40).join('\n')}`);
    }
    const lines = stoppingLines(runDir);
    log(`[try-reload] log lines about stopping the server: ${lines.length ? `\n  ${lines.join('\n  ')}` : 'none'}`);
    fs.mkdirSync(outDir, { recursive: true });
    await page.screenshot({ path: path.join(outDir, 'reload-after.png') });
    log(`[try-reload] saved ${path.join(outDir, 'reload-after.png')}`);
  }),
);
