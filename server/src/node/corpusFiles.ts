import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { createMatcher, globBase } from './glob';

const SKIP_DIRS = new Set(['node_modules', '.git', '.vscode-test', 'out', 'dist']);

/** Absolute paths of the files under `root` that match any of the globs (relative to root), sorted. */
export async function findCorpusFiles(root: string, globs: readonly string[]): Promise<string[]> {
  const matches = createMatcher(globs);
  const bases = [...new Set(globs.map(globBase))];
  const found = new Set<string>();
  const walk = async (dir: string): Promise<void> => {
    let entries: import('node:fs').Dirent[];
    try {
      entries = await fs.readdir(dir, { withFileTypes: true });
    } catch {
      return;
    }
    for (const e of entries) {
      const full = path.join(dir, e.name);
      if (e.isDirectory()) {
        if (!SKIP_DIRS.has(e.name) && !e.name.startsWith('.')) await walk(full);
      } else if (e.isFile() && matches(path.relative(root, full).split(path.sep).join('/'))) {
        found.add(full);
      }
    }
  };
  for (const base of bases) await walk(path.join(root, base));
  return [...found].sort();
}

/** Whether an absolute path is in the corpus of `root` by the globs. */
export function inCorpus(root: string, globs: readonly string[], file: string): boolean {
  const rel = path.relative(root, file);
  if (rel.startsWith('..') || path.isAbsolute(rel)) return false;
  return createMatcher(globs)(rel.split(path.sep).join('/'));
}
