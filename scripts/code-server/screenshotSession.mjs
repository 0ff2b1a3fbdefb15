// One screenshot session in the browser workbench, as the screenshot scripts run it: a fresh seed workspace in its own
// run folder, code-server with the screenshot settings, a headless Chromium; a picture of the state at a failure; and
// everything stopped and removed (the run folder kept when it failed, to look at).
import fs from 'node:fs';
import path from 'node:path';
import { launchBrowser } from './browser.mjs';
import { ensureCodeServer } from './install.mjs';
import { launchCodeServer } from './launch.mjs';
import { CACHE_ROOT, PROJECT_ROOT } from './paths.mjs';
import { createSeedWorkspace, removeQuietly } from './workspace.mjs';

const SETTINGS = { 'editor.wordWrap': 'on', 'workbench.colorTheme': 'Default Light Modern', 'editor.minimap.enabled': false };

/**
 * Runs `body({ page, server, workspace, runDir, log })` in a new session named `name` (run folder prefix, failure
 * picture, log label). `prepare(workspace, { layout, runDir, log })` runs before code-server starts. Resolves to the
 * exit code: 0 when `body` finished, 1 when it threw.
 */
export async function runScreenshotSession({ name, viewport, prepare }, body) {
  const t0 = Date.now();
  const log = (s) => console.log(s);
  const layout = await ensureCodeServer({ log });
  const runDir = fs.mkdtempSync(path.join(CACHE_ROOT, `${name}-`));
  const workspace = createSeedWorkspace(PROJECT_ROOT, path.join(runDir, 'workspaces'));
  await prepare?.(workspace, { layout, runDir, log });
  const server = await launchCodeServer({ entry: layout.entry, runDir, settings: SETTINGS });
  let browser;
  let ok = false;
  try {
    browser = await launchBrowser({ profileDir: path.join(runDir, 'chromium'), viewport });
    await body({ page: browser.page, server, workspace, runDir, log });
    ok = true;
  } catch (err) {
    log(`[${name}] FAILED: ${err instanceof Error ? err.message : err}`);
    if (browser) {
      const fail = path.join(CACHE_ROOT, `${name}-failed.png`);
      await browser.page.screenshot({ path: fail }).then(() => log(`[${name}] state at failure: ${fail}`), () => {});
    }
  } finally {
    await browser?.close();
    await server.stop();
    if (ok) removeQuietly(runDir);
  }
  log(`[${name}] ${ok ? 'done' : 'failed'} in ${((Date.now() - t0) / 1000).toFixed(1)}s`);
  return ok ? 0 : 1;
}

/** Ends the process with the session's exit code (1 on an error outside the session). */
export function exitWith(session) {
  session.then(
    (code) => process.exit(code),
    (err) => {
      console.error(err instanceof Error ? err.message : err);
      process.exit(1);
    },
  );
}
