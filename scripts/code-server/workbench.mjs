// What the screenshot scripts do in the browser workbench with the keyboard, as a user would: open a file by name
// (Ctrl+P), run a command by its title (Ctrl+Shift+P).
import path from 'node:path';

/** Opens `relPath` by its file name through Quick Open, and waits for its tab. */
export async function openFile(page, relPath) {
  await page.keyboard.press('Control+P');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ timeout: 20_000 });
  await input.fill(path.basename(relPath));
  await page.locator('.quick-input-widget .monaco-list-row').first().waitFor({ timeout: 20_000 });
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
