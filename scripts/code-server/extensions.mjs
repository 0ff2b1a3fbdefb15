// Installs a packaged .vsix into a run's isolated extensions folder, as a user would.
import { spawn } from 'node:child_process';
import path from 'node:path';

/** @param {{ entry: string, runDir: string, vsix: string, log?: (s: string) => void }} opts */
export function installExtension(opts) {
  const runDir = path.resolve(opts.runDir);
  const args = [
    opts.entry, '--user-data-dir', path.join(runDir, 'user-data'), '--extensions-dir', path.join(runDir, 'extensions'),
    '--install-extension', path.resolve(opts.vsix), '--force',
  ];
  const env = {
    ...process.env,
    EXTENSIONS_GALLERY: '{}',
    XDG_DATA_HOME: path.join(runDir, 'xdg', 'data'),
    XDG_CONFIG_HOME: path.join(runDir, 'xdg', 'config'),
    XDG_CACHE_HOME: path.join(runDir, 'xdg', 'cache'),
  };
  return new Promise((resolve, reject) => {
    let out = '';
    const child = spawn(process.execPath, args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout.on('data', (d) => { out += d; });
    child.stderr.on('data', (d) => { out += d; });
    child.on('error', reject);
    child.on('close', (code) => {
      for (const line of out.split('\n')) if (line.trim()) opts.log?.(`[install-extension] ${line}`);
      if (code === 0 && !/failed|error/i.test(out)) resolve();
      else reject(new Error(`installing ${opts.vsix} failed (exit ${code}):\n${out}`));
    });
  });
}
