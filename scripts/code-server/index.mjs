// Public surface of the code-server harness, for TypeScript callers (see index.d.mts).
export { CODE_SERVER_VERSION, PROJECT_ROOT, CACHE_ROOT, codeServerInstallDir, codeServerLayout } from './paths.mjs';
export { ensureCodeServer, isCodeServerInstalled } from './install.mjs';
export { launchCodeServer, workbenchUrl } from './launch.mjs';
export { installExtension } from './extensions.mjs';
export { launchBrowser, CHROMIUM_ARGS } from './browser.mjs';
export { ensureSystemPackages, missingPackages, CHROMIUM_PATH } from './system-deps.mjs';
export { QUIET_SETTINGS, writeUserSettings } from './settings.mjs';
export { createSeedWorkspace, removeQuietly, pruneOld } from './workspace.mjs';
