/**
 * Annotation files at git refs (workspace/annotationSources.ts): `git rev-parse`, `ls-tree`, `show` and
 * `for-each-ref`, which read the repository and never touch the working tree or run hooks.
 */
import { execFile } from 'node:child_process';
import type { GitAnnotations, GitRef } from '../workspace/annotationSources';

function git(cwd: string, args: readonly string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile('git', [...args], { cwd, maxBuffer: 256 * 1024 * 1024, timeout: 60000, windowsHide: true }, (error, stdout, stderr) => {
      if (error) reject(new Error(`git ${args[0]} failed: ${String(stderr).trim() || error.message}`));
      else resolve(String(stdout));
    });
  });
}

export const gitAnnotations: GitAnnotations = {
  async isRef(root, spec) {
    if (spec.startsWith('-')) return false;
    return git(root, ['rev-parse', '--verify', '--quiet', `${spec}^{commit}`]).then(
      () => true,
      () => false,
    );
  },
  async readFiles(root, ref, dir, only) {
    const files = new Map<string, string>();
    const listed = only
      ? only.map((f) => `${dir}/${f}`)
      : (await git(root, ['ls-tree', '-r', '--name-only', '-z', ref, '--', `${dir}/`])).split('\0').filter((f) => f.endsWith('.yaml'));
    for (const file of listed) {
      // ls-tree names paths from the current folder (the workspace folder): read them the same way.
      const text = await git(root, ['show', `${ref}:./${file}`]).catch(() => undefined);
      if (text !== undefined) files.set(file.startsWith(`${dir}/`) ? file.slice(dir.length + 1) : file, text);
    }
    return files;
  },
  async refs(root) {
    const out = await git(root, ['for-each-ref', '--sort=-committerdate', '--format=%(HEAD)%00%(refname)%00%(refname:short)%00%(subject)%00%(authorname)', 'refs/heads', 'refs/tags', 'refs/remotes']).catch(() => '');
    const refs: GitRef[] = [];
    for (const line of out.split('\n')) {
      const [head, full, name, subject, author] = line.split('\0');
      if (!full || full.endsWith('/HEAD')) continue;
      const kind = full.startsWith('refs/heads/') ? 'branch' : full.startsWith('refs/tags/') ? 'tag' : 'remote';
      refs.push({ name, kind, ...(head === '*' ? { current: true } : {}), ...(subject ? { subject } : {}), ...(author ? { author } : {}) });
    }
    return refs.sort((x, y) => Number(!!y.current) - Number(!!x.current));
  },
};
