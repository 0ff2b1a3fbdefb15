// What the screenshot scripts do in the browser workbench with the keyboard, as a user would: open a file by name
// (Ctrl+P), run a command by its title (Ctrl+Shift+P).
import path from 'node:path';
import { workbenchUrl } from './launch.mjs';

/** Opens `relPath` by its file name through Quick Open, and waits for its tab. */
export async function openFile(page, relPath) {
  await page.keyboard.press('Control+P');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ timeout: 20_000 });
  await input.fill(path.basename(relPath));
  // The first row may still be a recently opened file until the search answers: wait until it is this one.
  await page.locator('.quick-input-widget .monaco-list-row[data-index="0"]', { hasText: path.basename(relPath) }).first().waitFor({ timeout: 20_000 });
  await page.keyboard.press('Enter');
  await page.locator(`.tabs-container .tab[aria-label^="${path.basename(relPath)}"]`).first().waitFor({ timeout: 20_000 });
}

/** Runs the command titled `title` from the Command Palette. */
export async function runCommand(page, title) {
  await page.keyboard.press('Control+Shift+P');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ timeout: 20_000 });
  await input.fill(`>${title}`);
  await page.locator('.quick-input-widget .monaco-list-row', { hasText: title }).first().waitFor({ timeout: 20_000 });
  await page.keyboard.press('Enter');
}

/** Opens the workbench on `workspace` with this repository's extension, and the Corpus Annotator view container. */
export async function openCorpusWorkbench(page, server, workspace, extensionDevelopmentPath) {
  await page.goto(workbenchUrl(server.baseUrl, { folder: workspace, extensionDevelopmentPath }));
  await page.locator('.monaco-workbench').waitFor({ timeout: 90_000 });
  const item = page.locator('.activitybar .action-item a[aria-label^="Corpus Annotator"]').first();
  await item.waitFor({ timeout: 60_000 });
  await item.click();
}

/** A function saving a screenshot of `page` as `name` in `outDir`, and saying so through `log`. */
export function screenshotter(page, outDir, log, root) {
  return async (name) => {
    const file = path.join(outDir, name);
    await page.screenshot({ path: file });
    log(`saved ${path.relative(root, file)}`);
  };
}

const CORPUS_PANES = ['Corpus Tags', 'Entities', 'Timeline', 'Boilerplate'];

/**
 * Opens the Corpus Annotator pane titled `title` and closes the others (to give it room); gives the pane's locator.
 */
export async function showOnlyPane(page, title) {
  const header = (t) => page.locator('.pane-header', { hasText: t }).first();
  for (const other of CORPUS_PANES.filter((t) => t !== title)) {
    await header(other).waitFor({ timeout: 60_000 });
    if ((await header(other).getAttribute('aria-expanded')) === 'true') await header(other).click();
  }
  if ((await header(title).getAttribute('aria-expanded')) !== 'true') await header(title).click();
  return page.locator('.pane', { has: page.locator('.pane-header', { hasText: title }) }).first();
}
