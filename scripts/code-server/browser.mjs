// Headless Debian Chromium driven by playwright-core (never `playwright install`).
import fs from 'node:fs';
import { chromium } from 'playwright-core';
import { CHROMIUM_PATH } from './system-deps.mjs';

export const CHROMIUM_ARGS = Object.freeze([
  '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage',
]);

/**
 * @param {{ profileDir: string, viewport?: { width: number, height: number } }} opts
 * @returns {Promise<{ context: import('playwright-core').BrowserContext, page: import('playwright-core').Page, close: () => Promise<void> }>}
 */
export async function launchBrowser(opts) {
  const executablePath = process.env.CORPUS_CHROMIUM ?? CHROMIUM_PATH;
  if (!fs.existsSync(executablePath)) {
    throw new Error(`Chromium not found at ${executablePath}: apt-get install chromium (or set CORPUS_CHROMIUM)`);
  }
  fs.mkdirSync(opts.profileDir, { recursive: true });
  const context = await chromium.launchPersistentContext(opts.profileDir, {
    executablePath,
    headless: true,
    args: [...CHROMIUM_ARGS],
    viewport: opts.viewport ?? { width: 1280, height: 800 },
  });
  const page = context.pages()[0] ?? (await context.newPage());
  let closed = false;
  const close = async () => {
    if (closed) return;
    closed = true;
    await Promise.race([context.close().catch(() => {}), new Promise((r) => setTimeout(r, 5000))]);
  };
  return { context, page, close };
}
