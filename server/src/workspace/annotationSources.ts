/**
 * Where one analyst's annotations are read from, for agreement and adjudication (issue 10): an annotations folder (a
 * path), or a git ref of the workspace's repository (its annotations folder read with `git ls-tree` and `git show`,
 * never checked out). Used by the CLI (`agree`) and the language server alike; folders are read through the file
 * system given (the server gives its workspace boundary, so a folder outside the workspace is refused), git through
 * a `GitAnnotations` (node/gitAnnotations.ts).
 */
import * as path from 'node:path';
import type { AnnotationFiles } from '../core/index';
import { FileRefusedError, type WorkspaceFileSystem } from './fileSystem';

/** Reading annotation files from git refs of a repository. */
export interface GitAnnotations {
  /** Whether `spec` names a commit in the repository of `root`. */
  isRef(root: string, spec: string): Promise<boolean>;
  /** The files under `dir` (relative to `root`, `/` separators) at `ref`: path relative to `dir` → text. Only `only`'s paths when given. */
  readFiles(root: string, ref: string, dir: string, only?: readonly string[]): Promise<Map<string, string>>;
  /** The repository's branches and tags, the current branch first; empty when `root` is not in a repository. */
  refs(root: string): Promise<GitRef[]>;
}

export interface GitRef {
  readonly name: string;
  readonly kind: 'branch' | 'tag' | 'remote';
  /** The branch checked out. */
  readonly current?: boolean;
  /** The subject of its last commit, and who made it. */
  readonly subject?: string;
  readonly author?: string;
}

export class SourceError extends Error {}

export interface SourceOptions {
  /** The workspace folder (git commands run there; relative folder specs are resolved against it). */
  readonly root: string;
  /** Where a relative folder spec is resolved from; `root` when absent. */
  readonly folderBase?: string;
  /** The annotations folder, relative to `root`. */
  readonly annotationsFolder: string;
  readonly fs: WorkspaceFileSystem;
  readonly git: GitAnnotations;
  /** Read only these files of the annotations folder (paths inside it, `/` separators); every `.yaml` file when absent. */
  readonly only?: readonly string[];
}

/** One analyst's annotation files, from a folder or a git ref. */
export async function readAnnotationSource(spec: string, options: SourceOptions): Promise<AnnotationFiles> {
  const { root, fs, git, only } = options;
  const asFolder = path.resolve(options.folderBase ?? root, spec);
  // A folder with files in it (listFiles gives nothing for a missing folder or a file); a folder refused by the
  // file system (outside the workspace) says why.
  const inFolder = await fs.listFiles(asFolder, (dir) => !path.basename(dir).startsWith('.')).catch((e: Error) => {
    if (e instanceof FileRefusedError) throw new SourceError(`${spec}: ${e.message}`);
    return [];
  });
  if (inFolder.length) {
    const files = new Map<string, string>();
    const wanted = only ? only.map((f) => path.join(asFolder, ...f.split('/'))) : inFolder.filter((f) => f.endsWith('.yaml'));
    for (const file of wanted) {
      const text = await fs.readText(file).catch((e: Error) => {
        throw new SourceError(`${spec}: ${e.message}`);
      });
      if (text !== undefined) files.set(path.relative(asFolder, file).split(path.sep).join('/'), text);
    }
    return { label: spec, kind: 'folder', files };
  }
  if (!(await git.isRef(root, spec).catch(() => false))) throw new SourceError(`'${spec}' is neither a folder nor a git ref of ${root}.`);
  const dir = options.annotationsFolder.split(path.sep).join('/').replace(/\/$/, '');
  return { label: spec, kind: 'git', files: await git.readFiles(root, spec, dir, only) };
}
