/** Who the analyst is, by git: `git config user.name` in a folder (undefined without git or without a name). */
import { execFile } from 'node:child_process';

export function gitUserName(cwd: string): Promise<string | undefined> {
  return new Promise((resolve) => {
    execFile('git', ['config', 'user.name'], { cwd, timeout: 5000, windowsHide: true }, (error, stdout) => {
      const name = error ? '' : String(stdout).trim();
      resolve(name || undefined);
    });
  });
}
