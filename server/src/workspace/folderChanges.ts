/**
 * A watcher's report of changed paths, file by file. Watchers may name a folder where files changed:
 *
 * - VS Code's recursive watcher (@parcel/watcher on inotify) starts watching a new folder only once it has seen the
 *   folder appear, and never lists what the folder holds by then; a file written into a folder made a moment before
 *   (`vscode.workspace.fs.writeFile` of a first sidecar, which makes `annotations/seeds/`; a `git pull` that adds a
 *   folder of articles) is then reported as the folder alone, all the more often on a busy machine;
 * - a folder removed is reported alone, without the files it held (VS Code drops its children's events).
 *
 * So a folder that appeared is listed, and its files are read as new; a folder that went away takes every file the
 * model knew inside it. Any other path is kept as reported; a path reported twice counts once, as last reported.
 */
import * as path from 'node:path';
import type { FileChange } from './corpusFolder';

export interface FolderChangeSource {
  /** Whether the model reads this file (an article, an analyst file). */
  wants(file: string): boolean;
  /** The files the model knows now (articles, analyst files, broken ones included). */
  known(): Iterable<string>;
  /** The wanted files on disk now under a path that may be a folder (none when it is not one, or holds none). */
  listWanted(folder: string): Promise<string[]>;
}

export async function fileByFile(changes: readonly FileChange[], source: FolderChangeSource): Promise<FileChange[]> {
  const result = new Map<string, boolean>();
  const put = (file: string, deleted: boolean) => {
    result.delete(file); // kept in the order last reported
    result.set(file, deleted);
  };
  for (const { file, deleted } of changes) {
    if (source.wants(file)) put(file, deleted);
    else if (deleted) {
      const inside = file.endsWith(path.sep) ? file : file + path.sep;
      for (const known of [...source.known()]) if (known.startsWith(inside)) put(known, true);
    } else {
      for (const found of await source.listWanted(file)) put(found, false);
    }
  }
  return [...result].map(([file, deleted]) => ({ file, deleted }));
}
