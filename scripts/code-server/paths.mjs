// Where the code-server harness keeps its files. Plain ESM, no dependencies:
// it runs before the project is built.
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const CODE_SERVER_VERSION = '4.100.3';

/** The project root (the folder holding package.json). */
export const PROJECT_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

/** Cache folder for downloaded editors and per-run state (gitignored). */
export const CACHE_ROOT = path.join(PROJECT_ROOT, '.vscode-test');

/** Install folder of code-server: <root>/.vscode-test/code-server-<version>. */
export function codeServerInstallDir(cacheRoot = CACHE_ROOT) {
  return path.join(cacheRoot, `code-server-${CODE_SERVER_VERSION}`);
}

/** Layout of an installed code-server inside an install folder. */
export function codeServerLayout(installDir = codeServerInstallDir()) {
  const pkg = path.join(installDir, 'node_modules', 'code-server');
  const vscode = path.join(pkg, 'lib', 'vscode');
  return {
    installDir,
    pkg,
    entry: path.join(pkg, 'out', 'node', 'entry.js'),
    vscode,
    builtinExtensions: path.join(vscode, 'extensions'),
    marker: path.join(installDir, '.install-complete'),
    log: path.join(installDir, 'install.log'),
  };
}
